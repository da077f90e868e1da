"""The offline executor's sync engine draining a backlog against the real server process.

    .venv/bin/python bench/executor_sync.py [--answers 500] [--photos 50] [--photo-mb 2] [--rounds 5]
        [--database sqlite|postgresql] [--media files|postgresql]

`--database postgresql` runs the server on a throwaway PostgreSQL cluster with fsync on (as in production;
tests/support/postgres.py starts it, as an unprivileged user when run as root). Target there ≤ 1.6.
Photos then live in the database (the default media store with PostgreSQL); `--media files` keeps them in
the data dir instead, as one machine's processes may (server/media/__init__.py). bench/pg_photo_floor.py
measures what PostgreSQL itself takes to store a photo, without the server. With the photos in the database
the floor that keeps the bytes the same way is timed too, and the target is set against it: the same
bytes POSTed by the same plain loop to an endpoint that stores each body in PostgreSQL (rows of 1 MiB in
the server's own `media_chunks` table, one INSERT and one COMMIT that waits for the WAL flush). A file's
write and fsync is no floor for a server whose durable medium is the database: PostgreSQL alone takes ~4×
as long to keep the same bytes (its WAL, then its table).

1. Backlog after reconnect: `--answers` answers and `--photos` photos of `--photo-mb` MB (new bytes for every
   drain: the server has never seen them) are queued in the local store while the server is down; the server
   comes back, answers another run's executor requests, as many photos at once as the engine sends (a server in
   the field has served requests before a phone reconnects, its threads and PostgreSQL connections made; the
   floor and the bare loop below are timed against a warm server too; `--cold` skips it),
   the engine is woken (as the app does when its connection returns) and we time until the outbox is empty. Baseline, in the same run and on the same
   loopback: the same bytes (the answers as JSON, each photo's bytes) POSTed one after another with a plain
   `httpx.AsyncClient` to a trivial endpoint (a raw ASGI app under uvicorn, in a process of its own, that
   reads the body and answers 204), and the same to an endpoint that also writes and fsyncs the bytes (the
   durable floor: the least a server that keeps acknowledged bytes across a crash must do). Target (issue
   16): engine ÷ durable floor ≤ 1.3, the median of the rounds' ratios (each round measures both back to
   back, so a burst of load on a shared machine hits both; each goes first in every other round).
2. 1,000 queued answers: start → empty outbox. Target ≤ 2 s.
3. Event-loop lag: a 5 ms ticker on the engine's loop records how late it wakes while (1) runs, with the
   start-up heap frozen out of the garbage collector's sight before the rounds, as the app does once started.
   Target ≤ 50 ms.
4. CPU a drain: the CPU time (every thread) the engine's process and the server used during (1), against the
   floor's client and endpoint during theirs. The wall-clock ratio moves with what else the machine runs (the
   side needing more CPU loses more of it to a busy core); this figure hardly does, and says why.

Medians of `--rounds` rounds are printed, and every round's figures; the machine is noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rundun_desktop.executor import store as st
from rundun_desktop.executor.opening import open_into
from rundun_desktop.executor.protocol import tus_metadata
from rundun_desktop.executor.sync import SyncConfig, SyncEngine
from rundun_desktop.import_cost import settle_after_start
from server.store.media_chunks import CHUNK_BYTES
from server.tdl.device import HEADER as DEVICE_HEADER
from server.tdl.device import format_device
from tests.support.server_process import ServerProcess, free_port, init_org

FLOOR_DATABASE = "RUNDUN_BENCH_FLOOR_DATABASE"  # the URL `/durable-database` stores into


async def trivial_app(scope, receive, send):
    """The baseline endpoints: `/` reads the whole body and answers 204; `/durable` also writes it to a file
    and fsyncs it first (the least any upload that survives a crash must do); `/durable-database` stores it
    in PostgreSQL instead (the least a server keeping its photos in the database must do)."""
    if scope["type"] != "http":
        return
    chunks, more = [], True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    if scope["path"] == "/durable":
        await asyncio.to_thread(_write_durably, b"".join(chunks))
    elif scope["path"] == "/durable-database":
        await asyncio.to_thread(_store_in_database, b"".join(chunks))
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


_floor_conn: list[psycopg.Connection] = []  # one connection: the floor's client sends one body at a time


def _store_in_database(data: bytes) -> None:
    """The body as rows of at most 1 MiB in a fresh database's `media_chunks` (the server's own table: bytea
    stored uncompressed out of line), one INSERT and one COMMIT (`synchronous_commit=on`, a WAL flush): what
    PostgreSQL itself takes to keep the bytes, with nothing of Rundun's bookkeeping around it."""
    if not _floor_conn:
        _floor_conn.append(psycopg.connect(os.environ[FLOOR_DATABASE], autocommit=True))
    conn = _floor_conn[0]
    owner = f"{os.getpid()}-{time.monotonic_ns()}"
    pieces = [data[start : start + CHUNK_BYTES] for start in range(0, len(data), CHUNK_BYTES)]
    params: list = []
    for index, piece in enumerate(pieces):
        params += [owner, index * CHUNK_BYTES, piece]
    rows = ", ".join("(%s, %s, %b)" for _ in pieces)
    with conn.transaction():
        conn.execute(f"INSERT INTO media_chunks (owner, start, data) VALUES {rows}", params)


