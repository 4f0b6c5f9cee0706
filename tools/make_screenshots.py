"""Make the README screenshots of the real app (run under Xvfb).

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/make_screenshots.py [--scenario ID] [--out docs/screenshots]
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/make_screenshots.py --dark

Uses a throw-away SQLite database and data, cache and settings folders, so no real user data is
touched or shown. The light run then makes the newer flows' screenshots too
(``tools/make_flow_screenshots.py``); ``--no-flows`` skips them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parent.parent
# This checkout's package, not whichever one the environment has installed.
sys.path.insert(0, str(REPO))


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


WANTED: set[str] | None = None  # screenshot names to write (None: all)


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    if WANTED is not None and path.stem.removesuffix("-dark") not in WANTED:
        return
    settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="gp-heartsink-frequent-attender")
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--rtl-scenario", default="gp-heartsink-frequent-attender-fa")
    parser.add_argument("--realtime-scenario", default="gp-opioid-request-next-meeting")
    parser.add_argument("--dark", action="store_true", help="force the dark colour scheme")
    parser.add_argument("--no-flows", action="store_true", help="skip tools/make_flow_screenshots.py")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.TemporaryDirectory(prefix="balint-shots-")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[name] = str(Path(home.name) / name.lower())

    from balint_trainer.gui.app import create_application

    app = create_application(["make_screenshots"])
    if args.dark:
        global WANTED
        WANTED = {"library", "practice-feedback"}  # enough to show the dark scheme
        from balint_trainer.gui.style import dark_palette

        app.setStyle("Fusion")
        app.setPalette(dark_palette())

    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.services import open_service

    # Options are shuffled per attempt: a fixed seed keeps the screenshots reproducible.
    MainWindow.option_seed = staticmethod(lambda: "screenshots")  # type: ignore[method-assign]
    suffix = "-dark" if args.dark else ""
    with tempfile.TemporaryDirectory() as tmp:
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
            w
            for w in window.summary_view.findChildren(QSplitter)
            if w.orientation() == Qt.Orientation.Vertical
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
        grab(app, window, out / f"progress{suffix}.png")
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
        if library.select_scenario(args.realtime_scenario):
            window.start_scenario(library.current_entry(), "practice")  # type: ignore[arg-type]
            window.practice.wait()  # starting, saving and finishing run off the UI thread
            player.begin()
            player.step_until_decision()
            grab(app, window, out / f"player-realtime{suffix}.png")
        window.show_library()  # closing mid-session would ask whether to quit
        window.close()
        service.close()
    code = 0
    if not args.dark and not args.no_flows:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import make_flow_screenshots

        code = make_flow_screenshots.main(["--out", str(out)], app=app)
    QTimer.singleShot(0, app.quit)
    app.exec()
    home.cleanup()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
