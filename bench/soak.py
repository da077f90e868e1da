"""A soak test anyone can run: a real server under a mixed, steady load, watched from outside each minute.

    .venv/bin/python bench/soak.py --minutes 30 [--rate 8] [--streams 50] [--json FILE]

Load (paced, not flat out, so latencies mean something): `--rate` cycles a second, each one a dispatch
(`POST /v1/runs`, with a webhook to a real receiver here), `open`, an answer (`PUT`), a `/sync` of two ops,
a photo over tus (create + PATCH), a `GET` of the run and `complete`; plus `--streams` `GET /v1/events`
streams held open the whole time. Every minute it prints, from outside the server process: RSS, open file
descriptors, threads, the WAL's size (the largest seen that minute, sampled every 0.25 s), the database,
media and upload-dir sizes, p50/p99 per endpoint and the 5xx count.

Targets (issue 21) for a full 30-minute run: RSS and FDs flat after minute 5 (last minute ≤ 1.1 × minute 5),
WAL ≤ 64 MB throughout, no 5xx, p99 in the last minute ≤ 1.5 × minute 5. `tests/e2e/test_soak.py` runs two
minutes of it and checks the measured state (not durations). The machine is shared: read figures with that.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.receiver import Receiver
from tests.support.server_process import ServerProcess, init_org

NOW = "2026-05-22T08:31:00Z"
TUS = {"Tus-Resumable": "1.0.0"}
PHOTO_BYTES = 16 * 1024
WAL_SAMPLE_S = 0.25
WAL_SETTLED_BYTES = 4 << 20
TEMPLATE = {
    "name": "Soak check",
    "sections": [
        {
            "id": "g-1",
            "title": "Main",
            "steps": [
                {"id": "s-ok", "type": "boolean", "label": "All good?"},
                {"id": "s-km", "type": "number", "label": "Km"},
                {"id": "s-note", "type": "text", "label": "Notes"},
                {"id": "s-photo", "type": "photo", "label": "Picture", "config": {"min": 1, "max": 1}},
            ],
        }
    ],
}


@dataclass
class Minute:
    """What one minute measured; `state` is read from outside the server at the minute's end."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors_5xx: int = 0
    other_failures: int = 0
    failure_samples: list[str] = field(default_factory=list)  # the first few, to say what they were
    wal_max: int = 0
    state: dict = field(default_factory=dict)

    def fail(self, what: str) -> None:
        self.other_failures += 1
        if len(self.failure_samples) < 5:
            self.failure_samples.append(what)

    def record(self, endpoint: str, seconds: float, status: int) -> None:
        self.latencies.setdefault(endpoint, []).append(seconds)
        if status >= 500:
            self.errors_5xx += 1

    def summary(self) -> dict:
        per_endpoint = {
            name: {"n": len(values), "p50_ms": _pct(values, 50), "p99_ms": _pct(values, 99)}
            for name, values in sorted(self.latencies.items())
        }
        return {
            **self.state,
            "wal_max": self.wal_max,
            "5xx": self.errors_5xx,
            "failures": self.other_failures,
            "failure_samples": self.failure_samples,
            "endpoints": per_endpoint,
        }


def _pct(values: list[float], pct: int) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, len(ordered) * pct // 100)] * 1000, 1)


