"""Code a recorded Balint session: play a local recording, mark moments by key, rate globally.

Keyboard-first, like a coding tool: 1–9 and 0 mark the current time with a competency,
Space plays/pauses, Left/Right seek 5 s, Ctrl+Return keeps the note of the selected moment,
Delete removes it, Ctrl+S saves. The recording stays where it is: only its SHA-256
(streamed on a worker thread), duration and file name are stored.

QtMultimedia (PySide6-Addons, the ``media`` extra) is imported only when this window opens;
without it the time field (``mm:ss``) is the cursor the same keys mark.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core import recorded_session as rs
from balint_trainer.gui.reading import digits
from balint_trainer.gui.worker import run_in_background

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

SPEEDS = (0.75, 1.0, 1.25, 1.5)
SEEK_S = 5.0
MEDIA_FILTER = "*.wav *.mp3 *.m4a *.ogg *.oga *.opus *.flac *.mp4 *.m4v *.mov *.mkv *.webm *.avi"


def import_multimedia() -> Any:
    """PySide6.QtMultimedia, or None when the optional extra is not installed (tests patch this)."""
    try:
        from PySide6 import QtMultimedia
    except ImportError:
        return None
    return QtMultimedia


def _video_widget(parent: QWidget) -> Any:
    try:
        from PySide6.QtMultimediaWidgets import QVideoWidget
    except ImportError:
        return None
    return QVideoWidget(parent)


class RecordingCoder(QDialog):
    """One coding of one recording of a group ``trainee`` led, by ``supervisor_id``.

    With ``editing`` (a stored coding) it reopens that coding: marks, ratings and notes are
    changed and saved in place (services.recorded_sessions.update); opening the recording
    again to play it is optional and must be the same file (same checksum).
    """

    loaded = Signal()  # checksum (and duration) known
    saved = Signal(object)  # the stored core.recorded_session.RecordedSession

    def __init__(
        self,
        service: ServicesApi,
        trainee: Any,
        supervisor_id: int,
        parent: QWidget | None = None,
        *,
        audio: bool = True,
        editing: rs.RecordedSession | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._trainee = trainee
        self._supervisor_id = supervisor_id
        self._info: rs.RecordingInfo | None = None
        self._duration_s: float | None = None
        self._moments: list[rs.Moment] = []
        self._task: Any = None
        self._editing = editing
        self._playable = False  # a recording is loaded in the player (not just known by name)
        self.media = import_multimedia()
        self.player: Any = None
        self.audio_output: Any = None
        self.setObjectName("RecordingCoder")
        self.setWindowTitle(self.tr("Code a recorded session — %1").replace("%1", trainee.name))
        self.resize(1100, 760)
        self._build(audio)
        self._shortcuts()
        if editing is not None:
            self._load_coding(editing)
        self._update_enabled()

    # ------------------------------------------------------------------ layout

    def _build(self, audio: bool) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open recording…"), self)
        self.open_button.setToolTip(
            self.tr("The file stays where it is; only its checksum and duration are kept")
        )
        self.open_button.clicked.connect(lambda: self.choose_file())
        self.file_label = QLabel(self.tr("No recording open."), self)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setWordWrap(True)
        self.file_label.setAccessibleName(self.tr("Recording"))
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)

        self.video = _video_widget(self) if self.media is not None else None
        if self.video is not None:
            self.video.setMinimumHeight(160)
            self.video.hide()  # shown for recordings with a picture
            layout.addWidget(self.video, 2)

        transport = QHBoxLayout()
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.clicked.connect(self.toggle_play)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName(self.tr("Position in the recording"))
        self.slider.sliderMoved.connect(lambda ms: self.seek_to(ms / 1000))
        time_label = QLabel(self.tr("&Time"), self)
        self.time_edit = QLineEdit("00:00", self)
        self.time_edit.setAccessibleName(self.tr("Time in the recording (mm:ss)"))
        self.time_edit.setToolTip(
            self.tr("Type a time like 12:34 and press Enter; keys 1–9 and 0 then mark it")
        )
        self.time_edit.setMaximumWidth(90)
        self.time_edit.returnPressed.connect(self._time_entered)
        time_label.setBuddy(self.time_edit)
        self.length_label = QLabel("/ —", self)
        speed_label = QLabel(self.tr("S&peed"), self)
        self.speed_combo = QComboBox(self)
        for speed in SPEEDS:
            self.speed_combo.addItem(digits(f"{speed:g}") + "×", speed)
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_combo.setAccessibleName(self.tr("Playback speed"))
        self.speed_combo.currentIndexChanged.connect(self._speed_changed)
        speed_label.setBuddy(self.speed_combo)
        transport.addWidget(self.play_button)
        transport.addWidget(self.slider, 1)
        for item in (time_label, self.time_edit, self.length_label, speed_label, self.speed_combo):
            transport.addWidget(item)
        layout.addLayout(transport)
        self.media_note = QLabel(self)
        self.media_note.setWordWrap(True)
        if self.media is None:
            self.media_note.setText(
                self.tr(
                    "Playback is not available here (install the 'media' extra, PySide6-Addons). "
                    "Play the recording elsewhere and type the time: the keys mark that time."
                )
            )
        else:
            self.media_note.hide()
        layout.addWidget(self.media_note)

        keys = QLabel(self)
        keys.setWordWrap(True)
        keys.setTextFormat(Qt.TextFormat.PlainText)
        keys.setText(
            self.tr("Mark the current time:")
            + "  "
            + "   ".join(f"{self.key_for(c)} {rs.coding_label(c)}" for c in rs.CODING_KEYS)
            + "\n"
            + self.tr(
                "Space play/pause · Left/Right seek 5 s · Ctrl+Return keep note · Delete remove · Ctrl+S save"
            )
        )
        keys.setAccessibleName(self.tr("Coding keys"))
        layout.addWidget(keys)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(split, 3)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        moments_label = QLabel(self.tr("&Moments"), left)
        self.moments_table = QTableWidget(0, 4, left)
        self.moments_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Competency"), self.tr("Rating"), self.tr("Note")]
        )
        self.moments_table.setAccessibleName(self.tr("Marked moments"))
        self.moments_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.moments_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.moments_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.moments_table.setTabKeyNavigation(False)
        self.moments_table.verticalHeader().hide()
        self.moments_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.moments_table.currentCellChanged.connect(lambda *_a: self._show_moment())
        moments_label.setBuddy(self.moments_table)
        left_layout.addWidget(moments_label)
        left_layout.addWidget(self.moments_table, 1)
        detail = QFormLayout()
        self.moment_rating = QComboBox(left)
        self.moment_rating.setAccessibleName(self.tr("Rating of the selected moment"))
        self._fill_ratings(self.moment_rating)
        self.moment_rating.currentIndexChanged.connect(lambda _i: self._store_moment(note=False))
        self.moment_note = QPlainTextEdit(left)
        self.moment_note.setAccessibleName(self.tr("Note on the selected moment (Ctrl+Return keeps it)"))
        self.moment_note.setTabChangesFocus(True)
        self.moment_note.setMaximumHeight(90)
        detail.addRow(self.tr("&Rating"), self.moment_rating)
        detail.addRow(self.tr("N&ote (Ctrl+Return)"), self.moment_note)
        left_layout.addLayout(detail)

        right = QScrollArea(split)
        right.setWidgetResizable(True)
        box = QGroupBox(self.tr("&Global rating per competency"), right)
        grid = QGridLayout(box)
        self.global_combos: dict[str, QComboBox] = {}
        for row, competency in enumerate(rs.CODING_COMPETENCIES):
            name = QLabel(rs.coding_label(competency), box)
            name.setTextFormat(Qt.TextFormat.PlainText)
            combo = QComboBox(box)
            self._fill_ratings(combo)
            combo.setAccessibleName(rs.coding_label(competency))
            good = rs.good_looks_like(competency)
            combo.setToolTip(good)
            combo.setAccessibleDescription(good)
            hint = QLabel(good, box)
            hint.setWordWrap(True)
            hint.setTextFormat(Qt.TextFormat.PlainText)
            hint.setEnabled(False)  # secondary text, in the palette's muted colour
            name.setBuddy(combo)
            grid.addWidget(name, 2 * row, 0)
            grid.addWidget(combo, 2 * row, 1)
            grid.addWidget(hint, 2 * row + 1, 0, 1, 2)
            self.global_combos[competency] = combo
        note_label = QLabel(self.tr("Overall &note"), box)
        self.note_edit = QPlainTextEdit(box)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(self.tr("Overall note"))
        self.note_edit.setMaximumHeight(100)
        note_label.setBuddy(self.note_edit)
        rows = 2 * len(rs.CODING_COMPETENCIES)
        grid.addWidget(note_label, rows, 0, 1, 2)
        grid.addWidget(self.note_edit, rows + 1, 0, 1, 2)
        right.setWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        buttons = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self.tr("&Save coding"), self)
        self.save_button.setToolTip(self.tr("Save to the trainee's record (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())
        close = QPushButton(self.tr("C&lose"), self)
        close.clicked.connect(self.reject)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        if self.media is not None:
            self.player = self.media.QMediaPlayer(self)
            if audio:
                self.audio_output = self.media.QAudioOutput(self)
                self.player.setAudioOutput(self.audio_output)
            if self.video is not None:
                self.player.setVideoOutput(self.video)
            self.player.durationChanged.connect(self._duration_known)
            self.player.positionChanged.connect(self._position_changed)
            self.player.playbackStateChanged.connect(self._state_changed)
            self.player.hasVideoChanged.connect(
                lambda on: self.video is not None and self.video.setVisible(on)
            )
        self.setTabOrder(self.open_button, self.play_button)
        # Enter belongs to the time field (and Return to notes): no button of a dialog may take it.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _fill_ratings(self, combo: QComboBox) -> None:
        combo.addItem("—", None)
        for value in rs.RATING_ANCHORS:
            combo.addItem(f"{value} {rs.anchor_label(value)}", value)

    def _shortcuts(self) -> None:
        def add(sequence: str, slot: Any) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        # Plain keys do not fire while a text field has focus (it takes them): type a time or a note freely.
        for competency in rs.CODING_KEYS:
            add(self.key_for(competency), lambda c=competency: self.mark(c))
        add("Space", self.toggle_play)
        add("Left", lambda: self.seek_by(-SEEK_S))
        add("Right", lambda: self.seek_by(SEEK_S))
        add("Delete", self.remove_moment)
        add("Ctrl+Return", self.keep_note)
        add("Ctrl+Enter", self.keep_note)
        add("Ctrl+S", lambda: self.save())
        add("Ctrl+O", lambda: self.choose_file())

    @staticmethod
    def key_for(competency: str) -> str:
        index = rs.CODING_KEYS.index(competency)
        return str((index + 1) % 10)

    # ------------------------------------------------------------------ recording

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a recording"),
            "",
            self.tr("Recordings (%1);;All files (*)").replace("%1", MEDIA_FILTER),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Checksum (and WAV duration) on a worker thread, then load it into the player."""
        self.file_label.setText(self.tr("Reading %1…").replace("%1", path.name))
        self.open_button.setEnabled(False)
        self._task = run_in_background(
            self,
            lambda: rs.inspect_recording(path),
            self._opened,
            error_title=self.tr("Could not open the recording"),
            on_error=lambda _e: self._update_enabled(),
        )

    def _opened(self, info: rs.RecordingInfo) -> None:
        if self._editing is not None and info.sha256 != self._editing.sha256:
            wrong = self.tr("%1 is not the recording that was coded (its checksum differs).")
            self._show_file()
            self.status_label.setText(wrong.replace("%1", info.path.name))
            return self._update_enabled()
        if self._editing is not None:  # the same recording: the coding stays, now playable
            info = rs.RecordingInfo(info.path, info.sha256, info.duration_s or self._duration_s)
        else:
            self._moments = []
        self._info = info
        self._duration_s = info.duration_s
        self._refresh_moments()
        if self.player is not None:
            self.player.setSource(QUrl.fromLocalFile(str(info.path)))
            self._playable = True
        self._show_file()
        self._update_enabled()
        self.loaded.emit()

    def _load_coding(self, coding: rs.RecordedSession) -> None:
        """Reopen a stored coding: its recording is known by name and checksum only."""
        self.setWindowTitle(self.tr("Edit the coding — %1").replace("%1", self._trainee.name))
        self._info = rs.RecordingInfo(Path(coding.file_name), coding.sha256, coding.duration_s)
        self._duration_s = coding.duration_s
        self._moments = list(coding.moments)
        self._refresh_moments(select=0)
        for competency, rating in coding.global_ratings.items():
            if competency in self.global_combos:
                self.set_global_rating(competency, rating)
        self.note_edit.setPlainText(coding.note)
        self.save_button.setText(self.tr("&Save changes"))
        self.open_button.setToolTip(self.tr("Open the same recording to play it (optional)"))
        self.status_label.setText(
            self.tr("Editing the coding by %1: changes replace it. Open the same recording to play it.").replace(
                "%1", coding.supervisor_name or "—"
            )
        )
        self._show_file()

    def _show_file(self) -> None:
        if self._info is None:
            return
        length = rs.format_time(self._duration_s) if self._duration_s is not None else "—"
        self.file_label.setText(
            self.tr("%1 · %2 · SHA-256 %3…")
            .replace("%1", self._info.path.name)
            .replace("%2", length)
            .replace("%3", self._info.sha256[:12])
        )
        self.length_label.setText(f"/ {length}")
        if self._duration_s:
            self.slider.setRange(0, int(self._duration_s * 1000))

    def _duration_known(self, ms: int) -> None:
        if ms > 0:
            self._duration_s = ms / 1000
            self._show_file()

    def duration_s(self) -> float | None:
        return self._duration_s

    def _position_changed(self, ms: int) -> None:
        self.slider.setValue(ms)
        if not self.time_edit.hasFocus():
            self.time_edit.setText(rs.format_time(ms / 1000))

    def _state_changed(self, _state: Any) -> None:
        playing = self.player is not None and self.player.isPlaying()
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _speed_changed(self, _index: int) -> None:
        if self.player is not None:
            self.player.setPlaybackRate(float(self.speed_combo.currentData()))

    def toggle_play(self) -> None:
        if not self._playable:
            return
        if self.player.isPlaying():
            self.player.pause()
        else:
            self.player.play()

    def current_time(self) -> float:
        """Where the keys mark: the player's position, else the typed time (0 if unreadable)."""
        if self._playable and not self.time_edit.hasFocus():
            return self.player.position() / 1000
        try:
            return rs.parse_time(self.time_edit.text())
        except ValueError:
            return 0.0

    def seek_to(self, seconds: float) -> None:
        limit = self._duration_s if self._duration_s is not None else rs.MAX_DURATION_S
        seconds = min(max(seconds, 0.0), limit)
        self.time_edit.setText(rs.format_time(seconds))
        if self._playable:
            self.player.setPosition(int(seconds * 1000))

    def seek_by(self, delta: float) -> None:
        self.seek_to(self.current_time() + delta)

    def _time_entered(self) -> None:
        try:
            seconds = rs.parse_time(self.time_edit.text())
        except ValueError as exc:
            self.status_label.setText(str(exc))
            return
        self.status_label.clear()
        self.seek_to(seconds)
        self.moments_table.setFocus()  # so that the next key marks, not types

    # ------------------------------------------------------------------ moments

    def mark(self, competency: str) -> None:
        if self._info is None:
            self.status_label.setText(self.tr("Open the recording first."))
            return
        moment = rs.Moment(round(self.current_time(), 3), competency)
        self._moments.append(moment)
        self._moments.sort(key=lambda m: m.seconds)
        self._refresh_moments(select=self._moments.index(moment))
        self.status_label.setText(
            self.tr("Marked %1 at %2")
            .replace("%1", rs.coding_label(competency))
            .replace("%2", rs.format_time(moment.seconds))
        )

    def moments(self) -> list[rs.Moment]:
        return list(self._moments)

    def _refresh_moments(self, select: int | None = None) -> None:
        table = self.moments_table
        table.blockSignals(True)
        table.setRowCount(len(self._moments))
        for row, moment in enumerate(self._moments):
            rating = f"{moment.rating} {rs.anchor_label(moment.rating)}" if moment.rating else ""
            for column, value in enumerate(
                (rs.format_time(moment.seconds), rs.coding_label(moment.competency), rating, moment.note)
            ):
                table.setItem(row, column, QTableWidgetItem(value))
        table.blockSignals(False)
        if select is not None and 0 <= select < len(self._moments):
            table.setCurrentCell(select, 0)
        self._show_moment()

    def _current_row(self) -> int | None:
        row = self.moments_table.currentRow()
        return row if 0 <= row < len(self._moments) else None

    def _show_moment(self) -> None:
        row = self._current_row()
        moment = self._moments[row] if row is not None else None
        self.moment_rating.blockSignals(True)
        self.moment_rating.setCurrentIndex(self.moment_rating.findData(moment.rating) if moment else 0)
        self.moment_rating.blockSignals(False)
        self.moment_note.setPlainText(moment.note if moment else "")
        self.moment_rating.setEnabled(moment is not None)
        self.moment_note.setEnabled(moment is not None)

    def _store_moment(self, *, note: bool) -> None:
        row = self._current_row()
        if row is None:
            return
        old = self._moments[row]
        self._moments[row] = rs.Moment(
            old.seconds,
            old.competency,
            self.moment_rating.currentData(),
            self.moment_note.toPlainText().strip() if note else old.note,
        )
        self._refresh_moments(select=row)

    def set_moment_rating(self, rating: int | None) -> None:
        self.moment_rating.setCurrentIndex(self.moment_rating.findData(rating))

    def keep_note(self) -> None:
        self._store_moment(note=True)
        self.moments_table.setFocus()

    def remove_moment(self) -> None:
        row = self._current_row()
        if row is None or self.moment_note.hasFocus() or self.note_edit.hasFocus():
            return
        del self._moments[row]
        self._refresh_moments(select=min(row, len(self._moments) - 1))

    # ------------------------------------------------------------------ saving

    def set_global_rating(self, competency: str, rating: int | None) -> None:
        combo = self.global_combos[competency]
        combo.setCurrentIndex(combo.findData(rating))

    def coded(self) -> rs.RecordedSession:
        if self._info is None:
            raise rs.CodingError(QCoreApplication.translate("RecordingCoder", "Open the recording first."))
        ratings = {c: combo.currentData() for c, combo in self.global_combos.items() if combo.currentData()}
        last = max((m.seconds for m in self._moments), default=0.0)
        return rs.RecordedSession(
            file_name=self._info.path.name,
            sha256=self._info.sha256,
            duration_s=self._duration_s if self._duration_s is not None else last,
            moments=tuple(self._moments),
            global_ratings=ratings,
            note=self.note_edit.toPlainText(),
        )

    def save(self) -> None:
        try:
            coded = self.coded()
            rs.check(coded)
        except rs.CodingError as exc:
            self.status_label.setText(str(exc))
            return
        self.save_button.setEnabled(False)
        trainee_id, supervisor_id = self._trainee.id, self._supervisor_id
        editing_id = self._editing.id if self._editing is not None else None  # a stored coding has an id
        self._task = run_in_background(
            self,
            lambda: (
                self._service.review.update_recorded_session(editing_id, supervisor_id, coded)
                if editing_id is not None
                else self._service.review.save_recorded_session(trainee_id, supervisor_id, coded)
            ),
            self._saved,
            error_title=self.tr("Could not save the coding"),
            on_error=lambda _e: self._update_enabled(),
        )

    def _saved(self, stored: rs.RecordedSession) -> None:
        if self._editing is not None:
            self._editing = stored
        self.status_label.setText(self.tr("Saved to %1's record.").replace("%1", self._trainee.name))
        self._update_enabled()
        self.saved.emit(stored)

    def show_error(self, title: str, detail: str) -> None:
        """The worker seam's one error path (tests replace it to record instead of blocking)."""
        from balint_trainer.gui import plain_text

        self.status_label.setText(f"{title}: {detail}")
        plain_text.warning(self, title, detail)

    def _update_enabled(self) -> None:
        has_file = self._info is not None
        self.open_button.setEnabled(True)
        self.play_button.setEnabled(self._playable)
        self.slider.setEnabled(self._playable)
        self.save_button.setEnabled(has_file)

    def done(self, result: int) -> None:
        if self.player is not None:
            self.player.stop()
        super().done(result)
