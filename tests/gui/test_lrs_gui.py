"""The LRS dialog of the supervisor window: settings without the password in plain text, the
keyring when there is one, background sending and the "sent / waiting / failed (reason)" view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from balint_trainer.services import lrs_secrets
from tests.gui import test_supervisor
from tests.test_lrs_queue import FakeLrs

pytestmark = pytest.mark.gui
seeded, window = test_supervisor.seeded, test_supervisor.window  # the supervisor window's fixtures
SECRET = "correct horse battery staple"


class FakeKeyring:
    priority = 1

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.stored.get((service, account))

    def set_password(self, service: str, account: str, password: str) -> None:
        self.stored[(service, account)] = password


def _configure(qtbot, win, lrs: FakeLrs | None = None):  # type: ignore[no-untyped-def]
    if lrs is not None:
        win.lrs.transport_factory = lambda _settings: lrs
    dialog = win.open_lrs()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: win.lrs.keyring is not None and not win.lrs.busy)
    dialog.endpoint_edit.setText("https://lrs.example.org/xAPI")
    dialog.username_edit.setText("course-42")
    dialog.password_edit.setText(SECRET)
    dialog.mastery_spin.setValue(80)
    assert dialog.save()
    return dialog


def test_without_a_keyring_the_password_stays_in_memory_only(qtbot, window, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lrs_secrets, "_backend", lambda: None)
    dialog = _configure(qtbot, window, FakeLrs())
    qtbot.waitUntil(lambda: not window.lrs.busy)
    assert "memory only" in dialog.keyring_label.text()
    assert window.lrs.has_password and window.lrs.endpoint == "https://lrs.example.org/xAPI/"
    assert window.lrs.mastery == 80 and dialog.password_edit.text() == ""
    settings = QSettings()
    assert all(SECRET not in str(settings.value(key)) for key in settings.allKeys())
    svc, _ids = seeded
    database = Path(svc.database_file)
    assert SECRET.encode() not in database.read_bytes()


def test_the_password_goes_to_the_keyring_when_there_is_one(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    keyring = FakeKeyring()
    monkeypatch.setattr(lrs_secrets, "_backend", lambda: keyring)
    dialog = _configure(qtbot, window, FakeLrs())
    qtbot.waitUntil(lambda: bool(keyring.stored))
    assert list(keyring.stored.values()) == [SECRET]
    qtbot.waitUntil(
        lambda: (
            "system keyring" in dialog.keyring_label.text() and "memory" not in dialog.keyring_label.text()
        )
    )
    # Next session: found in the keyring, nothing to type.
    from balint_trainer.gui.supervision.lrs import LrsController

    again = LrsController(window.lrs.service)
    again.start()
    qtbot.waitUntil(lambda: again.has_password and not again.busy)
    assert again.settings().password == SECRET
    again.timer.stop()


def test_statements_are_sent_in_the_background_and_shown_by_status(
    qtbot, window, seeded, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lrs_secrets, "_backend", lambda: None)
    lrs = FakeLrs()
    lrs.down = True
    dialog = _configure(qtbot, window, lrs)
    # 7 answers, 3 finished attempts x ("completed", "passed"/"failed")
    qtbot.waitUntil(lambda: window.lrs.counts.waiting == 13 and not window.lrs.busy)
    assert "no answer from the LRS" in dialog.summary_text()
    qtbot.waitUntil(
        lambda: (
            len(_statuses(dialog)) == 13
            and all(text.startswith("waiting (no answer from the LRS") for text in _statuses(dialog))
        )
    )
    lrs.down = False
    window.lrs.send_now()
    qtbot.waitUntil(lambda: window.lrs.counts.sent == 13 and not window.lrs.busy)
    assert len(lrs.stored) == 13
    qtbot.waitUntil(lambda: set(_statuses(dialog)) == {"sent"})
    assert "13 sent" in window.lrs_status.text()
    # The LRS holds one statement differently: shown as failed with the reason, the rest stay sent.
    clash = dialog.model.items[0]
    lrs.stored[clash.statement_id] = {"id": clash.statement_id, "other": True}
    svc, _ids = seeded
    from balint_trainer.services.lrs import LrsQueue

    LrsQueue(svc).resend_all()
    window.lrs.tick()
    qtbot.waitUntil(lambda: window.lrs.counts.failed == 1 and not window.lrs.busy)
    qtbot.waitUntil(
        lambda: any(s.startswith("failed (the LRS holds a different statement") for s in _statuses(dialog))
    )


def _statuses(dialog: Any) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, 5)) for row in range(model.rowCount())]
