"""The run monitor as a field supervisor uses it, on the real server: the dispatch dialog by the keyboard, a
run's detail that stays where one was reading, and the runs table at a laptop's width."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt

from rundun_desktop.widgets.fit import words
from tests.desktop.conftest import run, shown_dialog, wait_until
from tests.desktop.test_app_languages import catalogs, desktop_in  # noqa: F401 (catalogs: a fixture)
from tests.support.samples import minimal, vehicle_inspection


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


def test_a_link_lifetime_of_0_typed_in_the_dispatch_form_is_explained(desktop, aloop, qtbot):
    """ "0" typed as the link's lifetime was not taken, without a word, and the run went out with the old one."""
    _dialog_controller, view = _dialog(desktop, aloop)
    box = view.expires_hours
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "0")
    assert view.message.isVisible() and "tick No expiry" in view.message.text()
    qtbot.keyClicks(box, "0.5"[1:])
    assert not view.message.isVisible()
    view.reject()


def _a_run_open(desktop, aloop, qtbot, ref: str, width: int, height: int):
    """A run of the vehicle inspection dispatched to `ref`, open in the Runs page's detail of an active window
    of that size, taller than the panel; the detail's view."""
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": ref}))[
        "run_id"
    ]
    window = desktop.window
    window.view.resize(width, height)
    window.view.activateWindow()
    qtbot.waitUntil(window.view.isActiveWindow, timeout=30000)
    runs = window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
    runs.select_run(run_id)
    wait_until(aloop, lambda: runs.detail.run and runs.detail.run["run_id"] == run_id, 10)
    panel = runs.detail.view
    wait_until(aloop, lambda: panel.verticalScrollBar().maximum() > 0, 10)  # the answers are taller than it
    return panel


def test_saving_a_pdf_leaves_the_detail_where_it_was_with_its_word_in_sight(
    desktop, aloop, qtbot, monkeypatch, tmp_path
):
    """PDF pressed, the file chosen: the panel stays at its top, where "Saved to …" is said (the button, disabled
    while writing, gave the focus away and the panel scrolled to the webhook deliveries at its bottom)."""
    from PySide6.QtWidgets import QFileDialog

    panel = _a_run_open(desktop, aloop, qtbot, "VAN-7", 1280, 800)
    path = tmp_path / "run-VAN-7.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "PDF (*.pdf)"))
    qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: path.exists() and panel.pdf_button.isEnabled(), 20)
    assert panel.message.text() == f"Saved to {path}."
    assert panel.verticalScrollBar().value() == 0
    assert panel.message.visibleRegion().boundingRect().height() == panel.message.height()
    assert panel.pdf_button.hasFocus()


def test_a_pdf_saved_through_a_real_dialog_leaves_the_detail_at_its_word(desktop, aloop, qtbot):
    """The save dialog took the window's activation, as a real one does: the PDF button kept the window's focus
    but not the keyboard's, was disabled unmoved while writing, the window came back to that disabled button and
    Qt gave the focus on down the panel: it scrolled to the webhook deliveries and "Saved to …" was out of sight."""
    from PySide6.QtWidgets import QWidget

    window = desktop.window
    panel = _a_run_open(desktop, aloop, qtbot, "VAN-8", 1024, 700)
    panel.pdf_button.setFocus()
    dialog = QWidget()  # stands for the save dialog's window: it has the activation while it is open
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=30000)
    panel.set_busy(True)  # the file chosen, the PDF is being written ...
    dialog.hide()  # ... as the dialog's window goes and the main window is active again
    window.view.activateWindow()
    qtbot.waitUntil(window.view.isActiveWindow, timeout=30000)
    panel.set_busy(False)
    assert panel.verticalScrollBar().value() == 0
    assert panel.pdf_button.hasFocus()


def one_run_at_1280(desktop, aloop):
    """The Runs page of a laptop's 1280 px window, listing one run; the main window."""
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "VAN-1"}))
    window = desktop.window
    window.view.resize(1280, 800)
    window.show_page("runs")
    window.runs.reload()
    wait_until(aloop, lambda: window.runs.model.rowCount() == 1, 10)
    return window


