"""GUI-thread CPU time of the first visit to the Templates page (the page built, shown and laid out), with the
editor built at once as before against built when first needed (now), rounds alternating in the same run;
then the first template opened, which now pays for the editor.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/templates_first_visit.py [--rounds 9]

No server, and the list's reading is left out (`TemplateListController.refresh` does nothing here: it is the
same both ways); each round's page is built from scratch. The editor's modules are imported before the first round, so both ways
time building, not importing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication
from qasync import QEventLoop

from tests.support.samples import vehicle_inspection


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    app = QApplication([])
    asyncio.set_event_loop(QEventLoop(app))  # the page's slots are coroutines: scheduled, never run here
    from rundun_desktop.api_client import ApiClient
    from rundun_desktop.editor import TemplatesPage
    from rundun_desktop.editor.list_controller import TemplateListController

    TemplateListController.refresh = lambda self: None  # type: ignore[method-assign]

    api = ApiClient("http://127.0.0.1:9", "rk_bench")
    body = vehicle_inspection()
    times: dict[str, list[float]] = {"before": [], "now": [], "first open": []}
    for _ in range(args.rounds):
        for mode in ("before", "now"):
            start = time.thread_time()
            page = TemplatesPage(api)
            if mode == "before":
                page.editor_view  # noqa: B018 (built with the list, as before)
            page.resize(1024, 700)
            page.show()
            app.processEvents()
            times[mode].append((time.thread_time() - start) * 1000)
            if mode == "now":
                start = time.thread_time()
                page.open_body(body)
                app.processEvents()
                times["first open"].append((time.thread_time() - start) * 1000)
            page.saver.never_saved = False
            page.editor.stack.setClean()
            page.close()
            page.deleteLater()
            app.processEvents()
    print(f"first visit to the Templates page, window 1024×700, {args.rounds} rounds each")
    for mode, what in times.items():
        print(
            f"  {mode:10} median {statistics.median(what):6.1f} ms GUI-thread CPU (min {min(what):.1f}, max {max(what):.1f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
