"""First start and later starts of the app: the embedded server is bootstrapped once, its key kept in the
keyring or a 0600 file, reused, and replaced when it stops working."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import httpx
import pytest

from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.credentials import EMBEDDED_ACCOUNT, CredentialStore
from rundun_desktop.desktop_app import DesktopApp
from rundun_desktop.paths import AppPaths
from tests.desktop.conftest import _CLOSED_LOOPS, run


def start(aloop, home) -> DesktopApp:
    app = DesktopApp(AppPaths.under(home), use_keyring=False)
    run(aloop, app.start(), 30)
    return app


def stop(aloop, app: DesktopApp) -> None:
    run(aloop, app.close(), 30)
    app.window.view.close()
    _CLOSED_LOOPS.append(app)


def test_first_start_bootstraps_and_later_starts_reuse_the_key(aloop, tmp_path):
    home = tmp_path / "home"
    app = start(aloop, home)
    try:
        assert app.connection.state == "connected" and app.connection.server is not None
        assert app.api.base_url.startswith("http://127.0.0.1:")
        org = app.connection.org
        key_file = AppPaths.under(home).credentials_file
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        key = json.loads(key_file.read_text())[EMBEDDED_ACCOUNT]
        assert key == app.api.api_key and key.startswith("rdk_live_")
        assert (AppPaths.under(home).server_dir / "rundun.db").exists()
    finally:
        stop(aloop, app)
    again = start(aloop, home)
    try:
        assert again.connection.org["id"] == org["id"]  # no second organisation
        assert again.api.api_key == key
    finally:
        stop(aloop, again)


def test_a_revoked_embedded_key_is_replaced_at_once_and_at_the_next_start(aloop, tmp_path):
    """Revoking the key the app uses with its own server (Settings → API keys, past "This app itself uses this
    key") left the app refused until it was restarted, saying "Enter a valid key in Settings", where an
    embedded server has no key to enter. The server is the app's: it makes itself another key at once."""
    home = tmp_path / "home"
    app = start(aloop, home)

    def refused(key: str) -> bool:
        return (
            httpx.get(f"{app.api.base_url}/v1/org", headers={"Authorization": f"Bearer {key}"}).status_code
            == 401
        )

    stored = CredentialStore(AppPaths.under(home).credentials_file, False)
    try:
        settings = app.window.settings
        run(aloop, settings.reload())
        old = app.api.api_key
        own = next(k for k in settings.keys.rows if old.startswith(k["prefix"]))
        run(aloop, settings.revoke_key(own["id"]), 30)
        assert refused(old)
        assert app.connection.state == "connected" and app.api.api_key != old
        assert not refused(app.api.api_key) and stored.get(EMBEDDED_ACCOUNT) == app.api.api_key
        assert app.window.settings_view.keys_message.text() == (
            "The key was revoked. This app now uses a new key of its own."
        )
        # Revoked behind the app's back (through the API), then a start: replaced there too.
        second = app.api.api_key
        keys = run(aloop, app.api.list_api_keys())
        run(aloop, app.api.revoke_api_key(next(k["id"] for k in keys if second.startswith(k["prefix"]))))
    finally:
        stop(aloop, app)
    again = start(aloop, home)
    try:
        assert again.connection.state == "connected" and again.api.api_key not in (old, second)
        assert stored.get(EMBEDDED_ACCOUNT) == again.api.api_key
    finally:
        stop(aloop, again)


def test_a_stray_server_on_the_workspace_is_named_and_the_embedded_one_starts_once_it_is_gone(
    aloop, tmp_path
):
    """A `rundun-server serve` left running on the workspace's server data: the app says so, naming the process
    to stop, and keeps saying it through its heartbeats (they said "Cannot reach the server … Retrying…" over
    it, and retried nothing); once that process is gone, the embedded server starts by itself."""
    from tests.support.server_process import ServerProcess

    home = tmp_path / "home"
    server_dir = AppPaths.under(home).server_dir
    server_dir.mkdir(parents=True)
    stray = ServerProcess(server_dir).start()
    app = None
    try:
        assert stray.proc is not None
        app = start(aloop, home)
        said = (
            f"The embedded server could not start: another Rundun server (process {stray.proc.pid}) is using "
            f"its data folder {server_dir}. Stop that process; this one then starts by itself."
        )
        assert (app.connection.state, app.connection.state_text) == ("error", said)
        assert not run(aloop, app.connection.check())  # a heartbeat
        assert (app.connection.state, app.connection.state_text) == ("error", said)
        stray.stop()
        assert run(aloop, app.connection.check(), 60) is False  # this heartbeat starts it
        assert app.connection.state == "connected" and app.connection.server is not None
        assert run(aloop, app.api.request("GET", "/v1/org"))["id"]
    finally:
        stray.stop()
        if app is not None:
            stop(aloop, app)


def test_a_remote_server_refusing_a_key_being_tried_mints_no_embedded_key(aloop, tmp_path, live_server):
    """Settings → Connection points the client at a remote server to try its key: a check that ran meanwhile
    and met the remote's refusal must not take it for the embedded key's (and make a key for the app)."""
    home = tmp_path / "home"
    app = start(aloop, home)
    stored = CredentialStore(AppPaths.under(home).credentials_file, False)
    own = app.api.api_key
    embedded = ApiClient(app.connection.server.url, own)
    try:
        app.api.reconfigure(live_server.url, "rdk_live_" + "0" * 32)  # as `use_remote` does before its check
        assert not run(aloop, app.connection.check())
        assert app.connection.state == "unauthorized" and app.api.base_url == live_server.url
        assert stored.get(EMBEDDED_ACCOUNT) == own and len(run(aloop, embedded.list_api_keys())) == 1
    finally:
        run(aloop, embedded.close())
        stop(aloop, app)


def test_credentials_fall_back_to_the_file_when_the_keyring_fails(tmp_path, monkeypatch):
    import keyring
    from keyring.errors import KeyringError

    def broken(*args):
        raise KeyringError("no backend")

    monkeypatch.setattr(keyring, "set_password", broken)
    monkeypatch.setattr(keyring, "get_password", broken)
    store = CredentialStore(tmp_path / "cfg" / "credentials.json", use_keyring=True)
    store.set("embedded", "rdk_live_x")
    assert not store.use_keyring and store.get("embedded") == "rdk_live_x"
    assert stat.S_IMODE((tmp_path / "cfg" / "credentials.json").stat().st_mode) == 0o600
    store.delete("embedded")
    assert store.get("embedded") is None


def test_switching_to_a_remote_server_reloads_everything_through_the_same_client(
    aloop, tmp_path, live_server
):
    from tests.desktop.conftest import wait_until
    from tests.support.samples import minimal

    remote = ApiClient(live_server.url, live_server.api_key)
    template = run(aloop, remote.create_template(minimal("Remote checklist")))
    run(aloop, remote.dispatch_run({"template_id": template["id"], "executor_ref": "on-the-remote"}))
    run(aloop, remote.close())
    app = start(aloop, tmp_path / "home")
    try:
        client = app.api.http
        assert app.connection.server is not None  # embedded first
        run(aloop, app.connection.use_remote(live_server.url, live_server.api_key))
        assert (
            app.api.http is client and app.connection.server is None
        )  # same client; embedded server stopped
        runs = app.window.runs
        wait_until(aloop, lambda: runs.model.rowCount() == 1, 10)
        assert runs.model.run_at(0)["executor_ref"] == "on-the-remote"
        saved = json.loads(AppPaths.under(tmp_path / "home").settings_file.read_text())
        assert (saved["mode"], saved["remote_url"]) == ("remote", live_server.url)
    finally:
        stop(aloop, app)


def last_lines(code: str, *args: str) -> list[str]:
    """The last two lines `code` prints in a fresh interpreter (this one has imported everything)."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-2:]


def test_the_window_opens_without_the_editor_reports_executor_or_the_server(tmp_path):
    """What start-up leaves for later: each is imported when first opened (the server runs in its own
    process). A fresh interpreter, since this one has imported everything."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from rundun_desktop.desktop_app import DesktopApp\n"
        "from rundun_desktop.paths import AppPaths\n"
        "desktop = DesktopApp(AppPaths.under(Path(sys.argv[1])), use_keyring=False)\n"
        "desktop.window.show()\n"
        "app.processEvents()\n"
        "heavy = ('rundun_desktop.editor', 'rundun_desktop.reports', 'rundun_desktop.executor.service',\n"
        "         'server.tdl.', 'server.app', 'fastapi', 'pydantic', 'uvicorn',\n"
        "         'qrcode', 'PIL', 'server.backup', 'cryptography', 'httpcore')\n"
        "light = ('server.tdl.status',)  # a run's status only: server.tdl loads the rest on first use\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy) and m not in light))\n"
        "print(desktop.api.http._transport.made())  # no transport, no TLS context before a first request\n"
    )
    assert last_lines(code, str(tmp_path / "home")) == ["[]", "[]"]