def test_at_1280_the_template_keeps_its_width_while_the_table_scrolls(desktop, aloop):
    """No run open, a laptop's 1280 px: a column the window can spare steps aside and nothing scrolls. With every
    column shown by the person's choice the columns need more than the table has and it scrolls sideways; the
    template's name keeps its own width in it (it was squeezed to 90 px, "Vehicle p…", scrolling all the same)."""
    from rundun_desktop.monitor.runs_model import COL_TEMPLATE
    from rundun_desktop.monitor.runs_view import NARROW_ASIDE, WIDTHS

    window = one_run_at_1280(desktop, aloop)
    view = window.runs_view
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0
    assert table.columnWidth(COL_TEMPLATE) >= WIDTHS[COL_TEMPLATE]
    for column in NARROW_ASIDE:
        view.show_column(column, True)
    wait_until(aloop, lambda: table.horizontalScrollBar().maximum() > 0, 10)
    assert not view.detail.isVisible()
    assert table.columnWidth(COL_TEMPLATE) >= WIDTHS[COL_TEMPLATE]


def test_a_file_name_typed_without_a_suffix_takes_the_suggested_one(
    desktop, aloop, qtbot, monkeypatch, tmp_path
):
    """Export CSV saved as "runs" wrote a file named "runs"; a backup saved as "friday" was not among the
    "Rundun backups (*.rdbk)" that Restore lists. The suggested name's suffix is added; one typed is kept."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "VAN-1"}))
    typed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (typed.pop(0), ""))
    runs = desktop.window.runs
    typed.append(str(tmp_path / "runs"))
    qtbot.mouseClick(runs.view.export_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: "Exported 1 run" in runs.view.message.text(), 10)
    assert (tmp_path / "runs.csv").read_text(encoding="utf-8").count("VAN-1") == 1
    assert not (tmp_path / "runs").exists()
    backups = desktop.window.backups.ui  # asked through an awaited dialog: typed in its name field here

    def backup_saved_as(name: str) -> str | None:
        asking = aloop.create_task(backups.ask_save_path(str(tmp_path / "rundun-2026-12-04.rdbk")))
        wait_until(aloop, lambda: shown_dialog(QFileDialog), 10)
        dialog = shown_dialog(QFileDialog)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(tmp_path / name))
        dialog.accept()
        wait_until(aloop, asking.done, 10)
        return asking.result()

    assert backup_saved_as("friday") == str(tmp_path / "friday.rdbk")
    assert backup_saved_as("friday.bak") == str(tmp_path / "friday.bak")


@pytest.mark.usefixtures("catalogs")
def test_in_arabic_an_expired_runs_status_is_whole_at_its_cells_start(request, tmp_path, aloop):
    """Arabic at 1024×700: "منتهية الصلاحية" (expired) was wider than the 118 px status column and cut, and the
    pill stood at the cell's left, its end, right to left. The column holds every status; the pill starts right."""
    from PySide6.QtGui import QColor

    from rundun_desktop import formatting as fmt
    from rundun_desktop.monitor.runs_model import COL_STATUS

    desktop = desktop_in("ar", request, tmp_path)
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "VAN-5"}))[
        "run_id"
    ]
    window = desktop.window
    window.view.resize(1024, 700)
    window.show_page("runs")
    runs = window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
    summary = run(aloop, desktop.api.get_run(run_id))
    table = window.runs_view.table
    assert table.isRightToLeft()
    cell = table.visualRect(runs.model.index(runs.model.row_of(run_id), COL_STATUS))

    def pill_columns(status: str) -> list[int]:
        """The cell's pixel columns where the pill of `status` shows (as the live stream would set it)."""
        runs.model.update_run({**summary, "status": status})
        picture = table.viewport().grab(cell).toImage()
        pill = QColor(fmt.STATUS_COLOURS[status][1])
        return [
            x
            for x in range(picture.width())
            if any(picture.pixelColor(x, y) == pill for y in range(picture.height()))
        ]

    expired = pill_columns("expired")
    window.view.grab().save("/tmp/rundun-ar-expired.png")
    assert expired, "no status pill drawn"
    assert min(expired) > 2 and max(expired) < cell.width() - 4, f"the pill is cut: {cell.width()} px"
    cancelled = pill_columns("cancelled")  # a shorter word: its pill at the cell's start, the right
    assert cell.width() - max(cancelled) < min(cancelled), (min(cancelled), max(cancelled), cell.width())


