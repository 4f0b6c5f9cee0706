"""Remote expert annotation in the GUI.

Organiser (the annotation window's organiser view): *Export request…* writes a blind
annotation request per expert; *Import annotation files…* (several at once, or files
dropped on the window) imports the experts' answers, each file on its own, and the
agreement table is refreshed. Expert (*File → Open annotation request…*, or a request
file dropped on the main window): :class:`RequestAnnotationWindow`, the same annotation
page working against the request, saving each answer on this computer as it goes
(:mod:`balint_trainer.core.annotation_progress`), and *Export annotations…*.

Reading, writing and importing run off the UI thread (:mod:`balint_trainer.gui.worker`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.annotation_exchange import ANNOTATIONS_SUFFIX, REQUEST_SUFFIX, default_file_stem
from balint_trainer.core.annotation_progress import RequestWork
from balint_trainer.core.catalogue import CatalogueEntry
from balint_trainer.gui.authoring.annotation import AnnotationWindow
from balint_trainer.gui.reading import number, plural
from balint_trainer.gui.worker import Task, run_in_background


def dropped_json(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [Path(f) for f in files if f.lower().endswith(".json")]


# --------------------------------------------------------------------------- organiser


@dataclass(frozen=True)
class RequestPlan:
    """What the organiser chose: scenarios, names, and a file (one expert) or a folder."""

    entries: list[CatalogueEntry]
    organiser: str
    experts: list[str]
    target: Path


class RequestDialog(QDialog):
    def __init__(
        self, parent: QWidget, entries: Sequence[CatalogueEntry], current: str | None, organiser: str
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export annotation request"))
        self.scenarios = QListWidget()
        self.scenarios.setAccessibleName(self.tr("Scenarios to annotate"))
        for entry in entries:
            item = QListWidgetItem(f"{entry.title} [{entry.id}]")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.id == current else Qt.CheckState.Unchecked)
            self.scenarios.addItem(item)
        self.organiser = QLineEdit(organiser)
        self.organiser.setAccessibleName(self.tr("Your name"))
        self.experts = QPlainTextEdit()
        self.experts.setTabChangesFocus(True)
        self.experts.setAccessibleName(self.tr("Experts, one name per line"))
        self.experts.setPlaceholderText(self.tr("One expert per line; each gets their own request file"))
        form = QFormLayout()  # addRow(text, widget) makes each label the field's buddy (Alt keys)
        form.addRow(self.tr("&Scenarios (Space ticks):"), self.scenarios)
        form.addRow(self.tr("Your &name:"), self.organiser)
        form.addRow(self.tr("E&xperts:"), self.experts)
        note = QLabel(
            self.tr(
                "Each expert gets the case, the transcript, the prompts and the options only: "
                "no key, votes, feedback, rationale or consequences."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def chosen_ids(self) -> list[str]:
        items = (self.scenarios.item(row) for row in range(self.scenarios.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def expert_names(self) -> list[str]:
        names = [line.strip() for line in self.experts.toPlainText().splitlines()]
        return list(dict.fromkeys(n for n in names if n))


def ask_plan(window: AnnotationWindow) -> RequestPlan | None:
    """The organiser's choices in a dialog, then the file (one expert) or folder (several)."""
    # The name loaded with the experts (off the UI thread): no database read here.
    organiser = window.expert_name() or ""
    current = window.entry()
    dialog = RequestDialog(window, window.entries, current.id if current else None, organiser)
    try:
        while True:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            ids, experts = dialog.chosen_ids(), dialog.expert_names()
            name = dialog.organiser.text().strip()
            if ids and experts and name:
                break
            window.show_error(
                QCoreApplication.translate("AnnotationExchange", "Export annotation request"),
                QCoreApplication.translate(
                    "AnnotationExchange",
                    "Tick at least one scenario, give your name and at least one expert's name.",
                ),
            )
    finally:
        dialog.deleteLater()
    entries = [e for e in window.entries if e.id in ids]
    if len(experts) == 1:
        default = Path.home() / f"{default_file_stem(experts[0])}{REQUEST_SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(
            window,
            QCoreApplication.translate("AnnotationExchange", "Save the request for %1").replace(
                "%1", experts[0]
            ),
            str(default),
            QCoreApplication.translate("AnnotationExchange", "Annotation requests (*.json)"),
        )
        if not chosen:
            return None
        if not chosen.lower().endswith(".json"):  # a name typed without the extension
            chosen += REQUEST_SUFFIX
        return RequestPlan(entries, name, experts, Path(chosen))
    folder = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("AnnotationExchange", "Choose a folder for the request files")
    )
    return RequestPlan(entries, name, experts, Path(folder)) if folder else None


