"""The Executor page: the inbox and the runner in a stack, over a sync bar (online or offline, changes
waiting and their size, the latest failure in words, Sync now), on the app's `ExecutorService` (the local
store in the user data dir and the sync engine, which run whether or not the page is shown).
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from rundun_desktop.executor.inbox import InboxController
from rundun_desktop.executor.inbox_view import InboxView
from rundun_desktop.executor.runner import RunnerController
from rundun_desktop.executor.runner_view import RunnerView
from rundun_desktop.executor.service import ExecutorService
from rundun_desktop.executor.style import EXECUTOR_STYLE
from rundun_desktop.executor.sync import SyncConfig, SyncStatus
from rundun_desktop.style import set_role
from rundun_desktop.theme import set_sheet
from rundun_desktop.widgets.common import button


class SyncBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 6, 24, 6)
        row.setSpacing(8)
        self.dot = QLabel("●")
        self.dot.setObjectName("syncDot")
        self.words = QLabel(SyncStatus(online=None).words())
        self.error = QLabel("")
        self.error.setObjectName("syncError")
        self.error.setWordWrap(True)  # the server's words whole, on a second line if need be, not cut off
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_now = button(self.tr("Sync now"), "refresh")
        self.sync_now.setToolTip(self.tr("Try to send every waiting change now"))
        # The state, then the latest failure under it, each across the bar's width: side by side at 1024 px the
        # state was cut ("…the server refused the ru") and the failure wrapped in a column a word wide.
        self.words.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.words)
        texts.addWidget(self.error)
        row.addWidget(self.dot, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        row.addWidget(self.sync_now, 0, Qt.AlignmentFlag.AlignVCenter)
        # While a request waits for its answer, its words count the seconds ("No answer from the server for 8 s").
        self.status = SyncStatus(online=None)
        self._ticking = QTimer(self, interval=1000)
        self._ticking.timeout.connect(lambda: self.show_status(self.status))

    def stop(self) -> None:
        self._ticking.stop()

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if status.syncing and not self._ticking.isActive():
            self._ticking.start()
        elif not status.syncing:
            self._ticking.stop()
        online = None if status.unanswered_for() is not None else status.online  # not "online": unanswered
        set_role(self.dot, online={True: "true", False: "false", None: ""}[online])
        self.words.setText(status.words())
        error = status.last_error.splitlines()[0] if status.last_error else ""
        self.error.setText(error if status.pending_ops else "")
        self.error.setVisible(bool(self.error.text()))
        self.error.setToolTip(status.last_error or "")


class ExecutorPage(QWidget):
    """`service`: the app's `ExecutorService` (store, engine); without one the page makes its own, in
    `data_dir` or else the default user data dir, when first shown."""

    def __init__(
        self,
        api,
        parent: QWidget | None = None,
        *,
        service: ExecutorService | None = None,
        data_dir: Path | None = None,
        sync_config: SyncConfig | None = None,
    ):
        super().__init__(parent)
        self.api = api
        self.sync_config = sync_config
        self.own_service = False
        set_sheet(self, EXECUTOR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stack = QStackedWidget()
        self.inbox_view = InboxView()
        self.runner_view = RunnerView()
        self.stack.addWidget(self.inbox_view)
        self.stack.addWidget(self.runner_view)
        layout.addWidget(self.stack, 1)
        self.sync_bar = SyncBar()
        layout.addWidget(self.sync_bar)
        self.service: ExecutorService | None = None
        self.inbox: InboxController | None = None
        self.runner: RunnerController | None = None
        if service is not None:
            self.attach(service)
        elif data_dir is not None:
            self.attach(ExecutorService(data_dir, config=sync_config), own=True)

    # -- wiring -------------------------------------------------------------------------------------------------
    def attach(self, service: ExecutorService, *, own: bool = False) -> None:
        """Show and drive this service's runs (once)."""
        if self.service is not None:
            return
        self.service, self.own_service = service, own
        self.inbox = InboxController(
            self.inbox_view,
            service.store,
            service.client,
            self._current_base_url,
            service.wake,
            self,
            server_id_for=service.server_id_for,
            unreachable=service.engine.unreachable,
        )
        self.runner = RunnerController(self.runner_view, service.store, service.wake, self)
        self.runner.photo_options_for = service.photo_options_for
        self.inbox.run_chosen.connect(lambda run_id: asyncio.ensure_future(self.show_run(run_id)))
        self.runner.closed.connect(self.show_inbox)
        self.runner.run_changed.connect(lambda _run_id: self.inbox.refresh_soon())
        service.bridge.run_changed.connect(self.runner.sync_changed)
        service.bridge.run_changed.connect(lambda _run_id: self.inbox.refresh_soon())
        service.bridge.status_changed.connect(self._status)
        self.sync_bar.sync_now.clicked.connect(lambda: service.engine.wake(now=True))
        service.closing.connect(self.shutdown)
        self.sync_bar.show_status(service.engine.status)
        with contextlib.suppress(RuntimeError):  # no running loop yet: started on first show
            asyncio.get_running_loop()
            self._start()

    def _start(self) -> None:
        assert self.service is not None and self.inbox is not None
        self.service.start()
        asyncio.ensure_future(self.inbox.refresh())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.service is None:
            from rundun_desktop.paths import AppPaths

            self.attach(
                ExecutorService(AppPaths.default().data_dir / "executor", config=self.sync_config), own=True
            )
        elif not self.service.started:
            self._start()
        if self.stack.currentWidget() is self.inbox_view:
            self.inbox_view.focus_first()

    def _current_base_url(self) -> str | None:
        return getattr(self.api, "base_url", None)

    def _status(self, status: SyncStatus) -> None:
        self.sync_bar.show_status(status)
        if self.runner is not None:
            self.runner.sync_changed()
        if self.inbox is not None:
            self.inbox.refresh_soon()

    # -- navigation ---------------------------------------------------------------------------------------------
    async def open_link(self, text: str) -> str | None:
        """Open a run from a link (pasted, from the command line or a rundun:// URL) and show it."""
        self.show_inbox()
        self.inbox_view.link.setText(text)
        assert self.inbox is not None
        run_id = await self.inbox.open_link(text, announce=False)
        if run_id is not None:
            await self.show_run(run_id)
        return run_id

    async def show_run(self, run_id: str) -> None:
        assert self.runner is not None
        await self.runner.settle()
        if self.service is not None:  # photos a kill interrupted are kept first, so that the run shows them
            await self.service.photos_resumed()
        await self.runner.load(run_id)
        self.stack.setCurrentWidget(self.runner_view)
        self.runner.focus_first()

    def show_inbox(self) -> None:
        self.stack.setCurrentWidget(self.inbox_view)
        if self.inbox is not None:
            self.inbox.refresh_soon()
            self.inbox_view.focus_first()

    def shutdown(self) -> None:
        """The service is closing: stop the timers that would start work on a loop about to end."""
        self.sync_bar.stop()
        for controller in (self.inbox, self.runner):
            if controller is not None:
                controller.shutdown()

    async def aclose(self) -> None:
        """Finish what is being committed; close the service if this page made it."""
        if self.runner is not None:
            await self.runner.settle()
        if self.service is not None and self.own_service:
            await self.service.close()
        else:
            self.shutdown()
