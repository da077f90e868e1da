"""The WAL under flat-out dispatch: its largest size during the load and how soon it is truncated after.

    .venv/bin/python bench/wal_growth.py [--seconds 40]

A real server, `wrk` dispatching with 16 connections (as in issue 21's report, where the WAL reached 6.9 GB
in 3 minutes), the WAL's size sampled every 50 ms. Run it from a checkout of the code before and after a
change, back to back (the machine is shared). Targets: ≤ 64 MB throughout, ≤ 4 MB within 5 s of the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, os.getcwd())  # the checkout it runs from is the code measured

from bench.server_throughput import TEMPLATE, wrk
from tests.support.server_process import ServerProcess, init_org


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=40)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-wal-"))
    key = init_org(data_dir)
    server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "100000000"}).start()
    try:
        auth = {"Authorization": f"Bearer {key}"}
        template_id = httpx.post(f"{server.url}/v1/templates", json=TEMPLATE, headers=auth).json()["id"]
        wal = Path(f"{data_dir / 'rundun.db'}-wal")
        largest, stop = [0], threading.Event()

        def watch() -> None:
            while not stop.is_set():
                largest[0] = max(largest[0], wal.stat().st_size if wal.exists() else 0)
                time.sleep(0.05)

        watcher = threading.Thread(target=watch)
        watcher.start()
        body = {"template_id": template_id, "executor_ref": "wal"}
        result = wrk(f"{server.url}/v1/runs", args.seconds, 16, body=body, headers=auth)
        stop.set()
        watcher.join()
        ended = time.monotonic()
        while wal.exists() and wal.stat().st_size > 4 << 20 and time.monotonic() - ended < 30:
            time.sleep(0.1)
        settled = time.monotonic() - ended
        after = wal.stat().st_size if wal.exists() else 0
        print(
            f"{Path.cwd().name}: dispatch {result['rps']:.0f} req/s, p99 {result['p99_ms']:.0f} ms, "
            f"errors {result['errors']}; WAL max {largest[0] / 2**20:.1f} MB; "
            f"{after / 2**20:.1f} MB {settled:.1f} s after the load"
        )
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
