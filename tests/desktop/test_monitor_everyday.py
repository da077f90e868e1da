"""The run monitor as a field supervisor uses it, on the real server: the dispatch dialog by the keyboard, a
run's detail that stays where one was reading, and the runs table at a laptop's width."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.conftest import run, wait_until
from tests.support.samples import vehicle_inspection


def _dialog(desktop, aloop):
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    dialog = desktop.window.runs.open_dispatch()
    view = dialog.view
    wait_until(aloop, lambda: view.dispatch_button.isEnabled() and view.template.currentData(), 10)
    assert view.template.currentData() == template["id"]
    return dialog, view


def test_enter_in_the_dispatch_form_dispatches_and_enter_again_is_done(desktop, aloop, qtbot):
    """Typed the executor ref, Enter: the run is dispatched (Enter pressed Close: the dialog went away and
    nothing was sent). On the link, Enter is Done."""
    dialog, view = _dialog(desktop, aloop)
    view.executor_ref.setFocus()
    qtbot.keyClicks(view.executor_ref, "BOOKING-1")
    qtbot.keyClick(view.executor_ref, Qt.Key.Key_Return)
    wait_until(aloop, lambda: view.showing_result or not view.isVisible(), 10)
    assert view.isVisible() and view.showing_result, "Enter closed the dialog without dispatching"
    assert run(aloop, desktop.api.get_run(dialog.result["run_id"]))["executor_ref"] == "BOOKING-1"
    qtbot.keyClick(view.link.field, Qt.Key.Key_Return)
    wait_until(aloop, lambda: not view.isVisible(), 5)
    assert view.result() == view.DialogCode.Accepted