"""The HTTP side of webhook delivery: one POST per attempt, bounded in time and size, never a redirect, and
(unless `RUNDUN_WEBHOOK_ALLOW_PRIVATE`) connecting only to addresses checked at connect time.

The host is resolved once, every address is checked, and the socket is opened to a checked address itself,
so DNS rebinding between a check and the connect cannot slip a private address in; TLS verifies the
certificate for, and sends SNI and Host with, the URL's host name.

A small HTTP/1.1 client (h11 over asyncio streams) rather than httpx: this is the worker's hot path, and
httpx with httpcore's pool cost 0.7 to 3 ms of CPU per request here against about 0.1 ms for this one
(bench/webhooks.py). Connections are kept alive and reused per origin.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple
from urllib.parse import quote, urlsplit

import certifi
import h11

from server.clock import now_iso
from server.services import signing
from server.services.ssrf import is_forbidden_address, literal_ip
from server.store.webhooks import Attempt

USER_AGENT = "Rundun-Webhooks/1"
MAX_RESPONSE_BYTES = (
    64 * 1024
)  # read this much of a receiver's answer (keeps the connection reusable), no more
KEEPALIVE_S = 30.0  # forget idle connections older than this
MAX_IDLE = 64  # idle connections kept, over all origins
DEFAULT_PORTS = {"http": 80, "https": 443}


class DeliveryError(Exception):
    """Why an attempt got no HTTP response, in words for the delivery log."""


class Origin(NamedTuple):
    scheme: str
    host: str  # IDNA-encoded, without brackets
    port: int

    @classmethod
    def of(cls, url: str) -> tuple[Origin, str]:
        """The origin of `url` and its request target (path and query)."""
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").encode("idna").decode("ascii")
            origin = cls(parts.scheme, host, parts.port or DEFAULT_PORTS[parts.scheme])
        except (ValueError, KeyError) as exc:  # dispatch checked the URL; this guards older rows
            raise DeliveryError(f"the webhook URL is not a valid http(s) URL: {exc}") from exc
        # percent-encode what may not travel raw (spaces, non-ASCII), leaving existing escapes alone
        path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
        query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
        return origin, path + (f"?{query}" if query else "")

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


class Connection:
    """One HTTP/1.1 connection: a request at a time, reusable while both sides keep it alive."""

    def __init__(self, origin: Origin, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.origin, self.reader, self.writer = origin, reader, writer
        self.h11 = h11.Connection(h11.CLIENT)
        self.idle_since = time.monotonic()
        self.answered = False  # whether the receiver sent any byte back for the current request

    @property
    def usable(self) -> bool:
        """Still open, not closed by the peer while idle, and not idle for too long."""
        return (
            not self.writer.is_closing()
            and not self.reader.at_eof()
            and time.monotonic() - self.idle_since < KEEPALIVE_S
        )

    async def post(
        self, target: str, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[int, dict[str, str]]:
        """Send the request and read the response (up to MAX_RESPONSE_BYTES of body); (status, headers)."""
        h = self.h11
        self.answered = False
        self.writer.write(
            h.send(h11.Request(method="POST", target=target, headers=headers))
            + h.send(h11.Data(data=body))
            + h.send(h11.EndOfMessage())
        )
        await self.writer.drain()
        response: h11.Response | None = None
        received = 0
        while True:
            event = h.next_event()
            if event is h11.NEED_DATA:
                data = await self.reader.read(65536)
                if not data and response is None:
                    raise DeliveryError(
                        "the receiver closed the connection "
                        + ("before a complete response" if self.answered else "without answering")
                    )
                self.answered = True
                h.receive_data(data)  # at the end, b"" ends a body delimited by the connection closing
            elif isinstance(event, h11.Response):
                response = event
            elif isinstance(event, h11.Data):
                received += len(event.data)
                if received > MAX_RESPONSE_BYTES:
                    self.close()  # the rest is not worth reading: this connection is not reused
                    break
            elif isinstance(event, h11.EndOfMessage):
                break
            elif isinstance(event, h11.ConnectionClosed):
                raise DeliveryError("the receiver closed the connection before a complete response")
        assert response is not None
        return response.status_code, {k.decode(): v.decode("latin-1") for k, v in response.headers}

    def finish(self) -> bool:
        """Ready the connection for the next request; False when it cannot be reused."""
        if (
            self.h11.our_state is h11.DONE
            and self.h11.their_state is h11.DONE
            and not self.writer.is_closing()
        ):
            self.h11.start_next_cycle()
            self.idle_since = time.monotonic()
            return True
        return False

    def close(self) -> None:
        self.writer.close()


class ConnectionPool:
    """Opens connections to checked addresses and keeps idle ones per origin for reuse."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private
        self._idle: dict[Origin, list[Connection]] = {}
        self._idle_count = 0
        self._tls: ssl.SSLContext | None = None

    def take_idle(self, origin: Origin) -> Connection | None:
        stack = self._idle.get(origin)
        while stack:
            conn = stack.pop()
            self._idle_count -= 1
            if conn.usable:
                return conn
            conn.close()
        return None

    def give(self, conn: Connection) -> None:
        if self._idle_count >= MAX_IDLE:
            conn.close()
            return
        self._idle.setdefault(conn.origin, []).append(conn)
        self._idle_count += 1

    async def open(self, origin: Origin) -> Connection:
        """Resolve, check each address, connect to the first allowed one that answers."""
        addresses = await _resolve(origin.host, origin.port)
        allowed = addresses if self.allow_private else [a for a in addresses if not _forbidden(a)]
        if not allowed:
            raise DeliveryError(
                f"refused to connect to {origin.host}: it resolves to {', '.join(addresses)}, a loopback, "
                "private, link-local, multicast or reserved address (RUNDUN_WEBHOOK_ALLOW_PRIVATE=1 allows it)"
            )
        tls = self._tls_context() if origin.scheme == "https" else None
        error: OSError | None = None
        for address in allowed:
            try:
                reader, writer = await asyncio.open_connection(
                    address, origin.port, ssl=tls, server_hostname=origin.host if tls else None
                )
            except ssl.SSLError as exc:
                raise DeliveryError(f"TLS with {origin.host} failed: {exc.reason or exc}") from exc
            except OSError as exc:
                error = exc
                continue
            return Connection(origin, reader, writer)
        raise DeliveryError(f"cannot connect to {origin.host} port {origin.port}: {error}")

    def _tls_context(self) -> ssl.SSLContext:
        if self._tls is None:  # loading the CA bundle takes tens of milliseconds: once
            self._tls = ssl.create_default_context(cafile=certifi.where())
        return self._tls

    def close(self) -> None:
        for stack in self._idle.values():
            for conn in stack:
                conn.close()
        self._idle.clear()
        self._idle_count = 0


