"""Safe, bounded YAML parsing that remembers where every node came from.

Scenario files come from other people, so parsing is defensive:
- only the safe constructors are used (no Python object tags);
- the raw size is capped before anything is parsed;
- the node graph is walked with a budget, so alias "billion laughs" documents
  and recursive aliases are refused instead of exhausting memory;
- duplicate mapping keys, which YAML silently collapses, are reported.

Positions are 1-based ``(line, column)`` pairs, as editors show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from balint_trainer.core.loaded import MAX_FILE_BYTES
from balint_trainer.core.problems import Problem

try:  # The C loader is several times faster; fall back where libyaml is missing.
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

MAX_NODE_VISITS = 200_000
# Tags a scalar may carry: plain data only (no !!binary, Python or custom tags). Timestamps
# stay because a plain date resolves to one; a malformed one is reported at its position.
_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp"))
_STR_TAG = _YAML + "str"
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)

Position = tuple[int, int]


@dataclass
class YamlDocument:
    """Parsed data plus the node tree used to map paths back to positions."""

    data: Any
    root: yaml.Node | None
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None  # the decoded source, once parsing got that far
    # Set when the YAML itself does not parse: the decoded text, for a tolerant re-parse.
    syntax_source: str | None = None

    def position(self, path: Sequence[Any], *, key: bool = False) -> Position:
        return locate(self.root, path, key=key)


class YamlTooLarge(ValueError):
    pass


def _mark_position(mark: Any) -> Position:
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def locate(root: yaml.Node | None, path: Sequence[Any], *, key: bool = False) -> Position:
    """Best position for ``path``: the node itself, or its nearest existing ancestor.

    Path elements that are not keys of the current mapping (for example the tag
    names pydantic adds for discriminated unions) are skipped. With ``key=True``
    the position of the last mapping *key* is returned, which is where an
    "unknown key" error belongs.
    """
    node = root
    if node is None:
        return (1, 1)
    last_key_node: yaml.Node | None = None
    for element in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(element):
                    last_key_node, node = key_node, value_node
                    break
            else:
                last_key_node = None
                continue
        elif isinstance(node, yaml.SequenceNode) and isinstance(element, int):
            if 0 <= element < len(node.value):
                node = node.value[element]
                last_key_node = None
            else:
                break
        else:
            break
    if key and last_key_node is not None:
        return _mark_position(last_key_node.start_mark)
    return _mark_position(node.start_mark)


def _check_graph(root: yaml.Node, filename: str, problems: list[Problem], loader: Any = None) -> int:
    """Walk the node graph with a visit budget; report duplicate keys and bad scalars.

    With ``loader``, every scalar is constructed here, where its position is known:
    ``!!bool maybe``, ``!!timestamp x`` or ``2020-13-45`` fail in PyYAML's constructors
    with bare ``KeyError``/``AttributeError``/``ValueError``. The loader caches what it
    built, so the document's construction afterwards does not repeat the work.
    Returns the number of bad scalars found.
    """
    visits = 0
    active: set[int] = set()
    constructed: set[int] = set()
    bad: list[Problem] = []

    def walk(node: yaml.Node) -> None:
        nonlocal visits
        visits += 1
        if visits > MAX_NODE_VISITS:
            raise YamlTooLarge(f"document expands to more than {MAX_NODE_VISITS:,} nodes (aliases?); refused")
        if id(node) in active:
            raise YamlTooLarge("recursive alias; refused")
        if isinstance(node, yaml.ScalarNode):
            # Strings cannot fail to construct, and they are most of a scenario: skip them.
            if loader is not None and node.tag != _STR_TAG and id(node) not in constructed:
                constructed.add(id(node))
                problem = _scalar_problem(loader, node, filename)
                if problem is not None:
                    problems.append(problem)
                    bad.append(problem)
        elif isinstance(node, yaml.MappingNode):
            active.add(id(node))
            seen: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        first = _mark_position(seen[key_node.value].start_mark)
                        line, column = _mark_position(key_node.start_mark)
                        problems.append(
                            Problem(
                                filename,
                                line,
                                column,
                                f"duplicate key '{key_node.value}' (first defined at line {first[0]})",
                            )
                        )
                    else:
                        seen[key_node.value] = key_node
                walk(key_node)
                walk(value_node)
            active.discard(id(node))
        elif isinstance(node, yaml.SequenceNode):
            active.add(id(node))
            for item in node.value:
                walk(item)
            active.discard(id(node))

    walk(root)
    return len(bad)


def _decode(raw: bytes, filename: str) -> tuple[str | None, Problem | None]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, Problem(filename, line, column, "file is not valid UTF-8 text")
    return text, None


def _hint(text: str, exc: yaml.MarkedYAMLError) -> str | None:
    from balint_trainer.core.yaml_hints import SyntaxError_, syntax_hint

    mark, ctx = exc.problem_mark or exc.context_mark, exc.context_mark
    error = SyntaxError_(
        mark.line if mark else 0,
        mark.column if mark else 0,
        exc.problem or "",
        exc.context or "",
        ctx.line if ctx else None,
        ctx.column if ctx else None,
    )
    try:
        return syntax_hint(text, error)
    except Exception:  # a hint is a courtesy: never let it cost the real message
        return None


def _scalar_problem(loader: Any, node: yaml.ScalarNode, filename: str) -> Problem | None:
    tag = node.tag or ""
    short = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    if tag not in _PLAIN_TAGS:
        return Problem(filename, *_mark_position(node.start_mark), f"YAML tag {short} is not allowed here")
    try:
        loader.construct_object(node)
    except Exception:  # PyYAML's scalar constructors raise anything
        value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        return Problem(filename, *_mark_position(node.start_mark), f"'{value}' is not a valid {short}")
    return None


def _control_character_problems(text: str, filename: str, limit: int = 20) -> list[Problem]:
    """Every character YAML refuses, at its own line and column (PyYAML says "position N")."""
    problems: list[Problem] = []
    for match in _NON_PRINTABLE.finditer(text):
        if len(problems) == limit:
            problems.append(Problem(filename, *_text_position(text, match.start()), "more such characters"))
            break
        code = ord(match.group())
        problems.append(
            Problem(
                filename,
                *_text_position(text, match.start()),
                f"control character U+{code:04X} is not allowed in YAML",
            )
        )
    return problems


def _text_position(text: str, index: int) -> Position:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _node_estimate(text: str) -> int:
    """An upper bound on the number of nodes: every node starts after one of these."""
    return 2 * sum(text.count(ch) for ch in ",:-[]{}?\n") + 2


def _count_events(text: str, budget: int, filename: str) -> Problem | None:
    """Refuse a document with more than ``budget`` nodes before composing any of them.

    Composing a 2 MiB flow sequence builds a million Python objects (~4 s); counting
    parser events stops at the budget (~0.25 s).
    """
    loader = _Loader(text)
    nodes = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return None
            if isinstance(event, _NODE_EVENTS):
                nodes += 1
                if nodes > budget:
                    return Problem(
                        filename,
                        *_mark_position(event.start_mark),
                        f"document has more than {budget:,} nodes; refused",
                    )
    except yaml.YAMLError:
        return None  # the real parse reports it with its position
    finally:
        loader.dispose()


def parse_yaml(raw: bytes | str, filename: str, *, max_bytes: int = MAX_FILE_BYTES) -> YamlDocument:
    """Parse one YAML document. Never raises for bad input: problems are returned."""
    try:
        return _parse_yaml(raw, filename, max_bytes)
    except RecursionError:
        return YamlDocument(None, None, [Problem(filename, 1, 1, "document is nested too deeply")])
    except MemoryError:
        return YamlDocument(None, None, [Problem(filename, 1, 1, "document is too large to process")])
    except Exception as exc:  # the last line of defence: never a traceback
        from balint_trainer.core.untrusted import exception_problem

        return YamlDocument(None, None, [exception_problem(filename, exc, what="YAML")])


def _parse_yaml(raw: bytes | str, filename: str, max_bytes: int) -> YamlDocument:
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > max_bytes:
        return YamlDocument(
            None,
            None,
            [Problem(filename, 1, 1, f"file is {size:,} bytes; the limit is {max_bytes:,}")],
        )
    if isinstance(raw, bytes):
        text, problem = _decode(raw, filename)
        if problem is not None or text is None:
            return YamlDocument(None, None, [problem] if problem else [])
    else:
        text = raw
    control = _control_character_problems(text, filename)
    if control:
        return YamlDocument(None, None, control)
    if _node_estimate(text) > MAX_NODE_VISITS:
        too_many = _count_events(text, MAX_NODE_VISITS, filename)
        if too_many is not None:
            return YamlDocument(None, None, [too_many])
    problems: list[Problem] = []
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            line, column = _mark_position(exc.problem_mark or exc.context_mark)
            message = " ".join(part for part in (exc.context, exc.problem) if part)
            hint = _hint(text, exc)
            if hint:  # same line: the FILE:LINE:COL: message contract
                message += f"; hint: {hint}"
            return YamlDocument(
                None, None, [Problem(filename, line, column, f"YAML syntax: {message}")], syntax_source=text
            )
        except yaml.YAMLError as exc:
            return YamlDocument(None, None, [Problem(filename, 1, 1, f"YAML error: {exc}")])
        if root is None:
            return YamlDocument(None, None, [Problem(filename, 1, 1, "the file is empty")])
        try:
            bad_scalars = _check_graph(root, filename, problems, loader)
        except YamlTooLarge as exc:
            return YamlDocument(None, root, [Problem(filename, *_mark_position(root.start_mark), str(exc))])
        except RecursionError:
            return YamlDocument(None, root, [Problem(filename, 1, 1, "document is nested too deeply")])
        if bad_scalars:
            return YamlDocument(None, root, problems)
        try:
            data = loader.construct_document(root)
        except yaml.MarkedYAMLError as exc:
            line, column = _mark_position(exc.problem_mark or exc.context_mark)
            return YamlDocument(
                None, root, [*problems, Problem(filename, line, column, f"YAML: {exc.problem}")]
            )
        except Exception as exc:  # PyYAML's constructors raise IndexError etc. on odd tagged scalars
            return YamlDocument(None, root, [*problems, Problem(filename, 1, 1, f"YAML: {exc}")])
    finally:
        loader.dispose()
    return YamlDocument(data, root, problems, text)
