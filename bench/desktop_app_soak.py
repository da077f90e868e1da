"""The whole desktop app left open for weeks, in minutes: what it holds while runs keep arriving.

    .venv/bin/python bench/desktop_app_soak.py [--monitor 600] [--dashboard 180] [--switching 180]
        [--rate 1] [--sample 30] [--hook-down [--server-log-kb 64]] [--json FILE]

The real app (`DesktopApp`: window, connection, live updates, its embedded server as it runs it, in a child
process) under `QT_QPA_PLATFORM` (offscreen unless told), its home in a temporary folder. A load process of
its own dispatches `--rate` runs a second with a key of its own and carries each through open, an answer
and complete (one in five cancelled instead); with `--hook-down`, each run names a webhook receiver that
refuses connections (the embedded server logs a line per failed attempt into the app's `logs/server.log`).
Three phases: the run monitor on show (`--monitor` s), then the dashboard (`--dashboard` s), then a page
switch every 2 s through every page (`--switching` s). Every
`--sample` seconds, from inside the app's process: RSS, open fds, threads, widgets alive
(`QApplication.allWidgets()`), QObjects and QTimers under the app's roots, Python objects (and the types that
grew most), the rows the monitor's model holds, and every file of the app's home by folder; from outside,
the embedded server's RSS and fds. Anything that grows with time rather than with what is on screen is a leak.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.soak import TEMPLATE as SOAK_TEMPLATE
from bench.soak import files_by_folder
from tests.support.server_process import free_port

PAGES = ["runs", "templates", "dashboard", "executor", "settings"]
NOW = "2026-05-22T08:31:00Z"


# -- the load: its own process ------------------------------------------------------------------------------------
async def load(url: str, key: str, template_id: str, seconds: float, rate: float, hook: str) -> None:
    import httpx

    auth = {"Authorization": f"Bearer {key}"}
    deadline = time.monotonic() + seconds
    started, count = time.monotonic(), 0
    pending: set[asyncio.Task] = set()
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:

        async def cycle(n: int) -> None:
            with_ref = {"template_id": template_id, "executor_ref": f"VAN-{n % 40}"}
            if hook:
                with_ref["webhook"] = {"url": hook}
            run = (await http.post("/v1/runs", json=with_ref, headers=auth)).json()
            base = f"/v1/runs/{run['run_id']}"
            opened = (await http.post(f"{base}/open", json={})).json()
            token = {"Authorization": f"Bearer {opened['executor_token']}"}
            await asyncio.sleep(1)
            await http.put(f"{base}/answers/s-ok", json={"value": n % 3 != 0, "at": NOW}, headers=token)
            await asyncio.sleep(1)
            if n % 5 == 4:
                await http.post(f"{base}/cancel", json={}, headers=auth)
            else:
                await http.post(f"{base}/complete", json={"at": NOW}, headers=token)

        while time.monotonic() < deadline:
            task = asyncio.create_task(cycle(count))
            pending.add(task)
            task.add_done_callback(pending.discard)
            count += 1
            await asyncio.sleep(max(0.0, started + count / rate - time.monotonic()))
        await asyncio.gather(*pending, return_exceptions=True)


# The soak's template without its photo and number steps: this load answers yes/no and completes.
TEMPLATE = {
    **SOAK_TEMPLATE,
    "sections": [{**SOAK_TEMPLATE["sections"][0], "steps": SOAK_TEMPLATE["sections"][0]["steps"][:1]}],
}


# -- what the app holds --------------------------------------------------------------------------------------------
def proc_state(pid: int | str) -> dict:
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {
        "rss_mb": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": int(fields["Threads"]),
    }


def qt_state(desktop) -> dict:
    import shiboken6
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    roots: list[QObject] = [app, desktop.window, *QApplication.topLevelWidgets()]
    objects: set[int] = set()
    timers: set[int] = set()
    for root in roots:
        objects.add(shiboken6.getCppPointer(root)[0])
        objects.update(shiboken6.getCppPointer(child)[0] for child in root.findChildren(QObject))
        timers.update(shiboken6.getCppPointer(timer)[0] for timer in root.findChildren(QTimer))
    return {
        "widgets": len(QApplication.allWidgets()),
        "top_level_widgets": len(QApplication.topLevelWidgets()),
        "qobjects": len(objects),
        "qtimers": len(timers),
        "active_qtimers": sum(1 for root in roots for timer in root.findChildren(QTimer) if timer.isActive()),
    }


def python_types() -> collections.Counter:
    gc.collect()
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


async def soak(args) -> list[dict]:
    import httpx
    from PySide6.QtWidgets import QApplication

    from rundun_desktop.desktop_app import DesktopApp
    from rundun_desktop.paths import AppPaths
    from rundun_desktop.style import apply_style

    apply_style(QApplication.instance())
    home = Path(tempfile.mkdtemp(prefix="rundun-desktop-soak-"))
    desktop = DesktopApp(AppPaths.under(home), use_keyring=False)
    desktop.window.view.resize(1360, 860)
    desktop.window.show_page("runs")
    await desktop.start()
    url, app_key = desktop.api.base_url, desktop.api.api_key
    auth = {"Authorization": f"Bearer {app_key}"}
    async with httpx.AsyncClient(base_url=url, headers=auth, timeout=30) as http:
        template_id = (await http.post("/v1/templates", json=TEMPLATE)).json()["id"]
        minted = (await http.post("/v1/api-keys", json={"name": "soak load"})).json()
    load_key = minted["key"]
    total = args.monitor + args.dashboard + args.switching
    loader = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--load",
        url,
        load_key,
        template_id,
        str(total),
        str(args.rate),
        f"http://127.0.0.1:{free_port()}/hook" if args.hook_down else "",
    )
    samples: list[dict] = []
    first_types = python_types()
    phases = [("runs", args.monitor), ("dashboard", args.dashboard), ("switching", args.switching)]
    started = time.monotonic()
    pages = iter(PAGES * 10_000)
    try:
        for phase, seconds in phases:
            if phase != "switching":
                desktop.window.show_page(phase)
            end = time.monotonic() + seconds
            next_sample = time.monotonic() + args.sample
            while time.monotonic() < end:
                await asyncio.sleep(2)
                if phase == "switching":
                    desktop.window.show_page(next(pages))
                if time.monotonic() >= next_sample or time.monotonic() >= end:
                    next_sample += args.sample
                    types = python_types()
                    grown = (types - first_types).most_common(8)
                    sample = {
                        "phase": phase,
                        "t_s": round(time.monotonic() - started),
                        **proc_state("self"),
                        **qt_state(desktop),
                        "python_objects": sum(types.values()),
                        "grown_types": grown,
                        "rows": desktop.window.runs.model.rowCount(),
                        "server": proc_state(desktop.connection.server.pid)
                        if desktop.connection.server is not None
                        else {},
                        "files": files_by_folder(home),
                    }
                    samples.append(sample)
                    print(format_sample(sample), flush=True)
    finally:
        if loader.returncode is None:
            loader.terminate()
        await loader.wait()
        await desktop.close()
        desktop.window.view.close()
        shutil.rmtree(home, ignore_errors=True)
    return samples


def format_sample(s: dict) -> str:
    server = s["server"]
    return (
        f"{s['phase']:<9} {s['t_s']:>5} s  rss {s['rss_mb']:>6.1f} MB  fds {s['fds']:>3}  threads {s['threads']:>2}  "
        f"widgets {s['widgets']:>5}  qobjects {s['qobjects']:>5}  timers {s['qtimers']:>3} "
        f"(active {s['active_qtimers']})  py {s['python_objects']:>7}  rows {s['rows']:>4}  "
        f"server rss {server.get('rss_mb', 0):.1f} MB fds {server.get('fds', 0)}\n"
        f"          grown: {', '.join(f'{name} +{n}' for name, n in s['grown_types'])}\n"
        f"          files: {', '.join(f'{n} {c}/{b / 2**10:.0f} kB' for n, (c, b) in s['files'].items())}"
    )


def main() -> int:
    if sys.argv[1:2] == ["--load"]:
        url, key, template, seconds, rate = sys.argv[2:7]  # then the webhook's URL, or ""
        asyncio.run(load(url, key, template, float(seconds), float(rate), sys.argv[7]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--monitor", type=float, default=600, help="seconds with the run monitor on show")
    parser.add_argument("--dashboard", type=float, default=180, help="seconds with the dashboard on show")
    parser.add_argument("--switching", type=float, default=180, help="seconds switching pages every 2 s")
    rate_sample_json(parser)
    parser.add_argument(
        "--hook-down",
        action="store_true",
        help="the runs name a webhook receiver that is down: the server logs a line per failed attempt",
    )
    parser.add_argument(
        "--server-log-kb",
        type=float,
        help="roll logs/server.log past this many kB (default: the app's 1 MB), to see the bound in minutes",
    )
    args = parser.parse_args()
    if args.server_log_kb:
        from rundun_desktop import server_process

        server_process.SERVER_LOG_MAX_BYTES = int(args.server_log_kb * 1024)
    run_in_app(soak, args)
    return 0


def rate_sample_json(parser: argparse.ArgumentParser) -> None:
    """The options of the load and the samples, shared with `bench/desktop_week_soak.py`."""
    parser.add_argument("--rate", type=float, default=1, help="runs dispatched a second")
    parser.add_argument("--sample", type=float, default=30, help="seconds between samples")
    parser.add_argument("--json", type=Path, help="also write every sample to this file")


def run_in_app(soak_of, args) -> None:
    """`soak_of(args)` on a QApplication's qasync loop; what it returns written to `args.json` when given."""
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    result = qasync.run(soak_of(args))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    del app


if __name__ == "__main__":
    sys.exit(main())
