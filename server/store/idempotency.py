"""Stored responses of requests sent with an `Idempotency-Key`, kept 24 hours."""

from __future__ import annotations

import sqlite3

from server.clock import now_iso
from server.store.rows import dialect, dumps, execute_later, loads


def find(conn: sqlite3.Connection, org_id: str, key: str, since: str) -> dict | None:
    """The response stored for the key since `since`. Inside a write job: on PostgreSQL it first takes the
    key's advisory lock (held to the commit), so the same key sent to two processes at once runs once and
    the second finds the first's response (on SQLite the single writer serializes them already)."""
    if dialect(conn) == "postgresql":
        # Sent with the SELECT below in one round trip; the SELECT's snapshot is still taken after the lock.
        execute_later(conn, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (f"{org_id}\n{key}",))
    row = conn.execute(
        "SELECT endpoint, request_hash, status_code, response FROM idempotency_keys "
        "WHERE org_id = ? AND key = ? AND created_at >= ?",
        (org_id, key, since),
    ).fetchone()
    if row is None:
        return None
    return {**dict(row), "response": loads(row["response"])}


def save(
    conn: sqlite3.Connection,
    org_id: str,
    key: str,
    endpoint: str,
    request_hash: str,
    status_code: int,
    response: dict,
) -> None:
    execute_later(
        conn,
        "INSERT INTO idempotency_keys (org_id, key, endpoint, request_hash, status_code, response, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, key) DO UPDATE SET endpoint = excluded.endpoint, "
        "request_hash = excluded.request_hash, status_code = excluded.status_code, response = excluded.response, "
        "created_at = excluded.created_at",
        (org_id, key, endpoint, request_hash, status_code, dumps(response), now_iso()),
    )


def purge_before(conn: sqlite3.Connection, cutoff: str) -> int:
    return conn.execute("DELETE FROM idempotency_keys WHERE created_at < ?", (cutoff,)).rowcount
