"""The app's parts wired once: events, connection (one client, the embedded server), live updates, window."""

from __future__ import annotations

import asyncio

from rundun_desktop.app_events import AppEvents
from rundun_desktop.boot import EarlyBoot
from rundun_desktop.connection import Connection
from rundun_desktop.credentials import CredentialStore
from rundun_desktop.desktop_settings import DesktopSettings
from rundun_desktop.live import LiveUpdates
from rundun_desktop.main_window import MainWindow
from rundun_desktop.paths import AppPaths


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
        self.connection = Connection(
            self.events,
            paths,
            self.credentials,
            self.settings,
            check_interval=check_interval,
            early_boot=early_boot,
        )
        self.live = LiveUpdates(self.connection.api, self.events, poll_interval=poll_interval)
        self.executor = None  # the offline executor's store and sync engine: see executor_service()
        self.window = MainWindow(
            self.connection, self.events, self.live, page_size=page_size, executor=self.executor_service
        )

    def executor_service(self):
        """The offline executor's store and sync engine (made on first use, off the start-up path). They run
        with the app from `start()`, whether or not the Executor page is ever shown."""
        if self.executor is None:
            from rundun_desktop.executor.service import ExecutorService

            self.executor = ExecutorService(self.paths.data_dir / "executor", self.events)
            self.executor.photo_size = lambda: (self.settings.photo_max_side, self.settings.photo_quality)
            self.events.connected.connect(self._executor_follows)
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
        """Show the window at once, then connect (the embedded server starts on a worker thread)."""
        self.window.show()
        self.executor_service().start()  # what an earlier session left waiting starts syncing
        await self.connection.start()

    async def close(self) -> None:
        self.window.shutdown()
        if self.executor is not None:
            await self.executor.close()
        await self.live.close()
        await self.connection.close()
