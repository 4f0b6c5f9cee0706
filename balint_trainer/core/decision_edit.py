"""Edit one decision of a scenario's text, and insert new steps, without touching any other byte (no Qt).

The editor's decision form reads the decision at the cursor into a
:class:`DecisionDraft` and writes it back by splicing freshly rendered YAML over
that step's own span of the text (the same technique as
:func:`balint_trainer.core.annotation.merge_into_yaml`): comments, quoting and
spacing elsewhere in the file stay exactly as they were. Keys the form does not
know (an option's ``then``, optional keys other features add) are copied over
verbatim. An unchanged draft leaves the text identical.

Comments inside the decision survive an edit too: a comment on its own line stays above the key
(or list item) it precedes, a comment after a key the form does not show stays on its line, and
the keys keep their order (a ``when:`` written above the prompt stays there). Only a comment on
a line whose text the form rewrites (prompt, option text) goes with the old text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from balint_trainer.core.annotation import _content_end, _quoted, _yaml_scalar
from balint_trainer.core.competencies import PHASES
from balint_trainer.core.yamlsource import MAX_FILE_BYTES, _Loader

DECISION_KEYS = ("decision", "prompt", "competency", "options", "experts", "rationale")
OPTION_KEYS = ("id", "text", "feedback")
EXPERT_KEYS = ("expert", "best", "ratings", "note")
_PLAIN_MAX = 90  # longer single-line text goes into a block (| ...) so the file stays readable


class DecisionEditError(ValueError):
    """The decision cannot be edited by the form (flow style, anchors, or it would not round-trip)."""


@dataclass
class OptionDraft:
    id: str
    text: str = ""
    feedback: str = ""
    extra: list[str] = field(default_factory=list)  # verbatim "key: value" source of other keys (then …)
    # The columns those pairs were written at: their continuation lines follow a move.
    extra_columns: list[int] = field(default_factory=list, compare=False)
    # Layout only (not content): the keys' order, and comment lines above a key ("-" above the item).
    order: list[str] = field(default_factory=list, compare=False)
    comments: dict[str, list[str]] = field(default_factory=dict, compare=False)


@dataclass
class ExpertDraft:
    expert: str
    best: str = ""
    ratings: dict[str, int] = field(default_factory=dict)
    note: str = ""
    comments: list[str] = field(default_factory=list, compare=False)  # comment lines above the item


@dataclass
class DecisionDraft:
    decision: str
    prompt: str = ""
    competency: str = ""
    options: list[OptionDraft] = field(default_factory=list)
    experts: list[ExpertDraft] = field(default_factory=list)
    rationale: str = ""
    extra: list[str] = field(default_factory=list)  # verbatim source of keys the form does not edit
    extra_columns: list[int] = field(default_factory=list, compare=False)
    order: list[str] = field(default_factory=list, compare=False)  # as OptionDraft
    comments: dict[str, list[str]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class StepSpan:
    """One script step's place in the text (offsets into the text, lines 1-based)."""

    index: int
    kind: str  # phase, say, narrate, decision, or "" when the step names none
    start: int  # start of the step's first line (where its "- " dash line begins)
    end: int  # just after the step's own text (before the newline)
    first_line: int
    last_line: int
    dash_column: int  # 0-based column of the "-"
    key_column: int  # 0-based column of the step's keys
    node: Any = None


# --------------------------------------------------------------------------- locating


def _mapping_pairs(node: Any) -> list[tuple[Any, Any]]:
    return list(node.value) if isinstance(node, yaml.MappingNode) else []


def _get(node: Any, key: str) -> Any:
    for key_node, value_node in _mapping_pairs(node):
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value_node
    return None


def _compose(text: str) -> Any:
    """The node tree only (positions are all the splice needs): half the cost of a full parse."""
    if len(text) > MAX_FILE_BYTES:
        return None
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _script_node(text: str) -> Any:
    root = _compose(text)
    if not isinstance(root, yaml.MappingNode):
        return None
    script = _get(root, "script")
    return script if isinstance(script, yaml.SequenceNode) else None


def script_parses(text: str) -> bool:
    """Whether the text has a script list the form and the Insert menu can work on."""
    return _script_node(text) is not None


