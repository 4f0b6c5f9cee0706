"""Follow the system's light/dark scheme, with the right palette already in the first frame.

Most platform themes hand Qt a palette that matches their scheme; only where the theme reports a
dark scheme with a light palette do we supply a dark one ourselves (``style.dark_palette``).

Reading the scheme (``QStyleHints.colorScheme()``) makes PySide build its ``Qt`` namespace,
~96 enum classes, ~22 ms: as long as the rest of the app's start-up before its first frame. So the
app's start (:func:`follow_remembered`) sets up the first frame from the scheme the previous start
read, kept in the settings, and reads the system's own scheme once the window is on screen
(:meth:`ColourScheme.check`): only when the system changed its scheme while the app was closed does
the palette change after the first frame, and the next start is right again. The very first start
(nothing remembered) reads the scheme before its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from balint_trainer.gui.lazy_qt import Qt

if TYPE_CHECKING:
    from PySide6.QtCore import Qt as QtNamespace

SCHEME_SETTING = "view/system_scheme_dark"  # the system's scheme at the last check: "true"/"false"


class ColourScheme:
    """Our dark palette on a light-palette platform whose scheme is dark; the platform's otherwise."""

    def __init__(self, app: QApplication, settings: QSettings | None = None) -> None:
        self.app = app
        self.settings = settings
        self.ours = False  # our dark palette is set
        self.following = False

    def apply_dark(self, dark: bool) -> None:
        if not dark and not self.ours:
            return  # the usual light start: no palette work (nor QPalette's types) before the window
        from balint_trainer.gui.style import dark_palette, is_dark

        if dark and not is_dark():
            self.app.setPalette(dark_palette())
            self.ours = True
        elif not dark and self.ours:
            self.app.setPalette(self.app.style().standardPalette())
            self.ours = False

    def scheme_changed(self, scheme: QtNamespace.ColorScheme) -> None:
        dark = scheme == Qt.ColorScheme.Dark
        self.apply_dark(dark)
        self._remember(dark)

    def check(self, *, apply: bool = True) -> bool:
        """Read the system's scheme now, remember it, follow its changes from now on; with ``apply``,
        set the palette to match. True if the scheme is dark."""
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        if apply:
            self.apply_dark(dark)
        self._remember(dark)
        if not self.following:
            self.following = True
            QGuiApplication.styleHints().colorSchemeChanged.connect(self.scheme_changed)
        return dark

    def remembered(self) -> bool | None:
        """The scheme the last check read (True: dark), or None if there was none."""
        if self.settings is None or not self.settings.contains(SCHEME_SETTING):
            return None
        return str(self.settings.value(SCHEME_SETTING)).lower() == "true"

    def _remember(self, dark: bool) -> None:
        if self.settings is not None and self.remembered() is not dark:
            self.settings.setValue(SCHEME_SETTING, dark)
            self.settings.sync()  # on disk now (rarely: a first start, a changed scheme), not at exit


def follow_now(app: QApplication) -> ColourScheme:
    """Read the scheme and set the palette now (scripts, tests, screenshots)."""
    colours = ColourScheme(app)
    colours.check()
    return colours


def follow_remembered(app: QApplication, settings: QSettings) -> ColourScheme:
    """The app's start: the palette for the remembered scheme now (nothing read from the system,
    so PySide's ``Qt`` namespace is not built yet); the caller runs :meth:`ColourScheme.check`
    once the first frame is on screen. With nothing remembered, the scheme is read now."""
    colours = ColourScheme(app, settings)
    remembered = colours.remembered()
    if remembered is None:
        colours.check()
    else:
        colours.apply_dark(remembered)
    return colours
