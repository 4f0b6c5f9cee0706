"""Export and import scenario packs from the GUI (the checks live in core.packs).

Dialog steps are module-level functions (choose a file, choose a conflict
policy, show problems) so tests can replace them instead of driving modal
dialogs. Imported packs go into the user's scenario folder,
``platformdirs.user_data_dir("balint-trainer")/scenarios``, which the main
window loads as an extra library folder. A pack scenario with a built-in's id
is a conflict like any other; replacing it installs the user's own copy there,
shown in the built-in's place (the built-in file is never changed).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core import packs as core_packs
from balint_trainer.core.catalogue import CatalogueEntry, load_catalogue
from balint_trainer.gui.authoring.file_work import FileWorkBusy, FileWorkCancelled
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.reading import plural
from balint_trainer.gui.worker import run_with_progress

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi


def user_scenarios_dir() -> Path:
    """The user's own scenario folder (imported packs land here); created on first use."""
    from balint_trainer.paths import user_scenarios_dir as _user_scenarios_dir

    return _user_scenarios_dir()


def library_entries() -> list[CatalogueEntry]:
    return [e for e in load_catalogue([user_scenarios_dir()]) if e.ok]


# --------------------------------------------------------------------------- replaceable dialog steps


def choose_pack_to_import(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ScenarioPacks", "Import scenario pack"),
        str(Path.home()),
        QCoreApplication.translate("ScenarioPacks", "Scenario packs (*.zip);;All files (*)"),
    )
    return Path(name) if name else None


