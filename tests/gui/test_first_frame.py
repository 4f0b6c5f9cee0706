"""The main window's first frame: no PySide ``Qt`` namespace before it, the right palette in it.

Building PySide's ``Qt`` namespace (~96 enum classes) costs about as much as the rest of the app's
start-up before its first frame; the start-up path avoids it (gui/lazy_qt.py) and takes the colour
scheme the previous start read (gui/colour_scheme.py), reading the system's own once on screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication, QStyleHints
from PySide6.QtWidgets import QApplication

from balint_trainer.gui.colour_scheme import SCHEME_SETTING, ColourScheme, follow_remembered
from balint_trainer.gui.style import is_dark

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

# The app's own start (``balint-trainer [ARGS]``) up to the first paint of its main window; prints
# what was true at that moment and leaves at once.
FIRST_FRAME_SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    from PySide6 import QtCore, QtWidgets
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                built = "Qt" in vars(QtCore)  # first: what follows may build it
                from balint_trainer.gui.style import is_dark
                app = QtWidgets.QApplication.instance()
                print(json.dumps({"qt_namespace": built, "dark": is_dark(),
                                  "rtl": app.isRightToLeft(), "title": obj.window().windowTitle()}),
                      flush=True)
                os._exit(0)
            return False

    show = QtWidgets.QWidget.show
    def watched_show(widget):
        if isinstance(widget, QtWidgets.QMainWindow):
            widget._first_paint = FirstPaint()
            widget.installEventFilter(widget._first_paint)
        show(widget)
    QtWidgets.QWidget.show = watched_show
    from balint_trainer.cli import main
    main(sys.argv[1:])
    """
)


