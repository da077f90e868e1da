"""The run monitor's search box finds runs by the first letters of their executor ref (`executor_ref_prefix`):
"van-0" or "booking_12" found nothing before, since the box asked for the exact reference, and nothing said
why. Its CSV export follows the same list; a dashboard's click-through to one reference stays exact."""

from __future__ import annotations

import asyncio
import csv

from PySide6.QtCore import Qt

from rundun_desktop.monitor.runs_model import matches
from tests.desktop.conftest import run, wait_until
from tests.support.samples import vehicle_inspection

REFS = ["van-01", "van-02", "van-1", "van-10", "booking_12", "bookingX12"]


def listed_refs(app) -> list[str]:
    model = app.window.runs.model
    return sorted(model.run_at(row)["executor_ref"] for row in range(model.rowCount()))


def dispatched(app, aloop) -> dict[str, str]:
    template = run(aloop, app.api.create_template(vehicle_inspection()))
    return {
        ref: run(aloop, app.api.dispatch_run({"template_id": template["id"], "executor_ref": ref}))["run_id"]
        for ref in REFS
    }


def search(app, aloop, qtbot, text: str) -> None:
    box = app.window.runs_view.search
    box.clear()
    qtbot.keyClicks(box, text)  # as a person types: the list follows once the typing pauses


def test_typing_the_first_letters_of_a_reference_lists_its_runs(desktop, aloop, qtbot, tmp_path):
    refs = dispatched(desktop, aloop)
    runs, view = desktop.window.runs, desktop.window.runs_view
    runs.reload()
    wait_until(aloop, lambda: len(listed_refs(desktop)) == len(REFS), 10)

    search(desktop, aloop, qtbot, "van-0")
    wait_until(aloop, lambda: listed_refs(desktop) == ["van-01", "van-02"], 10)
    search(desktop, aloop, qtbot, "booking_12")  # "_" is an underscore, not any character
    wait_until(aloop, lambda: listed_refs(desktop) == ["booking_12"], 10)
    search(desktop, aloop, qtbot, "van-1")  # a whole reference finds itself, and those it begins
    wait_until(aloop, lambda: listed_refs(desktop) == ["van-1", "van-10"], 10)

    # The CSV export lists what the search lists, not only the rows loaded.
    written: list[tuple[str, int]] = []
    runs.csv_written.connect(lambda path, rows: written.append((path, rows)))
    runs.export_csv(str(tmp_path / "runs.csv"))
    wait_until(aloop, lambda: written, 10)
    with open(tmp_path / "runs.csv", newline="", encoding="utf-8") as f:
        assert sorted(row["executor_ref"] for row in csv.DictReader(f)) == ["van-1", "van-10"]

    # So does the batch of PDF reports ("every run of this list").
    assert sorted(run(aloop, runs.batch.filtered_run_ids())) == sorted([refs["van-1"], refs["van-10"]])

    # Nothing found says why.
    search(desktop, aloop, qtbot, "truck")
    wait_until(aloop, lambda: view.empty_label.isVisible(), 10)
    assert listed_refs(desktop) == [] and "starts with “truck”" in view.empty_label.text()


def test_a_run_dispatched_while_searching_joins_the_list_when_its_reference_starts_so(desktop, aloop, qtbot):
    refs = dispatched(desktop, aloop)
    search(desktop, aloop, qtbot, "van-0")
    wait_until(aloop, lambda: listed_refs(desktop) == ["van-01", "van-02"], 10)
    template_id = run(aloop, desktop.api.get_run(refs["van-01"]))["template_id"]
    for ref in ("van-03", "truck-1"):
        run(aloop, desktop.api.dispatch_run({"template_id": template_id, "executor_ref": ref}))
    wait_until(aloop, lambda: listed_refs(desktop) == ["van-01", "van-02", "van-03"], 10)
    assert matches({"executor_ref": None}, {"executor_ref_prefix": "van"}) is False


def test_a_dashboards_click_through_to_one_reference_lists_that_reference_exactly(desktop, aloop, qtbot):
    dispatched(desktop, aloop)
    runs = desktop.window.runs
    runs.set_scope({"executor_ref": "van-1"})
    wait_until(aloop, lambda: listed_refs(desktop) == ["van-1"], 10)
    assert desktop.window.runs_view.search.text() == "van-1"
    qtbot.keyClick(desktop.window.runs_view.search, Qt.Key.Key_Backspace)  # typing there: by prefix again
    wait_until(aloop, lambda: listed_refs(desktop) == ["van-01", "van-02", "van-1", "van-10"], 10)


def hold_page_answers(app, monkeypatch, prefix: str):
    """The list's pages for `prefix` are read by the real server, then held on their way back until
    `release` is set (a slow network): what the live stream brings meanwhile must still reach the list."""
    release, held = asyncio.Event(), []
    read = app.api.list_runs

    async def slow_list_runs(*args, **query):
        body = await read(*args, **query)
        if (
            query.get("executor_ref_prefix") == prefix
            and "updated_since" not in query
            and query.get("per_page") != 1
        ):
            held.append(body)
            await release.wait()
        return body

    monkeypatch.setattr(app.api, "list_runs", slow_list_runs)
    return release, held


def test_a_run_dispatched_while_the_list_is_on_its_way_is_in_it_once_the_list_lands(
    desktop, aloop, qtbot, monkeypatch
):
    """Typed search, then a run dispatched while the search's answer was on its way: the live change came
    before the answer and was dropped (the list was not answered yet), and the answer, read before the run was
    made, did not hold it: the run never showed (CI saw it once on a busy machine). The same for Refresh."""
    refs = dispatched(desktop, aloop)
    runs = desktop.window.runs
    template_id = run(aloop, desktop.api.get_run(refs["van-01"]))["template_id"]
    seen: set[str] = set()
    desktop.events.runs_changed.connect(lambda changed: seen.update(r["executor_ref"] for r in changed))

    def dispatched_and_flushed(ref: str) -> None:
        run(aloop, desktop.api.dispatch_run({"template_id": template_id, "executor_ref": ref}))
        desktop.live.poke()
        wait_until(aloop, lambda: ref in seen and not runs._pending and not runs._flush_timer.isActive())

    release, held = hold_page_answers(desktop, monkeypatch, "van-0")
    search(desktop, aloop, qtbot, "van-0")
    wait_until(aloop, lambda: held)  # the server has answered; the answer has not reached the list
    dispatched_and_flushed("van-03")
    release.set()
    wait_until(aloop, lambda: listed_refs(desktop) == ["van-01", "van-02", "van-03"])

    release.clear()
    held.clear()
    runs.refresh()
    wait_until(aloop, lambda: held)
    dispatched_and_flushed("van-04")
    wait_until(aloop, lambda: "van-04" in listed_refs(desktop))  # put in live, as it should
    generation = runs.model.generation
    release.set()
    wait_until(aloop, lambda: runs.model.generation > generation)  # the Refresh's page is the list now
    wait_until(
        aloop, lambda: listed_refs(desktop) == ["van-01", "van-02", "van-03", "van-04"]
    )  # and keeps it
