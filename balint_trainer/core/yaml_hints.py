"""Plain-words hints for YAML syntax errors, and a tolerant re-parse so other problems still show.

Course organisers are clinicians: "mapping values are not allowed in this context"
tells them nothing, and a syntax error used to hide every other problem in the
file. :func:`syntax_hint` names the usual causes (a colon inside prose, a tab,
an unclosed quote, indentation); :func:`recover` patches the offending lines
*in memory only* (each patch stays on its own line, so every other line keeps
its number) until the text parses, so validation of the rest can go on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import yaml

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

MAX_RECOVERY_ROUNDS = 25
MAX_RECOVERY_PARSES = 120  # bounds the work on a hopeless file (each try is one parse)
# ``key: value`` or ``- key: value`` at the start of a line (key: a simple word).
_KEY_LINE = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z0-9_.-]+):(?:\s+|$)")
_INDENTATION_PROBLEMS = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
    "did not find expected <document start>",
)


@dataclass(frozen=True)
class SyntaxError_:
    """One parser error, 0-based like PyYAML's marks."""

    line: int
    column: int
    problem: str
    context: str
    context_line: int | None
    context_column: int | None


def first_syntax_error(text: str) -> SyntaxError_ | None:
    """The first error composing ``text`` (None when it composes)."""
    loader = _Loader(text)
    try:
        loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        ctx = exc.context_mark
        return SyntaxError_(
            mark.line if mark else 0,
            mark.column if mark else 0,
            exc.problem or "",
            exc.context or "",
            ctx.line if ctx else None,
            ctx.column if ctx else None,
        )
    except yaml.YAMLError:
        return SyntaxError_(0, 0, "", "", None, None)
    finally:
        loader.dispose()
    return None


def _line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _is_prose_colon(line: str, column: int) -> bool:
    """A colon inside running text rather than a (misplaced) key."""
    before = line[:column]
    match = _KEY_LINE.match(line)
    if match and match.end(2) < column:
        return True  # ``text: Invite questions: of fact`` — a second colon after the key's
    stripped = before.strip().lstrip("- ").strip()
    return " " in stripped  # several words before the colon: prose continued from the line above


def syntax_hint(text: str, error: SyntaxError_) -> str | None:
    """What probably went wrong, in plain words; None when there is nothing better to say."""
    lines = text.split("\n")
    line = _line(lines, error.line)
    problem = error.problem
    if "\t" in line[: len(line) - len(line.lstrip())] or "tab" in problem:
        return "a tab is used for indentation: YAML needs spaces (the editor's Tab key types two spaces)"
    if "mapping values are not allowed" in problem:
        if _is_prose_colon(line, error.column):
            return (
                "a colon followed by a space inside text: put the whole text in quotes, or write '|' "
                "after the key and the text indented on the lines below"
            )
        return (
            "this line is indented more than the keys above it: keys of one item must start in the "
            "same column"
        )
    if "while scanning a quoted scalar" in error.context and error.context_line is not None:
        return (
            f"the quote opened on line {error.context_line + 1}, column {(error.context_column or 0) + 1} "
            "is never closed: end the text with the same quote mark, or remove the opening one"
        )
    if "did not find expected key" in problem and error.context_line is not None:
        before = line[: error.column].rstrip()
        if before.endswith(("'", '"')) and _KEY_LINE.match(line):
            return (
                "text that starts with a quote mark must end with it: put the whole text in quotes "
                "(double any quote mark of the same kind inside), or use '|'"
            )
    if "while parsing a block collection" in error.context or "expected '-' indicator" in problem:
        return (
            "wrong indentation under a list: every item starts with '- ' in the same column, and an "
            "item's other keys line up with the first key after its dash"
        )
    if any(p in problem for p in _INDENTATION_PROBLEMS):
        return (
            "the indentation of this line does not match the lines above: keys of one item start in "
            "the same column, and the keys under a key are indented further than it"
        )
    if "found undefined alias" in problem or "found character that cannot start any token" in problem:
        char = line[error.column : error.column + 1]
        if char in ("*", "&", "@", "`", "%", "!"):
            return f"text cannot start with '{char}' in YAML: put the whole text in quotes"
    return None


