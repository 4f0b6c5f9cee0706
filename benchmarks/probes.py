"""Child-process probes for benchmarks/run.py: each measures one thing in a fresh interpreter.

    python benchmarks/probes.py KIND [ARG...]

Every probe prints one JSON line on stdout with at least ``t_done`` (``time.time()``
when the measured state was reached; the parent subtracts its own launch time, so
interpreter start-up and imports are included), ``work_s`` (the timed work inside
the process, where that is meaningful) and ``maxrss_kb`` (peak resident memory).

Kinds:
  bare-window               a PySide6 QLabel: first paint of the window
  app-window [ARGS]         the app (``balint-trainer ARGS``): first paint of its main window
  app-library N [ARGS]      the app: main window painted, a visible item view showing >= N rows,
                            and the event loop idle (the library is interactive)
  yaml-parse DIR            yaml.load(CSafeLoader) of every *.yaml in DIR
  validate DIR              ``balint-trainer validate --quiet DIR``: full validation of every file
  analytics-service URL     cohort item analysis over every answer: TrainerService.item_analysis()
  analytics-sql FILE        one hand-written GROUP BY over the same SQLite file
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
    values["maxrss_kb"] = peak_rss_kb()
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def _install_window_probe(want_main_window: bool, rows: int | None) -> None:
    """Replace QApplication by a subclass that watches for the first paint.

    Done before the app's modules are imported, so ``from PySide6.QtWidgets import
    QApplication`` in the app picks up the subclass; the bare window uses it too, so
    both sides pay exactly the same probe overhead.
    """
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    base = QtWidgets.QApplication
    state: dict[str, float] = {}

    def finish() -> None:
        _report(t_done=state["t_done"], t_paint=state["t_paint"])
        os._exit(0)  # no teardown: the same for both sides, and not part of "first window"

    def poll() -> None:
        for widget in QtWidgets.QApplication.allWidgets():
            if isinstance(widget, QtWidgets.QAbstractItemView) and widget.isVisible():
                model = widget.model()
                if model is not None and model.rowCount() >= (rows or 0):
                    state["t_done"] = time.time()
                    finish()
                    return
        QTimer.singleShot(2, poll)

    class Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if "t_paint" not in state and event.type() == QEvent.Type.Paint and obj.isWidgetType():
                widget = obj  # type: ignore[assignment]
                top = widget.window()  # type: ignore[attr-defined]
                if top.isVisible() and (not want_main_window or isinstance(top, QtWidgets.QMainWindow)):
                    state["t_paint"] = time.time()
                    if rows is None:
                        state["t_done"] = state["t_paint"]
                        QTimer.singleShot(0, finish)  # after this paint completes
                    else:
                        QTimer.singleShot(0, poll)
            return False

    class ProbeApplication(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self._probe = Watcher()
            self.installEventFilter(self._probe)

    QtWidgets.QApplication = ProbeApplication  # type: ignore[misc]


def bare_window() -> int:
    _install_window_probe(want_main_window=False, rows=None)
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    label.show()
    return app.exec()


def app_window(args: list[str], rows: int | None) -> int:
    _install_window_probe(want_main_window=True, rows=rows)
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
    """What the supervisor window runs: ``TrainerService.item_analysis()`` (aggregated in SQL).

    The pure-Python path (``answer_rows()`` + ``core.analytics.item_analysis``) is timed
    afterwards for the record; it is not part of ``work_s``.
    """
    sys.path.insert(0, str(ROOT))
    from balint_trainer.services import open_service

    opened = time.perf_counter()
    service = open_service(url)
    started = time.perf_counter()
    items = service.item_analysis()
    done = time.perf_counter()
    from balint_trainer.core.analytics import item_analysis

    rows = service.answer_rows()
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


AGGREGATE_SQL = """
SELECT v.scenario_id, a.decision_id, a.option_id,
       COUNT(*), SUM(a.credit), SUM(a.credit >= 0.999999999)
FROM answers a
JOIN attempts t ON t.id = a.attempt_id
JOIN scenario_versions v ON v.id = t.version_id
GROUP BY v.scenario_id, a.decision_id, a.option_id
"""


def analytics_sql(database: str) -> int:
    import sqlite3

    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    started = time.perf_counter()
    groups = connection.execute(AGGREGATE_SQL).fetchall()
    rows = sum(g[3] for g in groups)
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
    raise SystemExit(f"unknown probe {kind!r}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
