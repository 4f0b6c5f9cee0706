"""The one guarded path from an untrusted JSON file to a pydantic model (core.untrusted_model)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict

from balint_trainer.core.untrusted import UntrustedInputError, loads_json
from balint_trainer.core.untrusted_model import ModelInputError, read_model


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["doc/1"]
    votes: list[int]


def _read(path: Path, **options: object) -> Doc:
    return read_model(path, Doc, expected_format="doc/1", max_bytes=200, **options)[0]  # type: ignore[arg-type]


def test_the_int_digit_limit_is_the_one_asked_for_not_the_default() -> None:
    """It was always 64 digits whatever max_int_digits said (only the message used it)."""
    assert loads_json(b'{"a": 123456789012345}', "x.json", max_int_digits=15) == {"a": 123456789012345}
    with pytest.raises(UntrustedInputError, match=r"x\.json:1:7: number with more than 15 digits"):
        loads_json(b'{"a": 1234567890123456}', "x.json", max_int_digits=15)


def test_duplicate_keys_are_refused_only_when_asked() -> None:
    assert loads_json(b'{"a": 1, "a": 2}', "x.json") == {"a": 2}
    with pytest.raises(UntrustedInputError, match="key 'a' appears twice in one object"):
        loads_json(b'{"a": 1, "a": 2}', "x.json", unique_keys=True)


@pytest.mark.parametrize(
    ("raw", "stage", "line"),
    [
        (b" " * 201, "read", "d.json:1:1: file is 201 bytes; the limit is 200"),
        (b'{"format": "doc/1",\n "votes": [1,}', "json", "d.json:2:14: invalid JSON: Expecting value"),
        (b'{"format": "doc/1", "votes": [[[[[[[[[[]]]]]]]]]]}', "json", "d.json:1:"),
        (b'{"format": "other/1"}', "format", "d.json:1:1: format is 'other/1'; expected 'doc/1'"),
        (b'{"format": "doc/1",\n "votes": [1, "x"]}', "schema", "d.json:2:15: votes[1]: Input should be"),
    ],
)
def test_every_refusal_names_its_stage_and_a_position(tmp_path: Path, raw: bytes, stage: str, line: str) -> None:
    path = tmp_path / "d.json"
    path.write_bytes(raw)
    with pytest.raises(ModelInputError) as caught:
        _read(path, max_depth=8)
    assert caught.value.stage == stage
    assert str(caught.value.problems[0]).replace(str(tmp_path) + "/", "").startswith(line)


def test_one_line_wording_of_the_bundle_and_feedback_readers(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_bytes(b'{"format": "other/1"}')
    with pytest.raises(ModelInputError) as caught:
        _read(path)
    assert caught.value.one_line("a doc", "invalid doc") == (
        f"{path}:1:1: not a doc (format 'other/1'; expected 'doc/1')"
    )
    path.write_bytes(b'{"format": "doc/1", "votes": ["x"]}')
    with pytest.raises(ModelInputError) as caught:
        _read(path)
    assert caught.value.one_line("a doc", "invalid doc").startswith(f"{path}:1:31: invalid doc: votes.0: ")


def test_the_callers_decode_step_runs_on_the_bytes_read(tmp_path: Path) -> None:
    path = tmp_path / "d.json.gz"
    path.write_bytes(gzip.compress(b'{"format": "doc/1", "votes": [1, 2]}'))
    doc = read_model(path, Doc, expected_format="doc/1", max_bytes=200, decode=gzip.decompress)[0]
    assert doc.votes == [1, 2]
