"""uvicorn, as Rundun serves it: bounded header and body time, forwarded headers only from trusted proxies,
and endless responses ended as shutdown begins.

- uvicorn (0.55) bounds neither how long a request's headers may take nor how long a body may stall: a
  client sending half a request holds its connection for ever (slowloris). `TimedHttpToolsProtocol` adds
  both (SPEC §13, `RUNDUN_HEADER_TIMEOUT`, `RUNDUN_BODY_IDLE_TIMEOUT`): the parser's callbacks note a
  timestamp, and one sweeper per server closes the connections past their deadline.
- uvicorn closes a connection idle for 5 s, the same time httpx keeps one for reuse (and requests' urllib3 keeps
  one for ever): a request sent on it as the server closes it is lost ("Server disconnected without sending a
  response", one in ~1,200 requests sent at the 5th second on a busy machine; a 500-run report failed on it in
  CI). `RUNDUN_KEEPALIVE_TIMEOUT` (20 s) outlasts the clients' own expiry, so theirs ends first.
- uvicorn (with httptools) bounds neither the size of a request's line and headers: a client could send
  megabytes of them within the header timeout, all held in memory. Past `MAX_HEAD_BYTES` the connection gets
  431 and is closed.
- uvicorn believes `X-Forwarded-For` from 127.0.0.1 by default, so anyone on the host could pick the
  address the rate limiter sees. `config_for` trusts only `RUNDUN_TRUSTED_PROXIES` (none by default).
- uvicorn copies every body byte twice on the event loop (into a `bytearray`, then out of it as `bytes`).
  `PiecewiseCycle` hands the app the pieces as they came off the socket (issue 16: two copies of every
  photo's bytes off the one thread that receives them all).
- uvicorn waits for every open response to finish before it runs the app's lifespan shutdown, so a
  connected `/v1/events` stream would hold a shutdown open for as long as its client stays. `Server`
  closes the event hub first: each stream ends cleanly and the shutdown proceeds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from typing import Any

import uvicorn
from uvicorn.protocols.http.flow_control import HIGH_WATER_LIMIT
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle

from server.settings import Settings

uvicorn_log = logging.getLogger("uvicorn.error")

REQUEST_TIMEOUT = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
# A request's line and headers together: 64 KiB is four times nginx's default (32 KB) and leaves room for
# long tokens and tus metadata; an honest request is well under 2 KB.
MAX_HEAD_BYTES = 64 * 1024
_HEAD_TOO_LARGE_BODY = (
    b'{"error":"bad_request","message":"The request line and headers are larger than 64 KiB."}'
)
HEAD_TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\n"
    b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(_HEAD_TOO_LARGE_BODY), _HEAD_TOO_LARGE_BODY)
)


class ServingConfig(uvicorn.Config):
    """A uvicorn config that carries Rundun's two read timeouts to its protocol."""

    def __init__(self, app: Any, *, header_timeout: float, body_idle_timeout: float, **kwargs: Any):
        super().__init__(app, http=TimedHttpToolsProtocol, **kwargs)
        self.header_timeout, self.body_idle_timeout = header_timeout, body_idle_timeout


def config_for(app: Any, settings: Settings, **kwargs: Any) -> ServingConfig:
    """The uvicorn config for serving `app` with `settings`' limits (use it wherever the app is served)."""
    proxies = [p.strip() for p in settings.trusted_proxies.split(",") if p.strip()]
    return ServingConfig(
        app,
        header_timeout=settings.header_timeout,
        body_idle_timeout=settings.body_idle_timeout,
        timeout_keep_alive=settings.keepalive_timeout,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or [],
        log_level=settings.log_level,
        access_log=False,
        lifespan="on",
        **kwargs,
    )


class PiecewiseCycle(RequestResponseCycle):
    """uvicorn's request cycle, its body kept as the list of pieces the parser produced (each already a
    `bytes` of its own) rather than copied into one `bytearray` and out again: a message is the one piece
    received since the last (the common case), or the pieces joined. Back-pressure is uvicorn's: reading
    pauses past its high-water mark of unread bytes and resumes when the app asks for more."""

    pieces: list[bytes]
    unread: int

    def hold(self, piece: bytes, flow: Any) -> None:
        self.pieces.append(piece)
        self.unread += len(piece)
        if self.unread > HIGH_WATER_LIMIT:
            flow.pause_reading()
        self.message_event.set()

    async def receive(self) -> Any:  # uvicorn's `receive`, but for where the body comes from
        if self.waiting_for_100_continue and not self.transport.is_closing():
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            self.waiting_for_100_continue = False
        if not self.disconnected and not self.response_complete:
            self.flow.resume_reading()
            await self.message_event.wait()
            self.message_event.clear()
        if self.disconnected or self.response_complete:
            return {"type": "http.disconnect"}
        pieces = self.pieces
        body = pieces[0] if len(pieces) == 1 else b"".join(pieces)
        self.pieces, self.unread = [], 0
        return {"type": "http.request", "body": body, "more_body": self.more_body}


