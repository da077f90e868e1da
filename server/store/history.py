"""A run's history (SPEC §10, migration 0009): every executor write, appended in the write's own transaction.

Rows are only ever inserted, never updated or deleted: the history is kept as long as the run. `seq` numbers
a run's entries from 1 in the order their writes committed (one writer per process; across processes on
PostgreSQL, `server.store.postgres.WRITE_LOCK`), so it is both the order of the listing and its cursor.
"""

from __future__ import annotations

import sqlite3

from server.clock import now_iso
from server.store.rows import dialect, dumps, execute_later, execute_many_later, loads

COLUMNS = "seq, kind, step_id, value, skipped, at, received_at, op_id, source, outcome"


def append(conn: sqlite3.Connection, run_id: str, entries: list[dict]) -> None:
    """Append entries (`kind` and any of step_id, value, skipped, at, op_id, source, outcome), received now."""
    if not entries:
        return
    received_at = now_iso()
    if dialect(conn) == "postgresql":
        _append_together(conn, run_id, entries, received_at)
        return
    # Each row numbers itself after the run's last, and nothing waits for them: on PostgreSQL they ride with
    # the job's next statement, at the latest its COMMIT (issue 16: a read of the last number and the
    # inserts were two round trips of their own).
    insert = (
        f"INSERT INTO run_history (run_id, {COLUMNS}) SELECT ?, coalesce(max(seq), 0) + 1, "
        "?, ?, ?, ?, ?, ?, ?, ?, ? FROM run_history WHERE run_id = ?"
    )
    rows = [
        (
            run_id,
            entry["kind"],
            entry.get("step_id"),
            dumps(entry["value"]) if "value" in entry else None,
            None if entry.get("skipped") is None else int(entry["skipped"]),
            entry.get("at"),
            received_at,
            entry.get("op_id"),
            entry.get("source"),
            entry.get("outcome"),
            run_id,
        )
        for entry in entries
    ]
    execute_many_later(conn, insert, rows)


def entries(conn: sqlite3.Connection, run_id: str, *, after: int, limit: int, offset: int = 0) -> list[dict]:
    """Entries with `seq > after`, oldest first (`offset` skips some more, for numbered pages)."""
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM run_history WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ? OFFSET ?",
        (run_id, after, limit, offset),
    ).fetchall()
    out = []
    for row in rows:
        entry = dict(row)
        entry["value"] = loads(entry["value"]) if entry["value"] is not None else None
        entry["skipped"] = None if entry["skipped"] is None else bool(entry["skipped"])
        out.append(entry)
    return out


def count(conn: sqlite3.Connection, run_id: str) -> int:
    return conn.execute("SELECT count(*) FROM run_history WHERE run_id = ?", (run_id,)).fetchone()[0]


# The entries as one JSON array, numbered after the run's last in their order (WITH ORDINALITY).
_APPEND_TOGETHER = (
    f"INSERT INTO run_history (run_id, {COLUMNS}) "
    "SELECT ?, last.seq + entry.ordinality, entry.kind, entry.step_id, entry.value, entry.skipped, entry.at, "
    "?, entry.op_id, entry.source, entry.outcome "
    "FROM (SELECT coalesce(max(seq), 0) AS seq FROM run_history WHERE run_id = ?) AS last, "
    "json_populate_recordset(NULL::run_history, ?) WITH ORDINALITY AS entry"
)


def _append_together(conn: sqlite3.Connection, run_id: str, new: list[dict], received_at: str) -> None:
    """PostgreSQL: every entry in ONE statement, whatever their number (issue 16: a /sync batch's 250 entries
    were 250 INSERTs, each numbering itself after the run's last, each psycopg's work on the writer thread;
    see `server.store.postgres._multi_row_insert`)."""
    rows = [
        {
            "kind": entry["kind"],
            "step_id": entry.get("step_id"),
            "value": dumps(entry["value"]) if "value" in entry else None,
            "skipped": None if entry.get("skipped") is None else int(entry["skipped"]),
            "at": entry.get("at"),
            "op_id": entry.get("op_id"),
            "source": entry.get("source"),
            "outcome": entry.get("outcome"),
        }
        for entry in new
    ]
    execute_later(conn, _APPEND_TOGETHER, (run_id, received_at, run_id, dumps(rows)))
