"""Cohort item analysis: the service against tuned hand-written SQL, on SQLite and PostgreSQL.

    python benchmarks/item_analysis.py                      # 100k and 1M answers, both databases
    python benchmarks/item_analysis.py --sizes 100000 --runs 7 --backends sqlite

Each size gets a cohort from ``benchmarks/generate.py`` (200 trainees, 20 scenarios) in a SQLite
file and in a database of a throw-away PostgreSQL cluster (initdb + pg_ctl, as the tests start
one; ``--postgres-url`` uses a running server instead). Both sides then run in this process,
interleaved (tuned, service, tuned, service, ...) after one unmeasured run of each, so drift in
machine load hits both; every ratio is the median of its own paired runs. The service is
``ReviewService.item_analysis()`` (opening it is not counted); the baseline is
:data:`TUNED_SQL` on the bare driver (``sqlite3``, ``psycopg``): what a competent engineer would
write for the same statistics with the same indexes, the same ``ORDER BY`` and one query for the
result (see its comment). Both must agree on every item's answer count, or the run stops.
``--data DIR`` keeps the generated SQLite files there and reuses them.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL = 1.3

# The same statistics as the service, written by hand: every attempt with answers gets a total
# (stored, else 100 × its mean credit), attempts are ranked per scenario by (total, id), the
# lower/upper 27 % are marked, and one GROUP BY (scenario, decision, option, group) over the
# answers, in attempt order, gives counts, credit sums, full-credit counts and the first-seen
# keys; the median time per item and its time-outs come from the same totals in the same
# statement (each CTE computed once). k = min(max(1, round(0.27 n)), n / 2) with the database's own ROUND: it
# differs from Python's only for n ending in 50, which costs nothing to leave out here. The
# medians are each database's best: PostgreSQL's percentile_cont, on SQLite the middle rows
# of one window. On PostgreSQL the transaction gets the work_mem the sorts and hashes need.
TUNED_SQL = """
WITH totals AS MATERIALIZED (
    SELECT t.id AS attempt_id, v.scenario_id AS scenario_id, t.total AS total
    FROM attempts t JOIN scenario_versions v ON v.id = t.version_id
    WHERE t.total IS NOT NULL AND EXISTS (SELECT 1 FROM answers a WHERE a.attempt_id = t.id)
    UNION ALL
    SELECT t.id, MIN(v.scenario_id), 100.0 * AVG(a.credit)
    FROM attempts t JOIN scenario_versions v ON v.id = t.version_id JOIN answers a ON a.attempt_id = t.id
    WHERE t.total IS NULL
    GROUP BY t.id
),
ranked AS (
    SELECT attempt_id, scenario_id,
           ROW_NUMBER() OVER (PARTITION BY scenario_id ORDER BY total, attempt_id) AS rn,
           COUNT(*) OVER (PARTITION BY scenario_id) AS n,
           MIN(total) OVER (PARTITION BY scenario_id) AS low,
           MAX(total) OVER (PARTITION BY scenario_id) AS high
    FROM totals
),
sized AS (
    SELECT attempt_id, scenario_id, rn, n, low, high,
           CASE WHEN n < 2 THEN 0
                WHEN ROUND(0.27 * n) < 1 THEN 1
                WHEN ROUND(0.27 * n) > n / 2 THEN n / 2
                ELSE ROUND(0.27 * n) END AS k
    FROM ranked
),
grouped AS MATERIALIZED (
    SELECT attempt_id, scenario_id, n,
           CASE WHEN k = 0 OR low = high THEN 0 WHEN rn <= k THEN -1 WHEN rn > n - k THEN 1 ELSE 0 END AS grp
    FROM sized
    ORDER BY attempt_id
)
SELECT g.scenario_id, a.decision_id, a.option_id, g.grp, MAX(g.n), COUNT(*), SUM(a.credit),
       SUM(CASE WHEN a.credit >= 0.999999999 THEN 1 ELSE 0 END),
       MIN(g.attempt_id * 2147483648 + a.id),
       MIN(CASE WHEN a.credit >= 0.999999999 THEN NULL ELSE g.attempt_id * 2147483648 + a.id END)