def ask_annotation_files(window: QWidget) -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(
        window,
        QCoreApplication.translate("AnnotationExchange", "Import annotation files"),
        str(Path.home()),
        QCoreApplication.translate("AnnotationExchange", "Annotation files (*.json);;All files (*)"),
    )
    return [Path(c) for c in chosen]


class OrganiserExchange(QObject):
    """Request export and annotation import, added to an annotation window's organiser view."""

    requests_written = Signal(list)  # paths
    imported = Signal(list)  # per file: (path, AnnotationImport or None, error text)
    # Replaceable in tests (dialogs block).
    plan_prompt = staticmethod(ask_plan)
    files_prompt = staticmethod(ask_annotation_files)

    def __init__(self, window: AnnotationWindow, buttons: QHBoxLayout) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.request_button = QPushButton(self.tr("Export re&quest…"))
        self.request_button.setAccessibleName(self.tr("Export a blind annotation request for experts"))
        self.request_button.clicked.connect(lambda: self.export_requests())
        self.import_button = QPushButton(self.tr("&Import annotation files…"))
        self.import_button.setAccessibleName(self.tr("Import experts' annotation files"))
        self.import_button.setToolTip(self.tr("Several files at once; or drop them on this window"))
        self.import_button.clicked.connect(lambda: self.import_files())
        buttons.insertWidget(1, self.request_button)
        buttons.insertWidget(2, self.import_button)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _organiser(self) -> bool:
        return self.window.tabs.isTabEnabled(1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            paths = dropped_json(event)
            if not paths or not self._organiser():
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                # After the drop returns: a message shown inside it would hold the file manager.
                QTimer.singleShot(0, lambda: self.import_files(paths))
            return True
        return False

    def export_requests(self, plan: RequestPlan | None = None) -> Task | None:
        if plan is None:
            plan = type(self).plan_prompt(self.window)
        if plan is None:
            return None
        service = self.window.service
        # The organiser's database, never a remote request (not isinstance(…, ServicesApi), which
        # on Python 3.11 reads every role: see annotation.py).
        assert not isinstance(service, RequestWork)
        loaded = [e.loaded for e in plan.entries]

        def work() -> list[Path]:
            if len(plan.experts) == 1 and not plan.target.is_dir():  # one expert: the file chosen
                targets = [plan.target]
            else:
                targets, taken = [], set()
                for expert in plan.experts:
                    stem = default_file_stem(expert)
                    target, number = plan.target / f"{stem}{REQUEST_SUFFIX}", 2
                    while target in taken or target.exists():
                        target, number = plan.target / f"{stem}-{number}{REQUEST_SUFFIX}", number + 1
                    taken.add(target)
                    targets.append(target)
            for expert, target in zip(plan.experts, targets, strict=True):
                service.annotations.export_annotation_request(
                    loaded, organiser=plan.organiser, expert=expert, path=target
                )
            return targets

        def done(paths: list[Path]) -> None:
            listing = "\n".join(str(p) for p in paths)
            self.window.statusBar().showMessage(plural(self.tr("%n request file(s) written", "", len(paths)), len(paths)), 10000)
            self.window.show_info(
                self.tr("Export annotation request"),
                self.tr(
                    "Written:\n%1\n\nSend each expert their file. They open it with File → Open annotation "
                    "request… (or drop it on the app), annotate, and send back the annotation file they export."
                ).replace("%1", listing),
            )
            self.requests_written.emit(paths)

        self.task = run_in_background(self.window, work, done, error_title=self.tr("Request not exported"))
        return self.task

    def import_files(self, paths: Sequence[Path] | None = None) -> Task | None:
        if paths is None:
            paths = type(self).files_prompt(self.window)
        if not paths:
            return None
        service = self.window.service
        # The organiser's database, never a remote request (not isinstance(…, ServicesApi), which
        # on Python 3.11 reads every role: see annotation.py).
        assert not isinstance(service, RequestWork)
        chosen = [Path(p) for p in paths]

        def work() -> list[tuple[Path, Any, str]]:
            results: list[tuple[Path, Any, str]] = []
            for path in chosen:
                try:
                    results.append((path, service.annotations.import_annotations(path), ""))
                except Exception as exc:  # AnnotationImportError lists every problem; nothing was written
                    from balint_trainer.gui.worker import error_text

                    results.append((path, None, error_text(exc)))
            return results

        self.task = run_in_background(self.window, work, self._imported, error_title=self.tr("Import failed"))
        return self.task

    def _imported(self, results: list[tuple[Path, Any, str]]) -> None:
        lines = []
        for path, report, error in results:
            if report is None:
                lines.append(
                    self.tr("%1: not imported, nothing changed.").replace("%1", path.name) + "\n" + error
                )
                continue
            line = (
                plural(
                    self.tr("%1: %2 — %n vote(s) added, %3 replaced by newer ones, %4 unchanged.", "", report.added),
                    report.added,
                )
                .replace("%1", path.name)
                .replace("%2", report.expert)
                .replace("%3", number(report.replaced))
                .replace("%4", number(report.unchanged))
            )
            if report.kept_newer:
                line += " " + self.tr("%1 kept: newer votes of this expert are already here.").replace(
                    "%1", str(report.kept_newer)
                )
            if report.profile == "created":
                line += " " + self.tr("A new expert profile was created.")
            lines.append(line)
        versions = [v for _p, report, _e in results if report is not None for v in report.versions]
        if versions:
            current = self.window.entry()
            if current is None or current.id not in {sid for sid, _sha in versions}:
                self.window.select_scenario(versions[0][0])  # show agreement where the votes went
            library = {e.id: e.sha256 for e in self.window.entries}
            stale = sorted({sid for sid, sha in versions if sid in library and library[sid] != sha})
            if stale:
                lines.append(
                    self.tr(
                        "Note: votes for %1 are for the version you sent, which differs from the file in "
                        "your library now; this view shows the library's version, so those votes are "
                        "stored but not shown or merged here."
                    ).replace("%1", ", ".join(stale))
                )
        done = sum(r is not None for _p, r, _e in results)
        status = (
            plural(self.tr("Imported %1 of %n annotation file(s).", "", len(results)), len(results))
            .replace("%1", number(done))
        )
        self.window.statusBar().showMessage(status, 10000)
        self.window.reload_experts()
        self.window.refresh_organiser()
        text = status + "\n\n" + "\n\n".join(lines)
        if done < len(results):
            self.window.show_error(self.tr("Import annotation files"), text)
        else:
            self.window.show_info(self.tr("Import annotation files"), text)
        self.imported.emit(results)


def install_organiser_exchange(window: AnnotationWindow, buttons: QHBoxLayout) -> OrganiserExchange:
    return OrganiserExchange(window, buttons)


# --------------------------------------------------------------------------- expert


class RequestAnnotationWindow(AnnotationWindow):
    """The annotation page working against a request; answers are saved on this computer."""

    exported = Signal(str)
    organiser_exchange = False
    export_path_prompt: Any = None  # tests set a callable(window, default) -> str | None

    def __init__(self, parent: QWidget | None, work: Any) -> None:
        self.work = work
        entries = [CatalogueEntry(Path(v.loaded.filename), v.loaded, False) for v in work.checked.versions]
        super().__init__(parent, work, entries)
        request = work.request
        self.setWindowTitle(self.tr("Annotation request from %1").replace("%1", request.organiser))
        self.new_expert_button.hide()
        self.tabs.setTabVisible(1, False)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setAccessibleName(self.tr("Annotation progress"))
        self.export_button = QPushButton(self.tr("Expor&t annotations…"))
        self.export_button.setAccessibleName(self.tr("Export your annotations for the organiser"))
        self.export_button.setToolTip(self.tr("Ctrl+E"))
        self.export_button.clicked.connect(lambda: self.export_annotations())
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(lambda: self.export_annotations())
        row = QHBoxLayout()
        row.addWidget(self.progress_label, 1)
        row.addWidget(self.export_button)
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertLayout(0, row)
        self.saved.connect(lambda _decision: self._show_progress())
        self._show_progress()
        if work.recovered:
            QTimer.singleShot(
                0,
                lambda: self.show_error(
                    self.tr("Earlier answers set aside"),
                    self.tr(
                        "Your earlier answers to this request could not be read and were kept aside; "
                        "you start afresh.\n\n%1"
                    ).replace("%1", work.recovered),
                ),
            )

    def _fill_experts(self, account: Any, profiles: list[Any], current: Any) -> None:
        super()._fill_experts(account, profiles, current)
        if self.expert_combo.count():  # the request's expert only, by name
            self.expert_combo.setItemText(0, self.work.request.expert)

    def _show_progress(self) -> None:
        work = self.work
        text = (
            self.tr("For %1 from %2 · %3 of %4 decisions answered · saved on this computer as you go")
            .replace("%1", work.request.expert)
            .replace("%2", work.request.organiser)
            .replace("%3", number(work.answered))
            .replace("%4", number(work.total))
        )
        if work.answered and work.answered >= work.total:
            text += " · " + self.tr(
                "all done: export your annotations (Ctrl+E) and send the file to %1"
            ).replace("%1", work.request.organiser)
        self.progress_label.setText(text)
        self.export_button.setEnabled(work.answered > 0)

    def export_annotations(self, path: str | Path | None = None) -> Task | None:
        work = self.work
        if not work.answered:
            return None
        if path is None:
            default = str(Path.home() / f"{default_file_stem(work.request.expert)}{ANNOTATIONS_SUFFIX}")
            prompt = type(self).export_path_prompt
            if prompt is not None:
                chosen = prompt(self, default)
            else:
                chosen, _ = QFileDialog.getSaveFileName(
                    self, self.tr("Export your annotations"), default, self.tr("Annotation files (*.json)")
                )
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".json") else chosen + ANNOTATIONS_SUFFIX
        target = Path(path)

        def done(_data: Any) -> None:
            message = (
                self.tr("%1 of %2 decisions exported to %3. Send this file to %4.")
                .replace("%1", number(work.answered))
                .replace("%2", number(work.total))
                .replace("%3", str(target))
                .replace("%4", work.request.organiser)
            )
            self.statusBar().showMessage(message, 10000)
            self.show_info(self.tr("Annotations exported"), message)
            self.exported.emit(str(target))

        return run_in_background(
            self, lambda: work.export(target), done, error_title=self.tr("Annotations not exported")
        )


