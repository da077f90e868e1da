"""The embedded server keeps its address across restarts, and the executor's runs follow the server, not
its port: real app objects (window, connection, embedded server, executor store and sync engine) started,
closed and started again on the same home, answers given through the runner's widgets."""

from __future__ import annotations

import json
import socket
import sqlite3

from PySide6.QtCore import QPoint, Qt

from rundun_desktop.desktop_app import DesktopApp
from rundun_desktop.executor.store.schema import schema_migrations
from rundun_desktop.paths import AppPaths
from tests.desktop.conftest import _CLOSED_LOOPS, run, wait_until
from tests.support.org import Org

TWO_STEPS = {
    "name": "Van handover",
    "sections": [
        {
            "id": "g-1",
            "title": "Main",
            "steps": [
                {"id": "s-1", "type": "boolean", "label": "Keys handed over?"},
                {"id": "s-2", "type": "boolean", "label": "Tank full?"},
            ],
        }
    ],
}


def start(aloop, home) -> DesktopApp:
    app = DesktopApp(AppPaths.under(home), use_keyring=False, check_interval=1.0)
    run(aloop, app.start(), 30)
    assert app.connection.state == "connected", app.connection.state_text
    return app


def stop(aloop, app: DesktopApp) -> None:
    run(aloop, app.close(), 30)
    app.window.view.close()
    _CLOSED_LOOPS.append(app)


def org_of(app: DesktopApp) -> Org:
    return Org(app.api.base_url, app.api.api_key)


def executor(app: DesktopApp):
    app.window.show_page("executor")
    return app.window.executor_page.ensure()


def answer_yes(qtbot, aloop, page, step_id: str) -> None:
    button = page.runner.cards[step_id].input.buttons[True]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    run(aloop, page.runner.settle())


def continue_first_run(qtbot, aloop, page) -> None:
    """In the inbox, as a person does: the run is selected; Enter continues it."""
    wait_until(aloop, lambda: page.inbox.model.rowCount() == 1, 10)
    page.inbox_view.table.setFocus()
    page.inbox_view.table.selectRow(0)
    qtbot.keyClick(page.inbox_view.table, Qt.Key.Key_Return)
    wait_until(aloop, lambda: page.stack.currentWidget() is page.runner_view and page.runner.cards, 10)


def server_values(app: DesktopApp, run_id: str) -> dict:
    org = org_of(app)
    try:
        return org.values(run_id)
    finally:
        org.http.close()


def dead_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_an_answer_given_after_a_restart_reaches_the_embedded_server(aloop, qtbot, tmp_path):
    home = tmp_path / "home"
    app = start(aloop, home)
    try:
        port = app.connection.server.port
        saved = json.loads(AppPaths.under(home).settings_file.read_text())
        assert saved["embedded_port"] == port  # chosen once, kept
        assert 8751 <= port < 8800  # below the ephemeral range: no outgoing connection takes it later
        org = org_of(app)
        link = org.dispatch(TWO_STEPS)
        org.http.close()
        page = executor(app)
        run_id = run(aloop, page.open_link(link))
        assert run_id, page.inbox_view.message.text()
        answer_yes(qtbot, aloop, page, "s-1")
        wait_until(aloop, lambda: server_values(app, run_id) == {"s-1": True}, 15)
    finally:
        stop(aloop, app)

    again = start(aloop, home)
    try:
        assert again.connection.server.port == port  # the same address: links sent yesterday still work
        assert link.startswith(f"http://127.0.0.1:{port}/r/")
        page = executor(again)
        continue_first_run(qtbot, aloop, page)
        answer_yes(qtbot, aloop, page, "s-2")
        wait_until(aloop, lambda: server_values(again, run_id) == {"s-1": True, "s-2": True}, 15)
        wait_until(aloop, lambda: page.sync_bar.words.text() == "Online · everything is synced", 10)
    finally:
        stop(aloop, again)


