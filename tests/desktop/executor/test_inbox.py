"""The executor inbox: opening runs from links (identity when the run asks for it, rundun:// on the current
connection, failures in words), the runs on this computer with their local and server state, export and
remove, and the app's wiring (the store and sync engine start with the app; links from the command line)."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from rundun_desktop.embedded import EmbeddedServer, bootstrap
from rundun_desktop.executor import ExecutorPage, links
from rundun_desktop.executor import store as st
from rundun_desktop.executor.inbox_model import COL_HERE, COL_OPENED, COL_PROGRESS
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor.conftest import FAST, choose_folder, opened
from tests.support.executor import every_type, with_execution
from tests.support.org import Org


def cell(page, row: int, col: int) -> str:
    model = page.inbox.model
    return model.data(model.index(row, col))


def test_pasting_a_link_and_pressing_enter_opens_the_run(page, org, aloop, qtbot):
    link = org.dispatch(every_type())
    view = page.inbox_view
    view.link.setFocus()
    qtbot.keyClicks(view.link, link)
    qtbot.keyClick(view.link, Qt.Key.Key_Return)
    wait_until(aloop, lambda: page.stack.currentWidget() is page.runner_view, 10)
    assert page.runner_view.title.text() == "Every type"
    page.show_inbox()
    wait_until(aloop, lambda: page.inbox.model.rowCount() == 1, 5)
    assert (
        cell(page, 0, COL_PROGRESS) == "0 / 11"
    )  # s-why shows only once s-bool is false and cell(page, 0, COL_SERVER) == "Pending"
    assert cell(page, 0, COL_HERE) == "All synced"


def test_a_run_that_asks_who_you_are_gets_a_name_and_email(page, org, aloop):
    link = org.dispatch(with_execution(every_type(), identity_required="external"))
    view = page.inbox_view
    assert run(aloop, page.inbox.open_link(link)) is None
    assert view.identity.isVisible() and view.name.isVisible() and not view.member_token.isVisible()
    assert "name and email" in view.message.text()
    view.name.setText("Ada Lovelace")
    view.email.setText("ada@example.com")
    run_id = run(aloop, page.inbox.open_link(link))
    assert run_id and not view.identity.isVisible()
    assert org.run_doc(run_id)["executor_identity"] == {
        "mode": "external",
        "name": "Ada Lovelace",
        "email": "ada@example.com",
    }


def test_rundun_links_use_the_current_connection_and_failures_are_in_words(page, org, aloop, client):
    link = org.dispatch(every_type())
    run_id = link.rsplit("/", 1)[1]
    assert opened(aloop, page, f"rundun://r/{run_id}") == run_id
    store = st.LocalStore(page.service.data_dir)
    assert store.run(run_id)["base_url"] == client.base_url
    store.close()
    taken = org.dispatch(every_type())
    org.http.post(f"/v1/runs/{taken.rsplit('/', 1)[1]}/open", json={}).raise_for_status()
    message = page.inbox_view.message
    assert run(aloop, page.open_link(taken)) is None
    assert message.text() == "Someone else has already opened this run."
    assert run(aloop, page.open_link("https://example.com/templates/1")) is None
    assert "not a run link" in message.text()
    assert run(aloop, page.open_link(f"http://127.0.0.1:9/r/r-{uuid.uuid4()}")) is None
    assert "Opening a run needs the network once" in message.text()


def test_the_inbox_shows_each_runs_state_here_and_there(page, org, aloop, qtbot, tmp_path):
    done = opened(aloop, page, org.dispatch(every_type()))
    waiting = opened(aloop, page, org.dispatch(every_type()))
    store = st.LocalStore(page.service.data_dir)
    store.update_run(waiting, base_url="http://127.0.0.1:9")  # its server is unreachable
    store.set_answer(waiting, "s-text", "queued")
    store.set_answer(waiting, "s-num", 3)
    store.update_run(done, local_state=st.COMPLETED, server_status="completed")
    page.service.wake()
    page.show_inbox()

    def row_of(run_id: str) -> int:
        return page.inbox.model.row_of(run_id)

    wait_until(
        aloop,
        lambda: row_of(waiting) >= 0 and cell(page, row_of(waiting), COL_HERE) == "2 changes waiting",
        10,
    )
    rows = {done: row_of(done), waiting: row_of(waiting)}
    assert (
        cell(page, rows[done], COL_HERE) == "Completed"
        and cell(page, rows[waiting], COL_PROGRESS) == "2 / 11"
    )
    page.inbox.select(waiting)
    assert not page.inbox_view.remove_button.isEnabled()  # unfinished: it still has work to send
    path = run(aloop, page.inbox.export(waiting, tmp_path / "export"))
    assert json.loads(path.read_text())["answers"]["s-text"]["value"] == "queued"
    page.inbox.select(done)
    assert page.inbox_view.remove_button.isEnabled()
    run(aloop, page.inbox.remove_selected())
    assert [r["run_id"] for r in page.inbox.model.rows] == [waiting] and store.run(done) is None
    store.close()


def test_the_register_button_writes_the_scheme_handler(page, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("PATH", "")
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page.inbox_view.register_button.click()  # asked first (a modal box offscreen would wait for ever)
    assert (tmp_path / "share" / "applications" / links.DESKTOP_FILE).exists()
    assert "rundun:// links now open Rundun" in page.inbox_view.message.text()


def test_the_app_syncs_from_start_and_opens_command_line_links(desktop, org, aloop):
    """The app's store and engine live under its home and run before the page is ever shown."""
    assert desktop.executor is None and desktop.window.executor_page.page is None  # nothing at import time
    desktop.executor_dir.mkdir(parents=True)  # an earlier session used the executor: it syncs from start
    run(aloop, desktop.start())  # what the app does first: the window, the executor's sync, the connection
    service = desktop.executor
    assert service.started and service.data_dir == desktop.paths.data_dir / "executor"
    assert desktop.window.executor_page.page is None  # the page itself is still not built
    run(aloop, links.open_startup_link(desktop.window, org.dispatch(every_type())))
    page = desktop.window.executor_page.page
    assert desktop.window.current_page() == "executor" and page.service is service
    assert page.stack.currentWidget() is page.runner_view

    # Another page and back through the sidebar: the run, as it was left; "Executor" clicked again: the inbox.
    nav = desktop.window.view.nav

    def click(key: str) -> None:
        item = nav.item(desktop.window.view.page_index(key))
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())

    click("runs")
    assert desktop.window.current_page() == "runs"
    click("executor")
    assert desktop.window.current_page() == "executor" and page.stack.currentWidget() is page.runner_view
    click("executor")
    assert page.stack.currentWidget() is page.inbox_view


