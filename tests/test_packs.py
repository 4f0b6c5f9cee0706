"""Scenario packs: export/import round trip, and hostile zips refused without side effects."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path

import pytest

from balint_trainer.core import packs
from balint_trainer.core.catalogue import load_catalogue
from balint_trainer.core.packs import PackError, PackLimits, export_pack, import_pack, read_pack
from balint_trainer.core.packs import writing as packs_writing

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "valid" / "minimal.yaml"


def _second_scenario(folder: Path) -> Path:
    text = MINIMAL.read_text(encoding="utf-8").replace("id: minimal-test", "id: second-test")
    # Unusual bytes (CRLF, trailing spaces, non-ASCII) must survive the round trip untouched.
    text = text.replace("title: Minimal test scenario", "title: Zweites Szenario — Ärztin  ")
    path = folder / "second.yaml"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _manifest(entries: list[dict[str, object]], **extra: object) -> bytes:
    data: dict[str, object] = {
        "format": "balint-pack/1",
        "title": "Test pack",
        "created": "2026-01-01T00:00:00+00:00",
        "app_version": "0.1.0",
        "entries": entries,
    }
    data.update(extra)
    return json.dumps(data).encode()


def _entry(scenario_id: str, raw: bytes) -> dict[str, object]:
    return {
        "path": f"scenarios/{scenario_id}.yaml",
        "scenario_id": scenario_id,
        "title": "t",
        "sha256": hashlib.sha256(raw).hexdigest(),
        "size": len(raw),
    }


def _zip(path: Path, members: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def _valid_members(raw: bytes | None = None) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    raw = raw if raw is not None else MINIMAL.read_bytes()
    return [("manifest.json", _manifest([_entry("minimal-test", raw)])), ("scenarios/minimal-test.yaml", raw)]


def _patch_headers(pack: Path, member: str, *, local_offset: int, central_offset: int, value: bytes) -> None:
    """Overwrite a field of ``member``'s local and central headers (to craft lying archives)."""
    data = bytearray(pack.read_bytes())
    for signature, offset, name_len_at, name_at in (
        (b"PK\x03\x04", local_offset, 26, 30),
        (b"PK\x01\x02", central_offset, 28, 46),
    ):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_len = int.from_bytes(data[start + name_len_at : start + name_len_at + 2], "little")
            if data[start + name_at : start + name_at + name_len] == member.encode():
                data[start + offset : start + offset + len(value)] = value
            start += 4
    pack.write_bytes(bytes(data))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "keep.yaml").write_bytes(b"# an unrelated file that must not change\n")
    return folder


def test_round_trip_is_byte_identical(tmp_path: Path, target: Path) -> None:
    second = _second_scenario(tmp_path)
    pack = tmp_path / "out" / "pack.zip"
    manifest = export_pack([MINIMAL, second], pack, title="Course A")
    assert [e.scenario_id for e in manifest.entries] == ["minimal-test", "second-test"]

    with zipfile.ZipFile(pack) as archive:
        assert sorted(archive.namelist()) == [
            "manifest.json",
            "scenarios/minimal-test.yaml",
            "scenarios/second-test.yaml",
        ]
        stored = json.loads(archive.read("manifest.json"))
    assert stored["format"] == "balint-pack/1"
    assert stored["title"] == "Course A"
    assert stored["app_version"]
    assert stored["entries"][1]["sha256"] == hashlib.sha256(second.read_bytes()).hexdigest()
    assert stored["entries"][1]["size"] == len(second.read_bytes())

    result = import_pack(pack, target)
    assert sorted(result.installed) == ["minimal-test", "second-test"]
    assert (target / "minimal-test.yaml").read_bytes() == MINIMAL.read_bytes()
    assert (target / "second-test.yaml").read_bytes() == second.read_bytes()
    assert not [p for p in target.iterdir() if p.name.startswith(".")], "staging folder left behind"

    # Importing the same pack again changes nothing and asks nothing.
    again = import_pack(pack, target, on_conflict="cancel")
    assert again.unchanged == ["minimal-test", "second-test"]
    assert not again.changed and not again.cancelled


