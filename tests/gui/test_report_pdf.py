"""The printed report: every page renders, headers are whole words, no decision is split."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from balint_trainer.reports import trainee_report, trainee_report_html
from tests.report_fixtures import LONG_COMMENT, RichService

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils not installed (scripts/system-deps.sh test)",
)


def _pdf(tmp_path: Path, language: str = "en") -> Path:
    from balint_trainer.gui.report_pdf import write_pdf

    html = trainee_report_html(trainee_report(RichService(), 1), language=language, mirror_tables=True)
    path = tmp_path / f"report-{language}.pdf"
    write_pdf(html, path, title="Dr Ada Trainee")
    return path


def _pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = unicodedata.normalize("NFKC", text)  # the PDF's "ﬁ" ligature back to "fi"
    return [page for page in text.split("\f") if page.strip()]


def test_no_decision_table_straddles_a_page(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QPageSize, QPdfWriter

    from balint_trainer.gui.report_pdf import RESOLUTION, laid_out, table_pages

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(RESOLUTION)
    html = trainee_report_html(trainee_report(RichService(), 1))
    tables = table_pages(laid_out(html, writer))
    assert len(tables) > 20  # one table per decision, three attempts
    assert all(first == last for first, last, fits in tables if fits)
    assert any(first > 0 for first, _last, _fits in tables)  # the report does run over pages


@needs_poppler
def test_every_page_renders_and_headers_are_whole(qapp, tmp_path: Path) -> None:
    path = _pdf(tmp_path)
    pages = _pages(path)
    assert len(pages) >= 3
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len(pages)
    assert all(image.stat().st_size > 2000 for image in images)  # not blank
    text = "\n".join(pages)
    for header in ("Credit", "Time", "Decision", "Choice against the panel", "Mean credit"):
        assert header in text
    # Each decision table's header line names "Credit" whole (it used to wrap as "Cred" / "it").
    header_lines = [line for line in text.splitlines() if "Decision" in line and "Time" in line]
    assert header_lines and all("Credit" in line for line in header_lines)
    # Scenarios are named by their title, the title block and page numbers are there.
    assert (
        "The patient on Thursday's list" in pages[0] and "Balint Trainer report: Dr Ada Trainee" in pages[0]
    )
    assert f"page 1 of {len(pages)}" in pages[0]


@needs_poppler
def test_a_decision_and_its_comment_stay_on_one_page(qapp, tmp_path: Path) -> None:
    pages = _pages(_pdf(tmp_path))
    service = RichService()
    ids = [d.decision for d in service.version.load().decisions]
    heading = re.compile(r"\b(\d+)\. (" + "|".join(map(re.escape, ids)) + r")\b")
    author = "Supervisor Sue"
    for page in pages:
        # Each decision brings its own "Options as shown": a split row shows one without the other.
        assert len(heading.findall(page)) == page.count("Options as shown:")
        if author in page:
            assert heading.search(page.split(author)[0]), "a comment continued from the previous page"
    assert sum(page.count(author) for page in pages) == len(service.comment_list)
    assert LONG_COMMENT.split()[-1] in "".join(pages)  # comments wrap inside their cell, whole


@needs_poppler
def test_persian_report_renders_right_to_left(qapp, tmp_path: Path) -> None:
    path = _pdf(tmp_path, "fa")
    pages = _pages(path)
    assert pages and all(page.strip() for page in pages)
