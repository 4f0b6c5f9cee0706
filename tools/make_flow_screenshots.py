"""Screenshots of the newer flows (profiles, own review, guidance, authoring, annotation exchange,
reliability, backups, broken files). Called by ``tools/make_screenshots.py``; runs on its own too:

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/make_flow_screenshots.py [--out DIR] [--only NAME ...]

Everything is seeded through the service into a throw-away SQLite database and data folder,
with fixed seeds, so the images are reproducible and show no real user data.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parent.parent
# This checkout's package, not whichever one the environment has installed.
sys.path.insert(0, str(REPO))
SCENARIO = "gp-heartsink-frequent-attender"
SEED = "screenshots"
NOTES = (
    "Holds the frame without reprimand.",
    "Keeps the group with the doctor and the patient.",
    "A first meeting: the leader says it once, for everyone.",
)
TRAINEES = ("Amira Haddad", "Ben Okafor", "Chloe Martin", "Dev Patel")


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def wait_until(app: QApplication, condition: Callable[[], Any], timeout: float = 10.0) -> None:
    """Process events until ``condition()`` holds (worker threads deliver through the loop)."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)
    settle(app)


class Shooter:
    def __init__(self, app: QApplication, out: Path, only: set[str] | None) -> None:
        self.app, self.out, self.only = app, out, only
        self.failed: list[str] = []

    def wanted(self, name: str) -> bool:
        return self.only is None or name in self.only

    def grab(self, widget: QWidget, name: str) -> None:
        if not self.wanted(name):
            return
        settle(self.app)
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")

    def run(self, name: str, shot: Callable[[], None], also: tuple[str, ...] = ()) -> None:
        """``also``: further screenshots this flow makes on its way."""
        if not any(self.wanted(n) for n in (name, *also)):
            return
        try:
            shot()
        except Exception:  # one broken flow must not lose the other screenshots
            traceback.print_exc()
            self.failed.append(name)


def _answer(
    service: Any, attempt: Any, scenario: Any, pick: Callable[[Any, list[str]], str], words: str | None = None
) -> None:
    from balint_trainer.core.option_order import shown_order
    from balint_trainer.core.scoring import credit

    for step in scenario.decisions:
        order = list(shown_order(step, attempt.option_seed))
        option = pick(step, order)
        service.record_answer(
            attempt.id,
            step.decision,
            option,
            credit=credit(step, option),
            shown_order=order,
            own_words=words if step is scenario.decisions[0] else None,
            seconds=20.0,
        )
    service.finish_attempt(attempt.id)


def _modal(step: Any) -> str:
    from balint_trainer.core.scoring import credit

    return max((o.id for o in step.options), key=lambda o: credit(step, o))


def seed_cohort(service: Any, version: Any, scenario: Any) -> None:
    """36 trainees of varied skill (30 complete attempts are needed for item-rest r and alpha)."""
    rng = random.Random(7)
    for n in range(36):
        profile = service.create_profile(f"Trainee {n + 1:02d}", "trainee", cohort="Autumn 2026")
        skill = 0.25 + 0.7 * n / 35
        attempt = service.start_attempt(profile.id, version.id, "exam", option_seed=f"cohort-{n}")

        def pick(step: Any, order: list[str], skill: float = skill) -> str:
            return _modal(step) if rng.random() < skill else rng.choice(order)

        _answer(service, attempt, scenario, pick)


