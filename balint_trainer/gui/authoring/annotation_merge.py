"""Merging the collected votes into a scenario's key, after showing the diff (annotation window).

Functions of the window, kept here to keep the window's module short; their strings keep the
"AnnotationWindow" translation context they had as its methods.
"""

from __future__ import annotations

import difflib
import errno
import os
import shutil
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from balint_trainer.core.annotation import (
    AnnotationError,
    merge_into_yaml,
    votes_from_annotations,
)
from balint_trainer.core.catalogue import CatalogueEntry
from balint_trainer.core.untrusted import EDITABLE_BYTES, UntrustedInputError, read_limited
from balint_trainer.core.user_copies import user_copy_path
from balint_trainer.gui.authoring.editor import atomic_write_text
from balint_trainer.gui.authoring.file_work import FileWorkBusy, FileWorkCancelled
from balint_trainer.gui.reading import plural
from balint_trainer.paths import is_bundled_scenario

if TYPE_CHECKING:
    from balint_trainer.gui.authoring.annotation import AnnotationWindow


def confirm_merge(
    window: AnnotationWindow, path: Path, diff: str, decisions: Sequence[str], built_in: Path | None = None
) -> bool:
    """Show the diff; ``built_in`` is set when ``path`` is the user's own copy of that file."""
    dialog = QDialog(window)
    dialog.setWindowTitle(QCoreApplication.translate("AnnotationWindow", "Merge annotations into the key"))
    dialog.resize(900, 600)
    if built_in is None:
        count1 = len(decisions)
        text = plural(QCoreApplication.translate(
            "AnnotationWindow",
            "The experts lists of %n decision(s) in %2 will be replaced as shown. A backup copy is kept.",
            "",
            count1,
        ), count1)
    elif path.exists():
        count2 = len(decisions)
        text = plural(QCoreApplication.translate(
            "AnnotationWindow",
            "%3 is a built-in scenario and stays unchanged. The experts lists of %n decision(s) "
            "in your own copy of it, %2, will be replaced as shown. A backup copy is kept.",
            "",
            count2,
        ), count2)
    else:
        count3 = len(decisions)
        text = plural(QCoreApplication.translate(
            "AnnotationWindow",
            "%3 is a built-in scenario and stays unchanged. Its experts lists of %n decision(s) "
            "will be replaced as shown and the result saved as your own copy, %2, "
            "which takes the built-in's place in your library.",
            "",
            count3,
        ), count3)
    label = QLabel(
        text
        .replace("%2", str(path))
        .replace("%3", built_in.name if built_in is not None else "")
    )
    label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is untrusted text
    label.setWordWrap(True)
    view = QPlainTextEdit(diff)
    view.setReadOnly(True)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setAccessibleName(QCoreApplication.translate("AnnotationWindow", "Changes"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
        QCoreApplication.translate("AnnotationWindow", "&Merge")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(view, 1)
    layout.addWidget(buttons)
    return dialog.exec() == QDialog.DialogCode.Accepted


def merge_target(entry: CatalogueEntry) -> tuple[Path, Path | None]:
    """The file to merge into, and the built-in it stands in for (None for the user's own files).

    A built-in scenario is never written: the merge goes to the user's own copy of it,
    an earlier one if there is one (see core.user_copies). Raises OSError when the
    user's scenario folder cannot be created.
    """
    path = Path(entry.path)
    if not (entry.bundled or is_bundled_scenario(path)):
        return path, None
    return user_copy_path(path, entry.id), path


def _file_work(window: AnnotationWindow) -> FileWorkBusy:
    """The window's one file operation at a time (kept on the window, whose module is long)."""
    work = window.__dict__.get("_merge_file_work")
    if not isinstance(work, FileWorkBusy):
        work = window.__dict__["_merge_file_work"] = FileWorkBusy()
    return work


def _read_source(window: AnnotationWindow, entry: CatalogueEntry) -> tuple[Path, Path | None, Path, str]:
    """On a worker thread: the target, the built-in it stands in for, the file to start from, and
    its text. Raises OSError when the user's folder is not available (before any read)."""
    path, built_in = window.merge_target(entry)
    # A new copy starts from the built-in's text; an existing file (the user's own, or
    # their earlier copy of the built-in) is changed in place, keeping their edits.
    source = built_in if built_in is not None and not path.exists() else path
    try:
        raw = read_limited(source, EDITABLE_BYTES)  # a pipe or device would hang the worker
        return path, built_in, source, raw.decode("utf-8-sig")
    except (UntrustedInputError, UnicodeDecodeError) as exc:
        raise _SourceUnreadable(source, str(exc)) from exc


class _SourceUnreadable(Exception):
    def __init__(self, source: Path, detail: str) -> None:
        super().__init__(detail)
        self.source = source


def _write_merged(path: Path, source: Path, text: str, newline: str) -> Path | None:
    """On a worker thread: the backup (when changing a file in place), then the merged file."""
    backup: Path | None = None
    if source == path:
        backup = path.with_name(f"{path.name}.{datetime.now():%Y%m%d-%H%M%S}.bak")
        shutil.copy2(path, backup)
    # A new copy must not replace a file that appeared since user_copy_path looked.
    elif path.exists():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    atomic_write_text(path, text, newline=newline)
    return backup


def _cancelled(window: AnnotationWindow, *, writing: bool) -> None:
    title = QCoreApplication.translate("AnnotationWindow", "Key not merged")
    if writing:  # the atomic write leaves the old file or the merged one, never half of it
        window.show_error(title, QCoreApplication.translate(
            "AnnotationWindow",
            "Cancelled: the drive did not answer. The merged file may still be written when it does; "
            "look at it before merging again.",
        ))  # fmt: skip
        return
    window.statusBar().showMessage(
        QCoreApplication.translate("AnnotationWindow", "Cancelled: the drive did not answer. Nothing was merged."),
        10000,
    )


def merge_into_key(window: AnnotationWindow) -> Path | None:
    """Merge the collected votes after the diff is confirmed; the file written, or None. The
    reads and writes run off the UI thread (see file_work), one merge at a time."""
    entry = window.entry()
    work = _file_work(window)
    if entry is None or work.active:
        return None
    reading = QCoreApplication.translate("AnnotationWindow", "Reading %1…").replace("%1", Path(entry.path).name)
    try:
        path, built_in, source, text = work.run(window, reading, lambda: _read_source(window, entry))
    except FileWorkCancelled:
        _cancelled(window, writing=False)
        return None
    except _SourceUnreadable as exc:
        window.show_error(
            QCoreApplication.translate("AnnotationWindow", "Cannot read %1").replace("%1", str(exc.source)),
            str(exc),
        )
        return None
    except OSError as exc:
        window.show_error(
            QCoreApplication.translate("AnnotationWindow", "Key not merged"),
            QCoreApplication.translate(
                "AnnotationWindow", "Your scenario folder is not available: %1"
            ).replace("%1", str(exc)),
        )
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    try:
        result = merge_into_yaml(text, votes_from_annotations(window.collected()), filename=str(source))
    except AnnotationError as exc:
        window.show_error(QCoreApplication.translate("AnnotationWindow", "Key not merged"), str(exc))
        return None
    diff = "".join(
        difflib.unified_diff(
            text.splitlines(keepends=True),
            result.text.splitlines(keepends=True),
            fromfile=f"{source.name} (now)",
            tofile=f"{path.name} (merged)",
        )
    )
    if not window.confirm_merge(path, diff, result.decisions, built_in):
        return None
    writing = QCoreApplication.translate("AnnotationWindow", "Writing %1…").replace("%1", path.name)
    merged = result.text
    try:
        backup = work.run(window, writing, lambda: _write_merged(path, source, merged, newline))
    except FileWorkCancelled:
        _cancelled(window, writing=True)
        return None
    except OSError as exc:
        window.show_error(
            QCoreApplication.translate("AnnotationWindow", "Key not merged"),
            QCoreApplication.translate("AnnotationWindow", "The file could not be written: %1").replace(
                "%1", str(exc)
            ),
        )
        return None
    if backup is not None:
        message = (
            QCoreApplication.translate("AnnotationWindow", "%1 updated; the previous file was saved as %2.")
            .replace("%1", str(path))
            .replace("%2", backup.name)
        )
    else:
        message = QCoreApplication.translate("AnnotationWindow", "Saved as your own copy: %1").replace(
            "%1", str(path)
        )
    if built_in is not None:
        message = (
            QCoreApplication.translate(
                "AnnotationWindow",
                "%1 is a built-in scenario, so it was not changed. Your copy with the merged key "
                "takes its place in your library; delete the copy to go back to the built-in.",
            ).replace("%1", built_in.name)
            + "\n\n"
            + message
        )
    window.statusBar().showMessage(
        QCoreApplication.translate("AnnotationWindow", "Key merged into %1").replace("%1", str(path)), 10000
    )
    window.show_info(QCoreApplication.translate("AnnotationWindow", "Key merged"), message)
    window.merged.emit(str(path))
    return path
