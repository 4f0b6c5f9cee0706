"""The background worker: result and errors come back on the UI thread; Cancel stops waiting."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from balint_trainer.core.packs import PackError, export_pack, read_pack
from balint_trainer.gui.worker import CancelToken, Worker, run_with_progress

pytestmark = pytest.mark.gui
MINIMAL = Path(__file__).resolve().parent.parent / "data" / "valid" / "minimal.yaml"


def test_result_and_progress_arrive_on_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, object, bool]] = []

    def work(token: CancelToken) -> int:
        assert threading.current_thread() is not threading.main_thread()
        token.report(1, 2)
        return 42

    worker: Worker[int] = Worker(work)
    worker.progress.connect(lambda d, t: seen.append(("progress", (d, t), _on_main())))
    worker.finished.connect(lambda r: seen.append(("finished", r, _on_main())))
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.start()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [("progress", (1, 2), True), ("finished", 42, True)]
    with pytest.raises(RuntimeError):
        worker.start()


def _on_main() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_an_exception_is_delivered_not_raised(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(token: CancelToken) -> None:
        raise ValueError("bad input")

    worker: Worker[None] = Worker(work)
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.start()
    assert isinstance(blocker.args[0], ValueError) and str(blocker.args[0]) == "bad input"


def test_cancel_sets_the_flag_the_work_checks(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(token: CancelToken) -> str:
        deadline = time.monotonic() + 10
        while not token.cancelled():
            if time.monotonic() > deadline:
                return "not cancelled"
            time.sleep(0.01)
        return "stopped"

    worker: Worker[str] = Worker(work)
    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        worker.start()
        worker.cancel()
    assert blocker.args == ["stopped"]


def test_run_with_progress_returns_the_result_or_the_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert run_with_progress(None, "Working…", lambda token: "done").result == "done"
    outcome = run_with_progress(None, "Working…", lambda token: 1 / 0)
    assert isinstance(outcome.error, ZeroDivisionError) and outcome.result is None


def test_cancel_in_the_progress_dialog_returns_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:
            dialogs[0].findChild(QPushButton).click()  # as the user does
        else:
            QTimer.singleShot(20, press_cancel)

    QTimer.singleShot(20, press_cancel)
    outcome = run_with_progress(None, "Working…", lambda token: release.wait(10), show_after_ms=0)
    release.set()
    assert outcome.cancelled and outcome.result is None


def test_read_pack_stops_when_asked(tmp_path: Path) -> None:
    pack = tmp_path / "p.zip"
    export_pack([MINIMAL], pack, title="t")
    progress: list[tuple[int, int]] = []
    assert read_pack(pack, on_progress=lambda d, t: progress.append((d, t))).scenarios
    assert progress == [(0, 1)]
    with pytest.raises(PackError, match="cancelled"):
        read_pack(pack, should_stop=lambda: True)
