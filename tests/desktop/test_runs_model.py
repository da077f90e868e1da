"""The runs table model without widgets: paging through fetchMore, refills, live rows, bounded memory."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from rundun_desktop.monitor.runs_model import (
    COL_EXPIRES,
    COL_IDENTITY,
    COL_PROGRESS,
    COL_REF,
    COL_STATUS,
    COL_TEMPLATE,
    LOADING,
    ProgressRole,
    RunRole,
    RunsTableModel,
    StatusRole,
)


def summary(i: int, status: str = "pending", **extra) -> dict:
    return {
        "run_id": f"r-{i:06d}",
        "status": status,
        "template_id": "t-1",
        "template_v": 1,
        "template_name": "Vehicle check",
        "executor_ref": f"booking_{i}",
        "created_at": f"2026-05-{1 + i // 86400 % 28:02d}T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z",
        "updated_at": "2026-05-22T08:31:00Z",
        "opened_at": None,
        "completed_at": None,
        "expires_at": None,
        "assigned_to": None,
        "executor_identity": None,
        "cancel_reason": None,
        "progress": {"total": 4, "answered": 1, "skipped": 0},
        **extra,
    }


def page(model: RunsTableModel, number: int, total: int) -> list[dict]:
    """Rows the server would answer for `number` (newest first: run ids count down from total-1)."""
    start = (number - 1) * model.page_size
    return [summary(total - 1 - i) for i in range(start, min(start + model.page_size, total))]


def feed_more(model: RunsTableModel, total: int) -> list[int]:
    asked: list[int] = []
    model.more_wanted.connect(asked.append)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        model.add_page(asked[-1], page(model, asked[-1], total), total, model.generation)
    return asked


def test_qtmodeltester_on_a_filled_model(qtmodeltester):
    model = RunsTableModel(page_size=10)
    model.add_page(1, page(model, 1, 25), 25)
    model.update_run(summary(24, "in_progress"))
    model.insert_run(summary(99, "completed"))
    qtmodeltester.check(model, force_py=True)


def test_qtmodeltester_while_paging_and_evicting(qtmodeltester):
    model = RunsTableModel(page_size=10, max_cached_rows=30)
    feed_more(model, 95)
    qtmodeltester.check(model, force_py=True)


def test_fetch_more_asks_page_by_page_until_the_total():
    model = RunsTableModel(page_size=10)
    assert model.canFetchMore(QModelIndex())  # nothing asked yet: the view's first fetchMore loads page 1
    asked = feed_more(model, 35)
    assert asked == [1, 2, 3, 4]
    assert model.rowCount() == 35 and not model.canFetchMore(QModelIndex())
    assert model.run_at(0)["run_id"] == "r-000034" and model.run_at(34)["run_id"] == "r-000000"


def test_fetch_more_is_not_repeated_while_a_page_is_on_its_way():
    model = RunsTableModel(page_size=10)
    asked: list[int] = []
    model.more_wanted.connect(asked.append)
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert asked == [1]
    model.fetch_failed(1, model.generation)
    model.fetchMore(QModelIndex())
    assert asked == [1, 1]


def test_answers_for_an_older_query_are_dropped():
    model = RunsTableModel(page_size=10)
    old = model.generation
    model.reset("status")
    model.add_page(1, page(model, 1, 20), 20, old)
    assert model.rowCount() == 0 and model.total is None


def test_display_roles_in_words():
    model = RunsTableModel(page_size=10)
    identity = {"mode": "external", "name": "Jane Smith", "email": "jane@example.com"}
    model.add_page(1, [summary(1, "in_progress", executor_identity=identity)], 1)
    cell = lambda col, role=Qt.ItemDataRole.DisplayRole: model.data(model.index(0, col), role)
    assert cell(COL_STATUS) == "In progress" and cell(0, StatusRole) == "in_progress"
    assert cell(COL_TEMPLATE) == "Vehicle check" and cell(COL_REF) == "booking_1"
    assert cell(COL_PROGRESS) == "1/4" and cell(COL_PROGRESS, ProgressRole) == 0.25
    assert cell(COL_IDENTITY) == "Jane Smith <jane@example.com>"
    assert cell(COL_EXPIRES) == "Never"
    assert cell(0, RunRole)["run_id"] == "r-000001"


def test_live_update_changes_the_row_in_place():
    model = RunsTableModel(page_size=10)
    model.add_page(1, page(model, 1, 5), 5)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append(top.row()))
    row = model.row_of("r-000003")
    assert model.update_run(summary(3, "completed", progress={"total": 4, "answered": 4, "skipped": 0}))
    assert changed == [row]
    assert model.data(model.index(row, COL_STATUS)) == "Completed"
    assert not model.update_run(summary(77))  # not loaded: nothing to change


def test_a_new_run_goes_on_top_and_paging_stays_aligned():
    model = RunsTableModel(page_size=10)
    model.add_page(1, page(model, 1, 25), 25)
    model.insert_run(summary(25))  # the server now lists 26 runs, r-25 first
    assert model.run_at(0)["run_id"] == "r-000025" and model.total == 26 and model.rowCount() == 11
    asked: list[int] = []
    model.more_wanted.connect(asked.append)
    model.fetchMore(QModelIndex())
    assert asked == [2]  # rows 10..19 of the new order: the server's page 2 overlaps by one row
    rows = [summary(25 - i) for i in range(10, 20)]
    model.add_page(2, rows, 26)
    ids = [model.run_at(r)["run_id"] for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == 20


def test_memory_stays_bounded_and_evicted_rows_come_back():
    model = RunsTableModel(page_size=100, max_cached_rows=1000)
    feed_more(model, 5000)
    assert model.rowCount() == 5000
    assert model.cached_rows <= 1000
    wanted: list[int] = []
    model.page_wanted.connect(wanted.append)
    assert model.data(model.index(0, COL_STATUS)) == LOADING  # far from the last rows seen: evicted
    assert model.data(model.index(1, COL_STATUS)) == LOADING
    assert wanted == [1]  # one request per page, however many cells ask
    model.add_page(1, page(model, 1, 5000), 5000)
    assert model.data(model.index(0, COL_REF)) == "booking_4999"
    assert model.cached_rows <= 1000


def test_sort_asks_the_server_only_for_sortable_columns():
    model = RunsTableModel()
    wanted: list[str] = []
    model.sort_wanted.connect(wanted.append)
    model.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    model.sort(COL_TEMPLATE, Qt.SortOrder.AscendingOrder)  # the server has no template order
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    assert wanted == ["status", "-status"]


def test_pages_after_the_first_are_asked_by_cursor_and_refetched_by_cursor():
    model = RunsTableModel(page_size=100, max_cached_rows=1000)
    asked: list[tuple[dict, int]] = []
    model.more_wanted.connect(lambda p: asked.append(model.page_request(p)))
    model.page_wanted.connect(lambda p: asked.append(model.page_request(p)))
    total = 2000
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        _params, start = asked[-1]
        number = start // model.page_size + 1
        more = start + model.page_size < total
        cursor = f"c{start + model.page_size}" if more else None
        rows = page(model, number, total)
        model.add_page(number, rows, None, model.generation, start=start, next_cursor=cursor, more=more)
    assert asked[0] == ({"page": 1}, 0)
    assert asked[1:3] == [({"after": "c100"}, 100), ({"after": "c200"}, 200)]
    assert model.rowCount() == total and model.total == total  # known at the end without a count
    assert model.data(model.index(0, COL_STATUS)) == LOADING  # evicted page 1: by number again
    assert asked[-1] == ({"page": 1}, 0)
    assert model.data(model.index(550, COL_STATUS)) == LOADING
    assert asked[-1] == ({"after": "c500"}, 500)


def test_the_total_can_arrive_apart_from_the_rows():
    model = RunsTableModel(page_size=10)
    model.add_page(1, page(model, 1, 25), None, model.generation, start=0, next_cursor="c10", more=True)
    assert model.total is None and model.canFetchMore(QModelIndex())
    model.set_total(25, model.generation - 1)  # an older query's count is dropped
    assert model.total is None
    model.set_total(25, model.generation)
    assert model.total == 25


def test_live_inserts_keep_a_bounded_window_and_every_row_where_the_server_lists_it():
    """A week of dispatches with the monitor at the top: rows held and slots stay bounded, every run held is
    found at its row, and what was dropped below comes back by cursor, as on scrolling."""
    model = RunsTableModel(page_size=10, max_cached_rows=30)
    total = 40
    for number, start in ((1, 0), (2, 10), (3, 20), (4, 30)):
        more = start + 10 < total
        model.add_page(
            number, page(model, number, total), None, start=start, next_cursor=f"c{start + 10}", more=more
        )
    assert model.data(model.index(0, COL_STATUS)) == "Pending"  # the view looks at the top
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    for batch in range(200):  # 2,000 new runs, ten at a time, newest first
        newest = total + batch * 10 + 9
        model.insert_runs([summary(newest - i) for i in range(10)])
        assert model.rowCount() <= model.max_rows * 1.25 + 10
        assert model.cached_rows <= model.max_cached_rows
    newest = total + 2000 - 1
    assert model.run_at(0)["run_id"] == f"r-{newest:06d}" and model.total == total + 2000
    for row in range(model.rowCount()):
        run = model.run_at(row)
        if run is not None:
            assert run["run_id"] == f"r-{newest - row:06d}" and model.row_of(run["run_id"]) == row
    assert removed, "slots far below the view were dropped"
    assert model.canFetchMore(QModelIndex())
    asked: list[tuple[dict, int]] = []
    model.more_wanted.connect(lambda p: asked.append(model.page_request(p)))
    model.fetchMore(QModelIndex())
    params, start = asked[-1]
    # The cursors known were pushed past the end long ago: the rows after the last slot, by page number.
    assert start == model.rowCount() == 30 and params == {"page": 4}


def test_a_page_answered_after_live_inserts_lands_on_its_own_rows():
    model = RunsTableModel(page_size=10)
    model.add_page(1, page(model, 1, 30), 30, start=0, next_cursor="c10", more=True)
    asked: list[tuple[dict, int]] = []
    model.more_wanted.connect(lambda p: asked.append(model.page_request(p)))
    model.fetchMore(QModelIndex())
    _params, start = asked[-1]
    model.insert_runs([summary(31), summary(30)])  # two runs arrive while page 2 is on its way
    model.add_page(2, page(model, 2, 30), 32, start=start, next_cursor="c20", more=True)
    ids = [model.run_at(r)["run_id"] for r in range(model.rowCount())]
    assert ids == [f"r-{i:06d}" for i in range(31, 9, -1)]


def test_insert_runs_is_one_insertion_and_skips_runs_already_held():
    model = RunsTableModel(page_size=10)
    model.add_page(1, page(model, 1, 5), 5)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.insert_runs([summary(7), summary(6), summary(6), summary(4, "completed")])
    assert inserted == [(0, 1)]  # r-4 was held: updated in place, not inserted again
    assert model.data(model.index(model.row_of("r-000004"), COL_STATUS)) == "Completed"
    assert model.total == 7


def test_qtmodeltester_while_runs_pour_in_on_top(qtmodeltester):
    model = RunsTableModel(page_size=10, max_cached_rows=30)
    model.add_page(1, page(model, 1, 40), 40, start=0, next_cursor="c10", more=True)
    qtmodeltester.check(model)  # keeps watching every insertion and removal below
    for batch in range(20):
        model.insert_runs([summary(1000 + batch * 3 + i) for i in (2, 1, 0)])
    assert model.rowCount() <= model.max_rows * 1.25 + 3
