"""Supervisor and organiser tools, opened from the main window.

Each entry point imports its window module only when called, so the main
window starts without loading editors, charts or pack code. :func:`prepare`
imports what a tool needs besides Qt on a worker thread first (the menus do, see
``MainWindow.open_tool``): pydantic, the parser, Markdown and the reports took
200–280 ms of the UI thread when a tool was first opened.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

_SCENARIOS = (
    "balint_trainer.core.validation",  # the parser, YAML and the model (pydantic)
    "balint_trainer.core.fastload",
    "balint_trainer.core.script_state",
    "balint_trainer.core.followup",
    "balint_trainer.core.conditions",
    "balint_trainer.core.annotation",
    "balint_trainer.core.fileio",
    "fractions",
    "xml.etree.ElementTree",
    "encodings.utf_8_sig",
)
# Qt-free modules each tool imports when it opens (tests/gui/test_tool_preparation.py checks that
# nothing Qt-free is left for the UI thread); Markdown's extensions load with its first text.
PREPARE: dict[str, tuple[str, ...]] = {
    "open_annotation": (
        *_SCENARIOS,
        "balint_trainer.core.annotation_exchange",
        "balint_trainer.core.annotation_progress",
        "balint_trainer.core.user_copies",
        "difflib",
    ),
    "open_editor": (
        *_SCENARIOS,
        "balint_trainer.core.audit",
        "balint_trainer.core.audit_text",
        "balint_trainer.core.decision_edit",
        "balint_trainer.i18n",
    ),
    "open_supervisor": (
        "balint_trainer.core.model",
        "balint_trainer.core.analytics",
        "balint_trainer.core.plaintext",
        "balint_trainer.reports.html_report",
        "balint_trainer.reports.xapi",
        "balint_trainer.reports.tabular",
        "balint_trainer.services.lrs",
        "pyqtgraph",  # its progress and recording charts
    ),
}
_MARKDOWN = ("open_annotation", "open_editor")


def prepare(name: str) -> None:
    """Import what tool ``name`` needs besides Qt (on a worker thread: nothing here creates a Qt
    object). A failure is left for the tool's own opening to report."""
    for module in PREPARE.get(name, ()):
        importlib.import_module(module)
    if name in _MARKDOWN:
        from balint_trainer.core.markdown_render import render_markdown

        render_markdown("*Markdown*")  # imports its extensions (each thread keeps its own converter)


def open_supervisor(parent: Any, service: ServicesApi, *, author_id: int | None = None) -> Any:
    from balint_trainer.gui.supervision import window

    return window.open_supervisor(parent, service, author_id=author_id)


def open_editor(parent: Any, service: ServicesApi, path: str | Path | None = None) -> Any:
    from balint_trainer.gui.authoring import editor

    return editor.open_editor(parent, service, path)


def open_annotation(parent: Any, service: ServicesApi) -> Any:
    from balint_trainer.gui.authoring.annotation import open_annotation as open_annotation_window

    return open_annotation_window(parent, service)


def manage_profiles(parent: Any, service: ServicesApi, *, current_profile_id: int | None = None) -> Any:
    from balint_trainer.gui.accounts import profiles

    return profiles.manage_profiles(parent, service, current_profile_id=current_profile_id)


def export_pack(parent: Any, service: ServicesApi) -> Any:
    from balint_trainer.gui.authoring import packs

    return packs.export_pack(parent, service)


def import_pack(parent: Any, service: ServicesApi) -> Any:
    from balint_trainer.gui.authoring import packs

    return packs.import_pack(parent, service)


__all__ = [
    "export_pack",
    "import_pack",
    "manage_profiles",
    "open_annotation",
    "open_editor",
    "open_supervisor",
]
