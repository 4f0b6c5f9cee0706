"""The trainee report as an A4 PDF, drawn by Qt without a browser engine or a display.

QTextDocument.print_ splits a table row across pages and numbers pages only for documents it
lays out itself. Here the document is laid out on the PDF writer, every top-level table that
would straddle a page break (one decision of the report is one table) is moved to the next
page when it fits on one, and each page gets a footer with the title and "page n of N".
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextFormat,
    QTextTable,
    QTransform,
)

RESOLUTION = 300
_CM = RESOLUTION / 2.54  # device pixels
# Frame margins are in the document's own 96-dpi pixels (the layout scales them to the device).
_LAYOUT_CM = 96 / 2.54


def _keep_tables_whole(document: QTextDocument, page_height: float, usable: float) -> None:
    layout = document.documentLayout()
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for _ in range(len(tables) + 1):  # each pass fixes at least one table, or stops
        moved = False
        for table in tables:
            rect = layout.frameBoundingRect(table)
            first, last = math.floor(rect.top() / page_height), math.floor((rect.bottom() - 1) / page_height)
            policy = table.format().pageBreakPolicy()
            if (
                first != last
                and rect.height() < usable
                and not policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
            ):
                fmt = table.format()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                table.setFormat(fmt)
                moved = True
                break  # the layout below has changed: measure again from the top
        if not moved:
            return


def laid_out(html: str, writer: QPdfWriter) -> QTextDocument:
    """The report laid out in the writer's pages, no table straddling a page it fits on."""
    width, height = writer.width(), writer.height()
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # fonts and images measured at 300 dpi
    document.setHtml(html)
    root = document.rootFrame().frameFormat()
    root.setLeftMargin(2 * _LAYOUT_CM)
    root.setRightMargin(2 * _LAYOUT_CM)
    root.setTopMargin(1.5 * _LAYOUT_CM)
    root.setBottomMargin(2 * _LAYOUT_CM)  # room for the footer
    document.rootFrame().setFrameFormat(root)
    document.setPageSize(QRectF(0, 0, width, height).size())
    _keep_tables_whole(document, height, height - 3.5 * _CM)
    return document


def table_pages(document: QTextDocument) -> list[tuple[int, int, bool]]:
    """(first page, last page, fits on a page) of each top-level table, for tests."""
    height = document.pageSize().height()
    out = []
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            rect = document.documentLayout().frameBoundingRect(frame)
            out.append(
                (
                    math.floor(rect.top() / height),
                    math.floor((rect.bottom() - 1) / height),
                    rect.height() < height - 3.5 * _CM,
                )
            )
    return out


def write_pdf(html: str, path: Path, *, title: str = "") -> None:
    """Render report HTML to an A4 PDF; raises OSError when the file cannot be written."""
    path = Path(path)
    with path.open("wb"):  # fail early with a clear OSError; QPdfWriter would fail silently
        pass
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Balint Trainer")
    width, height = writer.width(), writer.height()
    document = laid_out(html, writer)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_cannot_write(path))
    footer_font = QFont(document.defaultFont())
    footer_font.setPointSizeF(8)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.setTransform(QTransform.fromTranslate(0, -page * height))  # this page's slice
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, page * height, width, height)
        document.documentLayout().draw(painter, context)
        painter.restore()
        painter.setFont(footer_font)
        footer = QCoreApplication.translate("ReportPdf", "page {page} of {pages}").format(
            page=page + 1, pages=pages
        )
        box = QRectF(2 * _CM, height - 1.6 * _CM, width - 4 * _CM, 0.8 * _CM)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), footer)
    painter.end()
    del writer  # flushes and closes the file
    if path.stat().st_size == 0:
        raise OSError(_cannot_write(path))


def _cannot_write(path: Path) -> str:
    return QCoreApplication.translate("SupervisorWindow", "The PDF could not be written to {path}.").format(
        path=path
    )
