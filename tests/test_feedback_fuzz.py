"""Fuzzing feedback files (the same mutations as tests/fuzzing.py uses for bundles): no
exception but FeedbackFileError escapes, and its message is one line."""

from __future__ import annotations

import json
from pathlib import Path
from random import Random

from hypothesis import given, settings

from balint_trainer.services.feedback_files import FeedbackFileError, read_feedback
from tests import fuzzing
from tests.test_fuzz_untrusted import FUZZ, RANDOMS

UID = "12345678-1234-4234-8234-123456789abc"
VALID = json.dumps(
    {
        "format": "balint-feedback/1",
        "exported_at": "2026-01-01T00:00:00+00:00",
        "app_version": "0",
        "trainee": {"uid": UID, "name": "Ann"},
        "attempt_uids": [UID],
        "comments": [
            {
                "uid": UID,
                "attempt_uid": UID,
                "decision_id": "first",
                "author": {"uid": UID, "name": "Sue", "role": "supervisor"},
                "text": "Why talk here?",
                "created_at": "2026-01-02T00:00:00+00:00",
            }
        ],
    },
    indent=1,
).encode()


def check(raw: bytes, path: Path) -> str:
    path.write_bytes(raw)
    try:
        read_feedback(path)
    except FeedbackFileError as exc:
        assert str(exc) and "\n" not in str(exc), repr(str(exc))
        return "refused"
    return "accepted"


def test_the_valid_seed_is_accepted(tmp_path: Path) -> None:
    assert check(VALID, tmp_path / "f.json") == "accepted"


@settings(FUZZ, max_examples=300)
@given(RANDOMS)
def test_mutated_feedback_files(tmp_path_factory, rng: Random) -> None:  # type: ignore[no-untyped-def]
    check(fuzzing.mutate_json(VALID, rng), tmp_path_factory.mktemp("feedback") / "f.json")
