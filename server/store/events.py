"""The event outbox: events are written in the same transaction as the state change that causes them."""

from __future__ import annotations

import sqlite3
import time
from typing import NamedTuple

from server.clock import now_iso
from server.ids import uuid7
from server.store.rows import dumps, execute_later, loads
from server.store.webhooks import due_stamp

EVENT_TYPES = ("run.opened", "step.completed", "run.completed", "run.cancelled", "run.expired")


def emit(
    conn: sqlite3.Connection, *, org_id: str, run_id: str, event: str, data: dict, webhook: dict | None
) -> dict:
    """Append an event and, when the run's webhook subscribes to it, a pending delivery."""
    now = now_iso()
    body = {"id": f"evt_{uuid7()}", "event": event, "created_at": now, "run_id": run_id, "data": data}
    # On PostgreSQL the transaction holds the write lock (`server.store.postgres.WRITE_LOCK`): events get
    # their `seq` in commit order across processes, so a stream reading "after seq N" never skips a row
    # committed late. Nothing reads the new `seq` here: on PostgreSQL both statements ride with the job's
    # next statement (issue 16: a `RETURNING seq` round trip per event made a /sync of 250 answers wait on
    # 250 of them).
    execute_later(
        conn,
        "INSERT INTO events (id, org_id, run_id, event, created_at, body) VALUES (?, ?, ?, ?, ?, ?)",
        (body["id"], org_id, run_id, event, now, dumps(body)),
    )
    if webhook and event in webhook.get("events", EVENT_TYPES):
        execute_later(  # `last`: after the job's other events, which then go as one statement (PostgreSQL)
            conn,
            "INSERT INTO webhook_deliveries (id, event_seq, run_id, url, secret, status, next_attempt_at, "
            "created_at, updated_at) SELECT ?, seq, ?, ?, ?, 'pending', ?, ?, ? FROM events WHERE id = ?",
            # due now; a millisecond stamp so that it orders against the worker's sub-second retry times
            (
                f"whd_{uuid7()}",
                run_id,
                webhook["url"],
                webhook.get("secret"),
                due_stamp(time.time()),
                now,
                now,
                body["id"],
            ),
            last=True,
        )
        conn.deliveries_written = True  # type: ignore[attr-defined]
    conn.events_written = True  # type: ignore[attr-defined]  # see store.db.Conn
    return body


def events_after(
    conn: sqlite3.Connection, org_id: str, after_seq: int, limit: int = 500
) -> list[tuple[int, dict]]:
    rows = conn.execute(
        "SELECT seq, body FROM events WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        (org_id, after_seq, limit),
    ).fetchall()
    return [(r[0], loads(r[1])) for r in rows]


def seq_of_event(conn: sqlite3.Connection, org_id: str, event_id: str) -> int | None:
    row = conn.execute("SELECT seq FROM events WHERE id = ? AND org_id = ?", (event_id, org_id)).fetchone()
    return row[0] if row else None


class StoredEvent(NamedTuple):
    """An event as stored: `body` is the exact JSON text every delivery and stream sends."""

    seq: int
    org_id: str
    id: str
    event: str
    body: str


def stored_events_after(
    conn: sqlite3.Connection, after_seq: int, org_id: str | None = None, limit: int = 500
) -> list[StoredEvent]:
    """Events after `after_seq` in commit order, of one org or of all."""
    where, params = (
        ("seq > ?", [after_seq]) if org_id is None else ("org_id = ? AND seq > ?", [org_id, after_seq])
    )
    rows = conn.execute(
        f"SELECT seq, org_id, id, event, body FROM events WHERE {where} ORDER BY seq LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [StoredEvent(*r) for r in rows]


def last_seq(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
