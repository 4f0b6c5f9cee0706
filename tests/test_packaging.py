"""Packaging and desktop integration files: present, well-formed, consistent, up to date."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.balint_trainer.BalintTrainer"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
TRANSLATIONS = ROOT / "resources" / "translations"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_has_the_required_keys() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Balint Trainer"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "balint-trainer"
    assert entry["Terminal"] == "false"
    assert "Education" in entry["Categories"].split(";")
    assert entry["Name[fa]"]  # the Persian name shows in a Persian desktop


def test_desktop_exec_is_the_installed_command() -> None:
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert _desktop_entry()["Exec"].split()[0] in scripts


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_is_consistent_with_the_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert root.findtext("name") == _desktop_entry()["Name"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    from balint_trainer import __version__

    versions = [r.get("version") for r in root.iter("release")]
    assert __version__ in versions  # a release entry for the version being shipped


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_exist_in_every_size() -> None:
    svg = ICONS / "balint-trainer.svg"
    assert ET.parse(svg).getroot().tag.endswith("svg")
    for size in SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", png
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert (width, height) == (size, size), png


def test_pyinstaller_spec_bundles_data_and_migrations() -> None:
    spec = (ROOT / "packaging" / "balint-trainer.spec").read_text()
    for needed in ('"scenarios"', '"resources"', "migrations", "launcher.py"):
        assert needed in spec
    compile(spec, "balint-trainer.spec", "exec")  # at least valid Python


def _lrelease() -> Path | None:
    import PySide6

    tool = Path(PySide6.__file__).resolve().parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    return tool if tool.is_file() else None


def test_every_translation_has_an_up_to_date_qm(tmp_path: Path) -> None:
    tool = _lrelease()
    if tool is None:
        pytest.skip("PySide6's lrelease is not installed")
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    assert sources, "no .ts files"
    for ts in sources:
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(fresh)], check=True)
        committed = ts.with_suffix(".qm")
        assert committed.is_file(), f"{committed.name} missing: run tools/update_translations.py"
        assert committed.read_bytes() == fresh.read_bytes(), (
            f"{committed.name} is stale: run tools/update_translations.py"
        )


def test_persian_translation_is_complete() -> None:
    root = ET.parse(TRANSLATIONS / "balint_trainer_fa.ts").getroot()
    assert root.get("language", "").startswith("fa")
    messages = list(root.iter("message"))
    unfinished = [
        m.findtext("source")
        for m in messages
        if (m.find("translation") is not None and m.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]
    assert len(messages) > 100
    assert not unfinished, f"untranslated: {unfinished[:5]}"


def test_translations_keep_placeholders() -> None:
    import re

    root = ET.parse(TRANSLATIONS / "balint_trainer_fa.ts").getroot()
    # %Ln is %n formatted with the locale (Persian digits): the same placeholder.
    placeholder = re.compile(r"%L?[0-9n]|\{[a-z_]+\}")
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        texts = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for text in texts:
            found = [p.replace("%L", "%") for p in placeholder.findall(text)]
            expected = [p.replace("%L", "%") for p in placeholder.findall(source)]
            assert sorted(found) == sorted(expected), source
