"""A soak test anyone can run: a real server under a mixed, steady load, watched from outside each minute.

    .venv/bin/python bench/soak.py --minutes 30 [--rate 8] [--streams 50] [--json FILE]
        [--sample 60] [--mixed] [--postgres] [--processes 2]

Load (paced, not flat out, so latencies mean something): `--rate` cycles a second, each one a dispatch
(`POST /v1/runs`, with a webhook to a real receiver here), `open`, an answer (`PUT`), a `/sync` of two ops,
a photo over tus (create + PATCH), a `GET` of the run and `complete`; plus `--streams` `GET /v1/events`
streams held open the whole time. `--mixed` adds what a long-lived server also sees: a cancel instead of a
`complete` in one cycle of five, an abandoned half tus upload in one of four, CSV exports and stats, SSE
clients that connect and drop, and a webhook receiver that is down or slow part of the time. `--postgres`
runs `--processes` servers over one throwaway PostgreSQL cluster (tests/support/postgres.py), the load
spread over them. Every `--sample` seconds (a minute unless told) it prints, from outside the server process: RSS, open file
descriptors, threads, the WAL's size (the largest seen that minute, sampled every 0.25 s), the database,
media and upload-dir sizes, p50/p99 per endpoint and the 5xx count; with `--json`, also every file of the data
dir by folder, the row count of every table and, on PostgreSQL, each process's connections, table and index
sizes, advisory locks and idle transactions.

Targets (issue 21) for a full 30-minute run: RSS and FDs flat after minute 5 (last minute ≤ 1.1 × minute 5),
WAL ≤ 64 MB throughout, no 5xx, p99 in the last minute ≤ 1.5 × minute 5. `tests/e2e/test_soak.py` runs a
minute of it, sampled every 30 s, and checks the measured state (not durations). The machine is shared: read figures with that.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import hashlib
import itertools
import json
import math
import os
import shutil
import sqlite3
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
        "rss_anon_mb": round(int(fields["RssAnon"].split()[0]) / 1024, 1),  # the heap: not file pages
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": int(fields["Threads"]),
        "wal_bytes": _size(Path(f"{db}-wal")),
        "db_bytes": _size(db),
        "media_bytes": dir_bytes(data_dir / "media"),
        "uploads_bytes": dir_bytes(data_dir / "uploads"),
    }


def files_by_folder(data_dir: Path) -> dict[str, list[int]]:
    """Every file under the data dir, as [count, bytes] per top-level name (a file or a folder)."""
    found: dict[str, list[int]] = {}
    for root, _dirs, files in os.walk(data_dir):
        for name in files:
            path = Path(root, name)
            top = path.relative_to(data_dir).parts[0]
            entry = found.setdefault(top, [0, 0])
            entry[0] += 1
            entry[1] += _size(path)
    return dict(sorted(found.items()))


def sqlite_rows(db: Path) -> dict[str, int]:
    """The row count of every table, read from outside the server (a read-only connection)."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)) as conn:
        names = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _socket_ports(pid: int) -> set[int]:
    """The local TCP ports of the sockets process `pid` holds (its connections to PostgreSQL among them)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    ports = set()
    for table in ("tcp", "tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
                parts = line.split()
                if parts[9] in inodes:
                    ports.add(int(parts[1].rsplit(":", 1)[1], 16))
    return ports


def postgres_state(url: str, pids: list[int]) -> dict:
    """Rows and sizes of every table, each server process's connections, advisory locks, idle transactions."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        rows = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        sizes = {
            t: list(
                conn.execute(
                    "SELECT pg_table_size(%s::regclass), pg_indexes_size(%s::regclass)", (f'"{t}"', f'"{t}"')
                ).fetchone()
            )
            for t in tables
        }
        activity = conn.execute(
            "SELECT client_port, state FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
        advisory = conn.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
        ).fetchone()[0]
        database_bytes = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    per_process = []
    for pid in pids:
        ports = _socket_ports(pid)
        mine = [state for port, state in activity if port in ports]
        per_process.append(
            {
                "connections": len(mine),
                "idle_in_transaction": sum(
                    1 for state in mine if state and state.startswith("idle in transaction")
                ),
            }
        )
    return {
        "rows": rows,
        "table_index_bytes": sizes,
        "pg_connections": per_process,
        "pg_connections_total": len(activity),
        "advisory_locks": advisory,
        "idle_in_transaction": sum(
            1 for _port, state in activity if state and state.startswith("idle in transaction")
        ),
        "database_bytes": database_bytes,
    }


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


