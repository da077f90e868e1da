"""The run monitor against the real embedded server: dispatch through the dialog, live rows from
`/v1/events` as an executor works, the detail with answers and photos."""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from rundun_desktop.monitor.runs_model import COL_IDENTITY, COL_PROGRESS, COL_STATUS
from rundun_desktop.widgets.photo import PhotoViewer, Thumbnail
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor, complete_vehicle_inspection, image_bytes
from tests.support.samples import vehicle_inspection


def make_template(app, aloop, body=None) -> dict:
    return run(aloop, app.api.create_template(body or vehicle_inspection()))


def cell(model, run_id: str, column: int):
    row = model.row_of(run_id)
    return None if row is None else model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_dispatch_through_the_dialog(desktop, aloop, qtbot):
    template = make_template(desktop, aloop)
    runs = desktop.window.runs
    dialog = runs.open_dispatch()
    view = dialog.view
    wait_until(aloop, lambda: view.dispatch_button.isEnabled(), 10)
    view.template.setCurrentIndex(view.template.findData(template["id"]))
    qtbot.keyClicks(view.executor_ref, "booking_42")
    view.expires_hours.setValue(24)
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.showing_result, 10)

    result = dialog.result
    assert view.link.text() == result["link"] and result["link"].endswith(f"/r/{result['run_id']}")
    # The live server is on loopback: the link works on this computer only, and no QR code says otherwise.
    assert not view.qr.isVisible() and "works on this computer only" in view.qr_hint.text()
    qtbot.mouseClick(view.link.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == result["link"]
    stored = run(aloop, desktop.api.get_run(result["run_id"]))
    assert stored["executor_ref"] == "booking_42" and stored["status"] == "pending"
    # The new run appears at the top of the monitor without a reload.
    wait_until(aloop, lambda: runs.model.row_of(result["run_id"]) == 0, 10)


def test_dispatch_errors_are_shown_in_words(desktop, aloop, qtbot):
    make_template(desktop, aloop)
    dialog = desktop.window.runs.open_dispatch()
    view = dialog.view
    wait_until(aloop, lambda: view.dispatch_button.isEnabled(), 10)
    view.webhook_box.setChecked(True)
    qtbot.keyClicks(view.webhook_url, "ftp://example.com/hook")
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.message.isVisible(), 10)
    assert "webhook.url" in view.message.text() and not view.showing_result


def test_rows_update_live_as_an_executor_answers(desktop, aloop, live_server):
    template = make_template(desktop, aloop)
    dispatched = run(
        aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "live-1"})
    )
    run_id = dispatched["run_id"]
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: cell(runs.model, run_id, COL_STATUS) == "Pending", 10)
    wait_until(aloop, lambda: desktop.live.mode == "stream", 10)

    ex = Executor(live_server.url, run_id)
    run(aloop, ex.open())
    wait_until(aloop, lambda: cell(runs.model, run_id, COL_IDENTITY) == "Anonymous", 10)
    run(aloop, ex.answer("s-od01", 1200))
    wait_until(aloop, lambda: cell(runs.model, run_id, COL_STATUS) == "In progress", 10)
    assert cell(runs.model, run_id, COL_PROGRESS) == "1/4"
    run(aloop, ex.answer("s-fu01", "o-fu1"))
    run(aloop, ex.answer("s-dm01", False))
    run(aloop, ex.answer("s-cl01", 4))
    run(aloop, ex.signature(image_bytes("#ffffff", "PNG")))
    run(aloop, ex.complete())
    wait_until(aloop, lambda: cell(runs.model, run_id, COL_STATUS) == "Completed", 10)
    assert cell(runs.model, run_id, COL_PROGRESS) == "Complete"  # its counts in the tooltip
    index = runs.model.index(runs.model.row_of(run_id), COL_PROGRESS)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "4 of 4 steps"
    run(aloop, ex.http.aclose())


def completed_run_shown(desktop, aloop, live_server, executor_ref: str) -> dict:
    """A run of the vehicle template completed with photos and a signature, shown in the monitor's detail with
    every thumbnail loaded; the dispatch's answer."""
    template = make_template(desktop, aloop)
    dispatched = run(
        aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": executor_ref})
    )
    run(aloop, complete_vehicle_inspection(live_server.url, dispatched["run_id"]))
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(dispatched["run_id"]) is not None, 10)
    loaded = []
    runs.detail.photos_loaded.connect(loaded.append)
    assert runs.select_run(dispatched["run_id"])
    wait_until(aloop, lambda: loaded == [dispatched["run_id"]], 15)
    return dispatched


