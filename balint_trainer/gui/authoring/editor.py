"""Scenario editor: YAML with highlighting, outline, live validation, preview and play-test.

The text is the source of truth; the outline, the problem list and the preview
are rebuilt from it after a short pause in typing (debounced), so typing stays
fluid even in long files. Saving is atomic (temp file + ``os.replace``), and
closing with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.fileio import atomic_write_bytes
from balint_trainer.core.problems import Problem
from balint_trainer.core.untrusted import EDITABLE_BYTES, UntrustedInputError, read_limited
from balint_trainer.core.validation import LoadedScenario, load_scenario_bytes, load_scenario_file
from balint_trainer.gui import plain_text
from balint_trainer.gui.authoring.code_editor import CodeEditor, YamlHighlighter
from balint_trainer.gui.authoring.editor_audit import audit_warnings
from balint_trainer.gui.authoring.editor_panels import (
    COLUMN_ROLE,
    LINE_ROLE,
    ProblemModel,
    build_outline,
    preview_html,
)
from balint_trainer.gui.authoring.editor_template import TEMPLATE
from balint_trainer.gui.authoring.file_work import FileWorkBusy, FileWorkCancelled
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.reading import plural

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

VALIDATION_DELAY_MS = 300

__all__ = [
    "COLUMN_ROLE",
    "LINE_ROLE",
    "TEMPLATE",
    "ScenarioEditor",
    "atomic_write_text",
    "open_editor",
]


# --------------------------------------------------------------------------- file helpers


def atomic_write_text(path: Path, text: str, *, newline: str = "\n") -> None:
    """Write UTF-8 text atomically, with ``newline`` line endings and the file's mode kept."""
    data = text.replace("\n", newline).encode("utf-8") if newline != "\n" else text.encode("utf-8")
    atomic_write_bytes(path, data)


# --------------------------------------------------------------------------- window


