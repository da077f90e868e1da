"""Run detail behaviour: load the run (with its template snapshot), fill the panel, load photos
asynchronously, cancel, redeliver webhooks, export the PDF; refresh when live updates touch the run."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox
from qasync import asyncSlot

from rundun_desktop import formatting as fmt
from rundun_desktop import i18n, last_folders
from rundun_desktop.answers import answer_sections, findings_text, photo_key
from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.app_events import AppEvents
from rundun_desktop.history_words import step_histories
from rundun_desktop.monitor import device_words
from rundun_desktop.monitor.detail_view import RunDetailView
from rundun_desktop.monitor.dispatch_controller import link_in_language
from rundun_desktop.monitor.photo_browsing import PhotoBrowser
from rundun_desktop.photos import PhotoStore
from rundun_desktop.widgets.common import ask_save_path, copy_to_clipboard, error_text
from rundun_desktop.widgets.photo import Thumbnail
from server.tdl import OPEN_STATUSES

OPEN = OPEN_STATUSES


AGES_MS = 30_000


def updated_words(run: dict) -> str:
    return f"{fmt.local_time(run.get('updated_at'), True)} ({fmt.relative_time(run.get('updated_at'))})"


def expiry_words(run: dict, now: datetime | None = None) -> str:
    """When the run's link expires. A run in progress past it reads as such: it stays open only for the
    executor who opened it, for the server's offline grace (SPEC §4), and read "Expires 6:25 PM" like any other."""
    expires = fmt.parse_time(run.get("expires_at"))
    if expires is None:
        return QCoreApplication.translate("RunDetailController", "Never")
    when = fmt.local_time(run["expires_at"], True)
    if run.get("status") == "in_progress" and expires <= (now or datetime.now(UTC)):
        return QCoreApplication.translate(
            "RunDetailController",
            "{0}, passed: only the executor who opened it can still send and complete it",
        ).format(when)
    return when


