"""The rate limiter's shared token buckets (migration 0014): one row per key, refilled by the database's
clock, from which each server process leases a few tokens at a time (`server.services.rate_limits`).
PostgreSQL only: a SQLite install is one process, whose buckets stay in memory."""

from __future__ import annotations

import sqlite3

# `now` is the database's clock, so every process (on every machine) refills a bucket alike. One statement:
# refill by the time since `stamp`, take up to `want` whole tokens, return what is left and what was taken.
# PostgreSQL evaluates every SET expression on the row as it was, so `granted` and `tokens` agree.
_REFILLED = "least(:capacity, b.tokens + greatest(0, excluded.stamp - b.stamp) * :refill_per_s)"
_LEASE = (
    "INSERT INTO rate_buckets AS b (key, tokens, stamp, granted) "
    "SELECT :key, :capacity - least(:want, floor(:capacity)), {now}, least(:want, floor(:capacity)) "
    "ON CONFLICT (key) DO UPDATE SET "
    f"tokens = {_REFILLED} - least(:want, floor({_REFILLED})), "
    f"granted = least(:want, floor({_REFILLED})), "
    "stamp = greatest(b.stamp, excluded.stamp) "
    "RETURNING tokens, granted"
)
_NOW = "extract(epoch FROM clock_timestamp())::float8"


def lease(
    conn: sqlite3.Connection, key: str, want: int, capacity: float, refill_per_s: float
) -> tuple[int, float]:
    """Take up to `want` whole tokens from `key`'s shared bucket (a full one when it has no row yet);
    returns (tokens taken, tokens left in the bucket)."""
    row = conn.execute(
        _LEASE.format(now=_NOW),
        {"key": key, "want": want, "capacity": capacity, "refill_per_s": refill_per_s},
    ).fetchone()
    return int(row[1]), float(row[0])


def forget_full(conn: sqlite3.Connection, idle_s: float) -> int:
    """Delete the buckets untouched for `idle_s` seconds (a bucket refills completely within a minute, so
    such a row says nothing a fresh one would not)."""
    return conn.execute(f"DELETE FROM rate_buckets WHERE stamp < {_NOW} - ?", (idle_s,)).rowcount