def test_detail_shows_answers_in_order_and_photos(desktop, aloop, live_server):
    completed_run_shown(desktop, aloop, live_server, "detail-1")

    detail = desktop.window.runs_view.detail
    answer = lambda step: detail.findChild(QLabel, f"answer-{step}").text()
    assert answer("s-od01") == "42,150 km"
    assert answer("s-fu01") == "3/4"  # the option's label, not its id
    assert answer("s-dm01") == "Yes"
    assert answer("s-dm02") == "Scratch on the rear bumper"
    assert answer("s-cl01") == "5 of 5 — Spotless"
    labels = [w.objectName() for w in detail.findChildren(QLabel) if w.objectName().startswith("answer-")]
    assert labels == ["answer-s-od01", "answer-s-fu01", "answer-s-dm01", "answer-s-dm02", "answer-s-cl01"]
    thumbs = [t for t in detail.findChildren(Thumbnail) if t.isVisibleTo(detail)]
    assert len(thumbs) == 4 and all(t.loaded for t in thumbs)  # three photos and the signature
    assert detail.badge.text() == "Completed" and not detail.cancel_button.isVisibleTo(detail)
    assert any("openstreetmap.org" in w.text() for w in detail.findChildren(QLabel))


def test_the_photo_viewer_goes_through_the_runs_photos_and_saves_them_as_sent(
    desktop, aloop, live_server, qtbot, tmp_path, monkeypatch
):
    dispatched = completed_run_shown(desktop, aloop, live_server, "booking 7/1")
    runs = desktop.window.runs
    detail = desktop.window.runs_view.detail
    thumbs = [t for t in detail.findChildren(Thumbnail) if t.isVisibleTo(detail)]
    assert len(thumbs) == 4  # three photos and the signature

    qtbot.mouseClick(thumbs[1], Qt.MouseButton.LeftButton)  # the damage's second photo
    browser = runs.detail.photo_browser
    viewer = browser.viewer
    wait_until(aloop, lambda: viewer.isVisible() and viewer.save_button.isEnabled(), 10)
    assert viewer.counter.text() == "2 of 4"
    # Over the app's window, its child: a child of the detail panel took the panel's style sheet into the
    # Save dialog over it, which came up black under X11.
    assert viewer.parentWidget() is detail.window()
    assert viewer.caption.text() == "Describe the damage — photo 2"
    assert not viewer.image_label.pixmap().isNull()
    shown = viewer.image_label.pixmap().toImage()
    assert shown.pixelColor(shown.width() - 5, shown.height() - 5).green() > 120  # #2f9e44, not the first

    keys = viewer.focusWidget()  # the picture's scroll area, which takes arrow keys of its own
    assert isinstance(keys, QScrollArea)
    qtbot.keyClick(keys, Qt.Key.Key_Right)
    assert viewer.counter.text() == "3 of 4" and viewer.caption.text() == "Interior cleanliness — photo 1"
    qtbot.keyClick(keys, Qt.Key.Key_End)
    assert viewer.counter.text() == "4 of 4" and viewer.caption.text() == "Signature"
    assert not viewer.next_button.isEnabled() and viewer.previous_button.isEnabled()
    qtbot.keyClick(keys, Qt.Key.Key_Home)
    assert viewer.counter.text() == "1 of 4" and not viewer.previous_button.isEnabled()
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.counter.text() == "2 of 4"
    wait_until(aloop, lambda: viewer.save_button.isEnabled(), 10)

    # Saved as the bytes the executor sent, under a name that says whose run and which step.
    asked = []

    def save_path(parent, title, suggested, file_filter, kind):
        asked.append((Path(suggested).name, file_filter))
        return str(tmp_path / "kept")  # typed without its suffix

    monkeypatch.setattr("rundun_desktop.monitor.photo_browsing.ask_save_path", save_path)
    saved = []
    browser.saved.connect(saved.append)
    qtbot.mouseClick(viewer.save_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: saved, 10)
    assert asked == [("booking_7_1-s-dm02-2.jpg", "Images (*.jpg)")]
    stored = run(aloop, desktop.api.get_run(dispatched["run_id"]))["answers"]["s-dm02"]["photos"][1]
    assert hashlib.sha256(Path(saved[0]).read_bytes()).hexdigest() == stored["sha256"]
    assert saved[0] == str(tmp_path / "kept") and "Saved to" in viewer.message.text()
    # The photo still fits, with the line saying so taking some of its room.
    wait_until(
        aloop, lambda: viewer.image_label.pixmap().height() <= viewer.picture_area.viewport().height(), 10
    )
    assert not viewer.picture_area.verticalScrollBar().isVisible()

    # Another thumbnail shows in the same window; the run's detail closing takes it away.
    qtbot.mouseClick(thumbs[3], Qt.MouseButton.LeftButton)
    assert browser.viewer is viewer and viewer.counter.text() == "4 of 4"
    qtbot.mouseClick(detail.close_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: browser.viewer is None, 10)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PhotoViewer) and w.isVisible()]


