"""A burst of live changes never blocks the GUI thread: a 10 ms heartbeat timer keeps beating while 20,000
runs arrive, and the model takes them a frame's budget at a time, in one insertion per frame.

The heartbeat reads the GUI thread's own CPU clock (`time.thread_time`): the work done between two beats is
what blocks it, and that does not grow when a busy machine gives the process less of a core (the wall-clock
gaps do: they are reported in the message, not counted)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import time
from collections.abc import Iterator

from PySide6.QtCore import QTimer

from rundun_desktop.monitor.runs_controller import FRAME_BUDGET
from tests.desktop.conftest import run, wait_until
from tests.desktop.test_runs_model import summary

BURST = 20_000


def stalls_in(beats: list[float]) -> list[int]:
    """The heartbeat's gaps over 100 ms, in ms: times the GUI thread could not run its timer."""
    return [round((b - a) * 1000) for a, b in itertools.pairwise(beats) if b - a > 0.1]


@contextlib.contextmanager
def heartbeat(aloop) -> Iterator[tuple[list[float], list[float]]]:
    """A 10 ms timer's beats while the block runs and twenty after: the GUI thread's CPU clock and the wall's.

    What the test process held before (thousands of earlier tests' objects, late in a CI worker) is frozen out
    of the collector's passes while it runs: one full pass over it took the GUI thread 108 ms in CI, none of
    it the monitor's. The burst's own garbage is still collected, and counted."""
    beats: list[float] = []
    walls: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: (beats.append(time.thread_time()), walls.append(time.perf_counter())))
    gc.collect()
    gc.freeze()
    timer.start()
    try:
        wait_until(aloop, lambda: len(beats) >= 5, 10)
        beats[:], walls[:] = [], []
        yield beats, walls
        after = len(beats)
        wait_until(aloop, lambda: len(beats) >= after + 20, 10)
    finally:
        timer.stop()
        gc.unfreeze()


def test_a_burst_of_20000_live_runs_never_stalls_the_gui_thread(desktop, aloop):
    runs = desktop.window.runs
    desktop.window.show_page("runs")
    run(aloop, desktop.live.stop())  # only this burst reaches the model
    runs.reload()
    wait_until(aloop, lambda: runs.model.answered, 10)
    model = runs.model
    insertions: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: insertions.append(last - first + 1))
    chunks = [  # as the live updates hand them over: one list per read of the changes
        [summary(i, created_at=f"2027-01-01T00:00:00.{i:06d}Z") for i in range(start, start + 500)]
        for start in range(0, BURST, 500)
    ]

    async def burst() -> None:
        for chunk in chunks:
            runs.apply_changes(chunk)
            await asyncio.sleep(0.005)  # the next read's answer arrives (sooner than a real one would)

    with heartbeat(aloop) as (beats, walls):
        run(aloop, burst(), 60)
        wait_until(aloop, lambda: not runs._pending and model.row_of(f"r-{BURST - 1:06d}") == 0, 60)
    blocked = stalls_in(beats)
    assert not blocked, (
        f"the GUI thread worked {blocked} ms of CPU between two beats (wall: {stalls_in(walls)})"
    )
    assert insertions and max(insertions) <= FRAME_BUDGET  # a frame's budget at a time, one insertion each
    assert len(insertions) >= BURST // FRAME_BUDGET // 2  # spread over frames, not one block
    assert (
        model.rowCount() <= model.max_rows * 1.25 + FRAME_BUDGET
        and model.cached_rows <= model.max_cached_rows
    )
    assert model.run_at(0)["run_id"] == f"r-{BURST - 1:06d}"
