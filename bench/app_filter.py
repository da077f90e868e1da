"""What the app's application-wide event filter costs an event (rundun_desktop/widgets/app_filter.py).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/app_filter.py [--events 200000] [--rounds 5]

Every event of every object passes through an application-wide filter, some 5,000 a second while a run's
detail refreshes. Sent to a label (no rule is for it: nearly every event) and to a push button (the Enter
rule's), with: Qt alone; the two ungated Python filters the app had before (as they were at eaa7803, below,
the baseline); the app's one filter, gated by the watched object's class. CPU µs an event, medians of the rounds,
and the app's filter ÷ the baseline (a ratio: the machine is noisy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLabel, QPushButton

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rundun_desktop.widgets.app_filter import AppFilter
from rundun_desktop.widgets.enter_presses import RULE as ENTER_RULE
from rundun_desktop.widgets.wheel import RULE as WHEEL_RULE


class UngatedWheel(QObject):
    """The wheel guard's filter before (its checks only: what each event paid)."""

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, (QComboBox, QAbstractSpinBox)):
            return False
        if kind == QEvent.Type.Wheel and isinstance(watched, (QComboBox, QAbstractSpinBox)):
            return False
        return False


class UngatedEnter(QObject):
    """The Enter filter before (its checks only)."""

    def eventFilter(self, watched, event):
        return event.type() == QEvent.Type.KeyPress and isinstance(watched, QPushButton) and False


def per_event(target: QObject, events: int) -> float:
    event = QEvent(QEvent.Type.User)  # seen by every filter, handled by no rule
    started = time.process_time()
    for _ in range(events):
        QApplication.sendEvent(target, event)
    return (time.process_time() - started) / events * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    targets = {"label": QLabel("x"), "button": QPushButton("x")}
    ungated = [UngatedWheel(app), UngatedEnter(app)]
    gated = AppFilter(app)
    gated.add(WHEEL_RULE)
    gated.add(ENTER_RULE)
    setups = {"Qt alone": [], "before: two ungated filters": ungated, "the app's filter": [gated]}
    figures: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.rounds):
        for name, filters in setups.items():  # in turn every round: a burst of load hits each
            for f in filters:
                app.installEventFilter(f)
            for target_name, target in targets.items():
                figures.setdefault((name, target_name), []).append(per_event(target, args.events))
            for f in filters:
                app.removeEventFilter(f)
    for target_name in targets:
        print(f"an event of a {target_name}:")
        for name in setups:
            print(f"  {name:30} {statistics.median(figures[name, target_name]):.2f} µs")
        ratios = [
            (gated_us - qt) / (before - qt)
            for gated_us, before, qt in zip(
                figures["the app's filter", target_name],
                figures["before: two ungated filters", target_name],
                figures["Qt alone", target_name],
                strict=True,
            )
        ]
        print(f"  the filter's own cost, after ÷ before: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
