"""Live updates without a server: the SSE parser, reconnecting with Last-Event-ID, and the polling fallback
(an httpx MockTransport plays the server)."""

from __future__ import annotations

import json

import httpx

from rundun_desktop.api_client import ApiClient
from rundun_desktop.app_events import AppEvents
from rundun_desktop.live import POLLING, STREAM, LiveUpdates
from tests.desktop.conftest import run, wait_until


class RecordingLive(LiveUpdates):
    """The real LiveUpdates, noting each event its stream hands on (what it makes of them is tested below)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.heard: list[tuple[str, str, str]] = []

    def _on_event(self, event) -> None:
        self.heard.append((event.id, event.event, event.data))
        super()._on_event(event)


def test_the_stream_is_read_by_the_spec(aloop):
    """Comments and heartbeats are no events, data lines join, the last id carries over to the next event."""
    frame = (
        "retry: 3000\n: connected\n\n"
        'id: evt_1\nevent: run.opened\ndata: {"a":\ndata: 1}\n\n'
        ": heartbeat\n\n"
        "data: no id\n\n"
        "id: bad\0id\ndata: {}\n\n"
    )

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/events":
            return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=frame.encode())
        return httpx.Response(200, json={"data": [], "pagination": {"next_page": None}})

    api = ApiClient("http://rundun.test", "rdk_live_" + "0" * 32, transport=httpx.MockTransport(handler))
    live = RecordingLive(api, AppEvents(), debounce=0.01)
    live.start()
    try:
        wait_until(aloop, lambda: len(live.heard) >= 3, 10)
        assert live.heard[:3] == [
            ("evt_1", "run.opened", '{"a":\n1}'),
            ("evt_1", "message", "no id"),  # the last event id carries over
            ("evt_1", "message", "{}"),  # an id with a NUL is ignored
        ]
        assert live.last_event_id == "evt_1"
    finally:
        run(aloop, live.stop())
        run(aloop, api.close())


def summary(run_id: str, status: str, updated: str) -> dict:
    return {
        "run_id": run_id,
        "status": status,
        "template_id": "t-1",
        "created_at": "2026-05-22T08:00:00Z",
        "updated_at": updated,
        "progress": {"total": 2, "answered": 0, "skipped": 0},
    }


class FakeServer:
    """`same_second`: each stream connection brings a `step.completed` of r-1 whose summary stays as it was (the
    answer changed again within the second of `updated_at`, whole seconds, and the progress with it did not)."""

    def __init__(self, events_status: int = 200, same_second: bool = False):
        self.events_status = events_status
        self.same_second = same_second
        self.stream_headers: list[dict] = []
        self.runs = [summary("r-1", "pending", "2026-05-22T08:00:00Z")]

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/events":
            self.stream_headers.append(dict(request.headers))
            if self.events_status != 200:
                return httpx.Response(
                    self.events_status, json={"error": "not_found", "message": "No such endpoint."}
                )
            n = len(self.stream_headers)
            kind = "step.completed" if self.same_second else "run.opened"
            body = {
                "id": f"evt_{n}",
                "event": kind,
                "created_at": "2026-05-22T08:00:00Z" if self.same_second else "2026-05-22T08:00:05Z",
                "run_id": "r-1",
                "data": {},
            }
            if not self.same_second:
                self.runs = [summary("r-1", "in_progress", f"2026-05-22T08:00:0{n}Z")]
            frame = f"retry: 3000\n: connected\n\nid: evt_{n}\nevent: {kind}\ndata: {json.dumps(body)}\n\n"
            return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=frame.encode())
        if request.url.path == "/v1/runs":
            since = request.url.params.get("updated_since")
            rows = [r for r in self.runs if since is None or r["updated_at"] >= since]
            return httpx.Response(
                200,
                json={
                    "data": rows,
                    "pagination": {"total": len(rows), "page": 1, "per_page": 200, "next_page": None},
                },
            )
        return httpx.Response(404, json={"error": "not_found", "message": "No."})


def start(server: FakeServer, aloop, **kwargs):
    api = ApiClient(
        "http://rundun.test", "rdk_live_" + "0" * 32, transport=httpx.MockTransport(server.handler)
    )
    events = AppEvents()
    changed: list[dict] = []
    events.runs_changed.connect(changed.extend)
    live = LiveUpdates(api, events, debounce=0.01, **kwargs)
    live.start()
    return api, live, changed


def test_the_stream_reconnects_with_last_event_id(aloop):
    server = FakeServer()
    api, live, changed = start(server, aloop)
    try:
        wait_until(aloop, lambda: len(server.stream_headers) >= 2, 10)  # the stream ended once: back again
        assert "last-event-id" not in server.stream_headers[0]
        assert server.stream_headers[1]["last-event-id"] == "evt_1"
        wait_until(aloop, lambda: any(r["status"] == "in_progress" for r in changed), 10)
    finally:
        run(aloop, live.stop())
        run(aloop, api.close())


def test_without_an_event_stream_it_polls_updated_since(aloop):
    server = FakeServer(events_status=404)
    api, live, changed = start(server, aloop, poll_interval=0.05)
    try:
        wait_until(aloop, lambda: live.mode == POLLING and changed, 10)
        server.runs = [summary("r-1", "completed", "2026-05-22T09:00:00Z")]
        wait_until(aloop, lambda: changed[-1]["status"] == "completed", 10)
        assert len(server.stream_headers) == 1  # not hammering a server that has no stream
        assert live.mode != STREAM
    finally:
        run(aloop, live.stop())
        run(aloop, api.close())


def test_quitting_does_not_wait_for_ever_on_a_cancel_lost_in_a_request(desktop, aloop):
    """A window closed, the process stayed: the event stream's cancel came back from the HTTP library as a read
    error, the loop took it for a dropped connection and streamed again, and the quit waited on it for ever (the
    next start then brought that window back, without live updates). Stopping ends the loops whatever their
    requests do."""
    import asyncio

    live = desktop.live
    wait_until(aloop, lambda: live.mode == STREAM, 10)
    streams: list[int] = []

    async def cancel_lost() -> None:  # what httpx and anyio made of the cancel in a read of the stream
        streams.append(1)
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            raise httpx.ReadError("the connection was lost") from None

    async def ended() -> None:
        raise asyncio.CancelledError

    live._stream = cancel_lost
    try:
        run(aloop, live.restart(), 10)  # the loops start again, on the stream above
        wait_until(aloop, lambda: streams, 10)
        closing = asyncio.ensure_future(desktop.close())
        done, _ = run(aloop, asyncio.wait({closing}, timeout=60), 65)  # a guard: the bug waited for ever
        assert closing in done, "the quit still waits on the live updates"
        assert live.mode == "off"
        wait_until(
            aloop, lambda: not [t for t in asyncio.all_tasks(aloop) if "LiveUpdates" in repr(t.get_coro())], 5
        )
    finally:
        live._stream = ended  # a loop still going ends at its next stream (the test's own clean-up)


def test_beside_the_stream_it_looks_for_new_runs_often_unless_they_flood_in(qapp):
    """Runs other API clients make have no event: a look every 5 s beside the stream finds them soon (it was
    every 15 s). While they come by the hundred, each look reads pages of them on the GUI thread: every 15 s."""
    from rundun_desktop.live import BUSY_CHANGES, BUSY_STREAM_POLL_S, POLLING, STREAM

    api = ApiClient("http://rundun.test", "rdk_live_" + "0" * 32)
    live = LiveUpdates(api, AppEvents(), poll_interval=2.0)
    live.mode = STREAM
    assert live.wait_after(0) == live.wait_after(BUSY_CHANGES - 1) == 5.0
    assert live.wait_after(BUSY_CHANGES) == BUSY_STREAM_POLL_S == 15.0
    live.mode = POLLING  # no stream: every change is found by looking, at the polling pace whatever it found
    assert live.wait_after(0) == live.wait_after(10 * BUSY_CHANGES) == 2.0


def test_an_answer_changed_again_within_the_second_is_read_again(aloop):
    """The odometer typed 1,200 then corrected to 1,300 in the same second: the run's summary reads the same both
    times, and the second change was dropped as seen, so the run's detail kept saying 1,200. Each event names its
    run, and that run is handed on again."""
    server = FakeServer(same_second=True)
    api, live, changed = start(server, aloop)
    try:
        wait_until(aloop, lambda: len(server.stream_headers) >= 3, 15)  # two events read, a third stream open
        wait_until(aloop, lambda: sum(r["run_id"] == "r-1" for r in changed) >= 2, 10)
    finally:
        run(aloop, live.stop())
        run(aloop, api.close())
