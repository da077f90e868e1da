"""GUI-thread CPU time of one template choice on the dashboard: the step charts built and laid out, with the
charts' words fitted on every change of their plot (as before) against fitted once the plot has settled (now),
rounds alternating in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/dashboard_choice.py [--steps 24] [--rounds 9] [--width 1024]

A choice is the controller's `_show_steps` with a new template version (every panel built anew), then Qt's
events until none is left: the page's layout, each chart's, and the words' fitting. No server: the step stats
are made up (a third meter readings in ten bins, a third choices of five options, a third yes/no).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication


def made_up(n_steps: int) -> tuple[list[dict], list[dict]]:
    steps, entries = [], []
    for i in range(n_steps):
        sid = f"s-{i}"
        if i % 3 == 0:
            steps.append(
                {"id": sid, "type": "number", "label": f"Meter reading {i}", "flag": {"above": 4000}}
            )
            edges = [426 + 444 * j for j in range(11)]
            bins = [
                {"from": lo, "to": hi, "count": (j * 7 + i) % 9}
                for j, (lo, hi) in enumerate(itertools.pairwise(edges))
            ]
            values: dict = {"histogram": bins}
            kind = "number"
        elif i % 3 == 1:
            options = [{"id": f"o{j}", "label": f"Option number {j}"} for j in range(5)]
            steps.append(
                {
                    "id": sid,
                    "type": "choice",
                    "label": f"Choice {i}",
                    "flag": ["o4"],
                    "config": {"options": options},
                }
            )
            values, kind = {o["id"]: j * 3 for j, o in enumerate(options)}, "choice"
        else:
            steps.append({"id": sid, "type": "boolean", "label": f"OK {i}?", "flag": False})
            values, kind = {"true": 45, "false": 5}, "boolean"
        entries.append(
            {"step_id": sid, "type": kind, "answered": 50, "skipped": 1, "flagged": 3, "values": values}
        )
    return steps, entries


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--width", type=int, default=1024)
    args = parser.parse_args()
    app = QApplication([])
    from rundun_desktop.app_events import AppEvents
    from rundun_desktop.dashboard import charts
    from rundun_desktop.dashboard.controller import DashboardController
    from rundun_desktop.dashboard.view import DashboardView

    view = DashboardView()
    controller = DashboardController(None, AppEvents(), view, lambda *_: None, tz="UTC")  # type: ignore[arg-type]
    view.shown.disconnect()  # no server to ask
    view.resize(args.width, 700)
    view.show()
    app.processEvents()
    settled = charts.LabelFitter.request
    fits = [0]
    fit = charts.fit_labels

    def counted(*a):
        fits[0] += 1
        fit(*a)

    charts.fit_labels = counted

    def every_change(self, *_: object) -> None:  # as before: fitted at once, on every change of the plot
        self.fit()

    steps, entries = made_up(args.steps)
    times: dict[str, list[float]] = {"before": [], "now": []}
    counts: dict[str, list[int]] = {"before": [], "now": []}
    version = 0
    for _ in range(args.rounds):
        for mode in ("before", "now"):
            charts.LabelFitter.request = every_change if mode == "before" else settled  # type: ignore[method-assign]
            version += 1
            template = {
                "id": "t",
                "v": version,
                "name": "T",
                "sections": [{"id": "g", "title": "G", "steps": steps}],
            }
            fits[0] = 0
            start = time.thread_time()
            controller._show_steps({"v": version, "runs": 50, "steps": entries}, template)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)  # the timers of the turn before
            times[mode].append((time.thread_time() - start) * 1000)
            counts[mode].append(fits[0])
    charts_shown = len(view.step_panels)
    print(f"{args.steps} steps ({charts_shown} charts), window {args.width} px, {args.rounds} rounds each")
    for mode in ("before", "now"):
        print(
            f"  {mode:6} median {statistics.median(times[mode]):6.1f} ms GUI-thread CPU"
            f" (min {min(times[mode]):.1f}, max {max(times[mode]):.1f}), words fitted {statistics.median(counts[mode]):.0f}×"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
