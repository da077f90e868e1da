"""Upkeep on a schedule (SPEC §13): bookkeeping that grows with traffic is pruned after a documented
retention, abandoned tus uploads are removed with their bytes, and leftovers of a crash are cleaned at start.

| what | kept | why that long |
|---|---|---|
| `/sync` op ids | RUNDUN_SYNC_OPS_RETENTION_DAYS (30) | longer than an offline run's grace (7 days): a replay after it is judged by its `at` again, which changes nothing stored |
| attempts of settled webhook deliveries | RUNDUN_WEBHOOK_ATTEMPTS_RETENTION_DAYS (30) | the delivery row keeps its status, attempt count and last outcome |
| `Idempotency-Key` responses | 24 h | the replay window the API promises |
| unfinished tus uploads | RUNDUN_UPLOAD_TTL_HOURS (24) after their last byte | their client has given up |
| finished tus uploads (their photo attached, and kept) | RUNDUN_UPLOAD_TTL_HOURS (24) after they finished | a client retries a last PATCH or HEAD whose answer was lost within its backoff (minutes); one later gets 404 and uploads the photo again, attached once per slot |
| the rate limiter's shared buckets (PostgreSQL) | a minute after their last lease | a bucket refills completely within a minute: its row says nothing more |
| events (the `/v1/events` replay) with their webhook deliveries and attempts | RUNDUN_EVENTS_RETENTION_DAYS (90) | every change of every run is one (a photo's progress too): the largest table of a busy server; a stream resumes within a monitor's longest absence, a run's delivery log covers a quarter |

Each table is pruned a batch per write job, so the writer stays free for requests in between.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

from server.clock import iso, utcnow
from server.services import database_down, idempotency, rate_limits, tus
from server.services.context import Context
from server.store import pruning

log = logging.getLogger("rundun.upkeep")


def start(ctx: Context) -> asyncio.Task:
    """The upkeep task, started with the app's other background tasks (app.py)."""
    return asyncio.create_task(_upkeep(ctx), name="rundun-upkeep")


async def _upkeep(ctx: Context) -> None:
    try:
        removed = await tus.remove_leftover_parts(ctx)
        if removed:
            log.info("removed %d leftover upload part files", removed)
    except Exception:  # the server must start anyway; the next start retries
        log.exception("cleaning leftover upload parts failed")
    while True:
        try:
            await prune_once(ctx)
        except Exception as exc:  # noqa: BLE001 - logged; the next pass retries
            database_down.log_failure(log, "pruning failed", exc)
        ctx.upkeep_passes += 1
        await asyncio.sleep(ctx.settings.prune_interval)


async def prune_once(ctx: Context) -> dict[str, int]:
    """One pass of every pruning; returns how many rows (or uploads) each removed."""
    settings, now = ctx.settings, utcnow()
    jobs: list[tuple[str, Callable, str | None]] = [
        ("sync_ops", pruning.prune_sync_ops, iso(now - timedelta(days=settings.sync_ops_retention_days))),
        (
            "webhook_attempts",
            pruning.prune_webhook_attempts,
            iso(now - timedelta(days=settings.webhook_attempts_retention_days)),
        ),
        ("idempotency_keys", pruning.prune_idempotency_keys, iso(now - idempotency.KEEP)),
        (
            "finished_uploads",
            pruning.prune_finished_uploads,
            iso(now - timedelta(hours=settings.upload_ttl_hours)),
        ),
    ]
    counts = {"uploads": await tus.expire_abandoned(ctx)}
    if ctx.db.shared_across_processes:
        counts["rate_buckets"] = rate_limits.forget_full_buckets(ctx.db)
    for name, prune, before in jobs:
        counts[name] = 0
        while (removed := await ctx.db.write(prune, before)) > 0:
            counts[name] += removed
            if removed < pruning.BATCH:
                break
    counts["events"] = await _prune_events(ctx, iso(now - timedelta(days=settings.events_retention_days)))
    if any(counts.values()):
        log.info("pruned %s", ", ".join(f"{n} {name}" for name, n in counts.items() if n))
    return counts


async def _prune_events(ctx: Context, before: str) -> int:
    """Events created before `before`, oldest first, a batch per write job (see `pruning.prune_events`)."""
    removed = 0
    cursor: int | None = 0  # the last event looked at (seq), None once the old ones are done
    while cursor is not None:
        count, cursor = await ctx.db.write(pruning.prune_events, before, cursor, pruning.BATCH)
        removed += count
    return removed
