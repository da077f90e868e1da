"""A long-running server's memory as runs of many large template versions arrive (the parsed-model cache).

    .venv/bin/python bench/template_memory.py [--templates 30] [--steps 10000]

Two servers on SQLite, each its own process, each given `--templates` runs: one server a run of a NEW template
each time (every run a version it has not parsed yet), the other a run of the SAME template each time (the
baseline: one version parsed, whatever the number of runs). Each run is dispatched and opened as an executor
opens it. Printed: each server's RSS after every fifth run, and the ratio of their growth. A server whose cache of
parsed versions is bounded by size stays within about 100 MB of models whatever the number of versions; one
bounded only by count grows by the size of every version (a 10,000-step template, 535 KB of JSON, parses to
about 12.5 MB).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.executor_sync import template
from tests.support.server_process import ServerProcess, init_org


def rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    raise RuntimeError("no VmRSS")


def growth(templates: int, steps: int, *, distinct: bool) -> list[int]:
    """RSS (MB) at the start and after every fifth run."""
    work = Path(tempfile.mkdtemp(prefix="rundun-bench-models-"))
    env = {"RUNDUN_RATE_LIMIT": "100000000"}
    key = init_org(work, env=env)
    server = ServerProcess(work, env=env).start()
    try:
        http = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=120)
        body = template(steps, 0)
        sizes = [rss_mb(server.proc.pid)]
        template_id = None
        for n in range(1, templates + 1):
            if distinct or template_id is None:
                created = http.post("/v1/templates", json={**body, "name": f"Large {n}"})
                created.raise_for_status()
                template_id = created.json()["id"]
            run = http.post("/v1/runs", json={"template_id": template_id})
            run.raise_for_status()
            httpx.post(
                f"{server.url}/v1/runs/{run.json()['run_id']}/open", json={}, timeout=120
            ).raise_for_status()
            if n % 5 == 0:
                sizes.append(rss_mb(server.proc.pid))
        return sizes
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--templates", type=int, default=30)
    parser.add_argument("--steps", type=int, default=10_000)
    args = parser.parse_args()
    distinct = growth(args.templates, args.steps, distinct=True)
    same = growth(args.templates, args.steps, distinct=False)
    print(f"{args.templates} runs of {args.steps:,}-step templates, RSS after every fifth run (MB):")
    print(f"  a new template each run   {distinct}")
    print(f"  the same template (base)  {same}")
    grown, base = distinct[-1] - distinct[0], max(same[-1] - same[0], 1)
    print(f"  growth {grown} MB against {base} MB: ratio {grown / base:.1f}")


if __name__ == "__main__":
    main()
