"""The editor's derived views: problem list model, outline and preview, rebuilt from the text.

They keep the "ScenarioEditor" translation context they had inside the editor module.
"""

from __future__ import annotations

from typing import Any

import yaml
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QStandardItem,
    QStandardItemModel,
)

from balint_trainer.core.model import Scenario
from balint_trainer.core.problems import Problem
from balint_trainer.core.yamlsource import parse_yaml
from balint_trainer.gui.authoring.editor_audit import severity_icon
from balint_trainer.gui.models import Column, RowsModel
from balint_trainer.gui.reading import number, plural

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_ROLE = Qt.ItemDataRole.UserRole + 2

# --------------------------------------------------------------------------- problems and outline


def _problem_message(problem: Problem) -> str:
    return (
        QCoreApplication.translate("ScenarioEditor", "warning: ") if problem.severity == "warning" else ""
    ) + problem.message


class ProblemModel(RowsModel):
    """The validation problems; LINE_ROLE/COLUMN_ROLE give the position to jump to."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("ScenarioEditor", "Line"), lambda p: p.line, cell_tooltip=str
                ),
                Column(
                    QCoreApplication.translate("ScenarioEditor", "Column"),
                    lambda p: p.column,
                    cell_tooltip=str,
                ),
                Column(
                    QCoreApplication.translate("ScenarioEditor", "Problem"),
                    _problem_message,
                    cell_tooltip=str,
                ),
            ],
            parent,
        )

    @property
    def problems(self) -> list[Problem]:
        return self.rows()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role in (LINE_ROLE, COLUMN_ROLE):  # LINE_ROLE is also SORT_ROLE
            problem = self.row(index.row())
            return problem.line if role == LINE_ROLE else problem.column
        if index.isValid() and role == Qt.ItemDataRole.DecorationRole and index.column() == 2:
            return severity_icon(self.row(index.row()))
        return super().data(index, role)


def _scalar(node: Any) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else ""


def _get(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if _scalar(key_node) == key:
                return value_node
    return None


def build_outline(model: QStandardItemModel, text: str) -> bool:
    """Fill ``model`` with people, phases, decisions and options from the text's YAML nodes.

    Works on the node tree, so the outline stays useful while the file is
    still invalid. Returns False (and leaves the model alone) if the YAML does
    not parse at all.
    """
    doc = parse_yaml(text, "outline")
    if doc.root is None and doc.syntax_source is not None:  # outline the in-memory repair (same lines)
        from balint_trainer.core.yaml_hints import recover

        repaired = recover(text)
        doc = parse_yaml(repaired.text, "outline") if repaired else doc
    root = doc.root
    if not isinstance(root, yaml.MappingNode):
        return False

    def item(label: str, node: Any) -> QStandardItem:
        entry = QStandardItem(label)
        entry.setEditable(False)
        entry.setData(node.start_mark.line + 1, LINE_ROLE)
        entry.setData(node.start_mark.column + 1, COLUMN_ROLE)
        entry.setToolTip(
            QCoreApplication.translate("ScenarioEditor", "Line %1").replace(
                "%1", str(node.start_mark.line + 1)
            )
        )
        return entry

    model.clear()
    model.setHorizontalHeaderLabels([QCoreApplication.translate("ScenarioEditor", "Outline")])
    title = _get(root, "title")
    if title is not None:
        model.appendRow(
            item(
                QCoreApplication.translate("ScenarioEditor", "Title: %1").replace("%1", _scalar(title)), title
            )
        )
    case = _get(root, "case")
    if case is not None:
        model.appendRow(item(QCoreApplication.translate("ScenarioEditor", "Case"), case))
    people = _get(root, "people")
    if isinstance(people, yaml.MappingNode):
        group = item(QCoreApplication.translate("ScenarioEditor", "People"), people)
        for key_node, value_node in people.value:
            name = _scalar(_get(value_node, "name")) or _scalar(key_node)
            kind = _scalar(_get(value_node, "kind"))
            label = f"{name} ({kind})" if kind else name
            group.appendRow(item(label, key_node))
        model.appendRow(group)
    script = _get(root, "script")
    if isinstance(script, yaml.SequenceNode):
        group = item(QCoreApplication.translate("ScenarioEditor", "Script"), script)
        parent = group
        for step in script.value:
            phase = _get(step, "phase")
            decision = _get(step, "decision")
            if phase is not None:
                parent = item(
                    QCoreApplication.translate("ScenarioEditor", "Phase: %1").replace("%1", _scalar(phase)),
                    step,
                )
                group.appendRow(parent)
            elif decision is not None:
                prompt = _scalar(_get(step, "prompt")).strip().splitlines()
                label = QCoreApplication.translate("ScenarioEditor", "Decision %1").replace(
                    "%1", _scalar(decision)
                )
                if prompt:
                    label += f": {prompt[0][:60]}"
                entry = item(label, step)
                options = _get(step, "options")
                if isinstance(options, yaml.SequenceNode):
                    for option in options.value:
                        text_line = _scalar(_get(option, "text")).strip().splitlines()
                        entry.appendRow(
                            item(
                                f"{_scalar(_get(option, 'id'))}: {text_line[0][:60] if text_line else ''}",
                                option,
                            )
                        )
                parent.appendRow(entry)
        model.appendRow(group)
    return True


def _level_label(level: str | None) -> str | None:
    """The scenario's level in the interface language (as the library names it)."""
    names = {
        "introductory": QCoreApplication.translate("ScenarioEditor", "Introductory"),
        "intermediate": QCoreApplication.translate("ScenarioEditor", "Intermediate"),
        "advanced": QCoreApplication.translate("ScenarioEditor", "Advanced"),
    }
    return names.get(level or "", level)


