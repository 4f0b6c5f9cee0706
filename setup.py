"""Packaging glue: ship the top-level scenarios/ and resources/ folders inside the wheel.

They live at the top of the repository (where organisers expect them) and are
mapped to the import packages ``balint_trainer._bundled_scenarios`` and
``balint_trainer._bundled_resources`` so that ``pip install .`` carries them.
"""

from setuptools import find_packages, setup

BUNDLED = {
    "balint_trainer._bundled_scenarios": "scenarios",
    "balint_trainer._bundled_resources": "resources",
}
DATA = ["*.yaml", "*.yml", "*.ini", "*.mako", "*.qm", "*.ts", "*.svg", "*.png", "*.css", "*.md",
        "*.desktop", "*.xml", "*.txt", "**/*"]

setup(
    packages=[*find_packages(include=["balint_trainer", "balint_trainer.*"]), *BUNDLED],
    package_dir={"": ".", **BUNDLED},
    package_data={"": DATA, **{name: DATA for name in BUNDLED}},
    include_package_data=True,
)
