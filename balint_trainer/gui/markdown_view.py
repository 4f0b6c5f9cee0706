"""A text browser for untrusted Markdown: sanitised HTML, no remote loads, confirmed links."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from balint_trainer.core.markdown_render import is_rtl, render_markdown

_LOCAL_SCHEMES = ("qrc",)
_DATA_IMAGE = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;")


def confirm_open_link(parent: QWidget | None, url: QUrl) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SafeTextBrowser", "Open link?"),
        QCoreApplication.translate(
            "SafeTextBrowser", "This link leads outside Balint Trainer:\n\n%1\n\nOpen it in your web browser?"
        ).replace("%1", url.toDisplayString()),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open


class SafeTextBrowser(QTextBrowser):
    """Shows sanitised HTML; links open in the system browser only after confirmation."""

    # Replaceable in tests (a dialog would block them).
    confirm_link: Callable[[QWidget | None, QUrl], bool] = staticmethod(confirm_open_link)  # type: ignore[assignment]
    open_url: Callable[[QUrl], Any] = staticmethod(QDesktopServices.openUrl)  # type: ignore[assignment]

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "") -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        if accessible_name:
            self.setAccessibleName(accessible_name)

    def set_markdown(self, text: str | None, *, language: str | None = None) -> None:
        self.setHtml(render_markdown(text, language=language))
        self._apply_direction(language)

    def set_safe_html(self, html: str, *, language: str | None = None) -> None:
        """Show HTML that was built from sanitised fragments (render_markdown/render_plain)."""
        self.setHtml(html)
        self._apply_direction(language)

    def _apply_direction(self, language: str | None) -> None:
        if is_rtl(language):
            option = self.document().defaultTextOption()
            from PySide6.QtCore import Qt

            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            self.document().setDefaultTextOption(option)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        url = QUrl(url) if isinstance(url, str) else url
        text = url.toString()
        if text.lower().startswith(_DATA_IMAGE) and kind == QTextDocument.ResourceType.ImageResource.value:
            try:
                return base64.b64decode(text.split(",", 1)[1], validate=False)
            except (ValueError, IndexError):
                return None
        if url.scheme() in _LOCAL_SCHEMES:
            return super().loadResource(kind, url)
        return None  # never fetch http(s), file or anything else

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https", "mailto"):
            return
        if type(self).confirm_link(self, url):
            type(self).open_url(url)
