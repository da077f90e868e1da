"""The queries behind the supervisor's numbers (SPEC §14): run counts per day, completion times and
each step's answers. The rules (buckets, time zones, percentiles) live in `server.services.stats`.

Counts come from the rollups kept by triggers: whole UTC days from `run_rollups_daily` (migration 0016), the
hours between a zone's day bounds and the nearest UTC midnights from `run_rollups_hourly` (0010) or, for
zones with a :30/:45 offset, `run_rollups` (0008: per quarter hour); unless a filter they do not hold is
asked for (`executor_ref`): then, and in tests as the reference, from the runs themselves. Both answer the
same rows, `(day index, status, runs, flagged_runs)`. Completion times: per UTC day and bucket from
`run_completions` (0016), the exact seconds of one bucket from the runs' partial indexes (0008).
"""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from server.store.rows import dialect


@dataclass(frozen=True)
class RunFilter:
    """Which runs of an org to count: created in [start, end) (UTC ISO texts), optionally one template (and
    version) and one executor reference."""

    org_id: str
    start: str
    end: str
    template_id: str | None = None
    template_v: int | None = None
    executor_ref: str | None = None


def _where(f: RunFilter) -> tuple[str, list]:
    """The runs of the filter created in [f.start, f.end)."""
    where, params = _filters(f, "runs", rollups=False)
    return f"{where} AND created_at >= ? AND created_at < ?", [*params, f.start, f.end]


def _ranges(ranges: list[tuple[int, str, str]], width: int) -> tuple[str, list]:
    """`(index, lo, hi)` rows as a VALUES table `days(day, lo, hi)`, the texts cut to `width` characters."""
    rows = ", ".join("(?, ?, ?)" for _ in ranges)
    params: list = []
    for i, lo, hi in ranges:
        params += [i, lo[:width], hi[:width]]
    return f"days(day, lo, hi) AS (VALUES {rows})", params


def _days(day_starts: list[str]) -> list[tuple[int, str, str]]:
    """Day i is [day_starts[i], day_starts[i + 1])."""
    return [(i, lo, hi) for i, (lo, hi) in enumerate(itertools.pairwise(day_starts))]


def _next_hour(stamp: str) -> str:
    """The UTC hour after a UTC text that is not on the hour."""
    after = datetime.strptime(stamp[:13], "%Y-%m-%dT%H") + timedelta(hours=1)
    return after.isoformat(timespec="hours") + ":00:00Z"  # isoformat: a year before 1000 keeps 4 digits


def nearest_midnight(stamp: str) -> str:
    """The UTC midnight nearest to a UTC text `YYYY-MM-DDTHH:MM:SSZ` (from noon on, the next one)."""
    day = datetime.strptime(stamp[:10], "%Y-%m-%d")
    if stamp[11:13] >= "12":
        day += timedelta(days=1)
    return day.date().isoformat() + "T00:00:00Z"


def _filters(f: RunFilter, alias: str, *, rollups: bool) -> tuple[str, list]:
    where: list[str] = [f"{alias}.org_id = ?"]
    params: list[str | int] = [f.org_id]
    for column, value in (("template_id", f.template_id), ("template_v", f.template_v)):
        if value is not None:
            where.append(f"{alias}.{column} = ?")
            params.append(value)
    if f.executor_ref is not None and not rollups:
        where.append(f"{alias}.executor_ref = ?")
        params.append(f.executor_ref)
    return " AND ".join(where), params


