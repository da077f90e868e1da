"""`Idempotency-Key`: the same key and body within 24 h replays the first response; the stored response is
written in the same transaction as the work, so a replay can never double a run or its quota use."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import orjson

from server.clock import iso, utcnow
from server.errors import IdempotencyKeyInUse, IdempotencyKeyReused, ValidationFailed
from server.services.context import Context
from server.store import idempotency as store

KEEP = timedelta(hours=24)
MAX_KEY_LENGTH = 255
# What a 409 `idempotency_key_in_use` tells the client to wait. The first request holds its key only while
# its one write transaction runs (milliseconds; seconds only behind a busy database), so the smallest whole
# second the header can say is honest: the retry then almost always finds the first's answer and replays it.
IN_USE_RETRY_AFTER_S = 1


def request_hash(endpoint: str, payload: Any) -> str:
    canonical = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(endpoint.encode() + b"\n" + canonical).hexdigest()


async def run_once(
    ctx: Context,
    org_id: str,
    key: str | None,
    endpoint: str,
    payload: Any | Callable[[], Any],
    job: Callable[[sqlite3.Connection], tuple[int, dict]],
) -> tuple[int, dict, bool]:
    """Run `job` in a write transaction, at most once per key; returns (status, body, replayed).
    `payload` (what identifies the request) may be a callable, evaluated only when a key is given."""
    if key is None:
        status, body = await ctx.db.write(job)
        return status, body, False
    if not key or len(key) > MAX_KEY_LENGTH:
        raise ValidationFailed(
            "The Idempotency-Key header is not valid.",
            details=[{"path": "Idempotency-Key", "message": f"must be 1 to {MAX_KEY_LENGTH} characters"}],
        )
    slot = (org_id, key)
    if slot in ctx.idempotency_in_flight:
        raise IdempotencyKeyInUse(headers={"Retry-After": str(IN_USE_RETRY_AFTER_S)})
    digest = request_hash(endpoint, payload() if callable(payload) else payload)

    def once(conn: sqlite3.Connection) -> tuple[int, dict, bool]:
        stored = store.find(conn, org_id, key, iso(utcnow() - KEEP))
        if stored is not None:
            if stored["request_hash"] != digest:
                raise IdempotencyKeyReused()
            return stored["status_code"], stored["response"], True
        status, body = job(conn)
        store.save(conn, org_id, key, endpoint, digest, status, body)
        return status, body, False

    ctx.idempotency_in_flight.add(slot)
    try:
        return await ctx.db.write(once)
    finally:
        ctx.idempotency_in_flight.discard(slot)