class RunDetailController(QObject):
    run_loaded = Signal(dict)  # the run document now shown
    photos_loaded = Signal(str)  # run_id, once every thumbnail of it has arrived
    pdf_written = Signal(str)  # path
    history_loaded = Signal(str)  # run_id, once its answer history is shown

    def __init__(
        self, api: ApiClient, events: AppEvents, view: RunDetailView, photos: PhotoStore, parent=None
    ):
        super().__init__(parent)
        self.api, self.events, self.view, self.photos = api, events, view, photos
        self.run: dict | None = None
        self.run_id: str | None = None
        self.history: list[dict] = []  # the shown run's history entries (the PDF summarises them)
        self.history_run: str | None = None
        self.writing_pdf = False  # a PDF is being written: another export waits for it to end
        self._seq = 0
        self._from_the_top = False  # the next run shown starts at its top
        self._photo_task: asyncio.Task | None = None
        self.photo_browser = PhotoBrowser(photos, view)  # its window opens over the app's (`view.window()`)
        # The base of run links, as the server hands them out (Settings → Sharing); the app's own address
        # otherwise. Copy link used the app's loopback address even when the links went to phones.
        self.link_base: Callable[[], str] = lambda: self.api.base_url
        view.cancel_button.clicked.connect(self._cancel_clicked)
        view.pdf_button.clicked.connect(self._pdf_clicked)
        view.copy_link_button.clicked.connect(self._copy_link)
        view.refresh_deliveries_button.clicked.connect(self._refresh_deliveries)
        events.runs_changed.connect(self._on_runs_changed)
        # "(just now)" ages with the clock: it said so five minutes later, and after a restart "(6 min ago)" for good.
        self._ages = QTimer(view, interval=AGES_MS)  # the view's: it stops when the view is gone
        self._ages.timeout.connect(self._refresh_age)
        self._ages.start()

    # -- showing a run ----------------------------------------------------------------------------------------
    def clear(self) -> None:
        self._seq += 1
        self.run, self.run_id = None, None
        self.photo_browser.close()
        self.view.show_placeholder()

    @asyncSlot(str)
    async def show_run(self, run_id: str) -> None:
        if run_id != self.run_id:
            self.view.message.clear_message()
            self.photo_browser.close()
            self._from_the_top = True  # another run: its header first, not where the last one was scrolled
        self.run_id = run_id
        await self.refresh()

    async def refresh(self) -> None:
        if not self.run_id:
            return
        self._seq += 1
        seq, run_id = self._seq, self.run_id
        try:
            run = await self.api.get_run(run_id, include_template=True)
        except ApiError as exc:
            if seq == self._seq:
                self.view.show_body()
                self.view.message.show_error(exc)
            return
        if seq != self._seq:
            return  # another run was selected meanwhile
        self.run = run
        self._fill(run)
        if self._from_the_top:  # a live refresh of the same run keeps its place
            self._from_the_top = False
            self.view.verticalScrollBar().setValue(0)
        self.run_loaded.emit(run)
        await self._load_history(seq, run)
        await self._load_deliveries(seq)

    def _fill(self, run: dict) -> None:
        v = self.view
        v.show_body()
        name = (run.get("template") or {}).get("name") or run.get("template_name") or ""
        ref = run.get("executor_ref")
        v.set_header(
            name, run["status"], f"{ref + ' · ' if ref else ''}{run['run_id']}", run["status"] in OPEN
        )
        left = fmt.optional_left(run)  # a completed run's: "1 optional step unanswered" under the bar
        note = fmt.optional_left_words(left) if left else ""
        v.set_progress(fmt.run_progress_fraction(run), fmt.progress_text(run.get("progress")), note)
        facts = [
            (self.tr("Executor"), fmt.identity_text(run.get("executor_identity"))),
            (self.tr("Created"), fmt.local_time(run.get("created_at"), True)),
            (self.tr("Opened"), fmt.local_time(run.get("opened_at"), True)),
            (self.tr("Completed"), fmt.local_time(run.get("completed_at"), True)),
            (self.tr("Expires"), expiry_words(run)),
            (self.tr("Updated"), updated_words(run)),
            (self.tr("Template"), self.tr("version {0}").format(fmt.version_number(run.get("template_v")))),
        ]
        languages = (run.get("template") or {}).get("languages") or []
        if len(languages) > 1 and run.get("language"):
            # Which of the template's languages the executor was sent: a Spanish manager could not tell
            # whether Fatima got her checklist in Arabic or in Spanish.
            facts.append((self.tr("Language"), i18n.tag_with_name(str(run["language"]))))
        sections = answer_sections(run)
        facts.insert(1, (self.tr("Findings"), findings_text(sections)))
        if run.get("cancel_reason"):
            facts.append((self.tr("Cancelled"), fmt.cancel_reason(run["cancel_reason"])))
        v.set_facts(facts)
        v.set_device(device_words.explained(run.get("device")), device_words.colour(run.get("device")))
        tiles = v.set_answers(sections)
        signature = v.set_signature((run.get("signature") or {}).get("url"))
        if signature is not None:
            tiles.append(signature)
        for n, tile in enumerate(tiles):
            tile.clicked.connect(lambda _url, n=n, tiles=tiles: self.open_viewer(tiles, n))
        if self._photo_task is not None:
            self._photo_task.cancel()
        self._photo_task = asyncio.ensure_future(self._load_thumbnails(run["run_id"], tiles))

    def _refresh_age(self) -> None:
        """The shown run's "Updated … (5 min ago)", as time passes (in place: a selection in the facts stays)."""
        value = getattr(self.view, "fact_values", {}).get(self.tr("Updated"))
        if self.run is None or value is None or not self.view.isVisible():
            return
        words = updated_words(self.run)
        if value.text() != words:
            value.setText(words)

    async def _load_thumbnails(self, run_id: str, tiles: list[Thumbnail]) -> None:
        async def one(tile: Thumbnail) -> None:
            try:
                image = await self.photos.thumbnail(tile.url)
            except ApiError as exc:
                with contextlib.suppress(RuntimeError):  # the tile was deleted: another run is shown
                    tile.set_failed(exc.message)
                return
            with contextlib.suppress(RuntimeError):
                tile.set_image(image)

        await asyncio.gather(*(one(t) for t in tiles))
        self.photos_loaded.emit(run_id)

    async def _load_history(self, seq: int, run: dict) -> None:
        """Every write the server received for the run, summarised per step (SPEC §10)."""
        note = ""
        try:
            entries = await self.api.run_history(run["run_id"])
        except ApiError as exc:
            entries = []
            note = (
                self.tr("This server does not keep answer history.")
                if exc.status in (404, 405) and exc.code != "run_not_found"
                else self.tr("The answer history could not be loaded: {0}").format(exc.message)
            )
        if seq != self._seq:
            return
        self.history, self.history_run = entries, run["run_id"]
        self.view.set_history(step_histories(run, entries), note)
        self.history_loaded.emit(run["run_id"])

    async def _load_deliveries(self, seq: int) -> None:
        run_id = self.run_id
        if run_id is None:  # the run was closed before its deliveries were asked for
            return
        try:
            deliveries = await self.api.webhook_deliveries(run_id)
            note = ""
        except ApiError as exc:
            deliveries, note = (
                [],
                (
                    self.tr("This server does not report webhook deliveries.")
                    if exc.status in (404, 405) and exc.code != "run_not_found"
                    else self.tr("Webhook deliveries could not be loaded: {0}").format(exc.message)
                ),
            )
        if seq != self._seq:
            return
        if not deliveries and not note and not (self.run or {}).get("webhook", True):
            note = self.tr("This run was dispatched without a webhook.")
        buttons = self.view.set_deliveries(deliveries, note)
        for delivery_id, redeliver in buttons.items():
            redeliver.clicked.connect(lambda _=False, d=delivery_id: self.redeliver(d))

    @asyncSlot()
    async def _refresh_deliveries(self) -> None:
        await self._load_deliveries(self._seq)

    # -- actions ----------------------------------------------------------------------------------------------
    @asyncSlot(str)
    async def redeliver(self, delivery_id: str) -> None:
        try:
            await self.api.redeliver(delivery_id)
            self.view.message.show_notice(self.tr("Sent again."))
        except ApiError as exc:
            self.view.message.show_error(exc)
        seq = self._seq
        for delay in (0.0, 1.0, 3.0):  # the attempt runs on the server's worker: look again as it lands
            await asyncio.sleep(delay)
            if seq != self._seq:
                return
            await self._load_deliveries(seq)

    def _cancel_clicked(self) -> None:
        if not self.run:
            return
        answer = QMessageBox.question(
            self.view,
            self.tr("Cancel run"),
            self.tr("Cancel the run {0}? Its link stops working and the executor cannot finish it.").format(
                self.run.get("executor_ref") or self.run["run_id"]
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.cancel_run()

    @asyncSlot()
    async def cancel_run(self) -> None:
        if not self.run_id:
            return
        self.view.set_busy(True)
        try:
            run = await self.api.cancel_run(self.run_id)
            self.events.runs_changed.emit(
                [{k: v for k, v in run.items() if k not in ("answers", "signature", "template")}]
            )
            self.view.message.show_notice(self.tr("The run was cancelled."))
        except ApiError as exc:
            self.view.message.show_error(exc)
        finally:
            self.view.set_busy(False)
        # Its header, badge and the words above, where the click was: the focus the busy buttons gave up went
        # to the panel's last button, and the panel scrolled down to it.
        self.view.copy_link_button.setFocus()
        self.view.verticalScrollBar().setValue(0)

    def _copy_link(self) -> None:
        if self.run_id:
            run = self.run if self.run and self.run.get("run_id") == self.run_id else {}
            languages = (run.get("template") or {}).get("languages") or []
            link = f"{self.link_base().rstrip('/')}/r/{self.run_id}"
            copy_to_clipboard(link_in_language(link, run.get("language"), languages))  # as Dispatch showed it
            self.view.message.show_notice(self.tr("Link copied."))

    def _pdf_clicked(self) -> None:
        if not self.run:
            return
        suggested = f"run-{self.run.get('executor_ref') or self.run['run_id']}.pdf"
        path = ask_save_path(
            self.view, self.tr("Export run as PDF"), suggested, "PDF (*.pdf)", last_folders.REPORTS
        )
        if path:
            self.export_pdf(path)

    @asyncSlot(str)
    async def export_pdf(self, path: str) -> None:
        """Write the shown run as a PDF with every photo at print size (downloaded now if not cached): its words
        put together here, its pages laid out and written on a thread of its own (on the GUI thread a run of 50
        photos froze the window for seconds). One at a time: the button is busy until the file is there."""
        if not self.run or self.writing_pdf:
            return
        from rundun_desktop.reports.pdf import photo_urls, prepare_report  # on first export, not at start

        run = self.run
        self.writing_pdf = True
        self.view.set_busy(True)
        self.view.set_writing_pdf(True)
        self.view.message.show_notice(self.tr("Writing the PDF…"))
        thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rundun-pdf")
        try:
            images = {}
            for url in photo_urls(run):
                try:
                    images[photo_key(url)] = await self.photos.full(url, max_side=1400)
                except ApiError:
                    pass  # the report marks it as not available
            report = prepare_report(run, images, self.history if self.history_run == run["run_id"] else None)
            await asyncio.get_running_loop().run_in_executor(thread, report.write, path)
            said = self.tr("Saved to {0}.").format(path)
        except (OSError, ApiError) as exc:
            said = ""
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self.view.message.show_error(
                    self.tr("The PDF could not be written: {0}").format(error_text(exc))
                )
        finally:
            # Not waited for: when the window closes mid-write the file is still completed (or its partial
            # removed) on that thread, which the interpreter joins before Qt's application goes.
            thread.shutdown(wait=False)
            self.writing_pdf = False
            with contextlib.suppress(RuntimeError):
                self.view.set_writing_pdf(False)
                self.view.set_busy(False)
        if said:
            with contextlib.suppress(RuntimeError):
                self.view.message.show_notice(said)
            self.pdf_written.emit(path)

    def open_viewer(self, tiles: list[Thumbnail], index: int) -> None:
        """The photo of `tiles[index]` at full size, in a window that goes through every photo of the run."""
        run = self.run or {}
        photos = [(t.url, t.property("caption") or self.tr("Photo")) for t in tiles]
        self.photo_browser.open(photos, index, run.get("executor_ref") or run.get("run_id") or "")

    def _on_runs_changed(self, runs: list) -> None:
        if self.run_id and any(r.get("run_id") == self.run_id for r in runs):
            self._refresh_soon()

    @asyncSlot()
    async def _refresh_soon(self) -> None:
        await self.refresh()
