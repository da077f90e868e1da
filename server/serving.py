"""uvicorn, as Rundun serves it: bounded header and body time, forwarded headers only from trusted proxies,
and endless responses ended as shutdown begins.

- uvicorn (0.55) bounds neither how long a request's headers may take nor how long a body may stall: a
  client sending half a request holds its connection for ever (slowloris). `TimedHttpToolsProtocol` adds
  both (SPEC §13, `RUNDUN_HEADER_TIMEOUT`, `RUNDUN_BODY_IDLE_TIMEOUT`) with one timer per connection, armed
  and cancelled from the parser's callbacks: nothing per chunk on the hot path but a timestamp.
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


class TimedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, cutting a connection whose request headers take longer than
    `header_timeout` in all, or whose body receives nothing for `body_idle_timeout` while the server is
    reading it (a body the app has not read yet, with reading paused, is the server's delay, not a stall).

    One `call_later` timer per connection: headers arm it when the connection opens or a request begins and
    cancel it when they are complete; a body re-arms it only when it fires (each chunk just notes the time)."""

    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any):
        super().__init__(config, *args, **kwargs)
        self.header_timeout = getattr(config, "header_timeout", 10.0)
        self.body_idle_timeout = getattr(config, "body_idle_timeout", 60.0)
        self.read_timer: asyncio.TimerHandle | None = None
        self.in_body = False
        self.last_body_at = 0.0

    # -- connection and parser callbacks ------------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.header_timeout, self._headers_too_slow)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self.read_timer is None:  # a kept-alive connection's next request: its headers start now
            self._arm(self.header_timeout, self._headers_too_slow)

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()
        self.in_body = True
        self.last_body_at = time.monotonic()
        self._arm(self.body_idle_timeout, self._body_check)

    def on_body(self, body: bytes) -> None:
        self.last_body_at = time.monotonic()
        super().on_body(body)

    def on_message_complete(self) -> None:
        self.in_body = False
        self._disarm()
        super().on_message_complete()

    # -- timers -------------------------------------------------------------------------------------------
    def _arm(self, delay: float, callback: Any) -> None:
        self._disarm()
        self.read_timer = self.loop.call_later(delay, callback)

    def _disarm(self) -> None:
        if self.read_timer is not None:
            self.read_timer.cancel()
            self.read_timer = None

    def _headers_too_slow(self) -> None:
        self.read_timer = None
        if not self.transport.is_closing():
            self.logger.debug(
                "Request headers not received within %.0f s: connection closed", self.header_timeout
            )
            self.transport.write(REQUEST_TIMEOUT)
            self.transport.close()

    def _body_check(self) -> None:
        self.read_timer = None
        if not self.in_body or self.transport.is_closing():
            return
        idle = time.monotonic() - self.last_body_at
        if self.flow.read_paused:  # back-pressure: the app is behind, not the client; the clock restarts
            self.last_body_at = time.monotonic()
            self._arm(self.body_idle_timeout, self._body_check)
            return
        if idle < self.body_idle_timeout:  # a byte came meanwhile
            self._arm(self.body_idle_timeout - idle, self._body_check)
            return
        self.logger.debug("Request body stalled for %.0f s: connection closed", self.body_idle_timeout)
        self.transport.close()  # the app sees http.disconnect; a tus upload keeps what it acknowledged


class Server(uvicorn.Server):
    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        hub = getattr(getattr(self.config.app, "state", None), "event_hub", None)
        if hub is not None:
            hub.close()
        await super().shutdown(sockets)
