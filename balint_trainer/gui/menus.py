"""The main window's menus and actions (its translation context: "MainWindow")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from balint_trainer.gui.main_window import MainWindow


def text_action(text: str, parent: QObject) -> QAction:
    """``QAction(text, parent)`` without its cost before the first frame: PySide picks among that
    constructor's overloads by building the Python type of ``QIcon`` (~1.7 ms); this one has none."""
    action = QAction(parent)
    action.setText(text)
    return action


def set_shortcut(action: QAction, sequence: QKeySequence) -> None:
    """``action.setShortcut(sequence)``, the same, without building PySide's Qt namespace before the
    first frame: ``setShortcut`` tries its ``QKeyCombination`` overload (gui/lazy_qt.py)."""
    action.setShortcuts([sequence])


def make_action(
    window: MainWindow,
    text: str,
    slot: Callable[[], Any],
    shortcut: str | QKeySequence.StandardKey | None = None,
) -> QAction:
    action = text_action(text, window)
    if shortcut is not None:
        set_shortcut(action, QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow) -> None:
    """File, Practice, Tools, View and Help; the actions become attributes of ``window``."""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.add_folder_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "&Add scenario folder…"),
        window.add_scenario_folder,
        "Ctrl+O",
    )
    window.reload_action = make_action(
        window, QCoreApplication.translate("MainWindow", "&Reload library"), window.reload_library, "F5"
    )
    window.export_attempts_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "&Export my attempts for my supervisor…"),
        window.export_attempts,
        "Ctrl+Shift+X",
    )
    window.import_feedback_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Import &feedback from my supervisor…"),
        lambda: window.import_feedback(),
    )
    window.restore_backup_action = make_action(
        window, QCoreApplication.translate("MainWindow", "Restore from &backup…"), window.restore_backup
    )
    window.switch_profile_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "&Switch profile…"),
        window.switch_profile,
        "Ctrl+Shift+U",
    )
    window.password_action = make_action(
        window, QCoreApplication.translate("MainWindow", "Set &password…"), window.set_password
    )
    # An expert annotating from their own machine: needs no database (annotation_exchange.py).
    window.open_request_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "&Open annotation request…"),
        window.open_annotation_request,
        "Ctrl+Shift+O",
    )
    quit_action = make_action(
        window, QCoreApplication.translate("MainWindow", "&Quit"), window.close, QKeySequence.StandardKey.Quit
    )
    file_menu.addActions([window.add_folder_action, window.reload_action])
    file_menu.addSeparator()
    file_menu.addActions([window.switch_profile_action, window.password_action])
    file_menu.addSeparator()
    file_menu.addAction(window.export_attempts_action)
    file_menu.addAction(window.import_feedback_action)
    file_menu.addAction(window.open_request_action)
    file_menu.addAction(window.restore_backup_action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    practice = bar.addMenu(QCoreApplication.translate("MainWindow", "&Practice"))
    window.practice_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Start &practice"),
        lambda: window._start_selected("practice"),
        "Ctrl+P",
    )
    window.exam_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Start &exam"),
        lambda: window._start_selected("exam"),
        "Ctrl+E",
    )
    window.resume_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "&Resume unfinished attempt"),
        window._resume_selected,
        "Ctrl+R",
    )
    window.leave_action = make_action(
        window, QCoreApplication.translate("MainWindow", "Lea&ve session"), window.leave_session, "Ctrl+W"
    )
    window.library_action = make_action(
        window, QCoreApplication.translate("MainWindow", "&Library"), window.show_library, "Ctrl+L"
    )
    window.progress_action = make_action(
        window, QCoreApplication.translate("MainWindow", "Your pro&gress"), window.show_progress, "Ctrl+G"
    )
    window.review_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "My past a&ttempts…"),
        lambda: window.show_review(),
        "Ctrl+Shift+R",
    )
    practice.addActions(
        [window.practice_action, window.exam_action, window.resume_action, window.leave_action]
    )
    window.practice_menu = practice
    practice.addSeparator()
    practice.addActions([window.library_action, window.progress_action, window.review_action])

    tools = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
    window.tool_actions = [
        make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Supervisor view…"),
            lambda: window.open_tool("open_supervisor"),
            "Ctrl+Shift+S",
        ),
        make_action(
            window,
            QCoreApplication.translate("MainWindow", "Scenario &editor…"),
            lambda: window.open_tool("open_editor"),
            "Ctrl+Shift+E",
        ),
        make_action(
            window,
            QCoreApplication.translate("MainWindow", "Edit selec&ted scenario…"),
            window._edit_selected,
        ),
        make_action(
            window,
            QCoreApplication.translate("MainWindow", "Expert &annotation…"),
            lambda: window.open_tool("open_annotation"),
            "Ctrl+Shift+A",
        ),
        make_action(
            window,
            QCoreApplication.translate("MainWindow", "E&xport scenario pack…"),
            lambda: window.open_workbench("export_pack"),
        ),
        make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Import scenario pack…"),
            lambda: window.open_workbench("import_pack"),
        ),
    ]
    tools.addActions(window.tool_actions[:4])
    tools.addSeparator()
    tools.addActions(window.tool_actions[4:])
    tools.addSeparator()
    # Its strings live with the profiles dialog's (translation context "ProfilesDialog").
    window.profiles_action = make_action(
        window,
        QCoreApplication.translate("ProfilesDialog", "&Profiles…"),
        window.open_profiles,
        "Ctrl+Shift+P",
    )
    tools.addAction(window.profiles_action)

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(
        make_action(
            window, QCoreApplication.translate("MainWindow", "&About Balint Trainer"), window.show_about
        )
    )
    help_menu.addAction(
        make_action(window, QCoreApplication.translate("MainWindow", "About &Qt"), QApplication.aboutQt)
    )
    from balint_trainer.gui.guidance_menu import GuidanceMenu
    from balint_trainer.gui.reading import ViewMenu

    window.view_menu = ViewMenu(window, window.settings, before=help_menu.menuAction())
    window.guidance = GuidanceMenu(window, help_menu, window.settings)
    window.loaded.connect(window._introduce_when_free)  # first start: what the method is


def connect_library(window: MainWindow) -> None:
    """The actions follow the library's selection (once the library view is built)."""
    window.library.selection_changed = window._update_actions  # type: ignore[attr-defined]
    window.library.table.selectionModel().currentRowChanged.connect(lambda *_: window._update_actions())
