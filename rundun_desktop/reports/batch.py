"""Many runs' reports at once (issue 17): one PDF with the runs one after another (each starting on a new
page), or a ZIP with one PDF per run, with progress and cancel.

Each run is fetched (document, history, photos) over the API while the previous one is laid out. The
laying out and the writing happen on one thread of their own (`ReportFile`): a run's QTextDocument layout,
its pages drawn into the PDF and the compression of its photos take 10 ms to a fifth of a second of CPU
(the first one loads the fonts), which on the GUI thread froze the window once per run; the GUI thread
only fetches, puts each report's words together (`prepare_report`: the app's translators are switched to the
run's language for them, which only the GUI thread may do) and moves the progress bar. Qt's documents, painters
and PDF writers work on any one thread that makes and keeps them (QImage, decoded off the GUI thread by
`PhotoStore`, is shared safely).
A cancelled or failed export leaves no file behind: it is written under a temporary name and renamed only
when complete.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPdfWriter

from rundun_desktop.answers import photo_key
from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.photos import PhotoStore
from rundun_desktop.reports.pdf import (
    LAYOUT_DPI,
    Report,
    new_writer,
    photo_urls,
    prepare_report,
    report_document,
)

Progress = Callable[[int, int, str], None]  # done, total, what is being done


class Cancelled(Exception):
    """The user cancelled the export; nothing was written."""


class RunPages:
    """Lays run reports out page after page on one writer (what `QTextDocument.print_` does for one)."""

    def __init__(self, writer: QPdfWriter):
        self.writer = writer
        rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
        self.page = rect.size() * (LAYOUT_DPI / 72)
        self.scale = writer.resolution() / LAYOUT_DPI
        self.painter: QPainter | None = None

    def add(self, report: Report) -> None:
        doc = report_document(report.markup, report.language, report.images)
        doc.setPageSize(self.page)
        height = self.page.height()
        for number in range(doc.pageCount()):
            if self.painter is None:
                self.painter = QPainter(self.writer)
            else:
                self.writer.newPage()
            painter = self.painter
            painter.save()
            painter.scale(self.scale, self.scale)
            painter.translate(0, -number * height)
            doc.drawContents(painter, QRectF(0, number * height, self.page.width(), height))
            painter.restore()

    def finish(self) -> None:
        if self.painter is None:  # no run at all: an empty page rather than no valid PDF
            self.painter = QPainter(self.writer)
        self.painter.end()
        self.painter = None  # the writer is freed here, on the thread that made it


class ReportFile:
    """The batch's file: a ZIP of PDFs (`.zip`) or one PDF, under `partial` until it is complete. Every method
    runs on the export's own thread, which makes, uses and frees all of its Qt objects."""

    def __init__(self, partial: Path, as_zip: bool, title: str):
        self.partial, self.as_zip, self.title = partial, as_zip, title
        self.archive: zipfile.ZipFile | None = None
        self.pages: RunPages | None = None
        self.taken: set[str] = set()

    def open(self) -> None:
        if self.as_zip:
            self.archive = zipfile.ZipFile(self.partial, "w", zipfile.ZIP_DEFLATED)
        else:
            self.pages = RunPages(new_writer(str(self.partial), self.title))

    def add(self, run: dict, report: Report) -> None:
        if self.archive is not None:
            self.archive.writestr(entry_name(run, self.taken), run_pdf_bytes(report))
        elif self.pages is not None:
            self.pages.add(report)

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
        if self.pages is not None:
            self.pages.finish()
        self.archive = self.pages = None

    def discard(self) -> None:
        self.close()
        with contextlib.suppress(OSError):
            self.partial.unlink()


def run_pdf_bytes(report: Report) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pages = RunPages(new_writer(buffer, report.title))
    pages.add(report)
    pages.finish()
    buffer.close()
    return bytes(data.data())


async def fetch_report(api: ApiClient, photos: PhotoStore, run_id: str) -> tuple[dict, dict, list[dict]]:
    """A run's document (with its template), its photos at print size and its history."""
    run = await api.get_run(run_id, include_template=True)
    images: dict[str, QImage] = {}
    for url in photo_urls(run):
        with contextlib.suppress(ApiError):  # the report says "not available"
            images[photo_key(url)] = await photos.full(url, max_side=1400)
    try:
        history = await api.run_history(run_id)
    except ApiError:
        history = []
    return run, images, history


def entry_name(run: dict, taken: set[str]) -> str:
    """`<executor ref or run id>.pdf`, unique inside the ZIP."""
    base = "".join(
        c if c.isalnum() or c in "-_." else "_" for c in (run.get("executor_ref") or run["run_id"])
    )
    name, n = f"{base}.pdf", 1
    while name in taken:
        n += 1
        name = f"{base}-{n}.pdf"
    taken.add(name)
    return name


async def export_runs(
    api: ApiClient,
    photos: PhotoStore,
    run_ids: list[str],
    path: str | Path,
    *,
    on_progress: Progress,
    cancelled: Callable[[], bool],
) -> Path:
    """Write the runs' reports to `path`: a ZIP of PDFs when it ends in `.zip`, else one PDF."""
    path = Path(path)
    total = len(run_ids)
    target = ReportFile(path.with_name(f".{path.name}.part"), path.suffix.lower() == ".zip", f"{total} runs")
    thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rundun-reports")
    loop = asyncio.get_running_loop()
    next_report: asyncio.Future | None = None
    try:
        await loop.run_in_executor(thread, target.open)
        for index, run_id in enumerate(run_ids):
            if cancelled():
                raise Cancelled()
            on_progress(
                index, total, QCoreApplication.translate("batch", "Run {0} of {1}").format(index + 1, total)
            )
            report = await (next_report or fetch_report(api, photos, run_id))
            if index + 1 < total:  # the next run downloads while this one is laid out
                next_report = asyncio.ensure_future(fetch_report(api, photos, run_ids[index + 1]))
            else:
                next_report = None
            run, images, history = report
            await loop.run_in_executor(thread, target.add, run, prepare_report(run, images, history))
        if cancelled():
            raise Cancelled()
        await loop.run_in_executor(thread, target.close)
    except BaseException:
        if next_report is not None:
            next_report.cancel()
        # On the export's thread too, after the run in hand (also when this task itself is cancelled).
        await asyncio.shield(loop.run_in_executor(thread, target.discard))
        raise
    finally:
        thread.shutdown(wait=False)
    os.replace(target.partial, path)
    on_progress(total, total, QCoreApplication.translate("batch", "Done"))
    return path
