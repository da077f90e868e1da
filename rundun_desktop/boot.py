"""Starting the embedded server (its own process) and getting its key into the credential store.

`prestart_embedded` spawns it first thing in the app's `main`, before Qt is imported, so that the server's
imports, SQLite's fsyncs and uvicorn's start-up run in the child, on the other core, while this process
builds the window (cold start: the child's start is the longer of the two, bench/desktop_startup.py). Kept
light: importing this module pulls in neither Qt (the credential store needs it: imported when used) nor the
server.
"""

from __future__ import annotations

import concurrent.futures
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rundun_desktop.desktop_settings import EMBEDDED, DesktopSettings
from rundun_desktop.paths import AppPaths, private_dir
from rundun_desktop.sharing import Listen, listen_for

if TYPE_CHECKING:
    from rundun_desktop.credentials import CredentialStore


@dataclass
class Booted:
    server: Any  # EmbeddedServer
    key: str


def boot_embedded(
    paths: AppPaths,
    credentials: CredentialStore,
    server=None,
    new_key: bool = False,
    listen: Listen | None = None,
) -> Booted:
    """Start the embedded server (a child process, `ChildServer`) unless given one running (a prestarted
    one is told to go); a first start
    creates the organisation and hands back its key. Without a usable key (`new_key`, a wiped keyring, a
    data dir made by `rundun-server serve`) mint one, through the server's own store code.

    `listen`: the port (kept in the desktop's settings) and sharing; by default as the settings file says.
    Nothing is written here: the caller keeps the port the server got (`server.port`, `server.moved_from`)."""
    from rundun_desktop.backup.schedule import apply_pending_restore
    from rundun_desktop.credentials import EMBEDDED_ACCOUNT

    apply_pending_restore(paths.server_dir)  # a workspace restored last session takes over now
    key = None if new_key else credentials.get(EMBEDDED_ACCOUNT)
    if server is None or getattr(server, "waiting", False):
        if server is None:
            server = child_server(paths, listen)
            server.start()
        else:
            server.go()  # prestarted: it has imported the server meanwhile
        if server.first_key and not new_key:
            credentials.set(EMBEDDED_ACCOUNT, server.first_key)
            key = server.first_key
    if key is None:
        from rundun_desktop.embedded import bootstrap  # the server's modules: only on this rare path

        boot = bootstrap(paths.server_dir, need_key=True)
        assert boot.api_key is not None
        credentials.set(EMBEDDED_ACCOUNT, boot.api_key)
        key = boot.api_key
    return Booted(server, key)


def child_server(paths: AppPaths, listen: Listen | None = None):
    """The embedded server's process (not started), on the address the settings file says by default."""
    from rundun_desktop.server_process import ChildServer

    if listen is None:
        listen = listen_for(DesktopSettings.load(paths.settings_file))
    private_dir(paths.log_dir)
    # One user on loopback: the API's per-key rate limit would only throttle the monitor's paging.
    return ChildServer(
        paths.server_dir, listen=listen, rate_limit=1_000_000, log_file=paths.log_dir / "server.log"
    )


def prestart_embedded(paths: AppPaths):
    """When the saved settings say embedded: the server's process, started before the app knows it owns
    the workspace (`ChildServer.prestart`: it imports, then waits). `EarlyBoot` tells it to go; a later
    start that only hands over its arguments abandons it."""
    if DesktopSettings.load(paths.settings_file).mode != EMBEDDED:
        return None
    server = child_server(paths)
    server.prestart()
    return server


class EarlyBoot:
    """`boot_embedded` started at once on its own thread; `future` resolves to `Booted`.

    The server runs in a process of its own (`ChildServer`): its imports, migrations and uvicorn's start-up
    run on the other core while this process builds the window. This thread only starts it and waits.
    """

    def __init__(self, paths: AppPaths, use_keyring: bool | None = None, prestarted=None):
        from rundun_desktop.credentials import CredentialStore

        self.future: concurrent.futures.Future[Booted] = concurrent.futures.Future()
        self._args = (paths, CredentialStore(paths.credentials_file, use_keyring), prestarted)
        threading.Thread(target=self._run, name="rundun-early-boot", daemon=True).start()

    def _run(self) -> None:
        try:
            self.future.set_result(boot_embedded(*self._args))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever awaits the future
            self.future.set_exception(exc)

    @classmethod
    def if_embedded(cls, paths: AppPaths, prestarted=None) -> EarlyBoot | None:
        """Start now when the saved settings say embedded (a remote server needs no local one);
        `prestarted`: the process `prestart_embedded` started, to adopt."""
        if DesktopSettings.load(paths.settings_file).mode != EMBEDDED:
            if prestarted is not None:
                prestarted.abandon()
            return None
        return cls(paths, prestarted=prestarted)
