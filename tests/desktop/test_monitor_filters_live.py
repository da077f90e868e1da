"""Live changes follow the monitor's filters, as the unfiltered list follows every change: a run that comes to
match joins the list in its place, one that stops matching leaves it. Under "With findings" a run completed with
a finding showed only after a refresh; under "Pending" a run in progress stayed; under a dashboard's day no live
run appeared at all. The rows behind it (`RowWindow.insert`/`remove`) are checked against a plain list."""

from __future__ import annotations

import asyncio
import random
import time

from PySide6.QtCore import Qt

from rundun_desktop.monitor.row_window import RowWindow
from rundun_desktop.monitor.runs_controller import FRAME_BUDGET
from rundun_desktop.monitor.runs_model import RunsTableModel, matches
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor
from tests.desktop.test_dashboard import FLAGGED_TEMPLATE, open_dashboard, seed
from tests.desktop.test_monitor_burst import heartbeat, stalls_in
from tests.desktop.test_runs_model import feed_more, page, summary

SECOND = "%Y-%m-%dT%H:%M:%SZ"  # the server's created_at: one-second grain


def listed(app) -> list[str]:
    model = app.window.runs.model
    return [model.run_at(row)["run_id"] for row in range(model.rowCount())]


def wait_for_a_later_second(aloop, created_at: str) -> None:
    """Until the server's clock is past `created_at`: the next run is the newer one, not one of the same second."""
    wait_until(aloop, lambda: time.strftime(SECOND, time.gmtime()) > created_at, 5)


async def answer(url: str, run_id: str, answers: dict, *, complete: bool = False) -> None:
    async with Executor(url, run_id) as ex:
        await ex.open()
        for step, value in answers.items():
            await ex.answer(step, value)
        if complete:
            await ex.complete()


def dispatch_in_the_dialog(app, aloop, qtbot, ref: str) -> str:
    dialog = app.window.runs.open_dispatch()
    view = dialog.view
    wait_until(aloop, lambda: view.dispatch_button.isEnabled() and view.template.currentData(), 10)
    qtbot.keyClicks(view.executor_ref, ref)
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.showing_result, 10)
    view.accept()
    return dialog.result["run_id"]


# -- against the real server ------------------------------------------------------------------------------------
def test_with_findings_takes_a_run_completed_with_a_finding_in_its_place(desktop, aloop, live_server):
    seeded = seed(desktop, aloop, live_server.url)  # pending, flagged (completed), fine (in progress)
    older = run(aloop, desktop.api.get_run(seeded["pending"]))
    wait_for_a_later_second(aloop, older["created_at"])
    newer = run(aloop, desktop.api.dispatch_run({"template_id": seeded["template"]["id"]}))["run_id"]
    run(aloop, answer(live_server.url, newer, {"s-ok": False}, complete=True))
    window = desktop.window
    window.show_page("runs")
    view, runs_model = window.runs_view, window.runs.model
    view.findings_filter.setCurrentIndex(view.findings_filter.findText("With findings"))
    wait_until(aloop, lambda: listed(desktop) == [newer, seeded["flagged"]], 15)
    wait_until(aloop, lambda: view.count_label.text() == "2 runs", 15)
    wait_until(aloop, lambda: desktop.live.mode == "stream", 10)

    # The pending run, older than the newest listed, is completed with a finding: it joins below the newer one.
    run(aloop, answer(live_server.url, seeded["pending"], {"s-temp": 320}, complete=True))
    wait_until(aloop, lambda: seeded["pending"] in listed(desktop), 15)
    assert listed(desktop)[0] == newer and set(listed(desktop)) == {
        newer,
        seeded["flagged"],
        seeded["pending"],
    }
    wait_until(aloop, lambda: view.count_label.text() == "3 runs", 15)
    created = [runs_model.run_at(row)["created_at"] for row in range(3)]
    assert created == sorted(created, reverse=True)  # newest first, as the server lists them


def test_pending_drops_a_run_once_it_is_in_progress_and_takes_a_new_one(desktop, aloop, live_server, qtbot):
    template = run(aloop, desktop.api.create_template(FLAGGED_TEMPLATE))
    first, second = (
        run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": ref}))["run_id"]
        for ref in ("VAN-1", "VAN-2")
    )
    window = desktop.window
    window.show_page("runs")
    view = window.runs_view
    view.status_filter.setCurrentIndex(view.status_filter.findData("pending"))
    wait_until(aloop, lambda: set(listed(desktop)) == {first, second}, 15)
    wait_until(aloop, lambda: desktop.live.mode == "stream", 10)

    run(aloop, answer(live_server.url, first, {"s-ok": True}))  # opened and answered: in progress
    wait_until(aloop, lambda: listed(desktop) == [second], 15)
    wait_until(aloop, lambda: view.count_label.text() == "1 run", 15)
    new = dispatch_in_the_dialog(desktop, aloop, qtbot, "VAN-3")
    wait_until(aloop, lambda: listed(desktop) == [new, second], 15)
    run(aloop, desktop.api.cancel_run(second))  # through the API, not the detail: the event stream brings it
    wait_until(aloop, lambda: listed(desktop) == [new], 15)
    assert view.count_label.text() == "1 run"


