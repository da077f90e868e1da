"""Stored responses of requests sent with an `Idempotency-Key`, kept 24 hours."""

from __future__ import annotations

import sqlite3

from server.clock import now_iso
from server.store.rows import dumps, loads


def find(conn: sqlite3.Connection, org_id: str, key: str, since: str) -> dict | None:
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
    conn.execute(
        "INSERT OR REPLACE INTO idempotency_keys (org_id, key, endpoint, request_hash, status_code, response, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (org_id, key, endpoint, request_hash, status_code, dumps(response), now_iso()),
    )


def purge_before(conn: sqlite3.Connection, cutoff: str) -> int:
    return conn.execute("DELETE FROM idempotency_keys WHERE created_at < ?", (cutoff,)).rowcount
