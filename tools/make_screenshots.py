"""Make every README screenshot of the real app (run under Xvfb).

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/make_screenshots.py [--out docs/screenshots] [--only NAME ...]
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/make_screenshots.py --dark

The light run makes the practice screenshots, the library filling on a first load, adaptive
practice (weak-spots review, confidence, mastery, panel-relative score), the newer flows
(``tools/make_flow_screenshots.py``; ``--no-flows`` skips them) and, in child processes, the
Persian ones (``--language fa`` here, and ``packaging/screenshot.py`` for the main window).
``--dark`` makes the dark-scheme ones. Uses throw-away SQLite databases and data, cache and
settings folders, so no real user data is touched or shown.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parent.parent
# This checkout's package, not whichever one the environment has installed.
sys.path.insert(0, str(REPO))


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


WANTED: set[str] | None = None  # screenshot names to write (None: all)
PRACTICE_SHOTS = {
    "library",
    "case",
    "player-decision",
    "practice-feedback",
    "summary",
    "progress",
    "library-after",
    "player-rtl",
    "player-realtime",
    "followup-case",
}


def wait(app: QApplication, ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def grab(app: QApplication, widget: QWidget, path: Path, pause_ms: int = 0) -> None:
    if WANTED is not None and path.stem.removesuffix("-dark").removesuffix("-fa") not in WANTED:
        return
    if pause_ms:
        wait(app, pause_ms)
    settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="gp-heartsink-frequent-attender")
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--rtl-scenario", default="gp-heartsink-frequent-attender-fa")
    parser.add_argument("--realtime-scenario", default="gp-opioid-request-next-meeting")
    parser.add_argument("--dark", action="store_true", help="force the dark colour scheme")
    parser.add_argument("--no-flows", action="store_true", help="skip tools/make_flow_screenshots.py")
    parser.add_argument("--only", nargs="*", help="screenshot names to write (default: all)")
    parser.add_argument("--language", help="only the screenshots in this language (the light run calls it)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.TemporaryDirectory(prefix="balint-shots-")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[name] = str(Path(home.name) / name.lower())

    from balint_trainer import i18n
    from balint_trainer.gui.app import create_application

    app = create_application(["make_screenshots"])
    global WANTED
    WANTED = set(args.only) if args.only else None
    if args.language:
        i18n.install(app, args.language)
        # The Persian review session: the README shows that one (English elsewhere).
        code = adaptive_shots(app, out, f"-{args.language}", only={"review-session"})
    elif args.dark:
        WANTED = {"library", "practice-feedback"}  # enough to show the dark scheme
        from balint_trainer.gui.style import dark_palette

        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        code = practice_shots(app, args, out, home.name, "-dark")
    else:
        code = practice_shots(app, args, out, home.name, "")
        code = code or library_loading_shot(app, out)
        code = code or adaptive_shots(app, out, "")
        if not args.no_flows:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            import make_flow_screenshots

            flow_args = ["--out", str(out)] + (["--only", *args.only] if args.only else [])
            code = make_flow_screenshots.main(flow_args, app=app) or code
        code = persian_shots(out) or code
    QTimer.singleShot(0, app.quit)
    app.exec()
    home.cleanup()
    return code


def practice_shots(app: QApplication, args: argparse.Namespace, out: Path, home: str, suffix: str) -> int:
    """A practice attempt from library to summary, an exam for progress, RTL and real time."""
    if WANTED is not None and not WANTED & PRACTICE_SHOTS:
        return 0
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.services import open_service

    # Options are shuffled per attempt: a fixed seed keeps the screenshots reproducible.
    MainWindow.option_seed = staticmethod(lambda: "screenshots")  # type: ignore[method-assign]
    # In the throw-away home (removed at the very end), not a directory removed on return: a
    # late timer of this window may still reach its database while later windows are shown.
    tmp = tempfile.mkdtemp(dir=home)
    service = open_service(f"sqlite:///{Path(tmp) / 'screens.db'}")
    # The one trainee profile is chosen without asking; its name shows in the status bar.
    service.accounts.create_profile("Amira Haddad", "trainee", cohort="Autumn 2026")
    window = MainWindow(service=service)
    window.resize(1280, 820)
    window.show()
    window.load_now()
    library = window.library
    if not library.select_scenario(args.scenario):
        print(f"scenario {args.scenario} not found", file=sys.stderr)
        return 1
    grab(app, window, out / f"library{suffix}.png")

    # A first finished attempt of another scenario gives the progress view two points.
    entry = library.current_entry()
    assert entry is not None
    window.start_scenario(entry, "practice")
    window.practice.wait()  # starting, saving and finishing run off the UI thread
    player = window.player
    grab(app, window, out / f"case{suffix}.png")
    player.begin()
    player.step_until_decision()
    player.select_option(2)
    player.own_words.setPlainText("Could we stay with what it was like to sit with her?")
    player.confidence_row.set_level(2)  # "Fairly sure": the progress view's calibration chart
    grab(app, window, out / f"player-decision{suffix}.png")
    player.confirm_choice()
    window.practice.wait()  # starting, saving and finishing run off the UI thread
    grab(app, window, out / f"practice-feedback{suffix}.png")
    choices = iter([1, 3, 1, 2, 1, 1, 1, 1])
    levels = iter([3, 1, 3, 2, 3, 1, 2])
    player.continue_after_feedback()
    while player.state != "end":
        if player.state == "deciding":
            player.select_option(next(choices, 1))
            player.confidence_row.set_level(next(levels, 2))
            player.confirm_choice()
            window.practice.wait()  # starting, saving and finishing run off the UI thread
        elif player.state == "feedback":
            player.continue_after_feedback()
        else:
            player.step()
    window.finish_session()
    window.practice.wait()  # starting, saving and finishing run off the UI thread
    # The summary's top pane keeps the height it had before the panel-relative text was
    # filled in, and its labels then overlap: drag the splitter down, as a user would.
    from PySide6.QtWidgets import QSplitter

    splitter = next(
        w for w in window.summary_view.findChildren(QSplitter) if w.orientation() == Qt.Orientation.Vertical
    )
    splitter.setSizes([430, 330])
    grab(app, window, out / f"summary{suffix}.png")

    # Second attempt, an exam, for the progress chart.
    window.show_library()
    library.select_scenario(args.scenario)
    window.start_scenario(library.current_entry(), "exam")  # type: ignore[arg-type]
    window.practice.wait()  # starting, saving and finishing run off the UI thread
    player.begin()
    while player.state != "end":
        if player.state == "deciding":
            player.select_option(1)
            player.confirm_choice()
            window.practice.wait()  # starting, saving and finishing run off the UI thread
        else:
            player.step()
    window.finish_session()
    window.practice.wait()  # starting, saving and finishing run off the UI thread
    window.show_progress()
    window.practice.wait()  # starting, saving and finishing run off the UI thread
    # Mastery and calibration are read in a second step: wait for them (and the chart's import).
    panel = getattr(window.progress_view, "adaptive_panel", None)
    for _ in range(100):
        if panel is None or panel.mastery.table.rowCount():
            break
        wait(app, 100)
    grab(app, window, out / f"progress{suffix}.png", pause_ms=800)
    window.show_library()
    grab(app, window, out / f"library-after{suffix}.png")

    # A right-to-left scenario, if the library has one.
    if library.select_scenario(args.rtl_scenario):
        window.start_scenario(library.current_entry(), "practice")  # type: ignore[arg-type]
        window.practice.wait()  # starting, saving and finishing run off the UI thread
        player.begin()
        player.step_until_decision()
        player.select_option(1)
        grab(app, window, out / f"player-rtl{suffix}.png")
    # Real time: the follow-up session sets a time limit, so its decisions count down.
    window.show_library()
    # The follow-up remembers the earlier meeting: lead that one first (as an exam, no feedback).
    if library.select_scenario("gp-opioid-request"):
        window.start_scenario(library.current_entry(), "exam")  # type: ignore[arg-type]
        window.practice.wait()
        player.begin()
        while player.state != "end":
            if player.state == "deciding":
                player.select_option(1)
                player.confirm_choice()
                window.practice.wait()
            else:
                player.step()
        window.finish_session()
        window.practice.wait()
        window.show_library()
    if library.select_scenario(args.realtime_scenario):
        window.start_scenario(library.current_entry(), "practice")  # type: ignore[arg-type]
        window.practice.wait()  # starting, saving and finishing run off the UI thread
        grab(app, window, out / f"followup-case{suffix}.png")
        player.begin()
        player.step_until_decision()
        # The second decision (Chioma's apology) has lines that do not wait for the answer:
        # let its clock run, so the countdown goes down and the group goes on, muted.
        player.select_option(2)
        player.confirm_choice()
        window.practice.wait()
        player.continue_after_feedback()
        player.step_until_decision()
        grab(app, window, out / f"player-realtime{suffix}.png", pause_ms=9000)
    window.show_library()  # closing mid-session would ask whether to quit
    window.close()
    window.deleteLater()
    service.close()
    return 0


def library_loading_shot(app: QApplication, out: Path) -> int:
    """The library filling in on a first load: rows so far, the progress bar, practice disabled.

    The real loader finishes the 22 bundled files too fast to catch, so the view is put in the
    state it shows partway through: the first rows read and "Loading… 8 of 22 files".
    """
    if WANTED is not None and "library-loading" not in WANTED:
        return 0
    from balint_trainer.core.catalogue import load_catalogue
    from balint_trainer.gui.main_window import MainWindow

    entries = load_catalogue([])
    window = MainWindow()  # not loaded: the database is not open, so practice stays disabled
    window.resize(1280, 820)
    window.show()
    library = window.library
    library.begin_loading()
    library.append_entries(entries[:8])
    library.set_load_progress(8, len(entries))
    grab(app, window, out / "library-loading.png", pause_ms=300)
    window.hide()
    window.deleteLater()
    return 0


def adaptive_shots(app: QApplication, out: Path, suffix: str, only: set[str] | None = None) -> int:
    """Adaptive practice: weak-spots review, confidence, mastery, the panel-relative score.

    A throw-away SQLite database with a few answers from three days ago, so decisions are due.
    """
    global WANTED
    if only is not None:
        WANTED = only if WANTED is None else WANTED & only
    if WANTED is not None and not WANTED & {
        "review-due",
        "review-session",
        "review-feedback",
        "progress-mastery",
        "summary-panel-relative",
    }:
        return 0
    from balint_trainer.core.catalogue import find_entry, load_catalogue
    from balint_trainer.core.scoring import credit, modal_options
    from balint_trainer.core.session import PracticeSession
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.services import open_service
    from balint_trainer.services.review_cards import CardReviews
    from balint_trainer.storage.models import utcnow

    # In Persian, the Persian version of the case: no English text in a Persian screenshot.
    scenario_id = "gp-heartsink-frequent-attender" + ("-fa" if suffix == "-fa" else "")
    with tempfile.TemporaryDirectory() as tmp:
        service = open_service(f"sqlite:///{Path(tmp) / 'shots.sqlite3'}")
        entry = find_entry(load_catalogue([]), scenario_id)
        assert entry is not None and entry.scenario is not None
        scenario = entry.scenario
        me = service.accounts.local_profile()
        reviews = CardReviews(service)
        past = utcnow() - timedelta(days=3)
        # Earlier practice: the panel's option, a defensible one, or one nobody chose; some with confidence.
        version = service.scenarios.register_scenario(entry.loaded)
        attempt = service.practice.start_attempt(me.id, version.id, "practice")
        for i, decision in enumerate(scenario.decisions):
            modal = modal_options(decision)[0]
            others = [o.id for o in decision.options if o.id != modal]
            option = modal if i % 3 == 0 else others[i % len(others)]
            service.practice.record_answer(
                attempt.id, decision.decision, option, credit=credit(decision, option), confidence=1 + i % 3
            )
            reviews.answer_review(me.id, scenario, decision.decision, option, now=past)
        service.practice.finish_attempt(attempt.id)

        window = MainWindow(service=service)
        window.resize(1200, 800)
        window.show()
        window.start_loading()
        for _ in range(50):
            if window.is_loaded and window.library.review_button.isEnabled():
                break
            wait(app, 100)
        window.library.select_scenario(scenario_id)
        grab(app, window, out / f"review-due{suffix}.png", pause_ms=400)

        window.weak_spots.start()
        view = window.weak_spots.view
        view.select_option(1)
        view.set_confidence(2)
        grab(app, window, out / f"review-session{suffix}.png", pause_ms=400)
        view.confirm()
        for _ in range(50):
            if view.next_button.isVisible():
                break
            wait(app, 100)
        grab(app, window, out / f"review-feedback{suffix}.png", pause_ms=400)

        window.show_progress()
        window.practice.wait()  # the points are read off the UI thread
        wait(app, 1500)
        grab(app, window, out / f"progress-mastery{suffix}.png", pause_ms=400)

        session = PracticeSession(scenario, "exam", seed="screens")
        session.run_to_end(lambda event: event.options[-1].id)
        window.show_summary(session.summary(), scenario.title, scenario.language)
        from balint_trainer.gui.practice.adaptive_views import show_panel_relative

        show_panel_relative(window.summary_view.panel_relative, scenario, session.summary().decisions)
        grab(app, window, out / f"summary-panel-relative{suffix}.png", pause_ms=400)
        window.close()
        service.close()
    return 0


def persian_shots(out: Path) -> int:
    """Persian needs its translators installed before any window: fresh processes."""
    if WANTED is not None and not WANTED & {"review-session", "main-window"}:
        return 0
    code = 0
    if WANTED is None or "review-session" in WANTED:
        code |= subprocess.run([sys.executable, __file__, "--language", "fa", "--out", str(out)]).returncode
    if WANTED is None or "main-window" in WANTED:
        script = REPO / "packaging" / "screenshot.py"
        code |= subprocess.run(
            [sys.executable, str(script), "--language", "fa", str(out / "main-window-fa.png")]
        ).returncode
    return code


if __name__ == "__main__":
    raise SystemExit(main())
