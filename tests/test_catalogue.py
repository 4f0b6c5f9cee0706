import shutil
from pathlib import Path

from balint_trainer.core.catalogue import find_entry, load_catalogue, load_entry

DATA = Path(__file__).parent / "data" / "valid"


def test_valid_file_entry_fields():
    entry = load_entry(DATA / "minimal.yaml")
    assert entry.ok
    assert entry.id == "minimal-test"
    assert entry.title == "Minimal test scenario"
    assert entry.level == "introductory"
    assert entry.duration == 60
    assert entry.competencies == ("frame-and-structure", "invite-feelings")
    assert len(entry.sha256) == 64
    assert entry.decision_count == 2


def test_invalid_and_duplicate_files_are_listed_with_problems(tmp_path):
    shutil.copy(DATA / "minimal.yaml", tmp_path / "a.yaml")
    shutil.copy(DATA / "minimal.yaml", tmp_path / "b.yaml")
    (tmp_path / "broken.yaml").write_text("format: balint-scenario/1\nid: [oops\n", encoding="utf-8")
    entries = load_catalogue([tmp_path], include_bundled=False)
    assert len(entries) == 3
    good = [e for e in entries if e.ok]
    bad = [e for e in entries if not e.ok]
    assert len(good) == 1 and good[0].path.name == "a.yaml"
    assert {e.path.name for e in bad} == {"b.yaml", "broken.yaml"}
    duplicate = next(e for e in bad if e.path.name == "b.yaml")
    assert "duplicate scenario id" in duplicate.problem_text()
    broken = next(e for e in bad if e.path.name == "broken.yaml")
    assert broken.problems and broken.scenario is None
    assert entries[0].ok  # valid entries sort first
    assert find_entry(entries, "minimal-test") is good[0]


def test_missing_folder_is_reported_not_raised(tmp_path):
    entries = load_catalogue([tmp_path / "nope"], include_bundled=False)
    assert len(entries) == 1
    assert not entries[0].ok
    assert "folder not found" in entries[0].problem_text()


def test_bundled_folder_is_included(tmp_path):
    shutil.copy(DATA / "minimal.yaml", tmp_path / "m.yaml")
    entries = load_catalogue(bundled_dir=tmp_path)
    assert [e.id for e in entries] == ["minimal-test"]
    assert entries[0].bundled