HEADERS, BODY = "headers", "body"  # the phases of a request whose reading is timed
REFUSED = "refused"  # a head too large was answered 431: what else comes is dropped until the client is done


class TimedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, cutting a connection whose request headers take longer than
    `header_timeout` in all, or whose body receives nothing for `body_idle_timeout` while the server is
    reading it (a body the app has not read yet, with reading paused, is the server's delay, not a stall).

    No timer per request: the parser's callbacks only note which phase a connection is in and since when,
    and one sweeper per server checks every connection a few times a second (a timer armed and cancelled
    twice per request cost a measurable share of the hot paths, bench/server_throughput.py)."""

    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any):
        super().__init__(config, *args, **kwargs)
        self.header_timeout = getattr(config, "header_timeout", 10.0)
        self.body_idle_timeout = getattr(config, "body_idle_timeout", 60.0)
        self.phase: str | None = HEADERS  # HEADERS, BODY or None (between requests: uvicorn's keep-alive)
        self.since = time.monotonic()
        self.head_bytes, self.head_tail = 0, b""  # how much of the current head came, and its last 3 bytes

    # -- connection and parser callbacks ------------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _send_without_delay(transport)
        _ensure_sweeper(self)

    def data_received(self, data: bytes) -> None:
        """uvicorn's, refusing with 431 a request whose line and headers pass `MAX_HEAD_BYTES`: checked before
        the parser sees the bytes, so a head that ends within this piece is refused as surely as one still
        coming, and nothing of it reaches the app."""
        if self.phase is REFUSED:
            return
        if self.phase is not BODY and self._head_too_large(data):
            self.logger.debug("Request headers over %d bytes: 431", MAX_HEAD_BYTES)
            # Answered, then only our side closed: closing the socket with the client's bytes still unread
            # would reset the connection, and a client still sending could lose the answer with it. Its
            # further bytes are dropped; the connection ends when it closes too (or at the header timeout).
            self.phase, self.since = REFUSED, time.monotonic()
            self.transport.write(HEAD_TOO_LARGE)
            self.transport.write_eof()
            return
        super().data_received(data)

    def _head_too_large(self, data: bytes) -> bool:
        """Whether the head that `data` continues (or starts) passes the limit, by where it ends (the blank
        line, which may straddle two pieces) or, not ended yet, by what has come of it so far."""
        seen = self.head_tail + data
        end = seen.find(b"\r\n\r\n")
        size = self.head_bytes + (len(data) if end < 0 else end + 4 - len(self.head_tail))
        if size > MAX_HEAD_BYTES:
            return True
        # Ended: the next head starts from nothing (pipelined heads later in this piece are not counted:
        # they are bounded by the piece's size).
        self.head_bytes, self.head_tail = (size, seen[-3:]) if end < 0 else (0, b"")
        return False

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self.phase is not HEADERS:  # a kept-alive connection's next request: its headers start now
            self.phase, self.since = HEADERS, time.monotonic()

    def on_headers_complete(self) -> None:
        super().on_headers_complete()  # makes the request's cycle (and its task, not yet run)
        self.phase, self.since = BODY, time.monotonic()
        cycle = self.cycle
        if type(cycle) is RequestResponseCycle:  # the same object, its body handled piecewise
            cycle.__class__ = PiecewiseCycle
            assert isinstance(cycle, PiecewiseCycle)
            cycle.pieces, cycle.unread = [], 0

    def on_body(self, body: bytes) -> None:
        self.since = time.monotonic()
        cycle = self.cycle
        if not isinstance(cycle, PiecewiseCycle):
            super().on_body(body)
        elif not (self.parser.should_upgrade() and self._should_upgrade()) and not cycle.response_complete:
            cycle.hold(body, self.flow)  # as uvicorn's `on_body`, without its copy

    def on_message_complete(self) -> None:
        self.phase = None
        super().on_message_complete()

    # -- the sweeper's check ------------------------------------------------------------------------------
    def check_deadline(self, now: float) -> None:
        if self.transport.is_closing():
            return
        if self.phase is HEADERS and now - self.since >= self.header_timeout:
            self.logger.debug(
                "Request headers not received within %.0f s: connection closed", self.header_timeout
            )
            self.transport.write(REQUEST_TIMEOUT)
            self.transport.close()
        elif self.phase is REFUSED and now - self.since >= self.header_timeout:
            self.transport.close()
        elif self.phase is BODY:
            if self.flow.read_paused:  # back-pressure: the app is behind, not the client; the clock restarts
                self.since = now
            elif now - self.since >= self.body_idle_timeout:
                self.logger.debug(
                    "Request body stalled for %.0f s: connection closed", self.body_idle_timeout
                )
                self.phase = None
                self.transport.close()  # the app sees http.disconnect; a tus upload keeps what it acknowledged


def _send_without_delay(transport: asyncio.Transport) -> None:
    """Turn Nagle's algorithm off on the connection, as uvloop does for every TCP connection but asyncio's own
    loop only when the listening socket was made with `IPPROTO_TCP` (ours, `socket.socket(AF_INET)`, say 0).
    With it on, a response's body (written after its head) waited for the client's delayed ACK of the head:
    every request to the desktop's in-process server took 44 ms where it takes 2 (Windows, which has no
    uvloop, delays its ACKs up to 200 ms)."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):  # the client may already be gone
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _ensure_sweeper(protocol: TimedHttpToolsProtocol) -> None:
    """Start the server's one deadline sweeper with its first connection (uvicorn's shared server state
    lists every open connection)."""
    state = protocol.server_state
    if getattr(state, "rundun_sweeper", None) is None:
        period = max(0.1, min(1.0, protocol.header_timeout / 4, protocol.body_idle_timeout / 4))
        state.rundun_sweeper = protocol.loop.create_task(_sweep(state, period))  # type: ignore[attr-defined]