def test_a_port_taken_by_another_program_moves_the_server_and_its_runs_follow(aloop, qtbot, tmp_path):
    home = tmp_path / "home"
    app = start(aloop, home)
    try:
        port = app.connection.server.port
        org = org_of(app)
        link = org.dispatch(TWO_STEPS)
        org.http.close()
        page = executor(app)
        run_id = run(aloop, page.open_link(link))
        assert run_id
    finally:
        stop(aloop, app)

    squatter = socket.socket()  # another program takes the port while the app is closed
    # As servers do: the connections the stopped server closed may still be in TIME_WAIT on that port.
    squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    squatter.bind(("127.0.0.1", port))
    squatter.listen(1)
    try:
        again = start(aloop, home)
        try:
            new_port = again.connection.server.port
            assert new_port != port
            status = again.window.view.connection_text.text()
            assert f"port {port} is used by another program" in status and str(new_port) in status
            assert json.loads(AppPaths.under(home).settings_file.read_text())["embedded_port"] == new_port
            page = executor(again)
            continue_first_run(qtbot, aloop, page)
            answer_yes(qtbot, aloop, page, "s-1")
            wait_until(aloop, lambda: server_values(again, run_id) == {"s-1": True}, 15)
            assert f":{new_port}" in page.runner_view.subtitle.full_text()
        finally:
            stop(aloop, again)
    finally:
        squatter.close()


def test_runs_an_older_version_left_on_an_old_port_recover_on_upgrade(aloop, qtbot, tmp_path):
    """Before this version the embedded server took a new port at every start, and runs kept the port they
    were opened on: an answer given after a restart waited forever. The upgrade sends it."""
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    store_file = paths.data_dir / "executor" / "executor.db"
    app = start(aloop, home)
    try:
        org = org_of(app)
        link = org.dispatch(TWO_STEPS)
        org.http.close()
        page = executor(app)
        run_id = run(aloop, page.open_link(link))
        assert run_id
        # What the older version did at its next start: the server elsewhere, the run on the old address.
        with sqlite3.connect(store_file) as db:
            db.execute("UPDATE runs SET base_url = ?", (f"http://127.0.0.1:{dead_port()}",))
        answer_yes(qtbot, aloop, page, "s-1")
        wait_until(aloop, lambda: "1 change waiting" in page.sync_bar.words.text(), 10)
    finally:
        stop(aloop, app)
    # ... and its store and settings, as that version wrote them: schema 1 (counted in user_version), no
    # port kept.
    with sqlite3.connect(store_file) as db:
        db.execute("DROP INDEX runs_by_server")
        db.execute("ALTER TABLE runs DROP COLUMN server_id")
        db.execute("DROP TABLE open_keys")  # migration 3's
        db.execute("DROP TABLE drafts")  # migration 4's
        db.execute("DROP TABLE photo_intake")  # migration 5's
        db.execute("DROP TABLE migrations")
        db.execute("PRAGMA user_version = 1")
    settings = json.loads(paths.settings_file.read_text())
    paths.settings_file.write_text(json.dumps({"mode": settings["mode"], "remote_url": ""}))

    again = start(aloop, home)
    try:
        wait_until(aloop, lambda: server_values(again, run_id) == {"s-1": True}, 20)  # nothing lost
        page = executor(again)
        continue_first_run(qtbot, aloop, page)
        answer_yes(qtbot, aloop, page, "s-2")
        wait_until(aloop, lambda: server_values(again, run_id) == {"s-1": True, "s-2": True}, 15)
        with sqlite3.connect(store_file) as db:
            assert (
                db.execute("SELECT max(id) FROM migrations").fetchone()[0] == schema_migrations()[-1].number
            )
            assert db.execute("SELECT base_url FROM runs").fetchone()[0] == again.api.base_url
    finally:
        stop(aloop, again)


def test_the_templates_page_shown_before_the_server_is_up_lists_them_once_it_is(aloop, tmp_path):
    """The window opens on the page it was left on before the embedded server answers: the Templates page's
    list failed ("Cannot reach the server…") and stayed empty, the status bar saying Connected."""
    home = tmp_path / "home"
    first = start(aloop, home)
    org_of(first).dispatch(TWO_STEPS)  # a template on the server
    stop(aloop, first)

    app = DesktopApp(AppPaths.under(home), use_keyring=False, check_interval=1.0)
    app.window.show_page("templates")  # as app.py does with the page it restores, before `start`
    app.window.show()
    page = app.window.templates_page.ensure()
    wait_until(aloop, lambda: "Cannot reach" in page.list_view.status.text(), 10)
    run(aloop, app.start(), 30)
    wait_until(aloop, lambda: page.list.loaded and page.list.model.rowCount() == 1, 10)
    assert page.list_view.status.text() == "1 template"
    stop(aloop, app)
