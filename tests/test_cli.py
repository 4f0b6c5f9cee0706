"""The command-line contract: validate, schema, score --json, key --json; no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from balint_trainer.cli import main
from tests.conftest import DATA_DIR


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "balint_trainer", *args], capture_output=True, text=True, timeout=120
    )


def test_validate_valid_file_exits_zero(minimal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(minimal_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 valid, 0 invalid" in captured.err


def test_validate_broken_folder_prints_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    folder = DATA_DIR / "broken"
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    files = {line.split(":", 1)[0] for line in out}
    assert len(files) == len(list(folder.glob("*.yaml")))
    for line in out:
        path, line_no, column, message = line.split(":", 3)
        assert path.endswith(".yaml") and int(line_no) >= 1 and int(column) >= 1 and message.strip()


def test_validate_mixed_paths_exit_one(minimal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = DATA_DIR / "broken" / "unknown-person.yaml"
    assert main(["validate", str(minimal_path), str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:25:10: unknown person 'dr-z'" in out


def test_validate_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "absent.yaml")]) == 1
    assert "cannot read file" in capsys.readouterr().out


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["required"]) >= {"format", "id", "title", "summary", "people", "case", "script"}


def test_schema_accepts_minimal_scenario_with_jsonschema(
    minimal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    jsonschema.validate(yaml.safe_load(minimal_path.read_text()), schema)


def test_score_json_contract(minimal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["score", str(minimal_path), "--answer", "first=b", "--answer", "second=x", "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    # The contract's fields, plus the optional panel-relative score (docs/scenario-format.md).
    assert set(result) == {"scenario", "total", "decisions", "competencies", "panel_relative"}
    # Leave-one-out: e1 50 (a; x against y alone 0), e2 50, e3 0 (b against a,a,a), e4 100: mean 50,
    # sample SD sqrt(2 * 50² / 3) = 40.82; trainee 66.67 → z 0.408, scaled 82.04.
    relative = result["panel_relative"]
    assert (relative["panel_mean"], relative["experts"]) == (50.0, 4)
    assert relative["panel_sd"] == pytest.approx(40.8248, abs=1e-4)
    assert relative["z"] == pytest.approx(0.4082, abs=1e-4)
    assert relative["scaled"] == pytest.approx(82.0412, abs=1e-4)
    assert result["scenario"] == "minimal-test"
    assert result["total"] == pytest.approx(100 * (1 / 3 + 1) / 2)
    assert result["decisions"] == [
        {"id": "first", "chosen": "b", "credit": pytest.approx(1 / 3), "competency": "frame-and-structure"},
        {"id": "second", "chosen": "x", "credit": 1.0, "competency": "invite-feelings"},
    ]
    assert result["competencies"] == {"frame-and-structure": pytest.approx(1 / 3), "invite-feelings": 1.0}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (["--answer", "first"], "expected DECISION=OPTION"),
        (["--answer", "nope=a"], "no decision 'nope'"),
        (["--answer", "first=z"], "no option 'z'"),
        (["--answer", "first=a", "--answer", "first=b"], "given twice"),
    ],
)
def test_score_bad_answers_exit_two(
    minimal_path: Path, capsys: pytest.CaptureFixture[str], answers: list[str], expected: str
) -> None:
    assert main(["score", str(minimal_path), *answers, "--json"]) == 2
    captured = capsys.readouterr()
    assert expected in captured.err
    assert "Traceback" not in captured.err


def test_score_invalid_scenario_exit_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(DATA_DIR / "broken" / "empty.yaml"), "--json"]) == 1
    assert "the file is empty" in capsys.readouterr().err


def test_key_json(minimal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["key", str(minimal_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    first = report["decisions"][0]
    assert first["id"] == "first"
    assert [(o["id"], o["votes"], o["credit"]) for o in first["options"]] == [
        ("a", 3, 1.0),
        ("b", 1, pytest.approx(1 / 3)),
        ("c", 0, 0.0),
    ]
    assert first["agreement"] == pytest.approx(0.5)
    assert isinstance(first["kappa"], float)
    assert report["decisions"][1]["low_agreement"] is True


def test_human_readable_outputs(minimal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["key", str(minimal_path)]) == 0
    assert "LOW AGREEMENT" in capsys.readouterr().out
    assert main(["score", str(minimal_path), "--answer", "first=a"]) == 0
    assert "Total: 100.0 / 100" in capsys.readouterr().out


def test_usage_error_exit_two_in_subprocess() -> None:
    result = run_cli("score")
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_in_subprocess_prints_file_line_col() -> None:
    broken = DATA_DIR / "broken" / "syntax-bad-indent.yaml"
    result = run_cli("validate", str(broken))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{broken}:17:4: YAML syntax")
    assert "Traceback" not in result.stderr


def test_create_account_on_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    url = f"sqlite:///{tmp_path / 'course.db'}"
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    code = main(
        [
            "--database",
            url,
            "create-account",
            "Dr Supervisor",
            "--role",
            "supervisor",
            "--cohort",
            "2026",
            "--password-stdin",
        ]
    )
    assert code == 0
    assert "created supervisor 'Dr Supervisor' in cohort 2026" in capsys.readouterr().out
    from balint_trainer.services import open_service

    with open_service(url) as svc:
        assert svc.accounts.authenticate("Dr Supervisor", "correct horse battery").role == "supervisor"
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--database", url, "create-account", "Dr Two", "--password-stdin"]) == 1
    assert "error:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, [], None)),
        (["--database", "sqlite:///x.db", "--scenarios", "a", "--scenarios", "b"], ("sqlite:///x.db", ["a", "b"], None)),
        (["--language=fa"], (None, [], "fa")),
    ],
)
def test_plain_app_start_passes_the_global_options(
    argv: list[str], expected: tuple[object, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    import balint_trainer.gui.app

    calls: list[tuple[object, ...]] = []

    def fake_run_app(database_url: str | None, extra_scenario_dirs: list[Path], language: str | None) -> int:
        calls.append((database_url, [str(p) for p in extra_scenario_dirs], language))
        return 0

    monkeypatch.setattr(balint_trainer.gui.app, "run_app", fake_run_app)
    assert main(argv) == 0
    assert calls == [expected]


def test_help_and_usage_errors_still_come_from_the_full_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as help_exit:
        main(["--help"])
    assert help_exit.value.code == 0
    assert "validate" in capsys.readouterr().out  # the sub-commands are listed
    with pytest.raises(SystemExit) as usage_exit:
        main(["--database"])
    assert usage_exit.value.code == 2
    assert "expected one argument" in capsys.readouterr().err
