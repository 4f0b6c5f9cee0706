"""The fast path of scenario loading: no positions for a file without problems.

Most files of a library are valid. For them the positioned parse of
:mod:`balint_trainer.core.yamlsource` (a Python walk over every node, checking
duplicate keys, tags, scalars and an alias budget, so that problems get a line and
column) is wasted work: it costs about a third of a plain ``yaml.CSafeLoader``
parse again. Here a file is composed by the C parser (with a resolver cut down to
what a safe loader does) and built by a direct recursion that refuses (rather than
positions) anything the positioned parse would report: about half the time of
``yaml.load(..., CSafeLoader)``, whose generic constructor is pure Python. Then it
is validated.
If anything at all is wrong, or the file uses a YAML feature whose safety needs the
positioned walk (anchors and aliases), :func:`fast_load` returns None and the caller
takes the positioned path, which finds and places every problem. So the result for
a file is the same either way; only problem-free files are faster.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

import yaml

from balint_trainer.core import yamlsource
from balint_trainer.core.untrusted import MAX_MARKDOWN_CHARS, MAX_MARKDOWN_DEPTH

if TYPE_CHECKING:
    from balint_trainer.core.validation import LoadedScenario

# An anchor may make the document a graph (aliases, "billion laughs"): the positioned walk
# keeps the budget for those. This over-matches ('R &D' in a plain scalar); that only costs
# speed, since a match means taking the positioned path.
_ANCHOR = re.compile(r"(?:^|[\s\[\{,])&[^\s]", re.M)
# Byte-level screens (a regex over a whole file costs as much as a tenth of its parse):
# printable ASCII, and the characters a Markdown block lead is made of.
_PRINTABLE_ASCII = bytes([9, 10, 13, *range(32, 127)])
_LEAD_BYTES = bytes(32 if chr(b) in " \t>*+-0123456789.)" else 120 for b in range(256))  # ' ' or 'x'
_DEEP_LEAD_RUN = b" " * (MAX_MARKDOWN_DEPTH + 1)


class _Refused(Exception):
    """Something the positioned parse has to see (and report where it is)."""


_STR, _SEQ, _MAP = yamlsource._STR_TAG, yamlsource._YAML + "seq", yamlsource._YAML + "map"
_SCALAR_CONSTRUCTORS = {
    tag: constructor
    for tag, constructor in yaml.SafeLoader.yaml_constructors.items()
    if tag in yamlsource._PLAIN_TAGS
}
# The implicit resolvers by first character, wildcards appended: what Resolver.resolve tries.
_IMPLICIT = {
    first: (*resolvers, *yamlsource._Loader.yaml_implicit_resolvers.get(None, ()))
    for first, resolvers in yamlsource._Loader.yaml_implicit_resolvers.items()
    if first is not None
}


class _FastLoader(yamlsource._Loader):  # type: ignore[misc, name-defined]
    """The C composer with the resolver cut down to what a safe loader without path resolvers does.

    ``resolve`` runs once per node (about half the time of composing): the generic one
    also consults path resolvers, which no safe loader has, and rebuilds its candidate list.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # no path resolvers

    def ascend_resolver(self) -> None:
        pass


def _build(loader: Any, node: yaml.Node, scalars: dict[tuple[str, str], Any]) -> Any:
    """What SafeConstructor builds from a tree of plain data (no anchors), or _Refused.

    A direct recursion instead of the generic constructor (generators, a state per node,
    merge keys): about three times faster. Refused, for the positioned path to report at
    their place: tags other than plain data (``!!merge`` and ``!!value`` keys included),
    collections with a scalar's tag or the reverse, and duplicate keys.
    """
    cls = node.__class__
    if cls is yaml.ScalarNode:
        tag = node.tag
        if tag == _STR:
            return node.value
        key = (tag, node.value)
        if key in scalars:  # ints, bools and the like repeat: built once per file
            return scalars[key]
        constructor = _SCALAR_CONSTRUCTORS.get(tag)
        if constructor is None:
            raise _Refused(tag)
        value = scalars[key] = constructor(loader, node)
        return value
    if cls is yaml.MappingNode:
        if node.tag != _MAP:
            raise _Refused(node.tag)
        pairs = node.value
        mapping = {_build(loader, k, scalars): _build(loader, v, scalars) for k, v in pairs}
        if len(mapping) != len(pairs):  # a duplicate key: YAML would keep the last silently
            raise _Refused("duplicate key")
        return mapping
    if cls is yaml.SequenceNode and node.tag == _SEQ:
        return [_build(loader, item, scalars) for item in node.value]
    raise _Refused(node.tag)


def _plain_data(text: str) -> Any:
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        return None if root is None else _build(loader, root, {})
    finally:
        loader.dispose()


def _markdown_needs_checking(raw: bytes, text: str) -> bool:
    """Whether some Markdown value could be too long or too deeply nested.

    Without aliases (refused above) a value is never longer than the file, and a deep lead
    needs a long run of lead characters in the file; a backslash escape could make them up.
    """
    return len(text) > MAX_MARKDOWN_CHARS or b"\\" in raw or _DEEP_LEAD_RUN in raw.translate(_LEAD_BYTES)


def _screened_out(raw: bytes, text: str) -> bool:
    """Characters YAML refuses, anchors, or more nodes than the budget: the positioned path."""
    if raw.isascii():
        if raw.translate(None, _PRINTABLE_ASCII):
            return True
    elif yamlsource._NON_PRINTABLE.search(text) is not None:
        return True
    if "&" in text and _ANCHOR.search(text) is not None:
        return True
    # Every node starts after one of a few characters (yamlsource._node_estimate): a file
    # this short cannot hold more nodes than the budget.
    return 2 * len(text) + 2 > yamlsource.MAX_NODE_VISITS and (
        yamlsource._node_estimate(text) > yamlsource.MAX_NODE_VISITS
    )


def fast_load(raw: bytes, filename: str, max_bytes: int) -> LoadedScenario | None:
    """The loaded scenario if ``raw`` is a valid scenario without a single problem, else None."""
    if len(raw) > max_bytes:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if _screened_out(raw, text):
        return None
    try:
        data = _plain_data(text)
    except Exception:  # _Refused, YAML errors, bad scalars, nesting: all placed by the positioned path
        return None
    if not isinstance(data, dict):
        return None
    from pydantic import ValidationError

    from balint_trainer.core.followup import carries_problems
    from balint_trainer.core.model import Scenario
    from balint_trainer.core.script_state import flow_problems
    from balint_trainer.core.validation import LoadedScenario, _cross_check, _markdown_problems

    doc = yamlsource.YamlDocument(data, None, [], text)  # no positions: any problem means a re-parse
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError:
        return None
    if (
        _cross_check(data, doc, filename)
        or carries_problems(scenario, doc, filename)
        or flow_problems(scenario, doc, filename)
    ):
        return None
    if _markdown_needs_checking(raw, text) and _markdown_problems(data, doc, filename):
        return None
    return LoadedScenario(filename, hashlib.sha256(raw).hexdigest(), text, scenario, [])
