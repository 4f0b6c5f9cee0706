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
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling modules below
from screenshot_support import REPO, SCENARIO, SEED, TRAINEES, Shooter, answer, modal, settle, wait_until
from workbench_screenshots import annotation, authoring, lrs_status_shot, recorded_session_shot


def seed_cohort(service: Any, version: Any, scenario: Any) -> None:
    """36 trainees of varied skill (30 complete attempts are needed for item-rest r and alpha)."""
    rng = random.Random(7)
    for n in range(36):
        profile = service.accounts.create_profile(f"Trainee {n + 1:02d}", "trainee", cohort="Autumn 2026")
        skill = 0.25 + 0.7 * n / 35
        attempt = service.practice.start_attempt(profile.id, version.id, "exam", option_seed=f"cohort-{n}")

        def pick(step: Any, order: list[str], skill: float = skill) -> str:
            return modal(step) if rng.random() < skill else rng.choice(order)

        answer(service, attempt, scenario, pick)


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
    version = service.scenarios.register_scenario(entry.loaded)
    scenario: Any = entry.scenario
    profiles = [service.accounts.create_profile(name, "trainee", cohort="Autumn 2026") for name in TRAINEES]
    amira = profiles[0]
    supervisor = service.accounts.create_profile("Dr Sue Lindqvist", "supervisor")

    # Amira's own attempts: one earlier practice, then the one her supervisor comments on.
    first = service.practice.start_attempt(amira.id, version.id, "practice", option_seed="earlier")
    answer(service, first, scenario, lambda step, order: order[0])
    attempt = service.practice.start_attempt(amira.id, version.id, "practice", option_seed=SEED)
    answer(
        service,
        attempt,
        scenario,
        lambda step, order: modal(step) if step.decision != scenario.decisions[0].decision else order[1],
        words="Could we stay with what it was like to sit with her?",
    )
    first_decision = scenario.decisions[0].decision
    service.review.add_comment(
        attempt.id,
        supervisor.id,
        "Letting the notes pass felt kind, but the frame is yours to hold at a first meeting. "
        "Next time try naming the rule once, warmly, for the whole group.",
        decision_id=first_decision,
    )
    service.review.add_comment(
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
        from balint_trainer.gui.accounts.profile_chooser import ProfileChooser, profile_choices

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

    authoring(app, shooter, service, tmp)
    annotation(app, shooter, service, window, entries, tmp)

    def supervisor_review() -> None:
        from PySide6.QtCore import Qt

        from balint_trainer.gui.workbench import open_supervisor

        win = open_supervisor(None, service)
        win.resize(1280, 760)
        win.show()
        wait_until(app, lambda: not win.busy)  # the supervisor window reads off the UI thread
        assert win.select_trainee(amira.id)
        wait_until(app, lambda: not win.busy)
        assert win.select_attempt(attempt.id)
        wait_until(app, lambda: not win.busy)
        win.select_decision(first_decision)
        signer = win.attempts_tab.author_combo.findText(supervisor.name, Qt.MatchFlag.MatchContains)
        win.attempts_tab.author_combo.setCurrentIndex(max(signer, 0))
        shooter.grab(win, "supervisor-review")
        win.close()

    shooter.run("supervisor-review", supervisor_review)

    def recorded_session() -> None:
        recorded_session_shot(app, shooter, service, amira, supervisor, tmp)

    shooter.run(
        "recorded-session-coding",
        recorded_session,
        also=("recorded-sessions-chart", "recorded-session-editing"),
    )

    def lrs_status() -> None:
        lrs_status_shot(app, shooter, service, version, scenario, profiles[1])

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
        wait_until(app, lambda: not win.busy)
        win.tabs.setCurrentWidget(win.items_tab)  # reads the cohort's items
        wait_until(app, lambda: not win.busy)
        shooter.grab(win, "item-analysis")
        win.close()

    shooter.run("item-analysis", item_analysis)

    window.close()
    service.close()


if __name__ == "__main__":
    code = main()
    instance = QApplication.instance()
    if instance is not None:
        QTimer.singleShot(0, instance.quit)
        instance.exec()
    raise SystemExit(code)
