"""Webhook delivery from the durable outbox, and the delivery log.

Events and their pending deliveries are written in the transaction of the state change that causes them
(`store.events.emit`); this worker only drains them, so a crash at any instant loses nothing: a delivery
still pending after a restart is sent again, same event id, same bytes (at-least-once), but for the photo
URLs in it, signed again at each attempt (`media.fresh_urls`) so that none has expired on arrival.

The worker wakes when a commit wrote events (through the event hub), when an attempt finishes, and when the
next retry falls due. Each pass takes the due deliveries that are the earliest pending of their run and URL,
so a run's events arrive in order even while an earlier one is retried, while different runs go out
concurrently, at most `MAX_IN_FLIGHT` at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from server.clock import now_iso
from server.errors import NotFound
from server.services import database_down, media, storage
from server.services import runs as run_service
from server.services.context import Context
from server.services.events import EventHub
from server.store import webhooks as store

if TYPE_CHECKING:
    from server.services.webhook_http import ConnectionPool

log = logging.getLogger("rundun.webhooks")
MAX_IN_FLIGHT = 32
IDLE_RECHECK_S = 60.0  # a safety net only: commits and finished attempts wake the worker at once
# A due delivery another process holds (PostgreSQL): nothing here wakes this worker when that process ends its
# attempt, or dies in it (its claim goes with its session), so look again this soon rather than at the idle
# recheck: a SIGKILLed process's deliveries resume within about a second, not a minute.
HELD_RECHECK_S = 1.0
MAX_RACED_PASSES = 4  # queries a pass makes at most while other processes claim its rows first
# An attempt made but not recorded (a full disk) is not made again sooner than this, even when the retry
# schedule's first delay is shorter (0 in some tests): the old fixed pause between such attempts.
UNRECORDED_MIN_WAIT_S = 1.0


class DeliveryWorker:
    """Created per app by `install`; runs as one of the app's background tasks."""

    def __init__(self, hub: EventHub):
        self._hub = hub
        self._ctx: Context | None = None
        self._connections: ConnectionPool | None = None  # made with the first delivery
        self._wake: asyncio.Event | None = None
        self._in_flight: dict[str, asyncio.Task] = {}
        self.held_elsewhere: set[str] = set()  # due deliveries another process held at the last pass
        # Deliveries whose last attempt was made but could not be recorded (a full disk): id -> (time.time()
        # before which it is not sent again, how many attempts in a row went unrecorded). The database still
        # says "due now", so without this the worker sent the same event about once a second for as long as
        # the disk stayed full (an operator's audit: 31 POSTs in 40 s). Kept in memory only: after a restart
        # the delivery is due and is sent once more, which at-least-once allows.
        self.unrecorded: dict[str, tuple[float, int]] = {}

    def start(self, ctx: Context) -> asyncio.Task:
        self._ctx = ctx
        self._wake = asyncio.Event()
        self._hub.add_listener(self.kick)
        return asyncio.create_task(self._run(), name="rundun-webhooks")

    def kick(self) -> None:
        """Look for due deliveries now (call on the event loop)."""
        if self._wake is not None:
            self._wake.set()

    async def _run(self) -> None:
        assert self._wake is not None
        try:
            while True:
                self._wake.clear()
                # One `now` for both: a delivery falling due between the two queries would be neither
                # started nor waited for.
                now = time.time()
                try:
                    await self._fill(now)
                    delay = self._delay(now)
                except Exception as exc:  # noqa: BLE001 - logged; a full disk, the database down: retried shortly
                    database_down.log_failure(log, "webhook worker pass failed", exc)
                    delay = 1.0
                # asyncio.timeout, not wait_for: 3.11's wait_for swallows a cancel that lands as the wake-up does,
                # and the app's shutdown then waits for this loop forever (tests/server/test_background_cancel.py).
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
        finally:
            self._hub.remove_listener(self.kick)
            for task in self._in_flight.values():
                task.cancel()
            await asyncio.gather(*self._in_flight.values(), return_exceptions=True)
            if self._connections is not None:
                self._connections.close()

    async def _fill(self, now: float) -> None:
        """Start an attempt for each due delivery, up to the concurrency bound. The due ones are found on a
        worker thread: with many pending (a receiver down for hours) the query reads them all, which the
        event loop, serving every request, must not wait for."""
        self.held_elsewhere = set()
        for _ in range(MAX_RACED_PASSES):
            if not await self._fill_once(now):
                return

    async def _fill_once(self, now: float) -> bool:
        """One query's worth of `_fill`; True when slots are left free because another process claimed some
        of its rows first: processes woken by the same commit ask at the same instant for the same rows, and
        the loser of each race would otherwise wait for the next wake-up with slots free (asked again, the
        rows just claimed come last, held)."""
        assert self._ctx is not None
        if MAX_IN_FLIGHT - len(self._in_flight) <= 0:
            return False
        # Deliveries in flight are still pending and due, held by this process: they come last (as do those
        # held by others), after the ones free to claim. One that ends while the query runs may still be
        # pending in its rows (delivered since): it is not started again.
        busy = set(self._in_flight)
        # Those held back (`unrecorded`) come back from the query too, due in the database: ask for as many more.
        held_back = {did for did, (at, _) in self.unrecorded.items() if at > now}
        rows = await self._ctx.db.read_async(
            store.due_deliveries, store.due_stamp(now), MAX_IN_FLIGHT + len(held_back)
        )
        free = MAX_IN_FLIGHT - len(self._in_flight)
        raced = False
        for delivery in rows:
            if free == 0:
                break
            if delivery["id"] in busy or delivery["id"] in self._in_flight or delivery["id"] in held_back:
                continue
            if delivery["held"]:  # by another process (store.due_deliveries): not worth a try
                self.held_elsewhere.add(delivery["id"])
                continue
            if self._ctx.db.read(
                store.claim, delivery, store.due_stamp(now), self._ctx.settings.webhook_claim_timeout
            ):
                self._in_flight[delivery["id"]] = asyncio.create_task(self._deliver(delivery))
                free -= 1
            else:  # another server process claimed it since the query (store.claim)
                self.held_elsewhere.add(delivery["id"])
                raced = True
        return raced and free > 0

    def _delay(self, now: float) -> float:
        """Seconds until the next delivery falls due after `now`. Those due already but not started wait
        for a free slot or for their run's earlier event, and the end of that attempt wakes the worker."""
        assert self._ctx is not None
        longest = HELD_RECHECK_S if self.held_elsewhere else IDLE_RECHECK_S
        if self._in_flight:  # this pass's read keeps the claims' session from going idle (store.claim)
            longest = min(longest, self._ctx.settings.webhook_claim_timeout / 3)
        held_back = [at for at, _ in self.unrecorded.values() if at > now]
        if held_back:
            longest = min(longest, max(min(held_back) - time.time(), 0.0))
        stamp = self._ctx.db.read(store.next_due_after, store.due_stamp(now))
        if stamp is None:
            return longest
        return min(max(store.stamp_seconds(stamp) - time.time(), 0.0), longest)

    async def _deliver(self, delivery: dict) -> None:
        # The HTTP client (h11, certifi) is imported with the first delivery, not at every start: ~25 ms of
        # the server's start-up, which the desktop's cold start waits for (bench/desktop_startup.py).
        from server.services import webhook_http

        assert self._ctx is not None
        settings = self._ctx.settings
        if self._connections is None:
            self._connections = webhook_http.ConnectionPool(settings.webhook_allow_private)
        try:
            try:
                # The body as stored, its photo URLs signed now: retries run for days, and URLs signed with
                # the event live RUNDUN_MEDIA_URL_TTL (an hour). The signature header covers these bytes.
                sent = {**delivery, "body": media.fresh_urls(self._ctx, delivery["body"], delivery["run_id"])}
                attempt = await webhook_http.attempt(self._connections, sent, settings.webhook_timeout)
            except Exception as exc:  # a bug, not the receiver: still an attempt, so the schedule applies
                log.exception("webhook attempt for %s failed unexpectedly", delivery["id"])
                attempt = store.Attempt(now_iso(), None, 0, f"internal error: {type(exc).__name__}")
            if not attempt.ok:
                log.warning(
                    "webhook %s to %s failed: %s",
                    delivery["id"],
                    _origin(delivery["url"]),
                    attempt.error or f"HTTP {attempt.status_code}",
                )
            await self._ctx.db.write(
                store.record_attempt, delivery["id"], attempt, settings.retry_schedule, time.time()
            )
            self.unrecorded.pop(delivery["id"], None)
        except Exception as exc:  # noqa: BLE001 - logged; the delivery stays pending and is tried again
            self._hold_back(delivery["id"], exc)
        finally:
            del self._in_flight[delivery["id"]]
            try:
                self._ctx.db.read(store.release, delivery)  # on the loop's thread, as the claim was
            except Exception as exc:  # noqa: BLE001 - the link is gone, and the claim with it
                # one line when the database is down (it was a traceback at each PostgreSQL restart)
                database_down.log_failure(log, f"releasing the claim on {delivery['id']}", exc)
            self.kick()

    def _hold_back(self, delivery_id: str, exc: BaseException) -> None:
        """The attempt was made (or not) but not recorded: not again before the retry schedule's next delay,
        growing with each attempt in a row that goes unrecorded, as the schedule's delays do. One log line,
        no traceback, unless the failure is a bug."""
        assert self._ctx is not None
        schedule = self._ctx.settings.retry_schedule
        times = self.unrecorded.get(delivery_id, (0.0, 0))[1] + 1
        wait = max(schedule[min(times, len(schedule)) - 1], UNRECORDED_MIN_WAIT_S)
        self.unrecorded[delivery_id] = (time.time() + wait, times)
        what = f"recording a webhook attempt for {delivery_id} failed; not sent again for {wait:g} s"
        if storage.is_out_of_space(exc):
            log.warning("%s: the disk is full (%s)", what, database_down.in_one_line(exc))
        else:
            database_down.log_failure(log, what, exc)