@pytest.mark.usefixtures("catalogs")
def test_why_a_run_was_cancelled_is_said_in_the_apps_language(request, tmp_path, aloop):
    """A run cancelled from the app: its detail said "Storniert: revoked", the server's code, in every language."""
    from rundun_desktop.monitor.runs_model import COL_STATUS

    desktop = desktop_in("de", request, tmp_path)
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))["run_id"]
    run(aloop, desktop.api.cancel_run(run_id))
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
    runs.select_run(run_id)
    wait_until(aloop, lambda: runs.detail.run and runs.detail.run["status"] == "cancelled", 10)
    grid = runs.detail.view.facts
    facts = [grid.itemAt(i).widget().text() for i in range(grid.count()) if grid.itemAt(i).widget()]
    assert "Link widerrufen" in facts and "revoked" not in facts, facts
    tip = runs.model.index(runs.model.row_of(run_id), COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("Link widerrufen"), tip


@pytest.mark.usefixtures("catalogs")
def test_the_dispatched_runs_line_is_in_the_apps_language(request, tmp_path, aloop, qtbot):
    """In German the dispatch dialog said "Fahrzeugcheck for VAN-7. Der Link …": its "for" was English."""
    desktop = desktop_in("de", request, tmp_path)
    _dialog_controller, view = _dialog(desktop, aloop)
    qtbot.keyClicks(view.executor_ref, "VAN-7")
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.showing_result, 10)
    words = view.result_text.text()
    assert words.startswith(f"{view.template.currentText()} für VAN-7. ") and " for " not in words, words
    view.accept()


def test_tab_leaves_each_list_for_what_follows_it(desktop, aloop, qtbot):
    """Tab in the runs list went from cell to cell, row after row: by the keyboard the run's Copy link, PDF
    and Cancel were out of reach; so with the API keys and the templates. Tab leaves a list; arrows move in it."""
    from PySide6.QtWidgets import QApplication

    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))["run_id"]
    window = desktop.window
    window.view.activateWindow()
    qtbot.waitUntil(window.view.isActiveWindow, timeout=30000)

    def tab_from(table) -> None:
        table.setFocus()
        qtbot.waitUntil(table.hasFocus, timeout=30000)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not table, f"Tab stayed in {table.objectName() or table}"

    runs = window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
    runs.select_run(run_id)
    wait_until(aloop, lambda: runs.detail.run and runs.view.detail.isVisible(), 10)
    tab_from(runs.view.table)
    window.show_page("settings")
    run(aloop, window.settings.reload())
    window.settings_view.tabs.setCurrentIndex(1)
    tab_from(window.settings_view.keys_table)
    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded and page.list_view.table.model().rowCount() == 1, 10)
    tab_from(page.list_view.table)


def test_runs_dispatched_in_the_same_second_arrive_in_the_servers_order(desktop, aloop):
    """Eight runs dispatched in one second came in live oldest first (VAN-0 … VAN-7 under the newest-first
    header); a reload then turned them over. Live, they are in the order the server lists."""
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.answered, 10)
    summaries = []
    for i in range(4):
        run_id = run(
            aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": f"VAN-{i}"})
        )["run_id"]
        summaries.append(run(aloop, desktop.api.get_run(run_id)))
    for summary in summaries:
        summary["created_at"] = summaries[0]["created_at"]  # one second for all, whatever the clock did
    runs.apply_changes(summaries)  # as the live updates hand them over: in the order they changed
    wait_until(aloop, lambda: runs.model.rowCount() == 4, 10)
    live = [runs.model.run_at(row)["executor_ref"] for row in range(4)]
    assert live == ["VAN-3", "VAN-2", "VAN-1", "VAN-0"]


def test_the_line_under_a_row_runs_under_its_status_and_progress_too(desktop, aloop):
    """The status pill's and the progress bar's cells are painted by hand; they filled their cells and the
    stylesheet's line under the row broke under them (visible on every row of the table)."""
    from rundun_desktop.monitor.runs_model import COL_PROGRESS, COL_REF, COL_STATUS

    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "VAN-1"}))
    window = desktop.window
    window.show_page("runs")
    window.runs.reload()
    wait_until(aloop, lambda: window.runs.model.rowCount() == 1, 10)
    table = window.runs_view.table
    table.clearSelection()
    image = table.viewport().grab().toImage()
    bottom = table.visualRect(window.runs.model.index(0, COL_STATUS)).bottom()

    def line_colour(column: int) -> str:
        rect = table.visualRect(window.runs.model.index(0, column))
        return image.pixelColor(rect.center().x(), bottom).name()

    plain = line_colour(COL_REF)
    assert plain != image.pixelColor(5, bottom - 4).name()  # there is a line to match
    assert line_colour(COL_STATUS) == plain and line_colour(COL_PROGRESS) == plain


