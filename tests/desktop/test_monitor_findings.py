"""Findings in the run monitor (SPEC §14) against the real embedded server: the findings column in
words and colour, the findings filter (`GET /v1/runs?flagged=`) kept live as executors answer, and the
run detail naming each finding in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rundun_desktop.monitor.runs_model import COL_FINDINGS
from rundun_desktop.style import FINDING_COLOUR
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor
from tests.desktop.test_dashboard import monitor_ids, seed
from tests.desktop.test_monitor_live import cell


def choose_findings(desktop, text: str) -> None:
    combo = desktop.window.runs_view.findings_filter
    combo.setCurrentIndex(combo.findText(text))


def test_findings_column_filter_live_and_detail(desktop, aloop, live_server):
    seeded = seed(desktop, aloop, live_server.url)  # one run with two findings (No brakes, 320°), two without
    window = desktop.window
    window.show_page("runs")
    window.view.resize(1024, 700)
    runs, view = window.runs, window.runs_view
    runs.reload()
    wait_until(aloop, lambda: len(monitor_ids(desktop)) == 3, 15)
    model = runs.model
    assert model.headerData(COL_FINDINGS, Qt.Orientation.Horizontal) == "Findings"
    assert cell(model, seeded["flagged"], COL_FINDINGS) == "⚠ 2 findings"
    assert (
        cell(model, seeded["fine"], COL_FINDINGS) == "" and cell(model, seeded["pending"], COL_FINDINGS) == ""
    )
    row = model.row_of(seeded["flagged"])
    assert model.data(model.index(row, COL_FINDINGS), Qt.ItemDataRole.ForegroundRole).name() == FINDING_COLOUR
    assert "2 answers are findings" in model.data(model.index(row, COL_FINDINGS), Qt.ItemDataRole.ToolTipRole)

    choose_findings(desktop, "With findings")
    wait_until(aloop, lambda: monitor_ids(desktop) == {seeded["flagged"]}, 15)
    assert runs.filters()["flagged"] is True
    choose_findings(desktop, "Without findings")
    wait_until(aloop, lambda: monitor_ids(desktop) == {seeded["pending"], seeded["fine"]}, 15)

    # Live: a run that gains a finding joins the "with findings" list without a reload; the count follows.
    choose_findings(desktop, "With findings")
    wait_until(aloop, lambda: monitor_ids(desktop) == {seeded["flagged"]}, 15)
    wait_until(aloop, lambda: desktop.live.mode == "stream", 10)
    new_id = run(aloop, desktop.api.dispatch_run({"template_id": seeded["template"]["id"]}))["run_id"]
    ex = Executor(live_server.url, new_id)
    run(aloop, ex.open())
    run(aloop, ex.answer("s-ok", True))
    run(aloop, ex.answer("s-tyre", "o-torn"))
    wait_until(aloop, lambda: cell(model, new_id, COL_FINDINGS) == "⚠ 1 finding", 15)
    assert monitor_ids(desktop) == {seeded["flagged"], new_id}
    # …and one whose finding is answered away leaves it at once (it showed on, with no finding, until a refresh).
    run(aloop, ex.answer("s-tyre", "o-good"))
    wait_until(aloop, lambda: monitor_ids(desktop) == {seeded["flagged"]}, 15)
    assert view.count_label.text() == "1 run"
    run(aloop, ex.http.aclose())

    # The detail names each finding in words (the facts and a mark under the answer), not by colour alone.
    loaded = []
    runs.detail.run_loaded.connect(loaded.append)
    assert runs.select_run(seeded["flagged"])
    wait_until(aloop, lambda: seeded["flagged"] in [r["run_id"] for r in loaded], 15)
    detail = view.detail
    marks = sorted(
        w.objectName() for w in detail.findChildren(QLabel) if w.objectName().startswith("finding-")
    )
    assert marks == ["finding-s-ok", "finding-s-temp"]
    assert all("Finding" in detail.findChild(QLabel, name).text() for name in marks)
    texts = [w.text() for w in detail.findChildren(QLabel)]
    assert "2 — Brakes OK?: No; Disc temperature: 320" in texts
    window.view.grab().save("/tmp/rundun-monitor-findings.png")

    # The dashboard's "runs with findings" card sets the same control.
    choose_findings(desktop, "Without findings")
    runs.set_scope({"flagged": True}, "With findings")
    assert view.findings_filter.currentText() == "With findings"
    wait_until(aloop, lambda: monitor_ids(desktop) == {seeded["flagged"]}, 15)