def _write_durably(data: bytes) -> None:
    folder = Path(tempfile.gettempdir()) / "rundun-bench-durable"
    folder.mkdir(exist_ok=True)
    path = folder / f"{os.getpid()}-{time.monotonic_ns()}"
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    path.unlink()


def start_trivial(port: int, env: dict[str, str]) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.executor_sync:trivial_app",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    for _ in range(200):
        try:
            httpx.post(f"http://127.0.0.1:{port}/", content=b"x", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("the trivial app did not start")


def template(answers: int, photos: int) -> dict:
    sections = []
    for n in range(0, answers, 500):
        steps = [
            {"id": f"s-{i}", "type": "number", "label": f"Reading {i}"}
            for i in range(n, min(n + 500, answers))
        ]
        sections.append({"id": f"g-{n}", "title": f"Readings {n}", "steps": steps})
    if photos:
        steps = [
            {"id": f"s-p{i}", "type": "photo", "label": f"Photo {i}", "config": {"min": 1, "max": 1}}
            for i in range(photos)
        ]
        sections.append({"id": "g-photos", "title": "Photos", "steps": steps})
    return {"name": "Bench", "sections": sections}


class Bench:
    def __init__(self, server: ServerProcess, key: str, work: Path):
        self.server, self.work = server, work
        self.http = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60)

    def open(self, answers: int, photos: int) -> tuple[Path, str]:
        tid = self.http.post("/v1/templates", json=template(answers, photos)).json()["id"]
        link = self.http.post("/v1/runs", json={"template_id": tid}).json()["link"]
        root = Path(tempfile.mkdtemp(dir=self.work))
        return root, asyncio.run(open_into(root, link))

    def token(self, run_id: str) -> str:
        root = next(
            p
            for p in self.work.iterdir()
            if p.is_dir() and (p / st.DB_NAME).exists() and st.LocalStore(p).has_run(run_id)
        )
        store = st.LocalStore(root)
        try:
            return store.run(run_id)["token"]
        finally:
            store.close()

    def backlog(self, root: Path, run_id: str, answers: int, photo_files: list[Path]) -> None:
        store = st.LocalStore(root)
        for i in range(answers):
            store.set_answer(run_id, f"s-{i}", i)
        for i, path in enumerate(photo_files):
            store.add_photo(run_id, f"s-p{i}", st.write_photo_file(root, path))
        store.close()


