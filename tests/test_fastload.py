"""The fast path's own parse: the same data as a plain safe load, or a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from balint_trainer.core.fastload import _plain_data, fast_load
from balint_trainer.core.validation import _load_scenario_bytes, load_scenario_bytes

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
LIMIT = 2 * 1024 * 1024

SCALARS = """\
a: 1
b: 0x1F
c: 1_000
d: 1:30
e: .inf
f: -.nan
g: 2001-12-14t21:59:43.10-05:00
h: 2002-12-14
i: yes
j: No
k: ~
l:
m: ''
n: '1'
o: !!int '7'
p: !!float 3
q: ! 12
r: [1, a, {x: y}, [], {}]
1: int key
~: null key
s: [1, 1, yes, yes, 2.5, 2.5]
t: 0o17
v: -0b101
w: 'a\\nb'
x: "\\t"
y: |
  block
z: >-
  folded
  text
"""


def _safe_load(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def test_plain_data_is_what_a_safe_load_builds() -> None:
    expected = _safe_load(SCALARS)
    assert repr(_plain_data(SCALARS)) == repr(expected)  # repr: nan != nan, and types count
    assert _plain_data("") is None and _plain_data("# only a comment\n") is None


def test_plain_data_agrees_with_a_safe_load_on_every_yaml_file_of_the_repo() -> None:
    files = [p for p in [*ROOT.glob("scenarios/**/*.y*ml"), *DATA.rglob("*.y*ml")] if p.is_file()]
    assert len(files) > 20
    built = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        try:
            data = _plain_data(text)
        except Exception:  # refused: the positioned parse decides
            continue
        built += 1
        assert repr(data) == repr(_safe_load(text)), path
    assert built > 20


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "1: a\ntrue: b\n",  # distinct in YAML, one key in Python
        "<<: {a: 1}\n",  # merge key
        "= : 1\n",  # value key
        "a: !!str {x: 1}\n",  # a collection with a scalar's tag
        "a: !!map x\n",
        "a: !!set {x}\n",
        "a: !!omap [x: 1]\n",
        "a: !!binary aGk=\n",
        "a: !local x\n",
        "? [a]\n: x\n",  # unhashable key
        "a: !!bool maybe\n",
        "a: 2020-13-45\n",
        "---\na: 1\n---\nb: 2\n",
    ],
)
def test_plain_data_refuses_what_the_positioned_parse_must_see(text: str) -> None:
    with pytest.raises(Exception):  # noqa: B017 - any refusal sends the file to the positioned path
        _plain_data(text)


def test_a_merge_key_is_reported_not_merged() -> None:
    """The generic constructor merged ``<<`` quietly; the positioned parse calls it a problem."""
    text = (DATA / "valid" / "minimal.yaml").read_text()
    body = "\n".join(line for line in text.splitlines() if not line.startswith("title:"))
    raw = ("<<: {title: Merged title}\n" + body).encode()
    assert fast_load(raw, "x.yaml", LIMIT) is None
    loaded = load_scenario_bytes(raw, "x.yaml")
    assert not loaded.ok
    assert loaded.problems == _load_scenario_bytes(raw, "x.yaml", LIMIT).problems
    assert [(p.line, p.column, p.message) for p in loaded.problems] == [
        (1, 1, "YAML tag !!merge is not allowed here")
    ]