TWO_SECTIONS = {
    "name": "Two rooms",
    "sections": [
        {"id": "g-1", "title": "Kitchen", "steps": [{"id": "s-1", "type": "boolean", "label": "Clean?"}]},
        {"id": "g-2", "title": "Bathroom", "steps": [{"id": "s-2", "type": "boolean", "label": "Clean?"}]},
    ],
}


def test_a_run_just_dispatched_is_filled_in_here_in_one_click(desktop, org, aloop):
    """The dispatch dialog's "Fill in here": the supervisor who does the run themselves gets it open in the
    Executor (on a loopback-only install the one place its link opens); it took copying the link, closing the
    dialog, going to the Executor and pasting it."""
    run(aloop, desktop.start())
    org.dispatch(TWO_SECTIONS)  # the template to dispatch again
    dispatch = desktop.window.runs.open_dispatch()
    view = dispatch.view
    wait_until(aloop, lambda: view.dispatch_button.isEnabled(), 10)
    view.template.setCurrentIndex(view.template.findText("Two rooms"))
    QTest.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.showing_result, 10)
    assert view.fill_in_button.isVisible()
    QTest.mouseClick(view.fill_in_button, Qt.MouseButton.LeftButton)

    def filling_in() -> bool:
        page = desktop.window.executor_page.page
        return page is not None and page.stack.currentWidget() is page.runner_view

    wait_until(aloop, filling_in, 10)
    page = desktop.window.executor_page.page
    assert page.runner.run_id == dispatch.result["run_id"] and page.runner_view.title.text() == "Two rooms"
    assert desktop.window.current_page() == "executor" and not view.isVisible()
    assert org.run_doc(dispatch.result["run_id"])["opened_at"]  # opened by this computer


