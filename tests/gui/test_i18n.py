"""Persian interface: translations load, the layout runs right to left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from balint_trainer import i18n


@pytest.fixture
def persian(qapp):
    installed = i18n.install(qapp, "fa")
    yield installed
    i18n.uninstall(qapp, installed)


def test_language_choice_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_VAR, "ar_EG.UTF-8")
    assert i18n.choose_language("fa-IR") == "fa"  # --language wins
    assert i18n.choose_language(None) == "ar"  # then the environment
    monkeypatch.delenv(i18n.ENV_VAR)
    assert i18n.choose_language(None) == (i18n.normalise(QLocale.system().name()) or "en")
    assert i18n.normalise("C") is None and i18n.normalise("he_IL@euro") == "he"
    assert i18n.is_rtl("fa") and i18n.is_rtl("ur") and not i18n.is_rtl("de")


def test_persian_is_available() -> None:
    assert "fa" in i18n.available_languages()


def test_persian_main_window_is_right_to_left_and_translated(qtbot, persian) -> None:
    from balint_trainer.gui.main_window import MainWindow

    assert persian.rtl and len(persian.translators) == 2  # the app's and Qt's own
    window = MainWindow(include_bundled=False)
    qtbot.addWidget(window)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.windowTitle() == "تمرین رهبری گروه بالینت"
    # Qt's own strings (standard buttons) come from qtbase_fa.qm.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"


def test_unknown_language_falls_back_to_english_left_to_right(qapp) -> None:
    installed = i18n.install(qapp, "de")
    try:
        assert installed.language == "de" and not installed.rtl
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert QCoreApplication.translate("MainWindow", "Balint Trainer") == "Balint Trainer"
    finally:
        i18n.uninstall(qapp, installed)


def test_untranslated_rtl_language_still_runs_right_to_left(qapp) -> None:
    installed = i18n.install(qapp, "ur")
    try:
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        i18n.uninstall(qapp, installed)


def test_builtin_competency_labels_follow_the_interface_language(persian) -> None:
    import balint_trainer.gui  # noqa: F401 - installs the label translator
    from balint_trainer.core.competencies import competency_label, localise_label

    assert competency_label("leader-restraint") == "خویشتن‌داری رهبر"
    # A label the scenario declares itself is shown as written.
    assert competency_label("own-id", {"own-id": "Own label"}) == "Own label"
    assert localise_label("Not a built-in label") == "Not a built-in label"


def test_builtin_competency_labels_are_all_listed_for_translation() -> None:
    from balint_trainer.core.competencies import BUILTIN_COMPETENCIES
    from balint_trainer.gui import _builtin_competency_labels

    assert sorted(_builtin_competency_labels()) == sorted(BUILTIN_COMPETENCIES.values())
