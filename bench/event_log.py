"""The event log of a server that has run for months: what an event costs to insert into a big table, by the
kind of its id, and what pruning it costs the single writer.

    .venv/bin/python bench/event_log.py [--stored 1000000] [--inserts 10000]

1. Ids (PostgreSQL, a throwaway cluster with fsync on, as bench/executor_sync.py starts it): two tables
   shaped like `events` (identity key, UNIQUE text id, a 200-byte body) each hold `--stored` rows with ids
   of one kind, random (`uuid4`, what event ids were) or time-ordered (`server.ids.uuid7`); after a
   CHECKPOINT, `--inserts` more rows go in as /sync batches write them (250 a transaction). Reported: WAL
   bytes a row (a load-independent count: a random id lands on a random page of the id index, and the first
   change of a page after a checkpoint writes the whole page to the WAL) and microseconds a row; the ratio
   of the two kinds is this script's baseline-in-the-same-run.
2. Pruning (SQLite, `server.store.pruning.prune_events` on the server's own schema): `--stored` / 5 events
   older than the retention, one in 20 with a settled webhook delivery, and a tenth as many recent ones;
   reported: the writer's time a batch (its write job) and a pass with nothing old to do.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from server.ids import uuid7
from server.store import pruning
from server.store.db import Database
from tests.support.postgres import start_cluster

KINDS = {"uuid4": lambda: str(uuid.uuid4()), "uuid7": uuid7}
OLD, RECENT, CUTOFF = "2020-01-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-09-01T00:00:00Z"


def id_costs(stored: int, inserts: int) -> dict[str, tuple[float, float]]:
    cluster = start_cluster(durable=True)
    costs = {}
    try:
        with psycopg.connect(cluster.new_database(), autocommit=True) as conn:
            for kind, make in KINDS.items():
                table = f"events_{kind}"
                conn.execute(
                    f"CREATE TABLE {table} (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    "id text NOT NULL UNIQUE, body text NOT NULL)"
                )
                with conn.cursor().copy(f"COPY {table} (id, body) FROM STDIN") as copy:
                    for _ in range(stored):
                        copy.write_row((f"evt_{make()}", "x" * 200))
                conn.execute("CHECKPOINT")
                start_lsn = conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
                started = time.perf_counter()
                for _ in range(inserts // 250):
                    with conn.transaction():
                        conn.cursor().executemany(
                            f"INSERT INTO {table} (id, body) VALUES (%s, %s)",
                            [(f"evt_{make()}", "x" * 200) for _ in range(250)],
                        )
                seconds = time.perf_counter() - started
                wal = conn.execute(
                    "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), %s)", (start_lsn,)
                ).fetchone()[0]
                costs[kind] = (float(wal) / inserts, seconds / inserts * 1e6)
    finally:
        cluster.stop()
    return costs


def prune_costs(old: int) -> tuple[int, float, float, float]:
    db = Database(Path(tempfile.mkdtemp(prefix="rundun-event-log-")) / "rundun.db")

    def fill(conn):
        event = "INSERT INTO events (id, org_id, run_id, event, created_at, body) VALUES (?, ?, ?, ?, ?, ?)"
        conn.executemany(
            event,
            [(f"evt_{uuid7()}", "o", f"r{i // 100}", "step.completed", OLD, "x" * 400) for i in range(old)],
        )
        conn.executemany(
            "INSERT INTO webhook_deliveries (id, event_seq, run_id, url, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'delivered', ?, ?)",
            [
                (f"whd_{uuid7()}", i + 1, f"r{i // 100}", "https://example.com/hook", OLD, OLD)
                for i in range(0, old, 20)
            ],
        )
        conn.executemany(
            event,
            [(f"evt_{uuid7()}", "o", f"n{i}", "step.completed", RECENT, "x" * 400) for i in range(old // 10)],
        )

    try:
        db.write_sync(fill)
        jobs, removed, after = [], 0, 0
        while after is not None:
            started = time.perf_counter()
            count, after = db.write_sync(pruning.prune_events, CUTOFF, after, pruning.BATCH)
            jobs.append(time.perf_counter() - started)
            removed += count
        started = time.perf_counter()
        db.write_sync(pruning.prune_events, CUTOFF, 0, pruning.BATCH)
        idle = time.perf_counter() - started
        return removed, statistics.median(jobs) * 1e3, max(jobs) * 1e3, idle * 1e3
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stored", type=int, default=1_000_000)
    parser.add_argument("--inserts", type=int, default=10_000)
    args = parser.parse_args()
    costs = id_costs(args.stored, args.inserts)
    print(
        f"{args.inserts:,} events inserted after a checkpoint into {args.stored:,} (PostgreSQL, 250 a transaction):"
    )
    for kind, (wal, micros) in costs.items():
        print(f"  ids {kind}: {wal:7.0f} bytes of WAL a row, {micros:5.1f} µs a row")
    print(
        f"  uuid7 ÷ uuid4: WAL {costs['uuid7'][0] / costs['uuid4'][0]:.2f}, time {costs['uuid7'][1] / costs['uuid4'][1]:.2f}"
    )
    removed, median_ms, max_ms, idle_ms = prune_costs(args.stored // 5)
    print(
        f"pruning {removed:,} old events (SQLite, {pruning.BATCH} a write job): {median_ms:.1f} ms a job (median), "
        f"{max_ms:.1f} ms the longest; a pass with nothing old: {idle_ms:.2f} ms"
    )


if __name__ == "__main__":
    main()