def test_the_app_comes_back_to_the_run_and_section_it_was_left_at(desktop, org, aloop, tmp_path):
    """The window's size, the page and the run open in the Executor with its section are kept as they change
    (a crash keeps them too) and put back at the next start; it used to open on Runs at its default size."""
    from rundun_desktop.window_state import WindowMemory, WindowState

    run(aloop, desktop.start())
    window, path = desktop.window, tmp_path / "window.json"
    run(aloop, links.open_startup_link(window, org.dispatch(TWO_SECTIONS)))
    page = window.executor_page.page
    page.runner.show_section(1)
    window.view.resize(1100, 700)
    wait_until(aloop, lambda: window.view.width() == 1100)
    memory = WindowMemory(window, path)
    memory.start()
    wait_until(aloop, lambda: WindowState.load(path).run_id == page.runner.run_id)  # no close needed
    left = WindowState.load(path)
    assert (left.page, left.section) == ("executor", 1)

    # The next start: another size, the Runs page, the Executor on its inbox; then what was kept.
    memory.stop()
    window.view.resize(1300, 800)
    page.show_inbox()
    window.show_page("runs")
    again = WindowMemory(window, path)
    again.restore_layout()
    # Its height; its width is held to the offscreen screen's 800 px (then to the window's minimum) as a real
    # screen's would be.
    wait_until(aloop, lambda: window.view.height() == 700)
    window.show_page(again.page())
    run(aloop, again.reopen())
    assert window.current_page() == "executor" and page.stack.currentWidget() is page.runner_view
    assert page.runner.run_id == left.run_id and page.runner.current == 1

    # A run no longer on this computer: its inbox, nothing raised.
    WindowState(page="executor", run_id="r-gone").save(path)
    run(aloop, WindowMemory(window, path).reopen())
    assert page.stack.currentWidget() is page.inbox_view


def test_export_button_asks_the_view_for_a_folder_and_exports_the_selected_run(
    page, org, aloop, qtbot, tmp_path, monkeypatch
):
    """The folder dialog belongs to the view (a native modal dialog cannot run offscreen: it alone is replaced);
    the controller hears the folder and exports the run selected in the table."""
    run_id = opened(aloop, page, org.dispatch(every_type()))
    page.show_inbox()
    wait_until(aloop, lambda: page.inbox.model.row_of(run_id) >= 0, 10)
    page.inbox.select(run_id)
    choose_folder(monkeypatch, tmp_path)
    qtbot.mouseClick(page.inbox_view.export_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: "Exported to" in page.inbox_view.message.text(), 10)
    assert json.loads((tmp_path / run_id / "run.json").read_text())["run_id"] == run_id

    # A folder that cannot take it (here a file stands where the folder would be): the failure in words.
    (tmp_path / "not-a-folder").write_text("")
    choose_folder(monkeypatch, tmp_path / "not-a-folder")
    qtbot.mouseClick(page.inbox_view.export_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: "Could not export" in page.inbox_view.message.text(), 10)
    assert "Not a directory" in page.inbox_view.message.text()
    assert "Errno" not in page.inbox_view.message.text()


