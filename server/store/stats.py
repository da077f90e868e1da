"""The queries behind the supervisor's numbers (SPEC §14): run counts per day, completion times and
each step's answers. The rules (buckets, time zones, percentiles) live in `server.services.stats`.

Counts come from `run_rollups_hourly` (migration 0010: runs per UTC hour, template version and current
status, kept by triggers) or, for zones with a :30/:45 offset, `run_rollups` (0008: per quarter hour),
unless a filter they do not hold is asked for (`executor_ref`); then, and in tests as the reference, they come from the runs themselves. Both answer the same rows,
`(day index, status, runs, flagged_runs)`, summed per day of the asked zone by SQLite itself.
"""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass

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


def _days(day_starts: list[str], width: int) -> tuple[str, list]:
    """The days as a VALUES table `(day, lo, hi)`: day i is [day_starts[i], day_starts[i + 1])."""
    rows = ", ".join("(?, ?, ?)" for _ in day_starts[1:])
    params: list = []
    for i, (lo, hi) in enumerate(itertools.pairwise(day_starts)):
        params += [i, lo[:width], hi[:width]]
    return f"days(day, lo, hi) AS (VALUES {rows})", params


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
    """`(day, status, runs, flagged_runs)` from the rollups, summed per day by SQLite (one index range per
    day). Every day must start on a quarter hour (the service checks), and `executor_ref` must be None.
    Days that all start on the hour (a zone with a whole-hour offset) read the hourly rollups of migration
    0010: 24 slots a day instead of 96 (bench/stats.py)."""
    assert f.executor_ref is None, "the rollups are not kept per executor reference"
    hourly = all(start[14:16] == "00" for start in day_starts)
    table, width = ("run_rollups_hourly", 13) if hourly else ("run_rollups", 16)
    return _day_rows(conn, f, day_starts, width, f"{table} r", "r.slot", "sum(r.runs), sum(r.flagged_runs)")


def run_counts(
    conn: sqlite3.Connection, f: RunFilter, day_starts: list[str]
) -> list[tuple[int, str, int, int]]:
    """The same counts straight from the runs: any filter, any zone (also the tests' reference)."""
    return _day_rows(
        conn,
        f,
        day_starts,
        20,
        "runs r",
        "r.created_at",
        "count(*), sum(CASE WHEN r.flagged > 0 THEN 1 ELSE 0 END)",
    )


def _day_rows(
    conn: sqlite3.Connection, f: RunFilter, day_starts: list[str], width: int, source: str, at: str, sums: str
) -> list[tuple[int, str, int, int]]:
    """`(day, status, runs, flagged_runs)` of `source` rows whose `at` (compared on its first `width`
    characters) falls in each day: the one query both readers share, whatever they read."""
    days, day_params = _days(day_starts, width)
    where, params = _filters(f, "r", rollups=source != "runs r")
    return [
        tuple(row)
        for row in conn.execute(
            f"WITH {days} SELECT days.day, r.status, {sums} FROM days "
            f"JOIN {source} ON {where} AND {at} >= days.lo AND {at} < days.hi "
            f"GROUP BY days.day, r.status HAVING {sums.split(',')[0]} > 0",
            [*day_params, *params],
        )
    ]


def completion_seconds(conn: sqlite3.Connection, f: RunFilter) -> list[int]:
    """Seconds from `opened_at` to `completed_at` of the completed runs, ascending (never below 0: an
    offline executor's clock may lag the server's). Read from the partial indexes of migration 0008."""
    where, params = _where(f)
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
