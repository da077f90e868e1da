"""A laptop app: a bounded rotating log, Help → About, the rundun:// registration each platform needs
(checked by the content written), and `--version` on both commands."""

from __future__ import annotations

import ast
import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from rundun_desktop import url_scheme
from rundun_desktop.about_dialog import AboutDialog
from rundun_desktop.app_log import LOG_FILE, setup_logging
from server.version import version
from tests.desktop.conftest import wait_until

ROOT = Path(__file__).resolve().parents[2]


def test_the_log_rotates_and_stays_bounded(tmp_path):
    folder = tmp_path / "logs"
    path = setup_logging(folder, max_bytes=10_000, backups=2)
    try:
        log = logging.getLogger("rundun.desktop.test")
        for i in range(2_000):
            log.info("line %d %s", i, "x" * 60)
        files = sorted(p.name for p in folder.iterdir())
        assert files == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2"]
        assert sum(p.stat().st_size for p in folder.iterdir()) <= 3 * 10_000 + 200
        assert "line 1999" in path.read_text()
        logging.getLogger("httpx").info("a request")  # per-request chatter stays out
        assert "a request" not in path.read_text()
    finally:
        setup_logging(tmp_path / "elsewhere")  # a later call replaces this test's handlers
        for handler in [h for h in logging.getLogger().handlers if getattr(h, "rundun", False)]:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_help_about_shows_version_folders_and_server_and_opens_the_log_folder(desktop, aloop):
    menus = {a.text(): a.menu() for a in desktop.window.view.menuBar().actions()}
    about = next(a for a in menus["&Help"].actions() if a.text() == "&About Rundun")
    about.trigger()
    dialog = desktop.about_dialog
    wait_until(aloop, dialog.isVisible, 5)
    assert isinstance(dialog, AboutDialog)
    assert dialog.version_label.text() == version() != ""
    assert dialog.data_label.text() == str(desktop.paths.data_dir)
    assert dialog.log_label.text() == str(desktop.paths.log_dir)
    assert dialog.server_label.text() == desktop.connection.describe  # e.g. "Remote server http://127…"
    assert desktop.api.base_url in dialog.server_label.text()
    dialog.grab().save(str(desktop.paths.config_dir.parent / "about.png"))
    catcher = UrlCatcher()  # stands in for the file manager the button asks the OS to open
    QDesktopServices.setUrlHandler("file", catcher, "open_url")
    try:
        dialog.open_logs_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.opened == [str(desktop.paths.log_dir)] and desktop.paths.log_dir.is_dir()
    dialog.close()


def test_enter_in_about_closes_it_and_opens_no_folder(desktop, aloop, qtbot):
    """Help → About, Enter: the file manager opened on the logs (the focus was on "Open log folder")."""
    desktop.show_about()
    dialog = desktop.about_dialog
    wait_until(aloop, dialog.isVisible, 5)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=30000)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open_url")
    try:
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
        wait_until(aloop, lambda: not dialog.isVisible(), 5)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.opened == []


class UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def test_windows_registration_is_the_per_user_url_protocol_keys():
    command = [r"C:\Program Files\Rundun\rundun-desktop.exe"]
    entries = url_scheme.registry_entries(command)
    assert entries == [
        (r"Software\Classes\rundun", "", "URL:Rundun run link"),
        (r"Software\Classes\rundun", "URL Protocol", ""),
        (r"Software\Classes\rundun\DefaultIcon", "", r'"C:\Program Files\Rundun\rundun-desktop.exe",0'),
        (
            r"Software\Classes\rundun\shell\open\command",
            "",
            r'"C:\Program Files\Rundun\rundun-desktop.exe" "%1"',
        ),
    ]
    text = url_scheme.reg_file_text(command)
    assert text.startswith("Windows Registry Editor Version 5.00\r\n")
    assert '[HKEY_CURRENT_USER\\Software\\Classes\\rundun]\r\n@="URL:Rundun run link"\r\n' in text
    assert '"URL Protocol"=""' in text
    assert r'@="\"C:\\Program Files\\Rundun\\rundun-desktop.exe\" \"%1\""' in text


