"""The dispatch dialog chooses the run's language among the template's (SPEC §15), and the link and its QR code
open the run's page in that language."""

from __future__ import annotations

import httpx
from PySide6.QtCore import Qt

from rundun_desktop.monitor.dispatch_controller import link_in_language
from tests.desktop.conftest import as_read, run, wait_until
from tests.desktop.test_embedded_address import start, stop
from tests.desktop.test_sharing import choose, sharing_tab
from tests.server.tdl.test_tdl_languages import car_check


def test_link_in_language_marks_only_a_language_other_than_the_first():
    link = "https://rundun.example.com/r/r-1"
    assert link_in_language(link, "en", ["en", "ar"]) == link
    assert link_in_language(link, None, ["en", "ar"]) == link
    assert link_in_language(link, "ar", ["en", "ar"]) == f"{link}?lang=ar"


def test_the_dialog_dispatches_in_the_chosen_language_and_the_qr_follows(aloop, qtbot, tmp_path):
    app = start(aloop, tmp_path / "home")
    try:
        tab = sharing_tab(app, qtbot)  # a public address, so the dialog shows a QR code for phones
        choose(qtbot, tab.public_radio)
        qtbot.keyClicks(tab.public_url, "https://rundun.example.com/")
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: "Done." in tab.message.text(), 30)
        run(aloop, app.api.create_template(car_check()))
        app.window.show_page("runs")
        dialog = app.window.runs.open_dispatch()
        view = dialog.view
        wait_until(aloop, lambda: view.dispatch_button.isEnabled() and view.language.count() == 3, 10)
        assert [view.language.itemData(i) for i in range(3)] == ["en", "de", "ar"]
        # Named as a person reads them, not by their bare tags
        assert [as_read(view.language.itemText(i)) for i in range(3)] == [
            "English (en), as written",
            "Deutsch (de)",
            "العربية (ar)",
        ]
        assert view.language.currentData() == "en"  # the template's first, as the API's default
        view.language.setCurrentIndex(view.language.findData("ar"))
        qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: view.showing_result, 10)
        run_id = dialog.result["run_id"]
        assert run(aloop, app.api.get_run(run_id))["language"] == "ar"
        assert view.link.text() == f"https://rundun.example.com/r/{run_id}?lang=ar"
        assert view.qr.isVisible() and view.qr.text() == view.link.text()
        local = f"{app.api.base_url}/r/{run_id}?lang=ar"
        page = httpx.get(local, headers={"Accept-Language": "en"}, timeout=10)
        assert '<html lang="ar" dir="rtl">' in page.text and "فحص السيارة" in page.text
        view.accept()
    finally:
        stop(aloop, app)


def test_copy_link_in_a_runs_detail_is_the_link_dispatch_gave(aloop, qtbot, tmp_path):
    """Shared under a public address, a run's Copy link still gave http://127.0.0.1:…/r/…, a link no phone opens,
    and without the run's language. It copies what the dispatch dialog showed."""
    from PySide6.QtGui import QGuiApplication

    app = start(aloop, tmp_path / "home")
    try:
        tab = sharing_tab(app, qtbot)
        choose(qtbot, tab.public_radio)
        qtbot.keyClicks(tab.public_url, "https://rundun.example.com/")
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: "Done." in tab.message.text(), 30)
        template = run(aloop, app.api.create_template(car_check()))
        run_id = run(aloop, app.api.dispatch_run({"template_id": template["id"], "language": "ar"}))["run_id"]
        app.window.show_page("runs")
        runs = app.window.runs
        runs.reload()
        wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
        runs.select_run(run_id)
        wait_until(aloop, lambda: runs.detail.run and runs.detail.run["run_id"] == run_id, 10)
        qtbot.mouseClick(runs.detail.view.copy_link_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == f"https://rundun.example.com/r/{run_id}?lang=ar"
    finally:
        stop(aloop, app)


def test_the_dialog_never_sends_an_empty_secret_or_an_empty_event_list(aloop, qtbot, tmp_path):
    """The server refuses both (422): an empty secret signed nothing, an empty list delivered nothing."""
    app = start(aloop, tmp_path / "home")
    try:
        run(aloop, app.api.create_template(car_check()))
        app.window.show_page("runs")
        dialog = app.window.runs.open_dispatch()
        view = dialog.view
        wait_until(aloop, lambda: view.dispatch_button.isEnabled(), 10)
        view.webhook_box.setChecked(True)
        view.webhook_url.setText("https://hooks.example.com/rundun")
        webhook = dialog.body()["webhook"]
        assert "secret" not in webhook and webhook["events"]  # nothing typed: no secret at all
        for box in view.event_boxes.values():
            box.setChecked(False)
        qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: "at least one event" in view.message.text(), 10)
        assert run(aloop, app.api.list_runs())["pagination"]["total"] == 0
        view.reject()
    finally:
        stop(aloop, app)
