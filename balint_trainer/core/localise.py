"""User-visible text of the Qt-free packages in the interface language, without importing Qt.

The GUI installs Qt's ``QCoreApplication.translate`` here (see :mod:`balint_trainer.gui`);
without a translator, text stays English (tests, the CLI). Call :func:`translate` with a
literal context and literal text where the string is written, so that Qt's lupdate
collects it (tools/update_translations.py scans the packages that do this).
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]  # (context, English source text) -> text to show

_translator: Translator | None = None


def set_translator(translator: Translator | None) -> Translator | None:
    """Translate with ``translator`` from now on (None: English); returns the one it replaces."""
    global _translator
    previous, _translator = _translator, translator
    return previous


def translate(context: str, text: str) -> str:
    return _translator(context, text) if _translator is not None else text


NumberFormat = Callable[[float, int], str]  # (value, decimal places) -> text in the UI's digits

_number_format: NumberFormat | None = None


def set_number_format(number_format: NumberFormat | None) -> NumberFormat | None:
    """Format numbers with ``number_format`` from now on (None: Latin digits); returns the old one."""
    global _number_format
    previous, _number_format = _number_format, number_format
    return previous


def number(value: float, places: int = 0) -> str:
    """``value`` with ``places`` decimals in the interface's digits (Persian ones in the Persian UI;
    Latin without a GUI, e.g. the CLI). Not for CSV/JSON, which stay machine-readable."""
    return _number_format(value, places) if _number_format is not None else f"{value:.{places}f}"


def local_digits(text: str) -> str:
    """ASCII digits in ``text`` (a clock reading such as 1:05) in the interface's digits."""
    zero = number(0)
    if zero == "0" or len(zero) != 1:
        return text
    base = ord(zero)
    return "".join(chr(base + ord(c) - 48) if "0" <= c <= "9" else c for c in text)
