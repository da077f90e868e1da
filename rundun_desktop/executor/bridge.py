"""The Qt side of the sync engine: its listener calls become signals, and connectivity news wakes it.

The engine runs on the qasync loop (the GUI thread), so its calls arrive on the GUI thread already; this
adapter only turns them into signals. It also wakes the engine at once when Qt's network information says
the machine is online again, or when the app's connection to its server comes back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation

from rundun_desktop.executor.sync import SyncEngine, SyncStatus


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus
    run_changed = Signal(str)
    upload_progress = Signal(dict)

    def __init__(self, engine: SyncEngine, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = engine
        engine.listeners.append(self._on_event)
        self.network: QNetworkInformation | None = None

    def watch_network(self) -> None:
        """Wake the engine when Qt's network information (where a backend exists) says we are online."""
        if self.network is None:
            self.network = _network_information()
            if self.network is not None:
                self.network.reachabilityChanged.connect(self._reachability)

    def _on_event(self, event: str, data: Any) -> None:
        if event == "status":
            self.status_changed.emit(data)
        elif event == "run":
            self.run_changed.emit(data["run_id"])
        elif event == "upload":
            self.upload_progress.emit(data)

    def _reachability(self, reachability) -> None:
        if reachability in (
            QNetworkInformation.Reachability.Online,
            QNetworkInformation.Reachability.Site,
            QNetworkInformation.Reachability.Local,
        ):
            self.engine.wake(now=True)

    def connection_back(self) -> None:
        """The app's server answers again (AppEvents.connected): try everything now."""
        self.engine.wake(now=True)

    @property
    def status(self) -> SyncStatus:
        return self.engine.status


def _network_information() -> QNetworkInformation | None:
    """Qt's reachability monitor where a backend exists (NetworkManager, Windows, macOS), else None."""
    try:
        if QNetworkInformation.instance() is None and not QNetworkInformation.loadBackendByFeatures(
            QNetworkInformation.Feature.Reachability
        ):
            return None
    except Exception:  # noqa: BLE001 - no backend plugin: the engine's own probe still notices
        return None
    return QNetworkInformation.instance()
