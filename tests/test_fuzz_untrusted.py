"""Fuzzing the guarded path for untrusted input: scenarios, packs and attempt bundles.

Mutations of the bundled scenarios and of well-formed packs and bundles (YAML tags, control
characters, deep nesting, huge numbers, truncation, byte flips; see tests/fuzzing.py), 2,000
cases per run, derandomized so CI is reproducible. No exception may escape, and every
scenario problem is one positioned ``FILE:LINE:COL: message`` line. ``benchmarks/fuzz_untrusted.py``
runs the same mutations at a larger budget.
"""

from __future__ import annotations

from pathlib import Path
from random import Random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import fuzzing

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
RANDOMS = st.randoms(use_true_random=False)


@settings(FUZZ, max_examples=1200)
@given(RANDOMS)
def test_mutated_scenarios(rng: Random) -> None:
    fuzzing.check_scenario(fuzzing.mutate(fuzzing.seed_scenario(rng), rng))


@settings(FUZZ, max_examples=400)
@given(RANDOMS)
def test_mutated_packs(tmp_path_factory, rng: Random) -> None:  # type: ignore[no-untyped-def]
    fuzzing.check_pack(fuzzing.mutated_pack(rng), tmp_path_factory.mktemp("pack") / "p.zip")


@settings(FUZZ, max_examples=400)
@given(RANDOMS)
def test_mutated_bundles(tmp_path_factory, rng: Random) -> None:  # type: ignore[no-untyped-def]
    fuzzing.check_bundle(fuzzing.mutated_bundle(rng), tmp_path_factory.mktemp("bundle") / "b.json")


def test_the_unmutated_inputs_are_accepted(tmp_path: Path) -> None:
    """The fuzz seeds themselves pass, so the mutations are what gets refused."""
    assert fuzzing.check_scenario(fuzzing.MINIMAL) == "valid"
    for path in fuzzing.BUNDLED:
        assert fuzzing.check_scenario(path.read_bytes(), path.name) == "valid", path
    assert fuzzing.check_pack(fuzzing.build_pack([fuzzing.MINIMAL]), tmp_path / "p.zip") == "accepted"
    assert fuzzing.check_bundle(fuzzing.VALID_BUNDLE, tmp_path / "b.json") == "accepted"