def test_a_selected_runs_status_pill_stands_out_from_the_selection(desktop, aloop, live_server):
    """An "In progress" pill's pale blue was the selected row's: selected, the pill vanished into the row."""
    from rundun_desktop.monitor.runs_model import COL_STATUS

    template = run(aloop, desktop.api.create_template(minimal()))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))["run_id"]
    token = httpx.post(f"{live_server.url}/v1/runs/{run_id}/open", json={}).json()["executor_token"]
    answer = {"value": True, "at": "2026-01-01T00:00:00Z"}
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.put(f"{live_server.url}/v1/runs/{run_id}/answers/s-1", json=answer, headers=auth).is_success
    window = desktop.window
    window.show_page("runs")
    window.runs.reload()
    wait_until(aloop, lambda: [r["status"] for r in window.runs.model.loaded_runs()] == ["in_progress"], 10)
    table = window.runs_view.table
    rect = table.visualRect(window.runs.model.index(0, COL_STATUS))
    inside_pill = rect.x() + 12, rect.center().y() - 4  # left of the dot, within the pill's height
    beside_pill = rect.right() - 3, rect.center().y()
    table.selectRow(0)
    image = table.viewport().grab().toImage()
    pill, row = image.pixelColor(*inside_pill), image.pixelColor(*beside_pill)
    assert apart(pill, row) >= 30, (
        pill.name(),
        row.name(),
    )  # the pale blues were 5 apart: one colour to the eye


def apart(one, other) -> int:
    return abs(one.red() - other.red()) + abs(one.green() - other.green()) + abs(one.blue() - other.blue())


def test_a_selected_runs_progress_track_stands_out_from_the_selection(desktop, aloop, live_server):
    """A pending run's empty bar was a grey track 6 apart from the selected row's blue: selected, the bar
    was gone and "0/4" floated alone."""
    from rundun_desktop.monitor.runs_model import COL_PROGRESS

    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))
    window = desktop.window
    window.show_page("runs")
    window.runs.reload()
    wait_until(aloop, lambda: window.runs.model.rowCount() == 1, 10)
    table = window.runs_view.table
    rect = table.visualRect(window.runs.model.index(0, COL_PROGRESS))
    on_track = rect.x() + 30, rect.center().y()  # the bar starts 10 px in: its empty track
    before_track = rect.x() + 4, rect.center().y()
    for selected in (False, True):
        table.selectRow(0) if selected else table.clearSelection()
        image = table.viewport().grab().toImage()
        track, row = image.pixelColor(*on_track), image.pixelColor(*before_track)
        assert apart(track, row) >= 20, (selected, track.name(), row.name())


