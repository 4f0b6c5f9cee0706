"""PySide6's import hook is taken out again (gui/import_tax.py): later imports cost what they should."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import builtins, linecache, sys
import PySide6.QtCore
hooked = builtins.__import__.__name__
import balint_trainer.gui
import xml.dom.minidom  # a module nothing imported yet
print(hooked, builtins.__import__.__name__, any('minidom' in name for name in linecache.cache))
"""


def test_after_the_gui_package_imports_use_the_builtin_import_and_read_no_sources() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    hooked, now, source_read = result.stdout.split()
    assert hooked == "__feature_import__"  # if PySide stops hooking imports, this test has done its job
    assert now == "__import__"
    assert source_read == "False"  # PySide's hook would have read minidom's whole source


def test_a_module_that_selected_a_pyside_feature_keeps_the_hook() -> None:
    child = (
        "import builtins\n"
        "import PySide6.QtCore  # noqa\n"
        "from __feature__ import snake_case  # noqa\n"
        "from balint_trainer.gui.import_tax import restore_builtin_import\n"
        "print(restore_builtin_import(), builtins.__import__.__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.stdout.split() == ["False", "__feature_import__"], result.stderr
