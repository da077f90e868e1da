"""The real desktop app with a watch on its GUI thread, for driving it by hand (xdotool) on a big organisation.

    RUNDUN_DESKTOP_HOME=… .venv/bin/python bench/fleet_desktop.py LOG

A 10 ms heartbeat QTimer on the GUI thread: every gap over 100 ms is written to LOG with the wall time
(`stall <ms> at <time>`), every 30 s the app's RSS (`rss <MiB>`), and once the time from start to the
first rows of a table on screen. The app is otherwise `rundun-desktop`.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main(log_path: Path) -> int:
    app = QApplication(sys.argv[:1])
    log = log_path.open("a", buffering=1)
    last = [time.perf_counter()]
    checked = [time.perf_counter()]
    started, first_rows = time.perf_counter(), [False]

    def rows_shown() -> bool:
        from PySide6.QtWidgets import QTableView

        for top in app.topLevelWidgets():
            for table in top.findChildren(QTableView):
                if table.isVisible() and table.model() is not None and table.model().rowCount() > 0:
                    return True
        return False

    def beat() -> None:
        now = time.perf_counter()
        gap = now - last[0]
        if gap > 0.1:
            log.write(f"stall {gap * 1000:.0f} ms at {time.strftime('%H:%M:%S')}\n")
        last[0] = now
        if not first_rows[0] and rows_shown():
            first_rows[0] = True
            log.write(f"first rows {1000 * (now - started):.0f} ms after start\n")
        if now - checked[0] > 30:
            checked[0] = now
            rss = int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20
            log.write(f"rss {rss:.0f} MiB at {time.strftime('%H:%M:%S')}\n")

    main_id = threading.get_ident()

    def watch() -> None:  # a poor man's py-spy: where the GUI thread is while a beat is late
        while True:
            time.sleep(0.05)
            if time.perf_counter() - last[0] > 0.1:
                frame = sys._current_frames().get(main_id)
                where = []
                while frame is not None and len(where) < 6:
                    code = frame.f_code
                    where.append(f"{Path(code.co_filename).name}:{frame.f_lineno}:{code.co_name}")
                    frame = frame.f_back
                log.write("  late in " + " < ".join(where) + "\n")

    threading.Thread(target=watch, daemon=True).start()
    heartbeat = QTimer(app)
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    from rundun_desktop.app import main as app_main

    return app_main([])


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
