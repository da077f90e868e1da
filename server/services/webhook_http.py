"""The HTTP side of webhook delivery: one POST per attempt, bounded in time and size, no redirects, and
(unless `RUNDUN_WEBHOOK_ALLOW_PRIVATE`) connecting only to addresses checked at connect time.

The check sits in the httpcore network backend: the host is resolved once, every address is checked, and
the socket is opened to a checked address itself, so DNS rebinding between a check and the connect cannot
slip a private address in. TLS still verifies and sends SNI for the URL's host name, and the Host header is
the URL's, because httpcore takes both from the request, not from the address connected to.
"""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any

import httpcore
import httpx

from server.clock import now_iso
from server.services import signing
from server.services.ssrf import is_forbidden_address, literal_ip
from server.settings import Settings
from server.store.webhooks import Attempt

USER_AGENT = "Rundun-Webhooks/1"
MAX_RESPONSE_BYTES = 64 * 1024  # read this much of a receiver's answer (keeps the connection reusable), no more


class ForbiddenAddress(httpcore.ConnectError):
    """The destination resolves only to loopback, private, link-local, multicast or reserved addresses."""


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks and connects to the checked address (see the module docstring)."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend | None = None):
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await _resolve(host, port)
        allowed = [a for a in addresses if not _forbidden(a)]
        if not allowed:
            raise ForbiddenAddress(
                f"refused to connect to {host}: it resolves to {', '.join(addresses)}, a loopback, private, "
                "link-local, multicast or reserved address (RUNDUN_WEBHOOK_ALLOW_PRIVATE=1 allows it)"
            )
        error: Exception | None = None
        for address in allowed:
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None):
        raise ForbiddenAddress("unix sockets are not webhook destinations")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


async def _resolve(host: str, port: int) -> list[str]:
    address = literal_ip(host)
    if address is not None:
        return [address]
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _forbidden(address: str) -> bool:
    try:
        return is_forbidden_address(address.split("%", 1)[0])
    except ValueError:
        return True


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over the guarded backend."""

    def __init__(self, limits: httpx.Limits):
        super().__init__(limits=limits, trust_env=False)
        # httpx has no public way to choose httpcore's network backend: rebuild its pool with ours.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(),
        )


def make_client(settings: Settings, max_connections: int) -> httpx.AsyncClient:
    """The worker's client: pooled keep-alive connections, the webhook timeout, never a redirect or a proxy."""
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections, keepalive_expiry=30
    )
    transport: httpx.AsyncBaseTransport = (
        httpx.AsyncHTTPTransport(limits=limits, trust_env=False)
        if settings.webhook_allow_private
        else GuardedTransport(limits)
    )
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(settings.webhook_timeout),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT},
    )


def headers_for(delivery: dict, body: bytes) -> dict[str, str]:
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Rundun-Event": delivery["event"],
        "Rundun-Event-Id": delivery["event_id"],
    }
    if delivery["secret"]:
        headers[signing.HEADER] = signing.signature_header(delivery["secret"], body)
    return headers


async def attempt(client: httpx.AsyncClient, delivery: dict, timeout: float) -> Attempt:
    """POST the stored body once; a 2xx within `timeout` seconds is success, anything else says why not."""
    body = delivery["body"].encode()
    attempted_at, started = now_iso(), time.perf_counter()
    status: int | None = None
    error: str | None = None
    location: str | None = None
    try:
        async with asyncio.timeout(timeout):
            async with client.stream("POST", delivery["url"], content=body, headers=headers_for(delivery, body)) as r:
                status = r.status_code
                location = r.headers.get("location")
                read = 0
                async for chunk in r.aiter_raw():
                    read += len(chunk)
                    if read > MAX_RESPONSE_BYTES:
                        break
    except (TimeoutError, httpx.TimeoutException) as exc:
        kind = f" ({type(exc).__name__})" if isinstance(exc, httpx.TimeoutException) else ""
        status, error = None, f"no complete response within {timeout:g} s{kind}"
    except httpx.HTTPError as exc:
        status, error = None, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if status is not None and not 200 <= status < 300:
        error = (
            f"HTTP {status}: redirects are not followed" + (f" (Location: {location})" if location else "")
            if 300 <= status < 400
            else f"HTTP {status}"
        )
    return Attempt(attempted_at, status, round((time.perf_counter() - started) * 1000), error)