def test_the_servers_process_is_spawned_before_qt_or_the_client_is_imported(tmp_path):
    """The app's `main` spawns its server's process first thing (`prestart_embedded`): the child's start
    is the longer one, so Qt's and httpx's imports are spent while it runs, not before it begins."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rundun_desktop.boot import prestart_embedded\n"
        "from rundun_desktop.paths import AppPaths\n"
        "server = prestart_embedded(AppPaths.under(Path(sys.argv[1])))\n"
        "heavy = ('PySide6', 'shiboken6', 'httpx', 'httpcore', 'server', 'fastapi', 'pydantic', 'keyring')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
        "alive = server.alive()\n"
        "server.abandon()\n"
        "print(alive, server.alive())\n"
    )
    assert last_lines(code, str(tmp_path / "home")) == ["[]", "True False"]


def test_the_first_request_builds_only_the_transport_its_scheme_needs(aloop, tmp_path, live_server):
    """http:// (the embedded server on loopback) gets a transport without the CA bundle; a verifying
    https:// transport is made only when an https:// server is first asked."""
    import ssl

    client = ApiClient(live_server.url, live_server.api_key)
    try:
        transports = client.http._transport
        assert transports.made() == []
        assert run(aloop, client.get_org())["id"]
        assert transports.made() == ["http"]
        client.reconfigure("https://127.0.0.1:9", live_server.api_key)  # nobody speaks TLS there
        with pytest.raises(ApiError) as refused:
            run(aloop, client.get_org())
        assert refused.value.offline
        assert transports.made() == ["http", "https"]
        secure = transports._made["https"]._pool._ssl_context
        assert secure.verify_mode == ssl.CERT_REQUIRED and secure.check_hostname
    finally:
        run(aloop, client.close())
    assert transports.made() == []


