"""Photos through each media store (issue 15): tus uploads and downloads against the real server process.

    .venv/bin/python bench/media_stores.py [--photos 40] [--photo-mb 2] [--rounds 5]

For each configuration, in the same run and on the same loopback: `--photos` photos of `--photo-mb` MB are
created and sent by tus, one PATCH each, three at a time (as the runners send them), then each is downloaded
through its signed URL. Configurations: SQLite with files in the data dir (the default, the baseline of
every ratio), PostgreSQL with its chunks (PostgreSQL's default; a throwaway cluster with fsync on), and
PostgreSQL with S3 (moto's server mode on loopback: a stand-in for a real S3, whose own speed this measures
as much as ours). Each round measures every configuration back to back, so a burst of load on a shared
machine hits them all; the medians of the rounds' ratios are printed, and every round's figures.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.executor import every_type
from tests.support.server_process import ServerProcess, init_org

TUS = {"Tus-Resumable": "1.0.0"}


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


async def one_round(url: str, key: str, photos: list[bytes]) -> tuple[float, float]:
    """Seconds to upload every photo (tus, three at a time), then to download them all."""
    auth = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(timeout=120) as http:
        tid = (await http.post(f"{url}/v1/templates", json=every_type(), headers=auth)).json()["id"]
        runs = []
        for _ in photos:
            run_id = (await http.post(f"{url}/v1/runs", json={"template_id": tid}, headers=auth)).json()[
                "run_id"
            ]
            token = (await http.post(f"{url}/v1/runs/{run_id}/open", json={})).json()["executor_token"]
            runs.append((run_id, token))
        gate = asyncio.Semaphore(3)

        async def send(run_id: str, token: str, data: bytes) -> None:
            async with gate:
                who = {**TUS, "Authorization": f"Bearer {token}"}
                meta = f"step_id {b64('s-photo')},photo_index {b64('0')}"
                made = await http.post(
                    f"{url}/v1/runs/{run_id}/uploads/",
                    headers={**who, "Upload-Length": str(len(data)), "Upload-Metadata": meta},
                )
                done = await http.patch(
                    f"{url}{made.headers['Location']}",
                    content=data,
                    headers={**who, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"},
                )
                assert done.status_code == 204, done.text

        started = time.perf_counter()
        await asyncio.gather(*(send(r, t, d) for (r, t), d in zip(runs, photos, strict=True)))
        uploaded = time.perf_counter() - started
        links = []
        for run_id, _ in runs:
            doc = (await http.get(f"{url}/v1/runs/{run_id}", headers=auth)).json()
            links.append(urlsplit(doc["answers"]["s-photo"]["photos"][0]["url"]))
        started = time.perf_counter()
        for link, data in zip(links, photos, strict=True):
            got = await http.get(f"{url}{link.path}?{link.query}")
            assert got.content == data
        return uploaded, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--photo-mb", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--before",
        type=Path,
        help="a checkout of older code (e.g. `git archive dd498b4`): its server, SQLite with files, measured too",
    )
    args = parser.parse_args()
    from tests.support.postgres import start_cluster
    from tests.support.s3 import S3Server

    cluster = start_cluster(durable=True)
    s3 = S3Server().start()
    servers: dict[str, tuple[ServerProcess, str]] = {}
    try:
        home = Path(tempfile.mkdtemp(prefix="rundun-media-bench-"))
        bucket = s3.new_bucket("bench-" + secrets.token_hex(4))
        configs: dict[str, dict[str, str]] = {"sqlite + files": {}}
        if args.before:  # the same configuration served by the older code, for an A/B in the same rounds
            configs["before: sqlite + files"] = {"PYTHONPATH": str(args.before.resolve())}
        configs |= {
            "postgresql + chunks": {"RUNDUN_DATABASE_URL": cluster.new_database()},
            "postgresql + s3": {
                "RUNDUN_DATABASE_URL": cluster.new_database(),
                "RUNDUN_MEDIA_STORE": f"s3://{bucket}/bench",
                **s3.env(),
            },
        }
        for name, env in configs.items():
            data_dir = home / name.replace(" ", "")
            data_dir.mkdir()
            env = {"RUNDUN_RATE_LIMIT": "1000000", **env}
            key = init_org(data_dir, env=env)
            servers[name] = (ServerProcess(data_dir, env=env).start(), key)
        size = int(args.photo_mb * 2**20)
        figures: dict[str, dict[str, list[float]]] = {n: {"up": [], "down": []} for n in configs}
        for _ in range(args.rounds):
            photos = [b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(size) for _ in range(args.photos)]
            for name, (server, key) in servers.items():
                up, down = asyncio.run(one_round(server.url, key, photos))
                figures[name]["up"].append(up)
                figures[name]["down"].append(down)
        total_mb = args.photos * args.photo_mb
        print(
            f"{args.photos} photos × {args.photo_mb} MB, {args.rounds} rounds, medians; one PATCH per photo, 3 at once"
        )
        base = figures["sqlite + files"]
        for name, got in figures.items():
            up_ratio = statistics.median(u / b for u, b in zip(got["up"], base["up"], strict=True))
            down_ratio = statistics.median(d / b for d, b in zip(got["down"], base["down"], strict=True))
            print(
                f"  {name:<20} upload {total_mb / statistics.median(got['up']):6.1f} MB/s (time ×{up_ratio:.2f})"
                f"   download {total_mb / statistics.median(got['down']):6.1f} MB/s (time ×{down_ratio:.2f})"
            )
        print(
            "rounds:", {n: {k: [round(v, 2) for v in vs] for k, vs in f.items()} for n, f in figures.items()}
        )
        print("load:", os.getloadavg())
    finally:
        for server, _ in servers.values():
            server.stop()
        s3.stop()
        cluster.stop()


if __name__ == "__main__":
    main()
