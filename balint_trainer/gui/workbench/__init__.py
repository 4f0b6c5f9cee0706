"""Supervisor and organiser tools, opened from the main window.

Each entry point imports its window module only when called, so the main
window starts without loading editors, charts or pack code.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi


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
