"""Remote expert annotation end to end: requests out, keyboard annotation on three machines, files in."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from balint_trainer.core.catalogue import load_catalogue
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.gui.authoring.annotation import AnnotationWindow
from balint_trainer.gui.authoring.annotation_exchange import RequestAnnotationWindow, RequestPlan

SECRETS = (
    "experts",
    "rationale",
    "feedback",
    "then",
    "Silence is fine.",
    "Split panel.",
    "Good.",
    "A silence.",
)
EXPERTS = {"Dr Ana": (2, 1), "Dr Ben": (1, 1), "Dr Cy": (1, 2)}  # option numbers for the two decisions


def _recording(window: AnnotationWindow) -> list[tuple[str, str]]:
    messages: list[tuple[str, str]] = []
    window.show_error = lambda title, detail: messages.append(("error", detail))  # type: ignore[method-assign]
    window.show_info = lambda title, detail: messages.append(("info", detail))  # type: ignore[method-assign]
    return messages


@pytest.fixture
def organiser(qtbot, service, scenario_dir: Path):  # type: ignore[no-untyped-def]
    olga = service.accounts.create_profile("Olga Organiser", "organiser")
    window = AnnotationWindow(None, service, load_catalogue([scenario_dir], include_bundled=False))
    window.messages = _recording(window)  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _idle(qtbot, window)
    assert window.select_expert(olga.id)
    assert window.tabs.isTabEnabled(1)
    return window


def _idle(qtbot, window: AnnotationWindow) -> None:  # type: ignore[no-untyped-def]
    """Wait for the window's service calls, which run off the UI thread."""
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)


