"""GUI counts read naturally: no "(s)" left in English, one Persian form with local digits.

Every ``tr``/``translate`` text with a "word(s)" plural takes its count (``%n``) and is shown
through :func:`balint_trainer.gui.reading.plural`, which writes the English singular or plural.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

GUI = Path(__file__).resolve().parent.parent / "balint_trainer" / "gui"
WORD_PLURAL = re.compile(r"[a-z]\(s\)")
NO_COUNT = {"The option(s) most experts chose"}  # ties: one or several options, no number shown


def _name(func: ast.expr) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _text(node: ast.expr) -> str:
    return "".join(n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str))


def test_every_gui_plural_takes_its_count_and_is_shown_through_plural() -> None:
    problems = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node.func) not in ("tr", "translate"):
                continue
            first = 0 if _name(node.func) == "tr" else 1
            if len(node.args) <= first:
                continue
            text = _text(node.args[first])
            if not WORD_PLURAL.search(text) or text in NO_COUNT:
                continue
            parent = parents.get(node)
            counted = len(node.args) >= first + 3 and re.search(r"%L?n", text)
            shown = isinstance(parent, ast.Call) and _name(parent.func) == "plural"
            if not (counted and shown):
                problems.append(f"{path.relative_to(GUI)}:{node.lineno}: {text}")
    assert problems == []


def test_the_count_of_a_translate_call_is_a_plain_name() -> None:
    """PySide6 6.11's lupdate drops QCoreApplication.translate(ctx, text, "", n) from the
    translation file when ``n`` is an expression (len(x), report.count): its Persian text is
    then lost. A name (count = len(x) first) is collected."""
    problems = []
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_translate = isinstance(node, ast.Call) and _name(node.func) == "translate"
            if is_translate and len(node.args) >= 4 and not isinstance(node.args[3], ast.Name | ast.Constant):
                problems.append(f"{path.relative_to(GUI)}:{node.lineno}")
    assert problems == []
