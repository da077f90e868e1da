"""The inbox's behaviour: open a run from a link (asking for the identity the run needs), list the runs on
this computer with their local and server state, continue, export or remove one, register rundun://."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from rundun_desktop import i18n
from rundun_desktop.executor import links
from rundun_desktop.executor import store as st
from rundun_desktop.executor.inbox_model import InboxModel
from rundun_desktop.executor.inbox_view import InboxView
from rundun_desktop.executor.opening import Identity, IdentityNeeded, accept_language_header, open_run
from rundun_desktop.executor.protocol import ExecutorClient, ProtocolError
from rundun_desktop.executor.store.export import export_failure_words
from rundun_desktop.executor.store.rows import template_model
from rundun_desktop.executor.worker import StoreWorker
from server import tdl

# An open that found its server unreachable is tried again by itself, this long after, doubling up to the cap.
RETRY_OPEN_MS, RETRY_OPEN_CAP_MS = 2_000, 30_000


class InboxController(QObject):
    run_chosen = Signal(str)  # continue this run in the runner

    def __init__(
        self,
        view: InboxView,
        store: StoreWorker,
        client: ExecutorClient,
        current_base_url: Callable[[], str | None],
        wake: Callable[[], None],
        parent: QObject | None = None,
        server_id_for: Callable[[str], str | None] | None = None,
        unreachable: Callable[[str], None] | None = None,
    ):
        super().__init__(parent)
        self.view, self.store, self.client = view, store, client
        self.current_base_url, self.wake = current_base_url, wake
        self.server_id_for = server_id_for
        self.unreachable = unreachable  # a server an open found out of reach: the sync status says so
        self.model = InboxModel(self)
        self._models: dict[str, tdl.Template] = {}
        self._identity_mode: str | None = None
        self._busy = False
        view.table.setModel(self.model)
        view.size_columns()
        view.open_button.clicked.connect(lambda: asyncio.ensure_future(self.open_link(view.link.text())))
        view.continue_button.clicked.connect(self._continue)
        view.table.doubleClicked.connect(lambda _index: self._continue())
        view.table.activated.connect(lambda _index: self._continue())
        view.export_requested.connect(self._export_selected)
        view.remove_button.clicked.connect(lambda: asyncio.ensure_future(self.remove_selected()))
        view.register_button.clicked.connect(self.register_scheme)
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(lambda: asyncio.ensure_future(self.refresh()))
        # A link that could not be opened for want of its server, tried again until it opens or is changed: it
        # was opened only by pressing Open again once the network was back, its "Cannot reach" left standing.
        self._retry_link: str | None = None
        self._retry_wait = RETRY_OPEN_MS
        self._retry_timer = QTimer(self, singleShot=True)
        self._retry_timer.timeout.connect(lambda: asyncio.ensure_future(self._retry_open()))
        self._selection_changed()

    def shutdown(self) -> None:
        """Stop the timer that starts work: the loop is about to end (idempotent)."""
        for timer in (self._refresh_timer, self._retry_timer):
            timer.stop()
            with contextlib.suppress(RuntimeError):  # disconnected already
                timer.timeout.disconnect()

    # -- listing ------------------------------------------------------------------------------------------------
    def refresh_soon(self) -> None:
        if not self._refresh_timer.isActive():  # a throttle, not a debounce: steady news must not starve it
            self._refresh_timer.start()

    async def refresh(self) -> None:
        selected = self.selected_run_id()
        rows = await self.store.call(st.LocalStore.runs)
        for row in rows:
            row["progress"] = await self._progress(row)
        self.model.set_rows(rows)
        self.view.empty.setVisible(not rows)
        self.view.table.setVisible(bool(rows))
        if selected is not None:
            self.select(selected)
        elif rows:
            self.view.table.selectRow(0)
        self._selection_changed()

    async def _progress(self, run: dict) -> dict:
        """Progress from the answers on this computer (they are newer than the server's figure)."""
        model = self._models.get(run["run_id"])
        if model is None:
            model = self._models[run["run_id"]] = template_model(run["snapshot"])
        answers = await self.store.call(st.LocalStore.answers, run["run_id"])
        return tdl.compute_progress(model, answers)

    def select(self, run_id: str) -> None:
        row = self.model.row_of(run_id)
        if row >= 0:
            self.view.table.selectRow(row)

    def selected_run_id(self) -> str | None:
        rows = self.view.table.selectionModel().selectedRows() if self.view.table.selectionModel() else []
        run = self.model.run_at(rows[0].row()) if rows else None
        return run["run_id"] if run else None

    def _selection_changed(self, *_args) -> None:
        run = self.model.run_at(self.model.row_of(self.selected_run_id() or ""))
        self.view.continue_button.setEnabled(run is not None)
        self.view.export_button.setEnabled(run is not None)
        finished = run is not None and run["local_state"] in st.FINISHED
        self.view.remove_button.setEnabled(finished)
        self.view.remove_button.setToolTip(
            self.tr("Forget this finished run on this computer")
            if finished
            else self.tr("Only finished runs can be removed: an unfinished one still has work to send")
        )

    def _continue(self) -> None:
        run_id = self.selected_run_id()
        if run_id:
            self.run_chosen.emit(run_id)

    # -- opening ------------------------------------------------------------------------------------------------
    async def open_link(self, text: str, *, announce: bool = True, retry: bool = False) -> str | None:
        """Open a run from its link; on success (with `announce`) the runner shows it. Problems are shown in
        words. A server out of reach: the link is tried again by itself (`retry`: this is such a try, quiet
        while the server still does not answer)."""
        if self._busy:
            return None
        view = self.view
        if not retry:
            view.message.clear_message()
            self._retry_timer.stop()
            self._retry_link, self._retry_wait = None, RETRY_OPEN_MS
        try:
            link = links.parse_link(text)
        except links.LinkError as exc:
            view.message.show_error(str(exc))
            return None
        identity = None
        if self._identity_mode is not None:
            identity = Identity(
                view.name.text().strip() or None,
                view.email.text().strip() or None,
                view.member_token.text().strip() or None,
            )
        self._busy = True
        view.open_button.setEnabled(False)
        if not retry:
            view.open_button.setText(self.tr("Opening…"))
        try:
            run_id = await open_run(
                self.client,
                self.store,
                link,
                self.current_base_url(),
                identity,
                self.server_id_for,
                accept_language_header(i18n.preferred_languages()),  # after a link's ?lang=, which wins
            )
        except IdentityNeeded as exc:
            self._identity_mode = exc.mode
            view.ask_identity(exc.mode)
            view.message.show_notice(str(exc))
            return None
        except (links.LinkError, ProtocolError) as exc:
            unreachable = isinstance(exc, ProtocolError) and exc.status == 0
            if unreachable:
                base_url = link.base_url or self.current_base_url()
                if self.unreachable is not None and base_url:
                    self.unreachable(base_url)
                self._retry_link = text
                self._retry_timer.start(self._retry_wait)
                self._retry_wait = min(2 * self._retry_wait, RETRY_OPEN_CAP_MS)
            if not (retry and unreachable):
                view.message.show_error(_open_failure(exc))
            return None
        finally:
            self._busy = False
            view.open_button.setEnabled(True)
            view.open_button.setText(self.tr("Open run"))
        self._identity_mode = None
        self._retry_link = None
        view.message.clear_message()  # a retry's: the "Cannot reach" it answers
        view.reset_identity()
        view.link.clear()
        await self.refresh()
        self.select(run_id)
        self.wake()
        if announce:
            self.run_chosen.emit(run_id)
        return run_id

    async def _retry_open(self) -> None:
        """Try again the link whose server did not answer, while it is still the one in the box; the run is
        shown if the inbox is in sight (else it is listed there)."""
        text = self._retry_link
        if text is None or self.view.link.text().strip() != text.strip():
            self._retry_link = None  # another link typed since, or the box emptied: not this one any more
            return
        if self._busy:
            self._retry_timer.start(self._retry_wait)
            return
        await self.open_link(text, announce=self.view.isVisible(), retry=True)

    # -- export, remove, register -------------------------------------------------------------------------------
    def _export_selected(self, folder: Path) -> None:
        run_id = self.selected_run_id()
        if run_id:
            asyncio.ensure_future(self.export(run_id, folder))

    async def export(self, run_id: str, folder: Path) -> Path | None:
        """Export the run into `folder/<run id>`; a failure (a folder not writable, a full disk, the run gone) is
        shown in words."""
        try:
            path = await self.store.call(st.LocalStore.export, run_id, folder / run_id)
        except (st.StoreError, OSError) as exc:
            self.view.message.show_error(
                self.tr("Could not export the run: {0}").format(export_failure_words(exc))
            )
            return None
        self.view.message.show_notice(
            self.tr("Exported to {0}: run.json and the photo files.").format(path.parent)
        )
        return path

    async def remove_selected(self) -> None:
        run_id = self.selected_run_id()
        run = self.model.run_at(self.model.row_of(run_id or ""))
        if run is None or run["local_state"] not in st.FINISHED:
            return
        unsent = run.get("pending_ops", 0) + run.get("failed_ops", 0)
        if unsent and not self.view.confirm_remove(run["template_name"], unsent):
            return
        await self.store.call(st.LocalStore.remove_run, run["run_id"])
        self._models.pop(run["run_id"], None)
        self.view.message.show_notice(
            self.tr("Removed '{0}' from this computer.").format(run["template_name"])
        )
        await self.refresh()

    def register_scheme(self) -> None:
        if not self.view.confirm_register():  # it writes into the user's desktop settings: asked first
            return
        try:
            words = links.register_scheme()
        except OSError as exc:
            self.view.message.show_error(self.tr("Could not register rundun:// links: {0}").format(exc))
            return
        self.view.message.show_notice(words)


def _open_failure(exc: Exception) -> str:
    if isinstance(exc, ProtocolError):
        if exc.status == 0:
            return (
                exc.message
                + QCoreApplication.translate(
                    "inbox", " Opening a run needs the network once; after that it works offline."
                )
                + QCoreApplication.translate("inbox", " It opens by itself as soon as the server answers.")
            )
        prefix = {
            "run_already_opened": QCoreApplication.translate(
                "inbox", "Someone else has already opened this run."
            ),
            "run_expired": QCoreApplication.translate(
                "inbox", "This run has expired; it can no longer be opened."
            ),
            "run_closed": QCoreApplication.translate("inbox", "This run is already finished."),
        }.get(exc.code)
        if prefix:
            return prefix
        return exc.words()
    return str(exc)
