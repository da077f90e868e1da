"""A supervisor's week with the desktop app open, in minutes: detail views, suspends, a server that goes away.

    .venv/bin/python bench/desktop_week_soak.py --phase cycling|detail|events [--seconds 600] [--rate 1]
        [--sample 30] [--json FILE]

The real app (`DesktopApp`, its embedded server in a child process), as `bench/desktop_app_soak.py` runs it and
with its load process (`--rate` runs a second, each opened, answered and completed or cancelled). One phase:

- `cycling`: every 2 s the next of: the monitor with the newest run's detail open, the detail closed, the
  dashboard, the templates (a person going back and forth all day).
- `detail`: one run's detail open on the monitor while a second load process answers that run's steps every
  2 s and uploads a photo (a real JPEG) to it every 6 s (over tus), so the detail refreshes, with thumbnails, all along.
- `events`: the monitor on show while the machine is suspended (the app and its server stopped with SIGSTOP
  for `--suspend` s, then SIGCONT), the embedded server killed (SIGKILL: the app starts it again), and the
  server hanging, as a remote one behind a lost Wi-Fi does (its process stopped for `--hang` s). After each,
  how long until the app says connected, streams again and shows a run dispatched then; the monitor's rows
  checked for duplicates, message boxes counted, and the GUI thread's longest stall outside the stops.

Every `--sample` s the same numbers as `bench/desktop_app_soak.py` (RSS, fds, threads, widgets, QObjects,
QTimers, Python objects by type, the monitor's rows, the app's files by folder), printed and kept in `--json`.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import collections
import hashlib
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.desktop_app_soak import (
    format_sample,
    proc_state,
    python_types,
    qt_state,
    rate_sample_json,
    run_in_app,
)
from bench.soak import NOW, TUS, files_by_folder
from bench.soak import TEMPLATE as SOAK_TEMPLATE

STEP_S = 2.0
# The soak's template, its photo step taking five (the detail's run gets a new photo at each index in turn).
TEMPLATE = {
    **SOAK_TEMPLATE,
    "sections": [
        {
            **SOAK_TEMPLATE["sections"][0],
            "steps": [
                *SOAK_TEMPLATE["sections"][0]["steps"][:3],
                {"id": "s-photo", "type": "photo", "label": "Picture", "config": {"min": 1, "max": 5}},
            ],
        }
    ],
}


def photo(n: int) -> bytes:
    """A real JPEG (the detail decodes its thumbnail), 1024 × 768 and different each time."""
    import io

    from PIL import Image

    image = Image.effect_noise((1024, 768), 40 + n % 50).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


# -- the detail's run, answered all along: a process of its own -----------------------------------------------
async def answer_run(url: str, run_id: str, token: str, seconds: float) -> None:
    import httpx

    auth = {"Authorization": f"Bearer {token}"}
    base = f"/v1/runs/{run_id}"
    deadline = time.monotonic() + seconds
    n = 0
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        while time.monotonic() < deadline:
            answers = {"s-ok": n % 2 == 0, "s-km": n, "s-note": f"note {n}"}
            for step, value in answers.items():
                await http.put(f"{base}/answers/{step}", json={"value": value, "at": NOW}, headers=auth)
            if n % 3 == 0:
                data = photo(n)
                meta = {
                    "step_id": "s-photo",
                    "photo_index": str(n // 3 % 5),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
                headers = {
                    **TUS,
                    **auth,
                    "Upload-Length": str(len(data)),
                    "Upload-Metadata": ",".join(
                        f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in meta.items()
                    ),
                }
                created = await http.post(f"{base}/uploads/", headers=headers)
                patch = {
                    **TUS,
                    **auth,
                    "Content-Type": "application/offset+octet-stream",
                    "Upload-Offset": "0",
                }
                await http.patch(created.headers["Location"], content=data, headers=patch)
            n += 1
            await asyncio.sleep(STEP_S)


# -- the GUI thread's stalls --------------------------------------------------------------------------------------
class Heartbeat:
    """A 50 ms QTimer; every gap longer than `STALL_S` is kept as (wall seconds, the GUI thread's CPU seconds in
    it): on a loaded machine a long gap of little CPU is the machine's, not the app's (a stop shows as one)."""

    STALL_S = 0.5

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last, self.last_cpu = time.monotonic(), time.thread_time()
        self.stalls: list[tuple[float, float]] = []
        self.timer = QTimer(interval=50)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        now, cpu = time.monotonic(), time.thread_time()
        if now - self.last > self.STALL_S:
            self.stalls.append((round(now - self.last, 2), round(cpu - self.last_cpu, 2)))
        self.last, self.last_cpu = now, cpu

    def skip(self) -> None:
        """The sampler's own pass (a gc walk) is no stall of the app's."""
        self.last, self.last_cpu = time.monotonic(), time.thread_time()


def qobject_types(desktop) -> collections.Counter:
    """QObjects under the window and the top-level widgets, by class (which kind grows)."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    seen: dict[int, str] = {}
    for root in [desktop.window.view, *QApplication.topLevelWidgets()]:
        for child in [root, *root.findChildren(QObject)]:
            seen[id(child)] = type(child).__name__
    return collections.Counter(seen.values())


