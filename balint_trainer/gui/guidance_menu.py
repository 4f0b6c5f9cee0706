"""Help-menu entries for newcomers: introduction, glossary, keyboard shortcuts (F1).

Built with the main window, so it stays light: the dialogs (``gui/guidance.py``) are imported
when first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from balint_trainer.gui.menus import set_shortcut, text_action

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # imported when a link is opened, not before the first frame

    from balint_trainer.gui.guidance import GlossaryDialog, IntroductionDialog, ShortcutSheet

INTRO_SETTING = "guidance/intro_dismissed"
GLOSSARY_SCHEME = "glossary"  # internal links: glossary:ANCHOR


def intro_dismissed(settings: QSettings | None) -> bool:
    if settings is None:
        return False
    value = settings.value(INTRO_SETTING)
    return value is True or str(value).lower() in ("true", "1")


class GuidanceMenu:
    """Help-menu entries (introduction, glossary, shortcuts) and the dialogs behind them."""

    def __init__(self, window: QMainWindow, help_menu: QMenu, settings: QSettings | None) -> None:
        self.window = window
        self.settings = settings
        self.glossary: GlossaryDialog | None = None
        self.intro: IntroductionDialog | None = None
        self.shortcuts: ShortcutSheet | None = None
        first = help_menu.actions()[0] if help_menu.actions() else None
        self.intro_action = self._action(QCoreApplication.translate("Guidance", "&Introduction to the method"), self.show_intro)
        self.glossary_action = self._action(QCoreApplication.translate("Guidance", "&Glossary"), lambda: self.show_glossary())
        self.shortcuts_action = self._action(QCoreApplication.translate("Guidance", "&Keyboard shortcuts"), self.show_shortcuts)
        set_shortcut(self.shortcuts_action, QKeySequence(QKeySequence.StandardKey.HelpContents))
        for action in (self.intro_action, self.glossary_action, self.shortcuts_action):
            help_menu.insertAction(first, action)  # type: ignore[arg-type]
        if first is not None:
            help_menu.insertSeparator(first)

    def _action(self, text: str, slot: Any) -> QAction:
        action = text_action(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def show_intro(self) -> IntroductionDialog:
        from balint_trainer.gui.guidance import IntroductionDialog

        if self.intro is None:
            self.intro = IntroductionDialog(self.settings, self.window)
            self.intro.glossary_button.clicked.connect(lambda: self.show_glossary())
        self.intro.show()
        self.intro.raise_()
        self.intro.activateWindow()
        return self.intro

    def maybe_show_intro(self) -> IntroductionDialog | None:
        """On first start (until "Don't show again"), without blocking the window behind it."""
        if self.settings is None or intro_dismissed(self.settings):
            return None
        return self.show_intro()

    def show_glossary(self, anchor: str = "") -> GlossaryDialog:
        from balint_trainer.gui.guidance import GlossaryDialog

        if self.glossary is None:
            self.glossary = GlossaryDialog(self.window)
        self.glossary.show()
        self.glossary.raise_()
        self.glossary.activateWindow()
        if anchor:
            self.glossary.show_entry(anchor)
        return self.glossary

    def open_link(self, link: str | QUrl) -> None:
        """Open a glossary:ANCHOR link (from feedback, summary or charts)."""
        from PySide6.QtCore import QUrl

        url = QUrl(link) if isinstance(link, str) else link
        if url.scheme() == GLOSSARY_SCHEME:
            self.show_glossary(url.path())

    def show_shortcuts(self) -> ShortcutSheet:
        from balint_trainer.gui.guidance import ShortcutSheet

        # Built afresh each time: it lists the menus as they are now.
        if self.shortcuts is not None:
            self.shortcuts.deleteLater()
        self.shortcuts = ShortcutSheet(self.window)
        self.shortcuts.show()
        return self.shortcuts