class _Receiver(BaseHTTPRequestHandler):
    received: ClassVar[list[str]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        _Receiver.received.append(json.loads(body)["event"])
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_cancel_a_run_and_redeliver_its_webhook(desktop, aloop):
    _Receiver.received = []
    receiver = HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    try:
        template = make_template(desktop, aloop)
        hook = {
            "url": f"http://127.0.0.1:{receiver.server_port}/hook",
            "secret": "whsec_t",
            "events": ["run.cancelled"],
        }
        run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "webhook": hook}))[
            "run_id"
        ]
        runs = desktop.window.runs
        runs.reload()
        wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
        detail = runs.detail
        loaded = []
        detail.run_loaded.connect(loaded.append)
        runs.select_run(run_id)
        wait_until(aloop, lambda: bool(loaded), 10)
        assert detail.view.cancel_button.isVisibleTo(detail.view)
        detail.cancel_run()
        wait_until(aloop, lambda: cell(runs.model, run_id, COL_STATUS) == "Cancelled", 10)
        wait_until(aloop, lambda: loaded[-1]["status"] == "cancelled", 10)
        assert not detail.view.cancel_button.isVisibleTo(detail.view)

        wait_until(aloop, lambda: _Receiver.received == ["run.cancelled"], 15)
        deliveries = run(aloop, desktop.api.webhook_deliveries(run_id))
        assert deliveries[0]["status"] == "delivered"
        detail.redeliver(deliveries[0]["id"])
        wait_until(aloop, lambda: _Receiver.received == ["run.cancelled", "run.cancelled"], 15)
        wait_until(aloop, lambda: "2 attempts" in _deliveries_text(detail.view), 60)
        assert "delivered</b> · run.cancelled · 2 attempts" in _deliveries_text(detail.view)
    finally:
        receiver.shutdown()
        receiver.server_close()


def _deliveries_text(view) -> str:
    layout = view.deliveries_layout
    texts = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        inner = item.layout()
        if inner is not None:
            texts += [
                inner.itemAt(j).widget().text() for j in range(inner.count()) if inner.itemAt(j).widget()
            ]
    return " ".join(texts)


def test_a_template_is_dispatched_from_the_template_list(desktop, aloop, qtbot):
    """The list had no way to send a run of the template it shows: the person went to Runs and chose it again.
    Its row's menu opens the dispatch dialog with it chosen, over the Templates page."""
    from PySide6.QtWidgets import QApplication, QMenu

    from rundun_desktop.editor.list_model import COL_NAME
    from tests.support.samples import minimal

    make_template(desktop, aloop, minimal("Boiler room"))
    wanted = make_template(desktop, aloop)
    window = desktop.window
    window.show_page("templates")
    page = window.templates_page.ensure()
    run(aloop, page.list.load())
    rows = page.list.model
    row = next(r for r in range(rows.rowCount()) if rows.index(r, COL_NAME).data() == wanted["name"])
    table = page.list_view.table
    table.customContextMenuRequested.emit(table.visualRect(rows.index(row, COL_NAME)).center())
    menu = page.list.menu
    assert isinstance(menu, QMenu) and menu.isVisible()
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["Open", "Dispatch run…", "Export", "Duplicate", "Delete"]
    next(a for a in menu.actions() if a.text() == "Dispatch run…").trigger()
    menu.close()
    dialog = window.runs.dispatch_controller
    view = dialog.view
    wait_until(
        aloop, lambda: view.dispatch_button.isEnabled() and view.template.currentData() == wanted["id"], 10
    )
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.showing_result, 10)
    assert run(aloop, desktop.api.get_run(dialog.result["run_id"]))["template_id"] == wanted["id"]
    view.accept()
    assert window.view.stack.currentWidget() is window.templates_page  # still where the person was
    assert QApplication.activePopupWidget() is None


def test_a_signature_is_shown_whole_and_a_photo_fills_its_square(qapp):
    """A 300×120 signature cut to its middle square in the run's detail showed a few strokes of the name: a
    signature's tile shows it whole (both of its ends), a photo's fills its square (the viewer shows it whole)."""
    picture = QImage(300, 120, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    for x in range(12):  # its first and last strokes
        for y in range(120):
            picture.setPixelColor(x, y, QColor("red"))
            picture.setPixelColor(299 - x, y, QColor("blue"))
    signature, photo = Thumbnail("/signature", size=110, whole=True), Thumbnail("/photo")
    for tile in (signature, photo):
        tile.set_image(picture)

    def colours_at(tile: Thumbnail, x: int) -> set[str]:
        shown = tile.grab().toImage()
        return {shown.pixelColor(x, y).name() for y in range(shown.height())}

    def reddish(colours: set[str]) -> bool:
        return any(QColor(c).red() > 200 and QColor(c).green() < 80 for c in colours)

    def bluish(colours: set[str]) -> bool:
        return any(QColor(c).blue() > 200 and QColor(c).red() < 80 for c in colours)

    width = signature.grab().width()
    assert reddish(set().union(*(colours_at(signature, x) for x in range(width // 8))))
    assert bluish(set().union(*(colours_at(signature, x) for x in range(width - width // 8, width))))
    shown = photo.grab().width()
    assert not reddish(set().union(*(colours_at(photo, x) for x in range(shown))))  # its ends cut: a square
    assert not bluish(set().union(*(colours_at(photo, x) for x in range(shown))))
