"""The run monitor left open while 8 clients dispatch to the app's embedded server: memory and latency.

    .venv/bin/python bench/desktop_soak.py [--modes child thread] [--warmup 60] [--measure 180] [--baseline 60]

1. Baseline: the standalone `rundun-server serve` process under the same load (8 clients, each one HTTP
   connection dispatching runs back to back, from a separate load process): dispatch p50/p99.
2. For each mode, the app's run monitor (the real Runs view, controller and table model, live updates over
   `/v1/events`) shown offscreen in this process, with the embedded server
   - `child`: as the app runs it, a child process (`ChildServer`);
   - `thread`: in this process on a thread (`EmbeddedServer`), sharing the GIL with the GUI;
   the same load for `--warmup` seconds, then `--measure` seconds more: this process's RSS growth over the
   measured part, dispatch p50/p99 during it, the longest stall of a 10 ms heartbeat timer on the GUI thread,
   and the rows the model holds.
Targets (issue 23): RSS growth ≤ 30 MB over the 3 measured minutes; embedded p99 ≤ 5 × the standalone p99.
The load process is started with `--load URL KEY TEMPLATE SECONDS` (an internal mode of this script).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CLIENTS = 8


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


# -- the load: its own process, so it never shares a GIL with what it measures ---------------------------------
async def load(url: str, key: str, template_id: str, seconds: float) -> list[float]:
    import httpx

    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def client(n: int) -> None:
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as http:
            i = 0
            while time.perf_counter() < deadline:
                body = {"template_id": template_id, "executor_ref": f"soak-{n}-{i}"}
                t = time.perf_counter()
                response = await http.post("/v1/runs", json=body)
                latencies.append(time.perf_counter() - t)
                response.raise_for_status()
                i += 1

    await asyncio.gather(*(client(n) for n in range(CLIENTS)))
    return latencies


def run_load(url: str, key: str, template_id: str, seconds: float) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, __file__, "--load", url, key, template_id, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )


def load_result(proc: subprocess.Popen) -> list[float]:
    out, _ = proc.communicate(timeout=900)
    return json.loads(out)


# -- set-up ------------------------------------------------------------------------------------------------------
def new_data_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="rundun-soak-")) / "server"


def make_template(url: str, key: str) -> str:
    import httpx

    body = json.loads((ROOT / "resources" / "templates" / "vehicle-pre-rental.json").read_text())
    response = httpx.post(f"{url}/v1/templates", json=body, headers={"Authorization": f"Bearer {key}"})
    response.raise_for_status()
    return response.json()["id"]


def standalone(seconds: float) -> dict:
    from rundun_desktop.server_process import ChildServer

    server = ChildServer(new_data_dir())  # exactly `rundun-server serve`, nothing else in its process
    server.start()
    try:
        key = server.first_key
        template = make_template(server.url, key)
        latencies = load_result(run_load(server.url, key, template, seconds))
    finally:
        server.stop()
    return {"n": len(latencies), "p50": pct(latencies, 0.5) * 1000, "p99": pct(latencies, 0.99) * 1000}


async def with_monitor(mode: str, warmup: float, measure: float) -> dict:
    from PySide6.QtCore import QTimer

    from rundun_desktop.api_client import ApiClient
    from rundun_desktop.app_events import AppEvents
    from rundun_desktop.live import LiveUpdates
    from rundun_desktop.monitor.runs_controller import RunsController
    from rundun_desktop.monitor.runs_view import RunsView
    from rundun_desktop.style import apply_style

    data_dir = new_data_dir()
    if mode == "child":
        from rundun_desktop.server_process import ChildServer

        server = ChildServer(data_dir)
        await asyncio.to_thread(server.start)
        key = server.first_key
    else:
        from rundun_desktop.embedded import EmbeddedServer, bootstrap

        key = bootstrap(data_dir).api_key
        server = EmbeddedServer(data_dir, rate_limit=1_000_000)
        server.start()
    from PySide6.QtWidgets import QApplication

    apply_style(QApplication.instance())
    api = ApiClient(server.url, key)
    events = AppEvents()
    view = RunsView()
    view.resize(1400, 900)
    controller = RunsController(api, events, view, page_size=200)
    live = LiveUpdates(api, events, poll_interval=2.0)
    view.show()
    controller.reload()
    live.start()
    beats: list[float] = []
    cpu: list[
        float
    ] = []  # the GUI thread's own CPU clock: its work between beats, whatever the machine's load
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: (beats.append(time.perf_counter()), cpu.append(time.thread_time())))
    heartbeat.start()
    template = await asyncio.to_thread(make_template, server.url, key)
    loader = run_load(server.url, key, template, warmup + measure)
    await asyncio.sleep(warmup)
    rss0 = rss_mb()
    child0 = rss_mb(server.pid) if mode == "child" else 0.0
    mark = time.perf_counter()
    beats.clear()
    cpu.clear()
    peak_rows = 0
    while time.perf_counter() - mark < measure:
        await asyncio.sleep(1)
        peak_rows = max(peak_rows, controller.model.rowCount())
    rss1 = rss_mb()
    child1 = rss_mb(server.pid) if mode == "child" else 0.0
    latencies = await asyncio.to_thread(load_result, loader)
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    cpu_gaps = [b - a for a, b in itertools.pairwise(cpu)]
    # The load process records every dispatch; the measured part is its tail (after the warm-up).
    share = measure / (warmup + measure)
    measured = latencies[int(len(latencies) * (1 - share)) :]
    result = {
        "mode": mode,
        "runs": len(latencies),
        "rss_growth_mb": rss1 - rss0,
        "rss_mb": rss1,
        "server_rss_growth_mb": child1 - child0,
        "p50": pct(measured, 0.5) * 1000,
        "p99": pct(measured, 0.99) * 1000,
        "longest_stall_ms": max(gaps, default=0) * 1000,
        "stalls_over_100ms": sum(g > 0.1 for g in gaps),
        "longest_cpu_ms": max(cpu_gaps, default=0) * 1000,
        "cpu_over_100ms": sum(g > 0.1 for g in cpu_gaps),
        "beats": len(beats),
        "rows_held": controller.model.rowCount(),
        "peak_rows": peak_rows,
        "cached_rows": controller.model.cached_rows,
        "live_mode": live.mode,
    }
    heartbeat.stop()
    controller.shutdown()
    await live.close()
    await api.close()
    await asyncio.to_thread(server.stop)
    view.close()
    return result


def main() -> int:
    if sys.argv[1:2] == ["--load"]:
        url, key, template, seconds = sys.argv[2:6]
        print(json.dumps(asyncio.run(load(url, key, template, float(seconds)))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modes", nargs="+", default=["child", "thread"], choices=["child", "thread"])
    parser.add_argument("--warmup", type=float, default=60)
    parser.add_argument("--measure", type=float, default=180)
    parser.add_argument("--baseline", type=float, default=60)
    args = parser.parse_args()
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: a shared machine, read the ratios"
    )
    for mode in args.modes:
        base = standalone(args.baseline)
        print(
            f"standalone rundun-server, {CLIENTS} clients, {args.baseline:.0f} s: {base['n']:,} dispatches, "
            f"p50 {base['p50']:.1f} ms, p99 {base['p99']:.1f} ms",
            flush=True,
        )
        result = qasync.run(with_monitor(mode, args.warmup, args.measure))
        print(
            f"monitor open, embedded server as a {mode}: {result['runs']:,} dispatches; after {args.warmup:.0f} s "
            f"warm-up, over {args.measure:.0f} s: RSS {result['rss_growth_mb']:+.1f} MB (now "
            f"{result['rss_mb']:.0f} MB; server process {result['server_rss_growth_mb']:+.1f} MB), "
            f"p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms = {result['p99'] / base['p99']:.2f}× "
            f"standalone; GUI heartbeat: longest stall {result['longest_stall_ms']:.0f} ms, "
            f"{result['stalls_over_100ms']} over 100 ms in {result['beats']:,} beats (GUI thread CPU between "
            f"beats: longest {result['longest_cpu_ms']:.0f} ms, {result['cpu_over_100ms']} over 100 ms); rows held "
            f"{result['rows_held']:,} (peak {result['peak_rows']:,}, summaries {result['cached_rows']:,}); "
            f"live: {result['live_mode']}",
            flush=True,
        )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
