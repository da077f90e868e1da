"""Links a phone can open (issue 12): while the embedded server is on loopback the dispatch dialog says the
link works on this computer only and offers no QR code for a phone; Settings → Sharing puts it on the local
network (its LAN address in the links, with a warning) or behind a public URL, kept across restarts."""

from __future__ import annotations

import httpx
from PySide6.QtCore import QPoint, Qt

from rundun_desktop.sharing import first_start_ports, lan_address
from tests.desktop.conftest import run, wait_until
from tests.desktop.test_embedded_address import start, stop
from tests.support.samples import minimal


def dispatch_through_the_dialog(app, aloop, qtbot) -> tuple[dict, object]:
    run(aloop, app.api.create_template(minimal("Kitchen check")))
    app.window.show_page("runs")
    dialog = app.window.runs.open_dispatch()
    view = dialog.view
    wait_until(aloop, lambda: view.dispatch_button.isEnabled(), 10)
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.showing_result, 10)
    return dialog.result, view


def sharing_tab(app, qtbot):
    app.window.show_page("settings")
    settings = app.window.settings_view
    settings.tabs.setCurrentIndex(settings.tabs.count() - 1)
    qtbot.waitUntil(settings.sharing.isVisible, timeout=30000)
    return settings.sharing


def choose(qtbot, radio) -> None:
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def test_a_loopback_link_is_for_this_computer_only(aloop, qtbot, tmp_path):
    app = start(aloop, tmp_path / "home")
    try:
        result, view = dispatch_through_the_dialog(app, aloop, qtbot)
        assert result["link"].startswith("http://127.0.0.1:")
        assert not view.qr.isVisible() and view.qr.text() == ""
        assert "works on this computer only" in view.qr_hint.text()
        assert "Settings → Sharing" in view.qr_hint.text() and "phone" in view.qr_hint.text()
        view.accept()
        tab = sharing_tab(app, qtbot)
        assert tab.loopback_radio.isChecked() and "open on this computer only" in tab.links_text.text()
    finally:
        stop(aloop, app)


def test_sharing_on_the_local_network_gives_links_a_phone_can_open(aloop, qtbot, tmp_path):
    address = lan_address()
    assert address is not None, "this test needs a machine with a network interface"
    home = tmp_path / "home"
    app = start(aloop, home)
    try:
        port = app.connection.server.port
        tab = sharing_tab(app, qtbot)
        assert not tab.lan_warning.isVisible()
        assert not tab.apply_button.isEnabled()  # nothing to apply: the server runs with this choice
        choose(qtbot, tab.lan_radio)
        assert tab.lan_warning.isVisible() and "Anyone on this network" in tab.lan_warning.text()
        assert tab.apply_button.isEnabled()
        choose(qtbot, tab.loopback_radio)
        assert not tab.apply_button.isEnabled()
        choose(qtbot, tab.lan_radio)
        assert f"http://{address}:{port}" in tab.lan_info.text()
        tab.apply_button.setFocus()
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: "Done." in tab.message.text(), 30)
        assert not tab.apply_button.isEnabled()  # applied
        # The greyed button handed its focus to "Longest side", the number selected for a key to replace.
        assert tab.window().focusWidget() is tab.lan_radio
        assert app.connection.server.port == port  # the same port, now on every interface
        assert f"Run links start with http://{address}:{port}" in tab.links_text.text()
        assert httpx.get(f"http://{address}:{port}/v1/health", timeout=5).status_code == 200
        result, view = dispatch_through_the_dialog(app, aloop, qtbot)
        assert result["link"].startswith(f"http://{address}:{port}/r/")
        assert view.qr.isVisible() and view.qr.text() == result["link"]
        assert view.qr_hint.text() == "Scan to open the run on a phone, or send the link."
        view.accept()
    finally:
        stop(aloop, app)
    again = start(aloop, home)  # the choice is kept
    try:
        assert again.connection.public_url == f"http://{address}:{port}"
    finally:
        stop(aloop, again)


def test_a_public_url_is_used_in_links_and_a_bad_one_is_refused(aloop, qtbot, tmp_path):
    app = start(aloop, tmp_path / "home")
    try:
        tab = sharing_tab(app, qtbot)
        choose(qtbot, tab.public_radio)
        assert tab.public_url.isVisible()
        qtbot.keyClicks(tab.public_url, "rundun.example.com")
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: tab.message.isVisible(), 10)
        assert "starting with https://" in tab.message.text()
        assert app.connection.settings.sharing == "loopback"  # nothing changed
        tab.public_url.clear()
        qtbot.keyClicks(tab.public_url, "https://rundun.example.com/")
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: "Done." in tab.message.text(), 30)
        assert not tab.apply_button.isEnabled()
        qtbot.keyClicks(tab.public_url, "x")  # another address: Apply again
        assert tab.apply_button.isEnabled()
        qtbot.keyClick(tab.public_url, Qt.Key.Key_Backspace)
        assert not tab.apply_button.isEnabled()
        result, view = dispatch_through_the_dialog(app, aloop, qtbot)
        assert result["link"].startswith("https://rundun.example.com/r/")
        assert view.qr.isVisible()
        view.accept()
    finally:
        stop(aloop, app)


def test_every_settings_tab_is_usable_at_1024_by_700(aloop, qtbot, tmp_path):
    from tests.desktop.executor.test_everyday import cut_off

    app = start(aloop, tmp_path / "home")
    try:
        window = app.window.view
        window.resize(1024, 700)
        qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 700, timeout=30000)
        app.window.show_page("settings")
        tabs = app.window.settings_view.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            page = tabs.currentWidget()
            qtbot.waitUntil(page.isVisible, timeout=30000)
            assert cut_off(page) == [], tabs.tabText(index)
            assert page.mapTo(window, page.rect().bottomRight()).y() <= window.height()
    finally:
        stop(aloop, app)


def test_the_first_start_range_can_be_moved_and_a_bad_value_is_ignored():
    assert first_start_ports("") == tuple(range(8751, 8800))
    assert first_start_ports("9100-9102") == (9100, 9101, 9102)
    for bad in ("9102-9100", "80-90", "abc", "9100", "9100-70000"):
        assert first_start_ports(bad) == tuple(range(8751, 8800)), bad
