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
from collections.abc import AsyncGenerator, Callable

from server.services.context import Context
from server.store import events as event_store
from server.store.events import StoredEvent

log = logging.getLogger("rundun.events")
QUEUE_LIMIT = 1000  # a stream further behind than this catches up from the database instead
PAGE = 500


class Subscription:
    """One live stream's queue of events of its org."""

    def __init__(self, org_id: str, position: int):
        self.org_id = org_id
        self.position = position  # the last seq the hub had handed out when this stream joined
        self.items: collections.deque[StoredEvent] = collections.deque()
        self.lagged = False
        self.closed = False
        self.ready = asyncio.Event()

    def push(self, event: StoredEvent) -> None:
        if len(self.items) >= QUEUE_LIMIT:
            self.items.clear()
            self.lagged = True
        self.items.append(event)
        self.ready.set()

    def close(self) -> None:
        self.closed = True
        self.ready.set()


class EventHub:
    """Created per app by `install`; started with the app and closed when it shuts down."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ctx: Context | None = None
        self._listeners: list[Callable[[], None]] = []
        self._subs: dict[str, set[Subscription]] = {}
        self._position = 0  # last seq fanned out; meaningful only while streams are subscribed
        self._stale = True
        self._scheduled = False
        self.closed = False

    # -- life ----------------------------------------------------------------------------------------------
    def start(self, ctx: Context) -> asyncio.Task:
        self._loop, self._ctx, self.closed = asyncio.get_running_loop(), ctx, False
        ctx.db.on_events_written(self._from_writer)
        return asyncio.create_task(self._until_cancelled(), name="rundun-event-hub")

    async def _until_cancelled(self) -> None:
        try:
            await asyncio.Event().wait()
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
        """`listener()` runs on the event loop after each commit that wrote events."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _from_writer(self) -> None:
        """Called on the writer thread; coalesces bursts of commits into one wake-up on the loop."""
        loop = self._loop
        if self.closed or loop is None or self._scheduled:
            return
        self._scheduled = True
        try:
            loop.call_soon_threadsafe(self._on_commit)
        except RuntimeError:  # the loop is closed: this app is gone
            self._scheduled = False

    def _on_commit(self) -> None:
        self._scheduled = False  # first: a commit from now on schedules another pass
        try:
            self._fan_out()
        except Exception:  # a stream can catch up later; the listeners must still run
            log.exception("fanning out events failed")
        for listener in list(self._listeners):
            listener()

    def _fan_out(self) -> None:
        if not self._subs:
            self._stale = True
            return
        assert self._ctx is not None
        while True:
            batch = self._ctx.db.read(event_store.stored_events_after, self._position, None, PAGE)
            for event in batch:
                for sub in self._subs.get(event.org_id, ()):
                    sub.push(event)
            if batch:
                self._position = batch[-1].seq
            if len(batch) < PAGE:
                return

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
    hub: EventHub, ctx: Context, org_id: str, last_event_id: str | None, heartbeat: float
) -> AsyncGenerator[StoredEvent | None, None]:
    """The org's events: first `None` once subscribed, then every event after `last_event_id` (an unknown
    id, or none, means from now on) as it commits, and `None` after `heartbeat` quiet seconds. Ends when
    the hub closes; the caller ends it early by closing the generator."""
    sub = hub.subscribe(org_id)
    try:
        after = sub.position
        catching_up = False
        if last_event_id:
            seq = ctx.db.read(event_store.seq_of_event, org_id, last_event_id)
            if seq is not None:
                after, catching_up = seq, True
        yield None
        while not sub.closed:
            if sub.lagged:
                sub.lagged, catching_up = False, True
            if catching_up:
                page = ctx.db.read(event_store.stored_events_after, after, org_id, PAGE)
                catching_up = len(page) == PAGE
            else:
                page = list(sub.items)
                sub.items.clear()
                sub.ready.clear()
            for event in page:
                if event.seq > after:
                    after = event.seq
                    yield event
            if not page and not catching_up:
                try:
                    await asyncio.wait_for(sub.ready.wait(), heartbeat)
                except TimeoutError:
                    yield None
    finally:
        hub.unsubscribe(sub)
