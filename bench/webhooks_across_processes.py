"""Webhook delivery capacity as processes are added: does it grow with them?

    .venv/bin/python bench/webhooks_across_processes.py [--events 300] [--delay 3.0] [--processes 1,3]

Each process may have `MAX_IN_FLIGHT` (32) attempts going; N processes on one PostgreSQL database should
have up to N × 32. For each count of processes: a fresh database, that many real `rundun-server`
processes, `--events` runs dispatched with a webhook for `run.opened` to a receiver on loopback that takes
`--delay` seconds to answer each request, then every run opened (round-robin over the processes, ten
clients at once). Measured: the most requests the receiver had in progress at once, and the drain time
from the first open to the last delivery's arrival; both printed as a ratio of the first count's. An
operator's audit found ~32 in flight for a whole cluster of three (every process asked for the same 32
earliest due deliveries, skipped those another held, and waited a second: server/store/webhooks.py).
A throwaway cluster, fsync off: the receiver's delay, not the database, bounds a drain. The delay is long
enough (3 s) that the opens (some 60/s on a busy 2-core machine) make more due deliveries than 3 × 32 can
take; with 1 s, the opens' rate bounds what is in flight.

On a 2-core machine, 300 events, 3 s: before (every process asked for the same earliest 32): 1 process 32
in flight, 30.7 s; 3 processes 32 (x1.00), 31.0 s (x1.01). After (held rows last, lost races asked again):
1 process 32, 30.8 s; 3 processes 96 (x3.00), 13.2 s (x0.43; the opens take part of it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.services.webhooks import MAX_IN_FLIGHT
from tests.support.postgres import start_cluster
from tests.support.server_process import ServerProcess, init_org

TEMPLATE = {
    "name": "Bench",
    "sections": [{"id": "g-a", "title": "A", "steps": [{"id": "s-ok", "type": "boolean", "label": "OK?"}]}],
}


class SlowReceiver:
    """Answers 200 after `delay` seconds; counts requests in progress and the runs it has heard of."""

    def __init__(self, delay: float):
        self.delay, self.lock = delay, threading.Lock()
        self.in_progress = self.most_in_progress = 0
        self.runs: set[str] = set()
        self.last_at = 0.0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver.lock:
                    receiver.in_progress += 1
                    receiver.most_in_progress = max(receiver.most_in_progress, receiver.in_progress)
                time.sleep(receiver.delay)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                with receiver.lock:
                    receiver.in_progress -= 1
                    receiver.runs.add(httpx.Response(200, content=body).json()["run_id"])
                    receiver.last_at = time.monotonic()

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads, request_queue_size = True, 512

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def stop(self) -> None:
        self.server.shutdown()


def one_round(cluster, processes: int, events: int, delay: float, root: Path) -> tuple[int, float]:
    env = {
        "RUNDUN_DATABASE_URL": cluster.new_database(),
        "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1",
        "RUNDUN_RATE_LIMIT": "100000000",
        "RUNDUN_WEBHOOK_TIMEOUT": str(max(10, int(delay * 4))),
    }
    key = init_org(root, env=env)
    receiver = SlowReceiver(delay)
    servers = []
    try:
        for i in range(processes):
            (root / f"p{i}").mkdir()
            servers.append(ServerProcess(root / f"p{i}", env=env).start())
        auth = {"Authorization": f"Bearer {key}"}
        template_id = httpx.post(f"{servers[0].url}/v1/templates", json=TEMPLATE, headers=auth).json()["id"]
        hook = {"url": receiver.url, "events": ["run.opened"]}

        def dispatch(i: int) -> str:
            body = {"template_id": template_id, "webhook": hook}
            return httpx.post(
                f"{servers[i % processes].url}/v1/runs", json=body, headers=auth, timeout=60
            ).json()["run_id"]

        with ThreadPoolExecutor(10) as pool:
            run_ids = list(pool.map(dispatch, range(events)))
        started = time.monotonic()

        def open_run(item: tuple[int, str]) -> None:
            i, run_id = item
            httpx.post(f"{servers[i % processes].url}/v1/runs/{run_id}/open", json={}, timeout=60)

        with ThreadPoolExecutor(10) as pool:
            list(pool.map(open_run, enumerate(run_ids)))
        deadline = started + 600
        while len(receiver.runs & set(run_ids)) < events:
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {len(receiver.runs)} of {events} delivered in 600 s")
            time.sleep(0.05)
        return receiver.most_in_progress, receiver.last_at - started
    finally:
        for server in servers:
            server.stop()
        receiver.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--delay", type=float, default=3.0)
    parser.add_argument("--processes", default="1,3")
    args = parser.parse_args()
    counts = [int(n) for n in args.processes.split(",")]
    cluster = start_cluster()
    try:
        results = []
        for processes in counts:
            with tempfile.TemporaryDirectory() as root:
                results.append(one_round(cluster, processes, args.events, args.delay, Path(root)))
        base_flight, base_drain = results[0]
        print(
            f"{args.events} events, receiver answers after {args.delay:.1f} s, MAX_IN_FLIGHT {MAX_IN_FLIGHT}"
        )
        for processes, (flight, drain) in zip(counts, results, strict=True):
            print(
                f"{processes} process(es): {flight:3d} in flight at most (x{flight / base_flight:.2f}), "
                f"drained in {drain:5.1f} s (x{drain / base_drain:.2f} of {counts[0]})"
            )
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
