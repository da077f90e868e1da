"""Cold start of the desktop app: process spawn → main window shown → embedded server ready (connected).

    .venv/bin/python bench/desktop_startup.py [--runs 5]

Each run is a new process (offscreen Qt) with a fresh home, so it is a true first start: bootstrap of the
organisation and key, migrations, uvicorn start-up, the first `GET /v1/org`. Warm runs reuse the home.
Target (issue): ≤ 1.5 s from spawn to a shown window with the embedded server ready.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time, json
t0 = time.perf_counter()
sys.modules.setdefault("httpx._main", None)  # as rundun_desktop.app.main does
from pathlib import Path
from rundun_desktop.boot import EarlyBoot
from rundun_desktop.paths import AppPaths
paths = AppPaths.under(Path(sys.argv[1]))
early = EarlyBoot.if_embedded(paths)  # exactly as rundun_desktop.app.main does
import asyncio, qasync
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
marks = {}

async def main():
    from rundun_desktop.desktop_app import DesktopApp
    from rundun_desktop.style import apply_style
    apply_style(app)
    desktop = DesktopApp(paths, use_keyring=False, early_boot=early)
    desktop.window.show()
    app.processEvents()
    marks["shown"] = time.perf_counter() - t0
    await desktop.connection.start()
    assert desktop.connection.state == "connected", desktop.connection.state_text
    marks["ready"] = time.perf_counter() - t0
    print("READY " + json.dumps(marks), flush=True)
    await desktop.close()

qasync.run(main())
"""


def one_run(home: Path) -> dict:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "RUNDUN_DESKTOP_KEYRING": "0",
    }
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY "):
            wall = time.perf_counter() - started
            marks = json.loads(line[6:])
            break
    else:
        raise RuntimeError("the app did not report ready")
    proc.wait(timeout=30)
    return {"wall": wall, **marks}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    first, warm = [], []
    for _ in range(args.runs):
        home = Path(tempfile.mkdtemp(prefix="rundun-start-"))
        first.append(one_run(home))
        warm.append(one_run(home))
    for name, runs in (("first start (bootstrap)", first), ("later start", warm)):
        wall = statistics.median(r["wall"] for r in runs)
        shown = statistics.median(r["shown"] for r in runs)
        print(
            f"{name:24s} spawn→window shown {shown:.2f} s (in-process), spawn→server ready {wall:.2f} s "
            f"(median of {len(runs)}; max {max(r['wall'] for r in runs):.2f} s)"
        )
    worst = statistics.median(r["wall"] for r in first)
    print(f"target ≤ 1.5 s: {'met' if worst <= 1.5 else 'NOT met'} ({worst:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
