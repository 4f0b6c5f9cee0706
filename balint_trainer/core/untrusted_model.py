"""Untrusted JSON files into validated pydantic models, every problem ``FILE:LINE:COL: message`` (no Qt).

:func:`read_model` is the one path the file readers share (attempt bundles, feedback files,
annotation requests and files): the guarded read of :mod:`balint_trainer.core.untrusted`
(regular files only, size checked before reading), an optional step of the caller's own (a
bundle's gzip), the guard's bounded JSON parse (depth, number length, NaN, optionally
duplicate keys), the ``format`` check, then the strict model. Whatever refuses the file, the
reader gets a :class:`ModelInputError` saying which stage did, with positioned problems (schema
errors are mapped back into the JSON text by :func:`json_position`), and words it its own way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from balint_trainer.core.problems import Problem
from balint_trainer.core.untrusted import (
    MAX_JSON_DEPTH,
    MAX_JSON_INT_DIGITS,
    UntrustedInputError,
    loads_json,
    read_limited,
)

_M = TypeVar("_M", bound=BaseModel)
Stage = Literal["read", "json", "format", "schema"]


class JsonInputError(Exception):
    """A file that cannot be used; ``problems`` are one line each."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        return "\n".join([self.message, *self.problems])


class ModelInputError(UntrustedInputError):
    """Why :func:`read_model` refused a file: ``stage`` is the check that did ("read": the file
    itself, "json": limits or syntax, "format": another kind of file, "schema": the model)."""

    def __init__(
        self,
        stage: Stage,
        problems: list[Problem],
        *,
        found: object = None,
        expected: str = "",
        validation: ValidationError | None = None,
    ) -> None:
        super().__init__(problems)
        self.stage = stage
        self.found = found  # the file's "format" value (stage "format")
        self.expected = expected
        self.validation = validation  # stage "schema"

    def one_line(self, kind: str, invalid: str) -> str:
        """The whole refusal on one line, as the bundle and feedback readers word it:
        ``kind`` is what the file should be ("an attempt bundle"), ``invalid`` the schema
        prefix ("invalid bundle")."""
        first = self.problems[0]
        where = f"{first.file}:{first.line}:{first.column}"
        if self.stage == "json":
            return f"{first} (not {kind}?)"
        if self.stage == "format":
            return f"{where}: not {kind} (format {self.found!r}; expected {self.expected!r})"
        if self.stage == "schema" and self.validation is not None:
            return f"{where}: {invalid}: {summarise_validation(self.validation)}"
        return str(first)


def read_model(
    path: str | Path,
    model: type[_M],
    *,
    expected_format: str,
    max_bytes: int,
    max_depth: int = MAX_JSON_DEPTH,
    max_int_digits: int = MAX_JSON_INT_DIGITS,
    unique_keys: bool = False,
    decode: Callable[[bytes], bytes] | None = None,
) -> tuple[_M, str]:
    """The validated model of an untrusted JSON file and its text (for positions of later
    checks); raises :class:`ModelInputError`. ``decode`` (e.g. gunzip) runs on the bytes
    read and raises the caller's own errors."""
    name = str(path)
    try:
        raw = read_limited(path, max_bytes, name=name)  # FIFOs and devices refused; bounded read
    except UntrustedInputError as exc:
        raise ModelInputError("read", exc.problems) from None
    if decode is not None:
        raw = decode(raw)
    try:
        data = loads_json(raw, name, max_depth=max_depth, max_int_digits=max_int_digits, unique_keys=unique_keys)
    except UntrustedInputError as exc:
        raise ModelInputError("json", exc.problems) from None
    found = data.get("format") if isinstance(data, dict) else None
    if found != expected_format:
        raise ModelInputError(
            "format",
            [Problem(name, 1, 1, f"format is {found!r}; expected {expected_format!r}")],
            found=found,
            expected=expected_format,
        )
    text = raw.decode("utf-8-sig")  # the guard decoded it already: valid UTF-8
    try:
        return model.model_validate(data), text
    except ValidationError as exc:
        raise ModelInputError("schema", schema_problems(exc, text, name), validation=exc) from None


def _line_col(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def json_position(text: str, path: Sequence[Any]) -> tuple[int, int]:
    """Line and column of the value at ``path`` in a JSON text (the nearest existing ancestor)."""
    decoder = json.JSONDecoder()
    ws = re.compile(r"[ \t\n\r]*")

    def skip(at: int) -> int:
        found = ws.match(text, at)
        return found.end() if found else at

    index = best = skip(0)
    try:
        for part in path:
            if text[index] == "{" and isinstance(part, str):
                index = skip(index + 1)
                while text[index] == '"':
                    key, index = scanstring(text, index + 1)
                    index = skip(skip(index) + 1)  # past ':'
                    if key == part:
                        break
                    _value, index = decoder.raw_decode(text, index)
                    index = skip(index)
                    if text[index] != ",":
                        return _line_col(text, best)
                    index = skip(index + 1)
                else:
                    return _line_col(text, best)
            elif text[index] == "[" and isinstance(part, int):
                index = skip(index + 1)
                for _ in range(part):
                    _value, index = decoder.raw_decode(text, index)
                    index = skip(index)
                    if text[index] != ",":
                        return _line_col(text, best)
                    index = skip(index + 1)
            else:
                break
            best = index
    except (ValueError, IndexError):
        pass
    return _line_col(text, best)


def loc_text(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out or "document"


def schema_problems(exc: ValidationError, text: str, filename: str, limit: int = 20) -> list[Problem]:
    problems = []
    for error in exc.errors()[:limit]:
        loc = [part for part in error["loc"] if not (isinstance(part, str) and part.endswith("]"))]
        line, column = json_position(text, loc)
        problems.append(Problem(filename, line, column, f"{loc_text(loc)}: {error['msg']}"))
    if exc.error_count() > limit:
        problems.append(Problem(filename, 1, 1, f"and {exc.error_count() - limit} more problem(s)"))
    return problems


def summarise_validation(exc: ValidationError, limit: int = 5) -> str:
    """The first ``limit`` pydantic errors on one line (bundle and feedback-file messages)."""
    parts = []
    for error in exc.errors()[:limit]:
        loc = ".".join(str(x) for x in error["loc"]) or "document"
        parts.append(f"{loc}: {error['msg']}")
    more = exc.error_count() - limit
    return "; ".join(parts) + (f"; and {more} more problem(s)" if more > 0 else "")
