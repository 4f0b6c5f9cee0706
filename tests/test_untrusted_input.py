"""Regressions from the attack pass on untrusted input (issue 12): each failed before its fix."""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from balint_trainer import cli
from balint_trainer.core import yamlsource
from balint_trainer.core.catalogue import load_catalogue
from balint_trainer.core.markdown_render import render_markdown
from balint_trainer.core.packs import PackError, PackLimits, read_pack
from balint_trainer.core.packs import reading as packs_reading
from balint_trainer.core.untrusted import UntrustedInputError, loads_json, read_limited
from balint_trainer.core.validation import load_scenario_bytes, load_scenario_file
from balint_trainer.services.bundles import read_bundle
from balint_trainer.services.errors import BundleError
from tests.conftest import DATA_DIR

MINIMAL = (DATA_DIR / "valid" / "minimal.yaml").read_text(encoding="utf-8")
DEEP_SUMMARY = MINIMAL.replace("summary: A tiny scenario used by the tests.", "summary: '" + "- " * 600 + "x'")
POSITIONED = re.compile(r"^[^\n]+:\d+:\d+: [^\n]+$")


def _in_thread(step: Callable[[], Any], timeout: float = 20) -> Any:
    """Run ``step`` with a timeout, so a regression that hangs (a FIFO) fails instead."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = step()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "hung"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


# 1. Deep Markdown: what validates also displays -------------------------------------------


def test_over_deep_markdown_is_a_positioned_validation_error() -> None:
    result = load_scenario_bytes(DEEP_SUMMARY, "deep.yaml")
    assert not result.ok
    assert [str(p) for p in result.errors] == [
        "deep.yaml:4:10: summary: Markdown lists or quotes are nested 600 levels deep; the limit is 24"
    ]


@pytest.mark.parametrize(
    "text", ["- " * 600 + "x", ">" * 700 + "x", "1. " * 700 + "x", "\n".join("    " * i + "- x" for i in range(80))]
)
def test_markdown_that_cannot_be_rendered_is_shown_as_plain_text(text: str) -> None:
    html = render_markdown(text)
    assert html.startswith("<p>") and "<li>" not in html


def test_a_deep_markdown_file_does_not_stop_the_library(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "deep.yaml").write_text(DEEP_SUMMARY, encoding="utf-8")
    (folder / "good.yaml").write_text(MINIMAL.replace("minimal-test", "good-test"), encoding="utf-8")
    entries = load_catalogue([folder], include_bundled=False)  # with the cache, which renders summaries
    assert [(e.path.name, e.ok) for e in entries] == [("good.yaml", True), ("deep.yaml", False)]
    assert "nested 600 levels deep" in entries[1].problem_text()


# 2. YAML scalars with tags --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("!!bool maybe", "'maybe' is not a valid !!bool"),
        ("!!timestamp x", "'x' is not a valid !!timestamp"),
        ("2020-13-45", "'2020-13-45' is not a valid !!timestamp"),
        ("!!int x", "'x' is not a valid !!int"),
        ("!!int 0x", "'0x' is not a valid !!int"),
        ("!!float x", "'x' is not a valid !!float"),
        ("!!binary aGk=", "YAML tag !!binary is not allowed here"),
        ("!!python/object/apply:os.system ['true']", "YAML: could not determine a constructor for the tag"),
        ("!!python/name:os.system x", "YAML tag !!python/name:os.system is not allowed here"),
        ("!custom x", "YAML tag !custom is not allowed here"),
    ],
)
def test_bad_scalar_tags_are_positioned_problems(value: str, message: str) -> None:
    result = load_scenario_bytes(f"a: b\nkey: {value}\n", "b.yaml")
    assert result.scenario is None
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith(f"b.yaml:2:6: {message}")


def test_validate_never_prints_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "b.yaml"
    bad.write_text("a: !!bool maybe\n")
    assert cli.main(["validate", str(bad)]) == cli.EXIT_INVALID
    out, err = capsys.readouterr()
    assert out == f"{bad}:1:4: 'maybe' is not a valid !!bool\n"
    assert "Traceback" not in err


def test_an_unexpected_failure_is_one_error_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(paths: object) -> object:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr("balint_trainer.core.validation.iter_validated", boom)
    assert cli.main(["validate", "x.yaml"]) == cli.EXIT_INVALID
    assert capsys.readouterr().err == "error: disk on fire\\nsecond line\n"


# 3. Control characters at their own position -----------------------------------------


def test_control_characters_are_reported_where_they_are() -> None:
    result = load_scenario_bytes(b'a: b\nc: d\ne: "x\x01"\n\x1b[31m: y\n', "c.yaml")
    assert [str(p) for p in result.problems] == [
        "c.yaml:3:6: control character U+0001 is not allowed in YAML",
        "c.yaml:4:1: control character U+001B is not allowed in YAML",
    ]


def test_a_problem_is_always_one_line() -> None:
    result = load_scenario_bytes("a: b\nc: d\n\x85: x\n\u2028: y\n", "x\ny.yaml")
    assert result.problems
    for problem in result.problems:
        assert POSITIONED.match(str(problem)), str(problem)


# 4. JSON: huge integers, deep nesting -----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"a": [1, 2,\n ' + b"9" * 4301 + b"]}", "x.json:2:2: number with more than 64 digits; refused"),
        (b"[" * 5000 + b"]" * 5000, "x.json:1:65: nested more than 64 levels deep; refused"),
        (b'{"a": "' + b"[" * 5000 + b'"}', None),  # brackets inside a string are text
        (b'{"a": NaN}', "x.json:1:1: invalid JSON: NaN is not a JSON number"),
        (b'{"a": 1', "x.json:1:8: invalid JSON: Expecting ',' delimiter"),
    ],
)
def test_untrusted_json_is_bounded_before_parsing(raw: bytes, expected: str | None) -> None:
    if expected is None:
        assert loads_json(raw, "x.json") == {"a": "[" * 5000}
        return
    with pytest.raises(UntrustedInputError) as caught:
        loads_json(raw, "x.json")
    assert [str(p) for p in caught.value.problems] == [expected]


def _pack(path: Path, manifest: bytes, members: list[tuple[str, bytes]] = ()) -> Path:  # type: ignore[assignment]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest)
        for name, data in members:
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (b'{"format": "balint-pack/1", "size": ' + b"1" * 4301 + b"}", "number with more than 64 digits"),
        (b'{"format": "balint-pack/1", "x": ' + b"[" * 3000 + b"]" * 3000 + b"}", "nested more than 64"),
    ],
)
def test_hostile_manifest_json_is_a_pack_error(tmp_path: Path, manifest: bytes, expected: str) -> None:
    with pytest.raises(PackError, match=expected) as caught:
        read_pack(_pack(tmp_path / "p.zip", manifest))
    assert re.search(r"manifest\.json:1:\d+: ", str(caught.value))


@pytest.mark.parametrize(
    "raw", [b'{"format": "balint-attempts/1", "n": ' + b"7" * 5000 + b"}", b"[" * 100_000 + b"]" * 100_000]
)
def test_hostile_bundle_json_is_a_bundle_error(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "b.json"
    path.write_bytes(raw)
    with pytest.raises(BundleError, match=r"b\.json:1:\d+: (number with more than|nested more than)"):
        read_bundle(path)


# 5. Sizes: zip directories, flow sequences, special files -------------------------------


def test_zip_entry_count_is_checked_before_zipfile_reads_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "many.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        for index in range(70_000):  # more than 65,535: the count is in the ZIP64 end record
            archive.writestr(zipfile.ZipInfo(f"{index}"), b"")

    small = _pack(tmp_path / "small.zip", b"{}", [(f"x{i}", b"") for i in range(20)])

    def no_zipfile(*args: object, **kwargs: object) -> None:
        raise AssertionError("the directory was read")

    monkeypatch.setattr(packs_reading.zipfile, "ZipFile", no_zipfile)
    with pytest.raises(PackError, match="70,000 entries; the limit is 1,000"):
        read_pack(pack)
    with pytest.raises(PackError, match="21 entries; the limit is 5"):
        read_pack(small, limits=PackLimits(max_entries=5))


def test_too_many_nodes_are_refused_before_composing(monkeypatch: pytest.MonkeyPatch) -> None:
    flow = "[" + "1," * 300_000 + "1]"
    calls: list[str] = []

    class Spy(yamlsource._Loader):  # type: ignore[name-defined,misc]
        def get_single_node(self) -> Any:
            calls.append("composed")
            return super().get_single_node()

    monkeypatch.setattr(yamlsource, "_Loader", Spy)
    result = load_scenario_bytes(flow, "flow.yaml")
    assert [str(p) for p in result.problems] == ["flow.yaml:1:400000: document has more than 200,000 nodes; refused"]
    assert calls == []


def test_a_pack_stops_checking_after_ten_broken_scenarios(tmp_path: Path) -> None:
    raw = b"format: balint-scenario/1\n"
    entries = [
        {"path": f"scenarios/s{i}.yaml", "scenario_id": f"s{i}", "title": "t",
         "sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw)}
        for i in range(15)
    ]  # fmt: skip
    manifest = json.dumps({"format": "balint-pack/1", "title": "t", "entries": entries}).encode()
    pack = _pack(tmp_path / "p.zip", manifest, [(e["path"], raw) for e in entries])  # type: ignore[misc]
    with pytest.raises(PackError) as caught:
        read_pack(pack)
    assert "checking stopped after 10 broken scenarios" in caught.value.problems
    assert not any("s12.yaml" in p for p in caught.value.problems)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_refused_by_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    assert [str(p) for p in _in_thread(lambda: load_scenario_file(fifo)).problems] == [
        f"{fifo}:1:1: not a regular file (a pipe); refused"
    ]
    with pytest.raises(PackError, match=r"not a regular file \(a pipe\)"):
        _in_thread(lambda: read_pack(fifo))
    with pytest.raises(BundleError, match=r"not a regular file \(a pipe\)"):
        _in_thread(lambda: read_bundle(fifo))
    if Path("/dev/zero").exists():
        assert _in_thread(lambda: cli.main(["validate", "/dev/zero", str(fifo)])) == cli.EXIT_INVALID
        assert capsys.readouterr().out.splitlines() == [
            "/dev/zero:1:1: not a regular file (a device); refused",
            f"{fifo}:1:1: not a regular file (a pipe); refused",
        ]


def test_read_limited_never_reads_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, 100) == b"x" * 100
    with pytest.raises(UntrustedInputError, match="100 bytes; the limit is 99"):
        read_limited(path, 99)


# 7. The library isolates failures per file ---------------------------------------------


def test_any_exception_while_loading_a_file_makes_only_that_file_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "b.yaml").write_text(MINIMAL.replace("minimal-test", "b-test"), encoding="utf-8")
    from balint_trainer.core import catalogue

    real = catalogue.load_scenario_file

    def flaky(path: Path) -> Any:
        if Path(path).name == "a.yaml":
            raise KeyError("surprise")
        return real(path)

    monkeypatch.setattr(catalogue, "load_scenario_file", flaky)
    entries = load_catalogue([folder], include_bundled=False, use_cache=False)
    assert [(e.path.name, e.ok) for e in entries] == [("b.yaml", True), ("a.yaml", False)]
    assert entries[1].problem_text() == f"{folder / 'a.yaml'}:1:1: cannot be read: 'surprise'"
