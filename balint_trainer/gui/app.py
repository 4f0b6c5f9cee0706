"""Application entry: ``run_app`` creates the QApplication and shows the main window fast."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from balint_trainer.gui.colour_scheme import ColourScheme

APP_NAME = "balint-trainer"


def _icon() -> QIcon | None:
    from PySide6.QtGui import QIcon  # after the first frame, with the icon itself

    from balint_trainer.paths import resources_dir

    folder = resources_dir() / "icons"
    if not folder.is_dir():
        return None
    icon = QIcon()
    for candidate in sorted(folder.glob("*.png")) + sorted(folder.glob("*.svg")):
        icon.addFile(str(candidate))
    return None if icon.isNull() else icon


def create_application(
    argv: Sequence[str] | None = None, *, defer_icon: bool = False, follow_scheme: bool = True
) -> QApplication:
    """The application; ``follow_scheme=False``: the caller sets up the colour scheme (run_app)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # High-DPI scale factors are not rounded: Qt 6's default (Qt.HighDpiScaleFactorRoundingPolicy.
    # PassThrough), and QT_SCALE_FACTOR_ROUNDING_POLICY overrides it either way; saying so here
    # would build PySide's Qt namespace before the first frame (gui/lazy_qt.py).
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QGuiApplication.setApplicationDisplayName("Balint Trainer")
    QGuiApplication.setDesktopFileName(APP_NAME)
    if follow_scheme:
        from balint_trainer.gui.colour_scheme import follow_now

        follow_now(app)
    if not defer_icon:  # deferred: the caller calls _set_icon after the first frame
        _set_icon(app)
    return app


def _set_icon(app: QApplication) -> None:
    if not app.windowIcon().isNull():
        return
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)


def run_app(
    database_url: str | None = None,
    extra_scenario_dirs: Sequence[str | Path] = (),
    language: str | None = None,
) -> int:
    app = create_application(defer_icon=True, follow_scheme=False)
    settings = QSettings()
    from balint_trainer.gui.colour_scheme import follow_remembered

    colours = follow_remembered(app, settings)  # the first frame's palette, before any window
    from balint_trainer import i18n

    i18n.install(app, language)  # before any window: texts and right-to-left layout
    from balint_trainer.gui.main_window import MainWindow

    window = MainWindow(database_url, extra_scenario_dirs, settings=settings, defer_library=True)
    _check_scheme_after_first_frame(window, colours)
    window.show()
    window.start_loading()  # scenarios and database load once the window is on screen
    _freeze_start_up(window)
    # Loading the SVG icon engine costs a few ms: the icon arrives just after the window is ready,
    # not before the first frame (a zero timer now would still run before the first paint).
    window.loaded.connect(lambda: QTimer.singleShot(0, lambda: _set_icon(app)))
    if os.environ.get("BALINT_TRAINER_SMOKE_TEST") == "1":
        _quit_when_loaded(app, window)
    code = app.exec()
    _tear_down(window)
    del window
    return code


def _check_scheme_after_first_frame(window: Any, colours: ColourScheme) -> None:
    """Once the window is on screen, the system's scheme (a View menu choice other than "Follow
    the system" keeps its own palette), remembered for the next start's first frame."""

    def check() -> None:
        colours.check(apply=window.view_menu.theme == "system")

    window.first_frame.connect(check)


def _freeze_start_up(window: Any) -> None:
    """Keep the garbage collector from walking start-up's objects again and again.

    Modules, classes and Qt's wrappers made while starting live as long as the app. A full
    collection walks every tracked object, on whichever thread allocates, holding the GIL: while
    a large library loaded, passes of 15–85 ms each stalled the window. ``gc.freeze()`` moves
    what exists to a generation the collector skips (refcounting still frees it). Done now, and
    again once the database is open (SQLAlchemy's objects); not in tests, which rely on
    ``gc.collect()`` finding their cycles."""
    import gc

    from balint_trainer.gui.practice.library_loader import LibraryLoader

    gc.freeze()
    LibraryLoader.freeze_what_is_read = True  # start-up's library read: the collector waits, then this
    window.startup.opened.connect(lambda *_: gc.freeze())
    window.startup.deferredOpened.connect(gc.freeze)  # a warm start's database opens behind it


def _tear_down(window: Any) -> None:
    """Before the interpreter finalises: no worker still running (``aboutToQuit`` cancelled
    them), nothing left to deliver, and the window destroyed here, on the UI thread, rather
    than by the garbage collector during shut-down (which crashed the smoke start at exit)."""
    import gc

    from balint_trainer.gui.worker import discard_pending, stop_workers

    stop_workers()
    discard_pending()
    import shiboken6

    shiboken6.delete(window)
    gc.collect()


def _quit_when_loaded(app: QApplication, window: Any) -> None:
    """Packaging smoke test (packaging/smoke_test.py): quit once the window is up and loaded."""

    def done() -> None:
        print("SMOKE OK", flush=True)
        app.quit()

    window.loaded.connect(done)
