"""Webhook delivery: latency from a state change to receipt, and throughput draining a queue.

    .venv/bin/python bench/webhooks.py [--runs 200] [--queued 1000]

The real `rundun-server` process delivers to a real receiver (a raw ASGI app under uvicorn) in a process of
its own on loopback, so that neither the server nor this driver shares its GIL.

1. Latency: dispatch a run, cancel it, and time from the cancel response to the receiver's arrival of
   `run.cancelled` (both on the machine's monotonic clock), one run at a time. Target p50 ≤ 50 ms.
2. Throughput: the receiver holds every request unanswered while `--queued` runs are dispatched and
   cancelled, so the worker fills its 32 slots and the rest wait, due, in the outbox; then the receiver lets
   go and we time until the last delivery arrives. Target ≥ 300/s. Baselines, in the same run: the same
   receiver hit with the same body and headers with the same concurrency (32) by a plain httpx loop, once
   through one AsyncClient (what a plain loop does; httpcore's pool scan makes it slow) and once through
   one client per worker, and by the worker's own HTTP client alone (no database): printed as ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import multiprocessing
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvloop

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.services import webhook_http
from server.services.webhooks import MAX_IN_FLIGHT
from tests.support.samples import minimal
from tests.support.server_process import ServerProcess, init_org


# -- the receiver, in its own process, driven over a pipe ---------------------------------------------------
class FastReceiver:
    """A raw ASGI receiver under uvicorn (tests/support/receiver.py's threaded http.server tops out near
    200 requests/s here, below what we measure): records arrivals, holds answers while closed."""

    def __init__(self):
        self.arrivals: list[tuple[float, bytes, dict]] = []
        self.changed = threading.Condition()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.open: asyncio.Event | None = None

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    self.loop, self.open = asyncio.get_running_loop(), asyncio.Event()
                    self.open.set()
                    await send({"type": "lifespan.startup.complete"})
                else:
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body, more = b"", True
        while more:
            message = await receive()
            body, more = body + message.get("body", b""), message.get("more_body", False)
        with self.changed:
            self.arrivals.append(
                (time.monotonic(), body, {k.decode(): v.decode() for k, v in scope["headers"]})
            )
            self.changed.notify_all()
        await self.open.wait()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    def wait_for(self, predicate, timeout: float) -> list:
        with self.changed:
            assert self.changed.wait_for(lambda: predicate(self.arrivals), timeout), "receiver: timed out"
            return list(self.arrivals)

    def set_open(self, value: bool) -> None:
        async def apply():
            self.open.set() if value else self.open.clear()

        asyncio.run_coroutine_threadsafe(apply(), self.loop).result()


def receiver_main(conn) -> None:
    import uvicorn

    receiver = FastReceiver()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(receiver, log_level="warning", access_log=False, lifespan="on"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    conn.send(sock.getsockname()[1])
    while True:
        command, arg = conn.recv()
        if command == "stop":
            receiver.set_open(True)
            server.should_exit = True
            return
        if command in ("hold", "release"):
            stamp = time.monotonic()
            receiver.set_open(command == "release")
            conn.send(stamp)
        elif command == "arrival_of":  # when the event of run `arg` arrived
            needle = arg.encode()
            got = receiver.wait_for(lambda items, n=needle: any(n in body for _, body, _ in items), 60)
            conn.send(next(at for at, body, _ in got if needle in body))
        elif command == "wait_count":  # arrival times of the first `arg` requests
            got = receiver.wait_for(lambda items, n=arg: len(items) >= n, 300)
            conn.send([at for at, _, _ in got[:arg]])
        elif command == "sample":
            conn.send(receiver.arrivals[-1][1:])
        elif command == "reset":
            with receiver.changed:
                receiver.arrivals.clear()
            conn.send(None)


class ReceiverProcess:
    def __init__(self):
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=receiver_main, args=(child,), daemon=True)
        self.proc.start()
        self.port = self.conn.recv()

    def call(self, command: str, arg=None):
        self.conn.send((command, arg))
        return self.conn.recv()

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def stop(self) -> None:
        self.conn.send(("stop", None))
        self.proc.join(5)


# -- the measurements --------------------------------------------------------------------------------------
def latency(
    client: httpx.Client, receiver: ReceiverProcess, tid: str, runs: int
) -> tuple[list[float], list[float]]:
    """Milliseconds from the cancel response, and from the cancel request, to the event's arrival."""
    from_response, from_request = [], []
    for _ in range(runs):
        r = client.post(
            "/v1/runs", json={"template_id": tid, "webhook": {"url": receiver.url(), "secret": "s"}}
        )
        run_id = r.json()["run_id"]
        sent = time.monotonic()
        assert client.post(f"/v1/runs/{run_id}/cancel").status_code == 200
        answered = time.monotonic()
        arrived = receiver.call("arrival_of", run_id)
        from_response.append((arrived - answered) * 1000)
        from_request.append((arrived - sent) * 1000)
    return from_response, from_request


