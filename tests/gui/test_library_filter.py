"""The library's search: the same rows as the filter before it (built from each entry's text on
every keystroke), with each row's text now built once until the rows change."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balint_trainer.gui.practice import library_model
from balint_trainer.gui.practice.library_model import ENTRY_ROLE, LibraryFilter, LibraryModel

pytestmark = pytest.mark.gui


def _entry(title: str, setting: str = "", level: str = "", competencies: tuple[str, ...] = (), labels: tuple[str, ...] = (), id: str = "x") -> SimpleNamespace:
    return SimpleNamespace(
        title=title, setting=setting, level=level, competencies=competencies,
        competency_labels=lambda: labels, id=id, ok=True, duration=None,
    )


def _reference(entry: SimpleNamespace, level: str, competency: str, text: str) -> bool:
    """The filter as it was, word for word."""
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


def _proxy(entries: list[SimpleNamespace]) -> tuple[LibraryModel, LibraryFilter]:
    model, proxy = LibraryModel(), LibraryFilter()
    proxy.setSourceModel(model)
    model.set_entries(entries)  # type: ignore[arg-type]
    return model, proxy


def _shown(proxy: LibraryFilter) -> list[str]:
    return sorted(proxy.index(r, 0).data(ENTRY_ROLE).id for r in range(proxy.rowCount()))


ENTRIES = [
    _entry("Dr. A and the angry mother", "Paediatrics", "introductory", ("c1", "c2"), ("Boundaries", "Empathy"), id="a"),
    _entry("بیمار خشمگین", "اورژانس", "advanced", ("c3",), ("مرزها",), id="b"),
    _entry("level:introductory (a+b)*", "", "intermediate", ("c1",), ("Boundaries",), id="c"),
    _entry("Straße", "ICU", id="d"),
]
QUERIES = ["", "angry", "dr. a", "(a+b)*", "خشمگین", "مرز", "STRASSE", "level:", "c1", "boundaries empathy", "boundaries zz", "\\", "["]


def test_the_search_and_filters_show_what_they_showed(qtbot) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = _proxy(ENTRIES)
    for level in ("", "introductory", "advanced", "intermediate"):
        for competency in ("", "c1", "c3"):
            for query in QUERIES:
                proxy.set_level(level)
                proxy.set_competency(competency)
                proxy.set_text(query)
                text = query.strip().casefold()
                expected = sorted(e.id for e in ENTRIES if _reference(e, level, competency, text))
                assert _shown(proxy) == expected, (level, competency, query)


@settings(max_examples=100, deadline=None)
@given(
    titles=st.lists(st.text(max_size=20), min_size=1, max_size=6),
    queries=st.lists(st.text(max_size=8), min_size=1, max_size=4),
)
def test_any_typing_shows_what_the_filter_before_showed(qapp, titles, queries) -> None:  # type: ignore[no-untyped-def]
    entries = [_entry(t, setting=t[::-1], id=f"e{n}") for n, t in enumerate(titles)]
    _model, proxy = _proxy(entries)
    for query in queries:  # typed one after another: the kept texts serve each
        proxy.set_text(query)
        expected = sorted(e.id for e in entries if _reference(e, "", "", query.strip().casefold()))
        assert _shown(proxy) == expected


def test_each_rows_text_is_built_once_until_the_rows_change(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built: list[str] = []
    real = library_model.search_text
    monkeypatch.setattr(library_model, "search_text", lambda e: (built.append(e.id), real(e))[1])
    entries = [_entry(f"Case {n}", id=f"case-{n}") for n in range(300)]
    model, proxy = _proxy(entries)
    assert proxy.rowCount() == 300 and built == []  # no search: no text built
    for typed in ("c", "ca", "case 1", "case 12"):
        proxy.set_text(typed)
    assert sorted(built) == sorted(e.id for e in entries)  # once each, over four keystrokes
    assert _shown(proxy) == sorted(f"case-{n}" for n in range(300) if "12" in str(n))
    built.clear()
    model.append_entries([_entry("Case 1200", id="case-1200")])  # type: ignore[list-item]
    assert built == ["case-1200"] and "case-1200" in _shown(proxy)  # only the new row
    built.clear()
    model.set_entries([_entry("Case 12 again", id="again"), _entry("Other", id="other")])  # type: ignore[list-item]
    assert _shown(proxy) == ["again"] and sorted(built) == ["again", "other"]  # a new list: built again
