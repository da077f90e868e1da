"""Batch reports from the runs page (issue 17): the selected runs, or every run of the current filter, as one
PDF or a ZIP of PDFs, with a progress dialog that can cancel (rundun_desktop/reports/batch.py does the work)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QObject, Signal
from qasync import asyncSlot

from rundun_desktop import formatting as fmt
from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.monitor.runs_model import RunsTableModel
from rundun_desktop.monitor.runs_view import RunsView
from rundun_desktop.photos import PhotoStore
from rundun_desktop.widgets.common import error_text

MAX_RUNS = 5000  # a batch beyond this is a job for the CSV export, not for PDFs


class BatchExportController(QObject):
    finished = Signal(str, int)  # path ("" when cancelled or failed), runs written

    def __init__(
        self, api: ApiClient, photos: PhotoStore, view: RunsView, filters: Callable[[], dict], parent=None
    ):
        super().__init__(parent)
        self.api, self.photos, self.view, self.filters = api, photos, view, filters
        self.running = False
        self._cancelled = False
        view.batch_button.clicked.connect(self._clicked)

    def selected_run_ids(self) -> list[str]:
        model = cast(RunsTableModel, self.view.table.model())  # the runs controller sets it
        rows = sorted(index.row() for index in self.view.table.selectionModel().selectedRows())
        runs = [model.run_at(row) for row in rows]
        return [run["run_id"] for run in runs if run]

    async def filtered_run_ids(self) -> list[str]:
        """Every run of the current filter and order (by cursor, not only the rows loaded)."""
        ids: list[str] = []
        after: dict = {}
        while len(ids) < MAX_RUNS:
            body = await self.api.list_runs(per_page=200, include_total=False, **after, **self.filters())
            ids += [run["run_id"] for run in body["data"]]
            cursor = body["pagination"].get("next_cursor")
            if not cursor:
                break
            after = {"after": cursor}
        return ids[:MAX_RUNS]

    def _clicked(self) -> None:
        selected = self.selected_run_ids()
        scope = (
            fmt.count(len(selected), "selected run")
            if len(selected) > 1
            else self.tr("every run of this list")
        )
        path = self.view.ask_batch_path(scope)
        if path:
            self.export(path, selected if len(selected) > 1 else None)

    def cancel(self) -> None:
        self._cancelled = True

    @asyncSlot(str, object)
    async def export(self, path: str, run_ids: list[str] | None = None) -> None:
        from rundun_desktop.reports.batch import Cancelled, export_runs  # on first export, not at start

        if self.running:
            return
        self.running, self._cancelled = True, False
        self.view.batch_button.setEnabled(False)
        progress = self.view.batch_progress()
        progress.canceled.connect(self.cancel)
        written = 0
        try:
            ids = run_ids if run_ids is not None else await self.filtered_run_ids()
            progress.setMaximum(max(1, len(ids)))

            def advance(done: int, total: int, words: str) -> None:
                progress.setValue(done)
                progress.setLabelText(words)

            await export_runs(
                self.api, self.photos, ids, path, on_progress=advance, cancelled=lambda: self._cancelled
            )
            written = len(ids)
            self.view.message.show_notice(
                self.tr("Saved {0} to {1}.").format(fmt.count(written, "run"), path)
            )
            self.finished.emit(path, written)
        except Cancelled:
            self.view.message.show_notice(self.tr("The export was cancelled; nothing was saved."))
            self.finished.emit("", 0)
        except (ApiError, OSError) as exc:
            self.view.message.show_error(
                self.tr("The reports could not be written: {0}").format(error_text(exc))
            )
            self.finished.emit("", 0)
        finally:
            progress.close()
            self.running = False
            self.view.batch_button.setEnabled(True)