def _drop(handler, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """What a file manager's drop delivers (QApplication.sendEvent does not route drops offscreen)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point, action = QPointF(10, 10), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide6 marks the only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point.toPoint(), action, mime, buttons, modifiers)
    handler(enter)
    assert enter.isAccepted()
    event = QDropEvent(point, action, mime, buttons, modifiers)
    handler(event)
    assert event.isAccepted()


def _open_request(qtbot, main, path: Path) -> RequestAnnotationWindow:  # type: ignore[no-untyped-def]
    task = main.open_annotation_request(path)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    window = main.request_window
    window.messages = _recording(window)  # a child of ``main``: closed with it, deleted when closed
    qtbot.waitExposed(window)
    _idle(qtbot, window)
    return window


def _answer_by_keyboard(qtbot, window: RequestAnnotationWindow, number: int, note: str) -> None:  # type: ignore[no-untyped-def]
    page = window.tabs.widget(0)
    page.setFocus()
    qtbot.keyClick(page, getattr(Qt.Key, f"Key_{number}"))
    for option in range(1, len(window.option_buttons) + 1):
        window.set_rating(option, 5 if option == number else 2)
    window.note.setFocus()
    qtbot.keyClicks(window.note, note)
    with qtbot.waitSignal(window.saved, timeout=3000):
        qtbot.keyClick(window.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _idle(qtbot, window)


def test_three_remote_experts_end_to_end(  # type: ignore[no-untyped-def]
    qtbot, organiser: AnnotationWindow, service, scenario_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.services import open_service

    # 1. The organiser exports one request per expert (a folder for several).
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    entry = organiser.entry()
    assert entry is not None
    with qtbot.waitSignal(organiser.exchange.requests_written, timeout=10000) as written:
        organiser.exchange.export_requests(RequestPlan([entry], "Olga Organiser", list(EXPERTS), outbox))
    requests = written.args[0]
    assert len(requests) == 3
    for path in requests:
        text = path.read_text("utf-8")
        assert "What now?" in text
        for secret in SECRETS:
            assert secret not in text, secret

    # 2. Each expert, on their own machine (own data folder and database), annotates by keyboard.
    returned: list[Path] = []
    for (name, answers), request in zip(EXPERTS.items(), requests, strict=True):
        home = tmp_path / f"machine-{name}"
        monkeypatch.setattr("balint_trainer.core.annotation_progress.progress_folder", lambda home=home: home)
        expert_db = open_service(f"sqlite:///{home / 'own.db'}")
        main = MainWindow(service=expert_db, include_bundled=False)
        qtbot.addWidget(main)
        window = _open_request(qtbot, main, request)
        assert window.expert_combo.currentText() == name and not window.tabs.isTabVisible(1)
        shown = window.context.toPlainText() + window.prompt.toPlainText()
        assert "I saw Mrs K again on Monday." in shown and "Silence is fine." not in shown
        _answer_by_keyboard(qtbot, window, answers[0], f"{name} on the first")
        if name == "Dr Ana":  # closing and reopening continues where she stopped
            first_work = window.work
            window.close()
            qtbot.waitUntil(lambda main=main: not main.findChildren(RequestAnnotationWindow), timeout=3000)
            window = _open_request(qtbot, main, request)
            assert window.work is not first_work  # read again from her computer
            assert window.index == 1 and window.work.answered == 1
        _answer_by_keyboard(qtbot, window, answers[1], f"{name} on the second")
        assert "all done" in window.progress_label.text()
        out = tmp_path / f"{name}.balint-annotations.json"
        RequestAnnotationWindow.export_path_prompt = staticmethod(lambda _w, _d, out=out: str(out))
        try:
            with qtbot.waitSignal(window.exported, timeout=10000):
                qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        finally:
            RequestAnnotationWindow.export_path_prompt = None
        assert json.loads(out.read_text("utf-8"))["expert"] == name
        returned.append(out)
        window.close()
        expert_db.close()

    # 3. The organiser imports the three files at once; agreement is shown.
    with qtbot.waitSignal(organiser.exchange.imported, timeout=10000) as imported:
        organiser.exchange.import_files(returned)
    assert all(report is not None and report.added == 2 for _p, report, _e in imported.args[0])
    _idle(qtbot, organiser)
    organiser.tabs.setCurrentIndex(1)
    _idle(qtbot, organiser)
    first = organiser.agreement_model.report.decisions[0]
    assert first.experts == 3 and first.votes == {"a": 2, "b": 1, "c": 0}
    assert first.agreement == pytest.approx(1 / 3) and first.kappa is not None
    assert first.alpha is not None and organiser.agreement_model.index(0, 5).data() == f"{first.alpha:.2f}"
    assert "Pooled kappa" in organiser.pooled_label.text()
    assert "Krippendorff's alpha: " in organiser.pooled_label.text()

    # Dropping the same files again (drag and drop) changes nothing.
    with qtbot.waitSignal(organiser.exchange.imported, timeout=10000) as again:
        _drop(lambda event: organiser.exchange.eventFilter(organiser, event), returned)
    assert [(r.added, r.replaced, r.unchanged) for _p, r, _e in again.args[0]] == [(0, 0, 2)] * 3
    _idle(qtbot, organiser)
    assert len(service.annotations.annotations(organiser.version.id)) == 6

    # 4. Merging into the key gives a valid scenario with the three experts.
    organiser.confirm_merge = lambda *args, **kwargs: True  # type: ignore[method-assign]
    merged = organiser.merge_into_key()
    assert merged is not None
    loaded = load_scenario_file(merged)
    assert loaded.ok and loaded.scenario is not None
    assert {e.expert for e in loaded.scenario.decision("first").experts} == {"dr-ana", "dr-ben", "dr-cy"}


def test_tampered_files_are_refused_in_the_gui(
    qtbot, organiser: AnnotationWindow, service, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    entry = organiser.entry()
    assert entry is not None
    request = tmp_path / "req.json"
    service.annotations.export_annotation_request([entry.loaded], organiser="Olga", expert="Dr Ana", path=request)
    data = json.loads(request.read_text("utf-8"))
    vote = {"decision_id": "first", "best": "zz", "saved_at": "2026-01-01T00:00:00Z"}
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "balint-annotations/1",
                "request_id": data["request_id"],
                "organiser": "Olga",
                "expert": "Dr Ana",
                "exported_at": "2026-01-01T00:00:00Z",
                "scenarios": [
                    {
                        "scenario_id": "minimal-test",
                        "sha256": data["scenarios"][0]["sha256"],
                        "decisions": [vote],
                    }
                ],
            }
        ),
        "utf-8",
    )
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (4 * 1024 * 1024 + 1))
    profiles = len(service.accounts.profiles())
    with qtbot.waitSignal(organiser.exchange.imported, timeout=10000):
        organiser.exchange.import_files([bad, huge])
    kind, text = organiser.messages[-1]
    assert kind == "error" and "Imported 0 of 2" in text
    assert "bad.json:" in text and "'zz' is not an option of 'first'" in text and "the limit is" in text
    assert service.annotations.annotations(organiser.version.id) == [] and len(service.accounts.profiles()) == profiles


def test_request_dropped_on_the_main_window_opens(qtbot, window, service, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    entry = window.entries[0]
    request = tmp_path / "req.json"
    service.annotations.export_annotation_request([entry.loaded], organiser="Olga", expert="Dr Ana", path=request)
    assert window.open_request_action.shortcut().toString() == "Ctrl+Shift+O"
    _drop(
        lambda event: (
            window.dragEnterEvent(event) if isinstance(event, QDragEnterEvent) else window.dropEvent(event)
        ),
        [request],
    )
    qtbot.waitUntil(lambda: getattr(window, "request_window", None) is not None, timeout=10000)
    assert window.request_window.windowTitle() == "Annotation request from Olga"
    first = window.request_window
    task = window.open_annotation_request(request)  # the same request again: the same window
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert window.request_window is first
    assert len(window.findChildren(RequestAnnotationWindow)) == 1


def test_broken_request_says_why(qtbot, window, tmp_path: Path, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "balint-annotation-request/1", "request_id": 5}', "utf-8")
    task = window.open_annotation_request(broken)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert getattr(window, "request_window", None) is None
    assert any("broken.json:" in text and "request_id" in text for _kind, text in no_dialogs)


def test_votes_for_an_edited_scenario_are_flagged(  # type: ignore[no-untyped-def]
    qtbot, service, scenario_dir: Path, tmp_path: Path
) -> None:
    from balint_trainer.core.annotation_exchange import read_request
    from balint_trainer.core.annotation_progress import RequestWork

    olga = service.accounts.create_profile("Olga Organiser", "organiser")
    scenario = scenario_dir / "minimal.yaml"
    request = tmp_path / "req.json"
    service.annotations.export_annotation_request(
        [load_scenario_file(scenario)], organiser="Olga", expert="Dr Ana", path=request
    )
    work = RequestWork(read_request(request), tmp_path / "home")
    work.save_annotation(0, "first", 1, "a", None, None)
    returned = tmp_path / "ann.json"
    work.export(returned)
    scenario.write_text(scenario.read_text("utf-8") + "# edited after the request went out\n", "utf-8")
    window = AnnotationWindow(None, service, load_catalogue([scenario_dir], include_bundled=False))
    messages = _recording(window)
    qtbot.addWidget(window)
    _idle(qtbot, window)
    assert window.select_expert(olga.id)
    with qtbot.waitSignal(window.exchange.imported, timeout=10000):
        window.exchange.import_files([returned])
    kind, text = messages[-1]
    assert kind == "info" and "1 vote added" in text and "differs from the file in your library" in text


def test_request_dialog_by_keyboard(  # type: ignore[no-untyped-def]
    qtbot, organiser: AnnotationWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from balint_trainer.gui.authoring.annotation_exchange import RequestDialog, ask_plan
    from tests.gui.modal import in_modal_dialog

    target = tmp_path / "for-ana"  # typed without an extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))

    def fill(dialog: RequestDialog) -> None:
        assert dialog.chosen_ids() == ["minimal-test"]  # the scenario on screen is ticked
        dialog.experts.setFocus()
        qtbot.keyClicks(dialog.experts, "Dr Ana")
        qtbot.keyClick(dialog.experts, Qt.Key.Key_Tab)  # Tab leaves the field, towards the buttons
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    in_modal_dialog(RequestDialog, fill)
    plan = ask_plan(organiser)
    assert plan is not None and plan.experts == ["Dr Ana"] and plan.organiser == "Olga Organiser"
    assert plan.target == tmp_path / "for-ana.balint-request.json"
    with qtbot.waitSignal(organiser.exchange.requests_written, timeout=10000):
        organiser.exchange.export_requests(plan)
    assert plan.target.is_file()


def test_request_dialog_reads_no_profile_on_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, organiser: AnnotationWindow, service, monkeypatch
) -> None:
    """Issue #11: the organiser's name comes with the experts, read off the UI thread; opening
    the request dialog makes no database call (it read the profile on the UI thread)."""
    import threading

    from balint_trainer.gui.authoring.annotation_exchange import RequestDialog, ask_plan
    from tests.gui.modal import in_modal_dialog

    on_ui: list[str] = []
    for role in (service.accounts, service.annotations):
        for name in [n for n in dir(role) if not n.startswith("_") and callable(getattr(role, n))]:
            real = getattr(role, name)

            def spy(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
                if threading.current_thread() is threading.main_thread():
                    on_ui.append(_name)
                return _real(*args, **kwargs)

            monkeypatch.setattr(role, name, spy)
    seen = in_modal_dialog(RequestDialog, lambda dialog: (dialog.organiser.text(), dialog.reject()))
    assert ask_plan(organiser) is None  # cancelled
    assert seen == [("Olga Organiser", None)]  # the name is filled in all the same
    assert on_ui == []
