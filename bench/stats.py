"""Time of the supervisor's numbers (SPEC §14) at 100,000 and 1,000,000 runs, on the real server process.

    .venv/bin/python bench/stats.py [--sizes 100000,1000000] [--repeat 15]

Each size gets a fresh data dir: one org, 10 templates, runs spread over the last 365 days (all statuses,
a sixth with findings, completion times of minutes to days) with three answers each, inserted with SQL so
that the triggers of migration 0008 keep the rollups as the server would. Then `rundun-server serve` answers
the requests below, each timed over HTTP as the median of `--repeat` calls after a warm-up. The target
(issue 24): 30 days of one template ≤ 300 ms at 1,000,000 runs and ≤ 1.5 × the time at 100,000. The
machine is shared and noisy: compare the ratio, and run it twice.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.server_process import ServerProcess, init_org

STATUSES = ("pending", "in_progress", "completed", "completed", "completed", "cancelled", "expired")
TEMPLATES = 10
FMT = "%Y-%m-%dT%H:%M:%SZ"


def inspection(n: int) -> dict:
    options = {"options": [{"id": f"o-{k}", "label": k} for k in ("good", "worn", "torn")]}
    steps = [
        {"id": "s-ok", "type": "boolean", "label": "Brakes OK?", "flag": False},
        {"id": "s-temp", "type": "number", "label": "Disc °C", "flag": {"above": 300}},
        {"id": "s-tyre", "type": "choice", "label": "Tyres", "config": options, "flag": ["o-torn"]},
    ]
    return {"name": f"Inspection {n}", "sections": [{"id": "g-1", "title": "Checks", "steps": steps}]}


def seed(data_dir: Path, key: str, server: ServerProcess, count: int) -> list[str]:
    auth = {"Authorization": f"Bearer {key}"}
    template_ids = [
        httpx.post(f"{server.url}/v1/templates", json=inspection(n), headers=auth).json()["id"]
        for n in range(TEMPLATES)
    ]
    server.stop()
    conn = sqlite3.connect(data_dir / "rundun.db", isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    org_id = conn.execute("SELECT id FROM orgs").fetchone()[0]
    rng = random.Random(24)
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=365)
    spacing = 365 * 86400 / count
    conn.execute("BEGIN")
    runs, answers = [], []
    for i in range(count):
        run_id = f"r-{uuid.UUID(int=rng.getrandbits(128), version=4)}"
        created = start + timedelta(seconds=int(i * spacing))
        status = rng.choice(STATUSES)
        opened = completed = None
        if status in ("in_progress", "completed"):
            opened = created + timedelta(minutes=rng.randint(1, 600))
        if status == "completed":
            completed = opened + timedelta(seconds=rng.randint(120, 3 * 86400))
        flagged = 1 if rng.random() < 1 / 6 else 0
        runs.append(
            (
                run_id,
                org_id,
                template_ids[i % TEMPLATES],
                status,
                f"booking_{i % 5000:04d}",
                created.strftime(FMT),
                opened.strftime(FMT) if opened else None,
                completed.strftime(FMT) if completed else None,
                flagged,
            )
        )
        if opened:
            at = opened.strftime(FMT)
            answers += [
                (run_id, "s-ok", "false" if flagged else "true", at, flagged),
                (run_id, "s-temp", str(rng.randint(80, 290)), at, 0),
                (run_id, "s-tyre", json.dumps(rng.choice(["o-good", "o-worn"])), at, 0),
            ]
        if len(runs) >= 20_000:
            _flush(conn, runs, answers)
    _flush(conn, runs, answers)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return template_ids


def _flush(conn: sqlite3.Connection, runs: list, answers: list) -> None:
    conn.executemany(
        "INSERT INTO runs (id, org_id, template_id, template_v, template_name, status, executor_ref, created_at, "
        "updated_at, opened_at, completed_at, flagged, progress_total) "
        "VALUES (?, ?, ?, 1, 'Inspection', ?, ?, ?, ?, ?, ?, ?, 3)",
        [(*r[:6], r[5], *r[6:]) for r in runs],
    )
    conn.executemany(
        "INSERT INTO answers (run_id, step_id, value, at, flagged) VALUES (?, ?, ?, ?, ?)", answers
    )
    runs.clear()
    answers.clear()


def timed(client: httpx.Client, url: str, params: dict, repeat: int) -> float:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        r = client.get(url, params=params)
        samples.append((time.perf_counter() - began) * 1000)
        assert r.status_code == 200, r.text
    return statistics.median(samples)


def measure(count: int, repeat: int) -> dict[str, float]:
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-stats-"))
    try:
        key = init_org(data_dir)
        server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "100000000"}).start()
        began = time.perf_counter()
        template_ids = seed(data_dir, key, server, count)
        print(f"  seeded {count:,} runs in {time.perf_counter() - began:.0f} s", flush=True)
        server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "100000000"}).start()
        try:
            today = datetime.now(UTC).date()
            month = {"from": (today - timedelta(days=29)).isoformat(), "to": today.isoformat()}
            quarter = {"from": (today - timedelta(days=89)).isoformat(), "to": today.isoformat()}
            tid = template_ids[3]
            cases = {
                "30 d, one template, Europe/Berlin": (
                    "/v1/stats/runs",
                    {**month, "template_id": tid, "tz": "Europe/Berlin"},
                ),
                "30 d, whole org, UTC": ("/v1/stats/runs", month),
                "90 d, whole org, weeks, Asia/Kolkata": (
                    "/v1/stats/runs",
                    {**quarter, "bucket": "week", "tz": "Asia/Kolkata"},
                ),
                "30 d, one executor_ref": ("/v1/stats/runs", {**month, "executor_ref": "booking_0042"}),
                "30 d, template stats (steps)": (f"/v1/templates/{tid}/stats", month),
            }
            with httpx.Client(
                base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60
            ) as c:
                return {name: timed(c, url, params, repeat) for name, (url, params) in cases.items()}
        finally:
            server.stop()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    for size in sizes:
        print(f"{size:,} runs …", flush=True)
        results[size] = measure(size, args.repeat)
    names = list(results[sizes[0]])
    print(f"\n{'median ms':<40}" + "".join(f"{s:>12,}" for s in sizes) + f"{'ratio':>8}")
    for name in names:
        row = [results[s][name] for s in sizes]
        print(f"{name:<40}" + "".join(f"{v:>12.1f}" for v in row) + f"{row[-1] / row[0]:>8.2f}")
    key = "30 d, one template, Europe/Berlin"
    last = results[sizes[-1]][key]
    print(
        f"\ntarget: {key} ≤ 300 ms at {sizes[-1]:,} ({last:.0f} ms) and ≤ 1.5 × at {sizes[0]:,} "
        f"({last / results[sizes[0]][key]:.2f} ×)"
    )


if __name__ == "__main__":
    main()
