"""Opting out of the cost PySide6 adds to every later import.

Importing ``PySide6.QtCore`` replaces ``builtins.__import__`` with ``__feature_import__``, which
serves ``from __feature__ import snake_case, true_property`` (this app never uses them). On the
first import of any module after that, it reads the module's whole source with
``inspect.getsource`` to see whether it mentions PySide6, and ``linecache`` keeps every line.
Measured on the 2-core machine (best of six fresh processes): ``import sqlalchemy.orm`` after
PySide6 took 363 ms and peaked at 76 MiB; with the builtin import put back, 249 ms and 56 MiB.
Every module the app imports after Qt (the windows, SQLAlchemy, the services) pays it.
"""

from __future__ import annotations

import builtins
import gc
import sys
import types


def _original_import() -> types.BuiltinFunctionType | None:
    """The interpreter's own ``__import__``: PySide keeps no handle on it, but the interpreter's
    saved copy of the builtins still refers to it (found among the builtins module's referrers)."""
    for candidate in gc.get_referrers(builtins):
        if (
            isinstance(candidate, types.BuiltinFunctionType)
            and candidate.__name__ == "__import__"
            and candidate.__self__ is builtins
        ):
            return candidate
    return None


def restore_builtin_import() -> bool:
    """Put the builtin ``__import__`` back if PySide6 replaced it; True if it did.

    Safe to call more than once; does nothing (returns False) if a PySide6 release changes how it
    hooks imports, so nothing depends on PySide's internals staying the same.
    """
    import PySide6.QtCore  # noqa: F401  (the replacement happens on this import)

    current = builtins.__import__
    if getattr(current, "__name__", "") != "__feature_import__" or _uses_features():
        return False
    original = _original_import()
    if original is None:
        return False
    builtins.__import__ = original
    return True


def _uses_features() -> bool:
    """Some module switched a feature on (never this app; a plug-in or a test might): keep it."""
    feature = sys.modules.get("shibokensupport.feature")
    selected = getattr(feature, "pyside_feature_dict", {})
    return any(isinstance(flag, int) and flag > 0 for flag in selected.values())