def _origin(url: str) -> str:
    """A receiver's scheme, host and port for the log: its path and query may hold a customer's token."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


# -- the delivery log --------------------------------------------------------------------------------------
def delivery_document(row: dict) -> dict:
    """A delivery as the API shows it: times at second precision, `next_retry_at` only while pending."""
    next_at = row["next_attempt_at"] if row["status"] == "pending" else None
    return {
        "id": row["id"],
        "event_id": row["event_id"],
        "event": row["event"],
        "url": row["url"],
        "status": row["status"],
        "attempts": row["attempts"],
        "last_status_code": row["last_status_code"],
        "last_error": row["last_error"],
        "next_retry_at": next_at[:19] + "Z" if next_at else None,
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "attempts_log": row["attempts_log"],
    }


async def deliveries_of_run(ctx: Context, org_id: str, run_id: str) -> list[dict]:
    await run_service.load_run(ctx, run_id, org_id)  # 404 for another org's run
    return [delivery_document(row) for row in ctx.db.read(store.deliveries_of_run, run_id)]


async def redeliver(ctx: Context, worker: DeliveryWorker, org_id: str, delivery_id: str) -> dict:
    """Send a delivery's event again now, same id and body, with a fresh retry cycle."""
    if not await ctx.db.write(store.restart_delivery, org_id, delivery_id, time.time()):
        raise NotFound("No webhook delivery with that ID exists in your organisation.")
    worker.kick()
    row = ctx.db.read(store.get_delivery, org_id, delivery_id)
    assert row is not None
    return delivery_document(row)