def test_every_column_header_reads_whole_in_a_1024_px_window(page, org, aloop):
    """The inbox as the main window shows it at 1024 px (808 px beside the sidebar): each column is at least
    as wide as its header's words ("On this computer" read "On this comput")."""
    opened(aloop, page, org.dispatch(every_type()))
    page.show_inbox()
    page.resize(808, 600)
    table = page.inbox_view.table
    wait_until(aloop, lambda: page.inbox.model.rowCount() == 1 and table.width() < 808, 5)
    header = table.horizontalHeader()
    for col in range(page.inbox.model.columnCount()):
        words = page.inbox.model.headerData(col, Qt.Orientation.Horizontal)
        needed = header.sectionSizeFromContents(col).width()
        assert header.sectionSize(col) >= needed, f"{words!r}: {header.sectionSize(col)} px of {needed}"
    # And when it was opened, whole as the other tables write a time ("5 Dec 4:03 AM"; the day's full date
    # with its year was cut to "5 Dec 2026, 4:0…"), the whole of it in the tooltip.
    opened_at = page.inbox.model.index(0, COL_OPENED)
    assert table.columnWidth(COL_OPENED) >= table.sizeHintForColumn(COL_OPENED)
    assert opened_at.data(Qt.ItemDataRole.ToolTipRole).startswith(opened_at.data().split(" ")[0])


def test_a_run_cancelled_while_an_answer_waits_says_so_everywhere(page, org, aloop, qtbot, tmp_path):
    """The server cancelled the run while an answer waited: the status bar said "everything is synced", the
    card "waiting to sync" and the Inbox "In progress" for ever. Now each says the answer is not sent."""
    from rundun_desktop.executor.inbox_model import COL_SERVER

    run_id = opened(aloop, page, org.dispatch(every_type()))
    org.http.post(f"/v1/runs/{run_id}/cancel").raise_for_status()
    edit = page.runner.cards["s-text"].input.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Never sent")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_until(aloop, lambda: page.runner.run.get("local_state") == st.REFUSED, 20)
    card = page.runner.cards["s-text"]
    wait_until(aloop, lambda: card.chip.text() == "✕ Not sent · the server refused the run", 10)
    wait_until(aloop, lambda: "not sent" in page.sync_bar.words.text(), 10)
    words = page.sync_bar.words.text()
    assert "everything is synced" not in words and "not sent, in runs the server refused" in words
    page.show_inbox()
    wait_until(
        aloop, lambda: page.inbox.model.rowCount() == 1 and cell(page, 0, COL_SERVER) == "Cancelled", 10
    )
    assert cell(page, 0, COL_HERE) == "Refused by the server\n1 change not sent"
    store = st.LocalStore(page.service.data_dir)
    try:
        doc = json.loads(store.export(run_id, tmp_path / "out").read_text())
    finally:
        store.close()
    assert doc["status"]["server"] == "cancelled"
    # Its only copy of that answer is here: removing it asks first (one click deleted it), and Cancel keeps it.
    asked: list[str] = []

    def answer_with(choice: bool):
        return lambda name, unsent: asked.append(f"{name}: {unsent}") or choice

    page.inbox.select(run_id)
    page.inbox_view.confirm_remove = answer_with(False)
    run(aloop, page.inbox.remove_selected())
    assert asked == ["Every type: 1"] and page.inbox.model.rowCount() == 1
    page.inbox_view.confirm_remove = answer_with(True)
    run(aloop, page.inbox.remove_selected())
    wait_until(aloop, lambda: page.inbox.model.rowCount() == 0, 10)


def test_a_rundun_link_to_a_run_on_another_server_says_to_paste_the_full_link(page, aloop, client):
    """A rundun:// link names no server, so the app asks its own: "No run with that ID exists in your
    organisation" told a field worker nothing. Now it says where it looked and what to paste instead."""
    message = page.inbox_view.message
    assert run(aloop, page.open_link(f"rundun://r/r-{uuid.uuid4()}")) is None
    words = message.text()
    assert f"not on the server this app is connected to ({client.base_url})" in words
    assert "Paste the full https://… link you were sent" in words and "organisation" not in words


