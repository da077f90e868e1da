"""Live run updates: the `/v1/events` stream (resumed with `Last-Event-ID`), falling back to polling
`GET /v1/runs?updated_since=` while the stream is unavailable.

Events only say *that* a run changed; the changed summaries are then read in one list request
(`updated_since` = the earliest event time, sorted by `updated_at`), so a burst of events costs one request.
Runs created by other API clients emit no event, so a slow poll keeps running beside the stream. Only the poll
moves the position it reads from (the watermark): a read after an event starts at the event, and moved it past
runs dispatched by another client a moment before, which the monitor then never showed.

The stream is parsed by httpx-sse, not by hand: `bench/desktop_sse_parse.py` puts it at ~11 µs an event against
~4 µs for the former hand parser (same run, shared machine), a few ms a second of the GUI thread in the
busiest burst the server sends, so the library's spec-following parser costs nothing that shows.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import OrderedDict
from datetime import datetime, timedelta

import httpx
from httpx_sse import EventSource, ServerSentEvent
from PySide6.QtCore import QObject

from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.app_events import AppEvents

log = logging.getLogger("rundun.desktop")
STREAM, POLLING, OFF = "stream", "polling", "off"
STOP_WAIT = 3.0  # seconds `stop` waits for its loops before it lets them finish on their own
BUSY_CHANGES = 200  # runs one look read that make the next one, beside the stream, wait longer
BUSY_STREAM_POLL_S = 15.0
OVERLAP_S = 2.0  # how far back of the watermark each look starts (see `overlapped`)


class LiveUpdates(QObject):
    """Emits `events.runs_changed` with fresh summaries; `mode` says how it currently learns of changes."""

    def __init__(
        self,
        api: ApiClient,
        events: AppEvents,
        *,
        poll_interval: float = 2.0,
        stream_poll_interval: float = 5.0,  # runs made by other API clients have no event: seen this soon
        debounce: float = 0.1,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.api, self.events = api, events
        self.poll_interval, self.stream_poll_interval, self.debounce = (
            poll_interval,
            stream_poll_interval,
            debounce,
        )
        self.mode = OFF
        self.last_event_id: str | None = None
        self._watermark: str | None = None  # the newest `updated_at` seen, in the server's clock
        self._seen: OrderedDict[str, tuple] = OrderedDict()
        self._tasks: list[asyncio.Task] = []
        self._running: object | None = None  # this start's token: its loops end once it is no longer the one
        self._wake = asyncio.Event()
        self._pending_since: str | None = None
        self._pending_runs: set[str] = set()  # runs the stream named since the last read it started
        self._flush_task: asyncio.Task | None = None
        self._closed = False
        self.last_read = (
            0  # runs the last read found, changed or not (a look that reads hundreds waits longer)
        )

    def start(self) -> None:
        if not self._tasks and not self._closed:
            running = self._running = object()
            self._tasks = [
                asyncio.ensure_future(self._stream_loop(running)),
                asyncio.ensure_future(self._poll_loop(running)),
            ]

    async def stop(self) -> None:
        """Cancel the loops and wait for them, a few seconds at most. A cancel can be lost inside the HTTP
        library (it comes back as a read error, which a loop takes for a dropped connection and goes on): the
        loops also end at their next turn, and the app's quit never waits on them for ever (it did: the window
        closed, the process stayed, and the next start brought its window back without live updates)."""
        tasks = [*self._tasks, *([self._flush_task] if self._flush_task else [])]
        self._tasks, self._flush_task, self._running = [], None, None
        for task in tasks:
            task.cancel()
        if tasks:
            done, pending = await asyncio.wait(tasks, timeout=STOP_WAIT)
            for task in done:
                if not task.cancelled():
                    task.exception()  # retrieved: an error while stopping is no news
            if pending:
                log.warning("live updates: %d task(s) still stopping", len(pending))
        self._set_mode(OFF)

    async def close(self) -> None:
        """For good (the app quits): a restart still scheduled does nothing."""
        self._closed = True
        await self.stop()

    async def restart(self) -> None:
        """Follow the client to another server (or the same one, back again): forget positions, start over."""
        if self._closed:
            return
        await self.stop()
        self.last_event_id, self._watermark, self._pending_since = None, None, None
        self._seen.clear()
        self.start()

    def poke(self) -> None:
        """Look for changes now (after a dispatch or cancel from this app, say)."""
        self._wake.set()

    # -- the stream ---------------------------------------------------------------------------------------------
    async def _stream_loop(self, running: object) -> None:
        backoff = 1.0
        while running is self._running:
            try:
                await self._stream()
                backoff = 1.0
            except _NoStream:
                self._set_mode(POLLING)
                await asyncio.sleep(60)  # an older server without /v1/events: poll, look again later
                continue
            except (httpx.HTTPError, ApiError, ValueError) as exc:
                log.debug("event stream dropped: %s", exc)
            if running is not self._running:
                return  # stopped meanwhile (its cancel lost on the way): no mode to set
            self._set_mode(POLLING)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 30.0)

    async def _stream(self) -> None:
        headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
        if self.last_event_id:
            headers["Last-Event-ID"] = self.last_event_id
        timeout = httpx.Timeout(5.0, read=60.0)
        async with self.api.http.stream("GET", "/v1/events", headers=headers, timeout=timeout) as response:
            if response.status_code in (404, 405):
                raise _NoStream()
            if response.status_code != 200:
                raise ApiError(
                    response.status_code,
                    "stream_refused",
                    self.tr("The event stream answered {0}.").format(response.status_code),
                )
            self._set_mode(STREAM)
            self._wake.set()  # catch up on what happened while the stream was down
            async for event in EventSource(response).aiter_sse():
                if event.id:
                    self.last_event_id = event.id
                if (
                    not event.data
                ):  # the blank line after a heartbeat comment: httpx-sse yields it, the spec not
                    continue
                self._on_event(event)

    def _on_event(self, event: ServerSentEvent) -> None:
        try:
            body = json.loads(event.data) if event.data else {}
        except ValueError:
            body = {}
        since = body.get("created_at") if isinstance(body, dict) else None
        if since is None:
            since = self._watermark
        if self._pending_since is None or (since and since < self._pending_since):
            self._pending_since = since or ""
        run_id = body.get("run_id") if isinstance(body, dict) else None
        if isinstance(run_id, str):
            self._pending_runs.add(run_id)
        if self._flush_task is None or self._flush_task.done():
            self._flush_task = asyncio.ensure_future(self._flush_after_debounce())

    async def _flush_after_debounce(self) -> None:
        await asyncio.sleep(self.debounce)
        since, self._pending_since = self._pending_since, None
        named, self._pending_runs = self._pending_runs, set()
        try:
            await self.fetch_changes(since or self._watermark, advance=False, named=named)
        except ApiError as exc:
            log.debug("reading changed runs failed: %s", exc)
            self._wake.set()

    # -- polling ------------------------------------------------------------------------------------------------
    async def _poll_loop(self, running: object) -> None:
        found = 0  # runs the last look read
        while running is self._running:
            try:
                if self._watermark is None:
                    await self._init_watermark()
                else:
                    await self.fetch_changes(overlapped(self._watermark))
                    found = self.last_read
            except ApiError as exc:
                log.debug("polling runs failed: %s", exc)
            if running is not self._running:
                return
            interval = self.wait_after(found)
            self._wake.clear()
            with contextlib.suppress(TimeoutError):  # not wait_for: it can swallow a cancel (3.11)
                async with asyncio.timeout(interval):
                    await self._wake.wait()

    def wait_after(self, found: int) -> float:
        """Seconds until the next look, after one that read `found` runs. Beside the stream a look
        every few seconds finds the runs other clients made (they have no event) soon; while they come by the
        hundred, every 15 s: each look then reads pages of them on the GUI thread (8 clients dispatching flat
        out, bench/desktop_soak.py: 21 pauses of the GUI thread over 100 ms in 2 minutes at 5 s, 2 so)."""
        if self.mode != STREAM:
            return self.poll_interval
        return BUSY_STREAM_POLL_S if found >= BUSY_CHANGES else self.stream_poll_interval

    async def _init_watermark(self) -> None:
        page = await self.api.list_runs(per_page=1, sort="-updated_at")
        self._watermark = page["data"][0]["updated_at"] if page["data"] else "1970-01-01T00:00:00Z"
        if self.mode == OFF:
            self._set_mode(POLLING)

    async def fetch_changes(
        self, since: str | None, *, advance: bool = True, named: set[str] | frozenset[str] = frozenset()
    ) -> list[dict]:
        """Read runs updated at or after `since`; emit those not seen in this exact state before, and those in
        `named` (an event said they changed) whatever their state. `advance`: move the watermark to the newest
        `updated_at` read (only a read that starts from it may: one that starts later has not read what lies
        between)."""
        changed: list[dict] = []
        self.last_read = 0
        page = 1
        while True:
            body = await self.api.list_runs(page=page, per_page=200, updated_since=since, sort="updated_at")
            self.last_read += len(body["data"])
            for run in body["data"]:
                # `flagged` too: answers changed within one second of `updated_at` may change only the findings.
                fingerprint = (
                    run["updated_at"],
                    run["status"],
                    _progress_key(run.get("progress")),
                    _device_key(run.get("device")),
                    run.get("flagged"),
                )
                # An answer changed again within the second of the last read leaves the summary as it was
                # read (`updated_at` has whole seconds): its event says it changed, and the detail showing
                # the run reads it again. It kept the answer read first until another change came.
                if self._seen.get(run["run_id"]) != fingerprint or run["run_id"] in named:
                    self._seen[run["run_id"]] = fingerprint
                    self._seen.move_to_end(run["run_id"])
                    changed.append(run)
                if advance and (self._watermark is None or run["updated_at"] > self._watermark):
                    self._watermark = run["updated_at"]
            next_page = body["pagination"].get("next_page")
            if not next_page or page >= 25:
                break
            page = next_page
        while len(self._seen) > 5000:
            self._seen.popitem(last=False)
        if changed:
            self.events.runs_changed.emit(changed)
        return changed

    def _set_mode(self, mode: str) -> None:
        if mode != self.mode:
            log.info("live updates: %s", mode)
            self.mode = mode
            self.events.live_mode_changed.emit(mode)


def overlapped(watermark: str) -> str:
    """`watermark` moved back `OVERLAP_S`: a change stamped before the newest one read may be committed after
    it was read (several server processes, or a write queued behind another); runs read twice are told apart
    by their fingerprint, and emitted once."""
    try:
        moment = datetime.fromisoformat(watermark)
    except ValueError:
        return watermark
    return (moment - timedelta(seconds=OVERLAP_S)).isoformat().replace("+00:00", "Z")


def _device_key(device) -> tuple | None:
    """What of a run's `device` (SPEC §10) the monitor shows, for telling a change apart."""
    if not isinstance(device, dict):
        return None
    return (device.get("pending_ops"), device.get("pending_bytes"), device.get("failed_ops"))


def _progress_key(progress) -> tuple | str:
    """A hashable copy of a run's progress, cheaply (thousands a second during a burst, on the GUI thread)."""
    if isinstance(progress, dict):
        return tuple(sorted(progress.items()))
    return json.dumps(progress, sort_keys=True)


class _NoStream(Exception):
    """The server has no `/v1/events`."""
