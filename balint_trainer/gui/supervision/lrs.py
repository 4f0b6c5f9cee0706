"""The course's LRS in the supervisor window: settings, background sending, and the queue's state.

Per course (database), the endpoint, user name and mastery score are kept in the settings; the
password only in the system keyring, or — without a usable keyring — in memory for this session
(the dialog says which). Every database, keyring and network call runs on a worker thread
(:mod:`balint_trainer.gui.worker`); a timer sends what is due every half minute.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.gui.local_time import when_text
from balint_trainer.gui.reading import number
from balint_trainer.gui.worker import run_in_background
from balint_trainer.reports.xapi import DEFAULT_HOME_PAGE, DEFAULT_MASTERY
from balint_trainer.services.lrs import (
    LrsQueue,
    LrsSender,
    LrsSettings,
    QueueCounts,
    QueueItem,
    normalise_endpoint,
)

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

def run_quietly(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """``work`` through the one seam with no message box: for the periodic sending, whose errors
    the status shows instead (a box every half minute while the database is away would be worse
    than useless)."""
    run_in_background(owner, work, on_done, error_title=None, on_error=on_error, busy=False)


HOME_PAGE_KEY = "xapi/home_page"  # shared with the xAPI export (SupervisorWindow.XAPI_HOME_PAGE_KEY)
SEND_INTERVAL_MS = 30_000
MAX_BATCHES_PER_PASS = 20


class LrsController(QObject):
    """Owns the LRS settings of one course and sends its queue in the background."""

    changed = Signal()  # counts, state or settings changed

    def __init__(self, service: ServicesApi, parent: QObject | None = None, *, transport_factory: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.transport_factory = transport_factory  # tests: settings -> transport
        self.counts = QueueCounts()
        self.last_error: str | None = None
        self.keyring: bool | None = None  # None: not looked up yet
        self.busy = False
        self._password: str | None = None  # in memory only
        self._group = "lrs/" + hashlib.sha256(str(service.url).encode()).hexdigest()[:16]
        self.timer = QTimer(self)
        self.timer.setInterval(SEND_INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    # -- settings (endpoint, user, mastery: QSettings per course; the password never) ----------
    def _value(self, key: str, default: Any = "") -> Any:
        return QSettings().value(f"{self._group}/{key}", default)

    @property
    def endpoint(self) -> str:
        return str(self._value("endpoint") or "")

    @property
    def username(self) -> str:
        return str(self._value("username") or "")

    @property
    def mastery(self) -> int:
        try:
            return max(0, min(100, int(self._value("mastery", DEFAULT_MASTERY))))
        except (TypeError, ValueError):
            return DEFAULT_MASTERY

    @property
    def home_page(self) -> str:
        return str(QSettings().value(HOME_PAGE_KEY, "") or "") or DEFAULT_HOME_PAGE

    @property
    def has_password(self) -> bool:
        return self._password is not None

    @property
    def configured(self) -> bool:
        return bool(self.endpoint and self.username and self._password is not None)

    def settings(self) -> LrsSettings:
        return LrsSettings(self.endpoint, self.username, self._password or "", self.home_page, self.mastery)

    def start(self) -> None:
        """Look the password up in the keyring (off the UI thread), then send what is due
        every half minute. Nothing runs for a course without an LRS until one is configured."""
        if self.timer.isActive() or self.keyring is not None:
            return
        endpoint, username = self.endpoint, self.username
        self.keyring = None

        def work() -> tuple[bool, str | None]:
            from balint_trainer.services import lrs_secrets

            available = lrs_secrets.keyring_available()
            found = (
                lrs_secrets.load_password(endpoint, username) if available and endpoint and username else None
            )
            return available, found

        def done(result: tuple[bool, str | None]) -> None:
            self.keyring, found = result
            if found is not None and self._password is None:
                self._password = found
            self.changed.emit()
            self.tick()

        run_quietly(self, work, done, self._error)
        self.timer.start()

    def save(self, endpoint: str, username: str, password: str | None, mastery: int) -> None:
        """Keep the settings; ``password`` None keeps the current one. ValueError: a bad endpoint."""
        endpoint = normalise_endpoint(endpoint)
        settings = QSettings()
        settings.setValue(f"{self._group}/endpoint", endpoint)
        settings.setValue(f"{self._group}/username", username.strip())
        settings.setValue(f"{self._group}/mastery", int(mastery))
        if password is not None:
            self._password = password
            user = username.strip()

            def work() -> bool:
                from balint_trainer.services import lrs_secrets

                return lrs_secrets.save_password(endpoint, user, password)

            def done(stored: bool) -> None:
                self.keyring = stored or bool(self.keyring)
                self.changed.emit()

            self._user_action(work, done)
        self.changed.emit()
        self.timer.start()
        self.tick()

    # -- sending ---------------------------------------------------------------------------------
    def _error(self, exc: BaseException) -> None:
        self.busy = False
        self.last_error = str(exc) or exc.__class__.__name__
        self.changed.emit()

    def tick(self) -> None:
        """One background pass: send what is due (when configured), then count."""
        if self.busy:
            return
        self.busy = True
        service, settings, configured = self.service, self.settings(), self.configured
        transport = self.transport_factory(settings) if (configured and self.transport_factory) else None

        def work() -> tuple[Any, QueueCounts]:
            report = None
            if configured:
                report = LrsSender(service, settings, transport=transport).send_all(
                    max_batches=MAX_BATCHES_PER_PASS
                )
            return report, LrsQueue(service).counts()

        def done(result: tuple[Any, QueueCounts]) -> None:
            report, self.counts = result
            self.busy = False
            if report is not None and (report.sent or report.failed or report.retry):
                self.last_error = report.error  # a pass with nothing due keeps the last outcome
            self.changed.emit()

        run_quietly(self, work, done, self._error)

    def _user_action(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """A user's action: errors shown by the app's one error path (gui/worker.py)."""
        owner = self.parent()
        if not isinstance(owner, QWidget):
            run_quietly(self, work, done, self._error)
            return
        title = QCoreApplication.translate("LrsDialog", "Learning record store")
        run_in_background(owner, work, done, error_title=title, on_error=self._error, busy=False)

    def _queue_then_tick(self, what: str) -> None:
        service = self.service

        def work() -> None:
            getattr(LrsQueue(service), what)()

        def done(_result: None) -> None:
            self.tick()

        self._user_action(work, done)

    def send_now(self) -> None:
        self._queue_then_tick("retry_now")

    def retry_failed(self) -> None:
        self._queue_then_tick("retry_failed")


class QueueModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[QueueItem] = []
        self.names: dict[int, str] = {}
        self.headers = [
            QCoreApplication.translate("LrsDialog", "Trainee"),
            QCoreApplication.translate("LrsDialog", "Scenario"),
            QCoreApplication.translate("LrsDialog", "Statement"),
            QCoreApplication.translate("LrsDialog", "Tries"),
            QCoreApplication.translate("LrsDialog", "When"),
            QCoreApplication.translate("LrsDialog", "Status"),
        ]

    def set_items(self, items: Sequence[QueueItem], names: dict[int, str]) -> None:
        self.beginResetModel()
        self.items, self.names = list(items), names
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    @staticmethod
    def status_text(item: QueueItem) -> str:
        if item.status == "sent":
            return QCoreApplication.translate("LrsDialog", "sent")
        if item.status == "failed":
            return QCoreApplication.translate("LrsDialog", "failed ({reason})").format(
                reason=item.last_error or "?"
            )
        if item.last_error:
            return QCoreApplication.translate("LrsDialog", "waiting ({reason})").format(
                reason=item.last_error
            )
        return QCoreApplication.translate("LrsDialog", "waiting")

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.items[index.row()]
        column = index.column()
        if column == 0:
            return self.names.get(item.profile_id, str(item.profile_id))
        if column == 1:
            return item.scenario_id
        if column == 2:
            if item.kind == "answered":
                return QCoreApplication.translate("LrsDialog", "answer to {decision}").format(
                    decision=item.decision_id
                )
            return (
                QCoreApplication.translate("LrsDialog", "attempt completed")
                if item.kind == "completed"
                else QCoreApplication.translate("LrsDialog", "passed or failed")
            )
        if column == 3:
            return str(item.tries)
        if column == 4:
            return when_text(item.sent_at if item.status == "sent" else item.next_try_at)
        return self.status_text(item)  # last: the reason may be long


class LrsDialog(QDialog):
    """Settings of the course's LRS and the state of every queued statement."""

    def __init__(self, controller: LrsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Learning record store (LRS)"))
        self.setObjectName("LrsDialog")
        self.resize(820, 560)
        layout = QVBoxLayout(self)

        form = QFormLayout()
        self.endpoint_edit = QLineEdit(controller.endpoint, self)
        self.endpoint_edit.setPlaceholderText("https://lrs.example.org/xAPI/")
        self.username_edit = QLineEdit(controller.username, self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.mastery_spin = QSpinBox(self)
        self.mastery_spin.setRange(0, 100)
        self.mastery_spin.setSuffix(" %")
        self.mastery_spin.setValue(controller.mastery)
        self.home_page_label = QLabel(self)
        for label, widget in (
            (self.tr("&Endpoint (xAPI):"), self.endpoint_edit),
            (self.tr("&User name:"), self.username_edit),
            (self.tr("&Password:"), self.password_edit),
            (self.tr("&Mastery score:"), self.mastery_spin),
            (self.tr("Course home page:"), self.home_page_label),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        layout.addLayout(form)
        self.keyring_label = QLabel(self)
        self.keyring_label.setWordWrap(True)
        layout.addWidget(self.keyring_label)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setObjectName("problem")
        layout.addWidget(self.problem_label)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = QueueModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Statements for the LRS"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save settings"), self)
        self.send_button = QPushButton(self.tr("Send &now"), self)
        self.retry_button = QPushButton(self.tr("&Retry failed"), self)
        for button in (self.save_button, self.send_button, self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.send_button.clicked.connect(controller.send_now)
        self.retry_button.clicked.connect(controller.retry_failed)
        controller.changed.connect(self._on_changed)
        self._on_changed()

    def save(self) -> bool:
        password = self.password_edit.text() or None
        try:
            self.controller.save(
                self.endpoint_edit.text(), self.username_edit.text(), password, self.mastery_spin.value()
            )
        except ValueError as exc:
            self.problem_label.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        self.password_edit.clear()
        self.endpoint_edit.setText(self.controller.endpoint)
        self.problem_label.setText("")
        return True

    def summary_text(self) -> str:
        counts, c = self.controller.counts, self.controller
        text = self.tr("Sent: %1 · waiting: %2 · failed: %3")
        text = (
            text.replace("%1", number(counts.sent))
            .replace("%2", number(counts.waiting))
            .replace("%3", number(counts.failed))
        )
        if not (c.endpoint and c.username):
            text += " — " + self.tr("no LRS configured: statements wait in the queue")
        elif not c.has_password:
            text += " — " + self.tr("enter the password to send")
        elif c.last_error:
            text += " — " + self.tr("last try: %1").replace("%1", c.last_error)
        return text

    def _on_changed(self) -> None:
        c = self.controller
        self.home_page_label.setText(c.home_page)
        if c.keyring is None:
            self.keyring_label.setText(self.tr("Looking for the system keyring…"))
        elif c.keyring:
            self.keyring_label.setText(
                self.tr("The password is kept in the system keyring, never in the database or the settings.")
            )
        else:
            self.keyring_label.setText(
                self.tr(
                    "No system keyring is available: the password is kept in memory only, until Balint "
                    "Trainer closes, and asked again next session. It is never written to the database "
                    "or the settings."
                )
            )
        self.password_edit.setPlaceholderText(
            self.tr("(stored — type to change)") if c.has_password else self.tr("required to send")
        )
        self.summary_label.setText(self.summary_text())
        self.reload()

    def reload(self) -> None:
        """Reload the table off the UI thread."""
        service = self.controller.service

        def work() -> tuple[list[QueueItem], dict[int, str]]:
            return LrsQueue(service).items(limit=1000), {p.id: p.name for p in service.accounts.profiles()}

        def done(result: tuple[list[QueueItem], dict[int, str]]) -> None:
            with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
                self.model.set_items(*result)

        def failed(exc: BaseException) -> None:
            with contextlib.suppress(RuntimeError):
                self.problem_label.setText(str(exc))

        run_quietly(self, work, done, failed)
