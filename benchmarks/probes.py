"""Child-process probes for benchmarks/run.py: each measures one thing in a fresh interpreter.

    python benchmarks/probes.py KIND [ARG...]

Every probe prints one JSON line on stdout with at least ``t_done`` (``time.time()``
when the measured state was reached; the parent subtracts its own launch time, so
interpreter start-up and imports are included), ``work_s`` (the timed work inside
the process, where that is meaningful) and ``maxrss_kb`` (peak resident memory).

Kinds:
  bare-window               a PySide6 QLabel: first paint of the window
  app-window [ARGS]         the app (``balint-trainer ARGS``): first paint of its main window
  bare-window-appfilter, app-window-appfilter [ARGS]
                            the same with an application-wide event filter as the instrument
  app-library N [ARGS]      the app ready to practise: a visible item view showing >= N rows and
                            the main window ready (``is_ready`` where it exists, else ``is_loaded``:
                            library complete, database open, practice enabled); also reports the
                            longest event-loop gap after the first paint (``max_gap_ms``, a 10 ms
                            timer), so a first load with an empty cache shows whether the UI stalled;
                            ``t_settled`` and ``maxrss_settled_kb``: once the database has also opened
                            behind the ready window (a warm start opens SQLAlchemy after ready)
  yaml-parse DIR            yaml.load(CSafeLoader) of every *.yaml in DIR (the bar for validate and
                            for a first load of the library)
  validate DIR              ``balint-trainer validate --quiet DIR``: full validation of every file
  analytics-service URL     cohort item analysis over every answer: ReviewService.item_analysis()
  analytics-sql FILE        the same item analysis hand-written in SQL on sqlite3 (ranking,
                            27 % groups, one GROUP BY)
  analytics-groupby FILE    the simplest aggregate: one GROUP BY for choice counts (reference)
  generate DIR N ANSWERS    (set-up, not measured) N scenarios and a database of ANSWERS answers
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_kb() -> int:
    """Peak resident memory of this process.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss over ``execve``, so a child of a
    big parent would report the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS


