"""The catalogue cache keeps each summary pre-rendered, so a warm start needs no Markdown import."""

from __future__ import annotations

import shutil
from pathlib import Path

from balint_trainer.core.catalogue_cache import CachedScenario, CatalogueCache
from balint_trainer.core.markdown_render import render_markdown

MINIMAL = Path(__file__).parent / "data" / "valid" / "minimal.yaml"


def test_warm_summary_carries_sanitised_html(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(MINIMAL, library / "minimal.yaml")
    text = (library / "minimal.yaml").read_text(encoding="utf-8")
    assert "\nid: minimal-test\n" in text and "\nlanguage:" not in text
    persian = text.replace("\nid: minimal-test\n", "\nid: persian-test\nlanguage: fa\n", 1)
    (library / "persian.yaml").write_text(persian, encoding="utf-8")
    cache = CatalogueCache(tmp_path / "cache")
    cold = cache.load_many(sorted(library.glob("*.yaml")))
    assert all(x.ok for x in cold), [x.problems for x in cold]
    assert cache.save()

    warm = CatalogueCache(tmp_path / "cache").load_many(sorted(library.glob("*.yaml")))
    by_id = {x.summary.id: x for x in warm if isinstance(x, CachedScenario) and x.summary}
    ltr = by_id["minimal-test"].summary
    assert ltr is not None and ltr.summary_markdown
    assert ltr.summary_html == render_markdown(ltr.summary_markdown)
    rtl = by_id["persian-test"].summary
    assert rtl is not None and rtl.language == "fa"
    assert rtl.summary_html is None  # right to left: rendered (wrapped in dir="rtl") when shown
