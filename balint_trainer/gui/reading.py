"""Reading comfort: text size, a comfortable line length, light/dark/system appearance, local digits.

The View menu is built here (not in the main window) and remembered in QSettings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from balint_trainer.gui.lazy_qt import Qt  # not PySide's: see gui/lazy_qt.py
from balint_trainer.gui.menus import set_shortcut, text_action

if TYPE_CHECKING:  # loads before the first frame: no text-view types (and their enums) yet
    from PySide6.QtWidgets import QTextEdit

TEXT_SIZE_SETTING = "view/text_size"  # points added to the default size
THEME_SETTING = "view/theme"  # "system", "light" or "dark"
THEMES = ("system", "light", "dark")
TEXT_SIZE_RANGE = (-4, 16)
MAX_LINE_CHARACTERS = 75


# -- numbers in the interface language (Persian digits in Persian) -----------------------------
def number(value: int) -> str:
    return QLocale().toString(int(value))


def decimal(value: float, places: int = 2) -> str:
    return QLocale().toString(float(value), "f", places)


def digits(text: str) -> str:
    """ASCII digits in ``text`` in the locale's own digits (clock readings such as 12:30)."""
    zero = QLocale().zeroDigit()
    if zero == "0":
        return text
    base = ord(zero)
    return "".join(chr(base + ord(c) - 48) if "0" <= c <= "9" else c for c in text)


def plural(text: str, n: int) -> str:
    """English counts: "1 decision(s)" -> "1 decision", "2 decision(s)" -> "2 decisions".

    For ``tr("%n decision(s)", "", n)`` left in English (there is no English .qm to hold the
    forms); a translation has its own forms and no "(s)". (A QTranslator subclass in Python
    would do it for every string, but PySide6 aborts under that override in long test runs.)
    """
    return text.replace("(s)", "" if n == 1 else "s")


# -- line length -------------------------------------------------------------------------
class ReadingColumn(QObject):
    """Keeps a text view's lines to about 75 characters: wider views get side margins (centred)."""

    def __init__(self, view: QTextEdit, characters: int = MAX_LINE_CHARACTERS) -> None:
        super().__init__(view)
        self.view = view
        self.characters = characters
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        self._applying = False
        self._document: Any = None
        self._watch_document()

    def _watch_document(self) -> None:
        document = self.view.document()
        if document is not self._document:
            self._document = document
            document.contentsChanged.connect(self.apply)

    def max_width(self) -> int:
        return self.view.fontMetrics().averageCharWidth() * self.characters

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.apply()
        return False

    def apply(self) -> None:
        if self._applying:
            return
        self._applying = True
        try:
            self._watch_document()
            width = self.view.viewport().width()
            margin = max(0, (width - self.max_width()) // 2)
            root = self.view.document().rootFrame()
            frame = root.frameFormat()
            if int(frame.leftMargin()) != margin or int(frame.rightMargin()) != margin:
                frame.setLeftMargin(margin)
                frame.setRightMargin(margin)
                root.setFrameFormat(frame)
        finally:
            self._applying = False


# -- appearance --------------------------------------------------------------------------
def apply_theme(choice: str) -> None:
    """Light, dark or the system's scheme, for the whole application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    from balint_trainer.gui.style import dark_palette, is_dark

    hints = QGuiApplication.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(choice, Qt.ColorScheme.Unknown)
    hints.setColorScheme(scheme)  # app.py's listener follows where the platform supports it
    # Platforms that ignore the request (offscreen, some X11 themes): set the palette ourselves.
    if choice == "dark" and not is_dark():
        app.setPalette(dark_palette())
    elif choice == "light" and is_dark():
        app.setPalette(app.style().standardPalette())
    elif choice == "system":
        want_dark = hints.colorScheme() == Qt.ColorScheme.Dark
        if want_dark != is_dark():
            app.setPalette(dark_palette() if want_dark else app.style().standardPalette())


# -- the View menu -----------------------------------------------------------------------
class ViewMenu:
    """Larger/smaller/normal text for the reading views and the appearance choice."""

    def __init__(self, window: QMainWindow, settings: QSettings | None, before: QAction | None = None) -> None:
        self.settings = settings
        self.widgets: list[QWidget] = []
        self.base_size: dict[int, float] = {}
        translate = QCoreApplication.translate
        self.menu = QMenu(translate("ViewMenu", "&View"), window)
        if before is not None:
            window.menuBar().insertMenu(before, self.menu)
        else:
            window.menuBar().addMenu(self.menu)
        self.larger_action = text_action(translate("ViewMenu", "&Larger text"), window)
        self.larger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.smaller_action = text_action(translate("ViewMenu", "&Smaller text"), window)
        set_shortcut(self.smaller_action, QKeySequence("Ctrl+-"))
        self.normal_action = text_action(translate("ViewMenu", "&Normal text size"), window)
        set_shortcut(self.normal_action, QKeySequence("Ctrl+0"))
        self.larger_action.triggered.connect(lambda: self.change_size(+1))
        self.smaller_action.triggered.connect(lambda: self.change_size(-1))
        self.normal_action.triggered.connect(lambda: self.set_size(0))
        self.menu.addActions([self.larger_action, self.smaller_action, self.normal_action])
        self.menu.addSeparator()
        appearance = self.menu.addMenu(translate("ViewMenu", "&Appearance"))
        group = QActionGroup(window)
        names = {
            "system": translate("ViewMenu", "Follow the &system"),
            "light": translate("ViewMenu", "&Light"),
            "dark": translate("ViewMenu", "&Dark"),
        }
        self.theme_actions: dict[str, QAction] = {}
        for key in THEMES:
            action = text_action(names[key], window)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, k=key: self.set_theme(k))
            appearance.addAction(action)
            self.theme_actions[key] = action
        self.theme = self._stored_theme()
        self.theme_actions[self.theme].setChecked(True)
        if self.theme != "system":
            apply_theme(self.theme)
        self.size = self._stored_size()

    def _stored_theme(self) -> str:
        value = str(self.settings.value(THEME_SETTING, "system")) if self.settings is not None else "system"
        return value if value in THEMES else "system"

    def _stored_size(self) -> int:
        if self.settings is None:
            return 0
        try:
            value = int(str(self.settings.value(TEXT_SIZE_SETTING, 0)))
        except ValueError:
            return 0
        return min(max(value, TEXT_SIZE_RANGE[0]), TEXT_SIZE_RANGE[1])

    def set_theme(self, key: str) -> None:
        self.theme = key if key in THEMES else "system"
        self.theme_actions[self.theme].setChecked(True)
        apply_theme(self.theme)
        if self.settings is not None:
            self.settings.setValue(THEME_SETTING, self.theme)

    def attach(self, widget: QWidget) -> None:
        """Scale this widget's text with the View menu (the player, once it exists)."""
        self.widgets.append(widget)
        self.base_size[id(widget)] = widget.font().pointSizeF()
        self._apply(widget)

    def change_size(self, step: int) -> None:
        self.set_size(self.size + step)

    def set_size(self, size: int) -> None:
        self.size = min(max(size, TEXT_SIZE_RANGE[0]), TEXT_SIZE_RANGE[1])
        for widget in self.widgets:
            self._apply(widget)
        if self.settings is not None:
            self.settings.setValue(TEXT_SIZE_SETTING, self.size)

    def _apply(self, widget: QWidget) -> None:
        font = widget.font()
        font.setPointSizeF(max(self.base_size[id(widget)] + self.size, 6.0))
        widget.setFont(font)
