"""The guarded path for untrusted input (no Qt): limits first, then the expensive step.

Everything read from another person (scenario files, packs, attempt bundles, cached
or settings JSON) goes through the helpers here:

- :func:`read_limited` refuses special files by type (FIFOs, devices: ``/dev/zero``
  would never end) and reads at most ``max_bytes + 1`` bytes;
- :func:`loads_json` bounds nesting depth and integer size *before* :mod:`json` runs
  (Python refuses ints over 4,300 digits with a bare ``ValueError``);
- :func:`markdown_problem` bounds Markdown size and nesting depth (Python-Markdown
  recurses once per nested list or quote and raises ``RecursionError`` past ~500);
- :func:`zip_directory_problem` reads a zip's end-of-central-directory record, so a
  700,000-entry archive is refused before :mod:`zipfile` builds 700,000 objects;
- :func:`exception_problem` turns *any* exception into one positioned :class:`Problem`
  (each reader's last line of defence: no input ever escapes as a traceback).

Problems are ``FILE:LINE:COL: message``, one line each (see :class:`Problem`).
"""

from __future__ import annotations

import json
import os
import re
import stat
import struct
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from balint_trainer.core.problems import Problem

MAX_JSON_DEPTH = 64
MAX_JSON_INT_DIGITS = 64
MAX_MARKDOWN_DEPTH = 24
MAX_MARKDOWN_CHARS = 100_000
# The editor opens files larger than a scenario may be, so an author can cut one down.
EDITABLE_BYTES = 16 * 1024 * 1024


