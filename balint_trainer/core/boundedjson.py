"""Reading untrusted JSON files within limits, with problems as ``FILE:LINE:COL: message`` (no Qt).

:func:`read_json` reads through :func:`balint_trainer.core.untrusted.read_limited` (regular
files only, size checked before reading), then checks nesting depth, number length and
NaN/Infinity (a tokenising scan outside strings, so positions are exact), then parses with
duplicate keys refused. :func:`json_position` maps a path (as pydantic reports it) back to
a line and column, and :func:`schema_problems` turns a ValidationError into such lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from pydantic import ValidationError

MAX_NESTING = 12  # the annotation formats need 6 levels
MAX_NUMBER_CHARS = 15  # no field needs more than a rating or a size


class JsonInputError(Exception):
    """A file that cannot be used; ``problems`` are one line each."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        return "\n".join([self.message, *self.problems])


# Strings are matched whole (unrolled loop: fast on megabyte-long scenario texts), so what is
# left are the brackets and numbers outside strings.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]|-?(?:NaN|Infinity)|-?\d[\d.eE+-]*', re.DOTALL)


def _line_col(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _limit_problems(text: str, filename: str) -> list[str]:
    """Nesting deeper than MAX_NESTING, numbers longer than MAX_NUMBER_CHARS, NaN/Infinity."""
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        first = token[0]
        if first == '"':
            continue
        where = "{}:{}:{}".format(filename, *_line_col(text, match.start()))
        if first in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return [f"{where}: nested more than {MAX_NESTING} levels deep"]
        elif first in "]}":
            depth -= 1
        elif "N" in token or "I" in token:
            return [f"{where}: {token} is not a number JSON allows"]
        elif len(token) > MAX_NUMBER_CHARS:
            return [f"{where}: number {token[:20]}… is too long (at most {MAX_NUMBER_CHARS} characters)"]
    return []


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


def read_json(path: Path, *, max_bytes: int, expected: str, what: str) -> tuple[Any, str]:
    """Read a JSON file within its limits: the data and the text (for positions)."""
    from balint_trainer.core.untrusted import UntrustedInputError, read_limited

    name = str(path)
    try:  # the guarded read: regular files only (no FIFO or device), size checked before reading
        raw = read_limited(path, max_bytes, name=name)
    except UntrustedInputError as exc:
        raise JsonInputError(f"{name} was not read:", [str(p) for p in exc.problems]) from None
    refused = f"{name} is not a valid {what}:"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonInputError(
            refused, ["{}:{}:{}: not UTF-8 text".format(name, *_line_col(raw.decode("latin-1"), exc.start))]
        ) from None
    limits = _limit_problems(text, name)
    if limits:
        raise JsonInputError(refused, limits)
    try:
        data = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise JsonInputError(refused, [f"{name}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}"]) from None
    except (ValueError, RecursionError) as exc:
        raise JsonInputError(refused, [f"{name}:1:1: invalid JSON: {exc}"]) from None
    if not isinstance(data, dict) or data.get("format") != expected:
        found = data.get("format") if isinstance(data, dict) else None
        raise JsonInputError(
            refused, [f"{name}:1:1: format is {found!r}; expected {expected!r} (not an {what}?)"]
        )
    return data, text


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A key given twice would silently hide one of the values (a vote, a rating)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def schema_problems(exc: ValidationError, text: str, filename: str, limit: int = 20) -> list[str]:
    problems = []
    for error in exc.errors()[:limit]:
        loc = [part for part in error["loc"] if not (isinstance(part, str) and part.endswith("]"))]
        line, column = json_position(text, loc)
        problems.append(f"{filename}:{line}:{column}: {loc_text(loc)}: {error['msg']}")
    if exc.error_count() > limit:
        problems.append(f"{filename}:1:1: and {exc.error_count() - limit} more problem(s)")
    return problems
