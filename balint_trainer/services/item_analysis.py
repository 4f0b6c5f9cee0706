"""Cohort item analysis computed in the database (used by ``ReviewService.item_analysis``).

The same statistics as the pure-Python reference :func:`balint_trainer.core.analytics.item_analysis`
over ``answer_rows()`` (same conventions, read its docstring), but the work stays in SQL, so
1 000 000 answers never cross into Python one by one. One statement, its CTEs computed once:

1. per attempt: its scenario and total (stored total, else 100 × mean credit);
2. per scenario, with window functions: the attempts ranked by (total, attempt id), their
   number N and the spread; the lower/upper group is the first/last ``k`` ranks, with ``k``
   exactly as :func:`core.analytics.group_size` (including Python's rounding of 0.27 × N);
3. one ``GROUP BY (scenario, decision, option, group)`` over the answers, and below it
   (``UNION ALL``, option NULL) the median time to decide per item over the same attempts.

Python then folds the few thousand aggregate rows into :class:`ItemStats` as they stream in.
First-seen order (items, option order among equal counts, the most-chosen wrong option among
equal counts) follows ``answer_rows()`` order, (attempt id, answer id), through ``MIN`` of a
combined key. SQLite >= 3.35 (``MATERIALIZED``; the migrations need it too) and PostgreSQL.
Float sums may differ from the reference in the last bits (summation order), nothing more.
``benchmarks/item_analysis.py`` times this against tuned hand-written SQL on both databases.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from balint_trainer.core.analytics import _FULL, MIN_ATTEMPTS_FOR_DISCRIMINATION, ItemStats

# Answer ids are below 2**31 (INTEGER on PostgreSQL), so this orders like (attempt id, answer id).
_KEY_SCALE = 2147483648

# Python's round(0.27 * n): for n % 100 != 50 the exact 27n/100 is never a tie, so integer
# half-up rounding agrees; for n % 100 == 50 the double 0.27 * n decides (above, below or exactly
# on m + 0.5, the last rounded to even), compared in floating point as Python does.
_ROUND_027N = """CASE WHEN n % 100 <> 50 THEN (27 * n + 50) / 100
     WHEN CAST(0.27 AS DOUBLE PRECISION) * n > (27 * n - 50) / 100 + 0.5 THEN (27 * n - 50) / 100 + 1
     WHEN CAST(0.27 AS DOUBLE PRECISION) * n < (27 * n - 50) / 100 + 0.5 THEN (27 * n - 50) / 100
     ELSE (27 * n - 50) / 100 + ((27 * n - 50) / 100) % 2 END"""

# group_size(n): 0 below the minimum, else min(max(1, round(0.27 n)), n // 2).
GROUP_SIZE_SQL = f"""CASE WHEN n < {MIN_ATTEMPTS_FOR_DISCRIMINATION} THEN 0
     WHEN ({_ROUND_027N}) < 1 THEN 1
     WHEN ({_ROUND_027N}) > n / 2 THEN n / 2
     ELSE ({_ROUND_027N}) END"""

# Unfinished attempts (no stored total) rank by 100 × their mean credit.
_UNFINISHED = """UNION ALL
    SELECT t.id, MAX(v.scenario_id), CAST(100.0 AS DOUBLE PRECISION) * SUM(a.credit{in_answer_order}) / COUNT(*)
    FROM attempts t
    JOIN scenario_versions v ON v.id = t.version_id
    JOIN answers a ON a.attempt_id = t.id
    {profile_join}
    WHERE t.total IS NULL {conditions}
    GROUP BY t.id"""

_QUERY = """
WITH totals AS MATERIALIZED (
    SELECT t.id AS attempt_id, v.scenario_id AS scenario_id, t.total AS total
    FROM attempts t
    JOIN scenario_versions v ON v.id = t.version_id
    {profile_join}
    WHERE t.total IS NOT NULL {conditions}
      AND EXISTS (SELECT 1 FROM answers a WHERE a.attempt_id = t.id)
    {unfinished}
),
sizes AS MATERIALIZED (
    SELECT scenario_id, n, flat, {group_size} AS k
    FROM (SELECT scenario_id, COUNT(*) AS n, CASE WHEN MIN(total) = MAX(total) THEN 1 ELSE 0 END AS flat
          FROM totals GROUP BY scenario_id) counted
),
grouped AS MATERIALIZED (
    SELECT r.attempt_id AS attempt_id, r.scenario_id AS scenario_id, s.n AS n,
           CASE WHEN s.k = 0 OR s.flat = 1 THEN 0
                WHEN r.rn <= s.k THEN -1
                WHEN r.rn > s.n - s.k THEN 1
                ELSE 0 END AS grp
    FROM (SELECT attempt_id, scenario_id,
                 ROW_NUMBER() OVER (PARTITION BY scenario_id ORDER BY total, attempt_id) AS rn
          FROM totals) r
    JOIN sizes s ON s.scenario_id = r.scenario_id
    ORDER BY r.attempt_id
)
SELECT g.scenario_id, a.decision_id, a.option_id, g.grp, MAX(g.n),
       COUNT(*),
       SUM(a.credit),
       SUM(CASE WHEN a.credit >= :full THEN 1 ELSE 0 END),
       MIN(g.attempt_id * {scale} + a.id),
       MIN(CASE WHEN a.credit >= :full THEN NULL ELSE g.attempt_id * {scale} + a.id END)
