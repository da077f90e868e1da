"""The read of the answers export (`GET /v1/templates/{id}/runs.csv`): the runs of one template version in
chunks by keyset, each run with its answers and photo rows packed into one JSON text by the database, so a
chunk is one query and memory never holds more than a chunk however many runs there are.

Packed per run (bench/csv_export.py; this read took half the export's time as three queries per chunk, the
answers and photos by `IN (…500 ids)`, with a Python tuple and a JSON decoding per answer row):
- `answers`: `{step_id: value}`, the stored JSON values embedded as they are, JSON `null` for a skipped step.
  An answer cleared to `null` (not skipped) is left out: it reads exactly as no answer at all;
- `photos`: `[[step_id, photo_index, content_type], …]` in no particular order.
Either is NULL (PostgreSQL) or empty (SQLite) for a run without any.
"""

from __future__ import annotations

import sqlite3

from server.store.rows import dialect

# The positions of a chunk row's columns (rows are read by index: a million dicts cost more than the query).
(ROWID, ID, STATUS, TEMPLATE_V, EXECUTOR_REF, EXECUTOR_IDENTITY, CREATED_AT, OPENED_AT, COMPLETED_AT) = range(
    9
)
(UPDATED_AT, ANSWERED, SKIPPED, TOTAL, FLAGGED, ANSWERS, PHOTOS) = range(9, 16)

RUN_COLUMNS = (
    "r.rowid, r.id, r.status, r.template_v, r.executor_ref, r.executor_identity, r.created_at, r.opened_at, "
    "r.completed_at, r.updated_at, r.progress_answered, r.progress_skipped, r.progress_total, r.flagged"
)
_KEPT = "a.run_id = r.id AND (a.skipped <> 0 OR a.value <> 'null')"
PACKED = {
    "sqlite": (
        f"(SELECT json_group_object(a.step_id, CASE WHEN a.skipped <> 0 THEN NULL ELSE json(a.value) END) "
        f"FROM answers a WHERE {_KEPT}), "
        "(SELECT json_group_array(json_array(p.step_id, p.photo_index, p.content_type)) "
        "FROM photos p WHERE p.run_id = r.id)"
    ),
    "postgresql": (
        f"(SELECT json_object_agg(a.step_id, CASE WHEN a.skipped <> 0 THEN NULL ELSE a.value::json END)::text "
        f"FROM answers a WHERE {_KEPT}), "
        "(SELECT json_agg(json_build_array(p.step_id, p.photo_index, p.content_type))::text "
        "FROM photos p WHERE p.run_id = r.id)"
    ),
}


def run_chunk(
    conn: sqlite3.Connection,
    org_id: str,
    template_id: str,
    template_v: int,
    *,
    after: tuple[str, int] | None,
    limit: int,
    status: str | None = None,
) -> list:
    """Up to `limit` runs of the version, oldest first, after the `(created_at, rowid)` key given: rows read
    by the positions above, the run's columns then `answers` and `photos` packed (module docstring)."""
    where = ["r.org_id = ?", "r.template_id = ?", "r.template_v = ?"]
    params: list = [org_id, template_id, template_v]
    if status:
        where.append("r.status = ?")
        params.append(status)
    if after is not None:
        # A row value, which SQLite turns into an index range (an OR of the two cases rescanned the
        # version's runs from the start for every chunk).
        where.append("(r.created_at, r.rowid) > (?, ?)")
        params += [after[0], after[1]]
    return conn.execute(
        f"SELECT {RUN_COLUMNS}, {PACKED[dialect(conn)]} FROM runs r WHERE {' AND '.join(where)} "
        "ORDER BY r.created_at, r.rowid LIMIT ?",
        [*params, limit],
    ).fetchall()
