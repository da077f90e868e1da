"""Cold start of the desktop app against a bare PySide6 window, in the same run (a ratio: the machine is noisy).

    .venv/bin/python bench/desktop_startup.py [--runs 5]

Each run spawns the real `rundun-desktop --home H` (offscreen Qt, key in a file) as a new process:
- first start: a fresh home (bootstrap of the organisation and key, migrations, uvicorn start-up);
- later start: the same home again;
and times spawn → the window shown and the embedded server answering (the app logs "ready:" after its first
`GET /v1/org` succeeded; the log line's own timestamp is used), then reads the process's RSS and the CPU
time the app and its server process used until then (on a busy machine the wall time is mostly waiting).
While it runs, a second `rundun-desktop --home H --page settings` is timed from spawn to exit (it hands its
arguments to the running app). The baseline is a bare `QApplication` + `QMainWindow` shown, spawned the
same way.

The reading we take (issue 23, whose filer measured 1.26 s against a bare window's 0.26 s and set 1.0 s):
ready ≤ 1.0 s and ≤ 4 × the bare window (their 1.0 s against their 0.26 s); RSS ≤ 100 MB and ≤ 2 × the bare
window's; the second start exits 0 within 2 s. Read the ratios on a busy machine.

The app's modules run from bytecode caches, as in an install (pip compiles them, PyInstaller bundles them):
the tree is compiled first and the processes run without PYTHONDONTWRITEBYTECODE. Without caches every start
compiles ~300 modules from source (~0.1 s of CPU in each process), which no installed app does.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
print("SHOWN", flush=True)
sys.stdin.readline()
"""


PACKAGES = ("rundun_desktop", "server", "rundun_migrations", "resources")


def env() -> dict:
    return {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": "offscreen",
        "RUNDUN_DESKTOP_KEYRING": "0",
        "PYTHONPATH": str(ROOT),
    }


def compile_tree() -> None:
    """Write the tree's bytecode caches (`__pycache__`, ignored by git), as installing the app does."""
    paths = [str(ROOT / name) for name in PACKAGES if (ROOT / name).is_dir()]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *paths], env=env(), check=True)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used (less sensitive to a busy machine than wall time)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bare_window() -> dict:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", BARE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env()
    )
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline().strip() == "SHOWN"
    wall = time.perf_counter() - started
    rss = rss_mb(proc.pid)
    proc.stdin.close()
    proc.wait(30)
    return {"wall": wall, "rss": rss}


def ready_at(log: Path) -> float | None:
    """The wall-clock time of the app's "ready:" log line, if it is there yet."""
    try:
        text = log.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    for line in text.splitlines():
        if " ready: " in line:
            stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
            return stamp.timestamp()
    return None


def app_start(home: Path, second: bool) -> dict:
    log = home / "logs" / "rundun-desktop.log"
    log.unlink(missing_ok=True)
    spawned = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rundun_desktop", "--home", str(home)], env=env(), stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while (ready := ready_at(log)) is None:
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the app did not get ready: {log.read_text() if log.exists() else ''}")
        time.sleep(0.005)
    result = {"wall": ready - spawned, "rss": rss_mb(proc.pid), "cpu": cpu_seconds(proc.pid)}
    text = log.read_text()
    if "Connected" not in text:
        raise RuntimeError("the app got ready without its embedded server")
    server = re.search(r"embedded server process (\d+)", text)
    result["server_cpu"] = cpu_seconds(int(server.group(1))) if server else 0.0
    if second:
        started = time.perf_counter()
        handed = subprocess.run(
            [sys.executable, "-m", "rundun_desktop", "--home", str(home), "--page", "settings"],
            env=env(),
            capture_output=True,
            timeout=60,
            check=False,
        )
        result["second"] = time.perf_counter() - started
        result["second_rc"] = handed.returncode
    time.sleep(1.0)
    result["rss_later"] = rss_mb(proc.pid)
    proc.terminate()
    proc.wait(30)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_tree()
    bare, first, later = [], [], []
    for _ in range(args.runs):
        bare.append(bare_window())
        home = Path(tempfile.mkdtemp(prefix="rundun-start-"))
        first.append(app_start(home, second=False))
        later.append(app_start(home, second=True))

    def med(runs, key):
        return statistics.median(r[key] for r in runs)

    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a shared machine: read the ratios)"
    )
    print(f"bare PySide6 window      spawn→shown {med(bare, 'wall'):.2f} s, RSS {med(bare, 'rss'):.0f} MB")
    for name, runs in (("first start (bootstrap)", first), ("later start", later)):
        print(
            f"{name:24s} spawn→window + server ready {med(runs, 'wall'):.2f} s "
            f"({med(runs, 'wall') / med(bare, 'wall'):.2f}× bare; max {max(r['wall'] for r in runs):.2f} s), "
            f"RSS {med(runs, 'rss'):.0f} MB ({med(runs, 'rss') / med(bare, 'rss'):.2f}× bare), "
            f"1 s later {med(runs, 'rss_later'):.0f} MB; CPU to ready: app {med(runs, 'cpu'):.2f} s, "
            f"its server process {med(runs, 'server_cpu'):.2f} s"
        )
    seconds = [r["second"] for r in later]
    print(
        f"second start on the same home: exits {sorted({r['second_rc'] for r in later})} after "
        f"{statistics.median(seconds):.2f} s median (max {max(seconds):.2f} s)"
    )
    wall, rss = med(later, "wall"), med(later, "rss")
    time_ratio, rss_ratio = wall / med(bare, "wall"), rss / med(bare, "rss")

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    print(
        f"later start: ready {wall:.2f} s = {time_ratio:.1f}× bare (targets ≤ 1.0 s: {verdict(wall <= 1.0)}, "
        f"≤ 4× bare: {verdict(time_ratio <= 4)}); RSS {rss:.0f} MB = {rss_ratio:.2f}× bare "
        f"(≤ 100 MB: {verdict(rss <= 100)}, ≤ 2× bare: {verdict(rss_ratio <= 2)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
