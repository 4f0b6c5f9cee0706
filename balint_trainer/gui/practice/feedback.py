"""Feedback after a practice decision: the panel (credit, votes chart, the panel's reasoning)
and the feedback texts shared with the summary and the review session.

The panel's strings keep the literal context "PlayerView" (the class they were written in),
so their Persian translations still apply; the shared texts use the context "Feedback".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from balint_trainer.core.markdown_render import render_inline, render_markdown, render_plain
from balint_trainer.core.option_order import option_label
from balint_trainer.core.session_events import DecisionFeedback
from balint_trainer.gui import reading
from balint_trainer.gui.a11y import announce
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.reading import number

CHART_LABEL_LENGTH = 48


# The chart follows the feedback's text after this long (see FeedbackPanel.show_feedback).
CHART_AFTER_MS = 30


class FeedbackPanel(QWidget):
    """Credit and verdict, the explanation, glossary links, the votes chart and the reasoning."""

    continue_requested = Signal()
    glossary_requested = Signal(str)  # a glossary:ANCHOR link ("What is this?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: Any = None
        self._chart_to_draw: Callable[[], Any] | None = None
        self.credit_label = QLabel()
        self.credit_label.setWordWrap(True)
        self.credit_label.setAccessibleDescription(QCoreApplication.translate("PlayerView", "Your credit"))
        bold = self.credit_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.credit_label.setFont(bold)
        self.credit_explanation = QLabel()
        self.credit_explanation.setWordWrap(True)
        self.credit_explanation.setAccessibleDescription(
            QCoreApplication.translate("PlayerView", "What the credit means")
        )
        from balint_trainer.core.guidance import statistic_help

        self.credit_label.setToolTip(statistic_help("credit"))
        self.credit_label.setWhatsThis(statistic_help("credit"))
        self.glossary_links = QLabel()
        self.glossary_links.setTextFormat(Qt.TextFormat.RichText)
        self.glossary_links.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.glossary_links.setAccessibleDescription(
            QCoreApplication.translate("PlayerView", "Explanations in the glossary")
        )
        self.glossary_links.linkActivated.connect(self.glossary_requested.emit)
        self.chart_holder = QVBoxLayout()
        self.chart_holder.setContentsMargins(0, 0, 0, 0)
        chart_box = QWidget()
        chart_box.setLayout(self.chart_holder)
        chart_box.setMinimumWidth(280)
        self.feedback_text = SafeTextBrowser(
            accessible_name=QCoreApplication.translate("PlayerView", "Expert feedback")
        )
        self.continue_button = QPushButton(QCoreApplication.translate("PlayerView", "C&ontinue"))
        self.continue_button.setAccessibleName(
            QCoreApplication.translate("PlayerView", "Continue the session")
        )
        self.continue_button.setToolTip(QCoreApplication.translate("PlayerView", "Space or Enter"))
        self.continue_button.clicked.connect(self.continue_requested.emit)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(chart_box)
        middle.addWidget(self.feedback_text)
        middle.setStretchFactor(0, 2)
        middle.setStretchFactor(1, 3)
        middle.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.credit_label)
        layout.addWidget(self.credit_explanation)
        layout.addWidget(self.glossary_links)
        layout.addWidget(middle, 1)
        layout.addLayout(bottom)

    def show_feedback(self, feedback: DecisionFeedback, *, illustrative: bool, language: str | None) -> None:
        self.credit_label.setText(
            QCoreApplication.translate("PlayerView", "Your credit: %1 of %2")
            .replace("%1", reading.decimal(feedback.credit))
            .replace("%2", reading.number(1))
            + " — "
            + verdict_text(feedback)
        )
        self.credit_explanation.setText(credit_explanation(feedback))
        self.glossary_links.setText(self._glossary_links_html(feedback))
        self.clear_chart()
        from balint_trainer.gui import charts
        from balint_trainer.reports.against_panel import from_feedback, marks

        view = from_feedback(feedback)
        chart_labels = {}
        for position, oid in enumerate(feedback.votes):  # in the order shown
            # Short enough for the axis; the chart's tooltip and the text below name it in full.
            label = option_label(feedback.option_texts[oid], CHART_LABEL_LENGTH)
            tags = marks(view.options[position], view)  # a tie is marked on every tied option
            chart_labels[oid] = label + (" (" + ", ".join(tags) + ")" if tags else "")
        # Drawn a moment later: the verdict and the reasoning show in this frame, the chart
        # (pyqtgraph's first drawing is Python, ~60 ms) in a later one, with input handled in
        # between (together they kept the window busy for 120-165 ms).
        self._chart_to_draw = lambda: charts.votes_chart(
            self, feedback.votes, chart_labels, feedback.chosen, feedback.modal_options
        )
        QTimer.singleShot(CHART_AFTER_MS, self, self._draw_chart)
        self.feedback_text.set_safe_html(
            feedback_html(feedback, illustrative=illustrative), language=language
        )
        # Focus goes to Continue; the result is spoken and is Continue's description, so a
        # screen reader reads it on arrival instead of only "Continue the session".
        result = self.credit_label.text()
        self.continue_button.setAccessibleDescription(result)
        self.continue_button.setFocus()
        announce(self.credit_label, result)

    def _glossary_links_html(self, feedback: DecisionFeedback) -> str:
        from balint_trainer.core.guidance import competency_anchor

        links = [("stat-credit", QCoreApplication.translate("PlayerView", "What is credit?"))]
        anchor = competency_anchor(feedback.competency)
        if anchor is not None:
            links.insert(
                0,
                (
                    anchor,
                    QCoreApplication.translate("PlayerView", "What is “%1”?").replace(
                        "%1", feedback.competency_label
                    ),
                ),
            )
        if feedback.agreement is not None and feedback.agreement < 0.5:
            links.append(
                ("stat-agreement", QCoreApplication.translate("PlayerView", "What is panel agreement?"))
            )
        return " · ".join(f'<a href="glossary:{a}">{render_plain(text)}</a>' for a, text in links)

    @property
    def feedback_chart(self) -> Any:
        """The vote split of the feedback shown (drawn now if it is still waiting for its turn)."""
        self._draw_chart()
        return self._chart

    def _draw_chart(self) -> None:
        draw, self._chart_to_draw = self._chart_to_draw, None
        if draw is not None:
            self._chart = draw()
            self.chart_holder.addWidget(self._chart)

    def clear_chart(self) -> None:
        self._chart_to_draw = None
        if self._chart is not None:
            self.chart_holder.removeWidget(self._chart)
            self._chart.deleteLater()
            self._chart = None


def _option_list(labels: list[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    return (
        QCoreApplication.translate("Feedback", "%1 and %2")
        .replace("%1", ", ".join(labels[:-1]))
        .replace("%2", labels[-1])
    )


def _quoted(label: str) -> str:
    if label[:1] in "\"“”„«»‹›'‘’":  # already quoted speech: no second pair of quotes
        return label
    return QCoreApplication.translate("Feedback", "“%1”").replace("%1", label)


# The feedback texts below are shared by the player and the summary: one literal context
# ("Feedback") rather than widget.tr(), which lupdate would file under the name "widget".


def verdict_text(feedback: DecisionFeedback) -> str:
    """Did the trainee choose what the panel chose (a tie called a tie)? One renderer for all views."""
    from balint_trainer.reports.against_panel import from_feedback, verdict

    return verdict(from_feedback(feedback))


def credit_explanation(feedback: DecisionFeedback) -> str:
    """Plain words for the credit: whose votes, and how the number is made."""
    total = sum(feedback.votes.values())
    chosen = feedback.votes.get(feedback.chosen, 0)
    top = max(feedback.votes.values(), default=0)
    return (
        QCoreApplication.translate(
            "Feedback", "%1 of %2 experts chose your option; the most chosen option had %3."
        )
        .replace("%1", number(chosen))
        .replace("%2", number(total))
        .replace("%3", number(top))
        + " "
        + QCoreApplication.translate(
            "Feedback",
            "Credit = votes for your option ÷ votes for the most chosen one: 1 is the panel's choice, "
            "0 means no expert chose it.",
        )
    )


def timed_out_text(feedback: DecisionFeedback) -> str:
    """What a real-time decision left unanswered was recorded as."""
    if feedback.chosen not in feedback.option_texts:
        return QCoreApplication.translate("Feedback", "Time ran out: no intervention (not in the key).")
    return QCoreApplication.translate(
        "Feedback", "Time ran out: no intervention, which the key lists as %1."
    ).replace("%1", _quoted(feedback.label(feedback.chosen)))


def feedback_html(feedback: DecisionFeedback, *, illustrative: bool = False) -> str:
    """The panel's reasoning for one decision, as safe HTML."""

    def heading(text: str) -> str:
        return f"<h3>{render_plain(text)}</h3>"

    from balint_trainer.reports.against_panel import against_panel_html, from_feedback

    parts = [heading(QCoreApplication.translate("Feedback", "Why")), render_markdown(feedback.rationale)]
    if feedback.timed_out:
        parts.insert(0, f"<p><b>{render_plain(timed_out_text(feedback))}</b></p>")
    # Every option against the panel, with what the scenario says about each (shared renderer).
    parts += [
        heading(QCoreApplication.translate("Feedback", "Your choice and the panel's")),
        against_panel_html(from_feedback(feedback)),
    ]
    if feedback.expert_notes:
        chose = QCoreApplication.translate("Feedback", "chose %1")
        notes = "".join(
            f"<li><i>{render_plain(n.expert)}</i> "
            f"({render_plain(chose.replace('%1', _quoted(feedback.label(n.best))))}): "
            f"{render_inline(n.markdown)}</li>"
            for n in feedback.expert_notes
        )
        parts += [heading(QCoreApplication.translate("Feedback", "Expert notes")) + f"<ul>{notes}</ul>"]
    if feedback.agreement is not None and feedback.agreement < 0.5:
        caution = QCoreApplication.translate(
            "Feedback", "The panel disagreed a lot on this decision; treat the credit with care."
        )
        parts.append(f"<p><i>{render_plain(caution)}</i></p>")
    if illustrative:
        from balint_trainer.gui.about import illustrative_notice

        parts.append(f"<p><i>{render_plain(illustrative_notice())}</i></p>")
    return "".join(parts)
