"""The editor's read-only branch map: labels, decisions, jumps and the conditions between them.

A tree of the script in file order: phases as headings, runs of plain lines folded into one
row, every step that carries a label or a ``when`` shown with it, decisions with their options
and what each option sets and where it jumps. Built from the last valid parse the editor made.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from balint_trainer.core.model import (
    DecisionStep,
    GotoStep,
    NarrateStep,
    Option,
    PhaseStep,
    SayStep,
    Scenario,
)
from balint_trainer.core.validation import LoadedScenario
from balint_trainer.gui.reading import plural


def _sets(option: Option) -> str:
    parts = []
    for name, value in (option.set or {}).items():
        if isinstance(value, bool):
            parts.append(f"{name} = {'true' if value else 'false'}")
        else:
            parts.append(f"{name} {'+' if value >= 0 else '−'} {abs(value)}")
    return ", ".join(parts)


class BranchMap(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Script"), self.tr("Shown when / effect")])
        self.setAccessibleName(self.tr("Branch map"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)

    def show_loaded(self, loaded: LoadedScenario) -> None:
        """Redraw from a validation result; an invalid file keeps the last good map, marked stale."""
        if loaded.scenario is None:
            if self.topLevelItemCount():
                self.headerItem().setText(0, self.tr("Script (last valid version)"))
            else:
                self.addTopLevelItem(QTreeWidgetItem([self.tr("Fix the problems to see the branch map.")]))
            return
        self.headerItem().setText(0, self.tr("Script"))
        self.show_scenario(loaded.scenario)

    def show_scenario(self, scenario: Scenario) -> None:
        self.clear()
        parent: QTreeWidgetItem | None = None
        plain_lines = 0

        def add(texts: list[str], under: QTreeWidgetItem | None) -> QTreeWidgetItem:
            item = QTreeWidgetItem(texts)
            for column, text in enumerate(texts):
                item.setToolTip(column, text)  # conditions can be longer than the column
            if under is None:
                self.addTopLevelItem(item)
            else:
                under.addChild(item)
            return item

        def flush() -> None:
            nonlocal plain_lines
            if plain_lines:
                add([plural(self.tr("%n line(s)", "", plain_lines), plain_lines), ""], parent)
                plain_lines = 0

        if not scenario.branching:
            add([self.tr("No branching: every trainee sees the same script."), ""], None)
        for step in scenario.script:
            when = self.tr("when %1").replace("%1", step.when) if step.when else ""
            label = f"◆ {step.label}: " if step.label else ""
            if isinstance(step, PhaseStep):
                flush()
                parent = add([f"{label}— {step.phase} —", when], None)
                parent.setExpanded(True)
            elif isinstance(step, (SayStep, NarrateStep)):
                if not label and not when:
                    plain_lines += 1
                    continue
                flush()
                who = step.say if isinstance(step, SayStep) else self.tr("narration")
                add([f"{label}{who}", when], parent)
            elif isinstance(step, GotoStep):
                flush()
                add([f"{label}→ {step.goto}", when or self.tr("always")], parent)
            elif isinstance(step, DecisionStep):
                flush()
                decision = self.tr("Decision %1").replace("%1", step.decision)
                item = add([label + decision, when], parent)
                for option in step.options:
                    effect = _sets(option)
                    if option.goto:
                        effect = (effect + "; " if effect else "") + f"→ {option.goto}"
                    if option.id == step.no_intervention:
                        effect = (effect + "; " if effect else "") + self.tr("no intervention")
                    add([option.id, effect], item)
                item.setExpanded(True)
        flush()
        self.resizeColumnToContents(0)
