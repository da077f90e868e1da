"""A small HTTP/1.1 client (h11 over asyncio streams), shared by webhook delivery (the server) and the desktop
executor's photo uploads: connections kept alive per origin, one request at a time each, a body from memory
or from a region of an open file, sent with sendfile(2) over plain TCP (its bytes never pass through Python).

Why not httpx on these two paths: httpx with httpcore's pool and anyio's streams cost 0.7 to 3 ms of CPU a
webhook here against about 0.1 ms with this (bench/webhooks.py), and 2.6–3.8 ms a 2 MB photo's POST against
0.4–1.0 ms (issue 16, bench/upload_client.py). What it leaves to its callers: an overall deadline (waits can
each have one, `stall`), redirects (never followed), proxies, and which addresses may be reached
(`ConnectionPool.addresses`: the webhooks' check against private ones).

A leaf of the standard library, h11 and certifi, importing nothing of the server: the desktop imports it.
"""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO, NamedTuple
from urllib.parse import quote, urlsplit

import certifi
import h11

DEFAULT_PORTS = {"http": 80, "https": 443}
# A file's region goes in slices of this, each within `stall` seconds: a slow link that keeps moving keeps going.
SLICE_BYTES = 1 << 20


class HttpError(Exception):
    """Why a request got no HTTP response, in words (webhook delivery logs them as they are)."""


class ConnectFailed(HttpError):
    """No connection could be made: the host unknown, nothing answering, or TLS refused."""


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
        except (ValueError, KeyError) as exc:
            raise HttpError(f"not a valid http(s) URL: {exc}") from exc
        # percent-encode what may not travel raw (spaces, non-ASCII), leaving existing escapes alone
        path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
        query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
        return origin, path + (f"?{query}" if query else "")

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


@dataclass(frozen=True)
class FileRegion:
    """`count` bytes of an open binary file from `offset`: a request body sent from the file itself."""

    file: BinaryIO
    offset: int
    count: int

    def __len__(self) -> int:  # h11 counts a body's bytes with len() (`send_with_data_passthrough`)
        return self.count

    def read(self) -> bytes:
        """The region's bytes (a blocking read: off the event loop)."""
        return os.pread(self.file.fileno(), self.count, self.offset)


class Response(NamedTuple):
    status: int
    headers: dict[str, str]  # names in lower case
    content: bytes  # at most the `max_body` asked for


