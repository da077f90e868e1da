"""The event outbox: events are written in the same transaction as the state change that causes them."""

from __future__ import annotations

import sqlite3
import uuid

from server.clock import now_iso
from server.store.rows import dumps, loads

EVENT_TYPES = ("run.opened", "step.completed", "run.completed", "run.cancelled", "run.expired")


def emit(conn: sqlite3.Connection, *, org_id: str, run_id: str, event: str, data: dict, webhook: dict | None) -> dict:
    """Append an event and, when the run's webhook subscribes to it, a pending delivery."""
    now = now_iso()
    body = {"id": f"evt_{uuid.uuid4()}", "event": event, "created_at": now, "run_id": run_id, "data": data}
    cur = conn.execute(
        "INSERT INTO events (id, org_id, run_id, event, created_at, body) VALUES (?, ?, ?, ?, ?, ?)",
        (body["id"], org_id, run_id, event, now, dumps(body)),
    )
    if webhook and event in webhook.get("events", EVENT_TYPES):
        conn.execute(
            "INSERT INTO webhook_deliveries (id, event_seq, run_id, url, secret, status, next_attempt_at, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
            (f"whd_{uuid.uuid4()}", cur.lastrowid, run_id, webhook["url"], webhook.get("secret"), now, now, now),
        )
    conn.events_written = True  # type: ignore[attr-defined]  # see store.db.Conn
    return body


def events_after(conn: sqlite3.Connection, org_id: str, after_seq: int, limit: int = 500) -> list[tuple[int, dict]]:
    rows = conn.execute(
        "SELECT seq, body FROM events WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?", (org_id, after_seq, limit)
    ).fetchall()
    return [(r[0], loads(r[1])) for r in rows]


def seq_of_event(conn: sqlite3.Connection, org_id: str, event_id: str) -> int | None:
    row = conn.execute("SELECT seq FROM events WHERE id = ? AND org_id = ?", (event_id, org_id)).fetchone()
    return row[0] if row else None


def last_seq(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