def test_enter_on_the_executor_page_never_registers_rundun_links_unasked(page, aloop, qtbot, monkeypatch):
    """The register button held the page's first focus, and Enter (after a click beside the link field)
    registered rundun:// system-wide: the link field has the focus now, and registering asks first."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tests.desktop.executor.conftest import activate

    registered: list[bool] = []
    monkeypatch.setattr(links, "register_scheme", lambda: registered.append(True) or "Registered.")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    view = page.inbox_view
    activate(qtbot, page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.link, timeout=10000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert registered == []
    view.register_button.click()  # asked, and cancelled
    assert registered == [] and len(answers) == 1
    view.register_button.click()  # asked, and yes
    assert registered == [True] and view.message.text() == "Registered."


def test_runs_of_the_same_template_can_be_told_apart(page, org, aloop):
    """Every row read only its template's name ("Every type" five times): each now says the start of its id
    (as in the link sent), who opened it when the run asked, and when it expires."""
    from rundun_desktop.executor.inbox_model import COL_RUN

    first = opened(aloop, page, org.dispatch(every_type()))
    second = opened(aloop, page, org.dispatch(every_type()))
    page.show_inbox()
    wait_until(aloop, lambda: page.inbox.model.rowCount() == 2, 10)
    rows = {run_id: cell(page, page.inbox.model.row_of(run_id), COL_RUN) for run_id in (first, second)}
    for run_id, text in rows.items():
        name, details = text.replace("\u2068", "").replace("\u2069", "").split("\n")
        assert name == "Every type" and details.startswith(run_id[:10]) and "expires" in details
    assert rows[first] != rows[second]


def test_a_runs_state_here_reads_whole_in_a_1024_px_window(page, org, aloop, qtbot, speak):
    """At 1024 px the state was cut: "Refused by the server · 2 changes no…" (German's longer still). Each part
    has its line now, and the column is as wide as the longest."""
    run_id = opened(aloop, page, org.dispatch(every_type()))
    org.http.post(f"/v1/runs/{run_id}/cancel").raise_for_status()
    for step_id, text in (("s-text", "Never sent"), ("s-num", "12")):
        edit = page.runner.cards[step_id].input.edit
        edit.setFocus()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_until(aloop, lambda: page.runner.run.get("local_state") == st.REFUSED, 20)
    page.show_inbox()
    page.resize(808, 600)  # the main window's room beside its sidebar at 1024 px
    table = page.inbox_view.table
    for language, words in (
        ("en", "Refused by the server\n2 changes not sent"),
        ("de", "Vom Server abgelehnt\n2 Änderungen nicht gesendet"),
    ):
        if language != "en":
            speak(language)
            page.inbox.refresh_soon()
        wait_until(
            aloop,
            lambda words=words: page.inbox.model.rowCount() == 1 and cell(page, 0, COL_HERE) == words,
            10,
        )
        wait_until(aloop, lambda: table.width() < 808, 5)
        wait_until(aloop, lambda: table.columnWidth(COL_HERE) >= table.sizeHintForColumn(COL_HERE), 5)
        assert table.rowHeight(0) >= table.sizeHintForRow(0), language  # both lines shown


def laid_out_whole(table, index) -> bool:
    """The cell's text laid out as the view lays it out (wrapped where the view wraps): no line wider than its
    column, and every line within its row's height (the view cuts what is not, with "…")."""
    from PySide6.QtGui import QTextLayout, QTextOption
    from PySide6.QtWidgets import QStyle

    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    width = table.columnWidth(index.column()) - 2 * margin
    option = QTextOption()
    wrap = (
        QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if table.wordWrap() else QTextOption.WrapMode.NoWrap
    )
    option.setWrapMode(wrap)
    height = widest = 0.0
    for paragraph in index.data().split("\n"):
        layout = QTextLayout(paragraph, table.font())
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height, widest = height + line.height(), max(widest, line.naturalTextWidth())
        layout.endLayout()
    return widest <= width and height <= table.rowHeight(index.row())


def test_a_runs_details_read_whole_in_german_in_a_1024_px_window(page, org, aloop, speak):
    """German at 1024 px cut the Run column's second line ("r-… · Maria Schneider-Hoffmann · läuft ab 27. …"),
    and its tooltip had the id and the server but neither who opened the run nor when it expires. The details
    wrap between their parts now, the row as tall as they need, and the tooltip has everything."""
    from rundun_desktop.executor.inbox_model import COL_RUN

    link = org.dispatch(with_execution(every_type(), identity_required="external"), expires_in_hours=480)
    view = page.inbox_view
    assert run(aloop, page.inbox.open_link(link)) is None  # it asks who is opening it
    view.name.setText("Maria Schneider-Hoffmann")
    view.email.setText("maria.schneider@example.com")
    run_id = run(aloop, page.inbox.open_link(link, announce=False))
    assert run_id
    speak("de")
    page.show_inbox()
    page.resize(808, 600)  # the main window's room beside its sidebar at 1024 px
    table, model = view.table, page.inbox.model
    wait_until(
        aloop,
        lambda: model.rowCount() == 1 and "läuft ab" in cell(page, 0, COL_RUN).replace("\u00a0", " "),
        10,
    )
    wait_until(aloop, lambda: table.width() < 808, 5)
    wait_until(aloop, lambda: laid_out_whole(table, model.index(0, COL_RUN)), 10)
    tooltip = model.index(0, COL_RUN).data(Qt.ItemDataRole.ToolTipRole).split("\n")
    assert tooltip[:3] == ["Every type", run_id, "Maria Schneider-Hoffmann · maria.schneider@example.com"]
    assert tooltip[3].startswith("läuft ab ") and tooltip[3].count(", ") == 1  # its date whole, with its year
    assert tooltip[4] == model.run_at(0)["base_url"] and len(tooltip) == 5  # and its server


def test_a_link_whose_server_is_out_of_reach_opens_by_itself_once_it_answers(page, aloop, tmp_path):
    """A link pasted while its server did not answer said "Cannot reach the server…" and stayed so: once the
    server was back, nothing happened until Open was pressed again, the stale words still there."""
    data = tmp_path / "away"
    org_key = bootstrap(data).api_key
    server = EmbeddedServer(data)
    server.start()
    port = server.port
    org = Org(server.url, org_key)
    try:
        link = org.dispatch(every_type())
    finally:
        org.http.close()
        server.stop()
    view = page.inbox_view
    assert run(aloop, page.open_link(link)) is None
    assert "Cannot reach the server" in view.message.text() and "opens by itself" in view.message.text()
    assert page.inbox.model.rowCount() == 0
    back = EmbeddedServer(data, port=port)
    back.start()
    try:
        assert back.port == port
        wait_until(aloop, lambda: page.stack.currentWidget() is page.runner_view)
        assert page.runner_view.title.text() == "Every type"
        assert page.inbox.model.rowCount() == 1 and not view.message.text() and not view.link.text()
    finally:
        back.stop()


def test_an_open_that_finds_a_watched_server_out_of_reach_says_offline_at_once(
    client, aloop, qtbot, tmp_path
):
    """The sync bar read "Online · …" right under the open's "Cannot reach the server at …" of the same server,
    until its next idle probe (15 s in the app): the one request that had just tried said otherwise."""
    data = tmp_path / "away"
    org_key = bootstrap(data).api_key
    server = EmbeddedServer(data)
    server.start()
    org = Org(server.url, org_key)
    seldom = replace(FAST, idle_probe_interval=3600.0)  # no idle probe tells it within the test
    page = ExecutorPage(client, data_dir=tmp_path / "exe", sync_config=seldom)
    qtbot.addWidget(page)
    page.show()
    try:
        first, second = org.dispatch(every_type()), org.dispatch(every_type())
        run_id = opened(aloop, page, first)
        st.LocalStore(page.service.data_dir).set_answer(run_id, "s-num", 3)
        page.service.wake()
        wait_until(aloop, lambda: org.values(run_id).get("s-num") == 3)
        wait_until(aloop, lambda: page.sync_bar.words.text() == "Online · everything is synced")
        server.stop()
        assert run(aloop, page.open_link(second)) is None
        assert "Cannot reach the server" in page.inbox_view.message.text()
        wait_until(aloop, lambda: page.sync_bar.words.text().startswith("Offline"))
    finally:
        org.http.close()
        run(aloop, page.aclose())
        server.stop()
