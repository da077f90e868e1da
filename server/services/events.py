"""The in-process event broadcaster: after each commit that wrote outbox events, wake the webhook worker and
hand the new events to the live `/v1/events` streams.

The database calls us from its writer thread; we hop onto the event loop with `call_soon_threadsafe` and,
there, read what was committed once for all streams (not one query per client) and fan it out by org. Events
are numbered by `seq` in commit order (one writer), so a stream resumes after any event without loss or
duplicates: it replays the database after its position, then takes the live queue, skipping what it has sent.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import AsyncGenerator, Callable, Iterable

from server.services import database_down
from server.services.context import Context
from server.store import events as event_store
from server.store.events import StoredEvent

log = logging.getLogger("rundun.events")
QUEUE_LIMIT = 1000  # a stream further behind than this catches up from the database instead
PAGE = 500
WAKE_CHUNK = 32  # streams woken per loop iteration: other requests run between chunks


class Subscription:
    """One live stream's queue of events of its org. The stream's task sleeps on a bare future (no task or
    timer per wait): the hub wakes it when events or a heartbeat are due."""

    def __init__(self, org_id: str, position: int):
        self.org_id = org_id
        self.position = position  # the last seq the hub had handed out when this stream joined
        self.items: collections.deque[StoredEvent] = collections.deque()
        self.lagged = False
        self.closed = False
        self.heartbeat_due = False
        self.last_sent = time.monotonic()
        self._waiter: asyncio.Future[None] | None = None

    def push(self, event: StoredEvent) -> None:
        """Queue `event`; the stream is woken separately (`wake`), by the hub's paced waking."""
        if len(self.items) >= QUEUE_LIMIT:
            self.items.clear()
            self.lagged = True
        self.items.append(event)

    def wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def has_work(self) -> bool:
        return bool(self.items) or self.lagged or self.closed or self.heartbeat_due

    async def wait(self) -> None:
        """Until there is something to send (events, a heartbeat) or the stream is closed."""
        if self.has_work():
            return
        self._waiter = asyncio.get_running_loop().create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def close(self) -> None:
        self.closed = True
        self.wake()


