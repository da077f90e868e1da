"""SPEC §10 on the monitor, against the real embedded server: the device column live over `/v1/events`, the
"waiting on a device" filter, the detail's words for it, and each step's answer history with stale writes."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rundun_desktop.monitor.runs_model import COL_DEVICE
from server.tdl.device import HEADER, format_device
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor
from tests.support.samples import vehicle_inspection

MB = 1024 * 1024
SHOTS = os.environ.get("RUNDUN_TEST_SHOTS")


def cell(model, run_id: str, column: int):
    row = model.row_of(run_id)
    return None if row is None else model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


async def contact(ex: Executor, pending: int, size: int, failed: int = 0) -> None:
    headers = {
        "Authorization": f"Bearer {ex.token}",
        HEADER: format_device(pending, size, failed, "rundun-desktop/9.9"),
    }
    r = await ex.http.get(f"/v1/runs/{ex.run_id}/state", headers=headers)
    assert r.status_code == 200, r.text


async def put(ex: Executor, step_id: str, value, at: str) -> None:
    headers = {"Authorization": f"Bearer {ex.token}"}
    r = await ex.http.put(
        f"/v1/runs/{ex.run_id}/answers/{step_id}", json={"value": value, "at": at}, headers=headers
    )
    assert r.status_code == 200, r.text


def dispatch(desktop, aloop, template_id: str, ref: str) -> str:
    return run(aloop, desktop.api.dispatch_run({"template_id": template_id, "executor_ref": ref}))["run_id"]


def test_the_device_column_follows_the_device_live_and_filters_and_explains(
    desktop, aloop, live_server, qtbot
):
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    waiting_id = dispatch(desktop, aloop, template["id"], "dev-1")
    quiet_id = dispatch(desktop, aloop, template["id"], "dev-2")
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(quiet_id) is not None, 10)
    wait_until(aloop, lambda: desktop.live.mode == "stream", 10)
    assert cell(runs.model, waiting_id, COL_DEVICE) == ""  # never heard from

    ex = Executor(live_server.url, waiting_id)
    run(aloop, ex.open())
    run(aloop, contact(ex, 2, 14 * MB, failed=1))
    wait_until(
        aloop,
        lambda: cell(runs.model, waiting_id, COL_DEVICE) == "2 changes · 14 MB on the device · 1 failed",
        10,
    )

    view = desktop.window.runs_view
    view.device_filter.setChecked(True)
    wait_until(aloop, lambda: runs.model.total == 1 and runs.model.row_of(quiet_id) is None, 10)
    assert runs.model.row_of(waiting_id) == 0

    loaded = []
    runs.detail.history_loaded.connect(loaded.append)
    runs.select_run(waiting_id)
    wait_until(aloop, lambda: waiting_id in loaded, 10)
    words = view.detail.findChild(QLabel, "device-text").text()
    assert "2 changes (14 MB) are still on the executor's device (rundun-desktop/9.9)" in words
    assert "1 change refused by the server" in words and "Last contact just now" in words
    if SHOTS:  # a look at it: RUNDUN_TEST_SHOTS=/some/dir
        view.window().resize(1024, 700)
        view.window().grab().save(f"{SHOTS}/monitor-device.png")
    # All sent: the run leaves the list of those waiting on a device, live; its detail stays.
    run(aloop, contact(ex, 0, 0))
    wait_until(aloop, lambda: runs.model.row_of(waiting_id) is None and runs.model.total == 0, 10)
    wait_until(
        aloop, lambda: "had sent everything" in view.detail.findChild(QLabel, "device-text").text(), 10
    )
    view.device_filter.setChecked(False)
    wait_until(aloop, lambda: cell(runs.model, waiting_id, COL_DEVICE) == "All sent", 10)
    run(aloop, ex.http.aclose())


def test_the_detail_shows_each_steps_changes_and_the_stale_write_that_lost(desktop, aloop, live_server):
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run_id = dispatch(desktop, aloop, template["id"], "hist-1")
    ex = Executor(live_server.url, run_id)
    run(aloop, ex.open())
    run(aloop, put(ex, "s-od01", 1200, "2026-05-22T08:10:00Z"))
    run(aloop, put(ex, "s-od01", 1100, "2026-05-22T08:05:00Z"))  # older than the stored one: stale
    run(aloop, put(ex, "s-od01", 1300, "2026-05-22T08:20:00Z"))
    run(aloop, put(ex, "s-fu01", "o-fu1", "2026-05-22T08:21:00Z"))
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
    loaded = []
    runs.detail.history_loaded.connect(loaded.append)
    runs.select_run(run_id)
    wait_until(aloop, lambda: run_id in loaded, 10)

    detail = desktop.window.runs_view.detail
    odometer = detail.findChild(QLabel, "history-s-od01").text()
    assert "changed once" in odometer and "1 stale write lost" in odometer  # the first answer is no change
    assert "changed" not in detail.findChild(QLabel, "history-s-fu01").text()  # written once
    texts = [w.text() for w in detail.findChildren(QLabel)]
    lost = [t for t in texts if "lost: a newer answer was already stored" in t]
    assert len(lost) == 1 and "1,100 km" in lost[0] and "<s>" in lost[0] and "device " in lost[0]
    assert any("1,300 km" in t and "received " in t for t in texts)
    run(aloop, ex.http.aclose())
