"""The fast path of scenario loading: no positions for a file without problems.

Most files of a library are valid. For them the positioned parse of
:mod:`balint_trainer.core.yamlsource` (a Python walk over every node, checking
duplicate keys, tags, scalars and an alias budget, so that problems get a line and
column) is wasted work: it costs about a third of a plain ``yaml.CSafeLoader``
parse again. Here a file is parsed the plain way, with a constructor that refuses
(rather than positions) anything the positioned parse would report, and validated.
If anything at all is wrong, or the file uses a YAML feature whose safety needs the
positioned walk (anchors and aliases), :func:`fast_load` returns None and the caller
takes the positioned path, which finds and places every problem. So the result for
a file is the same either way; only problem-free files are faster.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any, ClassVar

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


def _refuse(loader: Any, node: yaml.Node) -> Any:
    raise _Refused(node.tag)


class _FastLoader(yamlsource._Loader):  # type: ignore[misc, name-defined]
    """The C loader with plain-data tags only and no silently merged duplicate keys."""

    yaml_constructors: ClassVar[dict[Any, Any]] = {
        tag: constructor
        for tag, constructor in yaml.SafeLoader.yaml_constructors.items()
        if tag in yamlsource._PLAIN_TAGS or tag in (yamlsource._YAML + "map", yamlsource._YAML + "seq")
    }
    yaml_constructors[None] = _refuse

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep)
        if len(mapping) != len(node.value):  # a duplicate key (or a merge): the positioned path says
            raise _Refused("duplicate key")
        return mapping


def _plain_data(text: str) -> Any:
    loader = _FastLoader(text)
    try:
        return loader.get_single_data()
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
