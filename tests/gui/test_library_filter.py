"""The library's filter (Qt's regular-expression filter on filter_text) keeps what the Python
filter it replaced matched, and a reset with no filter set makes no call into Python per row."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRegularExpression

from balint_trainer.gui.practice.library_model import (
    ENTRY_ROLE,
    FILTER_ROLE,
    LibraryFilter,
    LibraryModel,
    filter_pattern,
    filter_text,
)


def _entry(title: str, setting: str = "", level: str = "", competencies: tuple[str, ...] = (), labels: tuple[str, ...] = (), id: str = "x") -> SimpleNamespace:
    return SimpleNamespace(
        title=title, setting=setting, level=level, competencies=competencies,
        competency_labels=lambda: labels, id=id, ok=True,
    )


def _python_filter(entry: SimpleNamespace, level: str, competency: str, text: str) -> bool:
    """The filterAcceptsRow the regular expression replaced, word for word."""
    if level and entry.level != level:
        return False
    if competency and competency not in entry.competencies:
        return False
    if text:
        haystack = " ".join(
            [entry.title, entry.setting, entry.id, *entry.competencies, *entry.competency_labels()]
        ).casefold()
        return all(word in haystack for word in text.split())
    return True


def _regex_filter(entry: SimpleNamespace, level: str, competency: str, text: str) -> bool:
    pattern = filter_pattern(level, competency, text)
    if not pattern:
        return True
    expression = QRegularExpression(pattern)
    assert expression.isValid(), pattern
    return expression.match(filter_text(entry)).hasMatch()


ENTRIES = [
    _entry("Dr. A and the angry mother", "Paediatrics", "introductory", ("c1", "c2"), ("Boundaries", "Empathy")),
    _entry("بیمار خشمگین", "اورژانس", "advanced", ("c3",), ("مرزها",)),
    _entry("level:introductory (a+b)*", "", "intermediate", ("c1",), ("Boundaries",)),
    _entry("Straße", "ICU"),
    _entry("x\x1elevel:advanced\x1e \x1f c3", "", "introductory"),  # a hostile title fakes no mark
]
QUERIES = ["", "angry", "dr. a", "(a+b)*", "خشمگین", "مرز", "STRASSE", "level:", "level:advanced", "c1", "boundaries empathy", "boundaries zz", "\\", "[", "x"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.title[:12])
def test_the_regular_expression_keeps_what_the_python_filter_kept(entry: SimpleNamespace) -> None:
    for level in ("", "introductory", "advanced", "intermediate"):
        for competency in ("", "c1", "c3"):
            for query in QUERIES:
                text = query.strip().casefold()
                assert _regex_filter(entry, level, competency, text) == _python_filter(entry, level, competency, text), (level, competency, text)


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(max_size=30), setting=st.text(max_size=10), level=st.sampled_from(["", "introductory", "advanced", "a+b"]),
    competencies=st.lists(st.text(min_size=1, max_size=6), max_size=3), query=st.text(max_size=12),
    wanted_level=st.sampled_from(["", "introductory", "advanced", "a+b"]), wanted_competency=st.text(max_size=6),
)
def test_any_text_filters_as_before(title, setting, level, competencies, query, wanted_level, wanted_competency) -> None:  # type: ignore[no-untyped-def]
    entry = _entry(title, setting, level, tuple(competencies), tuple(c.upper() for c in competencies))
    text = query.strip().casefold()
    if "\x1e" in title + setting + query + "".join(competencies) + wanted_competency or "\x1f" in title + setting + query + "".join(competencies) + wanted_competency:
        return  # the separators are not text anyone types: they become spaces
    assert _regex_filter(entry, wanted_level, wanted_competency, text) == _python_filter(entry, wanted_level, wanted_competency, text)


def test_a_reset_without_a_filter_asks_python_nothing_per_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[int] = []

    class Counting(LibraryModel):
        def data(self, index, role=0):  # type: ignore[no-untyped-def, override]
            if role == FILTER_ROLE:
                asked.append(index.row())
            return super().data(index, role)

    model, proxy = Counting(), LibraryFilter()
    proxy.setSourceModel(model)
    model.set_entries([_entry(f"Case {n}", level="advanced" if n % 2 else "introductory") for n in range(500)])  # type: ignore[list-item]
    assert proxy.rowCount() == 500 and asked == []
    proxy.set_level("advanced")
    assert proxy.rowCount() == 250 and len(asked) == 500
    proxy.set_text("case 1")
    shown = sorted(proxy.index(r, 0).data(ENTRY_ROLE).title for r in range(proxy.rowCount()))
    assert shown == sorted(f"Case {n}" for n in range(500) if n % 2 and "1" in str(n))  # every word, anywhere
    proxy.set_text("")
    proxy.set_level("")
    asked.clear()
    model.set_entries(model.entries())
    assert proxy.rowCount() == 500 and asked == []
