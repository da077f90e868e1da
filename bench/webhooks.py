"""Webhook delivery: latency from a state change to receipt, and throughput draining a queue.

    .venv/bin/python bench/webhooks.py [--runs 200] [--queued 1000]

The real `rundun-server` process delivers to a real receiver (tests/support/receiver.py) in a process of
its own on loopback, so that neither the server nor this driver shares its GIL.

1. Latency: dispatch a run, cancel it, and time from the cancel response to the receiver's arrival of
   `run.cancelled` (both on the machine's monotonic clock), one run at a time. Target p50 ≤ 50 ms.
2. Throughput: the receiver holds every request unanswered while `--queued` runs are dispatched and
   cancelled, so the worker fills its 32 slots and the rest wait, due, in the outbox; then the receiver lets
   go and we time until the last delivery arrives. Target ≥ 300/s. Baseline, in the same run: the same
   receiver hit with the same body by a plain httpx loop with the same concurrency (32); printed as a ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.services.webhooks import MAX_IN_FLIGHT  # noqa: E402
from tests.support.receiver import Receiver  # noqa: E402
from tests.support.samples import minimal  # noqa: E402
from tests.support.server_process import ServerProcess, init_org  # noqa: E402


# -- the receiver, in its own process, driven over a pipe ---------------------------------------------------
def receiver_main(conn) -> None:
    receiver = Receiver().start()
    conn.send(receiver.port)
    while True:
        command, arg = conn.recv()
        if command == "stop":
            receiver.released.set()
            receiver.stop()
            return
        if command == "hold":
            receiver.released.clear()
            conn.send(None)
        elif command == "release":
            conn.send(time.monotonic())
            receiver.released.set()
        elif command == "arrival_of":  # when the event of run `arg` arrived
            got = receiver.wait_for(lambda items: any(arg.encode() in r.body for r in items), timeout=60)
            conn.send(next(r.at for r in got if arg.encode() in r.body))
        elif command == "wait_count":  # arrival times of the first `arg` requests
            conn.send([r.at for r in receiver.wait_count(arg, timeout=300)])
        elif command == "sample":
            conn.send((receiver.received[-1].body, receiver.received[-1].headers))
        elif command == "reset":
            with receiver.changed:
                receiver.received.clear()
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
def latency(client: httpx.Client, receiver: ReceiverProcess, tid: str, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        r = client.post("/v1/runs", json={"template_id": tid, "webhook": {"url": receiver.url(), "secret": "s"}})
        run_id = r.json()["run_id"]
        assert client.post(f"/v1/runs/{run_id}/cancel").status_code == 200
        answered = time.monotonic()
        out.append((receiver.call("arrival_of", run_id) - answered) * 1000)
    return out


async def queue_up(base: str, headers: dict, tid: str, url: str, count: int) -> None:
    """Dispatch and cancel `count` runs, 16 at a time."""
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
        sem = asyncio.Semaphore(16)

        async def one() -> None:
            async with sem:
                r = await client.post("/v1/runs", json={"template_id": tid, "webhook": {"url": url, "secret": "s"}})
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


async def plain_loop(url: str, body: bytes, headers: dict, count: int, concurrency: int) -> float:
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=concurrency), timeout=60) as client:
        left = count

        async def worker() -> None:
            nonlocal left
            while left > 0:
                left -= 1
                r = await client.post(url, content=body, headers=headers)
                assert r.status_code == 200

        started = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return count / (time.monotonic() - started)


def baseline(receiver: ReceiverProcess, count: int) -> float:
    body, received_headers = receiver.call("sample")
    headers = {k: v for k, v in received_headers.items() if k.startswith("rundun-") or k == "content-type"}
    receiver.call("reset")
    return asyncio.run(plain_loop(receiver.url(), body, headers, count, MAX_IN_FLIGHT))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="runs for the latency figure")
    parser.add_argument("--queued", type=int, default=1000, help="queued deliveries for the throughput figure")
    args = parser.parse_args()

    receiver = ReceiverProcess()
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-bench-webhooks-"))
    key = init_org(data_dir)
    env = {"RUNDUN_RATE_LIMIT": "1000000", "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1", "RUNDUN_WEBHOOK_TIMEOUT": "120"}
    server = ServerProcess(data_dir, env=env).start()
    headers = {"Authorization": f"Bearer {key}"}
    try:
        with httpx.Client(base_url=server.url, headers=headers, timeout=30) as client:
            tid = client.post("/v1/templates", json=minimal()).json()["id"]
            latency(client, receiver, tid, 20)  # warm-up
            ms = latency(client, receiver, tid, args.runs)
        print(f"latency, cancel response → receipt, {args.runs} runs:")
        print(f"  min {min(ms):.1f} ms   p50 {pct(ms, 50):.1f} ms   p90 {pct(ms, 90):.1f} ms   p99 {pct(ms, 99):.1f} ms   "
              f"max {max(ms):.1f} ms   mean {statistics.fmean(ms):.1f} ms   (target p50 ≤ 50 ms)")
        rate = throughput(server.url, headers, receiver, tid, args.queued)
        plain = baseline(receiver, args.queued)
        print(f"throughput, {args.queued} queued deliveries, {MAX_IN_FLIGHT} in flight:")
        print(f"  rundun {rate:.0f}/s   plain httpx loop {plain:.0f}/s   ratio {rate / plain:.2f}   (target ≥ 300/s)")
    finally:
        server.stop()
        receiver.stop()


if __name__ == "__main__":
    main()
