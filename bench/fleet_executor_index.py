"""One executor reference's runs on a fleet's year (`bench/fleet_seed.py`): migration 0019's index against the
index it replaced, in the same run, on two copies of the same database.

    .venv/bin/python bench/fleet_executor_index.py DATA_DIR [REFS]

For `REFS` executor references: the run monitor's first page of one reference (`GET /v1/runs?executor_ref=`,
with and without a status) and the dashboard's counts of one reference over a year, through the store's own
functions. Prints the median time and the SQLite virtual-machine steps per call (a count that does not
depend on the machine's load) for both indexes.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.store import runs as run_store
from server.store import stats as stats_store

BEFORE = "DROP INDEX runs_org_ref; CREATE INDEX runs_org_ref ON runs (org_id, executor_ref);"
AFTER = "DROP INDEX runs_org_ref; CREATE INDEX runs_org_ref ON runs (org_id, executor_ref, created_at DESC);"


def copy(data_dir: Path, into: Path, schema: str) -> sqlite3.Connection:
    source = sqlite3.connect(f"file:{data_dir / 'rundun.db'}?mode=ro", uri=True)
    target = sqlite3.connect(into)
    source.backup(target)
    source.close()
    target.executescript(schema)
    target.row_factory = sqlite3.Row
    return target


def measure(conn: sqlite3.Connection, org_id: str, refs: list[str]) -> dict[str, tuple[float, float]]:
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(step, 1)
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    days = [(today - timedelta(days=364 - i)).strftime("%Y-%m-%dT%H:%M:%SZ") for i in range(366)]
    reads = {
        "monitor: one reference, first page": lambda ref: run_store.list_runs(conn, org_id, executor_ref=ref),
        "monitor: one reference, completed": lambda ref: run_store.list_runs(
            conn, org_id, executor_ref=ref, status="completed"
        ),
        "dashboard: one reference, a year by day": lambda ref: stats_store.run_counts(
            conn, stats_store.RunFilter(org_id, days[0], days[-1], executor_ref=ref), days
        ),
    }
    out = {}
    for name, read in reads.items():
        times, counts = [], []
        for ref in refs:
            steps[0] = 0
            started = time.perf_counter()
            read(ref)
            times.append((time.perf_counter() - started) * 1000)
            counts.append(steps[0])
        out[name] = (statistics.median(times), statistics.median(counts))
    conn.set_progress_handler(None, 1)
    return out


def main(data_dir: Path, ref_count: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="fleet-index-"))
    try:
        before = copy(data_dir, work / "before.db", BEFORE)
        after = copy(data_dir, work / "after.db", AFTER)
        org_id = before.execute("SELECT id FROM orgs ORDER BY created_at LIMIT 1").fetchone()[0]
        runs = before.execute("SELECT count(*) FROM runs").fetchone()[0]
        refs = [
            row[0]
            for row in before.execute(
                "SELECT executor_ref FROM runs GROUP BY 1 ORDER BY count(*) DESC LIMIT ?", (ref_count,)
            )
        ]
        for _ in range(2):  # the second round is the one printed: both files warm in the page cache
            old, new = measure(before, org_id, refs), measure(after, org_id, refs)
        print(f"{runs:,} runs, {len(refs)} references; median per call")
        print(f"{'':42s} {'(org_id, executor_ref)':>28s} {'+ created_at (0019)':>28s}")
        for name in old:
            (t0, s0), (t1, s1) = old[name], new[name]
            print(f"{name:42s} {t0:9.2f} ms {s0:10,.0f} steps {t1:9.2f} ms {s1:10,.0f} steps")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 50)
