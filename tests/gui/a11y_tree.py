"""Walk the accessibility tree as a screen reader (Orca over AT-SPI) sees it, offscreen."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QAccessible, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

_SPACE = re.compile(r"\s+")


def _plain(text: str, *, mnemonic: bool = True) -> str:
    """Visible text: markup dropped, the mnemonic '&' removed, spaces collapsed, case folded."""
    if "<" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    if mnemonic:  # "Save && &next" shows "Save & next"
        text = re.sub(r"&(&?)", r"\1", text)
    text = text.replace("…", "").replace("...", "")  # "New…" is said "New"
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class Node:
    widget: QWidget
    role: QAccessible.Role
    name: str
    value: str
    description: str


def walk(root: QWidget) -> list[Node]:
    """Every accessible node under ``root`` that belongs to a visible widget."""
    out: list[Node] = []
    seen: set[int] = set()

    def visit(iface: QAccessible | None, depth: int) -> None:  # type: ignore[valid-type]
        if iface is None or not iface.isValid() or depth > 60:
            return
        obj = iface.object()
        if isinstance(obj, QWidget):
            if id(obj) in seen or not obj.isVisible():
                return
            seen.add(id(obj))
            out.append(
                Node(
                    obj,
                    iface.role(),
                    iface.text(QAccessible.Text.Name),
                    iface.text(QAccessible.Text.Value),
                    iface.text(QAccessible.Text.Description),
                )
            )
        for index in range(iface.childCount()):
            visit(iface.child(index), depth + 1)

    visit(QAccessible.queryAccessibleInterface(root), 0)
    return out


def hidden_values(root: QWidget) -> list[str]:
    """Labels whose visible text is not in their accessible name or value (a screen reader never
    hears it), and controls whose name does not contain their visible label (voice control)."""
    problems = []
    for node in walk(root):
        widget = node.widget
        if isinstance(widget, QLabel | QAbstractButton):
            visible = _plain(widget.text())
        elif isinstance(widget, QGroupBox):
            visible = _plain(widget.title())
        else:
            continue
        if not visible or visible in {"→", "←"}:
            continue
        heard = _plain(node.name, mnemonic=False) + " " + _plain(node.value, mnemonic=False)
        if visible not in heard:
            problems.append(f"{type(widget).__name__}: shows {visible!r}, reads {node.name!r}")
    return problems


def spoken(root: QWidget) -> str:
    """Everything the tree says (names, values, descriptions), for assertions on content."""
    return "\n".join(f"{n.name} {n.value} {n.description}" for n in walk(root))