class Soak:
    """The load, the watchers and the per-sample report around real server processes."""

    def __init__(
        self,
        data_dir: Path,
        rate: float,
        streams: int,
        out=print,
        *,
        sample_s: float = 60,
        mixed: bool = False,
        database_url: str | None = None,
        processes: int = 1,
    ):
        self.data_dir, self.rate, self.streams, self.out = data_dir, rate, streams, out
        self.sample_s, self.mixed, self.database_url = sample_s, mixed, database_url
        self.minutes: list[dict] = []
        self.current = Minute()
        self.receiver = Receiver().start()
        self.receiver_mode = "up"
        env = {"RUNDUN_RATE_LIMIT": "100000000", "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "true"}
        if database_url:
            env["RUNDUN_DATABASE_URL"] = database_url
        key: str | None = None
        self.servers: list[ServerProcess] = []
        for index in range(processes if database_url else 1):
            folder = data_dir / f"p{index + 1}" if database_url else data_dir
            folder.mkdir(parents=True, exist_ok=True)
            if key is None:
                key = init_org(folder, env=env)
            self.servers.append(ServerProcess(folder, env=env).start())
        self.server = self.servers[0]
        self.auth = {"Authorization": f"Bearer {key}"}
        self.stream_messages = 0
        self.stream_connects = 0
        self._cycles: set[asyncio.Task] = set()
        self._count = itertools.count()

    def close(self) -> None:
        for server in self.servers:
            server.stop()
        self.receiver.stop()

    def _url(self, path: str) -> str:
        """`path` on one of the server processes, in turn (a tus Location may already be absolute)."""
        if path.startswith("http"):
            return path
        return self.servers[next(self._count) % len(self.servers)].url + path

    async def run(self, minutes: float) -> list[dict]:
        limits = httpx.Limits(max_connections=400, max_keepalive_connections=100)
        async with httpx.AsyncClient(timeout=30, limits=limits) as client:
            self.client = client
            r = await client.post(self._url("/v1/templates"), json=TEMPLATE, headers=self.auth)
            r.raise_for_status()
            self.template_id = r.json()["id"]
            end = time.monotonic() + minutes * 60
            tasks = [asyncio.create_task(self._stream()) for _ in range(self.streams)]
            tasks += [asyncio.create_task(self._sample_wal(end)), asyncio.create_task(self._pace(end))]
            if self.mixed:
                tasks += [asyncio.create_task(self._stream(drop_after=2.0 + i)) for i in range(5)]
                tasks += [asyncio.create_task(self._flap_receiver()), asyncio.create_task(self._reports())]
            for index in range(1, math.ceil(minutes * 60 / self.sample_s) + 1):
                await asyncio.sleep(max(0.0, min(end, time.monotonic() + self.sample_s) - time.monotonic()))
                await asyncio.to_thread(self._close_minute, round(index * self.sample_s / 60, 2))
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if self.receiver_mode != "up":
                self._receiver_up()
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

    def _close_minute(self, index: float) -> None:
        minute, self.current = self.current, Minute()
        states = [process_state(s.proc.pid, s.data_dir) for s in self.servers]
        minute.state = {"minute": index, **states[0], "files": files_by_folder(self.data_dir)}
        if len(states) > 1:
            minute.state["processes"] = states
        if self.database_url:
            minute.state.update(postgres_state(self.database_url, [s.proc.pid for s in self.servers]))
        else:
            minute.state["rows"] = sqlite_rows(self.data_dir / "rundun.db")
        minute.wal_max = max(minute.wal_max, minute.state["wal_bytes"])
        summary = minute.summary()
        summary["webhooks_received"] = len(self.receiver.received)
        summary["sse_messages"] = self.stream_messages
        summary["sse_connects"] = self.stream_connects
        self.minutes.append(summary)
        self.out(format_minute(summary))

    async def _pace(self, end: float) -> None:
        """Start one cycle every 1/rate seconds (each in its own task, so a slow one delays nothing)."""
        started = time.monotonic()
        count = 0
        while time.monotonic() < end:
            task = asyncio.create_task(self._cycle(count))
            self._cycles.add(task)
            task.add_done_callback(self._cycles.discard)
            count += 1
            await asyncio.sleep(max(0.0, started + count / self.rate - time.monotonic()))

    async def _call(self, endpoint: str, method: str, url: str, **kwargs) -> httpx.Response | None:
        started = time.monotonic()
        try:
            response = await self.client.request(method, self._url(url), **kwargs)
        except httpx.HTTPError as exc:
            self.current.fail(f"{endpoint}: {type(exc).__name__}")
            return None
        self.current.record(endpoint, time.monotonic() - started, response.status_code)
        if response.status_code >= 400:
            if response.status_code < 500:
                self.current.fail(f"{endpoint}: {response.status_code} {response.text[:120]}")
            return None
        return response

    async def _cycle(self, number: int = 0) -> None:
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
        if self.mixed and number % 5 == 4:
            await self._call("cancel", "POST", f"{base}/cancel", json={}, headers=self.auth)
            return
        ops = [
            {"op_id": "1", "step_id": "s-km", "value": 42, "at": NOW},
            {"op_id": "2", "step_id": "s-note", "value": "fine", "at": NOW},
        ]
        await self._call("sync", "POST", f"{base}/sync", json={"ops": ops}, headers=token)
        if self.mixed and number % 4 == 1:
            await self._upload_photo(base, token, abandon=True)
        await self._upload_photo(base, token)
        await self._call("get", "GET", base, headers=self.auth)
        await self._call("complete", "POST", f"{base}/complete", json={"at": NOW}, headers=token)

    async def _upload_photo(self, base: str, token: dict, abandon: bool = False) -> None:
        """A photo over tus; `abandon`: only its first half is sent, and the client never comes back."""
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
        content = data[: len(data) // 2] if abandon else data
        await self._call("tus patch", "PATCH", r.headers["Location"], content=content, headers=patch)

    async def _stream(self, drop_after: float | None = None) -> None:
        """One live monitor: `GET /v1/events` held open, reconnecting with Last-Event-ID if it drops;
        `drop_after`: a client that hangs up after that many seconds and comes back (a laptop's lid)."""
        last: str | None = None
        while True:
            headers = {**self.auth, **({"Last-Event-ID": last} if last else {})}
            try:
                async with asyncio.timeout(drop_after):
                    async with self.client.stream(
                        "GET", self._url("/v1/events"), headers=headers, timeout=None
                    ) as response:
                        self.stream_connects += 1
                        if response.status_code >= 500:
                            self.current.errors_5xx += 1
                        async for line in response.aiter_lines():
                            if line.startswith("id:"):
                                last = line[3:].strip()
                                self.stream_messages += 1
            except TimeoutError:
                pass  # hung up on purpose
            except httpx.HTTPError as exc:
                self.current.fail(f"events stream: {type(exc).__name__}")
            await asyncio.sleep(1 if drop_after is None else 0.5)

    def _receiver_up(self) -> None:
        if self.receiver_mode == "down":
            self.receiver.start()
        self.receiver.released.set()
        self.receiver_mode = "up"

    async def _flap_receiver(self) -> None:
        """The webhook receiver, in a loop: up 30 s, down (connections refused) 15 s, up 30 s, slow 15 s
        (requests held 12 s, beyond the server's 10 s timeout)."""
        while True:
            await asyncio.sleep(30)
            self.receiver.stop()
            self.receiver_mode = "down"
            await asyncio.sleep(15)
            self._receiver_up()
            await asyncio.sleep(30)
            self.receiver.released.clear()
            self.receiver_mode = "slow"
            await asyncio.sleep(12)
            self._receiver_up()
            await asyncio.sleep(3)

    async def _reports(self) -> None:
        """What a dashboard and an accountant ask now and then: stats every 10 s, a CSV export every 60 s."""
        for tick in itertools.count():
            await self._call("stats", "GET", "/v1/stats/runs", headers=self.auth)
            await self._call("tpl stats", "GET", f"/v1/templates/{self.template_id}/stats", headers=self.auth)
            await self._call("list", "GET", "/v1/runs?limit=50", headers=self.auth)
            if tick % 6 == 0:
                await self._call(
                    "export",
                    "GET",
                    f"/v1/templates/{self.template_id}/runs.csv?status=cancelled",
                    headers=self.auth,
                )
            await asyncio.sleep(10)

    async def _sample_wal(self, end: float) -> None:
        wal = Path(f"{self.data_dir / 'rundun.db'}-wal")
        while time.monotonic() < end:
            self.current.wal_max = max(self.current.wal_max, _size(wal))
            await asyncio.sleep(WAL_SAMPLE_S)


def format_minute(m: dict) -> str:
    head = (
        f"min {m['minute']:>5}  rss {m['rss_mb']:>6.1f} MB (anon {m['rss_anon_mb']:.1f})  fds {m['fds']:>4}  threads {m['threads']:>3}  "
        f"wal max {m['wal_max'] / 2**20:>5.1f} MB  db {m['db_bytes'] / 2**20:>7.1f} MB  "
        f"media {m['media_bytes'] / 2**20:>7.1f} MB  uploads {m['uploads_bytes'] / 2**10:>6.0f} kB  "
        f"5xx {m['5xx']}  failures {m['failures']}  webhooks {m['webhooks_received']}  sse {m['sse_messages']}"
    )
    rows = [
        f"      {name:<11} n {e['n']:>6}  p50 {e['p50_ms']:>7.1f} ms  p99 {e['p99_ms']:>7.1f} ms"
        for name, e in m["endpoints"].items()
    ]
    samples = [f"      failure: {text}" for text in m.get("failure_samples", [])]
    rows.append("      rows: " + ", ".join(f"{name} {n}" for name, n in m.get("rows", {}).items() if n))
    rows.append(
        "      files: "
        + ", ".join(f"{name} {n}/{b / 2**10:.0f} kB" for name, (n, b) in m.get("files", {}).items())
    )
    for index, p in enumerate(m.get("processes", [])[1:], start=2):
        rows.append(
            f"      process {index}: rss {p['rss_mb']:.1f} MB  fds {p['fds']}  threads {p['threads']}"
        )
    if "pg_connections" in m:
        rows.append(
            f"      pg: connections per process {[c['connections'] for c in m['pg_connections']]} "
            f"(total {m['pg_connections_total']}), idle in transaction {m['idle_in_transaction']}, "
            f"advisory locks {m['advisory_locks']}, database {m['database_bytes'] / 2**20:.1f} MB"
        )
    return "\n".join([head, *rows, *samples])


def verdict(minutes: list[dict]) -> list[str]:
    """The issue's targets, checked on a run of at least 6 minutes (minute 5 is the reference)."""
    five = next((m for m in minutes if m["minute"] >= 5), None)
    if five is None or five is minutes[-1]:
        return ["(targets need ≥ 6 minutes: minute 5 is the reference)"]
    last = minutes[-1]
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
    parser.add_argument("--json", type=Path, help="also write every sample's figures to this file")
    parser.add_argument("--sample", type=float, default=60, help="seconds between samples")
    parser.add_argument(
        "--mixed", action="store_true", help="cancels, abandoned uploads, exports, flapping receiver"
    )
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL cluster, not SQLite")
    parser.add_argument("--processes", type=int, default=2, help="server processes over PostgreSQL")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-soak-"))
    cluster = None
    if args.postgres:
        from tests.support.postgres import start_cluster

        cluster = start_cluster(durable=True)
    try:
        soak = Soak(
            data_dir,
            args.rate,
            args.streams,
            out=lambda line: print(line, flush=True),
            sample_s=args.sample,
            mixed=args.mixed,
            database_url=cluster.new_database() if cluster else None,
            processes=args.processes,
        )
        try:
            minutes = asyncio.run(soak.run(args.minutes))
        finally:
            soak.close()
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    print("\n".join(verdict(minutes)))
    if args.json:
        args.json.write_text(json.dumps(minutes, indent=1))
    print(f"(shared machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
    if minutes:
        print("medians over the run: rss", statistics.median(m["rss_mb"] for m in minutes), "MB")


if __name__ == "__main__":
    main()