def test_export_refuses_invalid_scenario(tmp_path: Path) -> None:
    bad = DATA / "broken" / "missing-title.yaml"
    with pytest.raises(PackError) as info:
        export_pack([MINIMAL, bad], tmp_path / "p.zip", title="x")
    assert any("missing-title.yaml:" in p for p in info.value.problems)
    assert not (tmp_path / "p.zip").exists()


def test_export_refuses_duplicate_ids(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(MINIMAL.read_bytes())
    with pytest.raises(PackError) as info:
        export_pack([MINIMAL, copy], tmp_path / "p.zip", title="x")
    assert "duplicate scenario id 'minimal-test'" in str(info.value)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../evil.yaml", "path traversal"),
        ("scenarios/../../evil.yaml", "path traversal"),
        ("/etc/evil.yaml", "absolute path"),
        ("C:/evil.yaml", "drive letter"),
        ("scenarios\\evil.yaml", "backslash"),
    ],
)
def test_unsafe_names_refused(tmp_path: Path, target: Path, name: str, expected: str) -> None:
    before = _snapshot(target)
    pack = _zip(tmp_path / "evil.zip", [*_valid_members(), (name, b"x")])
    with pytest.raises(PackError) as info:
        import_pack(pack, target, on_conflict="replace")
    assert expected in str(info.value)
    assert _snapshot(target) == before
    assert not (tmp_path / "evil.yaml").exists()


def test_symlink_refused(tmp_path: Path, target: Path) -> None:
    link = zipfile.ZipInfo("scenarios/minimal-test.yaml")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    raw = b"/etc/passwd"
    pack = _zip(
        tmp_path / "link.zip", [("manifest.json", _manifest([_entry("minimal-test", raw)])), (link, raw)]
    )
    before = _snapshot(target)
    with pytest.raises(PackError, match="symbolic link"):
        import_pack(pack, target)
    assert _snapshot(target) == before


def test_zip_bomb_refused_by_ratio(tmp_path: Path, target: Path) -> None:
    bomb = b"a" * (1024 * 1024)  # 1 MiB of one byte compresses ~1000:1
    pack = _zip(
        tmp_path / "bomb.zip",
        [("manifest.json", _manifest([_entry("minimal-test", bomb)])), ("scenarios/minimal-test.yaml", bomb)],
    )
    with pytest.raises(PackError, match="compression ratio"):
        read_pack(pack)


def test_oversized_entry_refused(tmp_path: Path) -> None:
    raw = MINIMAL.read_bytes()
    pack = _zip(tmp_path / "big.zip", _valid_members(raw))
    with pytest.raises(PackError, match="the limit is 100"):
        read_pack(pack, limits=PackLimits(max_entry_bytes=100))


def test_total_size_and_entry_count_limits(tmp_path: Path) -> None:
    pack = _zip(tmp_path / "p.zip", _valid_members())
    with pytest.raises(PackError, match="entries total"):
        read_pack(pack, limits=PackLimits(max_total_bytes=500))
    many = [*_valid_members(), *[(f"junk/{i}.txt", b"") for i in range(10)]]
    with pytest.raises(PackError, match="the limit is 3"):
        read_pack(_zip(tmp_path / "many.zip", many), limits=PackLimits(max_entries=3))


