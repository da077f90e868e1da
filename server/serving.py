"""uvicorn, as Rundun serves it: bounded header and body time, forwarded headers only from trusted proxies,
and endless responses ended as shutdown begins.

- uvicorn (0.55) bounds neither how long a request's headers may take nor how long a body may stall: a
  client sending half a request holds its connection for ever (slowloris). `TimedHttpToolsProtocol` adds
  both (SPEC §13, `RUNDUN_HEADER_TIMEOUT`, `RUNDUN_BODY_IDLE_TIMEOUT`): the parser's callbacks note a
  timestamp, and one sweeper per server closes the connections past their deadline.
- uvicorn believes `X-Forwarded-For` from 127.0.0.1 by default, so anyone on the host could pick the
  address the rate limiter sees. `config_for` trusts only `RUNDUN_TRUSTED_PROXIES` (none by default).
- uvicorn waits for every open response to finish before it runs the app's lifespan shutdown, so a
  connected `/v1/events` stream would hold a shutdown open for as long as its client stays. `Server`
  closes the event hub first: each stream ends cleanly and the shutdown proceeds.
"""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from server.settings import Settings

REQUEST_TIMEOUT = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


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
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or [],
        log_level=settings.log_level,
        access_log=False,
        lifespan="on",
        **kwargs,
    )


HEADERS, BODY = "headers", "body"  # the phases of a request whose reading is timed


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

    # -- connection and parser callbacks ------------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _ensure_sweeper(self)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self.phase is not HEADERS:  # a kept-alive connection's next request: its headers start now
            self.phase, self.since = HEADERS, time.monotonic()

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        self.phase, self.since = BODY, time.monotonic()

    def on_body(self, body: bytes) -> None:
        self.since = time.monotonic()
        super().on_body(body)

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
        elif self.phase is BODY:
            if self.flow.read_paused:  # back-pressure: the app is behind, not the client; the clock restarts
                self.since = now
            elif now - self.since >= self.body_idle_timeout:
                self.logger.debug(
                    "Request body stalled for %.0f s: connection closed", self.body_idle_timeout
                )
                self.phase = None
                self.transport.close()  # the app sees http.disconnect; a tus upload keeps what it acknowledged


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


class Server(uvicorn.Server):
    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        hub = getattr(getattr(self.config.app, "state", None), "event_hub", None)
        if hub is not None:
            hub.close()
        sweeper = getattr(self.server_state, "rundun_sweeper", None)
        if sweeper is not None:
            sweeper.cancel()
        await super().shutdown(sockets)