# --------------------------------------------------------------------------- recovery


def _candidates(lines: list[str], error: SyntaxError_) -> list[tuple[int, str]]:
    """Patched versions of one line, most plausible first (line index, new text)."""
    out: list[tuple[int, str]] = []
    index = error.line
    line = _line(lines, index)
    if "while scanning a quoted scalar" in error.context and error.context_line is not None:
        opened = _line(lines, error.context_line)
        quote = opened[error.context_column or 0 : (error.context_column or 0) + 1]
        if quote in ("'", '"'):
            out.append((error.context_line, opened.rstrip() + quote))
            out.append((error.context_line, "#" + opened))
        return out
    indent = len(line) - len(line.lstrip(" \t"))
    if "\t" in line[:indent]:
        out.append((index, line[:indent].replace("\t", "  ") + line[indent:]))
    if line[error.column : error.column + 1] == ":":
        # Keeps every column: only the parse of the rest matters here.
        out.append((index, line[: error.column] + ";" + line[error.column + 1 :]))
    match = _KEY_LINE.match(line)
    if match:
        value = line[match.end() :].rstrip()
        if value and value[0] not in "|>":
            quoted = "'" + value.replace("'", "''") + "'"
            out.append((index, line[: match.end()] + quoted))
    # Re-indent to a column used by a line above (nearest first).
    body = line.lstrip(" \t")
    seen: set[int] = set()
    for above in range(index - 1, max(-1, index - 40), -1):
        text = lines[above]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        columns = [len(text) - len(text.lstrip(" "))]
        dash = re.match(r"^(\s*-\s+)", text)
        if dash:
            columns.append(len(dash.group(1)))
        for column in columns:
            if column not in seen and column != indent:
                seen.add(column)
                out.append((index, " " * column + body))
    if line.strip():
        out.append((index, "#" + line))  # last resort: leave the line out
    return out


def _moved_on(before: SyntaxError_, after: SyntaxError_) -> bool:
    if "quoted scalar" in before.context:  # reported at the end of the file: where it opened counts
        return "quoted scalar" not in after.context or after.context_line != before.context_line
    return (after.line, after.column) > (before.line, before.column)


@dataclass(frozen=True)
class Recovery:
    text: str  # the patched text (same number of lines as the original)
    lines: frozenset[int]  # 1-based numbers of the patched lines
    # The syntax errors met on the way, in order (the first is the one the parser reports).
    errors: tuple[SyntaxError_, ...] = ()


@functools.lru_cache(maxsize=4)  # validation, outline and preview of one text share the work
def recover(text: str, *, max_rounds: int = MAX_RECOVERY_ROUNDS) -> Recovery | None:
    """Patch lines until ``text`` composes; None when that does not work within the budget."""
    lines = text.split("\n")
    patched: set[int] = set()
    error = first_syntax_error(text)
    errors: list[SyntaxError_] = []
    rounds = parses = 0
    while error is not None:
        errors.append(error)
        rounds += 1
        if rounds > max_rounds:
            return None
        progress = None
        for index, new_line in _candidates(lines, error):
            if not 0 <= index < len(lines):  # an error reported at the very end of the text
                continue
            parses += 1
            if parses > MAX_RECOVERY_PARSES:
                return None
            trial = lines.copy()
            trial[index] = new_line
            next_error = first_syntax_error("\n".join(trial))
            # Accept a patch that parses, or moves the first error further down the file.
            if next_error is None or _moved_on(error, next_error):
                progress = (index, trial, next_error)
                break
        if progress is None:
            return None
        index, lines, error = progress
        patched.add(index + 1)
    if not patched:
        return None
    return Recovery("\n".join(lines), frozenset(patched), tuple(errors))
