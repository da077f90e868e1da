"""A run's detail left open while its run is answered, against the real embedded server: each live refresh
rebuilds the answer history, and what it builds must not grow with the run's writes (a label a write made 100
writes hold the window 1.5 s a refresh, `bench/desktop_week_soak.py --phase detail`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from rundun_desktop.monitor.detail_view import HISTORY_LINES_SHOWN
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor
from tests.desktop.test_monitor_device import dispatch, put
from tests.support.samples import vehicle_inspection


def history_widgets(detail) -> int:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the rows a rebuild let go
    return len(detail.history_card.findChildren(QWidget))


def writes_shown(detail) -> int:
    return sum(w.text().count("received ") for w in detail.history_card.findChildren(QLabel))


def test_the_history_of_a_run_being_answered_keeps_its_widgets_however_many_writes(
    desktop, aloop, live_server
):
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run_id = dispatch(desktop, aloop, template["id"], "live-hist")
    ex = Executor(live_server.url, run_id)
    run(aloop, ex.open())
    for n in range(3):
        run(aloop, put(ex, "s-od01", 1000 + n, f"2026-05-22T08:{n:02d}:00Z"))
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
    wait_until(aloop, lambda: desktop.live.mode == "stream", 10)
    runs.select_run(run_id)
    detail = desktop.window.runs_view.detail
    wait_until(aloop, lambda: writes_shown(detail) == 3, 10)
    few = history_widgets(detail)

    for n in range(3, 60):  # the odometer typed again and again while the supervisor watches
        run(aloop, put(ex, "s-od01", 1000 + n, f"2026-05-22T08:{n:02d}:00Z"))
    wait_until(aloop, lambda: "changed 59 times" in detail.findChild(QLabel, "history-s-od01").text(), 20)
    assert history_widgets(detail) == few
    # The newest writes, the last one too, and how many earlier ones are left out.
    writes = detail.findChild(QLabel, "history-lines-s-od01").text()
    assert writes_shown(detail) == HISTORY_LINES_SHOWN < 60
    assert writes.startswith("<span") and "10 earlier writes not shown" in writes
    assert "1,059 km" in writes and "1,009 km" not in writes
    run(aloop, ex.http.aclose())