async def queue_up(base: str, headers: dict, tid: str, url: str, count: int) -> None:
    """Dispatch and cancel `count` runs, 16 at a time."""
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
        sem = asyncio.Semaphore(16)

        async def one() -> None:
            async with sem:
                r = await client.post(
                    "/v1/runs", json={"template_id": tid, "webhook": {"url": url, "secret": "s"}}
                )
                c = await client.post(f"/v1/runs/{r.json()['run_id']}/cancel")
                assert c.status_code == 200, c.text

        await asyncio.gather(*(one() for _ in range(count)))


def throughput(base: str, headers: dict, receiver: ReceiverProcess, tid: str, count: int) -> float:
    receiver.call("reset")
    receiver.call("hold")
    asyncio.run(queue_up(base, headers, tid, receiver.url(), count))
    held = receiver.call("wait_count", MAX_IN_FLIGHT)  # the worker's slots are all taken
    released = receiver.call("release")
    arrivals = receiver.call("wait_count", count)
    # the held requests arrived before the release: count only those that arrived after it
    return (count - len(held)) / (arrivals[-1] - released)


async def plain_loop(
    url: str, body: bytes, headers: dict, count: int, concurrency: int, clients: int
) -> float:
    """`concurrency` workers posting `count` requests through `clients` httpx clients (1: one shared pool)."""
    pools = [
        httpx.AsyncClient(limits=httpx.Limits(max_connections=concurrency // clients), timeout=60)
        for _ in range(clients)
    ]

    async def post() -> None:
        r = await pools[next(turn) % clients].post(url, content=body, headers=headers)
        assert r.status_code == 200

    turn = itertools.count()
    rate = await _drive(post, count, concurrency)
    for client in pools:
        await client.aclose()
    return rate


async def worker_client_loop(url: str, body: bytes, headers: dict, count: int, concurrency: int) -> float:
    """The worker's own HTTP client (webhook_http) alone, without the outbox around it."""
    pool = webhook_http.ConnectionPool(allow_private=True)
    delivery = {
        "url": url,
        "body": body.decode(),
        "event": headers["rundun-event"],
        "event_id": headers["rundun-event-id"],
        "secret": "s",
    }

    async def post() -> None:
        attempt = await webhook_http.attempt(pool, delivery, 60)
        assert attempt.ok, attempt

    rate = await _drive(post, count, concurrency)
    pool.close()
    return rate


async def _drive(post, count: int, concurrency: int) -> float:
    left = count

    async def worker() -> None:
        nonlocal left
        while left > 0:
            left -= 1
            await post()

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return count / (time.monotonic() - started)


def baseline(receiver: ReceiverProcess, count: int, loop) -> float:
    body, received_headers = receiver.call("sample")
    headers = {k: v for k, v in received_headers.items() if k.startswith("rundun-") or k == "content-type"}
    receiver.call("reset")
    # on uvloop, as uvicorn runs the server (and so its delivery worker) wherever uvloop is installed
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(loop(receiver.url(), body, headers, count, MAX_IN_FLIGHT))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="runs for the latency figure")
    parser.add_argument(
        "--queued", type=int, default=1000, help="queued deliveries for the throughput figure"
    )
    args = parser.parse_args()

    receiver = ReceiverProcess()
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-bench-webhooks-"))
    key = init_org(data_dir)
    env = {
        "RUNDUN_RATE_LIMIT": "1000000",
        "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1",
        "RUNDUN_WEBHOOK_TIMEOUT": "120",
    }
    server = ServerProcess(data_dir, env=env).start()
    headers = {"Authorization": f"Bearer {key}"}
    try:
        with httpx.Client(base_url=server.url, headers=headers, timeout=30) as client:
            tid = client.post("/v1/templates", json=minimal()).json()["id"]
            latency(client, receiver, tid, 20)  # warm-up
            from_response, from_request = latency(client, receiver, tid, args.runs)
        print(f"latency to the receiver, {args.runs} runs, one at a time (target p50 ≤ 50 ms):")
        for name, ms in (
            ("from the cancel response", from_response),
            ("from the cancel request ", from_request),
        ):
            print(
                f"  {name}: p50 {pct(ms, 50):5.1f} ms   p90 {pct(ms, 90):5.1f} ms   p99 {pct(ms, 99):5.1f} ms   "
                f"min {min(ms):5.1f} ms   max {max(ms):5.1f} ms"
            )
        print("  (negative: the event reached the receiver before the cancel response reached us)")
        rate = throughput(server.url, headers, receiver, tid, args.queued)
        baselines = [
            ("plain httpx loop, one AsyncClient", lambda *a: plain_loop(*a, clients=1)),
            ("plain httpx loop, one client per worker", lambda *a: plain_loop(*a, clients=MAX_IN_FLIGHT)),
            ("the worker's HTTP client alone, no outbox", worker_client_loop),
        ]
        print(f"throughput, {args.queued} queued deliveries, {MAX_IN_FLIGHT} in flight (target ≥ 300/s):")
        print(f"  {'rundun (outbox → receiver)':42} {rate:6.0f}/s")
        for name, loop in baselines:
            other = baseline(receiver, args.queued, loop)
            print(f"  {name:42} {other:6.0f}/s   rundun / this = {rate / other:.2f}")
    finally:
        server.stop()
        receiver.stop()


if __name__ == "__main__":
    main()
