"""Helpers for the webhook and event-stream tests: runs that fire events, an independent signature check,
an SSE reader, and the app served by uvicorn in a thread (for streams, which TestClient cannot read live)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import stripe
import uvicorn

from server.app import create_app
from server.services import runs as run_service
from server.serving import Server
from server.settings import Settings
from server.store import runs as run_store
from tests.support.fixtures import Api
from tests.support.samples import minimal

SECRET = "whsec_test_secret"


class HttpApi(Api):
    """The tests' `Api` over real HTTP (a server process or `LiveApp`)."""

    def __init__(self, base: str, key: str, org: dict | None = None):
        super().__init__(httpx.Client(base_url=base, timeout=10), key, org or {})


def new_template(api) -> str:
    r = api.post("/v1/templates", json=minimal())
    assert r.status_code == 201, r.text
    return r.json()["id"]


def dispatch(api, url: str | None, tid: str | None = None, **webhook) -> str:
    body: dict = {"template_id": tid or new_template(api), "executor_ref": "booking_1"}
    if url is not None:
        body["webhook"] = {"url": url, **webhook}
    r = api.post("/v1/runs", json=body)
    assert r.status_code == 201, r.text
    return r.json()["run_id"]


def cancel(api, run_id: str) -> None:
    r = api.post(f"/v1/runs/{run_id}/cancel")
    assert r.status_code == 200, r.text


def emit(db, run_id: str, event: str, data: dict) -> str:
    """Fire an event through the outbox exactly as a state change does (`runs.emit` in a write job)."""

    def job(conn):
        run = run_store.get_run(conn, run_id)
        return run_service.emit(conn, run, event, data)["id"]

    return db.write_sync(job)


def deliveries(api, run_id: str) -> list[dict]:
    r = api.get(f"/v1/runs/{run_id}/webhook-deliveries")
    assert r.status_code == 200, r.text
    return r.json()["data"]


def wait_deliveries(api, run_id: str, done, timeout: float = 60.0) -> list[dict]:
    """Poll the delivery log until `done(deliveries)`."""
    deadline = time.monotonic() + timeout
    while True:
        found = deliveries(api, run_id)
        if done(found):
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"delivery log never settled: {found}")
        time.sleep(0.02)


def settled(found: list[dict]) -> bool:
    return bool(found) and all(d["status"] != "pending" for d in found)


def verify_signature(body: bytes, header: str | None, secret: str = SECRET) -> None:
    """Stripe's own verifier, not ours: raises unless the header signs exactly these bytes."""
    assert header, "no Rundun-Signature header"
    stripe.WebhookSignature.verify_header(body.decode(), header, secret, tolerance=300)


# -- server-sent events ------------------------------------------------------------------------------------
def sse_messages(response) -> Iterator[dict]:
    """Parse a text/event-stream: one dict per message (`id`, `event`, `data`, `comment`)."""
    message: dict = {}
    for line in response.iter_lines():
        if line == "":
            if message:
                yield message
                message = {}
        elif line.startswith(":"):
            message["comment"] = line[1:].strip()
        else:
            name, _, value = line.partition(":")
            message[name] = value.removeprefix(" ")
    if message:
        yield message


def open_event_stream(base: str, api: HttpApi, last_event_id: str | None = None):
    """Connect to `/v1/events` and wait until it is live; returns (messages, close)."""
    headers = {**api.headers, **({"Last-Event-ID": last_event_id} if last_event_id else {})}
    client = httpx.Client(timeout=httpx.Timeout(10, read=5))
    cm = client.stream("GET", f"{base}/v1/events", headers=headers)
    response = cm.__enter__()
    assert response.status_code == 200, response.read()
    assert response.headers["content-type"].startswith("text/event-stream")
    messages = sse_messages(response)
    assert next(messages)["comment"] == "connected"  # subscribed: from here on nothing is missed

    def close():
        cm.__exit__(None, None, None)
        client.close()

    return messages, close


def next_events(messages: Iterator[dict], count: int) -> list[dict]:
    """The next `count` event messages, skipping comments."""
    out: list[dict] = []
    while len(out) < count:
        message = next(messages)
        if "id" in message:
            out.append(message)
    return out


class LiveApp:
    """`create_app` served by uvicorn (`server.serving.Server`) on a loopback port, in a thread."""

    def __init__(self, data_dir: Path, **overrides):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        defaults = {"rate_limit": 100_000, "sweep_interval": 3600}
        self.settings = Settings(
            data_dir=data_dir, host="127.0.0.1", port=self.port, **{**defaults, **overrides}
        )
        self.app = create_app(self.settings)
        config = uvicorn.Config(
            self.app, log_level="warning", access_log=False, lifespan="on", loop="asyncio"
        )
        self.server = Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveApp:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            assert self.thread.is_alive() and time.monotonic() < deadline, "the app did not start"
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> float:
        """Ask uvicorn to exit; returns how long it took."""
        started = time.monotonic()
        self.server.should_exit = True
        self.thread.join(timeout)
        self.sock.close()
        return time.monotonic() - started
