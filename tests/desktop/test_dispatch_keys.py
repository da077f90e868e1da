"""The dispatch dialog from the keyboard: the focus starts where there is something to fill, Enter in a choice
box moves on rather than sending a run, and the link's lifetime is what the box shows, or nothing is sent."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import run, wait_until
from tests.desktop.test_embedded_address import start, stop
from tests.server.tdl.test_tdl_languages import car_check


def _runs(aloop, app) -> list[dict]:
    return run(aloop, app.api.list_runs())["data"]


def _with_a_template(aloop, tmp_path):
    app = start(aloop, tmp_path / "home")
    return app, run(aloop, app.api.create_template(car_check()))


def _opened(aloop, app, template_id=None):
    app.window.view.show()
    view = app.window.runs.open_dispatch(template_id).view
    wait_until(aloop, lambda: view.dispatch_button.isEnabled() and view.language.count() > 0, 10)
    return view


def test_focus_starts_on_what_to_fill_and_enter_in_the_template_box_sends_nothing(aloop, qtbot, tmp_path):
    app, template = _with_a_template(aloop, tmp_path)
    try:
        view = _opened(aloop, app)  # no template chosen yet: the Template box
        wait_until(aloop, lambda: QApplication.focusWidget() is view.template, 10)
        # The auditor's keys: a reference typed into the Template box, then Enter
        qtbot.keyClicks(view.template, "qr_1")
        qtbot.keyClick(view.template, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is view.language  # moved on, nothing sent
        qtbot.keyClick(view.language, Qt.Key.Key_Enter)
        assert QApplication.focusWidget() is view.executor_ref
        assert not view.showing_result and _runs(aloop, app) == []
        qtbot.keyClicks(view.executor_ref, "qr_1")
        qtbot.keyClick(view.executor_ref, Qt.Key.Key_Return)  # the form is filled: Enter dispatches
        wait_until(aloop, lambda: view.showing_result, 10)
        assert [r["executor_ref"] for r in _runs(aloop, app)] == ["qr_1"]
        view.accept()
        # From the template's own "Dispatch run…": the template is chosen, the reference is next
        view = _opened(aloop, app, template["id"])
        wait_until(aloop, lambda: QApplication.focusWidget() is view.executor_ref, 10)
        view.reject()
    finally:
        stop(aloop, app)


def test_a_hundredth_of_an_hour_is_sent_as_shown_and_less_is_refused_in_sight(aloop, qtbot, tmp_path):
    app, _template = _with_a_template(aloop, tmp_path)
    try:
        view = _opened(aloop, app)
        hours = view.expires_hours
        height = view.height()
        hours.setFocus()
        hours.lineEdit().selectAll()
        qtbot.keyClicks(hours.lineEdit(), "0.001")  # the third decimal is more than a link's lifetime holds
        assert hours.text() == "0.00 hours" and view.message.isVisible()
        assert "0.01 hours" in view.message.text()

        # The warning has its room: the webhook's event boxes keep theirs, and the dialog does not jump
        def laid_out() -> bool:  # once the layout has run (posted: later on a busy machine)
            boxes = [box.geometry() for box in view.event_boxes.values()]
            # Squashed, they stood on top of each other; after another test's dark scheme they lose 1 px of 16,
            # which no one sees
            tall = all(
                box.height() >= view.event_boxes["run.opened"].sizeHint().height() - 2 for box in boxes
            )
            return tall and not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])

        wait_until(aloop, laid_out, 10)
        assert view.height() == height
        # Leaving the box (Tab, or a click on Dispatch) keeps what was typed, and the warning: nothing sent
        view.executor_ref.setFocus()
        assert hours.text() == "0.00 hours" and hours.refused and view.message.isVisible()
        qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(view.executor_ref, Qt.Key.Key_Return)
        assert not view.showing_result and view.message.isVisible() and _runs(aloop, app) == []
        # 0.01 hours: shown "0.01", sent 0.01 (36 seconds)
        hours.setFocus()
        hours.lineEdit().selectAll()
        qtbot.keyClicks(hours.lineEdit(), "0.01")
        assert hours.text() == "0.01 hours" and not view.message.isVisible()
        qtbot.keyClick(hours, Qt.Key.Key_Return)
        wait_until(aloop, lambda: view.showing_result, 10)
        (summary,) = _runs(aloop, app)
        sent = run(aloop, app.api.get_run(summary["run_id"]))
        lived = datetime.fromisoformat(sent["expires_at"]) - datetime.fromisoformat(sent["created_at"])
        assert lived.total_seconds() == 36
        view.accept()
    finally:
        stop(aloop, app)