def test_the_header_menu_hides_columns_and_the_next_start_keeps_them_hidden(desktop, aloop, tmp_path):
    """At 1280 px the ten columns did not fit: what a run's answers found sat off to the right. It now follows
    what is on the device, and the header's right-click menu hides what the person does not read, kept in the
    window's memory for the next start; Status and Template always show."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    from rundun_desktop.monitor.runs_model import (
        COL_CREATED,
        COL_DEVICE,
        COL_EXPIRES,
        COL_FINDINGS,
        COL_STATUS,
        COL_UPDATED,
    )
    from rundun_desktop.window_state import WindowMemory, WindowState

    window = one_run_at_1280(desktop, aloop)
    view, table = window.runs_view, window.runs_view.table
    header = table.horizontalHeader()

    def within_sight(column: int) -> bool:
        return (
            not header.isSectionHidden(column)
            and header.sectionViewportPosition(column) + header.sectionSize(column)
            <= table.viewport().width()
        )

    assert within_sight(COL_FINDINGS) and not within_sight(COL_UPDATED)
    header.customContextMenuRequested.emit(QPoint(header.sectionViewportPosition(COL_DEVICE) + 5, 5))
    menu = view.column_menu
    assert isinstance(menu, QMenu) and menu.isVisible()
    actions = {a.text(): a for a in menu.actions()}
    assert not actions["Status"].isEnabled() and not actions["Template"].isEnabled()
    # Ticked while shown: at 1280 px Executor, Updated and Expires step aside for room (ticking one brings it back).
    assert [name for name, a in actions.items() if not a.isChecked()] == ["Executor", "Updated", "Expires"]
    actions["Expires"].trigger()  # ticked: shown…
    assert not header.isSectionHidden(COL_EXPIRES)
    for name in ("On the device", "Created", "Expires"):
        actions[name].trigger()  # unticked: hidden
    menu.close()
    assert all(header.isSectionHidden(c) for c in (COL_DEVICE, COL_CREATED, COL_EXPIRES))
    wait_until(aloop, lambda: within_sight(COL_UPDATED), 5)  # the columns read now fit: no scrolling for them

    path = tmp_path / "window.json"
    memory = WindowMemory(window, path)
    memory.start()
    wait_until(aloop, lambda: WindowState.load(path).hidden_columns == ("created", "device", "expires"), 5)
    memory.stop()

    # A run's detail opened and closed: what it set aside comes back, what was hidden by choice does not.
    table.selectRow(0)
    wait_until(aloop, lambda: view.detail.isVisible() and header.isSectionHidden(COL_UPDATED), 10)
    view.detail.close_button.click()  # its ×: nothing closed a detail once a run was selected
    wait_until(aloop, lambda: not view.detail.isVisible() and not header.isSectionHidden(COL_UPDATED), 10)
    assert all(header.isSectionHidden(c) for c in (COL_DEVICE, COL_CREATED, COL_EXPIRES))

    view.hide_columns([])  # the next start, with nothing hidden yet…
    assert not header.isSectionHidden(COL_DEVICE)
    WindowMemory(window, path).restore_layout()  # …puts back what was chosen
    assert all(header.isSectionHidden(c) for c in (COL_DEVICE, COL_CREATED, COL_EXPIRES))
    assert not header.isSectionHidden(COL_STATUS)
    view.show_column(COL_DEVICE, True)
    assert not header.isSectionHidden(COL_DEVICE) and view.hidden_column_keys() == ["created", "expires"]


def test_the_last_updates_column_holds_its_longest_while_ago_whole(desktop, aloop):
    """ "12 min ago" was cut to "12 min …" in the 90 px that held "9 min ago"."""
    from datetime import UTC, datetime, timedelta

    from rundun_desktop import formatting as fmt
    from rundun_desktop.monitor.runs_model import COL_UPDATED
    from rundun_desktop.monitor.runs_view import CELL_PADDING  # the stylesheet's padding, the focus frame

    window = desktop.window
    window.show_page("runs")
    window.runs_view.show_column(COL_UPDATED, True)  # shown whatever the window's width
    table = window.runs_view.table
    now = datetime.now(UTC)
    for ago in (timedelta(minutes=58), timedelta(hours=23), timedelta(days=120)):
        text = fmt.relative_time((now - ago).isoformat(), now)
        assert table.columnWidth(COL_UPDATED) >= table.fontMetrics().horizontalAdvance(text) + CELL_PADDING, (
            text
        )


@pytest.mark.usefixtures("catalogs")
def test_a_runs_detail_fits_its_panel_in_german(request, tmp_path, aloop):
    """German's "Link kopieren · PDF · Stornieren" were wider than the panel beside a 1280 px table: the
    panel's right edge, the status badge and Cancel were cut. The actions fold to icons instead."""
    desktop = desktop_in("de", request, tmp_path)
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "VAN-7"}))[
        "run_id"
    ]
    window = desktop.window
    window.show_page("runs")
    runs, view = window.runs, window.runs_view
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
    view.table.selectRow(runs.model.row_of(run_id))
    detail = view.detail
    wait_until(aloop, lambda: detail.isVisible() and runs.detail.run is not None, 10)
    content = detail.widget()
    for width in (1280, 1024):
        window.view.resize(width, 760)
        wait_until(aloop, lambda: content.width() <= detail.viewport().width(), 10)  # nothing cut at its edge
        cancel = detail.cancel_button
        right = cancel.mapTo(content, cancel.rect().topRight()).x()
        assert cancel.isVisible() and right < detail.viewport().width(), (width, right)
        assert words(cancel) == "Stornieren"  # folded or not, its words are its own (a tooltip when folded)


@pytest.mark.usefixtures("catalogs")
def test_the_template_filters_first_words_read_whole_in_spanish_at_1024(request, tmp_path, aloop):
    """ "Todas las plantillas" read "Todas las planti" in a 1024 px window."""
    desktop = desktop_in("es", request, tmp_path)
    window = desktop.window
    window.view.resize(1024, 700)
    window.show_page("runs")
    view = window.runs_view
    combo = view.template_filter
    wait_until(aloop, lambda: window.view.width() == 1024 and combo.isVisible(), 10)
    assert combo.itemText(0) == "Todas las plantillas"
    words = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
    assert combo.width() >= words + 30, (combo.width(), words)
    row_end = view.device_filter.mapTo(view, view.device_filter.rect().topRight()).x()
    assert row_end <= view.width()  # the filter row still fits the page


