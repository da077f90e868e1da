"""Backup time and size against the obvious baseline, and what a backup does to dispatch latency.

    .venv/bin/python bench/backup.py [--runs 100000] [--photos 1000] [--photo-kb 200] [--seconds 20]
                                     [--repeat 5] [--engines sqlite,postgresql] [--skip-p99]

On one seeded data dir (runs from bench/desktop_seed.py, plus answers and photos added here):
- SQLite: baseline `sqlite3 rundun.db ".backup copy.db"` then `tar -cf` of the copy and media/ (what an
  operator would script by hand); ours: `rundun-server backup` (plain and with a passphrase).
- PostgreSQL: the same rows copied into a throwaway cluster (fsync on); baseline `pg_dump --format=custom`
  then `tar -cf` of the dump and media/; ours: `rundun-server backup --database-url` (plain, passphrase).
- Rounds are interleaved (baseline, plain, encrypted, again): the headline is the MEDIAN over rounds of
  ours ÷ that round's baseline (target ≤ 1.5×), with median ÷ median and best ÷ best beside it.
- a real server on the SQLite dir under a steady dispatch load (wrk), p99 without and during a backup.
The machine is shared and noisy: read the medians, and the load average printed with them.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.desktop_seed import seeded_dir
from bench.server_throughput import wrk
from tests.support.server_process import SERVER_BIN, ServerProcess

NOW = "2026-05-22T08:31:00Z"


def add_answers_and_photos(data_dir: Path, photos: int, photo_kb: int) -> None:
    """Five answers per run and `photos` photo files (content-addressed blobs) on the first runs."""
    marker = data_dir / f".answers-photos-{photos}-{photo_kb}"
    if marker.exists():
        return
    conn = sqlite3.connect(data_dir / "rundun.db", isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    run_ids = [row[0] for row in conn.execute("SELECT id FROM runs ORDER BY rowid")]
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT OR IGNORE INTO answers (run_id, step_id, value, at) VALUES (?, ?, ?, ?)",
        ((run_id, f"s-{i}", f'"answer {i} of {run_id[-6:]}"', NOW) for run_id in run_ids for i in range(5)),
    )
    rng = random.Random(7)
    for index in range(photos):
        data = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + rng.randbytes(photo_kb * 1024)
        sha = hashlib.sha256(data).hexdigest()
        blob = data_dir / "media" / sha[:2] / sha
        blob.parent.mkdir(parents=True, exist_ok=True)
        blob.write_bytes(data)
        conn.execute(
            "INSERT OR IGNORE INTO photos (run_id, step_id, photo_index, sha256, bytes, content_type, created_at) "
            "VALUES (?, 's-photo', 0, ?, ?, 'image/jpeg', ?)",
            (run_ids[index], sha, len(data), NOW),
        )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    marker.touch()


def timed(args: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - started


def baseline(data_dir: Path, out: Path) -> tuple[float, int]:
    """`sqlite3 .backup` + `tar` of the copy and the media, as one timed job."""
    started = time.perf_counter()
    copy = out / "copy.db"
    subprocess.run(["sqlite3", str(data_dir / "rundun.db"), f".backup '{copy}'"], check=True)
    tar = out / "baseline.tar"
    subprocess.run(
        ["tar", "-cf", str(tar), "-C", str(out), "copy.db", "-C", str(data_dir), "media"], check=True
    )
    return time.perf_counter() - started, tar.stat().st_size


def ours(
    data_dir: Path, out: Path, passphrase: Path | None, database_url: str | None = None
) -> tuple[float, int]:
    archive = out / ("ours-encrypted.rdbk" if passphrase else "ours.rdbk")
    args = [*SERVER_BIN, "backup", "--data-dir", str(data_dir), "--to", str(archive)]
    if passphrase:
        args += ["--passphrase-file", str(passphrase)]
    if database_url:
        args += ["--database-url", database_url]
    # The seeded photos are files in media/ (as the baseline's tar reads them): the `files` media store,
    # which PostgreSQL would otherwise not use by default.
    return timed(args, env={**os.environ, "RUNDUN_MEDIA_STORE": "files"}), archive.stat().st_size


def pg_baseline(data_dir: Path, out: Path, url: str) -> tuple[float, int]:
    """`pg_dump --format=custom` + `tar` of the dump and the media, as one timed job (password in the env)."""
    from server.backup.pgtools import connection, find_tool
    from server.store.snapshot import postgres_server_version

    pg_dump = find_tool("pg_dump", postgres_server_version(url))
    conninfo, env = connection(url)
    started = time.perf_counter()
    dump = out / "copy.pgdump"
    subprocess.run(
        [pg_dump, "--format=custom", f"--file={dump}", f"--dbname={conninfo}"], check=True, env=env
    )
    tar = out / "baseline.tar"
    subprocess.run(
        ["tar", "-cf", str(tar), "-C", str(out), "copy.pgdump", "-C", str(data_dir), "media"], check=True
    )
    return time.perf_counter() - started, tar.stat().st_size


def copy_into_postgres(db_path: Path, url: str) -> None:
    """Every row of the SQLite database into the (migrated, empty) PostgreSQL one, with COPY; triggers and
    foreign keys off meanwhile (the rollup tables are copied as they are)."""
    import psycopg

    lite = sqlite3.connect(db_path)
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute("SET session_replication_role = replica")
        tables = [
            row[0]
            for row in lite.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            if row[0] != "migrations"
        ]
        with_identity: list[str] = []
        for table in tables:
            pg_columns = {
                row[0]
                for row in pg.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,)
                )
            }
            if not pg_columns:
                continue
            lite_columns = [row[1] for row in lite.execute(f"PRAGMA table_info({table})")]
            columns = [c for c in lite_columns if c in pg_columns]
            with_rowid = "rowid" in pg_columns and "rowid" not in columns
            if "rowid" in pg_columns:
                with_identity.append(table)
            select = ", ".join((["rowid"] if with_rowid else []) + columns)
            names = ", ".join((["rowid"] if with_rowid else []) + columns)
            with pg.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in lite.execute(f"SELECT {select} FROM {table}"):
                    copy.write_row(row)
        for table in with_identity:  # identity columns continue after the copied rowids
            pg.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'rowid'), coalesce(max(rowid), 1)) FROM {table}"
            )
        pg.execute("ANALYZE")
    lite.close()


def ratios(rows: list[tuple[str, float, int]], base_name: str, names: tuple[str, ...]) -> None:
    """Per round ours ÷ that round's baseline: the median (the headline), and median ÷ median, best ÷ best."""
    base = [t for name, t, _ in rows if name == base_name]
    print(f"{'':<34}{'seconds':>9}{'MB':>9}{'÷ round baseline':>18}")
    per_round = len(names) + 1
    for index, (name, seconds, size) in enumerate(rows):
        print(f"{name:<34}{seconds:>9.2f}{size / 2**20:>9.1f}{seconds / base[index // per_round]:>18.2f}")
    for n in names:
        mine = [t for name, t, _ in rows if name == n]
        each = statistics.median(t / b for t, b in zip(mine, base, strict=True))
        print(
            f"{n.strip(' …'):<34} MEDIAN RATIO {each:.2f} (target ≤ 1.5); median ÷ median "
            f"{statistics.median(mine) / statistics.median(base):.2f}, best ÷ best {min(mine) / min(base):.2f}"
        )


