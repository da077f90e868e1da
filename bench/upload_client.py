"""The photo uploads' own client against httpx: the client's CPU to send photos (issue 16).

    .venv/bin/python bench/upload_client.py [--photos 50] [--photo-mb 2] [--rounds 6] [--lanes 3]

Each round POSTs the same `--photos` files, `--lanes` at once over kept-alive connections, to a trivial
endpoint on loopback (bench/executor_sync.py's: it reads the body and answers 204, in a process of its own),
twice: with httpx as the engine sent them before (each photo read into memory on a worker thread, then sent),
and with `rundun_desktop.executor.upload_client` as it sends them now (a region of the photo's file, sendfile(2)
over plain TCP). Printed: the CPU time this process used for each (user + system, every thread), their medians
and the ratio, the client's own cost; the order alternates between rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.executor_sync import start_trivial
from rundun_desktop.executor.protocol import new_http, new_uploads
from server.http1 import FileRegion
from tests.support.server_process import free_port

HEADERS = {"Content-Type": "application/offset+octet-stream"}


def cpu_seconds() -> float:
    """This process's CPU time, every thread, to the microsecond (`os.times` counts 10 ms ticks)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def in_lanes(paths: list[Path], lanes: int, send) -> None:
    waiting = iter(paths)

    async def lane() -> None:
        for path in waiting:
            await send(path)

    await asyncio.gather(*(lane() for _ in range(lanes)))


async def with_httpx(url: str, paths: list[Path], lanes: int) -> None:
    async with new_http() as http:

        async def send(path: Path) -> None:
            data = await asyncio.to_thread(path.read_bytes)
            (await http.post(url, content=data, headers=HEADERS)).raise_for_status()

        await in_lanes(paths, lanes, send)


async def with_upload_client(url: str, paths: list[Path], lanes: int) -> None:
    uploads = new_uploads()

    async def send(path: Path) -> None:
        f = await asyncio.to_thread(open, path, "rb")  # as the engine opens it, off the loop
        try:
            region = FileRegion(f, 0, os.fstat(f.fileno()).st_size)
            response = await uploads.send("POST", url, dict(HEADERS), region)
        finally:
            f.close()
        assert response.status == 204, response

    try:
        await in_lanes(paths, lanes, send)
    finally:
        uploads.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=50)
    parser.add_argument("--photo-mb", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--lanes", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    endpoint = start_trivial(port, {})
    url = f"http://127.0.0.1:{port}/"
    clients = {"httpx": with_httpx, "upload client": with_upload_client}
    cpu: dict[str, list[float]] = {name: [] for name in clients}
    wall: dict[str, list[float]] = {name: [] for name in clients}
    with tempfile.TemporaryDirectory(prefix="rundun-upload-bench-") as folder:
        paths = [Path(folder) / f"p{i}.jpg" for i in range(args.photos)]
        for path in paths:
            path.write_bytes(os.urandom(int(args.photo_mb * 2**20)))
        try:
            for n in range(args.rounds):
                order = list(clients) if n % 2 == 0 else list(reversed(clients))
                for name in order:
                    before, started = cpu_seconds(), time.perf_counter()
                    asyncio.run(clients[name](url, paths, args.lanes))
                    cpu[name].append(cpu_seconds() - before)
                    wall[name].append(time.perf_counter() - started)
        finally:
            endpoint.terminate()
            endpoint.wait()
    print(
        f"{args.photos} photos × {args.photo_mb:g} MB, {args.lanes} at once, {args.rounds} rounds; "
        "the client's CPU (this process, every thread), medians"
    )
    for name in clients:
        per_photo = statistics.median(cpu[name]) / args.photos * 1000
        print(
            f"  {name:<14} CPU {statistics.median(cpu[name]):.3f} s ({per_photo:.2f} ms a photo), "
            f"wall {statistics.median(wall[name]):.3f} s"
        )
    ratios = [new / old for new, old in zip(cpu["upload client"], cpu["httpx"], strict=True)]
    print(f"  upload client ÷ httpx, CPU: {statistics.median(ratios):.2f} (median of the rounds' ratios)")
    rounded = {name: [round(c, 3) for c in cpu[name]] for name in clients}
    print(f"rounds, CPU s: {rounded}")


if __name__ == "__main__":
    main()
