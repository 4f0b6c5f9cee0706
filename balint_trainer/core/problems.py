"""A problem found in a file, reported as ``FILE:LINE:COL: message``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# Line breaks and control characters (C0, DEL, C1, bidi overrides) in a message would break the
# one-line-per-problem format, or let a hostile file name or key rewrite a terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with every line break and control character shown as an escape."""
    return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{one_line(self.file)}:{self.line}:{self.column}: {prefix}{one_line(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"
