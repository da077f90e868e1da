"""100 answers through one `POST /sync` against 100 single `PUT …/answers/{step}`, on the real server.

    .venv/bin/python bench/sync_vs_put.py [--repetitions 7] [--steps 100]

Starts `rundun-server serve` on loopback (tests/support/server_process.py), opens one run of a template with
`--steps` number steps and, in that same run, alternates: every step answered by one PUT each, then every
step answered through one /sync (fresh values and newer `at` each time, so every answer really is stored
and fires `step.completed`). One keep-alive connection for both. Prints the medians and their ratio;
the target is sync ≥ 10× faster.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.server_process import ServerProcess, init_org

START = datetime(2026, 5, 22, 8, 0, tzinfo=UTC)


def template(steps: int) -> dict:
    items = [{"id": f"s-{i}", "type": "number", "label": f"Reading {i}"} for i in range(steps)]
    return {"name": f"{steps} readings", "sections": [{"id": "g-1", "title": "Readings", "steps": items}]}


def at(tick: int) -> str:
    return (START + timedelta(milliseconds=tick)).isoformat().replace("+00:00", "Z")


def open_run(http: httpx.Client, key: str, steps: int) -> tuple[str, dict]:
    auth = {"Authorization": f"Bearer {key}"}
    tid = http.post("/v1/templates", json=template(steps), headers=auth).json()["id"]
    run_id = http.post("/v1/runs", json={"template_id": tid}, headers=auth).json()["run_id"]
    token = http.post(f"/v1/runs/{run_id}/open", json={}).json()["executor_token"]
    return run_id, {"Authorization": f"Bearer {token}"}


def by_put(http: httpx.Client, run_id: str, headers: dict, steps: int, tick: int) -> float:
    started = time.perf_counter()
    for i in range(steps):
        r = http.put(
            f"/v1/runs/{run_id}/answers/s-{i}", json={"value": tick + i, "at": at(tick + i)}, headers=headers
        )
        assert r.status_code == 200, r.text
        assert r.json()["answer"]["value"] == tick + i
    return time.perf_counter() - started


def by_sync(http: httpx.Client, run_id: str, headers: dict, steps: int, tick: int) -> float:
    ops = [
        {"op_id": f"op-{tick + i}", "step_id": f"s-{i}", "value": tick + i, "at": at(tick + i)}
        for i in range(steps)
    ]
    started = time.perf_counter()
    r = http.post(f"/v1/runs/{run_id}/sync", json={"ops": ops}, headers=headers)
    elapsed = time.perf_counter() - started
    assert r.status_code == 200, r.text
    assert [x["status"] for x in r.json()["results"]] == ["applied"] * steps
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=7)
    parser.add_argument("--steps", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        key = init_org(data_dir)
        server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "1000000"}).start()
        try:
            with httpx.Client(base_url=server.url, timeout=60) as http:
                run_id, headers = open_run(http, key, args.steps)
                by_sync(http, run_id, headers, args.steps, 0)  # warm up both paths
                by_put(http, run_id, headers, args.steps, 1_000)
                puts, syncs = [], []
                for rep in range(args.repetitions):
                    tick = (rep + 2) * 10_000
                    puts.append(by_put(http, run_id, headers, args.steps, tick))
                    syncs.append(by_sync(http, run_id, headers, args.steps, tick + 5_000))
        finally:
            server.stop()
    put_ms, sync_ms = statistics.median(puts) * 1000, statistics.median(syncs) * 1000
    print(f"{args.steps} answers, {args.repetitions} repetitions, medians:")
    print(
        f"  {args.steps} single PUTs : {put_ms:8.1f} ms  (runs: {', '.join(f'{p * 1000:.0f}' for p in puts)})"
    )
    print(f"  one /sync       : {sync_ms:8.1f} ms  (runs: {', '.join(f'{s * 1000:.1f}' for s in syncs)})")
    ratio = put_ms / sync_ms
    print(f"  ratio           : {ratio:8.1f}x  (target >= 10x: {'met' if ratio >= 10 else 'NOT met'})")
    return 0 if ratio >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
