"""The queries behind the supervisor's numbers (SPEC §14): run counts per time slot, completion times and
each step's answers. The rules (buckets, time zones, percentiles) live in `server.services.stats`.

Counts come from `run_rollups` (migration 0008: runs per UTC quarter hour, template version and current
status, kept by triggers) unless a filter it does not hold is asked for (`executor_ref`); then, and in
tests as the reference, they come from the runs themselves. Both answer the same rows:
`(slot 'YYYY-MM-DDTHH:MM', status, runs, flagged_runs)`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


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


def _where(f: RunFilter, *, rollups: bool) -> tuple[str, list]:
    column = "slot" if rollups else "created_at"
    where = ["org_id = ?", f"{column} >= ?", f"{column} < ?"]
    params: list = [f.org_id, f.start[:16] if rollups else f.start, f.end[:16] if rollups else f.end]
    if f.template_id is not None:
        where.append("template_id = ?")
        params.append(f.template_id)
    if f.template_v is not None:
        where.append("template_v = ?")
        params.append(f.template_v)
    if f.executor_ref is not None and not rollups:
        where.append("executor_ref = ?")
        params.append(f.executor_ref)
    return " AND ".join(where), params


def rollup_counts(conn: sqlite3.Connection, f: RunFilter) -> list[tuple[str, str, int, int]]:
    """Counts per quarter-hour slot and status from the rollups. `f.start`/`f.end` must fall on quarter
    hours (the service guarantees it: every zone's day starts on one), and `executor_ref` must be None."""
    assert f.executor_ref is None, "the rollups are not kept per executor reference"
    where, params = _where(f, rollups=True)
    return [
        tuple(row)  # type: ignore[misc]
        for row in conn.execute(
            f"SELECT slot, status, sum(runs), sum(flagged_runs) FROM run_rollups WHERE {where} "
            "GROUP BY slot, status HAVING sum(runs) > 0",
            params,
        )
    ]


def run_counts(
    conn: sqlite3.Connection, f: RunFilter, *, seconds: bool = False
) -> list[tuple[str, str, int, int]]:
    """Counts per minute (per second with `seconds`, for zones whose days start mid-minute, as before
    1900) and status, straight from the runs: any filter, any zone."""
    where, params = _where(f, rollups=False)
    width = 20 if seconds else 16
    return [
        tuple(row)  # type: ignore[misc]
        for row in conn.execute(
            f"SELECT substr(created_at, 1, {width}), status, count(*), sum(flagged > 0) FROM runs WHERE {where} "
            "GROUP BY 1, 2",
            params,
        )
    ]


def completion_seconds(conn: sqlite3.Connection, f: RunFilter) -> list[int]:
    """Seconds from `opened_at` to `completed_at` of the completed runs, ascending (never below 0: an
    offline executor's clock may lag the server's)."""
    where, params = _where(f, rollups=False)
    return [
        row[0]
        for row in conn.execute(
            "SELECT max(0, CAST(strftime('%s', completed_at) AS INTEGER) - CAST(strftime('%s', opened_at) AS INTEGER)) "
            f"AS seconds FROM runs WHERE {where} AND status = 'completed' AND opened_at IS NOT NULL "
            "AND completed_at IS NOT NULL ORDER BY seconds",
            params,
        )
    ]


def answer_groups(conn: sqlite3.Connection, f: RunFilter) -> list[tuple[str, str | None, int, int, int]]:
    """Stored answers of the runs, grouped: `(step_id, value JSON, skipped, flagged, how many)`."""
    where, params = _where(f, rollups=False)
    return [
        tuple(row)  # type: ignore[misc]
        for row in conn.execute(
            "SELECT a.step_id, a.value, a.skipped, a.flagged, count(*) FROM answers a "
            f"WHERE a.run_id IN (SELECT id FROM runs WHERE {where}) GROUP BY 1, 2, 3, 4",
            params,
        )
    ]


def photo_steps_answered(conn: sqlite3.Connection, f: RunFilter) -> dict[str, int]:
    """Per step, how many runs hold at least one photo for it (the answer of photo and signature steps)."""
    where, params = _where(f, rollups=False)
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