def ask_request_path(parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("AnnotationExchange", "Open annotation request"),
        str(Path.home()),
        QCoreApplication.translate("AnnotationExchange", "Annotation requests (*.json);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def open_annotation_request(parent: QWidget, path: str | Path | None = None) -> Task | None:
    """Read and check the request off the UI thread, then show it in its annotation window.
    The window is also reachable as ``parent.request_window`` once shown."""
    if path is None:
        path = ask_request_path(parent)
        if path is None:
            return None
    chosen = Path(path)

    def work() -> Any:
        from balint_trainer.core.annotation_progress import open_request

        return open_request(chosen)

    def show(request_work: Any) -> None:
        # One window per request: two would each save their own answers over the other's.
        for existing in parent.findChildren(RequestAnnotationWindow):
            if existing.work.request.request_id == request_work.request.request_id:
                existing.show()
                existing.raise_()
                existing.activateWindow()
                parent.request_window = existing  # type: ignore[attr-defined]
                return
        window = RequestAnnotationWindow(parent, request_work)
        window.setWindowFlag(Qt.WindowType.Window, True)
        # Closed means gone: opening the request again reads the saved answers afresh.
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        parent.request_window = window  # type: ignore[attr-defined]
        window.show()

    return run_in_background(
        parent,
        work,
        show,
        error_title=QCoreApplication.translate("AnnotationExchange", "Annotation request not opened"),
    )
