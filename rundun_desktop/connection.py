"""The app's connection: one `ApiClient` (one `httpx.AsyncClient`) pointed at the embedded server or a remote one.

Both paths end in the same client; the app never opens the server's database. Starting the embedded server
(imports, migrations, uvicorn start-up) runs on a worker thread, so the window is up and responsive meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from PySide6.QtCore import QObject

from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.app_events import AppEvents
from rundun_desktop.boot import Booted, EarlyBoot, boot_embedded
from rundun_desktop.credentials import EMBEDDED_ACCOUNT, CredentialStore, remote_account
from rundun_desktop.desktop_settings import EMBEDDED, REMOTE, DesktopSettings
from rundun_desktop.paths import AppPaths
from rundun_desktop.server_process import DataFolderInUse
from rundun_desktop.sharing import listen_for

log = logging.getLogger("rundun.desktop")

STARTING, CONNECTED, OFFLINE, UNAUTHORIZED, ERROR = (
    "starting",
    "connected",
    "offline",
    "unauthorized",
    "error",
)


class Connection(QObject):
    """Owns the ApiClient and, when embedded, the server; keeps `state` current and announces changes."""

    def __init__(
        self,
        events: AppEvents,
        paths: AppPaths,
        credentials: CredentialStore,
        settings: DesktopSettings,
        *,
        check_interval: float = 10.0,
        early_boot: EarlyBoot | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.events, self.paths, self.credentials, self.settings = events, paths, credentials, settings
        self.api = ApiClient("http://127.0.0.1", None)
        self.server = None  # EmbeddedServer while embedded
        self.state, self.state_text = STARTING, self.tr("Starting…")
        self.org: dict | None = None
        self.check_interval = check_interval
        self.early_boot = early_boot
        self._boot_failure: Exception | None = None  # why the embedded server could not start, until it does
        self._watcher: asyncio.Task | None = None
        self._recount: asyncio.Task | None = None
        self._minted_key: str | None = None  # the key this app last made for its own server
        self._renewing = asyncio.Lock()
        events.run_dispatched.connect(self._count_again)
        self.port_notice = ""  # why the embedded server is not on its usual port, in words (else "")

    # -- start and switch -------------------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.settings.mode

    @property
    def account(self) -> str:
        """The server this connection is to, as its credentials are keyed ("embedded", "remote:https://…")."""
        return EMBEDDED_ACCOUNT if self.mode == EMBEDDED else remote_account(self.settings.remote_url)

    @property
    def describe(self) -> str:
        if self.mode == EMBEDDED:
            notice = f" · {self.port_notice}" if self.port_notice else ""
            return self.tr("Embedded server on {0}{1}").format(self.api.base_url, notice)
        return self.tr("Remote server {0}").format(self.api.base_url)

    @property
    def public_url(self) -> str:
        """The base of the run links this server hands out (what a phone would have to reach)."""
        if self.server is not None:
            return self.server.public_url
        return self.api.base_url

    @property
    def links_local_only(self) -> bool:
        """Run links open on this computer only (the embedded server on loopback, not shared)."""
        return self.server is not None and self.server.loopback_only

    async def start(self) -> None:
        """Connect as the saved settings say; a remote server without a stored key falls back to embedded."""
        if self.settings.mode == REMOTE and self.settings.remote_url:
            key = self.credentials.get(remote_account(self.settings.remote_url))
            if key:
                self.api.reconfigure(self.settings.remote_url, key)
                self._set(STARTING, self.tr("Connecting to {0}…").format(self.settings.remote_url))
                await self.check()
                self._watch()
                return
            self.settings.mode = EMBEDDED
        await self.start_embedded()
        self._watch()

    async def start_embedded(self) -> None:
        self._set(STARTING, self.tr("Starting the embedded server…"))
        try:
            booted = await self._boot(new_key=False)
        except Exception as exc:
            log.exception("embedded server failed to start")
            self._boot_failure = exc
            self._set(ERROR, self.tr("The embedded server could not start: {0}").format(exc))
            return
        self._boot_failure = None
        self._keep_port(booted.server)
        self.api.reconfigure(booted.server.url, booted.key)
        await self.check()  # a stored key revoked meanwhile is replaced there

    def _keep_port(self, server) -> None:
        """The port the embedded server got is its port from now on (links and runs keep working across
        restarts); when another program held the usual one, say so."""
        self.port_notice = ""
        if server.moved_from:
            self.port_notice = self.tr(
                "port {0} is used by another program, so the server now listens on port {1}; links sent before point at the old port"
            ).format(server.moved_from, server.port)
            log.warning("embedded server: %s", self.port_notice)
        if self.settings.embedded_port != server.port:
            self.settings.embedded_port = server.port
            self.settings.save(self.paths.settings_file)

    async def restart_embedded(self) -> None:
        """Start the embedded server again with the current settings (Settings → Sharing changed)."""
        await self._stop_server()
        self._set(STARTING, self.tr("Restarting the embedded server…"))
        await self.start_embedded()

    async def _boot(self, new_key: bool) -> Booted:
        """On a worker thread; the first time, adopt the boot `EarlyBoot` started before the window existed."""
        early, self.early_boot = self.early_boot, None
        if early is not None and not new_key:
            booted = await asyncio.wrap_future(early.future)
        else:
            booted = await asyncio.to_thread(
                boot_embedded, self.paths, self.credentials, self.server, new_key, listen_for(self.settings)
            )
        self.server = booted.server
        return booted

    async def use_remote(self, url: str, key: str) -> dict:
        """Switch to a remote server after checking the URL and key; raises `ApiError` and keeps the old one."""
        url = url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ApiError(0, "bad_url", self.tr("The server URL must start with http:// or https://."))
        previous = (self.api.base_url, self.api.api_key)
        self.api.reconfigure(url, key.strip())
        try:
            org = await self.api.get_org()
        except ApiError:
            self.api.reconfigure(*previous)
            raise
        self.credentials.set(remote_account(url), key.strip())
        self.settings.mode, self.settings.remote_url = REMOTE, url
        self.settings.save(self.paths.settings_file)
        self._set(
            STARTING, self.tr("Connecting to {0}…").format(url)
        )  # so that `connected` fires: pages reload from the new server
        await self._stop_server()
        self._connected(org)
        return org

    async def use_embedded(self) -> None:
        self.settings.mode = EMBEDDED
        self.settings.save(self.paths.settings_file)
        await self.start_embedded()

    # -- health -----------------------------------------------------------------------------------------------
    async def check(self) -> bool:
        """One round trip (`GET /v1/org`): updates the state and the org; never raises."""
        try:
            org = await self.api.get_org()
        except ApiError as exc:
            if exc.status == 401 and await self._renew_own_key():
                return await self.check()
            if exc.status == 401:
                self._set(
                    UNAUTHORIZED, self.tr("The server refused the API key. Enter a valid key in Settings.")
                )
            elif exc.offline and self._boot_failure is not None and self.mode == EMBEDDED:
                await self._boot_again()  # why it could not start stays said, not "Cannot reach the server"
            elif exc.offline:
                self._set(OFFLINE, self.tr("{0} Retrying…").format(exc.message))
                await self._revive_server()
            else:
                self._set(ERROR, exc.message or self.tr("The server answered {0}.").format(exc.status))
            return False
        self._connected(org)
        return True

    async def _renew_own_key(self) -> bool:
        """The app's key to its own embedded server was refused (revoked on the API keys page, or by anyone
        holding a key): the server is ours, so another is minted, as at a start. The app said "Enter a valid
        key in Settings", where an embedded server has no key to enter, until it was restarted. False in
        remote mode, and for a key minted just now (no loop)."""
        server = self.server
        if (
            self.mode != EMBEDDED
            or server is None
            or self.api.base_url != server.url.rstrip("/")  # a remote URL being tried (Settings → Connection)
            or self.api.api_key == self._minted_key
        ):
            return False
        async with self._renewing:
            if self.api.api_key != self._minted_key:  # not renewed meanwhile by another check
                booted = await self._boot(new_key=True)
                self._minted_key = booted.key
                self.api.reconfigure(booted.server.url, booted.key)
        return True

    async def _revive_server(self) -> None:
        """The embedded server's process is gone (killed, crashed): start it again, on the same port."""
        server = self.server
        if self.mode != EMBEDDED or server is None or not hasattr(server, "ensure_running"):
            return
        try:
            if await asyncio.to_thread(server.ensure_running):
                self.api.reconfigure(server.url, self.api.api_key)
        except Exception:
            log.exception("the embedded server could not be started again")

    async def _boot_again(self) -> None:
        """The embedded server could not start. When that was its data folder held by another server (a stray
        `rundun-server serve` on the workspace), start it as soon as that one is gone: the status bar says
        why and what to do until then. Any other failure stays said until the app is started again. (The
        heartbeat said "Cannot reach the server at http://127.0.0.1 … Retrying…" over either, and retried
        nothing.)"""
        from server.data_dir_lock import holder

        if not isinstance(self._boot_failure, DataFolderInUse):
            return
        if await asyncio.to_thread(holder, self.paths.server_dir) is None:
            await self.start_embedded()

    def _connected(self, org: dict) -> None:
        was = self.state
        if org != self.org:
            self.org = org
            self.events.org_changed.emit(org)
        self._set(CONNECTED, self.tr("Connected · {0}").format(self.describe))
        self._watch()
        if was != CONNECTED:
            self.events.connected.emit()

    def _count_again(self, _dispatched: dict) -> None:
        """A run dispatched from this app: the month's usage read again at once (the sidebar said the last
        heartbeat's count, up to `check_interval` behind, "2 runs this month" after the fourth)."""
        if self._recount is None or self._recount.done():
            with contextlib.suppress(RuntimeError):  # no running loop: the next heartbeat counts
                self._recount = asyncio.ensure_future(self.check())

    def _watch(self) -> None:
        if self._watcher is None:
            self._watcher = asyncio.ensure_future(self._watch_loop())

    async def _watch_loop(self) -> None:
        while True:
            # Offline: look again soon; connected: a slower heartbeat that also refreshes usage.
            await asyncio.sleep(
                self.check_interval if self.state == CONNECTED else min(2.0, self.check_interval)
            )
            await self.check()

    def _set(self, state: str, text: str) -> None:
        if (state, text) != (self.state, self.state_text):
            if state != self.state:
                log.info("connection: %s (%s)", state, text)
            self.state, self.state_text = state, text
            self.events.connection_changed.emit(state, text)

    # -- shutdown ---------------------------------------------------------------------------------------------
    async def close(self) -> None:
        for task in (self._watcher, self._recount):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._watcher = self._recount = None
        await self.api.close()
        await self._stop_server()

    async def _stop_server(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            await asyncio.to_thread(server.stop)
