"""Help for newcomers: the first-run introduction, the glossary and the keyboard shortcut sheet.

The texts live in :mod:`balint_trainer.core.guidance`, imported when a dialog opens (the menu
entries are built with the main window, before its first paint).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.markdown_render import render_plain
from balint_trainer.gui.guidance_menu import INTRO_SETTING, intro_dismissed
from balint_trainer.gui.markdown_view import SafeTextBrowser


def _sources_html() -> str:
    from balint_trainer.core import guidance

    return "<ul>" + "".join(f"<li>{render_plain(s)}</li>" for s in guidance.SOURCES) + "</ul>"


class IntroductionDialog(QDialog):
    """What a Balint group is, what the leader does and how the app scores; shown on first start."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Welcome to Balint Trainer"))
        self.text = SafeTextBrowser(accessible_name=self.tr("Introduction"))
        from balint_trainer.core import guidance

        welcome = render_plain(self.tr("Welcome to Balint Trainer"))
        parts = [f"<h2>{welcome}</h2>"]
        for heading, paragraph in guidance.introduction():
            parts.append(f"<h3>{render_plain(heading)}</h3><p>{render_plain(paragraph)}</p>")
        parts.append(
            "<p><i>"
            + render_plain(self.tr("Drawn from published guidance on leading Balint groups:"))
            + "</i></p>"
            + _sources_html()
        )
        self.text.set_safe_html("".join(parts))
        self.dont_show = QCheckBox(self.tr("&Don't show this again"))
        self.dont_show.setChecked(intro_dismissed(settings))
        buttons = QDialogButtonBox()
        self.glossary_button = QPushButton(self.tr("Open the &glossary"))
        buttons.addButton(self.glossary_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dont_show)
        layout.addWidget(buttons)
        self.finished.connect(lambda _result: self._remember())
        self.resize(640, 560)

    def _remember(self) -> None:
        if self.settings is not None:
            self.settings.setValue(INTRO_SETTING, self.dont_show.isChecked())


class GlossaryDialog(QDialog):
    """The six phases, the nine built-in competencies and every number the app shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary"))
        self.text = SafeTextBrowser(accessible_name=self.tr("Glossary"))
        sections = (
            ("phase", self.tr("The six phases of a session")),
            ("competency", self.tr("What a leader practises here")),
            ("statistic", self.tr("The numbers")),
        )
        good = {
            "phase": self.tr("Going well:"),
            "competency": self.tr("What good looks like:"),
            "statistic": self.tr("How to read it:"),
        }
        from balint_trainer.core import guidance

        entries = guidance.glossary_entries()
        parts = []
        for kind, heading in sections:
            parts.append(f"<h2>{render_plain(heading)}</h2>")
            for item in (e for e in entries if e.kind == kind):
                # Qt's rich text scrolls to <a name>, not to an id attribute.
                parts.append(
                    f'<h3><a name="{item.anchor}"></a>{render_plain(item.title)}</h3>'
                    f"<p>{render_plain(item.text)}<br><i>{render_plain(good[kind])}</i> "
                    f"{render_plain(item.good)}</p>"
                )
        sources, follows = self.tr("Sources"), self.tr("The method follows published guidance:")
        parts.append(f"<h2>{render_plain(sources)}</h2><p>{render_plain(follows)}</p>" + _sources_html())
        self.text.set_safe_html("".join(parts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)
        self.current_anchor = ""

    def show_entry(self, anchor: str) -> None:
        self.current_anchor = anchor
        self.text.scrollToAnchor(anchor)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, shortcut) for every menu action with a shortcut, read from the menus now."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} → {_plain(action.text())}")
                continue
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            if keys and not action.isSeparator():
                rows.append((path, _plain(action.text()), ", ".join(keys)))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(top.text()))
    return rows


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutSheet(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.text = SafeTextBrowser(accessible_name=self.tr("Keyboard shortcuts"))
        rows = [*shortcut_rows(window), *self.player_rows()]
        self.rows = rows
        body = "".join(
            f"<tr><td>{render_plain(menu)}</td><td>{render_plain(name)}</td>"
            f"<td><b>{render_plain(keys)}</b></td></tr>"
            for menu, name, keys in rows
        )
        head = "".join(
            f"<th align='left'>{render_plain(h)}</th>"
            for h in (self.tr("Where"), self.tr("What"), self.tr("Keys"))
        )
        self.text.set_safe_html(f"<table cellpadding='4'><tr>{head}</tr>{body}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def player_rows(self) -> list[tuple[str, str, str]]:
        """Keys the player handles itself (they are not menu actions)."""
        where = self.tr("Player")
        return [
            (where, self.tr("Begin, next line, continue after feedback"), self.tr("Space or Enter")),
            (where, self.tr("Choose option 1–8 at a decision"), "1 … 8"),
            (where, self.tr("Confirm your choice"), self.tr("Enter (Ctrl+Enter while typing)")),
            (where, self.tr("Leave the session"), "Esc"),
        ]
