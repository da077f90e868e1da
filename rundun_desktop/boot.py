"""Starting the embedded server: bootstrap on first start (key into the credential store), then serve.

Runs on a worker thread. `EarlyBoot` starts it before the window's modules are even imported, so that the
server's imports, SQLite's fsyncs and uvicorn's start-up overlap with building the window (cold start).
Kept light: importing this module pulls in neither Qt nor the server.
"""

from __future__ import annotations

import concurrent.futures
import threading
from dataclasses import dataclass
from typing import Any

from rundun_desktop.credentials import EMBEDDED_ACCOUNT, CredentialStore
from rundun_desktop.desktop_settings import EMBEDDED, DesktopSettings
from rundun_desktop.paths import AppPaths


@dataclass
class Booted:
    server: Any  # EmbeddedServer
    key: str


def boot_embedded(
    paths: AppPaths, credentials: CredentialStore, server=None, new_key: bool = False
) -> Booted:
    """Bootstrap if needed (or mint a new key when `new_key`), start the server unless given one running."""
    from rundun_desktop.backup.schedule import apply_pending_restore
    from rundun_desktop.embedded import EmbeddedServer, bootstrap

    apply_pending_restore(paths.server_dir)  # a workspace restored last session takes over now
    key = None if new_key else credentials.get(EMBEDDED_ACCOUNT)
    boot = bootstrap(paths.server_dir, need_key=key is None)
    if boot.api_key:
        credentials.set(EMBEDDED_ACCOUNT, boot.api_key)
        key = boot.api_key
    if server is None:
        # One user on loopback: the API's per-key rate limit would only throttle the monitor's paging.
        server = EmbeddedServer(paths.server_dir, rate_limit=1_000_000)
        server.start()
    assert key is not None
    return Booted(server, key)


class EarlyBoot:
    """`boot_embedded` started at once on its own thread; `future` resolves to `Booted`."""

    def __init__(self, paths: AppPaths, use_keyring: bool | None = None):
        self.future: concurrent.futures.Future[Booted] = concurrent.futures.Future()
        self._args = (paths, CredentialStore(paths.credentials_file, use_keyring))
        threading.Thread(target=self._run, name="rundun-early-boot", daemon=True).start()

    def _run(self) -> None:
        try:
            self.future.set_result(boot_embedded(*self._args))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever awaits the future
            self.future.set_exception(exc)

    @classmethod
    def if_embedded(cls, paths: AppPaths) -> EarlyBoot | None:
        """Start now when the saved settings say embedded (a remote server needs no local one)."""
        if DesktopSettings.load(paths.settings_file).mode != EMBEDDED:
            return None
        return cls(paths)
