"""API-key authentication: SHA-256 lookup, constant-time comparison, instant revocation."""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import time
from dataclasses import dataclass

from server.clock import now_iso
from server.errors import Unauthorized
from server.ids import sha256_hex
from server.services import database_down
from server.services.context import Context
from server.store import orgs as org_store

API_KEY_RE = re.compile(r"^rdk_live_[0-9a-f]{32}$")
log = logging.getLogger("rundun.auth")
TOUCH_EVERY_S = 60.0
KEY_RECHECK_S = 1.0  # processes sharing a database: how old a cached key may be (see `_known_key`)


@dataclass(frozen=True)
class Principal:
    org_id: str
    key_id: str


def bearer_token(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def authenticate(ctx: Context, authorization: str | None) -> Principal:
    """The org behind a `Bearer rdk_live_…` header, or `Unauthorized`."""
    token = bearer_token(authorization)
    if token is None:
        raise Unauthorized("Send your API key as 'Authorization: Bearer rdk_live_…'.")
    if not API_KEY_RE.match(token):
        raise Unauthorized("That API key is malformed.")
    known = _known_key(ctx, sha256_hex(token))
    if known is None:
        raise Unauthorized("That API key is unknown or has been revoked.")
    key_id, org_id = known
    _touch(ctx, key_id)
    return Principal(org_id=org_id, key_id=key_id)


def valid_key_hash(ctx: Context, authorization: str | None) -> str | None:
    """The SHA-256 of the request's API key when it is a live key, else None: what the rate limiter keys
    its buckets by (an unknown key counts against its client address, never a fresh bucket of its own)."""
    token = bearer_token(authorization)
    if token is None or not API_KEY_RE.match(token):
        return None
    key_hash = sha256_hex(token)
    return key_hash if _known_key(ctx, key_hash) is not None else None


def _known_key(ctx: Context, key_hash: str) -> tuple[str, str] | None:
    """(key_id, org_id) of a live key by its hash, cached: a key revoked by this process is dropped at once
    (`forget_key`); where processes share the database, a cached key is looked up again once it is
    `KEY_RECHECK_S` old, so one another process revoked is refused here within that (it was accepted until
    this process restarted)."""
    now = time.monotonic()
    cached = ctx.key_cache.get(key_hash)
    if cached is not None and (not ctx.db.shared_across_processes or now - cached[2] < KEY_RECHECK_S):
        return cached[0], cached[1]
    row = ctx.db.read(org_store.key_by_hash, key_hash)
    # Looked up by hash (never by plaintext); the final comparison is constant-time.
    if row is None or row["revoked_at"] is not None or not hmac.compare_digest(row["key_hash"], key_hash):
        ctx.key_cache.pop(key_hash, None)
        return None
    ctx.key_cache[key_hash] = (row["id"], row["org_id"], now)
    return row["id"], row["org_id"]


def forget_key(ctx: Context, key_hash: str) -> None:
    ctx.key_cache.pop(key_hash, None)


def _touch(ctx: Context, key_id: str) -> None:
    """Record `last_used_at`, at most once a minute per key and off the request's path."""
    now = time.monotonic()
    if now - ctx.key_touched.get(key_id, -TOUCH_EVERY_S) < TOUCH_EVERY_S:
        return
    ctx.key_touched[key_id] = now
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        ctx.db.write_sync(org_store.touch_api_key, key_id, now_iso())
        return
    task = loop.create_task(ctx.db.write(org_store.touch_api_key, key_id, now_iso()))
    _background.add(task)
    task.add_done_callback(lambda done: _touched(ctx, key_id, done))


def _touched(ctx: Context, key_id: str, task: asyncio.Task) -> None:
    """The write's failure read and told in the log (asyncio logged a never-retrieved exception with its
    tracebacks: PostgreSQL restarting under load); the use is then recorded with the key's next request."""
    _background.discard(task)
    failure = None if task.cancelled() else task.exception()
    if failure is not None:
        ctx.key_touched.pop(key_id, None)
        database_down.log_failure(log, "recording an API key's use", failure)


_background: set[asyncio.Task] = set()