class ScenarioEditor(QMainWindow):
    """Edit one scenario file. ``validated`` fires after each (debounced) validation."""

    validated = Signal(object)  # LoadedScenario
    saved = Signal(str)  # path

    def __init__(
        self, parent: QWidget | None = None, service: ServicesApi | None = None, path: str | Path | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.path: Path | None = None
        self.newline = "\n"
        self.loaded: LoadedScenario | None = None
        self.audit_warnings: list[Problem] = []
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(1200, 800)

        self.editor = CodeEditor()
        self.file_work = FileWorkBusy(self.editor)  # opening or saving: off the UI thread
        self.editor.setAccessibleName(self.tr("Scenario YAML"))
        self.highlighter = YamlHighlighter(self.editor.document(), self.editor.palette())

        self.outline_model = QStandardItemModel(self)
        self.outline = QTreeView()
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setAccessibleName(self.tr("Scenario outline"))
        self.outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outline.clicked.connect(self._jump_to_index)
        self.outline.activated.connect(self._jump_to_index)

        self.problem_model = ProblemModel(self)
        self.problems = QTableView()
        self.problems.setModel(self.problem_model)
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.problems.clicked.connect(self._jump_to_index)
        self.problems.activated.connect(self._jump_to_index)
        self.status_label = QLabel()
        self.status_label.setAccessibleDescription(self.tr("Validation status"))

        from balint_trainer.gui.markdown_view import SafeTextBrowser

        self.preview = SafeTextBrowser(accessible_name=self.tr("Preview"))

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.status_label)
        lower_layout.addWidget(self.problems)
        editor_box = QWidget()  # the text, with the find bar under it
        self.editor_box_layout = QVBoxLayout(editor_box)
        self.editor_box_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_box_layout.addWidget(self.editor)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(editor_box)
        centre.addWidget(lower)
        centre.setStretchFactor(0, 4)
        centre.setStretchFactor(1, 1)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.preview, self.tr("&Preview"))
        from balint_trainer.gui.authoring.branch_map import BranchMap

        self.branch_map = BranchMap()
        self.side_tabs.addTab(self.branch_map, self.tr("&Branch map"))
        self.validated.connect(self.branch_map.show_loaded)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.outline)
        splitter.addWidget(centre)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([280, 640, 420])  # the outline's decision names need some width
        self.setCentralWidget(splitter)
        self.setTabOrder(self.editor, self.problems)
        self.setTabOrder(self.problems, self.outline)
        self.setTabOrder(self.outline, self.preview)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(VALIDATION_DELAY_MS)
        self.timer.timeout.connect(self.validate_now)
        self.editor.textChanged.connect(self.timer.start)
        self.editor.document().modificationChanged.connect(self.setWindowModified)

        self._build_actions()
        from balint_trainer.gui.authoring.editor_tools import install

        self.authoring = install(self)  # find/replace, go to line, wrap, decision form, insert, transcripts
        self.editor_box_layout.addWidget(self.authoring.find_bar)
        if path is not None:
            self.open_path(Path(path))
        else:
            self.new_from_template()
        plain_labels(self)  # scenario and user text is never rich text

    # -- actions --------------------------------------------------------------
    def _action(
        self, text: str, slot: Any, shortcuts: Sequence[QKeySequence.StandardKey | str] = ()
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            # Platform standard keys may already include an extra one (Ctrl+Y): duplicates are ambiguous.
            unique: dict[str, QKeySequence] = {}
            for shortcut in shortcuts:
                for sequence in (
                    QKeySequence.keyBindings(shortcut)
                    if isinstance(shortcut, QKeySequence.StandardKey)
                    else [QKeySequence(shortcut)]
                ):
                    unique.setdefault(sequence.toString(), sequence)
            action.setShortcuts(list(unique.values()))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New from Template"), self.on_new, [std.New])
        self.open_action = self._action(self.tr("&Open…"), self.on_open, [std.Open])
        self.save_action = self._action(self.tr("&Save"), self.save, [std.Save])
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_as, [std.SaveAs])
        self.close_action = self._action(self.tr("&Close"), self.close, [std.Close])
        # The text edit handles Ctrl+Z / Ctrl+Shift+Z itself when focused; the actions cover
        # the menu, Ctrl+Y, and focus elsewhere in the window.
        self.undo_action = self._action(self.tr("&Undo"), self.editor.undo, [std.Undo])
        self.redo_action = self._action(
            self.tr("&Redo"), self.editor.redo, [std.Redo, "Ctrl+Shift+Z", "Ctrl+Y"]
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.editor.undoAvailable.connect(self.undo_action.setEnabled)
        self.editor.redoAvailable.connect(self.redo_action.setEnabled)
        self.validate_action = self._action(self.tr("&Validate Now"), self.validate_now, ["F7"])
        self.play_action = self._action(self.tr("&Play-test"), self.play_test, ["F5"])
        self.next_problem_action = self._action(self.tr("&Next Problem"), self.next_problem, ["F8"])

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action, self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        scenario_menu = bar.addMenu(self.tr("&Scenario"))
        for action in (self.validate_action, self.next_problem_action, self.play_action):
            scenario_menu.addAction(action)
        toolbar = self.addToolBar(self.tr("Editor"))
        toolbar.setObjectName("editor-toolbar")
        for action in (self.save_action, self.undo_action, self.redo_action, self.play_action):
            toolbar.addAction(action)

    # -- document -------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.tr("untitled.yaml")

    def set_text(self, text: str, *, path: Path | None, newline: str = "\n") -> None:
        self.path = path
        self.newline = newline
        # setPlainText also resets the undo history: a freshly opened file has nothing to undo.
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self._update_title()
        self.validate_now()

    def new_from_template(self) -> None:
        self.set_text(TEMPLATE, path=None)

    def open_path(self, path: Path) -> bool:
        if self.file_work.active:
            return False

        def read() -> str:
            # read_limited: a pipe or device would hang the worker; off the UI thread: a drive too.
            return read_limited(path, EDITABLE_BYTES).decode("utf-8-sig")

        try:
            text = self.file_work.run(self, self.tr("Opening %1…").replace("%1", path.name), read)
        except FileWorkCancelled:
            self.statusBar().showMessage(self.tr("Opening %1 was cancelled.").replace("%1", str(path)), 8000)
            return False
        except (UntrustedInputError, UnicodeDecodeError, OSError) as exc:
            self.show_error(self.tr("Cannot open %1").replace("%1", str(path)), str(exc))
            return False
        newline = "\r\n" if "\r\n" in text else "\n"
        self.set_text(text.replace("\r\n", "\n"), path=path, newline=newline)
        return True

    def _update_title(self) -> None:
        name = self.display_name
        if self.is_bundled():
            name = self.tr("%1 (built-in, save as your own copy)").replace("%1", name)
        self.setWindowTitle(self.tr("%1[*] — Scenario editor").replace("%1", name))
        self.setWindowModified(self.editor.document().isModified())

    # -- validation -----------------------------------------------------------
    def validate_now(self) -> LoadedScenario:
        self.timer.stop()
        text = self.text
        loaded = load_scenario_bytes(text, self.display_name)
        self.loaded = loaded
        self.audit_warnings = audit_warnings(loaded)  # item-writing audit, valid scenarios only
        rows = [*loaded.problems, *self.audit_warnings]
        self.problem_model.set_rows(rows)
        self.editor.mark_problems(rows)
        errors = len(loaded.errors)
        if loaded.ok and self.audit_warnings:
            self.status_label.setText(
                plural(self.tr("Valid scenario, with %n item-writing warning(s).", "", len(self.audit_warnings)), len(self.audit_warnings))
            )
        elif loaded.ok:
            self.status_label.setText(self.tr("Valid scenario."))
        else:
            self.status_label.setText(plural(self.tr("%n problem(s)", "", errors or len(loaded.problems)), errors or len(loaded.problems)))
        build_outline(self.outline_model, text)
        self.outline.expandToDepth(1)
        try:
            self.preview.set_safe_html(
                preview_html(loaded.scenario, text),
                language=loaded.scenario.language if loaded.scenario else None,
            )
        except Exception as exc:  # a preview glitch must not cost the author their edit
            self.preview.setPlainText(str(exc))
        self.play_action.setEnabled(loaded.ok)
        self.validated.emit(loaded)
        return loaded

    def _jump_to_index(self, index: QModelIndex) -> None:
        line = index.siblingAtColumn(0).data(LINE_ROLE)
        column = index.siblingAtColumn(0).data(COLUMN_ROLE)
        if line is not None:
            self.editor.jump_to(int(line), int(column or 1))

    def next_problem(self) -> None:
        count = self.problem_model.rowCount()
        if not count:
            return
        current = self.problems.currentIndex().row()
        index = self.problem_model.index((current + 1) % count, 0)
        self.problems.setCurrentIndex(index)
        self._jump_to_index(index)

    # -- saving ---------------------------------------------------------------
    # Dialog hooks, replaceable in tests (modal dialogs would block them).
    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open scenario"), str(self.path.parent if self.path else self.default_folder()),
            self.tr("Scenarios (*.yaml *.yml);;All files (*)"),
        )  # fmt: skip
        return Path(name) if name else None

    def is_bundled(self, path: Path | None = None) -> bool:
        """Whether the file ships with the app (read-only: edits are saved as the user's own copy)."""
        path = path or self.path
        if path is None:
            return False
        from balint_trainer.paths import is_bundled_scenario

        return is_bundled_scenario(path)

    def default_folder(self) -> Path:
        """The user's scenario folder: the library loads it, so a saved scenario shows up there."""
        from balint_trainer.paths import user_scenarios_dir

        try:
            return user_scenarios_dir()
        except OSError:
            return Path.home()

    def ask_save_path(self) -> Path | None:
        name = f"{self._scenario_id() or 'scenario'}.yaml"
        if self.path is not None and not self.is_bundled():
            suggested = self.path
        elif self.path is not None:
            # The same place "merge into key" uses: an earlier copy of this scenario, else a
            # file name no other scenario of the user's has (the dialog still asks first).
            # Looked up by the built-in's id: the text may not validate just now, or carry
            # another id, and then an earlier copy, or another scenario's file, was offered.
            from balint_trainer.core.user_copies import free_path, user_copy_path

            built_in, text_id = self.path, self._scenario_id()

            def suggest() -> Path:  # reads the built-in and looks through the user's folder
                original = load_scenario_file(built_in).scenario
                built_in_id = original.id if original is not None else None
                try:
                    if text_id is not None and text_id != built_in_id:
                        # Another id: a new scenario of the user's, never an existing file.
                        return free_path(self.default_folder() / name)
                    return user_copy_path(built_in, built_in_id)
                except OSError:  # no user folder: let the dialog start at home
                    return Path.home() / built_in.name

            found = self._wait_for_file(self.tr("Looking for your copy…"), suggest)
            if found is None:
                return None
            suggested = found
        else:
            suggested = self.default_folder() / name
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save scenario"), str(suggested), self.tr("Scenarios (*.yaml *.yml)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in (".yaml", ".yml") else path.with_suffix(".yaml")

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton
        return plain_text.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("%1 has unsaved changes. Save them?").replace("%1", self.display_name),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )

    def show_error(self, title: str, detail: str) -> None:
        plain_text.warning(self, title, detail)

    def _scenario_id(self) -> str | None:
        return self.loaded.scenario.id if self.loaded and self.loaded.scenario else None

    def _wait_for_file(self, label: str, work: Callable[[], Any]) -> Any | None:
        """``work()`` off the UI thread (see file_work); None when cancelled or failed (said)."""
        try:
            return self.file_work.run(self, label, work)
        except FileWorkCancelled:
            return None
        except Exception as exc:
            self.show_error(self.tr("Cannot save"), str(exc))
            return None

    def save(self) -> bool:
        if self.file_work.active:  # saving or opening already: one at a time
            return False
        if self.path is None:
            return self.save_as()
        if self.is_bundled():
            # Overwriting a built-in scenario would change it for everyone and be lost on update.
            self.statusBar().showMessage(
                self.tr("Built-in scenarios are read-only: save your version in your own scenario folder."),
                8000,
            )
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        if self.file_work.active:
            return False
        path = self.ask_save_path()
        if path is None:
            return False
        return self._write(path)

    def _write(self, path: Path) -> bool:
        if self.is_bundled(path):
            self.show_error(
                self.tr("Cannot save %1").replace("%1", str(path)),
                self.tr("Built-in scenarios are read-only. Save your version under another folder."),
            )
            return False
        built_in = self.path if self.is_bundled() else None
        text, newline = self.text, self.newline

        def write() -> str | None:
            atomic_write_text(path, text, newline=newline)
            original = load_scenario_file(built_in).scenario if built_in is not None else None
            return original.id if original is not None else None

        try:
            built_in_id = self.file_work.run(self, self.tr("Saving %1…").replace("%1", path.name), write)
        except FileWorkCancelled:  # the drive does not answer: the text stays, still unsaved
            self.show_error(
                self.tr("Cannot save %1").replace("%1", str(path)),
                self.tr("Saving did not finish. Your text is kept here; save it again, or elsewhere."),
            )
            return False
        except OSError as exc:
            self.show_error(self.tr("Cannot save %1").replace("%1", str(path)), exc.strerror or str(exc))
            return False
        self.path = path
        self.editor.document().setModified(False)
        self._update_title()
        loaded = self.validate_now()
        message = self.tr("Saved %1.").replace("%1", str(path))
        if built_in_id is not None and loaded.scenario is not None and built_in_id == loaded.scenario.id:
            message += " " + self.tr("The built-in file is unchanged; your copy takes its place in your library.")
        if not loaded.ok:
            message += " " + self.tr(
                "The scenario still has problems; it will not appear in the library until fixed."
            )
        self.statusBar().showMessage(message, 8000)
        self.saved.emit(str(path))
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current text (saved, discarded, or unchanged)."""
        if self.file_work.active:  # being saved or replaced just now
            return False
        if not self.editor.document().isModified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def on_new(self) -> None:
        if self.maybe_save():
            self.new_from_template()

    def on_open(self) -> None:
        if not self.maybe_save():
            return
        path = self.ask_open_path()
        if path is not None:
            self.open_path(path)

    def changeEvent(self, event: QEvent) -> None:
        # Follow a switch between the system's light and dark palettes.
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.palette())
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()

    # -- play-test ------------------------------------------------------------
    def play_test(self) -> QDialog | None:
        """Play the current (possibly unsaved) text in the trainee player; nothing is recorded."""
        loaded = self.validate_now()
        if not loaded.ok or loaded.scenario is None:
            self.show_error(
                self.tr("Cannot play-test"), self.tr("Fix the problems listed below the editor first.")
            )
            return None
        from balint_trainer.core.option_order import new_seed
        from balint_trainer.core.session import PracticeSession

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Play-test: %1").replace("%1", loaded.scenario.title))
        dialog.resize(1000, 700)
        layout = QVBoxLayout(dialog)
        # Shuffled as a trainee would see it (each play-test its own order).
        session = PracticeSession(loaded.scenario, "practice", seed=new_seed())
        player_class: Any = None
        try:
            from balint_trainer.gui.practice import player as player_module

            player_class = getattr(player_module, "PlayerView", None)
        except ImportError:
            pass
        if player_class is not None:
            player = player_class(dialog)
            player.start(session, loaded.scenario.title)
            if hasattr(player, "leave_requested"):
                player.leave_requested.connect(dialog.accept)
            layout.addWidget(player)
            dialog.player = player  # type: ignore[attr-defined]
        else:  # pragma: no cover - the player ships with the app
            from balint_trainer.gui.markdown_view import SafeTextBrowser

            reader = SafeTextBrowser(dialog, accessible_name=self.tr("Read-through"))
            reader.set_markdown(loaded.scenario.case, language=loaded.scenario.language)
            layout.addWidget(reader)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def open_editor(
    parent: QWidget | None, service: ServicesApi | None = None, path: str | Path | None = None
) -> ScenarioEditor:
    window = ScenarioEditor(parent, service, path)
    window.setWindowFlag(Qt.WindowType.Window, True)
    reload_library = getattr(parent, "reload_library", None)
    if callable(reload_library):  # a saved scenario shows up in the library at once
        window.saved.connect(lambda _path: reload_library())
    window.show()
    return window