def choose_export_path(parent: QWidget | None, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ScenarioPacks", "Export scenario pack"),
        str(Path.home() / suggested),
        QCoreApplication.translate("ScenarioPacks", "Scenario packs (*.zip)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".zip" else path.with_suffix(".zip")


def ask_conflict_policy(
    parent: QWidget | None, conflicts: Sequence[core_packs.Conflict]
) -> core_packs.ConflictPolicy:
    lines = []
    for conflict in conflicts:
        if conflict.builtin:
            # Installed as the user's own copy beside the built-in, which stays as it is.
            where = QCoreApplication.translate(
                "ScenarioPacks",
                "would replace the built-in scenario “%1” as your own copy "
                "(delete your copy to get the built-in back)",
            ).replace("%1", conflict.existing_title or conflict.title)
        else:
            where = str(conflict.existing)
        lines.append(f"• {conflict.title} [{conflict.scenario_id}] — {where}")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ScenarioPacks", "Scenarios already in the library"))
    count1 = len(conflicts)
    box.setText(
        plural(QCoreApplication.translate(
            "ScenarioPacks",
            "%n scenario(s) in this pack already exist with different content.",
            None,
            count1,
        ), count1)
    )
    box.setInformativeText("\n".join(lines[:10]) + ("\n…" if len(lines) > 10 else ""))
    plain_labels(box)  # pack titles are untrusted: never rich text
    replace = box.addButton(
        QCoreApplication.translate("ScenarioPacks", "&Replace"), QMessageBox.ButtonRole.AcceptRole
    )
    skip = box.addButton(
        QCoreApplication.translate("ScenarioPacks", "&Skip them"), QMessageBox.ButtonRole.ActionRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(skip)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace:
        return "replace"
    if clicked is skip:
        return "skip"
    return "cancel"


def show_problems(parent: QWidget | None, title: str, message: str, problems: Sequence[str]) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(message)
    shown = list(problems[:8])
    if len(problems) > len(shown):
        shown.append(
            QCoreApplication.translate("ScenarioPacks", "… and %1 more (see details)").replace(
                "%1", str(len(problems) - len(shown))
            )
        )
    box.setInformativeText("\n".join(shown))
    box.setDetailedText("\n".join(problems))
    plain_labels(box)  # problems quote untrusted names: never rich text
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent)
    plain_labels(box)  # the message names the pack's (untrusted) title
    box.exec()


# --------------------------------------------------------------------------- export


class ScenarioChoiceModel(QAbstractListModel):
    """Library scenarios with a check box each."""

    def __init__(self, entries: Sequence[CatalogueEntry], parent: Any = None) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.checked: set[int] = set()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{entry.title}  [{entry.id}]"
            # Right to left, an English title would be cut at its start and lose its quotes' order.
            return f"\u2068{text}\u2069" if QGuiApplication.isRightToLeft() else text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if index.row() in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(entry.path)
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(index.row())
        else:
            self.checked.discard(index.row())
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_checked(self, rows: set[int]) -> None:
        self.checked = set(rows)
        if self.entries:
            self.dataChanged.emit(
                self.index(0), self.index(len(self.entries) - 1), [Qt.ItemDataRole.CheckStateRole]
            )

    def chosen_paths(self) -> list[Path]:
        return [Path(self.entries[row].path) for row in sorted(self.checked)]


class ExportPackDialog(QDialog):
    """Choose scenarios and a pack title."""

    def __init__(self, entries: Sequence[CatalogueEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export scenario pack"))
        self.resize(620, 460)  # whole titles, not the last few words of each
        self.model = ScenarioChoiceModel(entries, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)  # a long title wraps instead of scrolling out of sight
        self.list.setAccessibleName(self.tr("Scenarios to export"))
        self.title_edit = QLineEdit(self.tr("Scenario pack"))
        self.title_edit.setAccessibleName(self.tr("Pack title"))
        select_all = QPushButton(self.tr("Select &all"))
        select_all.clicked.connect(self.check_all)
        select_none = QPushButton(self.tr("Select &none"))
        select_none.clicked.connect(self.check_none)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(self._update_ok)

        form = QFormLayout()
        title_label = self.tr("Pack &title:")
        form.addRow(title_label, self.title_edit)
        selection = QHBoxLayout()
        selection.addWidget(select_all)
        selection.addWidget(select_none)
        selection.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addLayout(selection)
        layout.addWidget(self.buttons)
        self._update_ok()
        plain_labels(self)  # scenario and user text is never rich text

    def set_all(self, checked: bool) -> None:
        self.model.set_checked(set(range(len(self.model.entries))) if checked else set())

    def check_all(self) -> None:
        self.set_all(True)

    def check_none(self) -> None:
        self.set_all(False)

    def set_checked_ids(self, scenario_ids: Sequence[str]) -> None:
        self.model.set_checked(
            {row for row, entry in enumerate(self.model.entries) if entry.id in scenario_ids}
        )

    def chosen_paths(self) -> list[Path]:
        return self.model.chosen_paths()

    def _update_ok(self, *_: Any) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen_paths()))


def write_pack(parent: QWidget | None, paths: Sequence[Path], title: str) -> Path | None:
    """Ask where to save, then export; problems are shown, never raised."""
    slug = "-".join(title.lower().split()) or "scenario-pack"
    destination = choose_export_path(parent, f"{slug}.zip")
    if destination is None:
        return None
    writing = QCoreApplication.translate("ScenarioPacks", "Writing the pack…")
    try:  # off the UI thread: the scenarios are read and the pack written, maybe on a network drive
        manifest = FileWorkBusy().run(
            parent, writing, lambda: core_packs.export_pack(paths, destination, title=title)
        )
    except FileWorkCancelled:
        show_problems(
            parent,
            QCoreApplication.translate("ScenarioPacks", "Pack not exported"),
            QCoreApplication.translate("ScenarioPacks", "Cancelled: the drive did not answer."),
            [str(destination)],
        )
        return None
    except core_packs.PackError as exc:
        show_problems(
            parent,
            QCoreApplication.translate("ScenarioPacks", "Pack not exported"),
            exc.message,
            exc.problems,
        )
        return None
    except OSError as exc:
        show_problems(
            parent,
            QCoreApplication.translate("ScenarioPacks", "Pack not exported"),
            QCoreApplication.translate("ScenarioPacks", "The file could not be written."),
            [str(exc)],
        )
        return None
    count2 = len(manifest.entries)
    show_info(
        parent,
        QCoreApplication.translate("ScenarioPacks", "Pack exported"),
        plural(
            QCoreApplication.translate("ScenarioPacks", "%n scenario(s) written to %1.", "", count2),
            count2,
        ).replace("%1", str(destination)),
    )
    return destination


def export_pack(parent: QWidget | None, service: ServicesApi | None = None) -> Path | None:
    parent_entries = getattr(parent, "entries", None)
    if parent_entries:
        entries = [e for e in parent_entries if e.ok]
    else:  # the user's folder, read off the UI thread
        reading = QCoreApplication.translate("ScenarioPacks", "Reading your scenarios…")
        try:
            entries = FileWorkBusy().run(parent, reading, library_entries)
        except FileWorkCancelled:
            return None
        except OSError as exc:
            show_problems(
                parent, QCoreApplication.translate("ScenarioPacks", "Pack not exported"), str(exc), []
            )
            return None
    dialog = ExportPackDialog(entries, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        paths, title = dialog.chosen_paths(), dialog.title_edit.text()
    finally:
        if parent is not None:  # owned by the parent: free it now rather than with the main window
            dialog.deleteLater()
    return write_pack(parent, paths, title)


# --------------------------------------------------------------------------- import


def import_pack(
    parent: QWidget | None,
    service: ServicesApi | None = None,
    path: Path | None = None,
    *,
    target: Path | None = None,
) -> core_packs.ImportResult | None:
    """Choose a pack, check it, settle conflicts, install it all-or-nothing, report."""
    path = path or choose_pack_to_import(parent)
    if path is None:
        return None
    title = QCoreApplication.translate("ScenarioPacks", "Pack not imported")
    builtin_ids: set[str] = set()

    def ask(conflicts: Sequence[core_packs.Conflict]) -> core_packs.ConflictPolicy:
        builtin_ids.update(c.scenario_id for c in conflicts if c.builtin)
        return ask_conflict_policy(parent, conflicts)

    checking = QCoreApplication.translate("ScenarioPacks", "Checking the pack…")
    outcome = run_with_progress(
        parent,
        checking,
        lambda token: core_packs.read_pack(path, should_stop=token.cancelled, on_progress=token.report),
    )  # off the UI thread: a large pack takes seconds to check
    if outcome.cancelled:
        return None
    try:
        if outcome.error is not None:
            raise outcome.error
        pack = outcome.result
        assert pack is not None
    except core_packs.PackError as exc:
        # "…cannot be imported:" introduces the list below it; say first that nothing changed.
        message = (
            exc.message.rstrip().rstrip(":")
            + ". "
            + QCoreApplication.translate("ScenarioPacks", "Nothing was changed.")
        )
        show_problems(parent, title, message, exc.problems)
        return None
    chosen = target

    def survey() -> tuple[Path, dict[str, Path], list[core_packs.Conflict]]:
        """Off the UI thread: the folder, the built-ins, and the conflicts to ask about."""
        folder = chosen or user_scenarios_dir()
        folder.mkdir(parents=True, exist_ok=True)
        bundled = {e.id: e.path for e in load_catalogue([], include_bundled=True) if e.ok}
        conflicts = core_packs.find_conflicts(pack, folder, bundled)
        return folder, bundled, [c for c in conflicts if not c.identical]

    installing = QCoreApplication.translate("ScenarioPacks", "Installing the pack…")
    try:
        target, bundled, conflicts = FileWorkBusy().run(parent, checking, survey)
        # Asked here, on the UI thread; a conflict that appears meanwhile is skipped, not replaced.
        policy: core_packs.ConflictPolicy = ask(conflicts) if conflicts else "skip"
        if policy == "cancel":
            return core_packs.ImportResult(cancelled=True)
        result = FileWorkBusy().run(
            parent,
            installing,
            lambda: core_packs.install_pack(pack, target, library=bundled, on_conflict=policy),
        )
    except FileWorkCancelled:
        show_problems(
            parent,
            title,
            QCoreApplication.translate(
                "ScenarioPacks",
                "Cancelled: the drive did not answer. The pack is installed all or nothing; "
                "the library shows which it was once the drive answers.",
            ),
            [],
        )
        return None
    except OSError as exc:
        show_problems(
            parent,
            title,
            QCoreApplication.translate(
                "ScenarioPacks", "The scenarios could not be written. Nothing was changed."
            ),
            [str(exc)],
        )
        return None
    if result.cancelled:
        return result
    lines = [QCoreApplication.translate("ScenarioPacks", "Pack “%1”.").replace("%1", pack.manifest.title)]
    for label, ids in (
        (QCoreApplication.translate("ScenarioPacks", "Installed"), result.installed),
        (
            QCoreApplication.translate("ScenarioPacks", "Replaced"),
            [i for i in result.replaced if i not in builtin_ids],
        ),
        (
            QCoreApplication.translate(
                "ScenarioPacks",
                "Installed as your own copy in place of the built-in "
                "(delete the copy to get the built-in back)",
            ),
            [i for i in result.replaced if i in builtin_ids],
        ),
        (QCoreApplication.translate("ScenarioPacks", "Skipped"), result.skipped),
        (QCoreApplication.translate("ScenarioPacks", "Already up to date"), result.unchanged),
    ):
        if ids:
            lines.append(f"{label}: {', '.join(ids)}")
    lines.append(QCoreApplication.translate("ScenarioPacks", "Folder: %1").replace("%1", str(target)))
    show_info(parent, QCoreApplication.translate("ScenarioPacks", "Pack imported"), "\n".join(lines))
    # The main window reloads its library after this tool returns.
    return result
