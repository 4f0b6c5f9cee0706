"""Screenshots of adaptive practice (weak-spots review, confidence, mastery, panel-relative score).

    xvfb-run -s "-screen 0 1400x900x24" python tools/make_adaptive_screenshots.py [--language fa]

A throw-away SQLite database with a few answers from three days ago, so decisions are due.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parent.parent
SCENARIO = "gp-heartsink-frequent-attender"


def wait(app: QApplication, ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    wait(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--language", default=None)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = f"-{args.language}" if args.language else ""

    from balint_trainer import i18n
    from balint_trainer.core.catalogue import find_entry, load_catalogue
    from balint_trainer.core.scoring import credit, modal_options
    from balint_trainer.core.session import PracticeSession
    from balint_trainer.gui.app import create_application
    from balint_trainer.services import open_service
    from balint_trainer.services.review_cards import CardReviews
    from balint_trainer.storage.models import utcnow

    app = create_application(["make_adaptive_screenshots"])
    i18n.install(app, args.language)
    from balint_trainer.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        service = open_service(f"sqlite:///{Path(tmp) / 'shots.sqlite3'}")
        entry = find_entry(load_catalogue([]), SCENARIO)
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
        window.library.select_scenario(SCENARIO)
        grab(app, window, out / f"review-due{suffix}.png")

        window.weak_spots.start()
        view = window.weak_spots.view
        view.select_option(1)
        view.set_confidence(2)
        grab(app, window, out / f"review-session{suffix}.png")
        view.confirm()
        for _ in range(50):
            if view.next_button.isVisible():
                break
            wait(app, 100)
        grab(app, window, out / f"review-feedback{suffix}.png")

        window.show_progress()
        window.practice.wait()  # the points are read off the UI thread
        wait(app, 1500)
        grab(app, window, out / f"progress-mastery{suffix}.png")

        session = PracticeSession(scenario, "exam", seed="screens")
        session.run_to_end(lambda event: event.options[-1].id)
        window.show_summary(session.summary(), scenario.title, scenario.language)
        from balint_trainer.gui.practice.adaptive_views import show_panel_relative

        show_panel_relative(window.summary_view.panel_relative, scenario, session.summary().decisions)
        grab(app, window, out / f"summary-panel-relative{suffix}.png")
        window.close()
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