def message_boxes() -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    return sum(1 for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())


def duplicate_rows(desktop) -> int:
    ids = [run["run_id"] for run in desktop.window.runs.model.loaded_runs()]
    return len(ids) - len(set(ids))


async def wait_for(condition, limit: float) -> float | None:
    """Seconds until `condition()` holds (checked every 0.1 s), None past `limit`."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if condition():
            return round(time.monotonic() - started, 1)
        await asyncio.sleep(0.1)
    return None


desktop_said: list[
    tuple[float, str]
] = []  # (seconds since the script started, the connection's state or live mode)
SCRIPT_START = time.monotonic()


def listen(desktop) -> None:
    """What a person reads in the status bar and beside the monitor, as it changes."""

    def note(what: str) -> None:
        desktop_said.append((time.monotonic() - SCRIPT_START, what))

    desktop.events.connection_changed.connect(lambda state, _text: note(f"connection {state}"))
    desktop.events.live_mode_changed.connect(lambda mode: note(f"live {mode}"))


async def recovery(desktop, http, template_id: str, what: str, since: float) -> dict:
    """After `what` (which began `since` s after the script started): until connected, until streaming, until a run
    dispatched now is on the monitor; and what the app said meanwhile."""
    import httpx

    from rundun_desktop.connection import CONNECTED
    from rundun_desktop.live import STREAM

    connected = await wait_for(lambda: desktop.connection.state == CONNECTED, 120)
    said = [f"{t:.0f} s {what}" for t, what in desktop_said if t >= since - 1]
    streaming = await wait_for(lambda: desktop.live.mode == STREAM, 120)
    probe = None
    for _ in range(60):  # the server may still be coming back: the probe's dispatch is retried
        try:
            r = await http.post("/v1/runs", json={"template_id": template_id, "executor_ref": "PROBE"})
            probe = r.json()["run_id"]
            break
        except (httpx.HTTPError, KeyError, ValueError):  # refused, timed out, or an error body
            await asyncio.sleep(1)
    shown = await wait_for(lambda: desktop.window.runs.model.row_of(probe) is not None, 60) if probe else None
    result = {
        "event": what,
        "began_s": round(since),
        "connected_after_s": connected,
        "streaming_after_s": streaming,
        "probe_shown_after_s": shown,
        "duplicate_rows": duplicate_rows(desktop),
        "message_boxes": message_boxes(),
        "the app said": said,
    }
    print(f"after {what}: {result}", flush=True)
    return result


async def events_schedule(desktop, http, template_id: str, args, results: list) -> None:
    """Suspend, kill, hang; each followed by the recovery checks. Stalls during a stop are not the app's."""
    await asyncio.sleep(60)
    server = desktop.connection.server
    app_pid = os.getpid()
    began = time.monotonic() - SCRIPT_START
    # A suspend: the laptop, app and server alike. A process cannot SIGCONT itself: a shell does both.
    stopper = await asyncio.create_subprocess_exec(
        "sh",
        "-c",
        f"kill -STOP {server.pid} {app_pid}; sleep {args.suspend}; kill -CONT {app_pid} {server.pid}",
    )
    await stopper.wait()
    results.append(await recovery(desktop, http, template_id, f"suspend {args.suspend:.0f} s", began))
    await asyncio.sleep(60)
    began = time.monotonic() - SCRIPT_START
    os.kill(desktop.connection.server.pid, signal.SIGKILL)
    await asyncio.sleep(15)  # the app's heartbeat (10 s) finds it gone
    results.append(await recovery(desktop, http, template_id, "server killed", began))
    await asyncio.sleep(60)
    pid = desktop.connection.server.pid
    began = time.monotonic() - SCRIPT_START
    os.kill(pid, signal.SIGSTOP)
    await asyncio.sleep(args.hang)
    boxes_during = message_boxes()
    os.kill(pid, signal.SIGCONT)
    result = await recovery(desktop, http, template_id, f"server hung {args.hang:.0f} s", began)
    result["message_boxes_while_hung"] = boxes_during
    results.append(result)


