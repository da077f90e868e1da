"""Latency of another client's GET while many `/v1/events` streams are open (issue 13, point 9).

    .venv/bin/python bench/sse_streams.py [--streams 500] [--seconds 20] [--heartbeat 15]

One real `rundun-server` process; a helper process holds the SSE streams open (reading and discarding
what arrives); this process sends `GET /v1/runs/{id}` one after another on one kept-alive connection, at a
steady pace, for `--seconds` with 0 streams open and then again with `--streams` open, and prints p50/p99/max
of both phases in the same run (the machine is noisy: compare the two, not absolute figures). Meanwhile the
org's executor commits `--writes-per-s` answers (each an event every stream is shown). The phases last
longer than one heartbeat interval, so the heartbeats' wake-ups are inside the sample. Target: p99 ≤ 20 ms
with 500 streams open.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.server_process import ServerProcess, init_org

TEMPLATE = json.loads((ROOT / "resources" / "templates" / "vehicle-pre-rental.json").read_text())


async def _hold(port: int, key: str, count: int, opened: multiprocessing.Event) -> None:
    request = f"GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n\r\n".encode()
    streams = []
    for _ in range(count):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request)
        await reader.readuntil(b": connected\n\n")
        streams.append((reader, writer))
    opened.set()

    async def drain(reader: asyncio.StreamReader) -> None:
        while await reader.read(65536):
            pass

    await asyncio.gather(*(drain(reader) for reader, _ in streams))


def hold_streams(port: int, key: str, count: int, opened: multiprocessing.Event) -> None:
    """In a helper process: open `count` event streams and keep reading them until killed."""
    asyncio.run(_hold(port, key, count, opened))


def sample(port: int, path: str, key: str, seconds: float, pace_s: float = 0.005) -> list[float]:
    """Latencies (ms) of sequential GETs on one kept-alive connection, one every `pace_s` at most."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {key}"}
    latencies = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        assert response.status == 200, response.status
        elapsed = time.perf_counter() - started
        latencies.append(elapsed * 1000)
        time.sleep(max(0.0, pace_s - elapsed))
    conn.close()
    return latencies


def write_answers(port: int, run_id: str, token: str, per_s: float, stop: threading.Event) -> None:
    """The org's executor answering meanwhile: each PUT changes the answer, so each commits an event that
    every stream of the org is shown."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    n = 0
    while not stop.is_set():
        n += 1
        body = json.dumps({"value": n, "at": f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}Z"})
        conn.request("PUT", f"/v1/runs/{run_id}/answers/s-od01", body=body, headers=headers)
        conn.getresponse().read()
        stop.wait(1 / per_s)
    conn.close()


def measure(port: int, path: str, key: str, seconds: float, writer_args: tuple | None) -> dict:
    stop = threading.Event()
    writer = None
    if writer_args is not None:
        writer = threading.Thread(target=write_answers, args=(port, *writer_args, stop), daemon=True)
        writer.start()
    try:
        return summary(sample(port, path, key, seconds))
    finally:
        stop.set()
        if writer is not None:
            writer.join()


def summary(latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    return {
        "n": len(ordered),
        "p50": statistics.median(ordered),
        "p99": ordered[int(len(ordered) * 0.99) - 1],
        "max": ordered[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--heartbeat", type=float, default=15.0)
    parser.add_argument(
        "--writes-per-s", type=float, default=50.0, help="answers committed per second (0: none)"
    )
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-sse-bench-"))
    key = init_org(data_dir)
    env = {"RUNDUN_RATE_LIMIT": "100000000", "RUNDUN_SSE_HEARTBEAT": str(args.heartbeat)}
    server = ServerProcess(data_dir, env=env).start(timeout=60)
    holder = None
    try:
        auth = {"Authorization": f"Bearer {key}"}
        template = httpx.post(f"{server.url}/v1/templates", json=TEMPLATE, headers=auth, timeout=60).json()
        run = httpx.post(f"{server.url}/v1/runs", json={"template_id": template["id"]}, headers=auth).json()
        path = f"/v1/runs/{run['run_id']}"
        answering = httpx.post(
            f"{server.url}/v1/runs", json={"template_id": template["id"]}, headers=auth
        ).json()
        token = httpx.post(f"{server.url}/v1/runs/{answering['run_id']}/open", json={}).json()[
            "executor_token"
        ]
        writer = (answering["run_id"], token, args.writes_per_s) if args.writes_per_s > 0 else None
        sample(server.port, path, key, 2)  # warm-up
        results = {"0 streams": measure(server.port, path, key, args.seconds, writer)}
        opened = multiprocessing.Event()
        holder = multiprocessing.Process(target=hold_streams, args=(server.port, key, args.streams, opened))
        holder.start()
        if not opened.wait(300):
            sys.exit("the streams did not open")
        results[f"{args.streams} streams"] = measure(server.port, path, key, args.seconds, writer)
    finally:
        if holder is not None:
            holder.kill()
            holder.join()
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    print(
        f"GET {{run}} latency, sequential on one connection, {args.seconds:.0f} s per phase, "
        f"{args.writes_per_s:g} answers/s committed by the same org meanwhile"
    )
    print(f"{'phase':<16}{'n':>8}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for name, r in results.items():
        print(f"{name:<16}{r['n']:>8}{r['p50']:>10.1f}{r['p99']:>10.1f}{r['max']:>10.1f}")
    loaded = results[f"{args.streams} streams"]
    print(
        f"\np99 with {args.streams} streams: {loaded['p99']:.1f} ms (target ≤ 20 ms); "
        f"{loaded['p99'] / results['0 streams']['p99']:.2f}× the p99 with none"
    )


if __name__ == "__main__":
    main()
