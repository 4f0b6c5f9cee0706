"""The user's own copy of a built-in scenario: where it goes, and that the library prefers it (no Qt)."""

from __future__ import annotations

from pathlib import Path

from balint_trainer.core.catalogue import find_entry, load_catalogue
from balint_trainer.core.user_copies import existing_user_copy, free_path, user_copy_path
from balint_trainer.paths import is_bundled_scenario

DATA = Path(__file__).resolve().parent / "data" / "valid"


def _scenario(path: Path, scenario_id: str = "minimal-test", title: str = "Minimal") -> Path:
    text = (DATA / "minimal.yaml").read_text("utf-8")
    path.write_text(
        text.replace("id: minimal-test", f"id: {scenario_id}", 1).replace(
            "title: Minimal", f"title: {title}", 1
        ),
        "utf-8",
    )
    return path


def test_is_bundled_scenario(built_in_folders) -> None:
    bundled, user = built_in_folders
    assert is_bundled_scenario(bundled / "minimal.yaml")
    assert is_bundled_scenario(bundled / "sub" / ".." / "minimal.yaml")
    assert not is_bundled_scenario(user / "minimal.yaml")


def test_free_path_never_names_an_existing_file(tmp_path: Path) -> None:
    assert free_path(tmp_path / "a.yaml") == tmp_path / "a.yaml"
    (tmp_path / "a.yaml").write_text("x")
    (tmp_path / "a-2.yaml").write_text("x")
    assert free_path(tmp_path / "a.yaml") == tmp_path / "a-3.yaml"


def test_copy_goes_to_the_user_folder_under_the_built_ins_name(built_in_folders) -> None:
    bundled, user = built_in_folders
    assert user_copy_path(bundled / "minimal.yaml", "minimal-test") == user / "minimal.yaml"


def test_an_earlier_copy_is_reused_whatever_its_name(built_in_folders) -> None:
    bundled, user = built_in_folders
    _scenario(user / "minimal.yaml", "someone-else")  # the name is taken by another scenario
    mine = _scenario(user / "my-version.yaml")
    assert existing_user_copy("minimal-test", user) == mine
    assert user_copy_path(bundled / "minimal.yaml", "minimal-test") == mine
    mine.unlink()
    assert user_copy_path(bundled / "minimal.yaml", "minimal-test") == user / "minimal-2.yaml"
    (user / "minimal.yaml").write_text("not: [a scenario", "utf-8")  # an invalid file is not a copy
    assert user_copy_path(bundled / "minimal.yaml", "minimal-test") == user / "minimal-2.yaml"


def test_library_shows_the_users_copy_in_place_of_the_built_in(built_in_folders) -> None:
    bundled, user = built_in_folders
    copy = _scenario(user / "minimal.yaml", title="Minimal, my key")
    entries = load_catalogue([user], bundled_dir=bundled, use_cache=False)
    assert [(e.path, e.ok, e.bundled, e.title) for e in entries] == [
        (copy, True, False, "Minimal, my key test scenario")
    ]
    assert find_entry(entries, "minimal-test") is entries[0]
    # Deleting the copy brings the built-in back.
    copy.unlink()
    entries = load_catalogue([user], bundled_dir=bundled, use_cache=False)
    assert [(e.path, e.bundled) for e in entries] == [(bundled / "minimal.yaml", True)]


def test_two_user_files_with_one_id_are_still_a_duplicate(built_in_folders, tmp_path: Path) -> None:
    bundled, user = built_in_folders
    other = tmp_path / "other"
    other.mkdir()
    first = _scenario(other / "a.yaml")
    second = _scenario(user / "b.yaml")
    entries = load_catalogue([other, user], bundled_dir=bundled, use_cache=False)
    assert [(e.path, e.ok) for e in entries] == [(first, True), (second, False)]
    assert "duplicate scenario id 'minimal-test'" in entries[1].problem_text()