async def _resolve(host: str, port: int) -> list[str]:
    address = literal_ip(host)
    if address is not None:
        return [address]
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise DeliveryError(f"cannot resolve {host}: {exc.strerror}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _forbidden(address: str) -> bool:
    try:
        return is_forbidden_address(address.split("%", 1)[0])
    except ValueError:
        return True


def request_headers(origin: Origin, delivery: dict, body: bytes) -> list[tuple[str, str]]:
    headers = [
        ("Host", origin.host_header),
        ("User-Agent", USER_AGENT),
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(body))),
        ("Rundun-Event", delivery["event"]),
        ("Rundun-Event-Id", delivery["event_id"]),
    ]
    if delivery["secret"]:
        headers.append((signing.HEADER, signing.signature_header(delivery["secret"], body)))
    return headers


async def attempt(pool: ConnectionPool, delivery: dict, timeout: float) -> Attempt:
    """POST the stored body once; a 2xx within `timeout` seconds is success, anything else says why not."""
    body = delivery["body"].encode()
    attempted_at, started = now_iso(), time.perf_counter()
    status: int | None = None
    error: str | None = None
    try:
        origin, target = Origin.of(delivery["url"])
        async with asyncio.timeout(timeout):
            status, headers = await _exchange(
                pool, origin, target, request_headers(origin, delivery, body), body
            )
        if 300 <= status < 400:
            location = headers.get("location")
            error = f"HTTP {status}: redirects are not followed" + (
                f" (Location: {location})" if location else ""
            )
        elif not 200 <= status < 300:
            error = f"HTTP {status}"
    except TimeoutError:
        status, error = None, f"no complete response within {timeout:g} s"
    except DeliveryError as exc:
        status, error = None, str(exc)
    except h11.LocalProtocolError as exc:
        status, error = None, f"the request could not be sent: {exc}"
    except h11.RemoteProtocolError as exc:
        status, error = None, f"invalid HTTP response: {exc}"
    except OSError as exc:
        status, error = None, f"connection failed: {exc}"
    return Attempt(attempted_at, status, round((time.perf_counter() - started) * 1000), error)


async def _exchange(
    pool: ConnectionPool, origin: Origin, target: str, headers: list[tuple[str, str]], body: bytes
) -> tuple[int, dict[str, str]]:
    """One request on an idle connection, or a new one. A reused connection that the receiver closed
    while it sat idle fails before any response: that is retried once on a fresh connection."""
    conn = pool.take_idle(origin)
    if conn is not None:
        try:
            with _closing_on_error(conn):
                result = await conn.post(target, headers, body)
        except (ConnectionError, DeliveryError):
            if conn.answered:
                raise  # the receiver had started answering: not a stale connection
        else:
            if conn.finish():
                pool.give(conn)
            else:
                conn.close()
            return result
    conn = await pool.open(origin)
    with _closing_on_error(conn):
        result = await conn.post(target, headers, body)
    if conn.finish():
        pool.give(conn)
    else:
        conn.close()
    return result


@contextmanager
def _closing_on_error(conn: Connection) -> Iterator[None]:
    """Any failure (including a timeout's cancellation) leaves the connection in an unknown state: close it."""
    try:
        yield
    except BaseException:
        conn.close()
        raise
