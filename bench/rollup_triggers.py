"""What the rollup triggers of migrations 0008 (quarter hours), 0010 (hours) and 0016 (days, completion-time
buckets) cost a dispatch: the writer's CPU time for 500-run inserts (`insert_runs`, as a grouped dispatch
writes them) on a schema without them, with 0008, with 0008 and 0010, and with all three.

    .venv/bin/python bench/rollup_triggers.py [--rounds 3]

Thread CPU time, not wall time, so that other processes on this shared machine do not count; compare the
two columns of the same round. The dispatch's whole server time (bench/server_throughput.py) is the base the
difference is read against.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.store import runs as run_store
from server.store.db import connect
from server.store.migrations import migrate

BATCH, BATCHES = 500, 40


# The rollup triggers on runs, by the migration that made them.
TRIGGERS = {
    8: ("runs_rollup_insert", "runs_rollup_update", "runs_rollup_delete"),
    10: ("runs_rollup_hourly_insert", "runs_rollup_hourly_update", "runs_rollup_hourly_delete"),
    16: (
        "runs_rollup_daily_insert",
        "runs_rollup_daily_update",
        "runs_rollup_daily_delete",
        "runs_completions_insert",
        "runs_completions_update",
        "runs_completions_delete",
    ),
}


def insert_ms(upto: int) -> float:
    """Median thread-CPU milliseconds of one 500-run insert into today's schema keeping only the rollup
    triggers of the migrations up to `upto` (the store writes today's columns, so older schemas will not do)."""
    conn = connect(tempfile.mktemp(suffix=".db"))
    migrate(conn)
    for number, names in TRIGGERS.items():
        if number > upto:
            for name in names:
                conn.execute(f"DROP TRIGGER {name}")
    conn.execute(
        "INSERT INTO orgs (id, name, plan, created_at) VALUES ('org-1', 'Bench', 'unlimited', '2026-01-01T00:00:00Z')"
    )
    samples, n = [], 0
    for _ in range(BATCHES):
        rows = []
        for _ in range(BATCH):
            n += 1
            created = f"2026-01-{1 + n // 40000:02d}T{(n // 2000) % 24:02d}:{(n // 40) % 60:02d}:00Z"
            rows.append(
                {
                    "id": f"r-{n}",
                    "org_id": "org-1",
                    "template_id": f"t-{n % 7}",
                    "template_v": 1,
                    "template_name": "Bench",
                    "executor_ref": "bench",
                    "webhook": None,
                    "created_at": created,
                    "expires_at": "2026-02-01T00:00:00Z",
                    "progress_total": 5,
                }
            )
        began = time.thread_time()
        conn.execute("BEGIN IMMEDIATE")
        run_store.insert_runs(conn, rows)
        conn.execute("COMMIT")
        samples.append(time.thread_time() - began)
    conn.close()
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for _ in range(args.rounds):
        before, after, hourly, daily = insert_ms(5), insert_ms(8), insert_ms(10), insert_ms(16)
        print(
            f"500-run insert, writer CPU: without rollups {before:.2f} ms, with 0008 {after:.2f} ms "
            f"(+{(after - before) / BATCH * 1000:.1f} µs per run), with 0008 and 0010 {hourly:.2f} ms "
            f"(+{(hourly - after) / BATCH * 1000:.1f} µs per run more), with 0016 too {daily:.2f} ms "
            f"(+{(daily - hourly) / BATCH * 1000:.1f} µs per run more)"
        )


if __name__ == "__main__":
    main()