def test_the_detail_follows_the_list_and_closes_on_escape(desktop, aloop, live_server, qtbot):
    """A dashboard's click-through to the completed runs left the detail on a pending run that was not in the
    list any more; and once a run was selected, nothing closed its detail (at 1024 px it holds the columns)."""
    template = run(aloop, desktop.api.create_template(minimal()))
    done_id, waiting_id = (
        run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": ref}))["run_id"]
        for ref in ("done", "waiting")
    )
    token = httpx.post(f"{live_server.url}/v1/runs/{done_id}/open", json={}).json()["executor_token"]
    auth = {"Authorization": f"Bearer {token}"}
    answer = {"value": True, "at": "2026-01-01T00:00:00Z"}
    assert httpx.put(f"{live_server.url}/v1/runs/{done_id}/answers/s-1", json=answer, headers=auth).is_success
    assert httpx.post(
        f"{live_server.url}/v1/runs/{done_id}/complete", json={"at": answer["at"]}, headers=auth
    ).is_success
    window, view = desktop.window, desktop.window.runs_view
    window.show_page("runs")
    runs = window.runs
    runs.reload()
    wait_until(aloop, lambda: len(runs.model.loaded_runs()) == 2, 10)

    def shown() -> str | None:
        return runs.detail.run["run_id"] if runs.detail.run and view.detail.isVisible() else None

    assert runs.select_run(done_id)
    wait_until(aloop, lambda: shown() == done_id, 10)
    window.show_runs({"status": "completed"}, "Completed")  # as a dashboard card does: the run is listed
    wait_until(aloop, lambda: [r["run_id"] for r in runs.model.loaded_runs()] == [done_id], 10)
    assert shown() == done_id

    window.show_runs({"status": None}, "")
    wait_until(aloop, lambda: len(runs.model.loaded_runs()) == 2, 10)
    assert runs.select_run(waiting_id)
    wait_until(aloop, lambda: shown() == waiting_id, 10)
    window.show_runs({"status": "completed"}, "Completed")  # the pending run is not listed: its detail closes
    wait_until(aloop, lambda: [r["run_id"] for r in runs.model.loaded_runs()] == [done_id], 10)
    assert shown() is None and runs.detail.run is None

    assert runs.select_run(done_id)
    wait_until(aloop, lambda: shown() == done_id, 10)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    wait_until(aloop, lambda: shown() is None, 10)
    assert not view.table.selectionModel().hasSelection()


def test_the_template_filter_follows_the_templates_page_and_an_empty_list_says_what_comes_first(
    desktop, aloop
):
    """A first start has no template: "Dispatch one" pointed at a dialog that could only say "There are no
    templates yet". A template made (or deleted) on the Templates page reached the monitor's filter only after
    a restart."""
    runs, window = desktop.window.runs, desktop.window
    view = runs.view
    wait_until(aloop, lambda: runs.has_templates is False, 10)
    # The words follow the list's first (empty) page, which may come after the templates were read.
    wait_until(
        aloop,
        lambda: "no template to dispatch" in view.empty_label.text() and view.empty_label.isVisibleTo(view),
        10,
    )

    # Made through the API while the page is shown: Refresh reads the templates again too (the empty list
    # went on saying "no template to dispatch" beside four).
    other_client = httpx.post(
        f"{desktop.api.base_url}/v1/templates",
        headers={"Authorization": f"Bearer {desktop.api.api_key}"},
        json=minimal("Gate check"),
        timeout=30,
    )
    assert other_client.status_code == 201, other_client.text
    made = other_client.json()
    combo = view.template_filter
    view.refresh_button.click()
    wait_until(aloop, lambda: combo.findData(made["id"]) >= 0, 10)
    words = "No runs yet. Dispatch one to get a link for an executor."
    wait_until(aloop, lambda: view.empty_label.text() == words and view.empty_label.isVisibleTo(view), 10)

    run(aloop, desktop.api.dispatch_run({"template_id": made["id"]}))
    combo.setCurrentIndex(combo.findData(made["id"]))
    wait_until(aloop, lambda: runs.model.total == 1, 10)
    run(aloop, desktop.api.delete_template(made["id"]))
    window.show_page("templates")
    window.show_page("runs")
    wait_until(aloop, lambda: combo.findData(made["id"]) < 0, 10)
    assert combo.currentData() is None and runs.filters().get("template_id") is None  # all runs, as it says
    wait_until(aloop, lambda: runs.model.total == 1, 10)  # the deleted template's run, still listed