FROM answers a
JOIN grouped g ON g.attempt_id = a.attempt_id
GROUP BY g.scenario_id, a.decision_id, a.option_id, g.grp
UNION ALL
{medians}"""


# The median time to decide per item, over the same attempts (the totals above): PostgreSQL's
# ordered-set aggregate sorts each item's times once (half the time of a window); SQLite has
# none, so the middle one or two by ROW_NUMBER, counted over the same window (one sort). The
# same rows count real-time time-outs (a time-out always has its time measured, so none is
# missed by the ``seconds IS NOT NULL`` filter). Columns: median in the credit-sum place,
# time-outs in the full-credit place.
_MEDIANS = {
    "postgresql": """SELECT t.scenario_id, a.decision_id, NULL, NULL, NULL, NULL,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY a.seconds),
       SUM(CASE WHEN a.timed_out THEN 1 ELSE 0 END), NULL, NULL
FROM answers a
JOIN totals t ON t.attempt_id = a.attempt_id
WHERE a.seconds IS NOT NULL
GROUP BY t.scenario_id, a.decision_id
""",
    "sqlite": """SELECT scenario_id, decision_id, NULL, NULL, NULL, NULL, AVG(seconds), MAX(outs), NULL, NULL
FROM (SELECT t.scenario_id AS scenario_id, a.decision_id AS decision_id, a.seconds AS seconds,
             ROW_NUMBER() OVER w AS rn,
             COUNT(*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS cnt,
             SUM(CASE WHEN a.timed_out THEN 1 ELSE 0 END)
                 OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS outs
      FROM answers a
      JOIN totals t ON t.attempt_id = a.attempt_id
      WHERE a.seconds IS NOT NULL
      WINDOW w AS (PARTITION BY t.scenario_id, a.decision_id ORDER BY a.seconds)) timed
WHERE rn = (cnt + 1) / 2 OR rn = (cnt + 2) / 2
GROUP BY scenario_id, decision_id
""",
}

# PostgreSQL's default work_mem (4 MB) sends the 100k-answer join and sorts to disk and turns
# the hash aggregate into a sort of every answer; for this transaction only, enough for 1M.
_PG_WORK_MEM = "SET LOCAL work_mem = '256MB'"


def _query(
    scenario_id: str | None, cohort: str | None, dialect: str = "sqlite", *, finished_only: bool = False
) -> str:
    conditions = []
    if scenario_id is not None:
        conditions.append("v.scenario_id = :scenario_id")
    if cohort is not None:
        conditions.append("p.cohort = :cohort")
    parts = {
        "profile_join": "JOIN profiles p ON p.id = t.profile_id" if cohort is not None else "",
        "conditions": "".join(f" AND {condition}" for condition in conditions),
        # The reference sums an attempt's credits in answer order; float addition is not
        # associative, and a last-bit difference could reorder tied attempts. PostgreSQL can be
        # told the order; SQLite adds them in index order, (attempt id, answer id), already.
        "in_answer_order": " ORDER BY a.id" if dialect == "postgresql" else "",
    }
    # Answers of attempts left out of ``totals`` drop out of the final join as well.
    unfinished = "" if finished_only else _UNFINISHED.format(**parts)
    return _QUERY.format(
        **parts,
        unfinished=unfinished,
        group_size=GROUP_SIZE_SQL,
        scale=_KEY_SCALE,
        medians=_MEDIANS["postgresql" if dialect == "postgresql" else "sqlite"],
    )


class _Item:
    __slots__ = ("attempts", "choices", "credit_sum", "first", "full", "lower", "n", "upper", "wrong")

    def __init__(self, attempts: int) -> None:
        self.attempts = attempts
        self.n = 0
        self.full = 0
        self.credit_sum = 0.0
        self.first: int | None = None
        self.choices: dict[str, list[int]] = {}  # option -> [count, first key]
        self.wrong: dict[str, list[int]] = {}  # option -> [wrong answers, first wrong key]
        self.upper = [0.0, 0]  # credit sum, answers
        self.lower = [0.0, 0]


def _merge_first(entry: list[int], count: int, key: int) -> None:
    entry[0] += count
    if key < entry[1]:
        entry[1] = key


def query_item_analysis(
    session: Session, scenario_id: str | None, cohort: str | None, *, finished_only: bool = False
) -> list[ItemStats]:
    """Item statistics per (scenario, decision) over the stored answers; ``finished_only``
    leaves out the answers of attempts without a total (unfinished)."""
    params: dict[str, object] = {"full": _FULL}
    if scenario_id is not None:
        params["scenario_id"] = scenario_id
    if cohort is not None:
        params["cohort"] = cohort
    dialect = session.get_bind().dialect.name
    sql = _query(scenario_id, cohort, dialect, finished_only=finished_only)
    if dialect == "postgresql":
        session.execute(text(_PG_WORK_MEM))
    medians: dict[tuple[str, str], tuple[float | None, int]] = {}  # (median seconds, time-outs)
    items: dict[tuple[str, str], _Item] = {}
    for (
        scenario,
        decision,
        option,
        grp,
        attempts,
        count,
        credit_sum,
        full,
        first,
        first_wrong,
    ) in session.execute(text(sql), params):
        key = (scenario, decision)
        if option is None:  # a median row (option ids are never NULL): median, time-outs
            medians[key] = (float(credit_sum) if credit_sum is not None else None, int(full or 0))
            continue
        item = items.get(key)
        if item is None:
            item = items[key] = _Item(int(attempts))
        count = int(count)
        full = int(full)
        credit_sum = float(credit_sum)
        item.n += count
        item.full += full
        item.credit_sum += credit_sum
        if item.first is None or first < item.first:
            item.first = first
        choice = item.choices.get(option)
        if choice is None:
            item.choices[option] = [count, first]
        else:
            _merge_first(choice, count, first)
        if first_wrong is not None:
            wrong = item.wrong.get(option)
            if wrong is None:
                item.wrong[option] = [count - full, first_wrong]
            else:
                _merge_first(wrong, count - full, first_wrong)
        if grp:
            side = item.upper if grp > 0 else item.lower
            side[0] += credit_sum
            side[1] += count

    result: list[ItemStats] = []
    for (scenario, decision), item in sorted(items.items(), key=lambda kv: kv[1].first or 0):
        upper_n, lower_n = int(item.upper[1]), int(item.lower[1])
        discrimination = item.upper[0] / upper_n - item.lower[0] / lower_n if upper_n and lower_n else None
        wrong_option: str | None = None
        wrong_count = 0
        for option, (count, _first) in sorted(item.wrong.items(), key=lambda kv: kv[1][1]):
            if count > wrong_count:
                wrong_option, wrong_count = option, count
        ordered = sorted(item.choices.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
        result.append(
            ItemStats(
                scenario_id=scenario,
                decision_id=decision,
                n=item.n,
                facility=item.full / item.n,
                mean_credit=item.credit_sum / item.n,
                discrimination=discrimination,
                upper_n=upper_n,
                lower_n=lower_n,
                attempts=item.attempts,
                wrong_option=wrong_option,
                wrong_share=wrong_count / item.n if wrong_option is not None else None,
                choices={option: count for option, (count, _first) in ordered},
                median_seconds=medians.get((scenario, decision), (None, 0))[0],
                timeouts=medians.get((scenario, decision), (None, 0))[1],
            )
        )
    return result
