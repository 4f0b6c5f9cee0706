"""About dialog: what the app is, and where the bundled expert keys come from."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from balint_trainer import __version__
from balint_trainer.core.catalogue import CatalogueEntry
from balint_trainer.core.markdown_render import render_markdown, render_plain
from balint_trainer.gui.markdown_view import SafeTextBrowser


def illustrative_notice() -> str:
    """One sentence a trainee sees wherever a scenario's expert key is only illustrative."""
    return QCoreApplication.translate(
        "About",
        "Illustrative expert key: the votes, rationales and notes in this scenario were written by the "
        "Balint Trainer project to show how the trainer works; they are not the judgement of a real "
        "expert panel.",
    )


def bundled_sources(entries: Sequence[CatalogueEntry]) -> list[str]:
    seen: dict[str, None] = {}
    for entry in entries:
        scenario = entry.scenario
        if entry.bundled and scenario is not None:
            for source in scenario.sources:
                seen.setdefault(source.strip(), None)
    return list(seen)


class AboutDialog(QDialog):
    def __init__(self, entries: Sequence[CatalogueEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Balint Trainer"))
        self.text = SafeTextBrowser(accessible_name=self.tr("About Balint Trainer"))
        sources = bundled_sources(entries)
        items = "".join(f"<li>{render_markdown(s)}</li>" for s in sources) or (
            "<li>" + render_plain(self.tr("(no bundled scenarios found)")) + "</li>"
        )
        self.text.set_safe_html(
            f"<h2>Balint Trainer {render_plain(__version__)}</h2>"
            + "<p>"
            + render_plain(
                self.tr(
                    "Practise leading Balint groups: scripted group sessions pause at decision points, "
                    "you choose the leader's intervention, and your choice is compared with an expert panel."
                )
            )
            + "</p><h3>"
            + render_plain(self.tr("About the bundled expert annotations"))
            + "</h3><p>"
            + render_plain(
                self.tr(
                    "The expert annotations (votes, ratings, rationales) in the bundled scenarios are "
                    "illustrative. They were written by the Balint Trainer project to show how the trainer "
                    "works; they are not the judgement of a real expert panel. Course organisers can replace "
                    "them with their own panel's annotations."
                )
            )
            + "</p><p>"
            + render_plain(self.tr("They follow this published guidance on leading Balint groups:"))
            + f"</p><ul>{items}</ul>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 520)