def test_lying_size_header_is_caught_while_reading(tmp_path: Path) -> None:
    raw = MINIMAL.read_bytes()
    pack = _zip(tmp_path / "p.zip", _valid_members(raw))
    with zipfile.ZipFile(pack) as archive:
        info = archive.getinfo("scenarios/minimal-test.yaml")
        assert info.file_size == len(raw)
    # Patch the declared size in both headers down to 10 bytes: the real data is larger.
    _patch_headers(
        pack,
        "scenarios/minimal-test.yaml",
        local_offset=22,
        central_offset=24,
        value=(10).to_bytes(4, "little"),
    )
    with pytest.raises(PackError) as info:
        read_pack(pack)
    assert "scenarios/minimal-test.yaml" in str(info.value)


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (b"{not json", "invalid JSON"),
        (b"[]", "must be a JSON object"),
        (_manifest([], format="other/9"), "format is 'other/9'"),
        (_manifest([]), "'entries' must be a non-empty list"),
        (
            _manifest([{**_entry("minimal-test", MINIMAL.read_bytes()), "path": "elsewhere/x.yaml"}]),
            "'path' must be 'scenarios/minimal-test.yaml'",
        ),
        (_manifest([{**_entry("minimal-test", MINIMAL.read_bytes()), "sha256": "zz"}]), "'sha256'"),
    ],
)
def test_bad_manifest_refused(tmp_path: Path, manifest: bytes, expected: str) -> None:
    pack = _zip(
        tmp_path / "p.zip",
        [("manifest.json", manifest), ("scenarios/minimal-test.yaml", MINIMAL.read_bytes())],
    )
    with pytest.raises(PackError) as info:
        read_pack(pack)
    assert expected in str(info.value)


def test_missing_manifest_and_not_a_zip(tmp_path: Path) -> None:
    pack = _zip(tmp_path / "p.zip", [("scenarios/minimal-test.yaml", MINIMAL.read_bytes())])
    with pytest.raises(PackError, match=r"no manifest\.json"):
        read_pack(pack)
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"this is not a zip file")
    with pytest.raises(PackError, match="not a valid zip file"):
        read_pack(junk)


def test_checksum_mismatch_refused(tmp_path: Path, target: Path) -> None:
    raw = MINIMAL.read_bytes()
    tampered = raw.replace(b"Silence is fine.", b"Silence is good.")
    assert len(tampered) == len(raw)
    pack = _zip(
        tmp_path / "p.zip",
        [
            ("manifest.json", _manifest([_entry("minimal-test", raw)])),
            ("scenarios/minimal-test.yaml", tampered),
        ],
    )
    before = _snapshot(target)
    with pytest.raises(PackError, match="checksum mismatch"):
        import_pack(pack, target)
    assert _snapshot(target) == before


def test_invalid_yaml_reported_with_entry_and_line(tmp_path: Path) -> None:
    raw = MINIMAL.read_bytes().replace(b"title: Minimal test scenario", b"title: [unclosed")
    pack = _zip(tmp_path / "p.zip", _valid_members(raw))
    with pytest.raises(PackError) as info:
        read_pack(pack)
    line = raw.split(b"\n").index(b"title: [unclosed") + 1
    assert any(p.startswith("scenarios/minimal-test.yaml:") for p in info.value.problems)
    # The parser reports the unclosed flow sequence on or after the line that opens it.
    first = info.value.problems[0]
    reported_line = int(first.split(":")[1])
    assert reported_line >= line


def test_invalid_scenario_reported_with_exact_line(tmp_path: Path) -> None:
    raw = MINIMAL.read_bytes().replace(b"competency: invite-feelings", b"competency: no-such-thing")
    pack = _zip(tmp_path / "p.zip", _valid_members(raw))
    with pytest.raises(PackError) as info:
        read_pack(pack)
    line = raw.split(b"\n").index(b"    competency: no-such-thing") + 1
    assert any(
        p.startswith(f"scenarios/minimal-test.yaml:{line}:17: unknown competency")
        for p in info.value.problems
    )


def test_duplicate_entry_refused(tmp_path: Path) -> None:
    raw = MINIMAL.read_bytes()
    with pytest.warns(UserWarning, match="Duplicate name"):
        pack = _zip(tmp_path / "p.zip", [*_valid_members(raw), ("scenarios/minimal-test.yaml", raw)])
    with pytest.raises(PackError, match="duplicate entry"):
        read_pack(pack)


def test_unlisted_entry_and_encrypted_flag_refused(tmp_path: Path) -> None:
    pack = _zip(tmp_path / "p.zip", [*_valid_members(), ("scenarios/extra.yaml", b"x: 1\n")])
    with pytest.raises(PackError, match=r"not listed in manifest\.json"):
        read_pack(pack)
    raw = MINIMAL.read_bytes()
    pack = _zip(tmp_path / "enc.zip", _valid_members(raw))
    # zipfile cannot write encrypted members; set the "encrypted" flag bit in both headers.
    _patch_headers(pack, "scenarios/minimal-test.yaml", local_offset=6, central_offset=8, value=b"\x01\x00")
    with pytest.raises(PackError, match="encrypted"):
        read_pack(pack)


