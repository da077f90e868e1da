"""Deleting bookkeeping that grows with traffic, a bounded batch per call (one short write job each): finished
tus uploads among it, and the unfinished ones nobody touched for too long. Retention is decided by server/services/upkeep.py."""

from __future__ import annotations

import itertools
import sqlite3

BATCH = 2000


def _prune_created_before(conn: sqlite3.Connection, table: str, key: str, before: str, limit: int) -> int:
    """Delete up to `limit` rows of `table` (primary key columns `key`) created before `before`."""
    return conn.execute(
        f"DELETE FROM {table} WHERE ({key}) IN (SELECT {key} FROM {table} WHERE created_at < ? LIMIT ?)",
        (before, limit),
    ).rowcount


def prune_sync_ops(conn: sqlite3.Connection, before: str, limit: int = BATCH) -> int:
    """Forget up to `limit` /sync op ids recorded before `before`."""
    return _prune_created_before(conn, "sync_ops", "run_id, op_id", before, limit)


def prune_webhook_attempts(conn: sqlite3.Connection, before: str, limit: int = BATCH) -> int:
    """Drop up to `limit` attempt rows of deliveries settled (delivered or failed) before `before`; the
    delivery row itself stays, with its status, attempt count and last outcome."""
    return conn.execute(
        "DELETE FROM webhook_attempts WHERE id IN ("
        " SELECT a.id FROM webhook_deliveries d JOIN webhook_attempts a ON a.delivery_id = d.id"
        " WHERE d.status IN ('delivered', 'failed') AND d.updated_at < ? LIMIT ?)",
        (before, limit),
    ).rowcount


def prune_idempotency_keys(conn: sqlite3.Connection, before: str, limit: int = BATCH) -> int:
    """Forget up to `limit` stored Idempotency-Key responses saved before `before`."""
    return _prune_created_before(conn, "idempotency_keys", "org_id, key", before, limit)


def prune_events(
    conn: sqlite3.Connection, before: str, after_seq: int, limit: int = BATCH
) -> tuple[int, int | None]:
    """Of the `limit` oldest events after `after_seq`, delete those created before `before` with their webhook
    deliveries and those deliveries' attempts. An event stays, with its deliveries, while one of them is still
    pending or was changed since `before` (a redelivery): its log is still being written. Returns (events
    deleted, the `seq` to go on after, or None once no older event is left).

    The scan walks `seq`, the primary key, and stops at the first event created since `before`: events are
    numbered in the order they happen, and `created_at` has no index (one more index on the hottest insert
    there is, for an hourly pass)."""
    rows = conn.execute(
        "SELECT seq, created_at FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (after_seq, limit)
    ).fetchall()
    old = list(itertools.takewhile(lambda row: row[1] < before, rows))
    if not old:
        return 0, None
    last = old[-1][0]
    kept = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT e.seq FROM events e JOIN webhook_deliveries d ON d.run_id = e.run_id "
            "AND d.event_seq = e.seq WHERE e.seq > ? AND e.seq <= ? "
            "AND (d.status NOT IN ('delivered', 'failed') OR d.updated_at >= ?)",
            (after_seq, last, before),
        )
    ]
    spared = f" AND e.seq NOT IN ({', '.join('?' for _ in kept)})" if kept else ""
    events = f"e.seq > ? AND e.seq <= ?{spared}"
    params = (after_seq, last, *kept)
    deliveries = (
        "SELECT d.id FROM webhook_deliveries d JOIN events e ON d.run_id = e.run_id AND d.event_seq = e.seq "
        f"WHERE {events}"
    )
    conn.execute(f"DELETE FROM webhook_attempts WHERE delivery_id IN ({deliveries})", params)
    conn.execute(f"DELETE FROM webhook_deliveries WHERE id IN ({deliveries})", params)
    removed = conn.execute(
        f"DELETE FROM events WHERE seq IN (SELECT e.seq FROM events e WHERE {events})", params
    )
    return removed.rowcount, last if len(old) == len(rows) == limit else None


def expire_uploads(conn: sqlite3.Connection, before: str, busy: set[str]) -> list[str]:
    """Delete the unfinished uploads untouched since `before` (except those being written right now);
    return their ids, whose partial files can go."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM uploads WHERE status = 'receiving' AND updated_at < ? LIMIT ?", (before, BATCH)
        )
        if r[0] not in busy
    ]
    conn.executemany("DELETE FROM uploads WHERE id = ?", [(i,) for i in ids])
    return ids


def prune_finished_uploads(conn: sqlite3.Connection, before: str, limit: int = BATCH) -> int:
    """Forget up to `limit` finished uploads (their photo attached) that finished before `before`. Their photo
    stays: it is the photo row's, never the upload's; their part went when they finished (or at the next
    start, after a crash). Kept, one row per photo ever uploaded grew the table for as long as the server ran."""
    return conn.execute(
        "DELETE FROM uploads WHERE id IN "
        "(SELECT id FROM uploads WHERE status = 'attached' AND updated_at < ? LIMIT ?)",
        (before, limit),
    ).rowcount


def receiving_uploads(conn: sqlite3.Connection, upload_ids: list[str]) -> set[str]:
    """Which of `upload_ids` are unfinished uploads still on record (their partial files must stay)."""
    found: set[str] = set()
    for start in range(0, len(upload_ids), 500):
        chunk = upload_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT id FROM uploads WHERE status = 'receiving' AND id IN ({marks})", chunk
            )
        )
    return found
