import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_the_walk_names_each_file_as_its_path_would(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The library walk gives strings (no Path per file): the same text as the Paths, which the
    catalogue cache uses as keys (a different spelling would re-parse every file)."""
    from balint_trainer.core.loaded import iter_scenario_paths, scenario_files_with_stat

    for relative in ("a.yaml", "sub/b.yml", "sub/deeper/c.YAML", "z.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("id: x\n")
    monkeypatch.chdir(tmp_path)
    for folder in (tmp_path, Path("."), Path("sub"), Path(f"{tmp_path}/sub/")):
        walked = scenario_files_with_stat(folder)
        assert [name for name, _stat in walked] == [str(p) for p in iter_scenario_paths([folder])]
        assert all(isinstance(name, str) and stat is not None for name, stat in walked)
    assert [name for name, _ in scenario_files_with_stat(Path("."))] == ["a.yaml", "sub/b.yml", "sub/deeper/c.YAML"]


def test_an_entry_makes_its_path_when_asked_and_a_copy_keeps_what_it_knew(tmp_path):  # type: ignore[no-untyped-def]
    from balint_trainer.core.catalogue import CatalogueEntry, load_entry

    minimal = DATA / "minimal.yaml"
    entry = load_entry(str(minimal))
    assert entry.filename == str(minimal) and entry.path == minimal and entry.ok
    copy = entry.with_replaces(Path("/built-in.yaml"))
    assert copy.replaces == Path("/built-in.yaml") and copy.summary is entry.summary and copy.path == entry.path
    assert copy != entry and CatalogueEntry(str(minimal), entry.loaded, False, entry.problems) == entry


@settings(max_examples=500)
@given(st.text(alphabet=".aYyAmMlLx", max_size=9))
def test_a_scenario_name_is_what_its_extension_says(name):  # type: ignore[no-untyped-def]
    import os

    from balint_trainer.core.loaded import SCENARIO_SUFFIXES, is_scenario_name

    assert is_scenario_name(name) == (os.path.splitext(name)[1].lower() in SCENARIO_SUFFIXES)