def step_spans(text: str) -> list[StepSpan]:
    """Where each script step is in ``text`` (empty when the YAML does not parse)."""
    script = _script_node(text)
    if script is None or script.flow_style:
        return []
    spans = []
    for index, step in enumerate(script.value):
        key_start = int(step.start_mark.index)
        line_start = text.rfind("\n", 0, key_start) + 1
        dash = text.find("-", line_start, key_start)
        kind = next((k for k in ("phase", "say", "narrate", "decision") if _get(step, k) is not None), "")
        end = _content_end(step)
        end = line_start + len(text[line_start:end].rstrip())
        end += len(_trailing_comment(text, end))  # a comment on the last line belongs to the step
        spans.append(
            StepSpan(
                index,
                kind,
                line_start,
                end,
                step.start_mark.line + 1,
                text.count("\n", 0, end) + 1,
                dash - line_start if dash >= 0 else step.start_mark.column,
                step.start_mark.column,
                step,
            )
        )
    return spans


def step_at(text: str, line: int) -> StepSpan | None:
    """The script step whose lines include the 1-based ``line``."""
    for span in step_spans(text):
        if span.first_line <= line <= span.last_line:
            return span
    return None


def _scalar(node: Any) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else ""


def _trailing_comment(text: str, end: int) -> str:
    """The comment after a value on its last line (``   # why``, with its spacing), or ''."""
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    return rest.rstrip() if rest.strip().startswith("#") else ""


def _pair_end(text: str, value_node: Any) -> int:
    """Just after a pair's value, including a comment on its last line."""
    end = _content_end(value_node)
    end = len(text[:end].rstrip()) if text[:end].endswith((" ", "\n")) else end
    return end + len(_trailing_comment(text, end))


_COMMENT_LINE = re.compile(r"^[ \t]*(#.*?)[ \t]*$", re.MULTILINE)


def _comment_lines(text: str, start: int, end: int) -> list[str]:
    """The full-line comments between two offsets (without their indentation)."""
    if start >= end:
        return []
    return _COMMENT_LINE.findall(text[start:end])


def _item_start(text: str, node: Any) -> int:
    """Where a block list item's line begins (its ``-``), for the comments above it."""
    return text.rfind("\n", 0, int(node.start_mark.index)) + 1


def _verbatim(text: str, key_node: Any, value_node: Any) -> str:
    """The source of one ``key: value`` pair, as written, with a comment on its last line."""
    start = int(key_node.start_mark.index)
    return text[start : _pair_end(text, value_node)].rstrip()


def _layout(text: str, node: Any, draft: OptionDraft | DecisionDraft) -> None:
    """Record the keys' order and the comment lines above each key (but the first) of a mapping."""
    previous = None
    for key_node, value_node in _mapping_pairs(node):
        key = _scalar(key_node)
        draft.order.append(key)
        if previous is not None:
            above = _comment_lines(text, previous, _item_start(text, key_node))
            if above:
                draft.comments[key] = above
        previous = _pair_end(text, value_node)


def _check_editable(text: str, node: Any, what: str) -> None:
    if getattr(node, "flow_style", False):
        raise DecisionEditError(f"{what} is written in flow style ({{...}}); edit it as text")
    for _key, value in _mapping_pairs(node):
        start = int(value.start_mark.index)
        if text[start : start + 1] in ("&", "*", "!"):
            raise DecisionEditError(f"{what} uses a YAML anchor, alias or tag; edit it as text")


def read_decision(text: str, line: int) -> tuple[DecisionDraft, StepSpan] | None:
    """The decision at ``line`` as a draft, with its span; None when the cursor is not in one.

    Raises :class:`DecisionEditError` for a decision the form cannot write back safely.
    """
    span = step_at(text, line)
    if span is None or span.kind != "decision":
        return None
    node = span.node
    _check_editable(text, node, "this decision")
    _require_scalars(node, ("decision",), "the decision")
    draft = DecisionDraft(_scalar(_get(node, "decision")))
    _layout(text, node, draft)
    for key_node, value_node in _mapping_pairs(node):
        key = _scalar(key_node)
        if key in ("prompt", "competency", "rationale"):
            if not isinstance(value_node, yaml.ScalarNode):
                raise DecisionEditError(f"'{key}' is not text; edit it as text")
            setattr(draft, key, value_node.value)
        elif key == "options":
            if not isinstance(value_node, yaml.SequenceNode):
                raise DecisionEditError("'options' is not a list; edit it as text")
            previous = _pair_end(text, key_node)
            for option in value_node.value:
                draft.options.append(_read_option(text, option))
                if not value_node.flow_style:
                    draft.options[-1].comments["-"] = _comment_lines(
                        text, previous, _item_start(text, option)
                    )
                previous = _pair_end(text, option)
        elif key == "experts":
            if not isinstance(value_node, yaml.SequenceNode):
                raise DecisionEditError("'experts' is not a list; edit it as text")
            previous = _pair_end(text, key_node)
            for expert in value_node.value:
                draft.experts.append(_read_expert(expert))
                if not value_node.flow_style:
                    draft.experts[-1].comments = _comment_lines(text, previous, _item_start(text, expert))
                previous = _pair_end(text, expert)
        elif key != "decision":
            draft.extra.append(_verbatim(text, key_node, value_node))
            draft.extra_columns.append(int(key_node.start_mark.column))
    return draft, span


