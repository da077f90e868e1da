"""`rundun-desktop`: the Rundun desktop app (run monitor, dispatch, keys, members; the template editor and
offline executor live in their own packages). Starts the embedded server on first use.

    asyncio + Qt through qasync; one httpx.AsyncClient (in `Connection.api`), closed on quit.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from rundun_desktop.app_events import AppEvents
from rundun_desktop.connection import Connection
from rundun_desktop.credentials import CredentialStore
from rundun_desktop.desktop_settings import DesktopSettings
from rundun_desktop.live import LiveUpdates
from rundun_desktop.main_window import MainWindow
from rundun_desktop.paths import AppPaths
from rundun_desktop.style import apply_style


class DesktopApp:
    """Everything the app holds, wired once: events, connection (client + embedded server), live updates, window."""

    def __init__(self, paths: AppPaths, *, use_keyring: bool | None = None, check_interval: float = 10.0,
                 poll_interval: float = 2.0, page_size: int = 100):
        self.paths = paths
        self.events = AppEvents()
        self.credentials = CredentialStore(paths.credentials_file, use_keyring)
        self.settings = DesktopSettings.load(paths.settings_file)
        self.connection = Connection(self.events, paths, self.credentials, self.settings, check_interval=check_interval)
        self.live = LiveUpdates(self.connection.api, self.events, poll_interval=poll_interval)
        self.window = MainWindow(self.connection, self.events, self.live, page_size=page_size)

    @property
    def api(self):
        return self.connection.api

    async def start(self) -> None:
        """Show the window at once, then connect (the embedded server starts on a worker thread)."""
        self.window.show()
        await self.connection.start()

    async def close(self) -> None:
        await self.live.stop()
        await self.connection.close()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="rundun-desktop", description="The Rundun desktop app.")
    parser.add_argument("--home", type=Path, help="Keep settings and the embedded server's data here "
                        "(RUNDUN_DESKTOP_HOME; default: the per-user config and data dirs).")
    parser.add_argument("--page", choices=["templates", "runs", "executor", "settings"], default="runs",
                        help="The page to open on.")
    return parser.parse_args(argv)


async def amain(args: argparse.Namespace) -> int:
    app = QApplication.instance()
    apply_style(app)
    paths = AppPaths.under(args.home) if args.home else AppPaths.default()
    desktop = DesktopApp(paths)
    desktop.window.show_page(args.page)
    closed = asyncio.Event()
    desktop.window.view.closing.connect(closed.set)
    await desktop.start()
    await closed.wait()
    await desktop.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Rundun")
    app.setOrganizationName("Rundun")
    app.setQuitOnLastWindowClosed(False)  # amain decides when to stop, after closing the client and server
    return qasync.run(amain(args))


if __name__ == "__main__":
    sys.exit(main())
