"""The main window's behaviour: pages in the sidebar, the connection state and plan in words."""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt

from rundun_desktop.admin.settings_controller import SettingsController, usage_words
from rundun_desktop.admin.settings_view import SettingsView
from rundun_desktop.app_events import AppEvents
from rundun_desktop.backup.backup_view import BackupUi
from rundun_desktop.backup.controller import WorkspaceBackups
from rundun_desktop.connection import CONNECTED, OFFLINE, STARTING, Connection
from rundun_desktop.last_webhook import LastWebhooks
from rundun_desktop.live import LiveUpdates
from rundun_desktop.main_window_view import MainWindowView
from rundun_desktop.monitor.runs_controller import RunsController
from rundun_desktop.monitor.runs_view import RunsView
from rundun_desktop.theme import set_sheet
from rundun_desktop.widgets.lazy import LazyPage

if TYPE_CHECKING:  # the pages' own packages are imported when the page is first shown
    from rundun_desktop.dashboard import DashboardView
    from rundun_desktop.editor import TemplatesPage
    from rundun_desktop.executor import ExecutorPage


def _templates_page(api, draft_path=None, dispatch=None):
    def build(parent):
        from rundun_desktop.editor import TemplatesPage  # the editor's own package, imported when first shown

        page = TemplatesPage(api, parent, draft_path)
        if dispatch is not None:
            page.dispatch_requested.connect(dispatch)
        return page

    return build


def _executor_page(api, executor=None):
    def build(parent):
        from rundun_desktop.executor import ExecutorPage

        # executor: the app's ExecutorService (local store + sync engine), or a function that makes it
        return ExecutorPage(api, parent, service=executor() if callable(executor) else executor)

    return build


def _dashboard_page(api, events, open_runs):
    def build(parent):
        from rundun_desktop.dashboard import (
            DashboardController,
            DashboardView,
        )  # QtCharts: off the start-up path

        view = DashboardView(parent)
        view.controller = DashboardController(api, events, view, open_runs, parent=view)
        return view

    return build


STATE_COLOURS = {CONNECTED: "#2f9e44", STARTING: "#f08c00", OFFLINE: "#e03131"}