def test_all_problems_reported_together(tmp_path: Path) -> None:
    pack = _zip(tmp_path / "p.zip", [*_valid_members(), ("../a", b""), ("/b", b"")])
    with pytest.raises(PackError) as info:
        read_pack(pack)
    assert len(info.value.problems) == 2


def test_conflicts_skip_replace_cancel(tmp_path: Path, target: Path) -> None:
    second = _second_scenario(tmp_path)
    pack = export_pack([MINIMAL, second], tmp_path / "p.zip", title="x")
    assert len(pack.entries) == 2
    # A local edit of minimal-test under another file name.
    local = MINIMAL.read_bytes().replace(b"Silence is fine.", b"Local edit.")
    (target / "mine.yaml").write_bytes(local)
    before = _snapshot(target)

    cancelled = import_pack(tmp_path / "p.zip", target, on_conflict="cancel")
    assert cancelled.cancelled and _snapshot(target) == before

    seen: list[str] = []

    def choose_skip(conflicts: object) -> packs.ConflictPolicy:
        seen.extend(c.scenario_id for c in conflicts)  # type: ignore[attr-defined]
        return "skip"

    skipped = import_pack(tmp_path / "p.zip", target, on_conflict=choose_skip)
    assert seen == ["minimal-test"]
    assert skipped.skipped == ["minimal-test"] and skipped.installed == ["second-test"]
    assert (target / "mine.yaml").read_bytes() == local

    replaced = import_pack(tmp_path / "p.zip", target, on_conflict="replace")
    assert replaced.replaced == ["minimal-test"]
    assert (target / "minimal-test.yaml").read_bytes() == MINIMAL.read_bytes()
    assert not (target / "mine.yaml").exists(), "the shadowing old copy is replaced, not duplicated"


