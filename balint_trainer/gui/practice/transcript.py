"""The player's transcript: events, markers and the trainee's choices written as safe HTML.

Translated strings keep the literal context "PlayerView" (the class they lived in), so the
Persian translations still apply.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QWidget

from balint_trainer.core.markdown_render import render_inline, render_markdown, render_plain
from balint_trainer.core.session import PracticeSession
from balint_trainer.core.session_events import DecisionEvent, Event, LineEvent, NarrationEvent, PhaseEvent
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.practice.phase import phase_labels
from balint_trainer.gui.style import muted_colour, speaker_colour


def markdown_to_plain(text: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(render_markdown(text))
    return document.toPlainText().strip()


def role_suffix(role: str) -> str:
    """A speaker's role after the name: in brackets, unless the role has brackets of its own."""
    if "(" in role or ")" in role:
        return QCoreApplication.translate("PlayerView", "— %1").replace("%1", role)
    return QCoreApplication.translate("PlayerView", "(%1)").replace("%1", role)


def rtl(language: str | None) -> bool:
    from balint_trainer.core.markdown_render import is_rtl

    return is_rtl(language)


class TranscriptWriter:
    """Writes into the transcript view; ``language`` gives the scenario's language when asked."""

    def __init__(
        self, view: SafeTextBrowser, language: Callable[[], str | None], colours: QWidget | None = None
    ) -> None:
        self.view = view
        self.language = language
        # The palette to take colours from: the player's, which changes before its children's
        # when the theme switches (the player then writes the transcript again).
        self.colours = colours or view

    def render(
        self,
        event: Event,
        session: PracticeSession | None = None,
        *,
        replay: bool = False,
        going_on: bool = False,
    ) -> None:
        """One event. ``going_on``: said while the trainee decides in real time, shown muted."""
        language = self.language()
        if isinstance(event, PhaseEvent):
            name = phase_labels().get(event.phase, event.label)
            self.append(f'<h3 align="center">— {render_plain(name)} —</h3>')
        elif isinstance(event, LineEvent):
            colour = muted_colour(self.colours) if going_on else speaker_colour(event.kind, self.colours)
            role = (
                f' <span style="color:{muted_colour(self.colours)}">{render_plain(role_suffix(event.role))}</span>'
                if event.role and event.kind != "leader"  # "You (leader)" already says it
                else ""
            )
            name = (
                QCoreApplication.translate("PlayerView", "You (leader)")
                if event.kind == "leader"
                else event.name
            )
            body = render_markdown(event.markdown, language=language)
            if going_on:
                body = self.muted(body, block="div")
            self.append(
                f'<p{self.direction()}><b style="color:{colour}">{render_plain(name)}</b>{role}</p>' + body
            )
        elif isinstance(event, NarrationEvent):
            self.append(self.muted(render_markdown(event.markdown, language=language), block="div"))
        elif isinstance(event, DecisionEvent) and replay and session is not None:
            given = session.result(event.decision_id)
            option = next((o for o in event.options if given and o.id == given.option_id), None)
            if option is not None and given is not None:
                self.choice(option.markdown, given.own_words)
        self.scroll_to_end()

    def scroll_to_end(self) -> None:
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def marker(self, text: str) -> None:
        """A centred, muted note in the transcript ("resumed", "end of the session")."""
        self.append(
            f'<span style="color:{muted_colour(self.colours)}"><i>{render_plain(text)}</i></span>', centred=True
        )

    def append(self, html: str, *, centred: bool = False) -> None:
        """Append a block with a fresh format (QTextEdit.append would inherit the last block's alignment)."""
        cursor = QTextCursor(self.view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.view.document().isEmpty():
            spaced = QTextBlockFormat()
            spaced.setTopMargin(10)
            if centred:
                # An inline fragment merges into this block, so the block carries the alignment.
                spaced.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            if rtl(self.language()):
                # The fragment's first paragraph merges into this block and keeps its direction.
                spaced.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            cursor.insertBlock(spaced, QTextCharFormat())
        cursor.insertHtml(html)
        self.scroll_to_end()

    def choice(self, markdown: str, own_words: str | None) -> None:
        colour = speaker_colour("leader", self.colours)
        from balint_trainer.core.guidance import is_quoted_speech

        if is_quoted_speech(markdown):
            you = render_plain(QCoreApplication.translate("PlayerView", "You (leader)"))
            html = f'<p{self.direction()}><b style="color:{colour}">{you}</b></p>'
            html += render_markdown(markdown, language=self.language())
        else:  # a described action ("Stay quiet…"): the leader does it, nobody says it
            you = render_plain(QCoreApplication.translate("PlayerView", "(You)"))
            action = render_inline(markdown_to_plain(markdown))
            inner = f'<b style="color:{colour}">{you}</b> {action}'
            html = f"<p{self.direction()}>{inner if rtl(self.language()) else f'<i>{inner}</i>'}</p>"
        if own_words:
            html += self.muted(
                render_plain(
                    QCoreApplication.translate("PlayerView", "In your own words: %1").replace("%1", own_words)
                )
            )
        self.append(html)

    def direction(self) -> str:
        """dir attribute for speaker lines, so names align with right-to-left text."""
        return ' dir="rtl"' if rtl(self.language()) else ""

    def muted(self, html: str, *, block: str = "p") -> str:
        """Stage directions and asides: muted colour, italic only in scripts that use italics."""
        inner = html if rtl(self.language()) else f"<i>{html}</i>"
        return f'<{block}{self.direction()} style="color:{muted_colour(self.colours)}">{inner}</{block}>'

    def replay(self, history: list[Event], session: PracticeSession | None) -> None:
        """The transcript so far, as it was shown: lines said while the trainee decided come
        muted, after the decision's prompt and before the choice."""
        choice: DecisionEvent | None = None  # its choice is written after the lines said during it
        marked = False
        for event in history:
            if getattr(event, "during_decision", False):
                if not marked:
                    self.marker(QCoreApplication.translate("PlayerView", "— the group goes on while you decide —"))
                    marked = True
                self.render(event, session, going_on=True)
                continue
            if choice is not None:
                self.render(choice, session, replay=True)
                choice = None
            if isinstance(event, DecisionEvent):
                choice, marked = event, False
            else:
                self.render(event, session, replay=True)
        if choice is not None:
            self.render(choice, session, replay=True)
