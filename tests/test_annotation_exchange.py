"""Remote expert annotation: blind requests out, annotation files in (validated, atomic, idempotent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from balint_trainer.cli import main
from balint_trainer.core.annotation import agreement_report, merge_into_yaml, votes_from_annotations
from balint_trainer.core.annotation_exchange import (
    MAX_ANNOTATIONS_BYTES,
    ExchangeError,
    json_position,
    read_request,
)
from balint_trainer.core.annotation_progress import RequestWork
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import TrainerService
from balint_trainer.services.annotation_exchange import AnnotationImportError
from tests.db_fixtures import MINIMAL

# Everything in minimal.yaml that would tell an expert what the key or the author thinks.
SECRETS = (
    "experts",
    "rationale",
    "feedback",
    "then",
    "Silence is fine.",
    "Split panel.",
    "Good.",
    "A silence.",
    "Hm.",
    '"e1"',
    "key_status",
)
PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: \S")


def _request(service: TrainerService, tmp_path: Path, expert: str) -> Path:
    path = tmp_path / f"{expert}.balint-request.json"
    service.annotations.export_annotation_request(
        [load_scenario_file(MINIMAL)], organiser="Olga", expert=expert, path=path
    )
    return path


def _annotate(request: Path, folder: Path, answers: dict[str, str], out: Path) -> RequestWork:
    work = RequestWork(read_request(request), folder)
    version = work.register_scenario(work.checked.versions[0].loaded)
    for decision, best in answers.items():
        ratings = {"a": 5, "b": 3, "c": 1} if decision == "first" else None
        work.save_annotation(version.id, decision, 1, best, ratings, f"why {best}")
    work.export(out)
    return work


def _stored(service: TrainerService) -> list[tuple[str, str, str, object, object]]:
    version = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    return sorted(
        (a.expert_name, a.decision_id, a.best, a.ratings, a.note) for a in service.annotations.annotations(version.id)
    )


def test_request_is_blind(service: TrainerService, tmp_path: Path) -> None:
    text = _request(service, tmp_path, "Dr Ana").read_text("utf-8")
    data = json.loads(text)
    assert data["expert"] == "Dr Ana" and data["organiser"] == "Olga" and data["request_id"]
    scenario_text = data["scenarios"][0]["text"]
    assert "I saw Mrs K again on Monday." in scenario_text and "What now?" in scenario_text
    assert "Lecture." in scenario_text  # options are there
    for secret in SECRETS:
        assert secret not in text, secret
    # The SHA-256 is the organiser's registered version, which answers refer to.
    assert data["scenarios"][0]["sha256"] == load_scenario_file(MINIMAL).sha256
    assert service.scenarios.scenario_versions("minimal-test")


def test_three_experts_round_trip_agreement_and_merge(service: TrainerService, tmp_path: Path) -> None:
    answers = {
        "Dr Ana": {"first": "a", "second": "x"},
        "Dr Ben": {"first": "a", "second": "y"},
        "Dr Cy": {"first": "b", "second": "x"},
    }
    files = []
    for name, votes in answers.items():
        request = _request(service, tmp_path, name)
        files.append(tmp_path / f"{name}.balint-annotations.json")
        _annotate(request, tmp_path / f"home-{name}", votes, files[-1])
    reports = [service.annotations.import_annotations(f) for f in files]
    assert [(r.added, r.replaced, r.profile) for r in reports] == [(2, 0, "created")] * 3
    version = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    stored = service.annotations.annotations(version.id)
    assert len(stored) == 6
    scenario = load_scenario_file(MINIMAL).scenario
    assert scenario is not None
    report = agreement_report(scenario, votes_from_annotations(stored))
    first = report.decisions[0]
    assert first.experts == 3 and first.votes["a"] == 2
    assert first.agreement == pytest.approx(1 / 3)
    assert first.kappa is not None  # every expert rated every option of "first"
    merged = merge_into_yaml(MINIMAL.read_text("utf-8"), votes_from_annotations(stored))
    assert {e.expert for e in merged.scenario.decision("first").experts} == {"dr-ana", "dr-ben", "dr-cy"}

    # Importing the same files again changes nothing.
    again = [service.annotations.import_annotations(f) for f in files]
    assert [(r.added, r.replaced, r.unchanged, r.profile) for r in again] == [(0, 0, 2, "matched")] * 3
    assert len(service.annotations.annotations(version.id)) == 6


def test_newer_file_replaces_older_is_kept_out(service: TrainerService, tmp_path: Path) -> None:
    request = _request(service, tmp_path, "Dr Ana")
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    home = tmp_path / "home"
    _annotate(request, home, {"first": "a"}, old)
    work = _annotate(request, home, {"first": "c", "second": "y"}, new)  # reopened: continues
    assert work.answered == 2
    assert service.annotations.import_annotations(old).added == 1
    report = service.annotations.import_annotations(new)
    assert (report.added, report.replaced) == (1, 1)
    before = _stored(service)
    assert ("Dr Ana", "first", "c", {"a": 5, "b": 3, "c": 1}, "why c") in before
    late = service.annotations.import_annotations(old)  # the older file arrives late: newer votes stay
    assert (late.added, late.replaced, late.kept_newer) == (0, 0, 1)
    assert _stored(service) == before


def _good_file(service: TrainerService, tmp_path: Path) -> Path:
    out = tmp_path / "good.json"
    _annotate(_request(service, tmp_path, "Dr Ana"), tmp_path / "home", {"first": "a", "second": "x"}, out)
    return out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace('"best": "a"', '"best": "zz"'), "'zz' is not an option of 'first'"),
        (
            lambda t: re.sub(r'"sha256": "[0-9a-f]{64}"', '"sha256": "' + "0" * 64 + '"', t),
            "is not registered here",
        ),
        (lambda t: t.replace('"a": 5', '"a": 5000000000000000000000000'), "number with more than 15 digits"),
        (lambda t: t.replace('"a": 5', '"a": 6'), "less than or equal to 5"),
        (lambda t: t.replace('"a": 5', '"a": NaN'), "NaN is not a JSON number"),
        (lambda t: t.replace('"a": 5', '"a": ' + "[" * 40 + "]" * 40), "nested more than"),
        (lambda t: t.replace('"decision_id": "second"', '"decision_id": "nope"'), "has no decision 'nope'"),
        (lambda t: t.replace('"best": "a"', '"best": "a", "sneaky": 1'), "Extra inputs are not permitted"),
        (
            lambda t: t + " " * (MAX_ANNOTATIONS_BYTES + 1),
            "the limit is",
        ),
        (lambda t: t[:-20], "invalid JSON"),
        (lambda t: t.replace('"best": "a"', '"best": "a", "best": "b"'), "appears twice"),
    ],
    ids=[
        "unknown-option",
        "wrong-sha",
        "huge-number",
        "rating-6",
        "nan",
        "deep",
        "unknown-decision",
        "unknown-key",
        "oversized",
        "truncated",
        "duplicate-key",
    ],
)
def test_tampered_file_is_refused_and_nothing_changes(
    service: TrainerService,
    tmp_path: Path,
    change,
    expected: str,  # type: ignore[no-untyped-def]
) -> None:
    good = _good_file(service, tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(change(good.read_text("utf-8")), "utf-8")
    profiles = len(service.accounts.profiles())
    with pytest.raises(AnnotationImportError) as caught:
        service.annotations.import_annotations(bad)
    assert any(expected in line for line in caught.value.problems), caught.value.problems
    assert all(PROBLEM_LINE.match(line) and "\n" not in line for line in caught.value.problems)
    assert _stored(service) == [] and len(service.accounts.profiles()) == profiles


def test_problem_positions_point_into_the_file(service: TrainerService, tmp_path: Path) -> None:
    good = _good_file(service, tmp_path)
    text = good.read_text("utf-8").replace('"best": "x"', '"best": "q"')
    bad = tmp_path / "bad.json"
    bad.write_text(text, "utf-8")
    with pytest.raises(AnnotationImportError) as caught:
        service.annotations.import_annotations(bad)
    (line,) = caught.value.problems
    number, column = (int(x) for x in line.split(":")[1:3])
    assert text.splitlines()[number - 1][column - 1 :].startswith('"q"')
    assert json_position('{"a": [1, {"b": 2}]}', ["a", 1, "b"]) == (1, 17)


def test_trainee_of_the_same_name_is_refused(service: TrainerService, tmp_path: Path) -> None:
    good = _good_file(service, tmp_path)
    service.accounts.create_profile("Dr Ana", "trainee")
    with pytest.raises(AnnotationImportError, match="trainee profile here"):
        service.annotations.import_annotations(good)
    assert _stored(service) == []


def test_tampered_request_is_refused(service: TrainerService, tmp_path: Path) -> None:
    path = _request(service, tmp_path, "Dr Ana")
    data = json.loads(path.read_text("utf-8"))
    data["scenarios"][0]["text"] += "\n# changed"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ExchangeError, match="does not match its SHA-256"):
        read_request(path)
    # A request that carries a key is not blind: refused even with a matching checksum.
    import hashlib

    text = MINIMAL.read_text("utf-8")
    data["scenarios"][0]["text"] = text
    data["scenarios"][0]["text_sha256"] = hashlib.sha256(text.encode()).hexdigest()
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ExchangeError) as caught:
        read_request(path)
    assert any("'experts' must not be sent to an expert" in p for p in caught.value.problems)


def test_damaged_progress_is_set_aside_not_lost(service: TrainerService, tmp_path: Path) -> None:
    request = _request(service, tmp_path, "Dr Ana")
    home = tmp_path / "home"
    work = _annotate(request, home, {"first": "a"}, tmp_path / "out.json")
    work.path.write_text("{not json", "utf-8")
    again = RequestWork(read_request(request), home)
    assert again.answered == 0 and again.recovered is not None
    assert list(home.glob("*.unusable-*"))


def test_cli_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'org.sqlite3'}"
    request = tmp_path / "req.json"
    code = main(
        [
            "--database",
            db,
            "export-annotation-request",
            str(MINIMAL),
            "--expert",
            "Dr Ana",
            "--organiser",
            "Olga",
            "-o",
            str(request),
        ]
    )
    assert code == 0 and "for Dr Ana" in capsys.readouterr().out
    out = tmp_path / "ann.json"
    _annotate(request, tmp_path / "home", {"first": "b"}, out)
    bad = tmp_path / "bad.json"
    bad.write_text(out.read_text("utf-8").replace('"best": "b"', '"best": "nope"'), "utf-8")
    assert main(["--database", db, "import-annotations", str(out), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "1 vote(s) added" in captured.out
    assert re.search(r"bad\.json:\d+:\d+: .*'nope' is not an option", captured.err)
    assert main(["--database", db, "import-annotations", str(out)]) == 0
    assert "0 vote(s) added, 0 replaced by newer ones, 1 unchanged" in capsys.readouterr().out


def test_a_later_file_repeating_a_vote_still_beats_an_older_different_one(
    service: TrainerService, tmp_path: Path
) -> None:
    request = _request(service, tmp_path, "Dr Ana")
    home = tmp_path / "home"
    files = [tmp_path / f"{n}.json" for n in (1, 2, 3)]
    for best, out in zip("aba", files, strict=True):  # a, then b, then back to a
        _annotate(request, home, {"first": best}, out)
    service.annotations.import_annotations(files[0])
    assert service.annotations.import_annotations(files[2]).unchanged == 1
    late = service.annotations.import_annotations(files[1])  # b was saved before the final a
    assert (late.replaced, late.kept_newer) == (0, 1)
    assert [row[2] for row in _stored(service)] == ["a"]


def test_two_versions_of_one_scenario_cannot_share_a_request(tmp_path: Path) -> None:
    from balint_trainer.core.annotation_exchange import build_request
    from balint_trainer.core.validation import load_scenario_bytes

    edited = load_scenario_bytes(MINIMAL.read_text("utf-8") + "# edited\n", "edited.yaml")
    with pytest.raises(ExchangeError, match="chosen twice"):
        build_request([load_scenario_file(MINIMAL), edited], organiser="Olga", expert="Dr Ana")


def test_agreement_has_alpha_where_kappa_needs_every_rating() -> None:
    from balint_trainer.core.annotation import ExpertVote

    scenario = load_scenario_file(MINIMAL).scenario
    assert scenario is not None
    votes = [  # remote experts often rate only some options: no kappa, but alpha
        ExpertVote("dr-ana", "first", "a", {"a": 5, "b": 2}),
        ExpertVote("dr-ben", "first", "a", {"a": 5, "c": 1}),
        ExpertVote("dr-cy", "first", "b", {"a": 4, "b": 4, "c": 1}),
    ]
    first = agreement_report(scenario, votes).decisions[0]
    assert first.kappa is None and first.alpha is not None and -1 <= first.alpha <= 1
    assert agreement_report(scenario, votes).pooled_alpha == pytest.approx(first.alpha)


def test_a_pipe_is_refused_without_blocking(service: TrainerService, tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "annotations.json"
    os.mkfifo(pipe)  # reading it would wait forever for a writer
    with pytest.raises(AnnotationImportError) as caught:
        service.annotations.import_annotations(pipe)
    assert any("not a regular file" in line for line in caught.value.problems)
