"""Every menu, in every window, gives each of its entries its own Alt key (English and Persian)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMainWindow, QMenu

from balint_trainer import i18n


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _clashes(window: QMainWindow) -> list[str]:
    """'menu: key shared by A | B' for every clash, the menu bar's own titles included."""
    problems: list[str] = []

    def check(title: str, texts: list[str]) -> None:
        seen: dict[str, str] = {}
        for text in texts:
            key = _mnemonic(text)
            if key is None:
                continue
            if key in seen:
                problems.append(f"{title}: '{key}' shared by {seen[key]!r} | {text!r}")
            seen[key] = text

    bar_actions = window.menuBar().actions()
    check("menu bar", [a.text() for a in bar_actions])
    for bar_action in bar_actions:
        menu = bar_action.menu()
        if isinstance(menu, QMenu):
            check(bar_action.text(), [a.text() for a in menu.actions() if not a.isSeparator()])
    return problems


@pytest.fixture(params=["en", "fa"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    installed = i18n.install(qapp, request.param)
    yield request.param
    i18n.uninstall(qapp, installed)
    QLocale.setDefault(QLocale.c())


def test_main_window_menus(qtbot, language) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.main_window import MainWindow

    window = MainWindow(include_bundled=False)
    qtbot.addWidget(window)
    assert _clashes(window) == []


def test_supervisor_window_menus(qtbot, service, language) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.window import SupervisorWindow

    window = SupervisorWindow(service)
    qtbot.addWidget(window)
    assert _clashes(window) == []


def test_editor_and_annotation_window_menus(qtbot, service, language) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.authoring.annotation import AnnotationWindow
    from balint_trainer.gui.authoring.editor import ScenarioEditor

    editor = ScenarioEditor(None, service, None)
    qtbot.addWidget(editor)
    annotation = AnnotationWindow(None, service, entries=[])
    qtbot.addWidget(annotation)
    assert _clashes(editor) + _clashes(annotation) == []