def _require_scalars(node: Any, keys: Sequence[str], what: str) -> None:
    """Keys the form shows as text must be text: anything else would be lost on writing."""
    for key_node, value_node in _mapping_pairs(node):
        if _scalar(key_node) in keys and not isinstance(value_node, yaml.ScalarNode):
            raise DecisionEditError(f"'{_scalar(key_node)}' of {what} is not text; edit it as text")
    for key_node, value_node in _mapping_pairs(_get(node, "ratings")):
        if not isinstance(value_node, yaml.ScalarNode) or not isinstance(key_node, yaml.ScalarNode):
            raise DecisionEditError(f"a rating of {what} is not a number; edit it as text")


def _read_option(text: str, node: Any) -> OptionDraft:
    if not isinstance(node, yaml.MappingNode):
        raise DecisionEditError("an option is not a mapping; edit it as text")
    _require_scalars(node, OPTION_KEYS, "an option")
    option = OptionDraft(_scalar(_get(node, "id")))
    if not node.flow_style:
        _layout(text, node, option)
    for key_node, value_node in _mapping_pairs(node):
        key = _scalar(key_node)
        if key in ("text", "feedback") and isinstance(value_node, yaml.ScalarNode):
            setattr(option, key, value_node.value)
        elif key != "id":
            if node.flow_style and "\n" in _verbatim(text, key_node, value_node):
                raise DecisionEditError("an option written in flow style spans lines; edit it as text")
            option.extra.append(_verbatim(text, key_node, value_node))
            option.extra_columns.append(int(key_node.start_mark.column))
    return option


def _read_expert(node: Any) -> ExpertDraft:
    if not isinstance(node, yaml.MappingNode):
        raise DecisionEditError("an expert entry is not a mapping; edit it as text")
    _require_scalars(node, ("expert", "best", "note"), "an expert entry")
    expert = ExpertDraft(_scalar(_get(node, "expert")), _scalar(_get(node, "best")))
    ratings = _get(node, "ratings")
    if ratings is not None and not (
        isinstance(ratings, yaml.MappingNode)
        or (isinstance(ratings, yaml.ScalarNode) and ratings.value in ("", "~", "null"))
    ):
        raise DecisionEditError("an expert's ratings are not a mapping; edit them as text")
    for key_node, value_node in _mapping_pairs(ratings):
        try:
            expert.ratings[_scalar(key_node)] = int(_scalar(value_node))
        except ValueError:
            raise DecisionEditError("a rating is not a number; edit it as text") from None
    expert.note = _scalar(_get(node, "note"))
    unknown = [_scalar(k) for k, _v in _mapping_pairs(node) if _scalar(k) not in EXPERT_KEYS]
    if unknown:
        raise DecisionEditError(f"an expert entry has other keys ({', '.join(unknown)}); edit it as text")
    return expert


# --------------------------------------------------------------------------- rendering


def _plain_ok(value: str) -> bool:
    if not value or value != value.strip() or "\n" in value or len(value) > _PLAIN_MAX:
        return False
    try:
        return yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        return False


def render_text(key: str, value: str, column: int) -> str:
    """``key: value`` at ``column`` (0-based), continuation lines indented under it; no final newline."""
    if _plain_ok(value):
        return f"{key}: {value}"
    if value.strip() and not value[:1].isspace() and "\t" not in value and "\r" not in value:
        body = value.rstrip("\n")
        chomp = "" if value.endswith("\n") and not value.endswith("\n\n") else "-"
        if value.endswith("\n\n"):
            chomp = "+"
        pad = " " * (column + 2)
        lines = [(pad + line) if line else "" for line in body.split("\n")]
        if chomp == "+":
            lines.append("")
        return f"{key}: |{chomp}\n" + "\n".join(lines)
    return f"{key}: {_quoted(value)}"


def _reindent(source: str, old_column: int, new_column: int) -> str:
    """Shift the continuation lines of a verbatim pair when it moves to another column."""
    delta = new_column - old_column
    if delta == 0:
        return source
    first, *rest = source.split("\n")
    moved = []
    for line in rest:
        if delta > 0:
            moved.append(" " * delta + line if line.strip() else line)
        else:
            cut = min(-delta, len(line) - len(line.lstrip(" ")))
            moved.append(line[cut:])
    return "\n".join([first, *moved])


