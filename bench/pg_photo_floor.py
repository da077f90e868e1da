"""What PostgreSQL itself takes to keep a photo, without the Rundun server: the floor under the media store
that keeps photos in the database (the default with PostgreSQL, server/media/chunks.py).

    .venv/bin/python bench/pg_photo_floor.py [--photos 50] [--photo-mb 2] [--rounds 5]

On a throwaway cluster with fsync on (tests/support/postgres.py, as bench/executor_sync.py starts it), each
photo's bytes are written, in the same run and on the same disk:
- to a file, fsynced (the durable floor of bench/executor_sync.py, without its HTTP);
- by psycopg as `server.store.media_chunks` stores them: rows of 1 MiB in `media_chunks` (bytea stored
  uncompressed out of line), one INSERT and one COMMIT a photo;
- the same in one row a photo, and with `synchronous_commit=off` (the WAL not flushed at commit: what the
  database spends before its flush).

The ratio database ÷ file is the least the in-database store adds to a photo however the server is written:
issue 16's target for PostgreSQL (engine ÷ durable floor ≤ 1.6, where the floor includes sending the bytes
over HTTP) is out of its reach when this ratio is well above it. Medians of the rounds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.store.media_chunks import CHUNK_BYTES
from tests.support.postgres import start_cluster


def to_files(photos: list[bytes], folder: Path) -> float:
    started = time.perf_counter()
    for n, data in enumerate(photos):
        path = folder / f"photo-{n}"
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    elapsed = time.perf_counter() - started
    for n in range(len(photos)):
        (folder / f"photo-{n}").unlink()
    return elapsed


def to_database(url: str, photos: list[bytes], rows: Callable[[bytes], list[bytes]], session: str) -> float:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(session)
        conn.execute("TRUNCATE floor_chunks")
        started = time.perf_counter()
        for n, data in enumerate(photos):
            pieces = rows(data)
            values = ", ".join("(%s, %s, %b)" for _ in pieces)
            params: list = []
            start = 0
            for piece in pieces:
                params += [f"photo-{n}", start, piece]
                start += len(piece)
            conn.execute("BEGIN")
            conn.execute(f"INSERT INTO floor_chunks (owner, start, data) VALUES {values}", params)
            conn.execute("COMMIT")
        return time.perf_counter() - started


def in_chunks(data: bytes) -> list[bytes]:
    return [data[i : i + CHUNK_BYTES] for i in range(0, len(data), CHUNK_BYTES)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=50)
    parser.add_argument("--photo-mb", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    size = int(args.photo_mb * 2**20)
    cluster = start_cluster(durable=True)
    folder = Path(tempfile.mkdtemp(prefix="rundun-pg-floor-"))
    results: dict[str, list[float]] = {"file": [], "chunks": [], "one_row": [], "chunks_no_flush": []}
    try:
        url = cluster.new_database()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE floor_chunks (owner TEXT, start BIGINT, data BYTEA, PRIMARY KEY (owner, start))"
            )
            conn.execute("ALTER TABLE floor_chunks ALTER COLUMN data SET STORAGE EXTERNAL")
        for _ in range(args.rounds):
            photos = [os.urandom(size) for _ in range(args.photos)]
            results["file"].append(to_files(photos, folder))
            results["chunks"].append(to_database(url, photos, in_chunks, "SET synchronous_commit = on"))
            results["one_row"].append(to_database(url, photos, lambda d: [d], "SET synchronous_commit = on"))
            results["chunks_no_flush"].append(
                to_database(url, photos, in_chunks, "SET synchronous_commit = off")
            )
    finally:
        cluster.stop()
        folder.rmdir()
    med = {k: statistics.median(v) for k, v in results.items()}
    per_photo = {k: v / args.photos * 1000 for k, v in med.items()}
    print(
        f"{args.photos} photos × {args.photo_mb:g} MB, {args.rounds} rounds, medians "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    print(f"  {'file, write + fsync':<38}{med['file']:.2f} s  ({per_photo['file']:.1f} ms a photo)")
    for key, words in (
        ("chunks", "PostgreSQL, 1 MiB rows + COMMIT"),
        ("one_row", "PostgreSQL, one row + COMMIT"),
        ("chunks_no_flush", "PostgreSQL, 1 MiB rows, no WAL flush"),
    ):
        print(
            f"  {words:<38}{med[key]:.2f} s  ({per_photo[key]:.1f} ms a photo) → "
            f"{med[key] / med['file']:.1f}× the file"
        )
    print("rounds:", {k: [round(x, 3) for x in v] for k, v in results.items()})


if __name__ == "__main__":
    main()