FROM answers a JOIN grouped g ON g.attempt_id = a.attempt_id
GROUP BY g.scenario_id, a.decision_id, a.option_id, g.grp
UNION ALL
"""
TUNED_MEDIANS = {
    "postgresql": """SELECT t.scenario_id, a.decision_id, NULL, NULL, NULL, NULL,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY a.seconds),
       SUM(CASE WHEN a.timed_out THEN 1 ELSE 0 END), NULL, NULL
FROM answers a JOIN totals t ON t.attempt_id = a.attempt_id
WHERE a.seconds IS NOT NULL
GROUP BY t.scenario_id, a.decision_id
""",
    "sqlite": """SELECT scenario_id, decision_id, NULL, NULL, NULL, NULL, AVG(seconds), MAX(outs), NULL, NULL
FROM (SELECT t.scenario_id AS scenario_id, a.decision_id AS decision_id, a.seconds AS seconds,
             ROW_NUMBER() OVER w AS rn,
             COUNT(*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS cnt,
             SUM(CASE WHEN a.timed_out THEN 1 ELSE 0 END)
                 OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS outs
      FROM answers a JOIN totals t ON t.attempt_id = a.attempt_id
      WHERE a.seconds IS NOT NULL
      WINDOW w AS (PARTITION BY t.scenario_id, a.decision_id ORDER BY a.seconds)) timed
WHERE rn = (cnt + 1) / 2 OR rn = (cnt + 2) / 2
GROUP BY scenario_id, decision_id
""",
}


def tuned_counts(rows: list[tuple[object, ...]]) -> dict[tuple[str, str], int]:
    """Answers per item from the tuned query's rows (the check that both sides did the same work)."""
    counts: dict[tuple[str, str], int] = {}
    for scenario, decision, option, _grp, _n, count, *_rest in rows:
        if option is not None:
            key = (str(scenario), str(decision))
            counts[key] = counts.get(key, 0) + int(count)  # type: ignore[call-overload]
    return counts


@dataclass
class Result:
    backend: str
    answers: int
    ours: list[float]
    tuned: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ours) / statistics.median(self.tuned)


def paired(
    runs: int, tuned: Callable[[], object], ours: Callable[[], object]
) -> tuple[list[float], list[float]]:
    """Interleaved runs of both sides after one unmeasured run of each (caches warm for both)."""

    def timed(work: Callable[[], object]) -> float:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started

    tuned()
    ours()
    ours_s, tuned_s = [], []
    for _ in range(runs):
        tuned_s.append(timed(tuned))
        ours_s.append(timed(ours))
    return ours_s, tuned_s


def measure(backend: str, url: str, answers: int, runs: int) -> Result:
    from balint_trainer.services import open_service

    service = open_service(url)
    if backend == "sqlite":
        import sqlite3

        connection: object = sqlite3.connect(f"file:{url.removeprefix('sqlite:///')}?mode=ro", uri=True)
    else:
        import psycopg
        from sqlalchemy.engine import make_url

        parts = make_url(url)
        connection = psycopg.connect(
            host=parts.host,
            port=parts.port,
            user=parts.username,
            password=parts.password,
            dbname=parts.database,
        )

    sql = TUNED_SQL + TUNED_MEDIANS[backend]

    def tuned() -> list[tuple[object, ...]]:
        if backend == "sqlite":
            return connection.execute(sql).fetchall()  # type: ignore[attr-defined, no-any-return]
        connection.execute("SET LOCAL work_mem = '256MB'")  # type: ignore[attr-defined]
        rows = connection.execute(sql).fetchall()  # type: ignore[attr-defined]
        connection.rollback()  # type: ignore[attr-defined]  # one transaction per run, as the service's
        return rows  # type: ignore[no-any-return]

    try:
        stats = service.review.item_analysis()
        expected = tuned_counts(tuned())
        got = {(s.scenario_id, s.decision_id): s.n for s in stats}
        if got != expected or sum(got.values()) != answers:
            raise SystemExit(
                f"{backend} {answers}: the service and the tuned SQL disagree on the answers per item"
            )
        ours_s, tuned_s = paired(runs, tuned, service.review.item_analysis)
    finally:
        connection.close()  # type: ignore[attr-defined]
        service.close()
    return Result(backend, answers, ours_s, tuned_s)


