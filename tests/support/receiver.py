"""A real webhook receiver on 127.0.0.1 for tests and benches: records every request (raw body, headers,
arrival time) and answers as told (fail N times, redirect, hold requests, go down and come back)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default backlog (5) resets connections when 32 clients connect at once


@dataclass
class Received:
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    at: float  # time.monotonic() on arrival
    status: int = 0  # what we answered

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def event_id(self) -> str:
        return self.json["id"]


@dataclass
class Answer:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"ok"
    chunked: bool = False  # send the body in chunked transfer encoding
    hang_up: bool = False  # close the connection after answering, without saying so
    drop: bool = False  # close the connection without answering at all


class Receiver:
    def __init__(self, port: int = 0):
        self.port = port
        self.received: list[Received] = []
        self.changed = threading.Condition()
        self.script: list[Answer] = []  # answers for the next requests, in order; then `respond`'s
        self.respond: Callable[[Received], Answer] = lambda r: Answer()
        self.released = threading.Event()  # cleared: requests are held (recorded, not answered) until set
        self.released.set()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- control -------------------------------------------------------------------------------------------
    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real receivers do

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                got = Received(
                    self.path, {k.lower(): v for k, v in self.headers.items()}, body, time.monotonic()
                )
                answer = receiver._record(got)
                receiver.released.wait(60)
                if answer.drop:
                    self.close_connection = True
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if answer.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for i in range(0, len(answer.body), 4096):
                        part = answer.body[i : i + 4096]
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                    self.wfile.write(b"0\r\n\r\n")
                else:
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                self.close_connection = self.close_connection or answer.hang_up

            def log_message(self, *args) -> None:
                pass

        self._server = _Server(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Go down: connections are refused until `start()` again (same port)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def url(self, path: str = "/hook", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def fail_next(self, count: int, status: int = 500) -> None:
        with self.changed:
            self.script.extend(Answer(status) for _ in range(count))

    def _record(self, got: Received) -> Answer:
        with self.changed:
            answer = self.script.pop(0) if self.script else self.respond(got)
            got.status = answer.status
            self.received.append(got)
            self.changed.notify_all()
        return answer

    # -- observation ---------------------------------------------------------------------------------------
    def wait_for(self, predicate: Callable[[list[Received]], bool], timeout: float = 60.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self.changed:
            while not predicate(self.received):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"receiver: condition not met in {timeout} s; got {self.summary()}")
                self.changed.wait(left)
            return list(self.received)

    def wait_count(self, count: int, timeout: float = 60.0, ok_only: bool = False) -> list[Received]:
        def enough(items: list[Received]) -> bool:
            return len([r for r in items if 200 <= r.status < 300 or not ok_only]) >= count

        return self.wait_for(enough, timeout)

    def ok(self) -> list[Received]:
        with self.changed:
            return [r for r in self.received if 200 <= r.status < 300]

    def summary(self) -> list[tuple[str, str, int]]:
        return [(r.path, r.headers.get("rundun-event", "?"), r.status) for r in self.received]
