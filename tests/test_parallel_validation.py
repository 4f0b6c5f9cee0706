"""``validate --jobs N``: worker processes, the same output and exit status as one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from balint_trainer import cli
from balint_trainer.core import parallel_validation as pv
from tests.conftest import DATA_DIR


def _library(folder: Path) -> Path:
    """Valid files, every broken example, and ids used twice across chunks."""
    folder.mkdir()
    text = (DATA_DIR / "valid" / "minimal.yaml").read_text()
    for index in range(12):
        scenario_id = f"minimal-{index % 9:03d}"  # 9..11 repeat ids of files in earlier chunks
        (folder / f"s{index:03d}.yaml").write_text(text.replace("id: minimal-test", f"id: {scenario_id}"))
    for path in sorted((DATA_DIR / "broken").glob("*.yaml")):
        shutil.copy(path, folder / f"b-{path.name}")
    (folder / "sub").mkdir()
    shutil.copy(DATA_DIR / "valid" / "minimal.yaml", folder / "sub" / "again.yml")
    return folder


def _validate(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(["validate", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pv, "MIN_FILES", 2)
    monkeypatch.setattr(pv, "CHUNK_FILES", 3)
    monkeypatch.setattr(pv, "CHUNKS_AHEAD", 1)  # the window slides: order kept across waits


@pytest.mark.usefixtures("small_chunks")
def test_workers_report_what_one_process_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pools: list[object] = []

    class CountedPool(pv.ProcessPoolExecutor):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            pools.append(self)

    monkeypatch.setattr(pv, "ProcessPoolExecutor", CountedPool)
    library = _library(tmp_path / "lib")
    one = _validate(["--jobs", "1", str(library)], capsys)
    two = _validate(["--jobs", "2", str(library), str(DATA_DIR / "valid" / "minimal.yaml")], capsys)
    one_again = _validate(["--jobs", "1", str(library), str(DATA_DIR / "valid" / "minimal.yaml")], capsys)
    assert len(pools) == 1  # --jobs 2 used workers; --jobs 1 did not
    assert two == one_again
    assert one[0] == cli.EXIT_INVALID and "error(s)" in one[2]
    assert one[1].count("duplicate scenario id") == 3
    assert "duplicate scenario id 'minimal-test'" in two[1]  # the last file repeats sub/again.yml's id
    assert len(one[1].splitlines()) > 30


@pytest.mark.usefixtures("small_chunks")
def test_a_valid_library_exits_zero_with_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    text = (DATA_DIR / "valid" / "minimal.yaml").read_text()
    for index in range(7):
        (folder / f"s{index}.yaml").write_text(text.replace("id: minimal-test", f"id: minimal-{index}"))
    assert _validate(["--jobs", "2", str(folder)], capsys) == (
        cli.EXIT_OK,
        "",
        "7 file(s) checked: 7 valid, 0 invalid, 0 error(s)\n",
    )


@pytest.mark.usefixtures("small_chunks")
def test_without_processes_the_check_finishes_in_this_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    library = _library(tmp_path / "lib")
    expected = _validate(["--jobs", "1", str(library)], capsys)

    def no_processes(*args: object, **kwargs: object) -> object:
        raise OSError("no semaphores here")

    monkeypatch.setattr(pv, "ProcessPoolExecutor", no_processes)
    assert _validate(["--jobs", "2", str(library)], capsys) == expected


def test_small_inputs_stay_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_workers(*args: object, **kwargs: object) -> object:
        raise AssertionError("a worker process for a small input")

    monkeypatch.setattr(pv, "ProcessPoolExecutor", no_workers)
    library = _library(tmp_path / "lib")
    assert len(list(library.rglob("*.y*ml"))) < pv.MIN_FILES
    assert _validate(["--jobs", "4", str(library)], capsys)[0] == cli.EXIT_INVALID


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["validate", "--jobs", value, "x.yaml"])
    assert exit_info.value.code == cli.EXIT_USAGE
    assert "not a number of processes" in capsys.readouterr().err


@pytest.mark.usefixtures("small_chunks")
def test_one_process_is_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_workers(*args: object, **kwargs: object) -> object:
        raise AssertionError("a worker process without --jobs")

    monkeypatch.setattr(pv, "ProcessPoolExecutor", no_workers)
    status, out, _err = _validate([str(_library(tmp_path / "lib"))], capsys)
    assert status == cli.EXIT_INVALID and out.count("duplicate scenario id") == 3