def cpu_seconds(pid: int | None = None) -> float:
    """The CPU time (user + system, every thread) this process, or process `pid`, has used (Linux `/proc`): a
    figure the machine's load hardly moves, where the wall-clock ratio swings with it."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def pair_cpu(server_pid: Callable[[], int]) -> Callable[[], tuple[float, float]]:
    """The CPU seconds so far of this process (the client) and of the server's, whose pid `server_pid()` tells
    when asked (a restarted server is another process)."""
    return lambda: (cpu_seconds(), cpu_seconds(server_pid()))


def cpu_spent(cpu: Callable[[], tuple[float, float]], before: tuple[float, float]) -> tuple[float, float]:
    return tuple(now - then for now, then in zip(cpu(), before, strict=True))  # type: ignore[return-value]


async def drain(
    root: Path,
    config: SyncConfig,
    before_wake=None,
    cpu: Callable[[], tuple[float, float]] | None = None,
    spent=None,
) -> tuple[float, float, int]:
    """(seconds from wake to empty outbox, worst loop lag in ms, requests). With `cpu` (the CPU seconds so far
    of the client's process and of the server's: `pair_cpu`), what the drain took of each is appended to the
    list `spent`. `before_wake(engine)` starts the engine itself, once its server is unreachable: the whole
    backlog must still wait when the clock starts (checked), or the drain is timed on part of it."""
    engine = SyncEngine(root, config=config)
    waiting = _waiting_ops(root)
    lag = 0.0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal lag
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            due = loop.time() + 0.005
            await asyncio.sleep(0.005)
            lag = max(lag, loop.time() - due)

    if before_wake is not None:
        await before_wake(engine)
        assert _waiting_ops(root) == waiting, "the engine sent part of the backlog before the clock started"
    tick = asyncio.ensure_future(ticker())
    cpu_before = cpu() if cpu is not None else (0.0, 0.0)
    started = time.perf_counter()
    if before_wake is None:
        engine.start()
    else:
        engine.wake(now=True)
    assert await engine.drain(600), engine.status
    seconds = time.perf_counter() - started
    if cpu is not None:
        spent.append(cpu_spent(cpu, cpu_before))
    stop.set()
    await tick
    await engine.stop()
    return seconds, lag * 1000, engine.sent_requests


def _waiting_ops(root: Path) -> int:
    store = st.LocalStore(root)
    try:
        return len(store.ops())
    finally:
        store.close()


def sync_ops(answers: int) -> list[dict]:
    """`/sync` ops answering s-0 … s-{answers-1}, as the engine sends them."""
    ops = [
        {"step_id": f"s-{i}", "value": i, "geo": None, "at": st.now_iso(), "skipped": False}
        for i in range(answers)
    ]
    return [{"op_id": f"op_{i:032x}", **op} for i, op in enumerate(ops)]


async def baseline(
    url: str,
    answers: int,
    photo_files: list[Path],
    cpu: Callable[[], tuple[float, float]] | None = None,
    spent=None,
) -> float:
    """The same bytes, POSTed one after another with plain httpx to the trivial endpoint (`cpu`, `spent`: as
    for `drain`)."""
    ops = sync_ops(answers)
    datas = [await asyncio.to_thread(p.read_bytes) for p in photo_files]
    async with httpx.AsyncClient(timeout=60) as http:
        cpu_before = cpu() if cpu is not None else (0.0, 0.0)
        started = time.perf_counter()
        for n in range(0, answers, 250):
            (await http.post(url, json={"ops": ops[n : n + 250]})).raise_for_status()
        for data in datas:
            (await http.post(url, content=data)).raise_for_status()
        seconds = time.perf_counter() - started
        if cpu is not None:
            spent.append(cpu_spent(cpu, cpu_before))
        return seconds


async def same_calls(
    server_url: str, token: str, run_id: str, answers: int, photo_files: list[Path], config: SyncConfig
) -> float:
    """The requests the engine makes (`/sync` batches; per photo a tus creation carrying the first chunk and
    the file's sha256, then PATCHes for the rest; `photo_concurrency` lanes; each with the `Rundun-Device`
    header saying what is still to send, new on every request, as the engine's does), by a bare httpx loop
    with no store: what the engine itself adds over the server's own cost."""
    auth = {"Authorization": f"Bearer {token}"}
    tus = {**auth, "Tus-Resumable": "1.0.0", "Content-Type": "application/offset+octet-stream"}
    base = f"{server_url}/v1/runs/{run_id}"
    ops = sync_ops(answers)
    datas = [await asyncio.to_thread(p.read_bytes) for p in photo_files]
    shas = [hashlib.sha256(data).hexdigest() for data in datas]  # the engine has them from the store

    def device(answers_left: int, photos_from: int) -> dict[str, str]:
        left = datas[photos_from:]
        return {DEVICE_HEADER: format_device(answers_left + len(left), sum(map(len, left)), 0, "bench/1")}

    async with httpx.AsyncClient(timeout=60) as http:

        async def upload(index: int, data: bytes) -> None:
            sha256 = shas[index]
            meta = tus_metadata({"step_id": f"s-p{index}", "photo_index": "0", "sha256": sha256})
            headers = {**tus, **device(0, index), "Upload-Length": str(len(data)), "Upload-Metadata": meta}
            r = await http.post(f"{base}/uploads/", content=data[: config.chunk_size], headers=headers)
            assert "Location" in r.headers, (r.status_code, r.text)
            url, offset = f"{server_url}{r.headers['Location']}", int(r.headers["Upload-Offset"])
            while offset < len(data):
                chunk = data[offset : offset + config.chunk_size]
                r = await http.patch(url, content=chunk, headers={**tus, "Upload-Offset": str(offset)})
                offset = int(r.headers["Upload-Offset"])

        waiting = iter(range(len(datas)))

        async def lane() -> None:
            for i in waiting:
                await upload(i, datas[i])

        started = time.perf_counter()
        for n in range(0, answers, config.batch_size):
            batch = {"ops": ops[n : n + config.batch_size]}
            headers = {**auth, **device(answers - n, 0)}
            (await http.post(f"{base}/sync", json=batch, headers=headers)).raise_for_status()
        await asyncio.gather(*(lane() for _ in range(config.photo_concurrency)))
        return time.perf_counter() - started


def new_photos(paths: list[Path], size: int) -> None:
    """Photos never sent before (random bytes behind a JPEG signature), written afresh for every drain: a
    backlog's photos are new to the server, and a photo it holds already (the same SHA-256) takes a shorter
    path (nothing to promote), which rounds reusing the same bytes measured from their second drain on."""
    for path in paths:
        path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(size - 4))