def sqlite_database(data: Path, answers: int) -> str:
    from benchmarks.generate import write_answers, write_scenarios

    library = data / "library"
    if not library.exists():
        write_scenarios(library, 20)
    path = data / f"answers-{answers}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        write_answers(f"sqlite:///{partial}", library, answers)
        partial.rename(path)
        print(f"  generated {answers} answers on SQLite in {time.perf_counter() - started:.0f} s", flush=True)
    return f"sqlite:///{path}"


def postgres_database(admin_url: str, data: Path, answers: int) -> str:
    """A database of ``answers`` answers on the server (created once, reused by name)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from benchmarks.generate import write_answers, write_scenarios

    url = make_url(admin_url)
    name = f"bt_bench_items_{answers}"
    target = url.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists is None:
            conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    if exists is None:
        library = data / "library"
        if not library.exists():
            write_scenarios(library, 20)
        started = time.perf_counter()
        write_answers(target, library, answers)
        print(
            f"  generated {answers} answers on PostgreSQL in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, dbname=name, autocommit=True
    ) as conn:
        conn.execute("VACUUM ANALYZE")  # as autovacuum leaves a table that has settled
    return target


def print_table(results: list[Result]) -> None:
    header = (
        f"{'database':<11} {'answers':>9} {'service':>10} {'tuned SQL':>10} {'ratio':>7} {'goal':>6}  result"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.backend:<11} {r.answers:>9} {statistics.median(r.ours) * 1000:>7.0f} ms "
            f"{statistics.median(r.tuned) * 1000:>7.0f} ms {r.ratio:>6.2f}x {GOAL:>5.1f}x  "
            f"{'met' if r.ratio <= GOAL else 'MISSED'}"
        )
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument(
        "--backends", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"]
    )
    parser.add_argument("--runs", type=int, default=5, help="paired runs per measurement (median counts)")
    parser.add_argument("--data", type=Path, help="keep the generated SQLite files here and reuse them")
    parser.add_argument("--postgres-url", help="a running server (superuser URL) instead of a throw-away one")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a goal is missed")
    parser.add_argument("--json", type=Path, help="also write every sample here (for benchmarks/run.py)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="balint-items-") as scratch:
        data = args.data or Path(scratch)
        data.mkdir(parents=True, exist_ok=True)
        stop: Callable[[], None] = lambda: None  # noqa: E731
        admin_url = args.postgres_url
        if "postgresql" in args.backends and admin_url is None:
            admin_url, stop = start_postgres()
        results = []
        try:
            for answers in args.sizes:
                for backend in args.backends:
                    print(f"{backend}, {answers} answers ...", flush=True)
                    if backend == "sqlite":
                        url = sqlite_database(data, answers)
                    else:
                        url = postgres_database(admin_url, data, answers)
                    results.append(measure(backend, url, answers, args.runs))
        finally:
            stop()
    print_table(results)
    if args.json is not None:
        args.json.write_text(json.dumps([dataclasses.asdict(r) for r in results], indent=1))
    return 0 if args.no_fail or all(r.ratio <= GOAL for r in results) else 1


def start_postgres() -> tuple[str, Callable[[], None]]:
    """A throw-away cluster started and stopped the way the test suite does (tests/db_fixtures.py)."""
    from tests.db_fixtures import _start_cluster, _stop_cluster

    admin_url, pg_ctl, base = _start_cluster(Path(tempfile.gettempdir()))
    return admin_url, lambda: _stop_cluster(pg_ctl, base)


if __name__ == "__main__":
    raise SystemExit(main())