def dispatch_p99(data_dir: Path, key: str, seconds: int, during_backup: Path | None) -> dict:
    """p99 of a steady dispatch load on a real server, optionally while a backup runs."""
    server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "100000000"}).start()
    try:
        auth = {"Authorization": f"Bearer {key}"}
        template_id = httpx.get(f"{server.url}/v1/templates", headers=auth).json()["data"][0]["id"]
        body = {"template_id": template_id, "executor_ref": "bench"}
        backups: list[float] = []
        stop = threading.Event()

        def keep_backing_up() -> None:
            while not stop.is_set():
                backups.append(ours(data_dir, during_backup, None)[0])  # type: ignore[arg-type]

        worker = threading.Thread(target=keep_backing_up) if during_backup else None
        if worker:
            worker.start()
            time.sleep(0.5)
        try:
            result = wrk(f"{server.url}/v1/runs", seconds, 8, body=body, headers=auth)
        finally:
            stop.set()
            if worker:
                worker.join()
        result["backups"] = len(backups)
        return result
    finally:
        server.stop()


def postgres(repeat: int, data_dir: Path, work: Path, passphrase: Path) -> None:
    from tests.support.postgres import start_cluster

    cluster = start_cluster(durable=True)
    try:
        url = cluster.new_database()
        started = time.perf_counter()
        copy_into_postgres(data_dir / "rundun.db", url)
        print(f"(copied the rows into PostgreSQL in {time.perf_counter() - started:.0f} s)")
        rows = []
        for _ in range(repeat):
            rows.append(("baseline (pg_dump -Fc + tar)", *pg_baseline(data_dir, work, url)))
            rows.append(("rundun-server backup (PostgreSQL)", *ours(data_dir, work, None, url)))
            rows.append(("  … with a passphrase", *ours(data_dir, work, passphrase, url)))
        print(f"PostgreSQL ({os.getloadavg()[0]:.1f} load average now):")
        ratios(
            rows,
            "baseline (pg_dump -Fc + tar)",
            ("rundun-server backup (PostgreSQL)", "  … with a passphrase"),
        )
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--photo-kb", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5, help="Interleaved rounds (the machine is noisy).")
    parser.add_argument("--skip-p99", action="store_true", help="Only the backup times and sizes.")
    parser.add_argument("--engines", default="sqlite,postgresql", help="Which to measure (comma-separated).")
    args = parser.parse_args()
    source, key = seeded_dir(args.runs)
    add_answers_and_photos(source, args.photos, args.photo_kb)
    work = Path(tempfile.mkdtemp(prefix="rundun-backup-bench-"))
    data_dir = work / "data"
    shutil.copytree(source, data_dir)  # the p99 part dispatches into it
    passphrase = work / "pass.txt"
    passphrase.write_text("bench passphrase")
    try:
        db_mb = (data_dir / "rundun.db").stat().st_size / 2**20
        print(
            f"data: {args.runs:,} runs, {args.photos} photos of {args.photo_kb} kB; rundun.db {db_mb:.0f} MB"
        )
        engines = args.engines.split(",")
        if "sqlite" in engines:
            rows = []
            for _ in range(args.repeat):  # interleaved: the machine is noisy
                rows.append(("baseline (.backup + tar)", *baseline(data_dir, work)))
                rows.append(("rundun-server backup", *ours(data_dir, work, None)))
                rows.append(("  … with a passphrase", *ours(data_dir, work, passphrase)))
            print(f"SQLite ({os.getloadavg()[0]:.1f} load average now):")
            ratios(rows, "baseline (.backup + tar)", ("rundun-server backup", "  … with a passphrase"))
        if "postgresql" in engines:
            postgres(args.repeat, data_dir, work, passphrase)
        if args.skip_p99:
            return
        quiet = dispatch_p99(data_dir, key, args.seconds, None)
        busy = dispatch_p99(data_dir, key, args.seconds, work)
        print(
            f"dispatch (wrk, 8 connections, {args.seconds} s): p99 {quiet['p99_ms']:.1f} ms alone, "
            f"{busy['p99_ms']:.1f} ms during {busy['backups']} back-to-back backups "
            f"(×{busy['p99_ms'] / quiet['p99_ms']:.2f}); req/s {quiet['rps']:.0f} → {busy['rps']:.0f}; "
            f"errors {quiet['errors']} / {busy['errors']}"
        )
        print(f"(shared machine: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