def _kind_label(kind: str) -> str:
    """A person's part in the group in the interface language (the YAML keeps the English word)."""
    names = {
        "presenter": QCoreApplication.translate("ScenarioEditor", "Presenter"),
        "member": QCoreApplication.translate("ScenarioEditor", "Member"),
        "co-leader": QCoreApplication.translate("ScenarioEditor", "Co-leader"),
        "leader": QCoreApplication.translate("ScenarioEditor", "Leader"),
    }
    return names.get(kind, kind)


def preview_html(scenario: Scenario | None, text: str) -> str:
    """Title, summary, people, case and the whole script, rendered as the trainee would see them."""
    from balint_trainer.core.markdown_render import render_markdown, render_plain
    from balint_trainer.gui.authoring.preview import script_html

    if scenario is None:
        data: Any = None
        try:
            data = parse_yaml(text, "preview").data
            if data is None:  # a syntax error: preview the in-memory repair (yaml_hints)
                from balint_trainer.core.yaml_hints import recover

                repaired = recover(text)
                data = parse_yaml(repaired.text, "preview").data if repaired else None
        except Exception:  # the preview must never break editing
            data = None
        if not isinstance(data, dict):
            return "<p><i>{}</i></p>".format(
                render_plain(
                    QCoreApplication.translate(
                        "ScenarioEditor", "Nothing to preview yet: the YAML does not parse."
                    )
                )
            )
        title = str(data.get("title", ""))
        parts = [f"<h2>{render_plain(title)}</h2>"]
        for key in ("summary", "case"):
            value = data.get(key)
            if isinstance(value, str):
                parts.append(f"<h3>{render_plain(key.capitalize())}</h3>{render_markdown(value)}")
        parts.insert(
            1,
            "<p><i>{}</i></p>".format(
                render_plain(
                    QCoreApplication.translate(
                        "ScenarioEditor", "Preview of an invalid scenario (fix the problems)."
                    )
                )
            ),
        )
        return "".join(parts)
    language = scenario.language
    people = "".join(
        f"<li><b>{render_plain(p.name)}</b> — {render_plain(p.role)} ({render_plain(_kind_label(p.kind))})</li>"
        for p in scenario.people.values()
    )
    minutes = (
        QCoreApplication.translate("ScenarioEditor", "%1 min").replace("%1", number(scenario.duration_minutes))
        if scenario.duration_minutes
        else None
    )
    details = ", ".join(render_plain(v) for v in (_level_label(scenario.level), scenario.setting, minutes) if v)
    # Translated outside the f-strings: lupdate does not look inside them.
    people_heading = render_plain(QCoreApplication.translate("ScenarioEditor", "People"))
    case_heading = render_plain(QCoreApplication.translate("ScenarioEditor", "Case"))
    n_1 = len(scenario.decisions)
    count = plural(
        QCoreApplication.translate("ScenarioEditor", "%n decision(s)", "", n_1),
        n_1,
    )
    return (
        f"<h2>{render_plain(scenario.title)}</h2>"
        f"<p><i>{details}</i></p>"
        f"{render_markdown(scenario.summary, language=language)}"
        f"<h3>{people_heading}</h3><ul>{people}</ul>"
        f"<h3>{case_heading}</h3>{render_markdown(scenario.case, language=language)}"
        f"<p>{render_plain(count)}</p>{script_html(scenario)}"
    )