def wal_position(cluster) -> int:
    """The cluster's WAL insert position in bytes (0 without a cluster): the difference over a drain is what
    the database wrote, photos and rows, whatever the machine's load."""
    if cluster is None:
        return 0
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        row = conn.execute("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')").fetchone()
    return int(row[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--photos", type=int, default=50)
    parser.add_argument("--photo-mb", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--chunk-mb", type=float, default=SyncConfig.chunk_size / 2**20, help="tus PATCH size"
    )
    parser.add_argument(
        "--concurrency", type=int, default=SyncConfig.photo_concurrency, help="photos at once"
    )
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--media",
        choices=["files", "postgresql"],
        help="RUNDUN_MEDIA_STORE (default: the server's, files on SQLite, postgresql on PostgreSQL)",
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="time the engine against the server as it restarted (no warm-up request first)",
    )
    args = parser.parse_args()
    config = SyncConfig(chunk_size=int(args.chunk_mb * 2**20), photo_concurrency=args.concurrency)
    # The timed engine is woken when the server is back, as the app wakes it when its connection returns; its
    # own probe (every 2 s while unreachable) would otherwise find the server back during a slow restart and
    # drain before the clock starts.
    woken = dataclasses.replace(config, probe_interval=3600.0)
    work = Path(tempfile.mkdtemp(prefix="rundun-sync-bench-"))
    env = {"RUNDUN_RATE_LIMIT": "100000000"}
    (work / "server").mkdir()
    cluster = None
    if args.database == "postgresql":
        from tests.support.postgres import start_cluster

        cluster = start_cluster(durable=True)
        env["RUNDUN_DATABASE_URL"] = cluster.new_database()
    if args.media:
        env["RUNDUN_MEDIA_STORE"] = args.media
    # Photos kept in the database (PostgreSQL's default media store): the floor that keeps the bytes the
    # same way, in the same cluster, is timed beside the file floor, and the target is set against it.
    in_database = cluster is not None and (args.media or "postgresql") == "postgresql"
    floor_env = {FLOOR_DATABASE: cluster.new_database()} if in_database else {}
    try:
        key = init_org(work / "server", env=env)
        server = ServerProcess(work / "server", env=env).start()
    except BaseException:
        if cluster is not None:
            cluster.stop()
        raise
    port = free_port()
    trivial = start_trivial(port, floor_env)
    bench = Bench(server, key, work)
    size = int(args.photo_mb * 1024 * 1024)
    photo_files = [work / f"photo{i}.jpg" for i in range(args.photos)]
    warm_photos = [work / f"warm{i}.jpg" for i in range(config.photo_concurrency)]
    results: dict[str, list[float]] = {
        "engine": [],
        "baseline": [],
        "durable": [],
        "durable_database": [],
        "same_calls": [],
        "lag": [],
        "thousand": [],
        "requests": [],
        "wal_mb": [],
        "engine_cpu": [],
        "durable_cpu": [],
    }
    cpu_pairs: dict[str, list[tuple[float, float]]] = {"engine": [], "durable": []}  # (client, server)
    load_before = os.getloadavg()[0]
    # As the app once its window is up (`settle_after_start`): what start-up built is frozen out of the
    # collector's sight. Else a full collection of this process's start-up heap (PySide6, the server's
    # modules for the bench's helpers) lands in some round's drain: 20–45 ms the ticker saw as lag.
    settle_after_start()
    try:
        for round_no in range(args.rounds):
            new_photos(photo_files, size)
            root, run_id = bench.open(args.answers, args.photos)
            bench.backlog(root, run_id, args.answers, photo_files)
            _, other_run = bench.open(1, len(warm_photos))
            other_token = bench.token(other_run)
            new_photos(warm_photos, 64 * 1024)

            async def offline_then_back(
                engine: SyncEngine, other_run: str = other_run, other_token: str = other_token
            ) -> None:
                # Down before the engine starts: started while the server was up, it sent the first /sync batch
                # and three photos before the server stopped, and the clock then timed the rest alone.
                await asyncio.to_thread(server.stop)
                engine.start()  # it finds the server unreachable
                while engine.status.online is not False:
                    await asyncio.sleep(0.05)
                await asyncio.to_thread(server.start)  # back, on the same port
                if not args.cold:  # as warm as the server the floor and the bare loop are timed against
                    await same_calls(server.url, other_token, other_run, 1, warm_photos, config)

            def engine_drain(root: Path = root, offline_then_back=offline_then_back) -> None:
                wal_before = wal_position(cluster)
                seconds, lag, requests = asyncio.run(
                    drain(
                        root,
                        woken,
                        offline_then_back,
                        pair_cpu(lambda: server.proc.pid),
                        cpu_pairs["engine"],
                    )
                )
                if cluster is not None:
                    results["wal_mb"].append((wal_position(cluster) - wal_before) / 2**20)
                results["engine"].append(seconds)
                results["lag"].append(lag)
                results["requests"].append(requests)

            def floors() -> None:
                url = f"http://127.0.0.1:{port}"
                results["baseline"].append(asyncio.run(baseline(f"{url}/", args.answers, photo_files)))
                durable_cpu = pair_cpu(lambda: trivial.pid)
                results["durable"].append(
                    asyncio.run(
                        baseline(
                            f"{url}/durable", args.answers, photo_files, durable_cpu, cpu_pairs["durable"]
                        )
                    )
                )
                if in_database:
                    results["durable_database"].append(
                        asyncio.run(baseline(f"{url}/durable-database", args.answers, photo_files))
                    )

            # Every other round the floors go first: what one side leaves behind (the server frees a drain's
            # pages of photos at once, and this VM hands freed memory back to its host) falls on each side
            # in turn, not always on the floor.
            for measure in (engine_drain, floors) if round_no % 2 == 0 else (floors, engine_drain):
                measure()
            _, run_id = bench.open(args.answers, args.photos)
            token = bench.token(run_id)
            new_photos(photo_files, size)
            results["same_calls"].append(
                asyncio.run(same_calls(server.url, token, run_id, args.answers, photo_files, config))
            )
            root, run_id = bench.open(1000, 0)
            bench.backlog(root, run_id, 1000, [])
            results["thousand"].append(asyncio.run(drain(root, config))[0])
    finally:
        server.stop()
        trivial.terminate()
        trivial.wait()
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    for side, pairs in cpu_pairs.items():
        results[f"{side}_cpu"] = [sum(pair) for pair in pairs]
    med = {k: statistics.median(v) for k, v in results.items() if v}
    engine_client, engine_server, floor_client, floor_endpoint = (
        statistics.median(pair[i] for pair in cpu_pairs[side])
        for side, i in (("engine", 0), ("engine", 1), ("durable", 0), ("durable", 1))
    )
    total_mb = args.photos * args.photo_mb
    print(
        f"backlog: {args.answers} answers + {args.photos} photos × {args.photo_mb:g} MB ({total_mb:g} MB), "
        f"{args.rounds} rounds, medians; tus chunks of {args.chunk_mb:g} MB, {args.concurrency} photos at once; "
        f"server on {args.database}, media store {args.media or 'default'}; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    print(
        f"  engine, from wake to empty outbox   {med['engine']:.2f} s  ({total_mb / med['engine']:.0f} MB/s, "
        f"{med['requests']:.0f} operations sent)"
    )
    print(f"  plain httpx to a trivial endpoint   {med['baseline']:.2f} s")
    print(
        f"  ratio                               {med['engine'] / med['baseline']:.2f}   (a server that fsyncs cannot reach this one)"
    )
    target = f"(target ≤ {1.3 if args.database == 'sqlite' else 1.6})"
    beside_the_files = "(photos in the database: see the next line)" if in_database else target
    for key, words, said_after in (
        ("durable", "plain httpx, endpoint that fsyncs   ", beside_the_files),
        ("durable_database", "plain httpx, endpoint to PostgreSQL ", target),
    ):
        if not results[key]:
            continue
        per_round = [e / d for e, d in zip(results["engine"], results[key], strict=True)]
        print(
            f"  {words}{med[key]:.2f} s  → ratio {med['engine'] / med[key]:.2f}; "
            f"median of the rounds' ratios {statistics.median(per_round):.2f} "
            f"{said_after}"
        )
    print(
        f"  the engine's requests, bare httpx   {med['same_calls']:.2f} s  → ratio "
        f"{med['engine'] / med['same_calls']:.2f} (what the engine adds to the server's own cost)"
    )
    print(
        f"  CPU a drain, every process          engine and server {med['engine_cpu']:.2f} s, the floor's client "
        f"and endpoint {med['durable_cpu']:.2f} s → {med['engine_cpu'] / med['durable_cpu']:.2f}× "
        f"(on {os.cpu_count()} cores: what a busy machine takes away first; the load hardly moves it)"
    )
    print(
        f"    of which                          engine {engine_client:.2f} s + server {engine_server:.2f} s; "
        f"floor's client {floor_client:.2f} s + endpoint {floor_endpoint:.2f} s"
    )
    if results["wal_mb"]:
        print(
            f"  PostgreSQL WAL written by the drain {med['wal_mb']:.0f} MB for {total_mb:g} MB of photos "
            "(bytes the database wrote: a load-independent count)"
        )
    print(f"  worst event-loop lag during sync    {max(results['lag']):.1f} ms (target ≤ 50)")
    print(f"1,000 queued answers synced in        {med['thousand']:.2f} s  (target ≤ 2 s)")
    print("rounds:", {k: [round(x, 2) for x in v] for k, v in results.items()})


if __name__ == "__main__":
    main()
