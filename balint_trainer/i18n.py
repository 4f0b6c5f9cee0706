"""User-interface language: Qt translators and the right-to-left layout.

The language is, in order: ``--language CODE``, the environment variable
``BALINT_TRAINER_LANG``, the system locale. Translations are the app's own
``resources/translations/balint_trainer_<code>.qm`` plus Qt's ``qtbase_<code>.qm``
(standard buttons and dialogs) where PySide6 ships them. A language without a
translation falls back to English text, but still gets its text direction.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from balint_trainer.gui.lazy_qt import LEFT_TO_RIGHT, RIGHT_TO_LEFT, Qt, set_enum_property

ENV_VAR = "BALINT_TRAINER_LANG"
APP_CATALOGUE = "balint_trainer"
# Scripts written right to left: Persian, Arabic, Hebrew, Urdu, Pashto, Sindhi, Yiddish,
# Kurdish (Sorani), Dhivehi, Uyghur.
RTL_LANGUAGES = frozenset({"fa", "ar", "he", "iw", "ur", "ps", "sd", "yi", "ckb", "dv", "ug"})


def translations_dir() -> Path:
    from balint_trainer.paths import resources_dir

    return resources_dir() / "translations"


def normalise(code: str | None) -> str | None:
    """``fa_IR.UTF-8`` / ``fa-IR`` / ``FA`` -> ``fa``; ``C`` / ``POSIX`` / empty -> None."""
    if not code:
        return None
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_")
    language = base.split("_")[0].lower()
    if language in ("", "c", "posix"):
        return None
    return language


def choose_language(requested: str | None = None) -> str:
    for candidate in (requested, os.environ.get(ENV_VAR)):
        language = normalise(candidate)
        if language:
            return language
    return normalise(QLocale.system().name()) or "en"


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


def available_languages() -> list[str]:
    """Languages with an app translation, plus English (the source language)."""
    found = {
        p.stem.removeprefix(APP_CATALOGUE + "_") for p in translations_dir().glob(f"{APP_CATALOGUE}_*.qm")
    }
    return sorted(found | {"en"})


class Installed:
    """What :func:`install` did (a plain class: ``dataclasses`` is not imported at start-up)."""

    def __init__(self, language: str, rtl: bool) -> None:
        self.language = language
        self.rtl = rtl
        self.translators: list[QTranslator] = []
        self.files: list[str] = []

    def __repr__(self) -> str:
        return f"Installed(language={self.language!r}, rtl={self.rtl!r}, files={self.files!r})"


def install(app: QCoreApplication, requested: str | None = None) -> Installed:
    """Install translators for the chosen language and set the layout direction.

    Call before any window is created. The translators are parented to ``app``,
    so they live as long as it does.
    """
    language = choose_language(requested)
    result = Installed(language, is_rtl(language))
    QLocale.setDefault(QLocale(language))
    if language != "en":
        from PySide6.QtCore import QLibraryInfo  # only here: English starts without its type

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"{APP_CATALOGUE}_{language}", str(translations_dir())),
            (f"qtbase_{language}", qt_dir),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder) and app.installTranslator(translator):
                result.translators.append(translator)
                result.files.append(translator.filePath())
            else:
                translator.deleteLater()
    # QGuiApplication and QApplication. Left to right is Qt's default; the direction is set as an
    # integer property: the Qt.LayoutDirection enum would build PySide's Qt namespace before the
    # first frame (gui/lazy_qt.py).
    if hasattr(app, "setLayoutDirection") and (result.rtl or app.isRightToLeft()):  # type: ignore[attr-defined]
        set_enum_property(app, "layoutDirection", RIGHT_TO_LEFT if result.rtl else LEFT_TO_RIGHT)
    return result


def uninstall(app: QCoreApplication, installed: Installed) -> None:
    """Undo :func:`install` (tests and a future in-app language switch)."""
    for translator in installed.translators:
        app.removeTranslator(translator)
    installed.translators.clear()
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