def test_the_app_process_skips_pysides_source_scan(tmp_path):
    """PySide6 reads every later-imported module's source to look for "PySide6" (and linecache keeps it
    all): the app's process answers without reading, and Qt works as before."""
    code = (
        "import linecache, sys\n"
        "from rundun_desktop.import_cost import skip_pyside_source_scan, trim_import_costs\n"
        "trim_import_costs()\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "import rundun_desktop.main_window, asyncio, json\n"
        "label = QLabel('ok'); label.show(); app.processEvents()\n"
        "print(skip_pyside_source_scan(), label.text(), 'httpx._main' in sys.modules and sys.modules['httpx._main'] is None)\n"
        "print(len([f for f in linecache.cache if 'rundun_desktop' in f or 'asyncio' in f]))\n"
    )
    assert last_lines(code) == ["True ok True", "0"]


def test_every_page_of_the_sidebar_can_be_opened_with_page():
    """`--page dashboard` was refused (the dashboard was left out of the choices, though kept as the page to
    come back to)."""
    from rundun_desktop.app import PAGES, build_parser
    from rundun_desktop.main_window_view import PAGES as SIDEBAR

    assert PAGES == [key for key, _words in SIDEBAR]
    assert build_parser().parse_args(["--page", "dashboard"]).page == "dashboard"
