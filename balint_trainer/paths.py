"""Where bundled data lives: a source checkout, an installed wheel or a frozen app."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _bundled(folder: str, package: str) -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller one-folder build
        return Path(frozen_root) / folder
    checkout = _CHECKOUT / folder
    if checkout.is_dir() and (_CHECKOUT / "pyproject.toml").is_file():
        return checkout
    return Path(str(resources.files(package)))


def bundled_scenarios_dir() -> Path:
    return _bundled("scenarios", "balint_trainer._bundled_scenarios")


def resources_dir() -> Path:
    return _bundled("resources", "balint_trainer._bundled_resources")


def user_data_dir() -> Path:
    """Per-user data folder (database, imported scenarios); honours XDG_DATA_HOME on Linux."""
    import platformdirs

    # appauthor=False keeps one folder level on Windows too, the same as the database's.
    return Path(platformdirs.user_data_dir("balint-trainer", appauthor=False))


def user_scenarios_dir(*, create: bool = True) -> Path:
    """The user's own scenario library: imported packs land here and the library loads it."""
    folder = user_data_dir() / "scenarios"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def is_bundled_scenario(path: Path) -> bool:
    """Whether ``path`` is a scenario shipped with the app: read-only, changed only as the user's own copy."""
    try:
        return path.resolve().is_relative_to(bundled_scenarios_dir().resolve())
    except OSError:
        return False