def _report(**values: object) -> None:
    values.setdefault("t_done", time.time())
    values.setdefault("maxrss_kb", peak_rss_kb())
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def _install_window_probe(want_main_window: bool, rows: int | None, instrument: str = "window") -> None:
    """Watch for the first paint of the window; the bare window uses the same probe.

    Done before the app's modules are imported. ``instrument``:

    - ``window`` (what run.py reports): ``QWidget.show`` is wrapped so that the first
      top-level window shown (for the app: its ``QMainWindow``) gets a Python event
      filter; only that window's own events reach Python.
    - ``app``: ``QApplication`` is replaced by a subclass with an application-wide
      Python event filter (the first version of this benchmark). It perturbs what it
      measures: every event of every object while the window is built calls into Python,
      which wraps the private Qt objects they come from and makes PySide6 create their
      Python types and enums (~180 enum classes for the main window, a handful for a
      label). run.py still measures it, for comparison.
    """
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    state: dict[str, float] = {}

    def finish() -> None:
        _report(t_done=state["t_done"], t_paint=state["t_paint"], instrument=instrument)
        os._exit(0)  # no teardown: the same for both sides, and not part of "first window"

    main_windows: list[QtWidgets.QMainWindow] = []

    def window_ready(window: QtWidgets.QMainWindow) -> bool:
        flag = getattr(window, "is_ready", None)
        if flag is None:
            flag = getattr(window, "is_loaded", False)
        return bool(flag() if callable(flag) else flag)

    def ready() -> bool:
        """The user can act: the main window says it is ready (library complete, database open,
        practice enabled) and the library shows its rows, not merely rows on screen."""
        if not main_windows:
            main_windows.extend(
                w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMainWindow)
            )
        if not any(window_ready(w) for w in main_windows):
            return False
        return any(
            isinstance(w, QtWidgets.QAbstractItemView)
            and w.isVisible()
            and w.model() is not None
            and w.model().rowCount() >= (rows or 0)
            for w in QtWidgets.QApplication.allWidgets()
        )

    def settled() -> bool:
        """The database is open behind a ready window too (a warm start is ready before SQLAlchemy
        has opened it: gui/startup.py); the same as ready where nothing opens behind."""
        services = [getattr(w, "service", None) for w in main_windows]
        return all(getattr(s, "arrived", True) for s in services)

    def poll() -> None:
        now = time.perf_counter()
        state["max_gap"] = max(state.get("max_gap", 0.0), now - state.get("last_tick", now))
        state["last_tick"] = now
        if "t_done" not in state and ready():
            state["t_done"] = time.time()
            state["maxrss_kb"] = peak_rss_kb()
            state["gap_at_ready"] = state["max_gap"]
        if "t_done" in state and settled():
            timer.stop()
            _report(
                t_done=state["t_done"],
                maxrss_kb=state["maxrss_kb"],
                t_paint=state["t_paint"],
                instrument=instrument,
                max_gap_ms=round(state["gap_at_ready"] * 1000, 1),
                t_settled=time.time(),
                maxrss_settled_kb=peak_rss_kb(),
            )
            os._exit(0)

    timer = QTimer()
    timer.setInterval(10)  # the gap between two ticks is how long the event loop was busy
    timer.timeout.connect(poll)

    def painted() -> None:
        state["t_paint"] = time.time()
        if rows is None:
            state["t_done"] = state["t_paint"]
            QTimer.singleShot(0, finish)  # after this paint completes
        else:
            state["last_tick"] = time.perf_counter()
            timer.start()

    class Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if "t_paint" not in state and event.type() == QEvent.Type.Paint and obj.isWidgetType():
                top = obj.window()  # type: ignore[attr-defined]
                if top.isVisible() and (not want_main_window or isinstance(top, QtWidgets.QMainWindow)):
                    painted()
            return False

    watcher: list[Watcher] = []

    if instrument == "app":
        base = QtWidgets.QApplication

        class ProbeApplication(base):  # type: ignore[misc, valid-type]
            def __init__(self, *args: object) -> None:
                super().__init__(*args)
                watcher.append(Watcher())
                self.installEventFilter(watcher[0])

        QtWidgets.QApplication = ProbeApplication  # type: ignore[misc]
        return

    original_show = QtWidgets.QWidget.show

    def show(widget: QtWidgets.QWidget) -> None:
        wanted = widget.isWindow() and (not want_main_window or isinstance(widget, QtWidgets.QMainWindow))
        if wanted and not watcher:
            watcher.append(Watcher())
            widget.installEventFilter(watcher[0])
        original_show(widget)

    QtWidgets.QWidget.show = show  # type: ignore[method-assign]


def bare_window(instrument: str = "window") -> int:
    _install_window_probe(want_main_window=False, rows=None, instrument=instrument)
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    label.show()
    return app.exec()


def app_window(args: list[str], rows: int | None, instrument: str = "window") -> int:
    _install_window_probe(want_main_window=True, rows=rows, instrument=instrument)
    sys.path.insert(0, str(ROOT))
    from balint_trainer.cli import main

    return main(args)


def _yaml_files(folder: str) -> list[Path]:
    return sorted(Path(folder).glob("*.yaml"))


def yaml_parse(folder: str) -> int:
    import yaml

    started = time.perf_counter()
    count = 0
    for path in _yaml_files(folder):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        count += 1
    _report(work_s=time.perf_counter() - started, files=count)
    return 0


def validate(folder: str) -> int:
    """What ``balint-trainer validate DIR`` does, in-process (so the time can be reported)."""
    sys.path.insert(0, str(ROOT))
    from balint_trainer.cli import main

    started = time.perf_counter()
    status = main(["validate", "--quiet", folder])
    files = len(_yaml_files(folder))
    _report(work_s=time.perf_counter() - started, files=files, status=status)
    return status


def analytics_service(url: str) -> int:
    """What the supervisor window runs: ``ReviewService.item_analysis()`` (aggregated in SQL).

    The pure-Python path (``answer_rows()`` + ``core.analytics.item_analysis``) is timed
    afterwards for the record; it is not part of ``work_s``.
    """
    sys.path.insert(0, str(ROOT))
    from balint_trainer.services import open_service

    opened = time.perf_counter()
    service = open_service(url)
    started = time.perf_counter()
    items = service.review.item_analysis()
    done = time.perf_counter()
    from balint_trainer.core.analytics import item_analysis

    rows = service.review.answer_rows()
    reference = item_analysis(rows)
    python_s = time.perf_counter() - done
    service.close()
    _report(
        t_done=time.time(),
        work_s=done - started,
        open_s=started - opened,
        python_path_s=python_s,
        rows=len(rows),
        items=len(items),
        same_items=[(i.scenario_id, i.decision_id, i.n) for i in items]
        == [(i.scenario_id, i.decision_id, i.n) for i in reference],
    )
    return 0