def main(argv: list[str] | None = None, app: QApplication | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--only", nargs="*", help="screenshot names to write (default: all)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    import os

    tmp = Path(tempfile.mkdtemp(prefix="balint-flows-"))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[name] = str(tmp / name.lower())
    if app is None:
        from balint_trainer.gui.app import create_application

        app = create_application(["make_flow_screenshots"])
    shooter = Shooter(app, out, set(args.only) if args.only else None)
    try:
        _flows(app, shooter, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if shooter.failed:
        print("failed: " + ", ".join(shooter.failed), file=sys.stderr)
        return 1
    return 0


def _flows(app: QApplication, shooter: Shooter, tmp: Path) -> None:
    from PySide6.QtCore import QSettings

    from balint_trainer.core.catalogue import load_catalogue
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.services import open_service

    MainWindow.option_seed = staticmethod(lambda: SEED)  # type: ignore[method-assign]
    database = tmp / "screens.db"
    service = open_service(f"sqlite:///{database}")
    extra = tmp / "my-scenarios"
    extra.mkdir()
    # A broken file in the organiser's folder: listed in the library with "Open in editor".
    broken = (REPO / "tests" / "data" / "broken" / "unknown-person.yaml").read_text("utf-8")
    (extra / "tuesday-group-draft.yaml").write_text(broken, "utf-8")

    entries = load_catalogue([], include_bundled=True)
    entry = next(e for e in entries if e.id == SCENARIO)
    version = service.register_scenario(entry.loaded)
    scenario: Any = entry.scenario
    profiles = [service.create_profile(name, "trainee", cohort="Autumn 2026") for name in TRAINEES]
    amira = profiles[0]
    supervisor = service.create_profile("Dr Sue Lindqvist", "supervisor")

    # Amira's own attempts: one earlier practice, then the one her supervisor comments on.
    first = service.start_attempt(amira.id, version.id, "practice", option_seed="earlier")
    _answer(service, first, scenario, lambda step, order: order[0])
    attempt = service.start_attempt(amira.id, version.id, "practice", option_seed=SEED)
    _answer(
        service,
        attempt,
        scenario,
        lambda step, order: _modal(step) if step.decision != scenario.decisions[0].decision else order[1],
        words="Could we stay with what it was like to sit with her?",
    )
    first_decision = scenario.decisions[0].decision
    service.add_comment(
        attempt.id,
        supervisor.id,
        "Letting the notes pass felt kind, but the frame is yours to hold at a first meeting. "
        "Next time try naming the rule once, warmly, for the whole group.",
        decision_id=first_decision,
    )
    service.add_comment(
        attempt.id, supervisor.id, "A thoughtful session: you stayed with the patient throughout."
    )

    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(extra_scenario_dirs=[extra], service=service, settings=settings)
    window.resize(1200, 780)
    window.show()
    window.load_now()
    wait_until(app, lambda: window.is_loaded)
    chooser = getattr(window, "_chooser", None)
    if chooser is not None:
        chooser.hide()

    def profile_chooser() -> None:
        from balint_trainer.gui.profile_chooser import ProfileChooser, profile_choices

        dialog = ProfileChooser(service, profile_choices(service, ask=True), window, preselect_uid=amira.uid)
        dialog.resize(460, 360)
        dialog.show()
        shooter.grab(dialog, "profile-chooser")
        dialog.close()

    shooter.run("profile-chooser", profile_chooser)
    if chooser is not None:
        chooser.close()
    window.set_profile(amira)
    settle(app)

    def library_unread() -> None:
        window.refresh_feedback()
        wait_until(app, lambda: window.library.model.unread(SCENARIO) == 2)
        window.library.select_scenario(SCENARIO)
        shooter.grab(window, "library-unread")

    shooter.run("library-unread", library_unread)

    def own_review() -> None:
        window.show_review(SCENARIO)
        view = window.review_view
        wait_until(app, lambda: view.shown_attempt_id is not None)
        if view.shown_attempt_id != attempt.id:
            view.select_attempt(attempt.id)
            wait_until(app, lambda: view.shown_attempt_id == attempt.id)
        # Scroll to the first comment, marked new.
        view.details.scrollToAnchor("comment") if hasattr(view.details, "scrollToAnchor") else None
        shooter.grab(window, "own-review")
        window.show_library()

    shooter.run("own-review", own_review)

    def broken_file() -> None:
        rows = window.library.model.entries()
        row = next(i for i, e in enumerate(rows) if not e.ok)
        window.library.select_row(row)
        shooter.grab(window, "library-broken-file")

    shooter.run("library-broken-file", broken_file)

    def introduction() -> None:
        dialog = window.guidance.show_intro()
        dialog.resize(760, 640)
        shooter.grab(dialog, "introduction")
        dialog.close()

    shooter.run("introduction", introduction)

    def glossary() -> None:
        dialog = window.guidance.show_glossary()
        dialog.resize(900, 640)
        settle(app)
        dialog.show_entry("stat-credit")  # after the layout, so the scroll lands on it
        shooter.grab(dialog, "glossary")
        dialog.close()

    shooter.run("glossary", glossary)

    def shortcuts() -> None:
        dialog = window.guidance.show_shortcuts()
        dialog.resize(760, 700)
        shooter.grab(dialog, "shortcuts")
        dialog.close()

    shooter.run("shortcuts", shortcuts)

    def restore_backup() -> None:
        from balint_trainer.gui.backups import RestoreBackupDialog
        from balint_trainer.services.backups import backups_of
        from balint_trainer.storage.backup import make_backup

        for _ in range(3):
            make_backup(database)
            time.sleep(1.1)  # backups are named by the second
        dialog = RestoreBackupDialog(backups_of(database), window)
        dialog.resize(620, 380)
        dialog.show()
        shooter.grab(dialog, "restore-backup")
        dialog.close()

    shooter.run("restore-backup", restore_backup)

    _authoring(app, shooter, service, tmp)
    _annotation(app, shooter, service, window, entries, tmp)

    def supervisor_review() -> None:
        from PySide6.QtCore import Qt

        from balint_trainer.gui.workbench import open_supervisor

        win = open_supervisor(None, service)
        win.resize(1280, 760)
        win.show()
        assert win.select_trainee(amira.id) and win.select_attempt(attempt.id)
        win.select_decision(first_decision)
        signer = win.author_combo.findText(supervisor.name, Qt.MatchFlag.MatchContains)
        win.author_combo.setCurrentIndex(max(signer, 0))
        shooter.grab(win, "supervisor-review")
        win.close()

    shooter.run("supervisor-review", supervisor_review)

    def recorded_session() -> None:
        _recorded_session(app, shooter, service, amira, supervisor, tmp)

    shooter.run("recorded-session-coding", recorded_session)

    def lrs_status() -> None:
        _lrs_status(app, shooter, service, version, scenario, profiles[1])

    shooter.run("lrs-status", lrs_status)

    def report_page() -> None:
        import subprocess

        from balint_trainer.gui.report_pdf import write_pdf
        from balint_trainer.reports import trainee_report, trainee_report_html

        pdf = tmp / "report.pdf"
        html = trainee_report_html(trainee_report(service, amira.id), mirror_tables=True)
        write_pdf(html, pdf, title=amira.name)
        # Page 2: the competency chart and the first decision against the panel, with a comment.
        subprocess.run(
            [
                "pdftoppm",
                "-f",
                "2",
                "-l",
                "2",
                "-r",
                "80",
                "-png",
                "-singlefile",
                str(pdf),
                str(shooter.out / "report-page"),
            ],
            check=True,
        )
        print(f"wrote {shooter.out / 'report-page.png'}")

    shooter.run("report-page", report_page)

    def item_analysis() -> None:
        from balint_trainer.gui.workbench import open_supervisor

        seed_cohort(service, version, scenario)
        win = open_supervisor(None, service)
        win.resize(1280, 760)
        win.show()
        win.tabs.setCurrentWidget(win.items_tab)
        win.refresh_items()
        shooter.grab(win, "item-analysis")
        win.close()

    shooter.run("item-analysis", item_analysis)

    window.close()
    service.close()


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


def _lrs_status(
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
    attempt = service.start_attempt(trainee.id, version.id, "practice", option_seed="ben")
    for step in scenario.decisions[:3]:
        from balint_trainer.core.option_order import shown_order
        from balint_trainer.core.scoring import credit

        service.record_answer(
            attempt.id,
            step.decision,
            _modal(step),
            credit=credit(step, _modal(step)),
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


def _recorded_session(
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
    coder.done(0)


def _authoring(app: QApplication, shooter: Shooter, service: Any, tmp: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from balint_trainer.gui.workbench.editor import ScenarioEditor

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


def _annotation(
    app: QApplication, shooter: Shooter, service: Any, window: Any, entries: Any, tmp: Path
) -> None:
    entry = next(e for e in entries if e.id == SCENARIO)

    def remote_request() -> None:
        request = tmp / "request-dr-ana.json"
        service.export_annotation_request(
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
        from balint_trainer.gui.workbench.annotation import AnnotationWindow

        rng = random.Random(3)
        version = service.register_scenario(entry.loaded)
        scenario = entry.scenario
        for n, name in enumerate(
            ("Dr Ana Reyes", "Dr Ben Adeyemi", "Dr Cy Novak", "Dr Dana Kim", "Dr Eli Sato")
        ):
            expert = service.create_profile(name, "supervisor")
            for step in scenario.decisions:
                ids = [o.id for o in step.options]
                best = _modal(step) if rng.random() < 0.9 - 0.05 * n else rng.choice(ids)
                ratings = {o: (5 if o == best else rng.randint(1, 3)) for o in ids}
                note = NOTES[(n + len(step.decision)) % len(NOTES)] if n < 3 else None
                service.save_annotation(version.id, step.decision, expert.id, best, ratings, note)
        organiser = service.create_profile("Olga Organiser", "organiser")
        win = AnnotationWindow(None, service, entries)
        win.resize(1280, 760)
        win.show()
        win.select_scenario(SCENARIO)
        # An expert annotating on the organiser's machine: the blind page (no key, no votes).
        fresh = service.create_profile("Dr Farah Sadeghi", "supervisor")
        win.reload_experts(fresh.id)
        win.select_expert(fresh.id)
        win.tabs.setCurrentIndex(0)
        win.show_decision(1)
        win.choose_number(3)
        shooter.grab(win, "annotation")
        win.select_expert(organiser.id)
        win.tabs.setCurrentIndex(1)
        win.refresh_organiser()
        shooter.grab(win, "annotation-alpha")
        win.close()

    shooter.run("annotation-alpha", organiser_alpha, also=("annotation",))


if __name__ == "__main__":
    code = main()
    instance = QApplication.instance()
    if instance is not None:
        QTimer.singleShot(0, instance.quit)
        instance.exec()
    raise SystemExit(code)
