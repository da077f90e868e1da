"""Time of the supervisor's numbers (SPEC §14) at 100,000 and 1,000,000 runs, on the real server process.

    .venv/bin/python bench/stats.py [--sizes 100000,1000000] [--repeat 15] [--engines sqlite,postgresql]

Each size gets a fresh data dir: one org, 10 templates, runs spread over the last 365 days (all statuses,
a sixth with findings, completion times of minutes to days) with three answers each, inserted with SQL (COPY on
PostgreSQL) so that the triggers of migrations 0008, 0010 and 0016 keep the rollups as the server would. Then `rundun-server serve` answers
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


RUN_COLUMNS = (
    "id, org_id, template_id, template_v, template_name, status, executor_ref, created_at, updated_at, opened_at, "
    "completed_at, flagged, progress_total"
)
ANSWER_COLUMNS = "run_id, step_id, value, at, flagged"


def seed(data_dir: Path, key: str, server: ServerProcess, count: int, database_url: str | None) -> list[str]:
    auth = {"Authorization": f"Bearer {key}"}
    template_ids = [
        httpx.post(f"{server.url}/v1/templates", json=inspection(n), headers=auth).json()["id"]
        for n in range(TEMPLATES)
    ]
    server.stop()
    if database_url:
        _seed_postgresql(database_url, template_ids, count)
    else:
        _seed_sqlite(data_dir / "rundun.db", template_ids, count)
    return template_ids


def _seed_sqlite(path: Path, template_ids: list[str], count: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    org_id = conn.execute("SELECT id FROM orgs").fetchone()[0]
    conn.execute("BEGIN")
    for runs, answers in batches(org_id, template_ids, count):
        conn.executemany(f"INSERT INTO runs ({RUN_COLUMNS}) VALUES ({', '.join('?' * 13)})", runs)
        conn.executemany(f"INSERT INTO answers ({ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?)", answers)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def _seed_postgresql(url: str, template_ids: list[str], count: int) -> None:
    import psycopg

    with psycopg.connect(url) as conn:
        org_id = conn.execute("SELECT id FROM orgs").fetchone()[0]
        with conn.cursor() as cur:
            for runs, answers in batches(org_id, template_ids, count):
                with cur.copy(f"COPY runs ({RUN_COLUMNS}) FROM STDIN") as copy:
                    for row in runs:
                        copy.write_row(row)
                with cur.copy(f"COPY answers ({ANSWER_COLUMNS}) FROM STDIN") as copy:
                    for row in answers:
                        copy.write_row(row)
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")


def batches(org_id: str, template_ids: list[str], count: int):
    """`(runs, answers)` rows in batches of 20,000 runs: the same runs for every engine (seeded)."""
    rng = random.Random(24)
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=365)
    spacing = 365 * 86400 / count
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
        at = created.strftime(FMT)
        runs.append(
            (
                run_id,
                org_id,
                template_ids[i % TEMPLATES],
                1,
                "Inspection",
                status,
                f"booking_{i % 5000:04d}",
                at,
                at,
                opened.strftime(FMT) if opened else None,
                completed.strftime(FMT) if completed else None,
                flagged,
                3,
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
            yield runs, answers
            runs, answers = [], []
    if runs:
        yield runs, answers


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


def measure(count: int, repeat: int, database_url: str | None) -> dict[str, float]:
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-stats-"))
    env = {"RUNDUN_RATE_LIMIT": "100000000"}
    if database_url:
        env["RUNDUN_DATABASE_URL"] = database_url
    try:
        key = init_org(data_dir, env=env)
        server = ServerProcess(data_dir, env=env).start()
        began = time.perf_counter()
        template_ids = seed(data_dir, key, server, count, database_url)
        print(f"  seeded {count:,} runs in {time.perf_counter() - began:.0f} s", flush=True)
        server = ServerProcess(data_dir, env=env).start()
        try:
            today = datetime.now(UTC).date()
            month = {"from": (today - timedelta(days=29)).isoformat(), "to": today.isoformat()}
            quarter = {"from": (today - timedelta(days=89)).isoformat(), "to": today.isoformat()}
            tid = template_ids[3]
            cases = {
                ONE_TEMPLATE: ("/v1/stats/runs", {**month, "template_id": tid, "tz": "Europe/Berlin"}),
                WHOLE_ORG: ("/v1/stats/runs", month),
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


ONE_TEMPLATE = "30 d, one template, Europe/Berlin"
WHOLE_ORG = "30 d, whole org, UTC"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--engines", default="sqlite,postgresql", help="sqlite, postgresql (a throwaway cluster, fsync on)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = [e for e in args.engines.split(",") if e]
    cluster = None
    if "postgresql" in engines:
        from tests.support.postgres import start_cluster

        cluster = start_cluster(durable=True)
    results: dict[str, dict[int, dict[str, float]]] = {}
    try:
        for engine in engines:
            for size in sizes:
                print(f"{engine}, {size:,} runs …", flush=True)
                url = cluster.new_database() if engine == "postgresql" and cluster else None
                results.setdefault(engine, {})[size] = measure(size, args.repeat, url)
    finally:
        if cluster is not None:
            cluster.stop()
    for engine, by_size in results.items():
        names = list(by_size[sizes[0]])
        print(f"\n{engine + ', median ms':<40}" + "".join(f"{s:>12,}" for s in sizes) + f"{'ratio':>8}")
        for name in names:
            row = [by_size[s][name] for s in sizes]
            print(f"{name:<40}" + "".join(f"{v:>12.1f}" for v in row) + f"{row[-1] / row[0]:>8.2f}")
        last = by_size[sizes[-1]][ONE_TEMPLATE]
        print(
            f"target: {ONE_TEMPLATE} ≤ 300 ms at {sizes[-1]:,} ({last:.0f} ms) and ≤ 1.5 × at {sizes[0]:,} "
            f"({last / by_size[sizes[0]][ONE_TEMPLATE]:.2f} ×)"
        )


if __name__ == "__main__":
    main()
