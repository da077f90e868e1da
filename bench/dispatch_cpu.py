"""CPU time per dispatched run on SQLite, in process: the writer path's cost, which the load moves little.

    .venv/bin/python bench/dispatch_cpu.py [--rounds 5]

1,600 runs a round, dispatched in groups of 16 through `write_grouped` (as the endpoint's concurrent
requests are), on the app the tests build (`tests.support.fixtures.make_api`); prints each round's process
CPU time per run and their median. For an A/B, run it from each tree in turn (`PYTHONPATH=TREE`).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.services import runs as run_service
from tests.support.fixtures import make_api
from tests.support.samples import minimal

GROUP, GROUPS = 16, 100


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    made = make_api(Path(tempfile.mkdtemp(prefix="rundun-cpu-")))
    api = next(made)
    template_id = api.post("/v1/templates", json=minimal()).json()["id"]
    request = run_service.DispatchRequest(
        api.org["id"], template_id, None, None, run_service.UNSET, api.ctx.settings.base_url
    )

    async def dispatch(groups: int) -> None:
        for _ in range(groups):
            await asyncio.gather(
                *(api.ctx.db.write_grouped(run_service.dispatch_many, request) for _ in range(GROUP))
            )

    asyncio.run(dispatch(20))  # warm
    per_run = []
    for _ in range(args.rounds):
        start = time.process_time()
        asyncio.run(dispatch(GROUPS))
        per_run.append((time.process_time() - start) / (GROUP * GROUPS) * 1e6)
    rounds = " ".join(f"{us:.0f}" for us in per_run)
    print(f"CPU µs per dispatched run: {rounds}; median {statistics.median(per_run):.0f}")
    made.close()


if __name__ == "__main__":
    main()