def test_windows_registration_writes_those_keys_through_winreg():
    """`write_windows_registry` with a stand-in for `winreg` (only Windows has the real one)."""

    class FakeWinreg:
        HKEY_CURRENT_USER, REG_SZ = "HKCU", 1

        def __init__(self):
            self.values: dict = {}

        def CreateKey(self, root, key):
            return (root, key)

        def SetValueEx(self, handle, name, _reserved, kind, value):
            self.values[(handle[1], name)] = (kind, value)

        def CloseKey(self, handle):
            pass

    fake = FakeWinreg()
    url_scheme.write_windows_registry(["rundun-desktop.exe"], fake)
    assert fake.values[(r"Software\Classes\rundun", "URL Protocol")] == (1, "")
    assert fake.values[(r"Software\Classes\rundun\shell\open\command", "")] == (
        1,
        '"rundun-desktop.exe" "%1"',
    )


def test_macos_bundle_declares_the_rundun_scheme():
    tree = ast.parse((ROOT / "build.spec").read_text())
    bundles = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "BUNDLE"
    ]
    assert len(bundles) == 1
    info = next(k.value for k in bundles[0].keywords if k.arg == "info_plist")
    plist = ast.literal_eval(info)
    assert plist["CFBundleURLTypes"] == [
        {"CFBundleURLName": "Rundun run link", "CFBundleURLSchemes": ["rundun"]}
    ]


def test_linux_registration_and_the_first_start_offer(tmp_path):
    apps = tmp_path / "applications"
    config = tmp_path / "config"
    assert url_scheme.should_offer(config, apps)
    words = url_scheme.register("linux", apps)
    assert "rundun:// links now open Rundun" in words
    entry = (apps / "rundun-url-handler.desktop").read_text()
    assert "MimeType=x-scheme-handler/rundun;" in entry and " %u\n" in entry
    assert not url_scheme.should_offer(config, apps)  # registered: nothing to offer
    (apps / "rundun-url-handler.desktop").unlink()
    url_scheme.mark_offered(config)
    assert not url_scheme.should_offer(config, apps)  # asked once, whatever the answer


def test_both_commands_print_the_version():
    for command in (["rundun_desktop"], ["server.cli"]):
        done = subprocess.run(
            [sys.executable, "-m", *command, "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        name = "rundun-desktop" if command == ["rundun_desktop"] else "rundun-server"
        assert done.stdout.strip() == f"{name} {version()}"
        assert version() != "0+unknown"


def test_the_first_start_offers_the_rundun_scheme_once(desktop, aloop, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("PATH", "")  # no xdg-mime here: only the file is written
    desktop.offer_url_scheme()
    box = desktop.scheme_offer
    wait_until(aloop, box.isVisible, 5)
    box.button(QMessageBox.StandardButton.Yes).click()
    entry = tmp_path / "share" / "applications" / "rundun-url-handler.desktop"
    wait_until(aloop, entry.exists, 5)
    assert "x-scheme-handler/rundun" in entry.read_text()
    assert "rundun:// links now open Rundun" in desktop.window.view.statusBar().currentMessage()
    entry.unlink()
    desktop.scheme_offer = None
    desktop.offer_url_scheme()  # answered once: not asked again, even though the entry is gone
    assert desktop.scheme_offer is None


def test_file_quit_and_ctrl_q_close_the_window_as_its_close_button_does(desktop, aloop, qtbot):
    """The File menu had no Quit and Ctrl+Q did nothing: the window's close button was the only way out."""
    view = desktop.window.view
    menu = desktop.window.backups.ui.menu
    assert menu.actions()[-1].text() == "&Quit"
    assert menu.actions()[-1].shortcut().toString()  # shown beside it in the menu
    asked: list[bool] = []
    view.close_guard = lambda: asked.append(False) or False  # unsaved edits, say: the person keeps the window
    search = desktop.window.runs_view.search  # the focus somewhere in the window, typing a ref
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=30000)
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == [False] and view.isVisible()  # Ctrl+Q closes as the close button does: asking first
    view.close_guard = None
    with qtbot.waitSignal(view.closing, timeout=30000):
        menu.actions()[-1].trigger()
    assert not view.isVisible()