def rollup_counts(
    conn: sqlite3.Connection, f: RunFilter, day_starts: list[str]
) -> list[tuple[int, str, int, int]]:
    """`(day, status, runs, flagged_runs)` from the rollups. Every day must start on a quarter hour (the
    service checks), and `executor_ref` must be None.

    Day i, [b_i, b_i+1), is read as the whole UTC days [m_i, m_i+1) of migration 0016, m being the UTC
    midnight nearest to b, plus E(b_i+1) minus E(b_i), where E(b) is what was created between m and b
    (negative when b comes first): at most 12 hours at each bound, read per hour from 0010, and the quarter
    hours before the first whole hour from 0008 where a bound is not on the hour. 30 days of one template read ~30 × 5 daily rows and a few
    hourly ones instead of 720 hours × 5 statuses (bench/stats.py)."""
    assert f.executor_ref is None, "the rollups are not kept per executor reference"
    midnights = [nearest_midnight(b) for b in day_starts]
    sums = "sum(r.runs), sum(r.flagged_runs)"
    totals: dict[tuple[int, str], list[int]] = {}

    def add(day: int, status: str, runs: int, flagged: int, sign: int) -> None:
        if 0 <= day < len(day_starts) - 1:
            into = totals.setdefault((day, status), [0, 0])
            into[0] += sign * runs
            into[1] += sign * flagged

    whole = [(i, lo, hi) for i, lo, hi in _days(midnights) if lo < hi]
    for day, status, runs, flagged in _day_rows(conn, f, whole, 10, "run_rollups_daily r", "r.day", sums):
        add(day, status, runs, flagged, 1)
    hours: list[tuple[int, str, str]] = []  # the whole hours between each bound and its midnight
    quarters: list[tuple[int, str, str]] = []  # and the quarter hours of a bound's part hour
    for j, (b, m) in enumerate(zip(day_starts, midnights, strict=True)):
        lo, hi = min(b, m), max(b, m)
        first = lo if lo[14:16] == "00" else _next_hour(lo)
        last = hi[:13] + ":00:00Z"
        if first >= last:  # within one hour
            quarters.append((j, lo, hi))
            continue
        hours.append((j, first, last))
        quarters += [(j, a, z) for a, z in ((lo, first), (last, hi)) if a < z]
    for ranges, width, table in ((hours, 13, "run_rollups_hourly r"), (quarters, 16, "run_rollups r")):
        for j, status, runs, flagged in _day_rows(conn, f, ranges, width, table, "r.slot", sums):
            sign = 1 if day_starts[j] > midnights[j] else -1  # E(b_j): ends day j - 1, starts day j
            add(j - 1, status, runs, flagged, sign)
            add(j, status, runs, flagged, -sign)
    return [(day, status, runs, flagged) for (day, status), (runs, flagged) in totals.items() if runs > 0]


def run_counts(
    conn: sqlite3.Connection, f: RunFilter, day_starts: list[str]
) -> list[tuple[int, str, int, int]]:
    """The same counts straight from the runs: any filter, any zone (also the tests' reference)."""
    return _day_rows(
        conn,
        f,
        _days(day_starts),
        20,
        "runs r",
        "r.created_at",
        "count(*), sum(CASE WHEN r.flagged > 0 THEN 1 ELSE 0 END)",
    )


def _day_rows(
    conn: sqlite3.Connection,
    f: RunFilter,
    ranges: list[tuple[int, str, str]],
    width: int,
    source: str,
    at: str,
    sums: str,
) -> list[tuple[int, str, int, int]]:
    """`(index, status, runs, flagged_runs)` of `source` rows whose `at` (compared on its first `width`
    characters) falls in each range `(index, lo, hi)`: the one query every reader shares."""
    if not ranges:
        return []
    days, day_params = _ranges(ranges, width)
    where, params = _filters(f, "r", rollups=source != "runs r")
    if dialect(conn) == "sqlite":  # seeks each range in the index itself
        sql = (
            f"WITH {days} SELECT days.day, r.status, {sums} FROM days "
            f"JOIN {source} ON {where} AND {at} >= days.lo AND {at} < days.hi "
            f"GROUP BY days.day, r.status HAVING {sums.split(',')[0]} > 0"
        )
    else:  # PostgreSQL's planner scans the whole span and filters the join, unless told range by range
        sql = (
            f"WITH {days} SELECT days.day, x.status, x.runs, x.flagged FROM days CROSS JOIN LATERAL ("
            f"SELECT r.status, {sums.replace(',', ' AS runs,', 1)} AS flagged FROM {source} "
            f"WHERE {where} AND {at} >= days.lo AND {at} < days.hi GROUP BY r.status) x WHERE x.runs > 0"
        )
    return [tuple(row) for row in conn.execute(sql, [*day_params, *params])]


