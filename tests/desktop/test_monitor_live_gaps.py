"""Runs the live monitor missed (found by a supervisor's audit, 2,350 runs against the real server):

- a run dispatched by another API client (no event) a moment before another run's event: the read after the
  event started at the event and moved the position the poll reads from past the first run, which the monitor
  then never showed ("2,265 runs" against 2,269);
- every new run, in any order but newest first: the list stayed at "141 runs" under "● Live" while 401 existed.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QPoint, Qt

from rundun_desktop.monitor.runs_model import COL_REF
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor
from tests.desktop.test_dashboard import FLAGGED_TEMPLATE
from tests.desktop.test_monitor_filters_live import listed, wait_for_a_later_second


def test_a_run_dispatched_by_another_client_just_before_an_event_is_still_shown(desktop, aloop, live_server):
    template = run(aloop, desktop.api.create_template(FLAGGED_TEMPLATE))
    window = desktop.window
    window.show_page("runs")
    live = desktop.live
    wait_until(aloop, lambda: live.mode == "stream" and live._watermark is not None, 15)
    live.stream_poll_interval = 3600.0  # the poll only when poked: the event's read alone comes in between
    live.poke()
    wait_until(aloop, lambda: not live._wake.is_set(), 10)  # that look is done; the next waits for a poke

    quiet = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "QUIET"}))
    wait_for_a_later_second(aloop, run(aloop, desktop.api.get_run(quiet["run_id"]))["updated_at"])
    opened = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "OPENED"}))

    async def open_it() -> None:
        async with Executor(live_server.url, opened["run_id"]) as executor:
            await executor.open()

    run(aloop, open_it())  # its event is read from the event's time on
    wait_until(aloop, lambda: opened["run_id"] in listed(desktop), 15)
    live.poke()  # the next look, from where the last look read up to
    wait_until(aloop, lambda: quiet["run_id"] in listed(desktop), 15)
    assert listed(desktop)[:2] == [opened["run_id"], quiet["run_id"]]


def test_runs_that_arrive_in_another_order_are_counted_and_sorted_in_on_a_click(desktop, aloop, qtbot):
    template = run(aloop, desktop.api.create_template(FLAGGED_TEMPLATE))
    first = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "B-2"}))
    window = desktop.window
    window.show_page("runs")
    view = window.runs_view
    wait_until(aloop, lambda: listed(desktop) == [first["run_id"]], 15)
    wait_until(aloop, lambda: desktop.live.mode == "stream", 10)
    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(COL_REF) + 10, 10),
    )
    wait_until(aloop, lambda: window.runs.model.sort_key.lstrip("-") == "executor_ref", 10)
    wait_until(aloop, lambda: view.count_label.text() == "1 run", 15)

    second = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "A-1"}))
    wait_until(aloop, lambda: view.order_notice.isVisible(), 20)  # the poll finds it: no event for a dispatch
    assert view.order_notice.text().startswith("New or changed since this order was read: 1 run.")
    wait_until(aloop, lambda: view.count_label.text() == "2 runs", 15)  # the count is the server's
    assert listed(desktop) == [first["run_id"]]  # not placed by guess: the server's order decides

    view.order_notice.linkActivated.emit("#")  # "sort them in"
    wait_until(aloop, lambda: set(listed(desktop)) == {first["run_id"], second["run_id"]}, 15)
    assert not view.order_notice.isVisible()
    order = [window.runs.model.run_at(row)["executor_ref"] for row in range(2)]
    descending = window.runs.model.sort_key.startswith("-")
    assert order == sorted(order, reverse=descending)


def test_runs_arriving_above_leave_the_rows_in_sight_where_they_are(desktop, aloop):
    """Scrolled down the list, a supervisor reads a run while new ones arrive at the top: they pushed the rows
    in sight down and away, and a click aimed at one row landed on another. At the top, the newest show."""
    template = run(aloop, desktop.api.create_template(FLAGGED_TEMPLATE))
    for n in range(40):
        run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": f"OLD-{n:02}"}))
    window = desktop.window
    window.view.resize(1280, 800)
    window.show_page("runs")
    runs, table = window.runs, window.runs_view.table
    runs.reload()
    wait_until(aloop, lambda: runs.model.rowCount() == 40 and desktop.live.mode == "stream", 15)
    bar = table.verticalScrollBar()
    wait_until(aloop, lambda: bar.maximum() > 400, 5)
    bar.setValue(400)
    in_sight = runs.model.run_at(table.rowAt(0))["run_id"]
    at_y = table.rowViewportPosition(table.rowAt(0))

    for n in range(3):
        run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": f"NEW-{n}"}))
    desktop.live.poke()
    wait_until(aloop, lambda: runs.model.rowCount() == 43, 15)
    run(aloop, asyncio.sleep(0))  # the view's own layout after the insertion
    assert runs.model.run_at(table.rowAt(0))["run_id"] == in_sight
    assert table.rowViewportPosition(table.rowAt(0)) == at_y

    bar.setValue(0)  # at the top: the newest runs come into sight
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "NEWEST"}))
    desktop.live.poke()
    wait_until(aloop, lambda: runs.model.rowCount() == 44, 15)
    assert bar.value() == 0 and runs.model.run_at(table.rowAt(0))["executor_ref"] == "NEWEST"