@pytest.fixture
def builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built-in scenario in a stand-in for the bundled folder."""
    folder = tmp_path / "bundled"
    folder.mkdir()
    path = folder / "minimal.yaml"
    path.write_bytes(MINIMAL.read_bytes().replace(b"Silence is fine.", b"Built-in key."))
    monkeypatch.setattr("balint_trainer.paths.bundled_scenarios_dir", lambda: folder)
    return path


def _builtins(folder: Path) -> dict[str, Path]:
    return {e.id: e.path for e in load_catalogue([], bundled_dir=folder, use_cache=False) if e.ok}


def test_pack_scenario_with_a_builtin_id_becomes_the_users_copy(
    tmp_path: Path, target: Path, builtin: Path
) -> None:
    export_pack([MINIMAL], tmp_path / "p.zip", title="Updated key")
    pack = read_pack(tmp_path / "p.zip")
    builtin_bytes = builtin.read_bytes()
    library = _builtins(builtin.parent)

    [conflict] = packs.find_conflicts(pack, target, library)
    assert conflict.builtin and not conflict.identical
    assert conflict.existing == builtin and conflict.existing_title == "Minimal test scenario"

    before = _snapshot(target)
    skipped = packs.install_pack(pack, target, library=library, on_conflict="skip")
    assert skipped.skipped == ["minimal-test"] and _snapshot(target) == before

    result = packs.install_pack(pack, target, library=library, on_conflict="replace")
    assert result.replaced == ["minimal-test"] and result.paths == [target / "minimal-test.yaml"]
    assert (target / "minimal-test.yaml").read_bytes() == MINIMAL.read_bytes()
    assert builtin.read_bytes() == builtin_bytes, "the built-in file is never written"
    assert sorted(p.name for p in builtin.parent.iterdir()) == ["minimal.yaml"]

    entries = [e for e in load_catalogue([target], bundled_dir=builtin.parent, use_cache=False) if e.ok]
    [entry] = [e for e in entries if e.id == "minimal-test"]
    assert entry.path == target / "minimal-test.yaml" and entry.replaces == builtin
    assert not entry.bundled and not entry.problems


def test_pack_identical_to_the_builtin_installs_nothing(tmp_path: Path, target: Path, builtin: Path) -> None:
    export_pack([builtin], tmp_path / "p.zip", title="x")
    before = _snapshot(target)
    result = import_pack(tmp_path / "p.zip", target, library=_builtins(builtin.parent), on_conflict="cancel")
    assert result.unchanged == ["minimal-test"] and not result.changed and not result.cancelled
    assert _snapshot(target) == before


def test_existing_copy_of_a_builtin_is_an_ordinary_conflict(
    tmp_path: Path, target: Path, builtin: Path
) -> None:
    export_pack([MINIMAL], tmp_path / "p.zip", title="x")
    builtin_bytes = builtin.read_bytes()
    mine = target / "my-copy.yaml"
    mine.write_bytes(MINIMAL.read_bytes().replace(b"Silence is fine.", b"My copy."))
    library = _builtins(builtin.parent)

    [conflict] = packs.find_conflicts(read_pack(tmp_path / "p.zip"), target, library)
    assert not conflict.builtin and conflict.existing == mine
    result = import_pack(tmp_path / "p.zip", target, library=library, on_conflict="replace")
    assert result.replaced == ["minimal-test"]
    assert (target / "minimal-test.yaml").read_bytes() == MINIMAL.read_bytes()
    assert not mine.exists(), "the user's old copy is replaced, not left to clash"
    assert builtin.read_bytes() == builtin_bytes


def test_install_keeps_an_unrelated_file_with_the_same_name(
    tmp_path: Path, target: Path, builtin: Path
) -> None:
    export_pack([MINIMAL], tmp_path / "p.zip", title="x")
    draft = target / "minimal-test.yaml"
    draft.write_bytes(b"id: minimal-test\ntitle: [a broken draft\n")
    result = import_pack(tmp_path / "p.zip", target, library=_builtins(builtin.parent), on_conflict="replace")
    assert result.replaced == ["minimal-test"] and result.paths == [target / "minimal-test-2.yaml"]
    assert draft.read_bytes() == b"id: minimal-test\ntitle: [a broken draft\n"
    assert (target / "minimal-test-2.yaml").read_bytes() == MINIMAL.read_bytes()


def test_failure_replacing_a_builtin_leaves_both_folders_untouched(
    tmp_path: Path, target: Path, builtin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = _second_scenario(tmp_path)
    export_pack([MINIMAL, second], tmp_path / "p.zip", title="x")
    before, bundled_before = _snapshot(target), _snapshot(builtin.parent)
    real_replace = packs_writing.os.replace

    def flaky_replace(src: object, dst: object) -> None:
        if Path(str(dst)).name == "second-test.yaml":
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(packs_writing.os, "replace", flaky_replace)
    with pytest.raises(OSError, match="No space"):
        import_pack(tmp_path / "p.zip", target, library=_builtins(builtin.parent), on_conflict="replace")
    assert _snapshot(target) == before and _snapshot(builtin.parent) == bundled_before


def test_failure_during_install_leaves_target_untouched(
    tmp_path: Path, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = _second_scenario(tmp_path)
    export_pack([MINIMAL, second], tmp_path / "p.zip", title="x")
    (target / "minimal-test.yaml").write_bytes(MINIMAL.read_bytes().replace(b"Silence is fine.", b"Mine."))
    before = _snapshot(target)
    real_replace = packs_writing.os.replace
    calls = {"n": 0}

    def flaky_replace(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # after the first file was already moved into place
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(packs_writing.os, "replace", flaky_replace)
    with pytest.raises(OSError, match="No space"):
        import_pack(tmp_path / "p.zip", target, on_conflict="replace")
    monkeypatch.setattr(packs_writing.os, "replace", real_replace)
    assert calls["n"] >= 3
    assert _snapshot(target) == before
    assert not [p for p in target.iterdir() if p.name.startswith(".pack-import-")]
