"""Runs page behaviour: feed the table model from the server (pages, filters, order), apply live
changes, open the detail and the dispatch dialog, export the filtered list as CSV."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from qasync import asyncSlot

from rundun_desktop import formatting as fmt
from rundun_desktop import last_folders
from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.app_events import AppEvents
from rundun_desktop.last_webhook import LastWebhooks
from rundun_desktop.live import STREAM
from rundun_desktop.monitor.batch_controller import BatchExportController
from rundun_desktop.monitor.detail_controller import RunDetailController
from rundun_desktop.monitor.dispatch_controller import DispatchController
from rundun_desktop.monitor.runs_model import (
    COL_CREATED,
    DEFAULT_SORT,
    SORT_KEYS,
    RunsTableModel,
    matches,
)
from rundun_desktop.monitor.runs_view import RunsView
from rundun_desktop.photos import PhotoStore
from rundun_desktop.theme import set_sheet
from rundun_desktop.widgets.common import ask_save_path, error_text, fill_template_combo
from rundun_desktop.widgets.rows_in_place import RowsInPlace

SUMMARY_ONLY = ("answers", "signature", "template")


def _has_details(run: dict) -> bool:
    return any(key in run for key in SUMMARY_ONLY)


NOTICE_SHOWN = 8000  # ms a notice (the export's) stays under the list
CAUGHT_AT_MOST = 5000  # live changes kept for a first page on its way (see `_catch_up`)
# Live changes applied per frame: a burst of 20,000 takes 100 frames, none long. At 400 a frame, rows leaving a
# filtered list from all over it held the GUI thread 50-70 ms a frame (and 103 ms once on a busy machine);
# at 200, 32-38 ms, the burst over in the same time (tests/desktop/test_monitor_filters_live.py).
FRAME_BUDGET = 200


class RunsController(QObject):
    page_loaded = Signal(int)  # a page arrived (tests and the benchmark wait on it)
    csv_written = Signal(str, int)  # path, rows

    def __init__(
        self,
        api: ApiClient,
        events: AppEvents,
        view: RunsView,
        *,
        page_size: int = 200,
        max_cached_rows: int = 5000,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.api, self.events, self.view = api, events, view
        self.model = RunsTableModel(page_size, max_cached_rows, self)
        self.photos = PhotoStore(api)
        self.detail = RunDetailController(api, events, view.detail, self.photos, self)
        # The webhook last dispatched, the app's (none: a page tested alone remembers no webhook)
        self.webhooks: LastWebhooks | None = None
        self.batch = BatchExportController(api, self.photos, view, self.filters, self)
        self.dispatch_controller: DispatchController | None = None
        self._active = False
        self._refreshing = False  # a Refresh's first page on its way (see refresh)
        self._closing = False  # shut down: live changes still queued reach the rows, no request goes out
        self._templates_asked: set[str] = set()  # templates of runs listed that the filter did not offer
        self.scope: dict = {}  # filters without a control here (a dashboard click): see set_scope
        self.scope_words = ""
        self.has_templates: bool | None = None  # None: not known yet
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(350)
        self._search_timer.timeout.connect(self._controls_changed)
        # The count label's request waits until the user stays on a query: at a million runs the count costs
        # more than a page, and one still running would slow the rows of the next sort or filter.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)
        self._count_timer.timeout.connect(lambda: self._load_count(self.model.generation))
        # Live changes wait for the next frame (16 ms) and reach the model together.
        self._pending: dict[str, dict] = {}
        # Runs to put in or drop while the pointer is over the list: they wait until it leaves (RowsInPlace).
        self._held: dict[str, dict] = {}
        self._out_of_order: set[str] = set()  # in an order other than the default: runs not in their place
        # Live changes that came while the list's first page was on its way (None: no page 1 awaited). The page
        # was read before some of them: they are put in again once it lands (see `_catch_up`).
        self._caught: dict[str, dict] | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(16)
        self._flush_timer.timeout.connect(self.flush_changes)

        view.table.setModel(self.model)
        self.rows_in_place = RowsInPlace(view.table)  # live runs put above do not push the rows in sight away
        self.rows_in_place.released.connect(self._release_held)
        # The export's notice goes after a while: it said "Exported 117 runs" still when the list had 120.
        self._notice_timer = QTimer(view)  # it goes with the view it clears
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self._notice_ends)
        self._notice = ""
        self.notice_shown = NOTICE_SHOWN
        view.size_columns()
        header = view.table.horizontalHeader()
        header.setSortIndicator(COL_CREATED, Qt.SortOrder.DescendingOrder)
        view.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.model.more_wanted.connect(self._load_page)
        self.model.page_wanted.connect(self._load_page)
        self.model.sort_wanted.connect(lambda _key: self.reload())
        self.model.modelReset.connect(self._update_counts)
        self.model.rowsInserted.connect(self._update_counts)
        self.model.rowsRemoved.connect(self._update_counts)
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        view.detail.close_button.clicked.connect(self.close_detail)
        closing = QShortcut(QKeySequence(Qt.Key.Key_Escape), view)
        closing.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # not in the dialogs it opens
        closing.activated.connect(self.close_detail)
        view.status_filter.currentIndexChanged.connect(self._controls_changed)
        view.template_filter.currentIndexChanged.connect(self._controls_changed)
        view.device_filter.toggled.connect(self._controls_changed)
        view.findings_filter.currentIndexChanged.connect(self._controls_changed)
        view.search.textChanged.connect(lambda _t: self._search_timer.start())
        view.search.returnPressed.connect(self._controls_changed)
        view.refresh_button.clicked.connect(self.refresh)
        # Refresh reads the templates too: those made elsewhere join the filter, and the empty list's words.
        view.refresh_button.clicked.connect(self.load_templates)
        view.order_notice.linkActivated.connect(lambda _link: self.refresh())
        # The template filter is read again each time the page shows: templates made or deleted on the Templates
        # page meanwhile stayed out of it (or in it) until the app restarted.
        view.installEventFilter(self)
        view.dispatch_button.clicked.connect(
            lambda: self.open_dispatch()
        )  # not clicked(bool) as the template
        view.export_button.clicked.connect(self._export_clicked)
        events.runs_changed.connect(self.apply_changes)
        events.run_dispatched.connect(self._on_dispatched)
        events.connected.connect(self._on_connected)
        events.live_mode_changed.connect(self._live_mode)

    def shutdown(self) -> None:
        """Stop asking the server for anything (the app is closing; the loop may be gone next). Again is a no-op
        (a second disconnect of the model's signals warned "Failed to disconnect")."""
        if self._closing:
            return
        self._closing = True
        self._search_timer.stop()
        self._count_timer.stop()
        self._flush_timer.stop()
        self._notice_timer.stop()
        self.model.blockSignals(True)
        for signal in (self.model.more_wanted, self.model.page_wanted, self.model.sort_wanted):
            signal.disconnect()

    # -- loading ----------------------------------------------------------------------------------------------
    def filters(self) -> dict:
        v = self.view
        return {
            "status": v.status_filter.currentData(),
            "template_id": v.template_filter.currentData(),
            # The first letters of a reference find it (an exact one too: it starts with itself).
            "executor_ref_prefix": v.search.text().strip() or None,
            "waiting_on_device": True if v.device_filter.isChecked() else None,
            "flagged": v.findings_filter.currentData(),
            "sort": self.model.sort_key,
            **self.scope,
        }

    def set_scope(self, filters: dict, words: str = "") -> None:
        """Show exactly the runs a dashboard card or bar counts: status, template and executor ref go into their
        controls (findings too); the rest (created_since/before, template_v) stays until a control changes.
        The executor ref stays exact in the scope too (the box alone finds by prefix: van-1 would bring van-10
        into a count of van-1's runs), until the box or another control changes."""
        v = self.view
        for combo, key in ((v.status_filter, "status"), (v.template_filter, "template_id")):
            combo.blockSignals(True)
            if filters.get(key) and combo.findData(filters[key]) < 0:  # a template newer than the list:
                combo.addItem(filters[key], filters[key])  # its id until the list (reloaded below) names it
                self.load_templates()
            combo.setCurrentIndex(combo.findData(filters[key]) if filters.get(key) else 0)
            combo.blockSignals(False)
        v.search.blockSignals(True)
        v.search.setText(filters.get("executor_ref") or "")
        v.search.blockSignals(False)
        v.findings_filter.blockSignals(True)
        flagged = filters.get("flagged")
        v.findings_filter.setCurrentIndex(0 if flagged is None else 1 if flagged else 2)
        v.findings_filter.blockSignals(False)
        self.scope = {k: val for k, val in filters.items() if k not in ("status", "template_id", "flagged")}
        self.scope_words = words if set(self.scope) - {"executor_ref"} else ""
        self.reload()

    def _controls_changed(self, *_args) -> None:
        self.scope, self.scope_words = {}, ""
        self.reload()

    def reload(self, first_page: dict | None = None) -> None:
        """Start over with the current filters and order (the model asks for page 1 itself, unless
        `first_page` is its answer already). The detail stays on its run while the run is one of the list's:
        after a dashboard's click-through it showed a pending run beside a list of completed ones."""
        self._search_timer.stop()
        self._count_timer.stop()
        self._active = True
        self._out_of_order.clear()
        self._say_out_of_order()
        self._held.clear()
        self._say_held()
        self.view.message.clear_message()
        if self.detail.run is not None and matches(self.detail.run, self.filters()) is False:
            self.close_detail()
        caught = self._caught if first_page is not None else None  # a Refresh's: caught since it asked
        self.model.reset()
        self._caught = {} if caught is None else caught
        if first_page is None:
            self.model.fetchMore()
        else:
            self._show_page(1, first_page, self.model.generation, start=0, request={"page": 1})

    @asyncSlot()
    async def refresh(self) -> None:
        """The same list again (Refresh, "Sort them in", the connection back): its rows stay in sight until
        the server's first page replaces them. Started over at once, a server that did not answer emptied
        the list for as long as it took, then left it empty beside "Runs could not be loaded"."""
        if self._refreshing:
            return  # one at a time: Refresh pressed again while the server takes its time
        filters, generation = self.filters(), self.model.generation
        self._refreshing = True  # (the button stays enabled: its click also reads the templates again)
        if self._caught is None:
            self._caught = {}
        try:
            body = await self.api.list_runs(
                page=1, per_page=self.model.page_size, include_total=False, **filters
            )
        except ApiError as exc:
            if generation == self.model.generation:
                self.view.message.show_error(self.tr("Runs could not be loaded. {0}").format(error_text(exc)))
                if self.model.answered:
                    self._caught = None  # the rows shown stay, live changes reach them: nothing to catch up
            return
        finally:
            self._refreshing = False
        if generation == self.model.generation and filters == self.filters():
            self.reload(first_page=body)  # else the filters changed meanwhile, and their own reload answers

    def close_detail(self) -> None:
        """The detail closed (its × or Escape): the list has its room and its columns back."""
        self.view.table.clearSelection()
        self.detail.clear()

    @asyncSlot(int)
    async def _load_page(self, page: int) -> None:
        generation = self.model.generation
        # No count with the rows: at a million runs it costs more than the page itself. It follows page 1.
        request, start = self.model.page_request(page)
        request = {"page": 1, **request, "include_total": False}
        try:
            body = await self.api.list_runs(per_page=self.model.page_size, **request, **self.filters())
        except ApiError as exc:
            self.model.fetch_failed(page, generation)
            if generation == self.model.generation:
                self.view.message.show_error(self.tr("Runs could not be loaded. {0}").format(error_text(exc)))
            return
        self._show_page(page, body, generation, start=start, request=request)

    def _show_page(self, page: int, body: dict, generation: int, *, start: int, request: dict) -> None:
        """The server's answer for `page` into the list (dropped when the list started over meanwhile)."""
        if generation != self.model.generation:
            return
        self.view.message.clear_message()
        paging = body["pagination"]
        more = paging.get("next_cursor") is not None or paging.get("next_page") is not None
        self.model.add_page(
            page,
            body["data"],
            paging["total"],
            generation,
            start=start,
            next_cursor=paging.get("next_cursor"),
            more=more,
        )
        self._update_counts()
        self._name_new_templates(body["data"])
        if page == 1 and "after" not in request:
            self._catch_up()
        self.page_loaded.emit(page)
        if page == 1 and "after" not in request and self.model.total is None:
            self._count_timer.start()

    @asyncSlot(int)
    async def _load_count(self, generation: int) -> None:
        """The count label's number: a one-row request that counts, sent once the first rows are shown."""
        try:
            body = await self.api.list_runs(page=1, per_page=1, **self.filters())
        except ApiError:
            return  # the label stays empty; the rows themselves report connection problems
        if generation == self.model.generation and body["pagination"]["total"] is not None:
            self.model.set_total(body["pagination"]["total"], generation)
            self._update_counts()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.load_templates()
        return super().eventFilter(watched, event)

    @asyncSlot()
    async def load_templates(self) -> None:
        try:
            templates = await self.api.all_templates()
        except ApiError:
            return  # the filter keeps what it had; the list itself reports the connection problem
        chosen = self.view.template_filter.currentData()
        fill_template_combo(self.view.template_filter, templates)
        self.has_templates = bool(templates)
        if chosen is not None and self.view.template_filter.currentData() != chosen:
            self._controls_changed()  # the template filtered on was deleted: the list shows every run again
        self._update_counts()

    def _name_new_templates(self, runs: list[dict]) -> None:
        """Read the templates again when runs of one the filter does not offer come in (made through the API
        or by another supervisor while the page was shown: the filter offered only "All templates" beside
        their runs). Once for each such template, however many of its runs arrive."""
        if self._closing:
            return
        combo = self.view.template_filter
        named = {str(r["template_id"]) for r in runs if r.get("template_id")}
        unknown = {t for t in named if combo.findData(t) < 0 and t not in self._templates_asked}
        if unknown:
            self._templates_asked |= unknown
            self.load_templates()

    def _on_connected(self) -> None:
        if self._closing:
            return
        self.load_templates()
        self.refresh()

    def _catch_up(self) -> None:
        """The first page landed: the live changes that came while it was on its way go in again, but those
        older than the row the page brought. The page was read at some moment of its flight: a run dispatched
        after it was not in it, and its live change, come before the page, had found no list to join (or joined
        the rows the page then replaced), so the run never showed (the live stream tells a change once)."""
        caught, self._caught = self._caught or {}, None
        fresher = []
        for run in caught.values():
            row = self.model.row_of(run["run_id"])
            shown = self.model.run_at(row) if row is not None else None
            if shown is None or shown["updated_at"] <= run["updated_at"]:
                fresher.append(run)
        if fresher:
            self.apply_changes(fresher)

    # -- live -------------------------------------------------------------------------------------------------
    def apply_changes(self, runs: list) -> None:
        """Queue live changes; they reach the model together on the next frame (`flush_changes`), so a burst
        of thousands of events costs one model update, not one per run."""
        for run in runs:
            summary = {k: v for k, v in run.items() if k not in SUMMARY_ONLY} if _has_details(run) else run
            self._pending.pop(summary["run_id"], None)  # the latest state, in the latest position
            self._pending[summary["run_id"]] = summary
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush_changes(self) -> None:
        """Apply what `apply_changes` queued: one `dataChanged` for loaded rows, one insertion per place. At most
        `FRAME_BUDGET` runs a frame: a bigger burst is spread over the next frames, so none is long.

        A filtered list follows its filters live, as the server would list it: a run that stops matching leaves
        ("Pending" kept a run in progress), one that comes to match joins in its place (a run completed with a
        finding showed under "With findings" only after a refresh, and none at all under a dashboard's day)."""
        if len(self._pending) <= FRAME_BUDGET:
            pending, self._pending = list(self._pending.values()), {}
        else:
            ids = list(itertools.islice(self._pending, FRAME_BUDGET))
            pending = [self._pending.pop(run_id) for run_id in ids]
            self._flush_timer.start()
        self._name_new_templates(pending)
        if self._caught is not None:  # a first page on its way may not hold these: kept for `_catch_up`
            for run in pending:
                self._caught.pop(run["run_id"], None)
                self._caught[run["run_id"]] = run
            while len(self._caught) > CAUGHT_AT_MOST:  # a first page that keeps failing: the oldest go
                del self._caught[next(iter(self._caught))]
        filters = self.filters()
        fits = {run["run_id"]: matches(run, filters) for run in pending}
        if self.rows_in_place.holding:
            # Nothing put in or dropped under the pointer: at the top each new run pushed every row down one,
            # and a click aimed at a run selected another. Loaded runs still change in their rows.
            moving = [
                run
                for run in pending
                if fits[run["run_id"]] is False or self.model.row_of(run["run_id"]) is None
            ]
            for run in moving:
                self._held.pop(run["run_id"], None)
                self._held[run["run_id"]] = run
            kept = {run["run_id"] for run in moving}
            pending = [run for run in pending if run["run_id"] not in kept]
            self._say_held()
        self.model.remove_runs(run_id for run_id, fit in fits.items() if fit is False)
        staying = [run for run in pending if fits[run["run_id"]] is not False]
        moved = self._moved_in_order(staying)
        missing = self.model.update_runs(staying)
        if not (self._active and self.model.answered):
            return
        # Where a run not loaded belongs is told in the default order (newest first) only. In another order the
        # list says how many runs arrived or moved and offers to sort them in (it stopped following the server
        # there: a run dispatched under "Executor ref" order never showed, under "● Live").
        if self.model.sort_key == DEFAULT_SORT:
            self.model.place_runs([run for run in missing if fits[run["run_id"]]])
        else:
            self._out_of_order.update(moved, (run["run_id"] for run in missing if fits[run["run_id"]]))
            self._say_out_of_order()

    def _release_held(self) -> None:
        """The pointer left the list: what waited is put in (or dropped) now."""
        held, self._held = self._held, {}
        self._say_held()
        if held:
            self.apply_changes(list(held.values()))

    def _say_held(self) -> None:
        new = sum(1 for run_id in self._held if self.model.row_of(run_id) is None)
        self.view.held_notice.setVisible(bool(new) and self.model.sort_key == DEFAULT_SORT)
        if new:
            self.view.held_notice.setText(
                self.tr("New: {0}, shown when the pointer leaves the list").format(fmt.count(new, "run"))
            )

    def _moved_in_order(self, runs: list[dict]) -> list[str]:
        """The loaded runs among `runs` whose value in the list's order changes (their row is then out of
        place); none in the default order, where `created_at` never changes."""
        key = self.model.sort_key.lstrip("-")
        if self.model.sort_key == DEFAULT_SORT:
            return []
        held = ((run, self.model.row_of(run["run_id"])) for run in runs)
        return [
            run["run_id"]
            for run, row in held
            if row is not None and (shown := self.model.run_at(row)) and shown.get(key) != run.get(key)
        ]

    def _say_out_of_order(self) -> None:
        if not self._out_of_order:
            self.view.order_notice.hide()
            return
        self.view.order_notice.setText(
            self.tr("New or changed since this order was read: {0}. <a href='#'>Sort them in</a>").format(
                fmt.count(len(self._out_of_order), "run")
            )
        )
        self.view.order_notice.show()
        self._count_timer.start()  # the count follows the server's

    @asyncSlot(dict)
    async def _on_dispatched(self, result: dict) -> None:
        try:
            run = await self.api.get_run(result["run_id"])
        except ApiError:
            return
        self.apply_changes([run])

    def _live_mode(self, mode: str) -> None:
        self.view.live_label.setText(
            {"stream": self.tr("● Live"), "polling": self.tr("◌ Polling")}.get(mode, "")
        )
        set_sheet(self.view.live_label, "color: #2f9e44;" if mode == STREAM else "color: #8a93a6;")
        self.view.live_label.setToolTip(
            self.tr("Updates stream from the server as they happen.")
            if mode == STREAM
            else self.tr("The event stream is unavailable: checking for changes every few seconds.")
        )

    # -- selection, sort, counts --------------------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.table.selectionModel().selectedRows()
        run = self.model.run_at(rows[0].row()) if rows else None
        if run:
            self.detail.show_run(run["run_id"])

    def select_run(self, run_id: str) -> bool:
        row = self.model.row_of(run_id)
        if row is None:
            return False
        # Through the selection model, not QTableView.selectRow: in a right-to-left layout selectRow looks
        # for its first column at the viewport's far edge and, finding none there, selects nothing.
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.table.selectionModel().select(self.model.index(row, 0), flags)
        return True

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column not in SORT_KEYS:  # not sortable by the server: put the indicator back
            key = self.model.sort_key.lstrip("-")
            current = next(c for c, k in SORT_KEYS.items() if k == key)
            desc = self.model.sort_key.startswith("-")
            header = self.view.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                current, Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(False)

    def _update_counts(self, *_args) -> None:
        total = self.model.total
        count = "" if total is None else fmt.count(total, "run")
        self.view.count_label.setText(" · ".join(t for t in (count, self.scope_words) if t))
        empty = total == 0
        self.view.empty_label.setVisible(empty)
        if empty:
            filters = {k: v for k, v in self.filters().items() if k != "sort" and v}
            self.view.empty_label.setText(
                self.tr("No run's executor ref starts with “{0}”.").format(filters["executor_ref_prefix"])
                if set(filters) == {"executor_ref_prefix"}
                else self.tr("No runs match these filters.")
                if filters
                else self.tr(
                    "No runs yet, and no template to dispatch: make one on the Templates page first, or start "
                    "from the library there."
                )
                if self.has_templates is False
                else self.tr("No runs yet. Dispatch one to get a link for an executor.")
            )

    # -- dispatch and export ----------------------------------------------------------------------------------
    def open_dispatch(self, template_id: str | None = None) -> DispatchController:
        """The dispatch dialog, with `template_id` chosen (else the template the list is filtered to)."""
        chosen = template_id or self.view.template_filter.currentData()
        self.dispatch_controller = DispatchController(
            self.api, self.events, self.view.window(), chosen, webhooks=self.webhooks
        )
        self.dispatch_controller.open()
        return self.dispatch_controller

    def _notice_ends(self) -> None:
        if self.view.message.text() == self._notice:  # an error shown since stays
            self.view.message.clear_message()

    def _export_clicked(self) -> None:
        path = ask_save_path(
            self.view, self.tr("Export runs as CSV"), "runs.csv", "CSV (*.csv)", last_folders.CSV
        )
        if path:
            self.export_csv(path)

    @asyncSlot(str)
    async def export_csv(self, path: str) -> None:
        """Every run matching the current filters (not only the loaded rows), in the current order."""
        from rundun_desktop.reports.csv_export import (  # on first export, not at start
            write_header,
            write_rows,
        )

        filters = self.filters()
        self.view.export_button.setEnabled(False)
        written = 0
        try:
            out = await asyncio.to_thread(open, path, "w", newline="", encoding="utf-8")
            try:
                writer = write_header(out)
                after: dict = {}  # by cursor: every page as quick as the first, however many runs
                while True:
                    body = await self.api.list_runs(per_page=200, include_total=False, **after, **filters)
                    written += await asyncio.to_thread(write_rows, writer, body["data"])
                    self.view.export_button.setText(self.tr("Exporting… {0}").format(fmt.number(written)))
                    cursor = body["pagination"].get("next_cursor")
                    if not cursor:
                        break
                    after = {"after": cursor}
            finally:
                await asyncio.to_thread(out.close)
            self._notice = self.tr("Exported {0} to {1}.").format(fmt.count(written, "run"), Path(path).name)
            self.view.message.show_notice(self._notice)
            self._notice_timer.start(self.notice_shown)
            self.csv_written.emit(path, written)
        except (ApiError, OSError) as exc:
            self.view.message.show_error(self.tr("The CSV export failed: {0}").format(error_text(exc)))
        finally:
            self.view.export_button.setEnabled(True)
            self.view.export_button.setText(self.tr("Export CSV"))