async def _sweep(state: Any, period: float) -> None:
    while True:
        await asyncio.sleep(period)
        now = time.monotonic()
        for connection in list(state.connections):
            if isinstance(connection, TimedHttpToolsProtocol):
                connection.check_deadline(now)


TICK_S = 0.1  # uvicorn's tick (its Date header, its limits); an exit asked for ends the wait at once


class Server(uvicorn.Server):
    """uvicorn's server, stopping as soon as it is told: two of uvicorn's waits made every stop take 0.2 s
    (the desktop's quit, a restart, every test that stops a server): up to a tick for its loop to see the
    exit, and 0.1 s given to the open connections told to close, even when there were none."""

    _loop: asyncio.AbstractEventLoop | None = None
    _exit_asked: asyncio.Event | None = None

    def request_exit(self) -> None:
        """Stop serving (from any thread): what `should_exit = True` does, without waiting for the tick."""
        self.should_exit = True
        self._wake()

    def handle_exit(self, sig: int, frame: Any) -> None:  # SIGTERM, SIGINT
        super().handle_exit(sig, frame)
        self._wake()

    def _wake(self) -> None:
        loop, event = self._loop, self._exit_asked
        if loop is not None and event is not None:
            with contextlib.suppress(RuntimeError):  # its loop has closed: nothing left to wake
                loop.call_soon_threadsafe(event.set)

    async def main_loop(self) -> None:
        """uvicorn's, but for its sleep between ticks, which an exit asked for now ends."""
        self._loop, self._exit_asked = asyncio.get_running_loop(), asyncio.Event()
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(TICK_S):
                    await self._exit_asked.wait()
            should_exit = await self.on_tick(counter)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        hub = getattr(getattr(self.config.app, "state", None), "event_hub", None)
        if hub is not None:
            hub.close()
        sweeper = getattr(self.server_state, "rundun_sweeper", None)
        if sweeper is not None:
            sweeper.cancel()
        # uvicorn 0.3x's own steps, but for its 0.1 s given to connections told to close when there are none.
        uvicorn_log.info("Shutting down")
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        if self.server_state.connections:
            await asyncio.sleep(TICK_S)
        try:
            async with asyncio.timeout(self.config.timeout_graceful_shutdown):
                await self._wait_tasks_to_complete()
        except TimeoutError:
            uvicorn_log.error(
                "Cancel %s running task(s), timeout graceful shutdown exceeded", len(self.server_state.tasks)
            )
            for task in self.server_state.tasks:
                task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
        if not self.force_exit:
            await self.lifespan.shutdown()