class MainWindow(QObject):
    def __init__(
        self,
        connection: Connection,
        events: AppEvents,
        live: LiveUpdates,
        *,
        page_size: int = 200,
        executor=None,
        draft_path: Path | None = None,
    ):
        super().__init__()
        self.connection, self.events, self.live = connection, events, live
        self.view = MainWindowView()
        api = connection.api
        self.templates_page = LazyPage(_templates_page(api, draft_path, self.dispatch_template))
        self.runs_view = RunsView()
        self.runs = RunsController(api, events, self.runs_view, page_size=page_size, parent=self)
        self.runs.detail.link_base = lambda: (
            connection.public_url
        )  # shared on the LAN or public: that address
        self.runs.webhooks = LastWebhooks(
            connection.settings,
            connection.paths.settings_file,
            connection.credentials,
            lambda: connection.account,
        )  # the dispatch dialog offers the webhook last dispatched with this server
        self.dashboard_page = LazyPage(_dashboard_page(api, events, self.show_runs))
        self.executor_page = LazyPage(_executor_page(api, executor))
        self.settings_view = SettingsView()
        self.settings = SettingsController(connection, events, self.settings_view, self)
        for key, widget in (
            ("templates", self.templates_page),
            ("runs", self.runs_view),
            ("dashboard", self.dashboard_page),
            ("executor", self.executor_page),
            ("settings", self.settings_view),
        ):
            self.view.add_page(key, widget)
        self.backups = WorkspaceBackups(connection, events, BackupUi(self.view), self)
        self.go_actions = self.view.add_go_menu()  # after File: File, Go, (Help)
        for key, action in self.go_actions.items():
            action.triggered.connect(partial(self.go_to, key))
        self.view.nav.currentRowChanged.connect(self._nav_changed)
        self.view.nav.itemClicked.connect(self._nav_clicked)
        self._switched = False  # the current page changed since the sidebar was last clicked
        events.connection_changed.connect(self.show_connection)
        events.org_changed.connect(self.show_org)
        events.live_mode_changed.connect(self._live_mode)
        events.connected.connect(self._connected)
        events.open_in_executor.connect(self.open_in_executor)
        self.show_connection(connection.state, connection.state_text)
        self.show_page("runs")
        self.view.close_guard = self.may_close
        self._close_confirmed = False
        self._asking: asyncio.Future | None = None

    def show(self) -> None:
        self.view.show()

    def show_page(self, key: str) -> None:
        index = self.view.page_index(key)
        self.view.nav.setCurrentRow(index)
        self.view.stack.setCurrentIndex(index)
        self._switched = False

    def go_to(self, key: str) -> None:
        """Go → a page (Ctrl+1 … Ctrl+5): that page, the focus in it (left on the page now hidden, the keys
        typed next went nowhere a person could see)."""
        self.show_page(key)
        self.view.focus_into_page()

    @property
    def dashboard(self):
        """The dashboard's controller (the page is built when first shown, or now)."""
        return cast("DashboardView", self.dashboard_page.ensure()).controller

    def dispatch_template(self, template_id: str) -> None:
        """The template list's "Dispatch run…": the dispatch dialog with that template chosen, over the page
        the person is on (they go on with their templates after it)."""
        self.runs.open_dispatch(template_id)

    def show_runs(self, filters: dict, words: str) -> None:
        """The monitor, filtered to exactly the runs a dashboard card or bar counts."""
        self.runs.set_scope(filters, words)
        self.show_page("runs")

    def _nav_changed(self, row: int) -> None:
        browsing = self.view.nav.hasFocus()  # ↑/↓ in the sidebar: the person goes on through the pages
        self.view.stack.setCurrentIndex(row)
        if browsing and not self.view.nav.hasFocus():  # the page shown took it (the Executor's link field)
            self.view.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        self._switched = True

    def _nav_clicked(self) -> None:
        """The page on show clicked again in the sidebar: back to where it starts. The Executor showing a run
        goes back to its inbox (the click did nothing, and the executor, expecting the inbox, pressed what lay
        under "Continue run": "Give up run…"). A click that switched pages shows the page as it was left."""
        switched, self._switched = self._switched, False
        if switched or self.view.stack.currentWidget() is not self.executor_page:
            return
        page = self.executor_page.page
        if page is not None:
            cast("ExecutorPage", page).show_inbox()

    def open_in_executor(self, link: str) -> None:
        """A run link filled in here: the Executor page, the run opened on it (a dispatch's "Fill in here")."""
        from rundun_desktop.executor import links  # the executor's package, imported when first needed

        asyncio.ensure_future(links.open_startup_link(self, link))

    def show_connection(self, state: str, text: str) -> None:
        if state not in (CONNECTED, STARTING):
            # The live updates stop until the server answers again (`_connected` starts them): a server that
            # hung kept its event stream open, and the monitor said "● Live" for a minute (the stream's read
            # timeout) under a status bar that said the server did not answer.
            asyncio.ensure_future(self.live.stop())
        colour = STATE_COLOURS.get(state, "#e03131")
        set_sheet(self.view.connection_dot, f"color: {colour}; font-size: 14px;")
        self.view.connection_text.setText(text)
        self.view.connection_text.setToolTip(text)

    def show_org(self, org: dict) -> None:
        self.view.org_label.setText(org.get("name", ""))
        words, _ = usage_words(org.get("usage") or {})
        self.view.plan_label.setText(self.tr("{0} plan\n{1}").format(org.get("plan", "").capitalize(), words))

    def _live_mode(self, mode: str) -> None:
        self.view.live_text.setText(
            {"stream": self.tr("Live updates"), "polling": self.tr("Polling for updates")}.get(mode, "")
        )

    def _connected(self) -> None:
        asyncio.ensure_future(self.live.restart())
        templates = cast("TemplatesPage | None", self.templates_page.page)
        if templates is not None:  # shown before the server answered (the page restored at start)
            templates.reconnected()

    # -- closing: unsaved template edits are asked about, as the editor's Back button does ----------------
    def may_close(self) -> bool:
        """True when the window may close now; otherwise the question is asked (the close waits for it)."""
        page = cast("TemplatesPage | None", self.templates_page.page)
        if self._close_confirmed or page is None or not page.has_unsaved_changes():
            return True
        if self._asking is None:
            self._asking = asyncio.ensure_future(self._confirm_close(page))
        return False

    async def _confirm_close(self, page) -> None:
        try:
            self.show_page("templates")  # the question is about the template on show
            leave = await page.confirm_leave()  # Save / Discard / Keep editing; a failed save keeps it open
        finally:
            self._asking = None
        if leave:
            self._close_confirmed = True
            self.view.close()

    def current_page(self) -> str:
        current = self.view.stack.currentWidget()
        return current.property("page_key") if current is not None else ""

    def shutdown(self) -> None:
        """Before the client closes: no more requests from pages or app-wide events (and no more questions:
        the app is going)."""
        self._close_confirmed = True
        self.runs.shutdown()
        templates = cast("TemplatesPage | None", self.templates_page.page)
        if templates is not None:
            templates.shutdown()
        if self.dashboard_page.page is not None:
            self.dashboard.shutdown()
        self.backups.shutdown()
        self.events.blockSignals(True)