def completion_seconds(
    conn: sqlite3.Connection, f: RunFilter, within: list[tuple[int, int]] | None = None
) -> list[int]:
    """Seconds from `opened_at` to `completed_at` of the completed runs, ascending (never below 0: an
    offline executor's clock may lag the server's), optionally only those in the ranges `[lo, hi)` of
    `within`. Found through the partial indexes of migration 0008; SQLite still reads each run's row for the
    virtual column (its indexed value is not used), hence the buckets of 0016 that keep this to one bucket."""
    where, params = _where(f)
    if within is not None:
        if not within:
            return []
        where += (
            " AND (" + " OR ".join("time_to_complete_s >= ? AND time_to_complete_s < ?" for _ in within) + ")"
        )
        params += [bound for pair in within for bound in pair]
    # Named, since without ANALYZE statistics SQLite ties them with indexes that would read every run.
    index = "runs_completed_template" if f.template_id is not None else "runs_completed_org"
    indexed_by = f" INDEXED BY {index}" if dialect(conn) == "sqlite" else ""  # PostgreSQL plans by statistics
    return [
        row[0]
        for row in conn.execute(
            f"SELECT time_to_complete_s FROM runs{indexed_by} WHERE {where} AND status = 'completed' "
            "AND time_to_complete_s IS NOT NULL ORDER BY 1",
            params,
        )
    ]


def completion_buckets(
    conn: sqlite3.Connection, f: RunFilter, first_day: str, end_day: str
) -> list[tuple[int, int]]:
    """`(bucket, completed runs)` of migration 0016 for the runs created in the UTC days
    [first_day, end_day) (`YYYY-MM-DD`), ascending. `executor_ref` must be None."""
    assert f.executor_ref is None, "completion buckets are not kept per executor reference"
    where = "org_id = ? AND day >= ? AND day < ?"
    params: list = [f.org_id, first_day, end_day]
    if f.template_id is not None:
        where += " AND template_id = ?"
        params.append(f.template_id)
    return [
        (row[0], row[1])
        for row in conn.execute(
            f"SELECT bucket, sum(runs) FROM run_completions WHERE {where} GROUP BY bucket HAVING sum(runs) > 0 "
            "ORDER BY bucket",
            params,
        )
    ]


def answer_groups(conn: sqlite3.Connection, f: RunFilter) -> list[tuple[str, str | None, int, int, int]]:
    """Stored answers of the runs, grouped: `(step_id, value JSON, skipped, flagged, how many)`."""
    where, params = _where(f)
    return [
        tuple(row)
        for row in conn.execute(
            "SELECT a.step_id, a.value, a.skipped, a.flagged, count(*) FROM answers a "
            f"WHERE a.run_id IN (SELECT id FROM runs WHERE {where}) GROUP BY 1, 2, 3, 4",
            params,
        )
    ]


def photo_steps_answered(conn: sqlite3.Connection, f: RunFilter) -> dict[str, int]:
    """Per step, how many runs hold at least one photo for it (the answer of photo and signature steps)."""
    where, params = _where(f)
    return dict(
        conn.execute(
            "SELECT step_id, count(DISTINCT run_id) FROM photos "
            f"WHERE run_id IN (SELECT id FROM runs WHERE {where}) GROUP BY step_id",
            params,
        ).fetchall()
    )


def latest_version(conn: sqlite3.Connection, org_id: str, template_id: str) -> int | None:
    """The current version of an org's live template, or None."""
    row = conn.execute(
        "SELECT v FROM templates WHERE id = ? AND org_id = ? AND deleted_at IS NULL", (template_id, org_id)
    ).fetchone()
    return None if row is None else row[0]