# What a developer would write by hand for the supervisor's item analysis, straight on
# sqlite3: rank the finished attempts per scenario, take the lower/upper 27 %, and count and
# sum the answers per (scenario, decision, option, group), which is everything facility,
# discrimination and the choice counts are folded from. It leaves out what the service adds
# on top (unfinished attempts ranked by mean credit, Python's exact rounding of 0.27 n, the
# first-seen keys that make the item and option order deterministic).
ITEM_ANALYSIS_SQL = """
WITH ranked AS (
    SELECT t.id AS attempt_id, v.scenario_id AS scenario_id,
           ROW_NUMBER() OVER (PARTITION BY v.scenario_id ORDER BY t.total, t.id) AS rn,
           COUNT(*) OVER (PARTITION BY v.scenario_id) AS n
    FROM attempts t
    JOIN scenario_versions v ON v.id = t.version_id
    WHERE t.total IS NOT NULL
),
grouped AS (
    SELECT attempt_id, scenario_id,
           CASE WHEN n < 10 THEN 0
                WHEN rn <= MAX(1, CAST(ROUND(0.27 * n) AS INTEGER)) THEN -1
                WHEN rn > n - MAX(1, CAST(ROUND(0.27 * n) AS INTEGER)) THEN 1
                ELSE 0 END AS grp
    FROM ranked
    ORDER BY attempt_id  -- as the service's query: SQLite then joins answers in attempt order
)
SELECT g.scenario_id, a.decision_id, a.option_id, g.grp,
       COUNT(*), SUM(a.credit), SUM(a.credit >= 0.999999999)
FROM answers a
JOIN grouped g ON g.attempt_id = a.attempt_id
GROUP BY g.scenario_id, a.decision_id, a.option_id, g.grp
"""

# The simplest aggregate: choice counts and facility only, no ranking, no groups. Reported
# for reference (the service computes more than this, so the ratio is not the goal's).
GROUP_BY_SQL = """
SELECT v.scenario_id, a.decision_id, a.option_id,
       COUNT(*), SUM(a.credit), SUM(a.credit >= 0.999999999)
FROM answers a
JOIN attempts t ON t.id = a.attempt_id
JOIN scenario_versions v ON v.id = t.version_id
GROUP BY v.scenario_id, a.decision_id, a.option_id
"""


def analytics_sql(database: str, which: str = "items") -> int:
    import sqlite3

    sql = ITEM_ANALYSIS_SQL if which == "items" else GROUP_BY_SQL
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    started = time.perf_counter()
    groups = connection.execute(sql).fetchall()
    rows = sum(g[-3] for g in groups)
    items = len({(g[0], g[1]) for g in groups})
    done = time.perf_counter()
    connection.close()
    _report(work_s=done - started, rows=rows, items=items)
    return 0


def generate(workdir: str, scenarios: str, answers: str) -> int:
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import write_answers, write_scenarios

    folder = Path(workdir)
    write_scenarios(folder / "library", int(scenarios))
    if int(answers) == 0:  # a library only (a second size)
        _report(profiles=0, scenarios=int(scenarios), attempts=0, answers=0)
        return 0
    counts = write_answers(f"sqlite:///{folder / 'answers.db'}", folder / "library", int(answers))
    _report(**counts)
    return 0


def main(argv: list[str]) -> int:
    kind, *args = argv
    if kind == "generate":
        return generate(*args)
    if kind == "bare-window":
        return bare_window()
    if kind == "app-window":
        return app_window(args, rows=None)
    if kind == "bare-window-appfilter":
        return bare_window(instrument="app")
    if kind == "app-window-appfilter":
        return app_window(args, rows=None, instrument="app")
    if kind == "app-library":
        return app_window(args[1:], rows=int(args[0]))
    if kind == "yaml-parse":
        return yaml_parse(args[0])
    if kind == "validate":
        return validate(args[0])
    if kind == "analytics-service":
        return analytics_service(args[0])
    if kind == "analytics-sql":
        return analytics_sql(args[0])
    if kind == "analytics-groupby":
        return analytics_sql(args[0], "groupby")
    raise SystemExit(f"unknown probe {kind!r}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