def render_expert(expert: ExpertDraft) -> str:
    parts = [f"expert: {_yaml_scalar(expert.expert)}", f"best: {_yaml_scalar(expert.best)}"]
    if expert.ratings:
        ratings = ", ".join(f"{_yaml_scalar(k)}: {v}" for k, v in expert.ratings.items())
        parts.append(f"ratings: {{{ratings}}}")
    if expert.note.strip():
        parts.append(f"note: {_quoted(expert.note)}")
    return "{" + ", ".join(parts) + "}"


def _extra_key(source: str) -> str:
    return source.split(":", 1)[0].strip()


def _in_order(chunks: dict[str, str], order: Sequence[str]) -> list[str]:
    """The chunks' keys in the file's order; a key new to the file goes after its default neighbour."""
    keys = [key for key in dict.fromkeys(order) if key in chunks]
    for index, key in enumerate(chunks):  # chunks are built in the default order
        if key in keys:
            continue
        before = [k for k in list(chunks)[:index] if k in keys]
        keys.insert(keys.index(before[-1]) + 1 if before else 0, key)
    return keys


def _block(
    chunks: dict[str, str], order: Sequence[str], comments: dict[str, list[str]], dash: int, column: int
) -> list[str]:
    """A mapping as a list item: the first key on the dash line, comments above the keys they preceded."""
    head = " " * dash + "-" + " " * (column - dash - 1)
    lines = [" " * dash + comment for comment in comments.get("-", [])]
    for index, key in enumerate(_in_order(chunks, order)):
        if index:
            lines.extend(" " * column + comment for comment in comments.get(key, []))
        lines.append((head if index == 0 else " " * column) + chunks[key])
    return lines


def render_decision(
    draft: DecisionDraft,
    *,
    dash_column: int,
    key_column: int,
    option_columns: tuple[int, int] | None = None,
) -> str:
    """The decision step as block YAML starting at its dash (no leading indent, no final newline).

    Keys come in the order the file had them (``draft.order``), with the comment lines that
    stood above them; keys the file did not have go where the form would put them.
    """
    option_dash, option_key = option_columns or (key_column + 2, key_column + 4)
    option_lines = ["options:"]
    for option in draft.options:
        chunks = {
            "id": f"id: {_yaml_scalar(option.id)}",
            "text": render_text("text", option.text, option_key),
        }
        if option.feedback.strip():
            chunks["feedback"] = render_text("feedback", option.feedback, option_key)
        for e_index, source in enumerate(option.extra):
            columns = option.extra_columns
            old = columns[e_index] if e_index < len(columns) else option_key
            chunks[_extra_key(source)] = _reindent(source, old, option_key)
        option_lines += _block(chunks, option.order, option.comments, option_dash, option_key)
    expert_lines = ["experts:"]
    for expert in draft.experts:
        expert_lines += [" " * option_dash + comment for comment in expert.comments]
        expert_lines.append(
            " " * option_dash + "-" + " " * (option_key - option_dash - 1) + render_expert(expert)
        )
    chunks = {
        "decision": f"decision: {_yaml_scalar(draft.decision)}",
        "prompt": render_text("prompt", draft.prompt, key_column),
        "competency": f"competency: {_yaml_scalar(draft.competency)}",
        "options": "\n".join(option_lines),
        "experts": "\n".join(expert_lines),
        "rationale": render_text("rationale", draft.rationale, key_column),
    }
    for e_index, source in enumerate(draft.extra):
        old = draft.extra_columns[e_index] if e_index < len(draft.extra_columns) else key_column
        chunks[_extra_key(source)] = _reindent(source, old, key_column)
    lines = _block(chunks, draft.order, draft.comments, dash_column, key_column)
    return "\n".join(lines)[dash_column:]  # the caller's text already has the dash's indent


def write_decision(text: str, line: int, draft: DecisionDraft) -> str:
    """``text`` with the decision at ``line`` replaced by ``draft``; identical when nothing changed.

    Only the decision's own span changes. Raises :class:`DecisionEditError` when
    the cursor is not in a decision, or the result would not read back as ``draft``.
    """
    found = read_decision(text, line)
    if found is None:
        raise DecisionEditError("the cursor is not in a decision")
    original, span = found
    if original == draft:
        return text
    node = span.node
    options = _get(node, "options")
    option_columns = None
    if isinstance(options, yaml.SequenceNode) and options.value and not options.flow_style:
        first = options.value[0]
        line_start = text.rfind("\n", 0, int(first.start_mark.index)) + 1
        dash = text.find("-", line_start, int(first.start_mark.index))
        if dash >= 0 and not first.flow_style:
            option_columns = (dash - line_start, int(first.start_mark.column))
    rendered = render_decision(
        draft,
        dash_column=span.dash_column,
        key_column=max(span.key_column, span.dash_column + 2),
        option_columns=option_columns,
    )
    start = span.start + span.dash_column
    new_text = text[:start] + rendered + text[span.end :]
    check = read_decision(new_text, span.first_line)
    if check is None or check[0] != draft:
        raise DecisionEditError("the edited decision did not read back the same; nothing was changed")
    return new_text


