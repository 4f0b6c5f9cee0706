"""Packaging glue: ship the top-level scenarios/ and resources/ folders inside the wheel.

They live at the top of the repository (where organisers expect them) and are
mapped to the import packages ``balint_trainer._bundled_scenarios`` and
``balint_trainer._bundled_resources`` so that ``pip install .`` carries them.
"""

from pathlib import Path

from setuptools import find_packages, setup

BUNDLED = {
    "balint_trainer._bundled_scenarios": "scenarios",
    "balint_trainer._bundled_resources": "resources",
}
DATA = ["*.yaml", "*.yml", "*.ini", "*.mako", "*.qm", "*.ts", "*.svg", "*.png", "*.css", "*.md",
        "*.desktop", "*.xml", "*.txt"]



def _data_packages() -> dict[str, str]:
    """Every folder below the bundled data folders as a package, so setuptools ships it all."""
    mapping = dict(BUNDLED)
    for package, folder in BUNDLED.items():
        for sub in sorted(Path(folder).rglob("*")):
            if sub.is_dir() and "__pycache__" not in sub.parts:
                relative = sub.relative_to(folder)
                mapping[".".join((package, *relative.parts))] = sub.as_posix()
    return mapping


DATA_PACKAGES = _data_packages()

setup(
    packages=[*find_packages(include=["balint_trainer", "balint_trainer.*"]), *DATA_PACKAGES],
    package_dir={"": ".", **DATA_PACKAGES},
    package_data={"": DATA, **{name: DATA for name in DATA_PACKAGES}},
    include_package_data=True,
)
