"""The executor's app-wide part: the local store's GUI-side worker, the sync engine and its Qt bridge.

The app starts it with the window (`DesktopApp`), not with the Executor page (which is built when first
shown), so that changes left waiting by an earlier session sync after a restart even if the page is never
opened. No widgets here: importing it stays cheap on the start-up path.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from rundun_desktop.executor import photo_intake
from rundun_desktop.executor.bridge import SyncBridge
from rundun_desktop.executor.photo_prep import PhotoOptions
from rundun_desktop.executor.photo_words import DEFAULT_MAX_BYTES
from rundun_desktop.executor.protocol import ExecutorClient, RunAuth
from rundun_desktop.executor.servers import ServerAddress, follow
from rundun_desktop.executor.sync import SyncConfig, SyncEngine
from rundun_desktop.executor.worker import StoreWorker

log = logging.getLogger("rundun.executor.service")


class ExecutorService(QObject):
    closing = Signal()  # the app is quitting: pages stop their timers and start nothing new

    def __init__(
        self, data_dir: Path, events=None, *, config: SyncConfig | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.store = StoreWorker(self.data_dir, "rundun-executor-store")
        self.engine = SyncEngine(self.data_dir, config=config)
        self.client = ExecutorClient(self.engine.http)
        self.bridge = SyncBridge(self.engine, self)
        if events is not None:
            events.connected.connect(self.bridge.connection_back)
        self._closed = False
        self.server: ServerAddress | None = None  # the app's server, once connected
        # Size and quality from the desktop's settings, read when a photo is added (the app sets it).
        self.photo_size: Callable[[], tuple[int, int]] = lambda: (PhotoOptions.max_side, PhotoOptions.quality)
        self._photo_limits: dict[str, int] = {}  # base URL → the largest photo its server takes
        self._resumed: asyncio.Task | None = None  # the photos an earlier session chose and did not keep

    @property
    def started(self) -> bool:
        return self.engine._task is not None

    def start(self) -> None:
        """Start syncing on the running loop (what an earlier session left waiting goes first)."""
        if not self.started and not self._closed:
            self._resumed = asyncio.ensure_future(self._resume_photos())
            self.engine.start()
            # Qt's reachability backend loads a plugin: not on the start-up path.
            QTimer.singleShot(500, self, self.bridge.watch_network)

    def wake(self) -> None:
        self.engine.wake()

    # -- photos ----------------------------------------------------------------------------------------------
    async def _resume_photos(self) -> None:
        try:
            changed = await photo_intake.resume(self.store, self.photo_options_for)
        except Exception:
            log.exception("photos chosen before a stop not taken in")
            return
        for run_id in changed:
            self.bridge.run_changed.emit(run_id)
        if changed:
            self.engine.wake()

    async def photos_resumed(self) -> None:
        """Once the photos an earlier session chose (and was stopped before keeping) are kept or noted lost:
        the runner waits for it before it shows a run, so that it shows them."""
        if self._resumed is not None:
            await asyncio.shield(self._resumed)

    async def photo_options_for(self, run: dict, *, ask: bool = False) -> PhotoOptions:
        """How to prepare a photo for this run: the app's size and quality, and its server's limit (asked
        once per server with `ask`, when the run is shown; else what is known, or the default limit)."""
        base_url = run["base_url"]
        if ask and base_url not in self._photo_limits:
            limit = await self.client.tus_max_size(RunAuth(base_url, run["run_id"], run["token"]))
            if limit:
                self._photo_limits[base_url] = limit
        max_side, quality = self.photo_size()
        return PhotoOptions(max_side, quality, self._photo_limits.get(base_url, DEFAULT_MAX_BYTES))

    # -- the app's server --------------------------------------------------------------------------------------
    def server_id_for(self, base_url: str) -> str | None:
        """The identity to bind a run opened at `base_url` to: the app's server's, when the address is one
        of its own; else None (a run of another server stays bound to its address)."""
        return self.server.server_id if self.server is not None and self.server.names(base_url) else None

    async def follow_server(self, server: ServerAddress) -> list[str]:
        """The app is connected to `server` (at start-up, after a restart on another port, after Settings):
        its runs move to where it answers now and are sent at once."""
        self.server = server
        if self._closed:
            return []
        moved = await follow(self.store, self.client, server)
        for run_id in moved:
            self.bridge.run_changed.emit(run_id)
        self.engine.wake(now=True)
        return moved

    async def close(self) -> None:
        """Stop syncing and close the store (the app's quit path); what is queued stays for next time."""
        if self._closed:
            return
        self._closed = True
        self.closing.emit()
        if self._resumed is not None:  # one cut short is noted still: taken in at the next start
            self._resumed.cancel()
            await asyncio.gather(self._resumed, return_exceptions=True)
        await self.engine.stop()
        await self.store.close()

    def close_soon(self) -> asyncio.Future:
        return asyncio.ensure_future(self.close())