def test_a_dashboard_days_list_follows_live_changes(desktop, aloop, live_server, qtbot):
    """The dashboard's bar of today's pending runs, then its "With findings" card: their days (created_since,
    created_before) kept every live run out, the new ones and those coming to match alike."""
    seeded = seed(desktop, aloop, live_server.url)
    dashboard = open_dashboard(desktop, aloop, seeded["template"]["id"])
    table = dashboard.view.runs_panel.table.model()
    today = next(r for r in range(table.rowCount()) if table.buckets[r]["created"])
    dashboard.runs_sets["pending"].clicked.emit(today)
    runs = desktop.window.runs
    wait_until(aloop, lambda: listed(desktop) == [seeded["pending"]], 15)
    assert runs.scope.keys() == {"created_since", "created_before"} and runs.filters()["status"] == "pending"
    wait_until(aloop, lambda: desktop.live.mode == "stream", 10)

    new = dispatch_in_the_dialog(desktop, aloop, qtbot, "VAN-9")
    wait_until(aloop, lambda: listed(desktop) == [new, seeded["pending"]], 15)
    run(aloop, answer(live_server.url, seeded["pending"], {"s-tyre": "o-torn"}))  # in progress, a finding
    wait_until(aloop, lambda: listed(desktop) == [new], 15)

    desktop.window.show_page("dashboard")
    dashboard.view.cards["flagged"].click()
    wait_until(aloop, lambda: set(listed(desktop)) == {seeded["flagged"], seeded["pending"]}, 15)
    run(aloop, answer(live_server.url, new, {"s-ok": False}))
    wait_until(aloop, lambda: set(listed(desktop)) == {seeded["flagged"], seeded["pending"], new}, 15)
    assert listed(desktop)[0] == new


def test_a_burst_of_runs_leaving_a_filtered_list_never_stalls_the_gui_thread(desktop, aloop):
    """Every run of a long "Pending" list expires at once (the expiry sweep): thousands of rows leave from all
    over the list, a frame's budget at a time, and the GUI thread keeps its 10 ms heartbeat."""
    runs = desktop.window.runs
    run(aloop, desktop.live.stop())  # only this burst reaches the model
    view = desktop.window.runs_view
    view.status_filter.setCurrentIndex(view.status_filter.findData("pending"))
    wait_until(aloop, lambda: runs.model.answered, 10)
    model = runs.model
    total = model.max_rows
    model.reset()
    model.add_page(1, [summary(total - 1 - i) for i in range(total)], total, start=0, more=False)
    assert model.rowCount() == total
    leaving = [summary(i, "expired") for i in range(total)]
    random.Random(7).shuffle(leaving)
    with heartbeat(aloop) as (beats, _walls):
        for start in range(0, total, FRAME_BUDGET):
            runs.apply_changes(leaving[start : start + FRAME_BUDGET])
            run(aloop, asyncio.sleep(0.005))
        wait_until(aloop, lambda: model.rowCount() == 0, 60)
    assert not stalls_in(beats), f"the GUI thread worked {stalls_in(beats)} ms of CPU between two beats"
    assert model.total == 0 and view.empty_label.isVisibleTo(view)


# -- the model and its rows, without widgets ---------------------------------------------------------------------
def test_matches_says_what_the_server_lists():
    run = summary(1, "completed", flagged=2, device={"pending_ops": 1})
    assert matches(run, {"status": "completed", "flagged": True, "sort": "-created_at", "template_id": None})
    assert matches(run, {"status": "pending"}) is False
    assert matches(run, {"flagged": False}) is False and matches(run, {"waiting_on_device": True})
    day = {"created_since": "2026-05-01T00:00:00Z", "created_before": "2026-05-02T00:00:00Z"}
    assert matches(run, day) and matches(run, {**day, "created_since": "2026-05-01T00:00:02Z"}) is False
    assert matches(run, {"template_v": 1, "executor_ref": "booking_1"})
    assert matches(run, {"language": "de"}) is None  # not told by a summary: the list is left as it is
    assert matches(run, {"language": "de", "status": "pending"}) is False


