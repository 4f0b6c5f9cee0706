"""The domain core must work without Qt: importing it never loads PySide6."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import balint_trainer

QT_FREE_PACKAGES = ("core", "services", "storage", "reports")


def test_qt_free_packages_never_import_pyside6() -> None:
    root = Path(balint_trainer.__file__).parent
    modules = []
    for package in QT_FREE_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            relative = path.relative_to(root.parent).with_suffix("")
            name = ".".join(relative.parts).removesuffix(".__init__")
            modules.append(name)
    assert "balint_trainer.core.scoring" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt leaked into the core: {result.stdout}"


def test_cli_validate_does_not_load_qt() -> None:
    code = (
        "import sys\n"
        "from balint_trainer.cli import main\n"
        "main(['schema'])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT', file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stderr.strip().endswith("NOQT")
