"""The app's parts wired once: events, connection (one client, the embedded server), live updates, window."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from rundun_desktop import i18n, last_folders
from rundun_desktop.app_events import AppEvents
from rundun_desktop.boot import EarlyBoot
from rundun_desktop.connection import Connection
from rundun_desktop.credentials import CredentialStore
from rundun_desktop.desktop_settings import DesktopSettings
from rundun_desktop.live import LiveUpdates
from rundun_desktop.main_window import MainWindow
from rundun_desktop.paths import AppPaths

if TYPE_CHECKING:  # both are imported when first used, not at start
    from rundun_desktop.about_dialog import AboutDialog
    from rundun_desktop.executor.service import ExecutorService


class DesktopApp:
    def __init__(
        self,
        paths: AppPaths,
        *,
        use_keyring: bool | None = None,
        check_interval: float = 10.0,
        poll_interval: float = 2.0,
        page_size: int = 200,
        early_boot: EarlyBoot | None = None,
    ):
        self.paths = paths
        self.events = AppEvents()
        self.credentials = CredentialStore(paths.credentials_file, use_keyring)
        self.settings = DesktopSettings.load(paths.settings_file)
        last_folders.keep_in(
            self.settings, paths.settings_file
        )  # each kind of file dialog opens where it last did
        app = QApplication.instance()
        if app is not None:  # before the window is built: its words are translated as they are set
            i18n.install_for(app, self.settings.language)
        self.connection = Connection(
            self.events,
            paths,
            self.credentials,
            self.settings,
            check_interval=check_interval,
            early_boot=early_boot,
        )
        self.live = LiveUpdates(self.connection.api, self.events, poll_interval=poll_interval)
        self.executor: ExecutorService | None = (
            None  # the offline executor's store and sync engine: see executor_service()
        )
        self._started = False
        self.window = MainWindow(
            self.connection,
            self.events,
            self.live,
            page_size=page_size,
            executor=self.executor_service,
            draft_path=paths.editor_draft_file,
        )
        self.about_dialog: AboutDialog | None = None
        self.scheme_offer: QMessageBox | None = (
            None  # the first start's question about rundun:// links, while it is open
        )
        # File → Quit (Ctrl+Q), last, as a File menu has it: the window's close button was the only way out.
        file_menu = self.window.backups.ui.menu
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(QCoreApplication.translate("DesktopApp", "&Quit"))
        # The platform's Quit key, else Ctrl+Q (a platform theme without one, as with no desktop running, has none).
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        self.quit_action.setShortcuts(quit_keys)
        self.quit_action.triggered.connect(
            self.window.view.close
        )  # the close button's way: unsaved edits asked
        self.window.view.addAction(self.quit_action)  # Ctrl+Q wherever the focus is in the window
        help_menu = self.window.view.menuBar().addMenu(QCoreApplication.translate("DesktopApp", "&Help"))
        help_menu.addAction(QCoreApplication.translate("DesktopApp", "&About Rundun"), self.show_about)

    @property
    def executor_dir(self):
        return self.paths.data_dir / "executor"

    def executor_service(self):
        """The offline executor's store and sync engine, made on first use (the Executor page, a run link, or
        at start when an earlier session used the executor), never on the start-up path; syncing from then
        on, whether or not the page is shown."""
        if self.executor is None:
            from rundun_desktop.executor.service import ExecutorService

            self.executor = ExecutorService(self.executor_dir, self.events)
            self.executor.photo_size = lambda: (self.settings.photo_max_side, self.settings.photo_quality)
            self.events.connected.connect(self._executor_follows)
            if self._started:
                self._executor_follows()  # already connected: its runs follow the server now
                self.executor.start()
        return self.executor

    def _executor_follows(self) -> None:
        """Connected (at start, after a restart on another port, after Settings): the executor's runs on this
        server follow it to its address of today."""
        from rundun_desktop.executor.servers import ServerAddress, server_id_of

        org, service = self.connection.org, self.executor
        if not org or service is None:
            return
        address = ServerAddress(
            server_id_of(org["id"]),
            self.api.base_url,
            {self.connection.public_url},
            embedded=self.connection.server is not None,
        )
        asyncio.ensure_future(service.follow_server(address))

    @property
    def api(self):
        return self.connection.api

    async def start(self) -> None:
        """Show the window at once, then connect (the embedded server starts on a worker thread); then
        what an earlier session left in the executor's queue starts syncing."""
        self.window.show()
        await self.connection.start()
        self._started = True
        if self.executor is not None:
            self.executor.start()
        elif self.executor_dir.exists():
            self.executor_service()

    # -- the laptop app: one window raised on a later start, Help → About, rundun:// links ----------------
    def raise_window(self) -> None:
        view = self.window.view
        if view.isMinimized():
            view.showNormal()
        view.show()
        view.raise_()
        view.activateWindow()

    def about_facts(self):
        from rundun_desktop.about_dialog import AboutFacts
        from server.version import version

        server = (
            self.connection.describe if self.connection.state == "connected" else self.connection.state_text
        )
        return AboutFacts(version(), self.paths.data_dir, server, self.paths.log_dir)

    def show_about(self):
        from rundun_desktop.about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self.about_facts(), self.window.view)
        self.about_dialog.open()
        return self.about_dialog

    def offer_url_scheme(self) -> None:
        """First start on Linux: ask once whether rundun:// links should open Rundun (`--register` does it
        too). Not modal: the app works while the question waits."""
        from rundun_desktop import url_scheme

        if not url_scheme.should_offer(self.paths.config_dir):
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("DesktopApp", "Open rundun:// links with Rundun?"),
            QCoreApplication.translate(
                "DesktopApp",
                "Run links sent as rundun://… can open straight in this app. Register Rundun for them?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window.view,
        )

        def answered(button: int) -> None:
            url_scheme.mark_offered(self.paths.config_dir)
            if button == QMessageBox.StandardButton.Yes:
                self.window.view.statusBar().showMessage(url_scheme.register(), 10_000)

        box.finished.connect(answered)
        box.open()
        self.scheme_offer = box

    async def close(self) -> None:
        self.window.shutdown()
        if self.executor is not None:
            await self.executor.close()
        await self.live.close()
        await self.connection.close()