def dir_bytes(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except FileNotFoundError:
                pass  # a temp file renamed or an upload finished meanwhile
    return total


def process_state(pid: int, data_dir: Path) -> dict:
    """RSS, FDs and threads of the server process (from /proc) and the size of what it keeps on disk."""
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    db = data_dir / "rundun.db"
    return {
        "rss_mb": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": int(fields["Threads"]),
        "wal_bytes": _size(Path(f"{db}-wal")),
        "db_bytes": _size(db),
        "media_bytes": dir_bytes(data_dir / "media"),
        "uploads_bytes": dir_bytes(data_dir / "uploads"),
    }


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


class Soak:
    """The load, the watchers and the per-minute report around one real server process."""

    def __init__(self, data_dir: Path, rate: float, streams: int, out=print):
        self.data_dir, self.rate, self.streams, self.out = data_dir, rate, streams, out
        self.minutes: list[dict] = []
        self.current = Minute()
        self.receiver = Receiver().start()
        key = init_org(data_dir)
        env = {"RUNDUN_RATE_LIMIT": "100000000", "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "true"}
        self.server = ServerProcess(data_dir, env=env).start()
        self.auth = {"Authorization": f"Bearer {key}"}
        self.stream_messages = 0
        self._cycles: set[asyncio.Task] = set()

    def close(self) -> None:
        self.server.stop()
        self.receiver.stop()

    async def run(self, minutes: float) -> list[dict]:
        limits = httpx.Limits(max_connections=400, max_keepalive_connections=100)
        async with httpx.AsyncClient(base_url=self.server.url, timeout=30, limits=limits) as client:
            self.client = client
            r = await client.post("/v1/templates", json=TEMPLATE, headers=self.auth)
            r.raise_for_status()
            self.template_id = r.json()["id"]
            end = time.monotonic() + minutes * 60
            tasks = [asyncio.create_task(self._stream()) for _ in range(self.streams)]
            tasks += [asyncio.create_task(self._sample_wal(end)), asyncio.create_task(self._pace(end))]
            for index in range(1, math.ceil(minutes) + 1):
                await asyncio.sleep(max(0.0, min(end, time.monotonic() + 60) - time.monotonic()))
                self._close_minute(index)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await asyncio.gather(*self._cycles, return_exceptions=True)  # let the last cycles finish
        self.wal_settled_s = await self._wal_settles()
        self.out(f"after the load: WAL ≤ 4 MB after {self.wal_settled_s:.1f} s (target ≤ 5 s)")
        return self.minutes

    async def _wal_settles(self, limit: float = 30.0) -> float:
        """Seconds from the load's end until the WAL is back to ≤ 4 MB (`limit` if it never is)."""
        wal = Path(f"{self.data_dir / 'rundun.db'}-wal")
        started = time.monotonic()
        while _size(wal) > WAL_SETTLED_BYTES and time.monotonic() - started < limit:
            await asyncio.sleep(0.1)
        return time.monotonic() - started

    def _close_minute(self, index: int) -> None:
        minute, self.current = self.current, Minute()
        minute.state = {"minute": index, **process_state(self.server.proc.pid, self.data_dir)}
        minute.wal_max = max(minute.wal_max, minute.state["wal_bytes"])
        summary = minute.summary()
        summary["webhooks_received"] = len(self.receiver.received)
        summary["sse_messages"] = self.stream_messages
        self.minutes.append(summary)
        self.out(format_minute(summary))

    async def _pace(self, end: float) -> None:
        """Start one cycle every 1/rate seconds (each in its own task, so a slow one delays nothing)."""
        started = time.monotonic()
        count = 0
        while time.monotonic() < end:
            task = asyncio.create_task(self._cycle())
            self._cycles.add(task)
            task.add_done_callback(self._cycles.discard)
            count += 1
            await asyncio.sleep(max(0.0, started + count / self.rate - time.monotonic()))

    async def _call(self, endpoint: str, method: str, url: str, **kwargs) -> httpx.Response | None:
        started = time.monotonic()
        try:
            response = await self.client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            self.current.fail(f"{endpoint}: {type(exc).__name__}")
            return None
        self.current.record(endpoint, time.monotonic() - started, response.status_code)
        if response.status_code >= 400:
            if response.status_code < 500:
                self.current.fail(f"{endpoint}: {response.status_code} {response.text[:120]}")
            return None
        return response

    async def _cycle(self) -> None:
        body = {
            "template_id": self.template_id,
            "executor_ref": "soak",
            "webhook": {"url": self.receiver.url()},
        }
        r = await self._call("dispatch", "POST", "/v1/runs", json=body, headers=self.auth)
        if r is None:
            return
        run_id = r.json()["run_id"]
        base = f"/v1/runs/{run_id}"
        r = await self._call("open", "POST", f"{base}/open", json={})
        if r is None:
            return
        token = {"Authorization": f"Bearer {r.json()['executor_token']}"}
        answer = {"value": True, "at": NOW}
        await self._call("answer", "PUT", f"{base}/answers/s-ok", json=answer, headers=token)
        ops = [
            {"op_id": "1", "step_id": "s-km", "value": 42, "at": NOW},
            {"op_id": "2", "step_id": "s-note", "value": "fine", "at": NOW},
        ]
        await self._call("sync", "POST", f"{base}/sync", json={"ops": ops}, headers=token)
        await self._upload_photo(base, token)
        await self._call("get", "GET", base, headers=self.auth)
        await self._call("complete", "POST", f"{base}/complete", json={"at": NOW}, headers=token)

    async def _upload_photo(self, base: str, token: dict) -> None:
        data = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(PHOTO_BYTES)
        meta = {"step_id": "s-photo", "photo_index": "0", "sha256": hashlib.sha256(data).hexdigest()}
        headers = {
            **TUS,
            **token,
            "Upload-Length": str(len(data)),
            "Upload-Metadata": ",".join(
                f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in meta.items()
            ),
        }
        r = await self._call("tus create", "POST", f"{base}/uploads/", headers=headers)
        if r is None:
            return
        patch = {
            **TUS,
            **token,
            "Content-Type": "application/offset+octet-stream",
            "Upload-Offset": "0",
        }
        await self._call("tus patch", "PATCH", r.headers["Location"], content=data, headers=patch)

    async def _stream(self) -> None:
        """One live monitor: `GET /v1/events` held open, reconnecting with Last-Event-ID if it drops."""
        last: str | None = None
        while True:
            headers = {**self.auth, **({"Last-Event-ID": last} if last else {})}
            try:
                async with self.client.stream("GET", "/v1/events", headers=headers, timeout=None) as response:
                    if response.status_code >= 500:
                        self.current.errors_5xx += 1
                    async for line in response.aiter_lines():
                        if line.startswith("id:"):
                            last = line[3:].strip()
                            self.stream_messages += 1
            except httpx.HTTPError as exc:
                self.current.fail(f"events stream: {type(exc).__name__}")
            await asyncio.sleep(1)

    async def _sample_wal(self, end: float) -> None:
        wal = Path(f"{self.data_dir / 'rundun.db'}-wal")
        while time.monotonic() < end:
            self.current.wal_max = max(self.current.wal_max, _size(wal))
            await asyncio.sleep(WAL_SAMPLE_S)


def format_minute(m: dict) -> str:
    head = (
        f"min {m['minute']:>3}  rss {m['rss_mb']:>6.1f} MB  fds {m['fds']:>4}  threads {m['threads']:>3}  "
        f"wal max {m['wal_max'] / 2**20:>5.1f} MB  db {m['db_bytes'] / 2**20:>7.1f} MB  "
        f"media {m['media_bytes'] / 2**20:>7.1f} MB  uploads {m['uploads_bytes'] / 2**10:>6.0f} kB  "
        f"5xx {m['5xx']}  failures {m['failures']}  webhooks {m['webhooks_received']}  sse {m['sse_messages']}"
    )
    rows = [
        f"      {name:<11} n {e['n']:>6}  p50 {e['p50_ms']:>7.1f} ms  p99 {e['p99_ms']:>7.1f} ms"
        for name, e in m["endpoints"].items()
    ]
    samples = [f"      failure: {text}" for text in m.get("failure_samples", [])]
    return "\n".join([head, *rows, *samples])


def verdict(minutes: list[dict]) -> list[str]:
    """The issue's targets, checked on a run of at least 6 minutes (minute 5 is the reference)."""
    if len(minutes) < 6:
        return ["(targets need ≥ 6 minutes: minute 5 is the reference)"]
    five, last = minutes[4], minutes[-1]
    lines = [
        _check("RSS last ≤ 1.1 × minute 5", last["rss_mb"], 1.1 * five["rss_mb"]),
        _check("FDs last ≤ 1.1 × minute 5", last["fds"], 1.1 * five["fds"]),
        _check("WAL ≤ 64 MB throughout (MB)", max(m["wal_max"] for m in minutes) / 2**20, 64),
        _check("5xx total", sum(m["5xx"] for m in minutes), 0),
    ]
    for name, e in last["endpoints"].items():
        reference = five["endpoints"].get(name, {}).get("p99_ms", 0)
        lines.append(_check(f"p99 {name} last ≤ 1.5 × minute 5 (ms)", e["p99_ms"], 1.5 * reference))
    return lines


def _check(name: str, value: float, bound: float) -> str:
    return f"{'ok  ' if value <= bound else 'MISS'} {name}: {value:.1f} (bound {bound:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--rate", type=float, default=8, help="load cycles started per second")
    parser.add_argument("--streams", type=int, default=50, help="SSE streams held open")
    parser.add_argument("--json", type=Path, help="also write every minute's figures to this file")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-soak-"))
    soak = Soak(data_dir, args.rate, args.streams, out=lambda line: print(line, flush=True))
    try:
        minutes = asyncio.run(soak.run(args.minutes))
    finally:
        soak.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    print("\n".join(verdict(minutes)))
    if args.json:
        args.json.write_text(json.dumps(minutes, indent=1))
    print(f"(shared machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
    if minutes:
        print("medians over the run: rss", statistics.median(m["rss_mb"] for m in minutes), "MB")


if __name__ == "__main__":
    main()
