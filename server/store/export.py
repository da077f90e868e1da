"""The reads of the answers export (`GET /v1/templates/{id}/runs.csv`): the runs of one template version in
chunks by keyset, and the answers and photo rows of one chunk at a time, so memory never holds more than a
chunk however many runs there are (bench/csv_export.py)."""

from __future__ import annotations

import sqlite3

from server.store.rows import loads

RUN_COLUMNS = (
    "rowid AS _rowid, id, status, template_v, executor_ref, executor_identity, created_at, opened_at, "
    "completed_at, updated_at, progress_total, progress_answered, progress_skipped, flagged"
)


def run_chunk(
    conn: sqlite3.Connection,
    org_id: str,
    template_id: str,
    template_v: int,
    *,
    after: tuple[str, int] | None,
    limit: int,
    status: str | None = None,
) -> list[dict]:
    """Up to `limit` runs of the version, oldest first, after the `(created_at, rowid)` key given."""
    where = ["org_id = ?", "template_id = ?", "template_v = ?"]
    params: list = [org_id, template_id, template_v]
    if status:
        where.append("status = ?")
        params.append(status)
    if after is not None:
        # A row value, which SQLite turns into an index range (an OR of the two cases rescanned the
        # version's runs from the start for every chunk).
        where.append("(created_at, rowid) > (?, ?)")
        params += [after[0], after[1]]
    rows = conn.execute(
        f"SELECT {RUN_COLUMNS} FROM runs WHERE {' AND '.join(where)} ORDER BY created_at, rowid LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [dict(row) for row in rows]


def _marks(run_ids: list[str]) -> str:
    return ", ".join("?" for _ in run_ids)


def chunk_answers(conn: sqlite3.Connection, run_ids: list[str]) -> dict[str, dict[str, tuple]]:
    """`{run_id: {step_id: (value, skipped)}}` of a chunk's runs (at most 500 ids: the parameter bound)."""
    found: dict[str, dict[str, tuple]] = {}
    if not run_ids:
        return found
    for run_id, step_id, value, skipped in conn.execute(
        f"SELECT run_id, step_id, value, skipped FROM answers WHERE run_id IN ({_marks(run_ids)})", run_ids
    ):
        found.setdefault(run_id, {})[step_id] = (loads(value), bool(skipped))
    return found


def chunk_photos(conn: sqlite3.Connection, run_ids: list[str]) -> dict[str, dict[str, list[tuple]]]:
    """`{run_id: {step_id: [(photo_index, content_type), …]}}` of a chunk's runs, in index order."""
    found: dict[str, dict[str, list[tuple]]] = {}
    if not run_ids:
        return found
    for run_id, step_id, index, content_type in conn.execute(
        f"SELECT run_id, step_id, photo_index, content_type FROM photos WHERE run_id IN ({_marks(run_ids)}) "
        "ORDER BY run_id, step_id, photo_index",
        run_ids,
    ):
        found.setdefault(run_id, {}).setdefault(step_id, []).append((index, content_type))
    return found