def test_another_run_and_a_cancelled_one_show_their_detail_from_the_top(desktop, aloop, qtbot, monkeypatch):
    """A run selected after another opened where the last one was scrolled, its header off screen; Cancel run
    sent the panel to its bottom (the busy button gave its focus to the last one). The question names the run."""
    from PySide6.QtWidgets import QMessageBox

    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    first, second = (
        run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": ref}))["run_id"]
        for ref in ("VAN-1", "VAN-2")
    )
    window = desktop.window
    window.view.resize(1280, 800)
    window.view.activateWindow()
    qtbot.waitUntil(window.view.isActiveWindow, timeout=30000)
    runs = window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(second) is not None, 10)
    panel = runs.detail.view
    bar = panel.verticalScrollBar()
    runs.select_run(first)
    wait_until(
        aloop, lambda: runs.detail.run and runs.detail.run["run_id"] == first and bar.maximum() > 0, 10
    )
    bar.setValue(bar.maximum())
    runs.select_run(second)
    wait_until(aloop, lambda: runs.detail.run and runs.detail.run["run_id"] == second, 10)
    assert bar.value() == 0

    bar.setValue(bar.maximum())
    asked = []

    def yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: panel.message.text() == "The run was cancelled.", 10)
    assert asked == ["Cancel the run VAN-2? Its link stops working and the executor cannot finish it."]
    wait_until(
        aloop, lambda: runs.detail.run["status"] == "cancelled" or not panel.cancel_button.isVisible(), 10
    )
    assert bar.value() == 0
    assert panel.message.visibleRegion().boundingRect().height() == panel.message.height()


def test_a_run_in_progress_past_its_expiry_says_who_can_still_finish_it(qapp):
    """It read "Expires 6:25 PM" like any other, though its link was past: only the executor who opened it can
    still send (the server's offline grace, SPEC §4); nobody else can open it."""
    from datetime import UTC, datetime

    from rundun_desktop import formatting as fmt
    from rundun_desktop.monitor.detail_controller import expiry_words

    now = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)
    passed = "2026-12-06T17:25:00Z"
    shown = fmt.local_time(passed, True)
    assert expiry_words({"status": "in_progress", "expires_at": passed}, now) == (
        f"{shown}, passed: only the executor who opened it can still send and complete it"
    )
    assert expiry_words(
        {"status": "in_progress", "expires_at": "2026-12-06T18:25:00Z"}, now
    ) == fmt.local_time("2026-12-06T18:25:00Z", True)
    assert (
        expiry_words({"status": "completed", "expires_at": passed}, now) == shown
    )  # finished: nothing to say
    assert expiry_words({"status": "pending", "expires_at": None}, now) == "Never"


@pytest.mark.usefixtures("catalogs")
def test_in_arabic_the_findings_column_holds_its_words_whole(request, tmp_path, aloop):
    """ "⚠ ملاحظة واحدة" (one finding) was cut to "⚠ ملاحظة وا…" in the column's 110 px."""
    from rundun_desktop.monitor.runs_model import COL_FINDINGS, findings_words
    from rundun_desktop.monitor.runs_view import CELL_PADDING

    desktop = desktop_in("ar", request, tmp_path)
    window = desktop.window
    window.view.resize(1024, 700)
    window.show_page("runs")
    table = window.runs_view.table
    assert findings_words(1) != "⚠ 1 finding"  # the Arabic words, not English
    for n in (1, 2, 3, 11):
        needed = table.fontMetrics().horizontalAdvance(findings_words(n)) + CELL_PADDING
        assert table.columnWidth(COL_FINDINGS) >= needed, (
            n,
            findings_words(n),
            table.columnWidth(COL_FINDINGS),
        )


def test_the_next_start_brings_back_the_status_filter_and_the_open_run(desktop, aloop, tmp_path):
    """After a restart the Runs page came back with its columns but with every status and no run open: the
    status filter and the run whose detail was open are kept in the window's memory too."""
    import json

    from rundun_desktop.window_state import WindowMemory

    window = one_run_at_1280(desktop, aloop)
    runs, view = window.runs, window.runs_view
    view.status_filter.setCurrentIndex(view.status_filter.findData("pending"))
    wait_until(aloop, lambda: runs.model.rowCount() == 1, 10)
    run_id = runs.model.run_at(0)["run_id"]
    assert runs.select_run(run_id)
    wait_until(aloop, lambda: view.detail.isVisible(), 10)

    path = tmp_path / "window.json"
    memory = WindowMemory(window, path)
    memory.start()

    def kept() -> dict:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    wait_until(
        aloop, lambda: kept().get("runs_status") == "pending" and kept().get("runs_run_id") == run_id, 5
    )
    memory.stop()

    runs.close_detail()  # the next start: every status, no run open…
    view.status_filter.setCurrentIndex(0)
    wait_until(aloop, lambda: not view.detail.isVisible(), 5)
    again = WindowMemory(window, path)
    again.restore_layout()  # …puts back the filter
    assert view.status_filter.currentData() == "pending"
    runs.reload()
    wait_until(aloop, lambda: runs.model.rowCount() == 1, 10)
    run(aloop, again.reopen())  # …and the run
    wait_until(aloop, lambda: view.detail.isVisible() and runs.detail.run_id == run_id, 10)