# --------------------------------------------------------------------------- inserting steps

STEP_KINDS = ("decision", "say", "narrate", "phase")
TODO_NOTE = "TODO: placeholder key. Replace it with your panel's annotations."


def new_decision_draft(
    existing_ids: Sequence[str] = (), competency: str = "frame-and-structure"
) -> DecisionDraft:
    """An empty decision that validates: three option stubs of the same length, key not on the first."""
    number = 1
    while f"decision-{number}" in existing_ids:
        number += 1
    # Item-writing rules: options of similar length, and the keyed option not always first.
    options = [
        OptionDraft(letter, f"TODO option {letter.upper()} – what the leader says, in their own words.")
        for letter in ("a", "b", "c")
    ]
    return DecisionDraft(
        decision=f"decision-{number}",
        prompt="TODO: what has just happened, and what does the leader do now?",
        competency=competency,
        options=options,
        experts=[ExpertDraft("todo-expert", "b", {}, TODO_NOTE)],
        rationale="TODO: why the panel prefers its choice.",
    )


def _insertion_point(text: str, line: int) -> tuple[int, int, int, int] | None:
    """(offset, dash column, key column, step index) where a new step goes for a cursor at ``line``."""
    spans = step_spans(text)
    if not spans:
        return None
    for span in spans:
        if line < span.first_line:  # between steps or above the script: before the next step
            return span.start, span.dash_column, span.key_column, span.index
        if line <= span.last_line:
            return span.end, span.dash_column, span.key_column, span.index + 1
    last = spans[-1]
    return last.end, last.dash_column, last.key_column, last.index + 1


def render_step(kind: str, *, key_column: int, dash_column: int, **values: Any) -> str:
    """A new step of ``kind`` at the given columns (no leading indent before the dash)."""
    head = "-" + " " * (key_column - dash_column - 1)
    pad = " " * key_column
    if kind == "phase":
        return head + f"phase: {values.get('phase', 'questions')}"
    if kind == "narrate":
        return head + render_text("narrate", values.get("text") or "A long silence.", key_column)
    if kind == "say":
        speaker = values.get("speaker") or "leader"
        text = values.get("text") or "TODO: what they say."
        return head + f"say: {_yaml_scalar(speaker)}\n" + pad + render_text("text", text, key_column)
    if kind == "decision":
        draft = values.get("draft") or new_decision_draft(values.get("existing_ids", ()))
        return render_decision(draft, dash_column=dash_column, key_column=key_column)
    raise ValueError(f"unknown step kind {kind!r}")


def insert_step(text: str, line: int, kind: str, **values: Any) -> tuple[str, int]:
    """Insert a step at the step boundary nearest ``line``; returns the new text and the step's line.

    Raises :class:`DecisionEditError` when the text has no block-style script to insert into.
    """
    point = _insertion_point(text, line)
    if point is None:
        raise DecisionEditError("insert needs a script list that parses; fix the YAML first")
    offset, dash_column, key_column, _index = point
    if kind == "decision" and "existing_ids" not in values:
        values["existing_ids"] = [
            _scalar(_get(s.node, "decision")) for s in step_spans(text) if s.kind == "decision"
        ]
    body = render_step(kind, key_column=max(key_column, dash_column + 2), dash_column=dash_column, **values)
    block = " " * dash_column + body
    at_line_start = offset == 0 or text[offset - 1] == "\n"
    if at_line_start:  # before a step: the new step, then a newline
        new_text = text[:offset] + block + "\n" + text[offset:]
        new_line = text.count("\n", 0, offset) + 1
    else:  # after a step's last character
        new_text = text[:offset] + "\n" + block + text[offset:]
        new_line = text.count("\n", 0, offset) + 2
    return new_text, new_line


def next_phase(text: str, line: int) -> str:
    """The phase after the last one written at or above ``line`` (for Insert → Phase)."""
    seen = [
        PHASES.index(name)
        for s in step_spans(text)
        if s.kind == "phase" and s.first_line <= line and (name := _scalar(_get(s.node, "phase"))) in PHASES
    ]
    following = max(seen) + 1 if seen else 0
    return PHASES[min(following, len(PHASES) - 1)]