def test_runs_are_put_in_their_place_and_dropped_in_blocks(qtmodeltester):
    model = RunsTableModel(page_size=10)
    model.add_page(1, [summary(i) for i in (90, 80, 70, 60, 50)], 5, start=0, more=False)
    qtmodeltester.check(model)  # keeps watching every insertion and removal below
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    assert model.place_runs([summary(75), summary(95), summary(85), summary(10), summary(74)]) == 5
    ids = [model.run_at(r)["run_id"] for r in range(model.rowCount())]
    assert ids == [f"r-{i:06d}" for i in (95, 90, 85, 80, 75, 74, 70, 60, 50, 10)]
    assert inserted == [(5, 5), (2, 3), (1, 1), (0, 0)] and model.total == 10  # from the bottom, one a place
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    assert model.remove_runs(["r-000075", "r-000095", "r-000074", "r-000010", "r-000099"]) == 4
    assert removed == [(9, 9), (4, 5), (0, 0)] and model.total == 6
    assert [model.row_of(f"r-{i:06d}") for i in (90, 85, 80, 70, 60, 50)] == list(range(6))


def test_a_run_whose_place_is_not_loaded_is_left_to_paging():
    model = RunsTableModel(page_size=10)
    model.add_page(1, page(model, 1, 20), 20, start=0, next_cursor="c10", more=True)  # r-19 … r-10
    assert model.place_runs([summary(3)]) == 0 and model.row_of("r-000003") is None  # below the rows loaded
    assert model.place_runs([summary(16, "completed")]) == 0  # held: `update_runs` changes it in place
    scrolled = RunsTableModel(page_size=10, max_cached_rows=30)
    feed_more(scrolled, 60)  # looking at the bottom: the summaries at the top were dropped
    assert scrolled.run_at(0) is None
    between = summary(100, created_at="2026-05-01T00:00:55Z")  # between r-56 and r-55, not loaded
    assert scrolled.place_runs([between]) == 0 and scrolled.rowCount() == 60
    newest = summary(200, created_at="2026-05-01T00:01:00Z")  # on top, as the server now lists it first
    assert scrolled.place_runs([newest]) == 1 and scrolled.row_of("r-000200") == 0


def test_a_page_answered_after_rows_left_lands_on_its_own_rows():
    model = RunsTableModel(page_size=10)
    model.add_page(1, page(model, 1, 30), 30, start=0, next_cursor="c10", more=True)
    assert model.page_request(2) == ({"after": "c10"}, 10)  # page 2 asked, by the cursor after row 10
    model.remove_runs(["r-000027", "r-000025"])  # two runs leave while page 2 is on its way
    model.add_page(2, page(model, 2, 30), 28, start=10, next_cursor="c20", more=True)
    ids = [model.run_at(r)["run_id"] for r in range(model.rowCount())]
    assert ids == [f"r-{i:06d}" for i in range(29, 9, -1) if i not in (27, 25)]


def test_rows_and_cursors_follow_inserts_and_removals_anywhere():
    """Random inserts, removals, evictions and cursors against a plain list: every row where it should be, every
    run found at its row, every cursor at the slot its rows start at, whichever side was renumbered."""
    rng = random.Random(11)
    window, rows, cursors = RowWindow(), [], {}  # rows: run ids (None once evicted); cursors: row → cursor
    made = iter(range(1_000_000))

    def new_runs(k: int) -> list[dict]:
        return [{"run_id": f"r{next(made)}"} for _ in range(k)]

    for run_ in new_runs(40):
        window.append(run_)
        rows.append(run_["run_id"])
    for step in range(3000):
        op = rng.random()
        if op < 0.35:
            row, runs = rng.randint(0, len(rows)), new_runs(rng.randint(1, 3))
            window.insert(row, runs)
            rows[row:row] = [r["run_id"] for r in runs]
            if row == 0:
                cursors = {c + len(runs): v for c, v in cursors.items()}  # on top: the cursors move down
            else:
                cursors = {c + len(runs) if c > row else c: v for c, v in cursors.items()}
        elif op < 0.7 and rows:
            row = rng.randrange(len(rows))
            count = rng.randint(1, min(3, len(rows) - row))
            window.remove(row, count)
            del rows[row : row + count]
            moved: dict[int, str] = {}
            for c in sorted(cursors):
                moved.setdefault(c - count if c > row + count else min(c, row), cursors[c])
            cursors = moved
        elif op < 0.9:
            row = rng.randint(1, len(rows))
            window.set_cursor(row, f"c{step}")
            cursors.setdefault(row, f"c{step}")
        else:
            window.evict(rng.randrange(len(rows) or 1), 5, max(10, window.cached // 2))
            rows = [rid if window.get(r) is not None else None for r, rid in enumerate(rows)]
        assert len(window) == len(rows)
        for row, rid in enumerate(rows):
            held = window.get(row)
            assert (held and held["run_id"]) == rid, (step, row)
            if rid is not None:
                assert window.row_of(rid) == row, (step, rid)
        assert window.cursor_rows() == sorted(cursors), step
        assert all(window.cursor_at(row) == cursor for row, cursor in cursors.items())
        if len(rows) < 20:
            for run_ in new_runs(30):
                window.append(run_)
                rows.append(run_["run_id"])