def test_an_english_template_name_elides_at_its_end_in_the_arabic_list(desktop, aloop):
    """In the Arabic app the runs' template names were cut with the "…" before them ("…Bike and e-scooter fl"):
    laid out right to left. A name now reads, and is cut, in its own direction, still at the row's start."""
    from rundun_desktop.monitor.runs_model import COL_TEMPLATE
    from tests.desktop.conftest import right_to_left_option

    window = one_run_at_1280(desktop, aloop)
    option = right_to_left_option(window.runs_view.table, window.runs.model.index(0, COL_TEMPLATE))
    assert option.text.startswith("Vehicle")
    assert option.direction == Qt.LayoutDirection.LeftToRight  # the "…" at its end
    assert option.displayAlignment & Qt.AlignmentFlag.AlignRight  # at the right, where the row starts


def test_refresh_with_the_server_gone_keeps_the_runs_in_sight(desktop, aloop, live_server, qtbot):
    """Refresh pressed while the server did not answer emptied the list, and left it empty beside "Runs could
    not be loaded": the runs stay in sight until the server's answer replaces them."""
    template = run(aloop, desktop.api.create_template(minimal("Gate check")))
    ids = [
        run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": ref}))["run_id"]
        for ref in ("GATE-1", "GATE-2")
    ]
    runs, view = desktop.window.runs, desktop.window.runs_view
    view.refresh_button.click()
    wait_until(aloop, lambda: all(runs.model.row_of(i) is not None for i in ids), 10)

    live_server.server.stop()
    wait_until(aloop, lambda: not runs._refreshing, 10)
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.message.isVisible() and not runs._refreshing, 30)
    assert "could not be loaded" in view.message.text()
    assert runs.model.rowCount() == 2 and all(runs.model.row_of(i) is not None for i in ids)


def test_runs_of_a_template_made_elsewhere_join_the_template_filter(desktop, aloop):
    """A template made through the API (or by another supervisor) while the page was shown, and a run of it
    dispatched: the run came in live, the template filter offered only "All templates" until a Refresh."""
    runs, view = desktop.window.runs, desktop.window.runs_view
    wait_until(aloop, lambda: runs.has_templates is not None, 10)
    headers = {"Authorization": f"Bearer {desktop.api.api_key}"}
    base = desktop.api.base_url
    made = httpx.post(f"{base}/v1/templates", headers=headers, json=minimal("Dock check"), timeout=30).json()
    dispatched = httpx.post(f"{base}/v1/runs", headers=headers, json={"template_id": made["id"]}, timeout=30)
    assert dispatched.status_code == 201, dispatched.text
    run_id = dispatched.json()["run_id"]
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 15)
    wait_until(aloop, lambda: view.template_filter.findData(made["id"]) >= 0, 15)
    assert view.template_filter.itemText(view.template_filter.findData(made["id"])) == "Dock check"


def test_the_dispatch_dialog_asks_the_organisations_name_while_it_has_none(desktop, aloop, qtbot):
    """A first start names the organisation "My organisation", and the person opening the first run's link read
    "My organisation sent you a checklist": nothing had asked the supervisor for a name. The dialog asks while
    the name is that one (never required), saves what is typed before the run goes, and asks no more."""
    from rundun_desktop.monitor import dispatch_controller
    from server.bootstrap import UNNAMED_ORG

    assert dispatch_controller.UNNAMED_ORG == UNNAMED_ORG  # the desktop knows the server's first name
    assert run(aloop, desktop.api.get_org())["name"] == UNNAMED_ORG
    dialog, view = _dialog(desktop, aloop)
    assert view.asks_org_name and view.org_name.isVisibleTo(view)
    qtbot.keyClicks(view.org_name, "Acme Rentals")
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.showing_result or view.message.isVisible(), 10)
    assert view.showing_result, view.message.text()
    assert run(aloop, desktop.api.get_org())["name"] == "Acme Rentals"
    page = httpx.get(f"{desktop.api.base_url}/r/{dialog.result['run_id']}", timeout=30)
    assert "Acme Rentals" in page.text and UNNAMED_ORG not in page.text
    view.accept()

    second = desktop.window.runs.open_dispatch().view
    wait_until(aloop, second.dispatch_button.isEnabled, 10)
    assert not second.asks_org_name  # named: not asked again
    second.reject()
