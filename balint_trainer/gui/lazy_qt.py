"""``Qt`` (the namespace of Qt's enums) for modules that load before the main window's first frame.

PySide6 builds the Python type of the ``Qt`` namespace on first access, all its ~96 enum classes
at once: ~22 ms on the 2-core machine, as long as the rest of the app's start-up together.
``from PySide6.QtCore import Qt`` at the top of a module is such an access. Modules on the way to
the first frame (``gui/app.py``, ``i18n.py``, the main window and what it imports) take ``Qt``
from here instead: the same ``Qt.AlignmentFlag.AlignCenter`` code, but the namespace is built
when a value is first used, which the start-up path avoids until the window is on screen
(``tests/gui/test_first_frame.py`` holds that). Type checkers see PySide's own ``Qt``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, Qt
else:

    class _LazyQt:
        """Forwards attribute access to ``PySide6.QtCore.Qt``, importing it on first use."""

        def __getattr__(self, name: str) -> Any:
            from PySide6.QtCore import Qt as real

            value = getattr(real, name)
            self.__dict__[name] = value  # next time a plain attribute: no call
            return value

        def __repr__(self) -> str:
            return "<lazy PySide6.QtCore.Qt>"

    Qt = _LazyQt()

# The few enum values the first frame sets, as the integers Qt's property system converts (in C++,
# no Python enum needed); tests/gui/test_first_frame.py checks them against PySide's enums.
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter (AlignHCenter | AlignVCenter)
LEFT_TO_RIGHT, RIGHT_TO_LEFT = 0, 1  # Qt.LayoutDirection


def set_enum_property(target: QObject, name: str, value: int) -> None:
    """``target``'s enum-typed Qt property ``name`` (e.g. a label's ``textFormat``) set to ``value``."""
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__} has no writable property {name!r} taking {value!r}")


__all__ = ["ALIGN_CENTER", "LEFT_TO_RIGHT", "PLAIN_TEXT", "RIGHT_TO_LEFT", "Qt", "set_enum_property"]