class UntrustedInputError(Exception):
    """Input refused; ``problems`` are positioned, one line each."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# --------------------------------------------------------------------------- files


def read_limited(path: str | Path, max_bytes: int, *, name: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; raises :class:`UntrustedInputError`.

    Opened non-blocking, so a FIFO cannot hang the open, and checked with ``fstat`` on
    the open descriptor, so the type test and the read see the same file.
    """
    shown = name if name is not None else str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UntrustedInputError(
            [Problem(shown, 1, 1, f"cannot read file: {exc.strerror or exc}")]
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UntrustedInputError(
                [Problem(shown, 1, 1, f"not a regular file ({_kind(info.st_mode)}); refused")]
            )
        if info.st_size > max_bytes:
            raise UntrustedInputError(
                [Problem(shown, 1, 1, f"file is {info.st_size:,} bytes; the limit is {max_bytes:,}")]
            )
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:  # a file growing while read is cut at the limit
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise UntrustedInputError(
            [Problem(shown, 1, 1, f"cannot read file: {exc.strerror or exc}")]
        ) from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise UntrustedInputError([Problem(shown, 1, 1, f"file is more than {max_bytes:,} bytes; refused")])
    return b"".join(chunks)


def regular_file_problem(path: str | Path) -> str | None:
    """Why ``path`` is not a readable regular file (for readers that take a path, like zipfile)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_kind(mode)}); refused"
    return None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "special file"


# --------------------------------------------------------------------------- any exception


def exception_problem(filename: str, exc: BaseException, *, what: str = "cannot be read") -> Problem:
    """One positioned problem for an unexpected exception (YAML marks are used when present)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    detail = str(exc) or type(exc).__name__
    return Problem(filename, line, column, f"{what}: {detail}")


# --------------------------------------------------------------------------- JSON

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKETS = re.compile(rb"[\[\]{}]")


@lru_cache(maxsize=8)
def _json_long_number(max_digits: int) -> re.Pattern[bytes]:
    return re.compile(rb"[0-9]{%d,}" % (max_digits + 1))

_BRACKET_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def _line_column(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def loads_json(
    raw: bytes,
    filename: str,
    *,
    max_depth: int = MAX_JSON_DEPTH,
    max_int_digits: int = MAX_JSON_INT_DIGITS,
    unique_keys: bool = False,
) -> Any:
    """Parse untrusted JSON (UTF-8, BOM allowed); raises :class:`UntrustedInputError`.

    Depth and number length are checked on the bytes outside strings first, in C-speed
    regex passes, so neither ``json`` nor the int parser ever sees a hostile document.
    ``unique_keys`` refuses a key given twice in one object (it would hide one value: a
    vote, a rating) instead of keeping the last.
    """

    def refuse(offset: int, message: str) -> UntrustedInputError:
        return UntrustedInputError([Problem(filename, *_line_column(raw, offset), message)])

    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(exc.start, "not valid UTF-8 text") from None
    skeleton = _JSON_STRING.sub(lambda m: b'""' + b" " * (len(m.group()) - 2), raw)  # keeps offsets
    long_number = _json_long_number(max_int_digits).search(skeleton)
    if long_number is not None:
        raise refuse(long_number.start(), f"number with more than {max_int_digits} digits; refused")
    brackets = _JSON_BRACKETS.findall(skeleton)
    if brackets:
        depths = list(accumulate(_BRACKET_STEP[b[0]] for b in brackets))
        deepest = max(depths)
        if deepest > max_depth:
            nth = depths.index(max_depth + 1)
            offset = next(m.start() for i, m in enumerate(_JSON_BRACKETS.finditer(skeleton)) if i == nth)
            raise refuse(offset, f"nested more than {max_depth} levels deep; refused")
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys if unique_keys else None
        )
    except json.JSONDecodeError as exc:
        raise UntrustedInputError(
            [Problem(filename, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")]
        ) from None
    except (ValueError, RecursionError) as exc:
        raise UntrustedInputError([Problem(filename, 1, 1, f"invalid JSON: {exc}")]) from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"key {key!r} appears twice in one object")
        result[key] = value
    return result


# --------------------------------------------------------------------------- Markdown

# Block markers that open one more nesting level each: list items and quotes.
_MD_MARKERS = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)|>")
_MD_LEAD = re.compile(r"[ \t>*+\-0-9.)]*")


@lru_cache(maxsize=4)
def _long_lead(max_depth: int) -> re.Pattern[str]:
    # Line starts as str.splitlines sees them (markdown_depth), not only after "\n".
    return re.compile(r"(?:^|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029])[ \t>*+\-0-9.)]{" + str(max_depth + 1) + ",}", re.M)


def markdown_depth(text: str) -> int:
    """An upper estimate of the block nesting depth Python-Markdown will recurse to."""
    deepest = 0
    for line in text.splitlines():
        lead = _MD_LEAD.match(line)
        if lead is None or not lead.group():
            continue
        prefix = lead.group()
        indent = len(prefix) - len(prefix.lstrip(" \t"))
        level = prefix[:indent].expandtabs(4).count(" ") // 4 + len(_MD_MARKERS.findall(prefix))
        deepest = max(deepest, level)
    return deepest


def markdown_problem(
    text: str, *, max_depth: int = MAX_MARKDOWN_DEPTH, max_chars: int = MAX_MARKDOWN_CHARS
) -> str | None:
    """Why ``text`` must not be rendered as Markdown (too long, nested too deeply), or None."""
    if len(text) > max_chars:
        return f"Markdown text is {len(text):,} characters; the limit is {max_chars:,}"
    # Each level needs at least one character of a line's lead ('>'): a C-speed search for a
    # lead that long skips the per-line count for nearly every real text.
    if _long_lead(max_depth).search(text) is None:
        return None
    depth = markdown_depth(text)
    if depth > max_depth:
        return f"Markdown lists or quotes are nested {depth} levels deep; the limit is {max_depth}"
    return None


# --------------------------------------------------------------------------- zip

_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"


def zip_directory_size(path: str | Path) -> tuple[int, int] | None:
    """A zip's declared entry count and central directory size, from its end records only.

    :class:`zipfile.ZipFile` reads the whole central directory into objects on open;
    a hostile one lists millions of entries, so check these first. None when no end
    record is found (zipfile then reports the damage itself). Raises ``OSError``.
    """
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        tail_start = max(0, size - (22 + 65535 + 20))
        handle.seek(tail_start)
        tail = handle.read()
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            return None
        entries, cd_size = struct.unpack("<HI", tail[at + 10 : at + 16])
        locator = at - 20
        if locator >= 0 and tail[locator : locator + 4] == _EOCD64_LOCATOR:
            (offset64,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
            if 0 <= offset64 <= size - 56:
                handle.seek(offset64)
                record = handle.read(56)
                if record[:4] == _EOCD64:
                    entries, cd_size = struct.unpack("<QQ", record[32:48])
    return entries, cd_size
