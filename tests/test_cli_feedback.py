"""``export-feedback`` / ``import-feedback`` from a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from balint_trainer.cli import main
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import open_service
from tests.db_fixtures import MINIMAL


def test_export_then_import_feedback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trainee_url, supervisor_url = f"sqlite:///{tmp_path / 't.db'}", f"sqlite:///{tmp_path / 's.db'}"
    with open_service(trainee_url) as svc:
        me = svc.accounts.local_profile()
        version = svc.scenarios.register_scenario(load_scenario_file(MINIMAL))
        attempt = svc.practice.start_attempt(me.id, version.id, "practice")
        svc.exchange.export_attempts(me.id, tmp_path / "bundle.json")
    assert main(["--database", supervisor_url, "import-attempts", str(tmp_path / "bundle.json")]) == 0
    with open_service(supervisor_url) as svc:
        sue = svc.accounts.create_profile("Sue", "supervisor")
        there = svc.practice.attempt_by_uid(attempt.uid)
        assert there is not None
        svc.review.add_comment(there.id, sue.id, "See me about the first decision.", decision_id="first")
    capsys.readouterr()
    feedback = tmp_path / "feedback.json"
    assert main(["--database", supervisor_url, "export-feedback", "--profile", me.name, str(feedback)]) == 0
    assert f"1 comment(s) on the attempts of {me.name} exported" in capsys.readouterr().err
    assert main(["--database", trainee_url, "import-feedback", str(feedback)]) == 0
    assert "1 new comment(s), 0 already here, on 1 attempt(s)" in capsys.readouterr().out
    assert main(["--database", trainee_url, "import-feedback", str(feedback)]) == 0
    assert "0 new comment(s), 1 already here" in capsys.readouterr().out

    feedback.write_text('{"format": "balint-feedback/1", "comments": [', "utf-8")
    assert main(["--database", trainee_url, "import-feedback", str(feedback)]) == 1
    assert f"error: {feedback}:1:" in capsys.readouterr().err
    assert main(["--database", supervisor_url, "export-feedback", "--profile", "nobody", str(feedback)]) == 2