class EventHub:
    """Created per app by `install`; started with the app and closed when it shuts down.

    With hundreds of streams open, waking them all at once on a commit (or a heartbeat) puts hundreds of task
    steps ahead of every other request in the loop's queue: another client's GET waited for all of them
    (p99 57 ms with 500 streams, bench/sse_streams.py). Streams are therefore woken `WAKE_CHUNK` at a time,
    one chunk per loop iteration, so that other connections' callbacks interleave; and heartbeats come from
    one ticker instead of a timer (and a task, with `wait_for`) per stream per wait."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ctx: Context | None = None
        self._listeners: list[Callable[[], None]] = []
        self._subs: dict[str, set[Subscription]] = {}
        self._position = 0  # last seq fanned out; meaningful only while streams are subscribed
        self._stale = True
        self._scheduled = False
        self._to_wake: collections.deque[Subscription] = collections.deque()
        self._waking = False
        self.closed = False

    # -- life ----------------------------------------------------------------------------------------------
    def start(self, ctx: Context) -> asyncio.Task:
        self._loop, self._ctx, self.closed = asyncio.get_running_loop(), ctx, False
        ctx.db.on_events_written(self._from_writer)
        return asyncio.create_task(self._heartbeats(ctx.settings.sse_heartbeat), name="rundun-event-hub")

    async def _heartbeats(self, interval: float) -> None:
        """Mark the streams quiet for `interval` seconds as due a heartbeat, checking a few times per interval."""
        try:
            while True:
                await asyncio.sleep(min(1.0, interval / 4))
                now = time.monotonic()
                due = [
                    sub
                    for subs in self._subs.values()
                    for sub in subs
                    if not sub.heartbeat_due and now - sub.last_sent >= interval
                ]
                for sub in due:
                    sub.heartbeat_due = True
                self._wake_paced(due)
        finally:
            self.close()

    def close(self) -> None:
        """End every live stream (at shutdown: uvicorn waits for open responses before it stops)."""
        self.closed = True
        for subs in self._subs.values():
            for sub in subs:
                sub.close()

    # -- notification --------------------------------------------------------------------------------------
    def add_listener(self, listener: Callable[[], None]) -> None:
        """`listener()` runs on the event loop after each commit that wrote webhook deliveries (the webhook
        worker: issue 16, a commit without any, a photo's or a /sync's on a run with no webhook, cost it a
        pass of two reads, on PostgreSQL two round trips on the loop)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _from_writer(self, deliveries: bool) -> None:
        """Called on the writer thread; coalesces bursts of commits into one wake-up of the streams on the
        loop. The listeners are told of each commit that wrote deliveries (a kick costs them nothing)."""
        loop = self._loop
        if self.closed or loop is None:
            return
        try:
            if deliveries:
                loop.call_soon_threadsafe(self._tell_listeners)
            if not self._scheduled:
                self._scheduled = True
                loop.call_soon_threadsafe(self._on_commit)
        except RuntimeError:  # the loop is closed: this app is gone
            self._scheduled = False

    def _on_commit(self) -> None:
        self._scheduled = False  # first: a commit from now on schedules another pass
        try:
            self._fan_out()
        except Exception as exc:  # noqa: BLE001 - logged; a stream can catch up later
            database_down.log_failure(log, "fanning out events failed", exc)

    def _tell_listeners(self) -> None:
        for listener in list(self._listeners):
            listener()

    def _fan_out(self) -> None:
        if not self._subs:
            self._stale = True
            return
        assert self._ctx is not None
        touched: dict[Subscription, None] = {}
        while True:
            batch = self._ctx.db.read(event_store.stored_events_after, self._position, None, PAGE)
            for event in batch:
                for sub in self._subs.get(event.org_id, ()):
                    sub.push(event)
                    touched[sub] = None
            if batch:
                self._position = batch[-1].seq
            if len(batch) < PAGE:
                break
        self._wake_paced(touched)

    def _wake_paced(self, subs: Iterable[Subscription]) -> None:
        """Wake `subs` a chunk per loop iteration (see the class docstring)."""
        self._to_wake.extend(subs)
        if self._to_wake and not self._waking and self._loop is not None:
            self._waking = True
            self._loop.call_soon(self._wake_chunk)

    def _wake_chunk(self) -> None:
        for _ in range(min(WAKE_CHUNK, len(self._to_wake))):
            self._to_wake.popleft().wake()
        if self._to_wake and self._loop is not None:
            self._loop.call_soon(self._wake_chunk)  # runs in the NEXT iteration, after pending I/O
        else:
            self._waking = False

    # -- streams -------------------------------------------------------------------------------------------
    def subscribe(self, org_id: str) -> Subscription:
        if self._stale or not self._subs:
            assert self._ctx is not None
            self._position, self._stale = self._ctx.db.read(event_store.last_seq), False
        sub = Subscription(org_id, self._position)
        if self.closed:
            sub.close()
        else:
            self._subs.setdefault(org_id, set()).add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        subs = self._subs.get(sub.org_id)
        if subs is not None:
            subs.discard(sub)
            if not subs:
                del self._subs[sub.org_id]


async def live_events(
    hub: EventHub, ctx: Context, org_id: str, last_event_id: str | None
) -> AsyncGenerator[StoredEvent | None, None]:
    """The org's events: first `None` once subscribed, then every event after `last_event_id` (an unknown
    id, or none, means from now on) as it commits, and `None` after about `sse_heartbeat` quiet seconds (the
    hub's one ticker keeps that time for every stream). Ends when the hub closes; the caller
    ends it early by closing the generator."""
    sub = hub.subscribe(org_id)
    try:
        after = sub.position
        catching_up = False
        if last_event_id:
            seq = ctx.db.read(event_store.seq_of_event, org_id, last_event_id)
            if seq is not None:
                after, catching_up = seq, True
        yield None
        sub.last_sent = time.monotonic()
        while not sub.closed:
            if sub.lagged:
                sub.lagged, catching_up = False, True
            if catching_up:
                page = ctx.db.read(event_store.stored_events_after, after, org_id, PAGE)
                catching_up = len(page) == PAGE
            else:
                page = list(sub.items)
                sub.items.clear()
            for event in page:
                if event.seq > after:
                    after = event.seq
                    sub.last_sent = time.monotonic()
                    yield event
            if not page and not catching_up:
                if sub.heartbeat_due:
                    sub.heartbeat_due, sub.last_sent = False, time.monotonic()
                    yield None
                else:
                    await sub.wait()
    finally:
        hub.unsubscribe(sub)
