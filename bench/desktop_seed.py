"""Seed a server data dir with N runs for the desktop benchmarks (bench code only).

The schema comes from the server's own migrations (through `bootstrap`, which opens the database the
server's way) and the first template through the real API; the runs are then bulk-inserted with direct
SQL, which is the only way to make a million of them in seconds. Seeded dirs are cached under
`$RUNDUN_BENCH_DIR` (default /tmp/rundun-bench) and reused.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rundun_desktop.embedded import EmbeddedServer, bootstrap

STATUSES = ["pending", "in_progress", "completed", "cancelled", "expired"]
BATCH = 20_000


def bench_root() -> Path:
    return Path(os.environ.get("RUNDUN_BENCH_DIR", "/tmp/rundun-bench"))


def seeded_dir(count: int) -> tuple[Path, str]:
    """A data dir holding `count` runs and the API key to read them (made once, then reused)."""
    data_dir = bench_root() / f"runs-{count}"
    key_file = data_dir / "api_key.txt"
    if key_file.exists() and (data_dir / ".seeded").exists():
        return data_dir, key_file.read_text().strip()
    if data_dir.exists():
        for path in sorted(data_dir.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = bootstrap(data_dir, "Bench org").api_key
    assert key
    key_file.write_text(key)
    template_ids = _make_templates(data_dir, key)
    started = time.perf_counter()
    _insert_runs(data_dir / "rundun.db", count, template_ids)
    (data_dir / ".seeded").touch()
    print(f"seeded {count:,} runs in {time.perf_counter() - started:.1f} s into {data_dir}", file=sys.stderr)
    return data_dir, key


def _make_templates(data_dir: Path, key: str) -> list[str]:
    server = EmbeddedServer(data_dir)
    server.start()
    try:
        ids = []
        for name in ("Vehicle pre-rental inspection", "STR turnover check"):
            body = json.loads((ROOT / "resources" / "templates" / f"{_file(name)}.json").read_text())
            r = httpx.post(
                f"{server.url}/v1/templates", json=body, headers={"Authorization": f"Bearer {key}"}
            )
            r.raise_for_status()
            ids.append(r.json()["id"])
        return ids
    finally:
        server.stop()


def _file(name: str) -> str:
    return "vehicle-pre-rental" if name.startswith("Vehicle") else "str-turnover"


def _insert_runs(db_path: Path, count: int, template_ids: list[str]) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    org_id = conn.execute("SELECT id FROM orgs").fetchone()[0]
    templates = {
        t: conn.execute("SELECT name, v, body FROM templates WHERE id = ?", (t,)).fetchone()
        for t in template_ids
    }
    rng = random.Random(7)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    step = timedelta(seconds=max(1, int(120 * 86400 / count)))
    conn.execute("BEGIN")
    batch = []
    for i in range(count):
        template_id = template_ids[i % len(template_ids)]
        name, v, body = templates[template_id]
        created = start + step * i
        status = rng.choice(STATUSES)
        answered = {"pending": 0, "in_progress": 2, "completed": 5}.get(status, rng.randint(0, 4))
        batch.append(
            (
                f"r-{uuid.UUID(int=rng.getrandbits(128), version=4)}",
                org_id,
                template_id,
                v,
                name,
                body,
                status,
                f"booking_{i:07d}",
                _iso(created),
                _iso(created + timedelta(minutes=rng.randint(0, 600))),
                _iso(created + timedelta(hours=72)),
                5,
                answered,
            )
        )
        if len(batch) == BATCH:
            _flush(conn, batch)
    _flush(conn, batch)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def _flush(conn: sqlite3.Connection, batch: list) -> None:
    conn.executemany(
        "INSERT INTO runs (id, org_id, template_id, template_v, template_name, snapshot, status, executor_ref, "
        "created_at, updated_at, expires_at, progress_total, progress_answered) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch,
    )
    batch.clear()


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]:
        print(seeded_dir(n))
