"""The one-off cost of migration 0005 (runs keep their snapshot by reference; the table is rebuilt).

    .venv/bin/python bench/migrate_runs.py [--runs 100000]

A database at migration 4 is seeded with `--runs` runs that stored their snapshot (the vehicle template), then
migrated. Baseline in the same run: seeding those rows in one transaction. Prints both and the ratio.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.store import templates as template_store
from server.store.db import connect
from server.store.migrations import migrate

ORG = "org-00000000-0000-4000-8000-000000000001"
NOW = "2026-11-01T08:00:00Z"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rundun-migrate-"))
    try:
        conn = connect(work / "rundun.db")
        migrate(conn, upto=4)
        conn.execute(
            "INSERT INTO orgs (id, name, plan, created_at) VALUES (?, 'Acme', 'unlimited', ?)", (ORG, NOW)
        )
        body = json.loads((ROOT / "resources" / "templates" / "vehicle-pre-rental.json").read_text())
        template = template_store.insert_template(conn, ORG, body)
        snapshot = json.dumps(template)
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO runs (id, org_id, template_id, template_v, template_name, snapshot, status, created_at, "
            "updated_at) VALUES (?, ?, ?, 1, ?, ?, 'pending', ?, ?)",
            (
                (f"r-{i:032d}", ORG, template["id"], template["name"], snapshot, NOW, NOW)
                for i in range(args.runs)
            ),
        )
        conn.execute("COMMIT")
        seeding = time.perf_counter() - started
        started = time.perf_counter()
        assert migrate(conn) == ["0005_runs_snapshot_by_reference.sql"]
        migrating = time.perf_counter() - started
        conn.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.runs} runs with a {len(snapshot)}-byte snapshot each")
    print(f"  seeding them (one transaction)   {seeding:.1f} s")
    print(f"  migration 0005 (table rebuild)   {migrating:.1f} s  ({migrating / seeding:.2f}× seeding)")


if __name__ == "__main__":
    main()