class Connection:
    """One HTTP/1.1 connection: a request at a time, reusable while both sides keep it alive."""

    def __init__(
        self,
        origin: Origin,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        peer: str = "server",
    ):
        self.origin, self.reader, self.writer, self.peer = origin, reader, writer, peer
        self.h11 = h11.Connection(h11.CLIENT)
        self.idle_since = time.monotonic()
        self.answered = False  # whether the peer sent any byte back for the current request

    def usable(self, keepalive: float) -> bool:
        """Still open, not closed by the peer while idle, and not idle for `keepalive` seconds or more."""
        return (
            not self.writer.is_closing()
            and not self.reader.at_eof()
            and time.monotonic() - self.idle_since < keepalive
        )

    async def request(
        self,
        method: str,
        target: str,
        headers: list[tuple[str, str]],
        body: bytes | FileRegion = b"",
        *,
        max_body: int,
        stall: float | None = None,
    ) -> Response:
        """Send the request (`headers` carry Host and Content-Length) and read its response, at most `max_body`
        bytes of it (more: the connection is closed, not reused). `stall`: the longest wait for any progress,
        sending or receiving (TimeoutError). A peer that answers before taking the whole body (a refusal)
        and closes the connection meanwhile: its answer is the response."""
        h = self.h11
        self.answered = False
        head = h.send(h11.Request(method=method, target=target, headers=headers))
        try:
            if isinstance(body, FileRegion):
                self.writer.write(head)
                # h11 counts the region (len) and hands it back unread; the bytes go from the file
                h.send_with_data_passthrough(h11.Data(data=body))  # type: ignore[arg-type]
                await self._send_region(body, stall)
            else:
                self.writer.write(head + (h.send(h11.Data(data=body)) if body else b""))
                async with asyncio.timeout(stall):
                    await self.writer.drain()
            self.writer.write(h.send(h11.EndOfMessage()))
        except ConnectionError as exc:
            try:  # the peer may have answered (a refusal) before taking the whole body
                return await self._response(max_body, stall)
            except (HttpError, ConnectionError, h11.RemoteProtocolError):
                raise exc from None
        return await self._response(max_body, stall)

    async def _send_region(self, region: FileRegion, stall: float | None) -> None:
        loop = asyncio.get_running_loop()
        native = self.origin.scheme == "http" and hasattr(os, "sendfile")  # TLS must see the bytes
        offset, end = region.offset, region.offset + region.count
        while offset < end:
            size = min(SLICE_BYTES, end - offset)
            async with asyncio.timeout(stall):
                if native:
                    if self.writer.transport.is_closing():  # reset by the peer: asyncio raises RuntimeError
                        raise ConnectionResetError("the connection closed while the body was being sent")
                    try:
                        sent = await loop.sendfile(
                            self.writer.transport, region.file, offset, size, fallback=False
                        )
                    except (NotImplementedError, asyncio.SendfileNotAvailableError):  # a loop without it
                        native = False
                        continue
                else:
                    piece = await asyncio.to_thread(os.pread, region.file.fileno(), size, offset)
                    sent = len(piece)
                    self.writer.write(piece)
                    await self.writer.drain()
            if sent < size:  # the file is shorter than the body announced: the request cannot be completed
                self.close()
                raise HttpError(f"the file ended {end - offset - sent} bytes before the body's end")
            offset += sent

    async def _response(self, max_body: int, stall: float | None) -> Response:
        h = self.h11
        response: h11.Response | None = None
        content = bytearray()
        while True:
            event = h.next_event()
            if event is h11.NEED_DATA:
                async with asyncio.timeout(stall):
                    data = await self.reader.read(65536)
                if not data and response is None:
                    raise HttpError(
                        f"the {self.peer} closed the connection "
                        + ("before a complete response" if self.answered else "without answering")
                    )
                self.answered = True
                h.receive_data(data)  # at the end, b"" ends a body delimited by the connection closing
            elif isinstance(event, h11.Response):
                response = event
            elif isinstance(event, h11.Data):
                content += event.data
                if len(content) > max_body:
                    del content[max_body:]
                    self.close()  # the rest is not worth reading: this connection is not reused
                    break
            elif isinstance(event, h11.EndOfMessage):
                break
            elif isinstance(event, h11.ConnectionClosed):
                raise HttpError(f"the {self.peer} closed the connection before a complete response")
        assert response is not None
        headers = {k.decode(): v.decode("latin-1") for k, v in response.headers}
        return Response(response.status_code, headers, bytes(content))

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
    """Opens connections and keeps idle ones per origin for reuse. `peer` names the other side in errors."""

    def __init__(
        self,
        *,
        keepalive: float,
        max_idle: int,
        peer: str = "server",
        connect_timeout: float | None = None,
        make_tls: Callable[[], ssl.SSLContext] | None = None,
    ):
        self.keepalive, self.max_idle, self.peer = keepalive, max_idle, peer
        self.connect_timeout = connect_timeout
        self._make_tls = make_tls or (lambda: ssl.create_default_context(cafile=certifi.where()))
        self._idle: dict[Origin, list[Connection]] = {}
        self._idle_count = 0
        self._tls: ssl.SSLContext | None = None

    def take_idle(self, origin: Origin) -> Connection | None:
        stack = self._idle.get(origin)
        while stack:
            conn = stack.pop()
            self._idle_count -= 1
            if conn.usable(self.keepalive):
                return conn
            conn.close()
        return None

    def give(self, conn: Connection) -> None:
        if self._idle_count >= self.max_idle:
            conn.close()
            return
        self._idle.setdefault(conn.origin, []).append(conn)
        self._idle_count += 1

    async def addresses(self, origin: Origin) -> list[str]:
        """Where `origin` may be reached, in order (the webhooks' pool refuses private ones here)."""
        return await resolve(origin.host, origin.port)

    async def open(self, origin: Origin) -> Connection:
        """Connect to the first of `addresses` that answers (within `connect_timeout` each)."""
        tls = self.tls_context() if origin.scheme == "https" else None
        error: OSError | None = None
        for address in await self.addresses(origin):
            try:
                async with asyncio.timeout(self.connect_timeout):
                    reader, writer = await asyncio.open_connection(
                        address, origin.port, ssl=tls, server_hostname=origin.host if tls else None
                    )
            except ssl.SSLError as exc:
                raise ConnectFailed(f"TLS with {origin.host} failed: {exc.reason or exc}") from exc
            except OSError as exc:
                error = exc
                continue
            return Connection(origin, reader, writer, self.peer)
        raise ConnectFailed(f"cannot connect to {origin.host} port {origin.port}: {error}")

    def tls_context(self) -> ssl.SSLContext:
        if self._tls is None:  # loading the CA bundle takes tens of milliseconds: once
            self._tls = self._make_tls()
        return self._tls

    def close(self) -> None:
        for stack in self._idle.values():
            for conn in stack:
                conn.close()
        self._idle.clear()
        self._idle_count = 0


async def resolve(host: str, port: int) -> list[str]:
    """`host`'s addresses (a literal IP as it is), in the resolver's order, each once."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConnectFailed(f"cannot resolve {host}: {exc.strerror}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def exchange(
    pool: ConnectionPool,
    method: str,
    url: str,
    headers: list[tuple[str, str]],
    body: bytes | FileRegion = b"",
    *,
    max_body: int,
    stall: float | None = None,
) -> Response:
    """One request on an idle connection to `url`'s origin, or a new one (Host and Content-Length added to
    `headers`). A reused connection that the peer closed while it sat idle fails before any response: that
    is retried once on a fresh connection. `ConnectFailed` means the request surely never reached the peer:
    a fresh connection that cannot be made after a reused one broke is an `HttpError` (the request may
    have arrived whole before it broke)."""
    origin, target = Origin.of(url)
    headers = [("Host", origin.host_header), *headers, ("Content-Length", str(len(body)))]
    conn = pool.take_idle(origin)
    if conn is not None:
        try:
            with _closing_on_error(conn):
                response = await conn.request(method, target, headers, body, max_body=max_body, stall=stall)
        except (ConnectionError, HttpError):
            if conn.answered:
                raise  # the peer had started answering: not a stale connection
        else:
            _release(pool, conn)
            return response
        try:
            conn = await pool.open(origin)
        except ConnectFailed as exc:  # the request may have reached the peer on the connection that broke
            raise HttpError(f"the connection closed before an answer, and {exc}") from exc
    else:
        conn = await pool.open(origin)
    with _closing_on_error(conn):
        response = await conn.request(method, target, headers, body, max_body=max_body, stall=stall)
    _release(pool, conn)
    return response


def _release(pool: ConnectionPool, conn: Connection) -> None:
    if conn.finish():
        pool.give(conn)
    else:
        conn.close()


@contextmanager
def _closing_on_error(conn: Connection) -> Iterator[None]:
    """Any failure (including a timeout's cancellation) leaves the connection in an unknown state: close it."""
    try:
        yield
    except BaseException:
        conn.close()
        raise
