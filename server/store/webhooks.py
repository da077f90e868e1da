"""Webhook deliveries and their attempts: what is due, what happened, what to send again.

`next_attempt_at` holds millisecond-precision UTC stamps (`due_stamp`) so that text order is time order
even for sub-second retry schedules; the API shows it at second precision.
"""

from __future__ import annotations

import sqlite3
import time
import weakref
from dataclasses import dataclass
from datetime import datetime

from server.clock import now_iso
from server.store.rows import dialect

DELIVERY_COLUMNS = (
    "d.id, d.run_id, d.url, d.status, d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, "
    "d.created_at, d.updated_at, e.id AS event_id, e.event"
)


def due_stamp(ts: float) -> str:
    """`ts` (unix seconds) as 'YYYY-MM-DDTHH:MM:SS.mmmZ'."""
    ms = int(ts * 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + f".{ms % 1000:03d}Z"


def stamp_seconds(stamp: str) -> float:
    """The unix time of a stored stamp (millisecond or second precision)."""
    return datetime.fromisoformat(stamp).timestamp()


@dataclass(frozen=True)
class Attempt:
    """One try at delivering: HTTP status if the receiver answered, else an error saying why not."""

    attempted_at: str
    status_code: int | None
    duration_ms: int
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


# -- the worker's queries ----------------------------------------------------------------------------------
def due_deliveries(conn: sqlite3.Connection, now_stamp: str, limit: int) -> list[dict]:
    """Pending deliveries whose time has come, each the earliest still pending of its run and URL, so a
    run's events go out in order even while an earlier one is being retried.

    The earliest of each run and URL is found once for all (one pass over the pending rows, grouped), then
    only those are checked for being due. Asked per pending row ("no earlier one pending"), the query cost
    a probe of the run's deliveries for each: with a receiver down and thousands pending, every pass of the
    worker grew with their number, and on PostgreSQL with statistics not yet caught up with a fast-growing
    table it became a nested loop over them all, seconds a pass (a soak of 30 drains of 500 answers each
    with a webhook to an unreachable host: a drain 0.25 → 10 s until autovacuum's ANALYZE)."""
    held = _HELD if dialect(conn) == "postgresql" else "FALSE"
    rows = conn.execute(
        f"SELECT d.id, d.run_id, d.url, d.secret, e.id AS event_id, e.event, e.body, {held} AS held "
        "FROM (SELECT run_id, url, min(event_seq) AS event_seq FROM webhook_deliveries "
        " WHERE status = 'pending' GROUP BY run_id, url) AS first "
        "JOIN webhook_deliveries d ON d.run_id = first.run_id AND d.event_seq = first.event_seq "
        " AND d.url = first.url "
        "JOIN events e ON e.seq = d.event_seq "
        "WHERE d.status = 'pending' AND d.next_attempt_at <= ? "
        "ORDER BY held, d.next_attempt_at, d.event_seq LIMIT ?",
        (now_stamp, limit),
    ).fetchall()
    return [{**dict(r), "held": bool(r["held"])} for r in rows]


# Whether some session holds the claim (`claim`) on a delivery's run and URL: its session advisory lock, a
# bigint key, is the row of pg_locks with the key's high half in `classid`, its low half in `objid` and
# `objsubid` 1. Every process asked for the same earliest due rows, and skipped those another process held:
# with that process's attempts slow (a receiver hanging until its timeout), no process looked past them,
# and the whole cluster had MAX_IN_FLIGHT attempts going, not that many per process (an operator's audit:
# healthy runs' webhooks delayed ~19 s). Held rows now come last: the first ones are free to claim. The
# key is `claim_key`'s, in SQL.
_HELD = (
    "(hashtextextended(d.run_id || chr(10) || d.url, 0) IN ("
    " SELECT (l.classid::bigint << 32) | l.objid::bigint FROM pg_locks l"
    " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
    " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())))"
)


def claim_key(delivery: dict) -> str:
    """What a delivery's claim locks: its run and URL (`_HELD` says the same in SQL)."""
    return f"{delivery['run_id']}\n{delivery['url']}"


def claim(conn: sqlite3.Connection, delivery: dict, now_stamp: str, idle_s: float) -> bool:
    """Take the right to attempt `delivery` now, for this process alone; False if another holds it or it is
    no longer pending and due. Call `release` on the same thread's connection once the attempt is recorded.

    SQLite: one process, whose worker already runs each delivery once: always True. PostgreSQL: a session
    advisory lock per (run, URL) on this thread's reader connection, so one process at a time delivers a
    run's events (their order holds across processes); a killed process's session ends and its locks with
    it, so nothing stays claimed. A frozen one's does not end by itself (a stopped process, a paused VM:
    its kernel keeps the link alive), so while the connection holds claims PostgreSQL ends its session once
    it has been idle `idle_s` seconds (`idle_session_timeout`, set in the lock's own statement; a live
    process's webhook worker reads on this connection at least every third of that while it holds any). The re-check after the lock skips a delivery that another process finished between our read
    and our lock."""
    if dialect(conn) != "postgresql":
        return True
    held = _claims_held.get(conn, 0)
    locked = conn.execute(
        "SELECT l.got, set_config('idle_session_timeout', CASE WHEN l.got OR ? THEN ? ELSE '0' END, false)"
        " FROM (SELECT pg_try_advisory_lock(hashtextextended(?, 0)) AS got) l",
        (held > 0, f"{max(int(idle_s * 1000), 1)}ms", claim_key(delivery)),
    ).fetchone()[0]
    if not locked:
        return False
    _claims_held[conn] = held + 1
    still = conn.execute(
        "SELECT 1 FROM webhook_deliveries WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?",
        (delivery["id"], now_stamp),
    ).fetchone()
    if still is None:
        release(conn, delivery)
        return False
    return True


def release(conn: sqlite3.Connection, delivery: dict) -> None:
    """Give back what `claim` took (nothing on SQLite); the last claim given back lifts the idle timeout."""
    if dialect(conn) != "postgresql":
        return
    held = max(_claims_held.get(conn, 0) - 1, 0)
    _claims_held[conn] = held
    if held:
        conn.execute("SELECT pg_advisory_unlock(hashtextextended(?, 0))", (claim_key(delivery),))
    else:
        conn.execute(
            "SELECT pg_advisory_unlock(hashtextextended(?, 0)), set_config('idle_session_timeout', '0', false)",
            (claim_key(delivery),),
        )


# Claims held per reading connection (each thread's own, so no lock): the idle timeout stays set while any is.
# A connection replaced after it broke starts at 0, its session's locks gone with it.
_claims_held: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def next_due_after(conn: sqlite3.Connection, now_stamp: str) -> str | None:
    """When the next pending delivery falls due (those due already wait for a slot or their predecessor)."""
    row = conn.execute(
        "SELECT min(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at > ?",
        (now_stamp,),
    ).fetchone()
    return row[0]


def record_attempt(
    conn: sqlite3.Connection, delivery_id: str, attempt: Attempt, schedule: list[float], now: float
) -> str:
    """Log an attempt and move the delivery on: delivered, retried after `schedule[n]`, or failed once the
    schedule is exhausted. Returns the new status."""
    row = conn.execute(
        "SELECT cycle_attempts, status FROM webhook_deliveries WHERE id = ?", (delivery_id,)
    ).fetchone()
    if row is None:
        return "gone"
    conn.execute(
        "INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, duration_ms, error) VALUES (?, ?, ?, ?, ?)",
        (delivery_id, attempt.attempted_at, attempt.status_code, attempt.duration_ms, attempt.error),
    )
    if row[1] == "delivered":  # by another process meanwhile, this one frozen past its claim: it stays so
        return "delivered"
    cycle = row[0] + 1
    next_at = None
    if attempt.ok:
        status = "delivered"
    elif cycle > len(schedule):
        status = "failed"
    else:
        status, next_at = "pending", due_stamp(now + schedule[cycle - 1])
    conn.execute(
        "UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, cycle_attempts = ?, next_attempt_at = ?, "
        "last_status_code = ?, last_error = ?, updated_at = ? WHERE id = ?",
        (status, cycle, next_at, attempt.status_code, attempt.error, now_iso(), delivery_id),
    )
    return status


# -- the API's queries -------------------------------------------------------------------------------------
def deliveries_of_run(conn: sqlite3.Connection, run_id: str) -> list[dict]:
    """The run's deliveries in event order, each with its attempts (oldest first) under `attempts_log`."""
    return _deliveries(conn, "d.run_id = ?", (run_id,))


def get_delivery(conn: sqlite3.Connection, org_id: str, delivery_id: str) -> dict | None:
    found = _deliveries(conn, "d.id = ? AND e.org_id = ?", (delivery_id, org_id))
    return found[0] if found else None


def _deliveries(conn: sqlite3.Connection, where: str, params: tuple) -> list[dict]:
    joined = "FROM webhook_deliveries d JOIN events e ON e.seq = d.event_seq WHERE " + where
    deliveries = [
        dict(r)
        for r in conn.execute(f"SELECT {DELIVERY_COLUMNS} {joined} ORDER BY d.event_seq, d.rowid", params)
    ]
    by_id = {}
    for d in deliveries:
        d["attempts_log"] = []
        by_id[d["id"]] = d
    attempts = conn.execute(
        f"SELECT a.delivery_id, a.attempted_at, a.status_code, a.duration_ms, a.error FROM webhook_attempts a "
        f"JOIN webhook_deliveries d ON d.id = a.delivery_id JOIN events e ON e.seq = d.event_seq WHERE {where} "
        "ORDER BY a.id",
        params,
    )
    for a in attempts:
        attempt = dict(a)
        by_id[attempt.pop("delivery_id")]["attempts_log"].append(attempt)
    return deliveries


def restart_delivery(conn: sqlite3.Connection, org_id: str, delivery_id: str, now: float) -> bool:
    """Make a delivery pending again, due now, at the start of a fresh retry cycle; False if not the org's."""
    cur = conn.execute(
        "UPDATE webhook_deliveries SET status = 'pending', cycle_attempts = 0, next_attempt_at = ?, updated_at = ? "
        "WHERE id = ? AND EXISTS (SELECT 1 FROM events e WHERE e.seq = webhook_deliveries.event_seq AND e.org_id = ?)",
        (due_stamp(now), now_iso(), delivery_id, org_id),
    )
    return cur.rowcount > 0