async def soak(args) -> dict:
    import httpx
    from PySide6.QtWidgets import QApplication

    from rundun_desktop.desktop_app import DesktopApp
    from rundun_desktop.paths import AppPaths
    from rundun_desktop.style import apply_style

    apply_style(QApplication.instance())
    home = Path(tempfile.mkdtemp(prefix="rundun-desktop-week-"))
    desktop = DesktopApp(AppPaths.under(home), use_keyring=False)
    desktop.window.view.resize(1360, 860)
    desktop.window.show_page("runs")
    desktop.window.view.show()
    await desktop.start()
    url, app_key = desktop.api.base_url, desktop.api.api_key
    http = httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {app_key}"}, timeout=10)
    template_id = (await http.post("/v1/templates", json=TEMPLATE)).json()["id"]
    load_key = (await http.post("/v1/api-keys", json={"name": "soak load"})).json()["key"]
    loaders = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            str(ROOT / "bench" / "desktop_app_soak.py"),
            "--load",
            url,
            load_key,
            template_id,
            str(args.seconds),
            str(args.rate),
            "",
        )
    ]
    runs = desktop.window.runs
    if args.phase == "detail":
        run_id = (
            await http.post("/v1/runs", json={"template_id": template_id, "executor_ref": "WATCHED"})
        ).json()["run_id"]
        token = (await http.post(f"/v1/runs/{run_id}/open", json={})).json()["executor_token"]
        await wait_for(lambda: runs.model.row_of(run_id) is not None, 60)
        runs.select_run(run_id)
        loaders.append(
            await asyncio.create_subprocess_exec(
                sys.executable, __file__, "--answer", url, run_id, token, str(args.seconds)
            )
        )
    heartbeat = Heartbeat()
    listen(desktop)
    results: list[dict] = []
    schedule = (
        asyncio.ensure_future(events_schedule(desktop, http, template_id, args, results))
        if args.phase == "events"
        else None
    )
    samples: list[dict] = []
    first_types = python_types()
    first_qobjects = qobject_types(desktop)
    started = time.monotonic()
    cycle = ["detail", "close", "dashboard", "templates"]
    step = 0
    next_sample = started + args.sample
    try:
        while time.monotonic() - started < args.seconds:
            await asyncio.sleep(STEP_S)
            if args.phase == "cycling":
                move = cycle[step % len(cycle)]
                step += 1
                if move == "detail":
                    desktop.window.show_page("runs")
                    newest = runs.model.run_at(0) if runs.model.rowCount() else None
                    if newest:
                        runs.select_run(newest["run_id"])
                elif move == "close":
                    runs.close_detail()
                else:
                    desktop.window.show_page(move)
            if time.monotonic() >= next_sample:
                next_sample = time.monotonic() + args.sample  # after a stop, one sample, not a catch-up burst
                types = python_types()
                sample = {
                    "phase": args.phase,
                    "t_s": round(time.monotonic() - started),
                    **proc_state("self"),
                    **qt_state(desktop),
                    "python_objects": sum(types.values()),
                    "grown_types": (types - first_types).most_common(8),
                    "grown_qobjects": (qobject_types(desktop) - first_qobjects).most_common(8),
                    "rows": runs.model.rowCount(),
                    "duplicate_rows": duplicate_rows(desktop),
                    "message_boxes": message_boxes(),
                    "server": proc_state(desktop.connection.server.pid)
                    if desktop.connection.server is not None and desktop.connection.server.alive
                    else {},
                    "files": files_by_folder(home),
                }
                samples.append(sample)
                print(format_sample(sample), flush=True)
                print(f"          qobjects grown: {sample['grown_qobjects']}", flush=True)
                heartbeat.skip()
        if schedule is not None:
            await schedule
    finally:
        for loader in loaders:
            if loader.returncode is None:
                loader.terminate()
            await loader.wait()
        await http.aclose()
        await desktop.close()
        desktop.window.view.close()
        shutil.rmtree(home, ignore_errors=True)
    stalls = heartbeat.stalls
    print(f"GUI stalls over {Heartbeat.STALL_S} s, (wall s, GUI thread CPU s): {stalls}", flush=True)
    return {"samples": samples, "events": results, "stalls_s": stalls}


def main() -> int:
    if sys.argv[1:2] == ["--answer"]:
        url, run_id, token, seconds = sys.argv[2:6]
        asyncio.run(answer_run(url, run_id, token, float(seconds)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", choices=["cycling", "detail", "events"], required=True)
    parser.add_argument("--seconds", type=float, default=600, help="how long the phase lasts")
    rate_sample_json(parser)
    parser.add_argument("--suspend", type=float, default=180, help="events: seconds the app and server stop")
    parser.add_argument("--hang", type=float, default=180, help="events: seconds the server hangs")
    args = parser.parse_args()
    run_in_app(soak, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
