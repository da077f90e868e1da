"""Batch reports from the monitor against the real embedded server (issue 17): the selected runs as a ZIP of
PDFs, every run of the filter as one PDF, and a cancel that leaves nothing behind."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import QItemSelectionModel

from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import complete_vehicle_inspection
from tests.desktop.pdf_text import pdf_images, pdf_text
from tests.support.samples import vehicle_inspection


def completed_runs(desktop, aloop, live_server, refs: list[str]) -> list[str]:
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    ids = []
    for ref in refs:
        run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": ref}))[
            "run_id"
        ]
        run(aloop, complete_vehicle_inspection(live_server.url, run_id))
        ids.append(run_id)
    return ids


def test_selected_runs_as_a_zip_then_the_whole_filter_as_one_pdf(desktop, aloop, live_server, tmp_path):
    ids = completed_runs(desktop, aloop, live_server, ["b-1", "b-2", "b-3"])
    other = run(
        aloop,
        desktop.api.dispatch_run({"template_id": run(aloop, desktop.api.list_templates())["data"][0]["id"]}),
    )
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: all(runs.model.row_of(i) is not None for i in ids), 10)
    table = desktop.window.runs_view.table
    selection = table.selectionModel()
    for run_id in ids[:2]:
        index = runs.model.index(runs.model.row_of(run_id), 0)
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert sorted(runs.batch.selected_run_ids()) == sorted(ids[:2])

    done = []
    runs.batch.finished.connect(lambda path, count: done.append((path, count)))
    zipped = tmp_path / "reports.zip"
    runs.batch.export(str(zipped), runs.batch.selected_run_ids())
    wait_until(aloop, lambda: bool(done), 60)
    assert done[-1] == (str(zipped), 2)
    with zipfile.ZipFile(zipped) as archive:
        assert sorted(archive.namelist()) == ["b-1.pdf", "b-2.pdf"]
        for name, run_id in zip(sorted(archive.namelist()), ids[:2], strict=True):
            data = archive.read(name)
            assert run_id in pdf_text(data) and len(pdf_images(data)) >= 4
    assert "Saved 2 runs to" in desktop.window.runs_view.message.text()

    view = desktop.window.runs_view
    view.status_filter.setCurrentIndex(view.status_filter.findData("completed"))
    one = tmp_path / "all.pdf"
    runs.batch.export(str(one), None)
    wait_until(aloop, lambda: len(done) == 2, 60)
    assert done[-1] == (str(one), 3)
    text = pdf_text(one.read_bytes())
    assert all(run_id in text for run_id in ids) and other["run_id"] not in text
    assert not list(tmp_path.glob(".*.part"))


def test_cancel_leaves_no_file(desktop, aloop, live_server, tmp_path):
    ids = completed_runs(desktop, aloop, live_server, ["c-1", "c-2", "c-3"])
    runs = desktop.window.runs
    done = []
    runs.batch.finished.connect(lambda path, count: done.append((path, count)))
    target = tmp_path / "cancelled.pdf"
    runs.batch.export(str(target), ids)
    wait_until(aloop, lambda: runs.batch.running, 10)
    runs.batch.cancel()
    wait_until(aloop, lambda: bool(done), 60)
    assert done == [("", 0)]
    assert not target.exists() and not list(tmp_path.glob(".*.part"))
    assert "cancelled" in desktop.window.runs_view.message.text()
    assert desktop.window.runs_view.batch_button.isEnabled()
