"""Screenshots of the workbench flows (authoring, annotation exchange, LRS, recorded sessions),
made by ``tools/make_flow_screenshots.py``."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from screenshot_support import NOTES, REPO, SCENARIO, Shooter, modal, wait_until


class _OfflineLrs:
    """An LRS in memory (no network): stores statements, or is unreachable while ``down``."""

    def __init__(self) -> None:
        self.stored: dict[str, Any] = {}
        self.down = False

    def post(self, statements: list[dict[str, Any]]) -> Any:
        from balint_trainer.services.lrs import Response

        if self.down:
            return Response(0, "[Errno 111] Connection refused")
        self.stored.update((s["id"], s) for s in statements)
        return Response(200, "[]")

    def put(self, statement: dict[str, Any]) -> Any:
        from balint_trainer.services.lrs import Response

        if self.down:
            return Response(0, "[Errno 111] Connection refused")
        self.stored[statement["id"]] = statement
        return Response(204, "")


def lrs_status_shot(
    app: QApplication, shooter: Shooter, service: Any, version: Any, scenario: Any, trainee: Any
) -> None:
    """The supervisor's LRS dialog: Amira's statements sent, then the LRS goes down while Ben practises."""
    from PySide6.QtCore import QSettings

    from balint_trainer.gui.workbench import open_supervisor
    from balint_trainer.services import lrs_secrets

    lrs_secrets._backend = lambda: None  # type: ignore[attr-defined]  # no keyring: the dialog says so
    QSettings().setValue("xapi/home_page", "https://balint.example.org/course-2027/")
    fake = _OfflineLrs()
    win = open_supervisor(None, service)
    win.lrs.transport_factory = lambda _settings: fake
    dialog = win.open_lrs()
    wait_until(app, lambda: win.lrs.keyring is not None and not win.lrs.busy)
    dialog.endpoint_edit.setText("https://lrs.example.org/xAPI/")
    dialog.username_edit.setText("balint-course")
    dialog.password_edit.setText("screenshot-only")
    dialog.mastery_spin.setValue(70)
    dialog.save()
    wait_until(app, lambda: win.lrs.counts is not None and win.lrs.counts.waiting == 0 and not win.lrs.busy)
    fake.down = True
    attempt = service.practice.start_attempt(trainee.id, version.id, "practice", option_seed="ben")
    for step in scenario.decisions[:3]:
        from balint_trainer.core.option_order import shown_order
        from balint_trainer.core.scoring import credit

        service.practice.record_answer(
            attempt.id,
            step.decision,
            modal(step),
            credit=credit(step, modal(step)),
            shown_order=list(shown_order(step, attempt.option_seed)),
            seconds=25.0,
        )
    win.lrs.send_now()
    wait_until(app, lambda: win.lrs.counts.waiting == 3 and not win.lrs.busy)
    dialog.reload()
    wait_until(app, lambda: dialog.model.rowCount() > 0 and "waiting" in dialog.summary_text().lower())
    dialog.resize(900, 560)
    shooter.grab(dialog, "lrs-status")
    dialog.close()
    win.close()


def recorded_session_shot(
    app: QApplication, shooter: Shooter, service: Any, trainee: Any, supervisor: Any, tmp: Path
) -> None:
    """Coding a recording of a group the trainee led (a silent WAV stands in for the recording)."""
    import wave

    from balint_trainer.gui.supervision.recording import RecordingCoder

    recording = tmp / "tuesday-group.wav"
    with wave.open(str(recording), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 8000 * 95)
    coder = RecordingCoder(service, trainee, supervisor.id, audio=False)
    coder.resize(1250, 800)
    coder.show()
    done: list[bool] = []
    coder.loaded.connect(lambda: done.append(True))
    coder.open_file(recording)
    wait_until(app, lambda: bool(done))
    for when, competency, rating, note in (
        (12, "invite-feelings", 4, "Asked for feelings before facts."),
        (41, "relationship-focus", 3, None),
        (77, "leader-restraint", None, "Let the silence work."),
    ):
        coder.seek_to(when)
        coder.mark(competency)
        if rating is not None:
            coder.set_moment_rating(rating)
        if note is not None:
            coder.moment_note.setPlainText(note)
        coder.keep_note()
    for competency, rating in (("relationship-focus", 3), ("invite-feelings", 4), ("leader-restraint", 3)):
        coder.set_global_rating(competency, rating)
    coder.moments_table.setCurrentCell(0, 0)
    shooter.grab(coder, "recorded-session-coding")
    saved: list[Any] = []
    coder.saved.connect(saved.append)
    coder.save()
    wait_until(app, lambda: bool(saved))
    coder.done(0)

    # The trainee's Recorded sessions tab: the simulator's mean credit beside the ratings.
    from balint_trainer.gui.workbench import open_supervisor

    win = open_supervisor(None, service)
    win.resize(1280, 760)
    win.show()
    wait_until(app, lambda: not win.busy)
    assert win.select_trainee(trainee.id)
    wait_until(app, lambda: not win.busy)
    view = win.recordings.view
    win.tabs.setCurrentWidget(view)
    wait_until(app, lambda: view.sessions_table.rowCount() > 0)
    view.sessions_table.selectRow(0)
    shooter.grab(win, "recorded-sessions-chart")

    # Editing that coding later: the stored marks, ratings and notes come back, one changed.
    editor = win.recordings.open_coder(editing=view.current_session())
    editor.resize(1250, 800)
    wait_until(app, lambda: editor.moments_table.rowCount() == 3)
    editor.set_global_rating("leader-restraint", 4)
    editor.moments_table.setCurrentCell(2, 0)
    editor.moment_note.setPlainText("Let the silence work; came in a little early the second time.")
    shooter.grab(editor, "recorded-session-editing")
    editor.done(0)
    win.close()


def authoring(app: QApplication, shooter: Shooter, service: Any, tmp: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from balint_trainer.gui.authoring.editor import ScenarioEditor

    def bundled_editor() -> None:
        win = ScenarioEditor(None, service, REPO / "scenarios" / f"{SCENARIO}.yaml")
        win.resize(1280, 780)
        win.show()
        wait_until(app, lambda: win.loaded is not None)
        win.editor.jump_to(40, 1)
        shooter.grab(win, "editor")
        win.close()

    shooter.run("editor", bundled_editor)

    def branch_map() -> None:
        win = ScenarioEditor(None, service, REPO / "scenarios" / "gp-opioid-request-next-meeting.yaml")
        win.resize(1280, 780)
        win.show()
        wait_until(app, lambda: win.loaded is not None and win.branch_map.topLevelItemCount() > 0)
        win.side_tabs.setCurrentWidget(win.branch_map)
        win.branch_map.expandAll()
        splitter: Any = win.centralWidget()
        splitter.setSizes([230, 450, 600])  # room for the conditions column
        win.branch_map.resizeColumnToContents(0)
        shooter.grab(win, "branch-map")
        win.close()

    shooter.run("branch-map", branch_map)

    source = REPO / "tests" / "data" / "audit" / "longest-key.yaml"
    path = tmp / "thursday-draft.yaml"
    shutil.copyfile(source, path)
    editor = ScenarioEditor(None, service, path)
    editor.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    editor.resize(1280, 780)
    editor.show()

    def audit_warning() -> None:
        wait_until(app, lambda: editor.problem_model.rowCount() > 0)
        editor.editor.jump_to(17, 1)
        shooter.grab(editor, "editor-audit-warning")

    shooter.run("editor-audit-warning", audit_warning)

    def decision_form() -> None:
        def run(form: Any) -> bool:
            form.resize(900, 760)
            form.show()
            shooter.grab(form, "decision-form")
            form.close()
            return False

        editor.authoring.run_form = run  # type: ignore[method-assign,assignment]
        editor.editor.jump_to(17, 5)
        editor.authoring.edit_decision()

    shooter.run("decision-form", decision_form)

    def transcript_wizard() -> None:
        from PySide6.QtCore import Qt

        def run(wizard: Any) -> bool:
            wizard.resize(900, 640)
            wizard.show()
            sample = REPO / "tests" / "data" / "transcripts" / "gp-session.txt"
            wizard.text_page.ask_path = lambda: sample
            wizard.text_page.open_button.click()
            wait_until(app, lambda: bool(wizard.text_page.edit.toPlainText()))
            wizard.text_page.title_edit.setText("The patient who cries")
            wizard.next()
            people = wizard.people_page.table
            for row in range(people.rowCount()):
                if people.item(row, 0).text() == "Dr Maria Lopez":
                    people.item(row, 1).setText("Dr Ana Reyes")
            roles = {
                "Dr Ana Reyes": "General practitioner",
                "Dr Tom Hughes": "GP registrar",
                "Dr Aisha Khan": "Practice nurse lead",
            }
            for row in range(people.rowCount()):
                role = roles.get(people.item(row, 1).text())
                if role and people.item(row, 2) is not None:
                    people.item(row, 2).setText(role)
            people.setCurrentCell(1, 1)
            people.setFocus(Qt.FocusReason.OtherFocusReason)
            shooter.grab(wizard, "transcript-wizard")
            wizard.reject()
            return False

        editor.authoring.run_form = run  # type: ignore[method-assign,assignment]
        editor.authoring.new_from_transcript()

    shooter.run("transcript-wizard", transcript_wizard)
    editor.editor.document().setModified(False)
    editor.close()


def annotation(
    app: QApplication, shooter: Shooter, service: Any, window: Any, entries: Any, tmp: Path
) -> None:
    entry = next(e for e in entries if e.id == SCENARIO)

    def remote_request() -> None:
        request = tmp / "request-dr-ana.json"
        service.annotations.export_annotation_request(
            [entry.loaded], organiser="Olga Organiser", expert="Dr Ana Reyes", path=request
        )
        task = window.open_annotation_request(request)
        wait_until(app, lambda: getattr(window, "request_window", None) is not None)
        del task
        win = window.request_window
        win.resize(1200, 780)
        win.choose_number(2)
        for option in range(1, len(win.option_buttons) + 1):
            win.set_rating(option, 5 if option == 2 else 2 + option % 2)
        win.note.setPlainText("Name the frame once, for everyone; no reprimand.")
        shooter.grab(win, "annotation-request")
        win.note.clear()
        win.close()

    shooter.run("annotation-request", remote_request)

    def organiser_alpha() -> None:
        from balint_trainer.gui.authoring.annotation import AnnotationWindow

        rng = random.Random(3)
        version = service.scenarios.register_scenario(entry.loaded)
        scenario = entry.scenario
        for n, name in enumerate(
            ("Dr Ana Reyes", "Dr Ben Adeyemi", "Dr Cy Novak", "Dr Dana Kim", "Dr Eli Sato")
        ):
            expert = service.accounts.create_profile(name, "supervisor")
            for step in scenario.decisions:
                ids = [o.id for o in step.options]
                best = modal(step) if rng.random() < 0.9 - 0.05 * n else rng.choice(ids)
                ratings = {o: (5 if o == best else rng.randint(1, 3)) for o in ids}
                note = NOTES[(n + len(step.decision)) % len(NOTES)] if n < 3 else None
                service.annotations.save_annotation(version.id, step.decision, expert.id, best, ratings, note)
        organiser = service.accounts.create_profile("Olga Organiser", "organiser")
        win = AnnotationWindow(None, service, entries)
        win.resize(1280, 760)
        win.show()
        wait_until(app, lambda: not win.busy)  # the window's service calls run off the UI thread
        win.select_scenario(SCENARIO)
        wait_until(app, lambda: not win.busy)
        # An expert annotating on the organiser's machine: the blind page (no key, no votes).
        fresh = service.accounts.create_profile("Dr Farah Sadeghi", "supervisor")
        win.reload_experts(fresh.id)
        wait_until(app, lambda: not win.busy)
        win.select_expert(fresh.id)
        win.tabs.setCurrentIndex(0)
        win.show_decision(1)
        win.choose_number(3)
        shooter.grab(win, "annotation")
        win.select_expert(organiser.id)
        win.tabs.setCurrentIndex(1)
        win.refresh_organiser()
        wait_until(app, lambda: not win.busy)
        shooter.grab(win, "annotation-alpha")
        win.close()

    shooter.run("annotation-alpha", organiser_alpha, also=("annotation",))
