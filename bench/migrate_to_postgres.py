"""`rundun-server migrate --to postgresql://…`: its rate for a SQLite install of 100,000 runs with answers.

    .venv/bin/python bench/migrate_to_postgres.py [--runs 100000] [--rounds 3]

The install is the one bench/csv_export.py seeds (completed runs of the vehicle template, five answers
each; kept under RUNDUN_BENCH_DIR between runs). Each round migrates it into a new, empty database of a
throwaway cluster (fsync on) with the real command, then, as the baseline in the same round, COPYs the
same runs and answers rows into plain tables of the same columns (no index, trigger or foreign key): what
moving the bytes alone costs. Prints runs/s and migrate ÷ baseline time, medians over the rounds.
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.csv_export import seeded
from tests.support.postgres import start_cluster
from tests.support.server_process import SERVER_BIN


def migrate(data_dir: Path, url: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [*SERVER_BIN, "migrate", "--data-dir", str(data_dir), "--to", url],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"migrate failed: {done.stderr}{done.stdout}")
    print(done.stdout.strip(), file=sys.stderr)
    return elapsed


def bare_copy(data_dir: Path, url: str) -> float:
    """COPY the runs and answers rows (the same columns) into plain tables: the floor of moving them."""
    source = sqlite3.connect(f"file:{data_dir / 'rundun.db'}?mode=ro", uri=True)
    with psycopg.connect(url) as pg:
        columns = {}
        for table in ("runs", "answers"):
            columns[table] = [
                r[0]
                for r in pg.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "AND is_generated = 'NEVER' ORDER BY ordinal_position",
                    (table,),
                )
            ]
            pg.execute(
                f"CREATE TABLE bare_{table} AS SELECT {', '.join(columns[table])} FROM {table} WITH NO DATA"
            )
        pg.commit()
        started = time.perf_counter()
        for table, names in columns.items():
            with pg.cursor().copy(f"COPY bare_{table} ({', '.join(names)}) FROM STDIN") as copy:
                cursor = source.execute(f"SELECT {', '.join(names)} FROM {table}")
                while rows := cursor.fetchmany(5000):
                    for row in rows:
                        copy.write_row(row)
        pg.commit()
        elapsed = time.perf_counter() - started
    source.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data_dir, _, _ = seeded(args.runs)
    cluster = start_cluster(durable=True)
    names = itertools.count(1)
    timings: list[tuple[float, float]] = []
    try:
        for _ in range(args.rounds):
            name = f"moved_{next(names)}"
            with psycopg.connect(cluster.url(), autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {name}")
            url = cluster.url(name)
            timings.append((migrate(data_dir, url), bare_copy(data_dir, url)))
    finally:
        cluster.stop()
    moved = statistics.median(t for t, _ in timings)
    bare = statistics.median(b for _, b in timings)
    print(f"{args.runs:,} runs with 5 answers each, medians of {args.rounds} rounds")
    print(f"  rundun-server migrate (whole command)   {moved:6.1f} s   {args.runs / moved:8,.0f} runs/s")
    print(f"  bare COPY of runs + answers (baseline)  {bare:6.1f} s   {args.runs / bare:8,.0f} runs/s")
    print(f"  migrate ÷ baseline                      {moved / bare:6.2f}×")


if __name__ == "__main__":
    main()
