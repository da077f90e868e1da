"""Request bodies as Rundun's uvicorn protocol hands them to the app (`server.serving.PiecewiseCycle`, issue 16:
the pieces as they came off the socket, without uvicorn's two copies): every byte in order, back-pressure
kept, `Expect: 100-continue` answered and a client gone mid-body seen. A real uvicorn server on loopback,
serving a small ASGI app that records what it receives."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from collections.abc import Iterator

import pytest
import uvicorn

from server.serving import PiecewiseCycle, Server, ServingConfig

DEADLINE_S = 60.0  # a socket's timeout: a busy machine is slow, a broken server never answers


class Recorder:
    """An ASGI app that reads each request's body, message by message, and answers with its byte count.
    `/held` waits for `release` before reading (a slow app: the server must stop reading the socket)."""

    def __init__(self) -> None:
        self.messages: list[dict] = []
        self.cycles: list[type] = []
        self.release = threading.Event()
        self.done = threading.Event()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        self.messages = []
        if scope["path"] == "/held":
            await asyncio.to_thread(self.release.wait, DEADLINE_S)
        total = 0
        while True:
            message = await receive()
            self.messages.append(message)
            if message["type"] != "http.request":
                break
            total += len(message["body"])
            if not message.get("more_body", False):
                break
        self.done.set()
        body = str(total).encode()
        headers = [(b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


@pytest.fixture
def served() -> Iterator[tuple[Recorder, int, uvicorn.Server]]:
    app = Recorder()
    config = ServingConfig(
        app,
        header_timeout=30.0,
        body_idle_timeout=30.0,
        host="127.0.0.1",
        port=0,
        log_level="warning",
        lifespan="off",
    )
    server = Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "the server did not start"
        threading.Event().wait(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield app, port, server
    finally:
        server.should_exit = True
        thread.join(DEADLINE_S)


def _request(port: int, path: str, length: int, extra: bytes = b"") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE_S)
    sock.sendall(
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n".encode() + extra + b"\r\n"
    )
    return sock


def _response(sock: socket.socket) -> bytes:
    received = b""
    while b"\r\n\r\n" not in received:
        received += sock.recv(65536)
    head, _, body = received.partition(b"\r\n\r\n")
    length = int(
        next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")).split(b":")[1]
    )
    while len(body) < length:
        body += sock.recv(65536)
    return head.split(b"\r\n")[0] + b" " + body


def test_a_body_sent_in_many_writes_reaches_the_app_whole_and_in_order(served):
    app, port, _ = served
    data = os.urandom(3 << 20)
    with _request(port, "/", len(data)) as sock:
        for start in range(0, len(data), 100_000):
            sock.sendall(data[start : start + 100_000])
        assert _response(sock) == b"HTTP/1.1 200 OK " + str(len(data)).encode()
    bodies = [m["body"] for m in app.messages]
    assert all(type(b) is bytes for b in bodies)
    assert b"".join(bodies) == data
    assert [m["more_body"] for m in app.messages] == [True] * (len(bodies) - 1) + [False]


def test_an_app_that_does_not_read_stops_the_server_reading(served):
    """Back-pressure: while the app has not asked for the body, the server holds at most about uvicorn's
    high-water mark of it (and the socket buffers the rest), so the first message is not the whole body."""
    app, port, _ = served
    data = os.urandom(32 << 20)
    sock = _request(port, "/held", len(data))
    sender = threading.Thread(target=sock.sendall, args=(data,), daemon=True)
    sender.start()
    sender.join(1.0)  # not a condition waited for: the sender stays blocked for as long as the app waits
    assert sender.is_alive(), "the whole body was read while the app read none of it"
    app.release.set()
    sender.join(DEADLINE_S)
    assert _response(sock) == b"HTTP/1.1 200 OK " + str(len(data)).encode()
    sock.close()
    assert len(app.messages[0]["body"]) < 4 << 20
    assert b"".join(m["body"] for m in app.messages) == data


def test_expect_continue_is_answered_when_the_app_asks_for_the_body(served):
    app, port, _ = served
    with _request(port, "/", 5, b"Expect: 100-continue\r\n") as sock:
        assert sock.recv(64).startswith(b"HTTP/1.1 100 Continue\r\n\r\n")
        sock.sendall(b"hello")
        assert _response(sock) == b"HTTP/1.1 200 OK 5"
    assert b"".join(m["body"] for m in app.messages) == b"hello"


def test_a_client_gone_mid_body_is_a_disconnect(served):
    app, port, _ = served
    with _request(port, "/", 1 << 20) as sock:
        sock.sendall(b"x" * 1000)
    assert app.done.wait(DEADLINE_S)
    assert app.messages[-1] == {"type": "http.disconnect"}
    assert sum(len(m.get("body", b"")) for m in app.messages) <= 1000


def test_a_request_is_served_by_the_piecewise_cycle(served, monkeypatch):
    """The point of it all: the cycle is Rundun's, so no body byte is copied into uvicorn's buffer."""
    _, port, _ = served
    seen: list[str] = []
    real = PiecewiseCycle.receive

    async def spy(self):
        seen.append(type(self).__name__)
        return await real(self)

    monkeypatch.setattr(PiecewiseCycle, "receive", spy)
    with _request(port, "/", 3) as sock:
        sock.sendall(b"abc")
        assert _response(sock) == b"HTTP/1.1 200 OK 3"
    assert seen and set(seen) == {"PiecewiseCycle"}