def _first_frame(home: Path, *args: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k not in ("BALINT_TRAINER_LANG", "BALINT_TRAINER_DATABASE_URL")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_SCRIPT, "--database", f"sqlite:///{home / 'trainer.db'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stdout + result.stderr
    return json.loads(lines[-1])


def _settings_file(home: Path) -> Path:
    return home / "config" / "balint-trainer" / "balint-trainer.conf"


def test_the_start_builds_no_qt_namespace_before_the_first_frame(tmp_path: Path) -> None:
    first = _first_frame(tmp_path)
    # A first start reads the system's scheme before its first frame, and remembers it at once.
    assert first["qt_namespace"] is True and first["dark"] is False
    assert "system_scheme_dark=false" in _settings_file(tmp_path).read_text()
    again = _first_frame(tmp_path)
    assert again == {"qt_namespace": False, "dark": False, "rtl": False, "title": "Balint Trainer"}


def test_a_remembered_dark_scheme_is_dark_in_the_first_frame(tmp_path: Path) -> None:
    _settings_file(tmp_path).parent.mkdir(parents=True)
    _settings_file(tmp_path).write_text("[view]\nsystem_scheme_dark=true\n")
    frame = _first_frame(tmp_path)
    assert frame["dark"] is True and frame["qt_namespace"] is False


def test_persian_is_right_to_left_in_the_first_frame(tmp_path: Path) -> None:
    _first_frame(tmp_path)  # the scheme is remembered
    frame = _first_frame(tmp_path, "--language", "fa")
    assert frame["rtl"] is True and frame["title"] != "Balint Trainer"  # translated
    assert frame["qt_namespace"] is False


# -- the colour scheme, in this process -----------------------------------------------------------
@pytest.fixture
def scheme(qapp, monkeypatch, tmp_path):
    """The system's scheme as a test says (the offscreen platform has none); palette restored after."""
    said = {"scheme": Qt.ColorScheme.Light}
    monkeypatch.setattr(QStyleHints, "colorScheme", lambda _self: said["scheme"])
    palette = QApplication.palette()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    made: list[ColourScheme] = []
    yield said, settings, made
    for colours in made:
        if colours.following:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(colours.scheme_changed)
    QApplication.setPalette(palette)


def test_dark_scheme_remembered_and_still_dark(scheme) -> None:
    said, settings, made = scheme
    settings.setValue(SCHEME_SETTING, True)
    said["scheme"] = Qt.ColorScheme.Dark
    colours = follow_remembered(QApplication.instance(), settings)
    made.append(colours)
    assert is_dark()  # before any window: the first frame is dark
    assert colours.check() is True and is_dark() and colours.remembered() is True


def test_system_turned_dark_while_closed_follows_once_on_screen(scheme) -> None:
    said, settings, made = scheme
    settings.setValue(SCHEME_SETTING, False)
    said["scheme"] = Qt.ColorScheme.Dark
    colours = follow_remembered(QApplication.instance(), settings)
    made.append(colours)
    assert not is_dark()  # what the last start saw
    colours.check()
    assert is_dark() and colours.remembered() is True  # the next start's first frame is dark


def test_system_turned_light_while_closed_restores_the_light_palette(scheme) -> None:
    _said, settings, made = scheme
    settings.setValue(SCHEME_SETTING, True)
    colours = follow_remembered(QApplication.instance(), settings)
    made.append(colours)
    assert is_dark()
    colours.check()
    assert not is_dark() and colours.remembered() is False


def test_nothing_remembered_reads_the_scheme_before_the_first_frame(scheme) -> None:
    said, settings, made = scheme
    said["scheme"] = Qt.ColorScheme.Dark
    colours = follow_remembered(QApplication.instance(), settings)
    made.append(colours)
    assert is_dark() and colours.remembered() is True and colours.following


def test_a_view_menu_choice_keeps_its_palette_after_the_first_frame(scheme) -> None:
    from balint_trainer.gui.app import _check_scheme_after_first_frame

    said, settings, made = scheme
    settings.setValue(SCHEME_SETTING, False)
    said["scheme"] = Qt.ColorScheme.Dark
    colours = follow_remembered(QApplication.instance(), settings)
    made.append(colours)

    class Window(QObject):
        first_frame = Signal()

    window = Window()
    window.view_menu = type("ViewMenu", (), {"theme": "light"})()  # type: ignore[attr-defined]
    _check_scheme_after_first_frame(window, colours)
    window.first_frame.emit()
    assert not is_dark() and colours.remembered() is True  # the scheme is still remembered


# -- what the first frame sets without PySide's Qt namespace ----------------------------------------
def test_integer_enum_values_match_pyside() -> None:
    from balint_trainer.gui.lazy_qt import ALIGN_CENTER, LEFT_TO_RIGHT, PLAIN_TEXT, RIGHT_TO_LEFT
    from balint_trainer.gui.lazy_qt import Qt as LazyQt

    assert Qt.TextFormat.PlainText.value == PLAIN_TEXT
    assert Qt.AlignmentFlag.AlignCenter.value == ALIGN_CENTER
    assert (Qt.LayoutDirection.LeftToRight.value, Qt.LayoutDirection.RightToLeft.value) == (LEFT_TO_RIGHT, RIGHT_TO_LEFT)
    assert LazyQt.AlignmentFlag.AlignLeft is Qt.AlignmentFlag.AlignLeft


def test_plain_label_and_placeholder_by_property(qtbot) -> None:
    from balint_trainer.gui.lazy_qt import ALIGN_CENTER, set_enum_property
    from balint_trainer.gui.plain_text import plain_label

    label = plain_label("<b>not bold</b>")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    set_enum_property(label, "alignment", ALIGN_CENTER)
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    with pytest.raises(ValueError):
        set_enum_property(label, "no such property", 1)


def test_scale_factors_are_not_rounded(qapp) -> None:
    """The app no longer says PassThrough itself: it is Qt 6's default."""
    from balint_trainer.gui.app import create_application

    create_application(["test"])
    policy = QGuiApplication.highDpiScaleFactorRoundingPolicy()
    assert policy == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
