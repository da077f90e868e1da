"""Many runs' reports at once (issue 17): one PDF with the runs one after another (each starting on a new
page), or a ZIP with one PDF per run, with progress and cancel.

Each run is fetched (document, history, photos) over the API while the previous one is laid out; the
laying out of one run (a fraction of a second) is the only work on the GUI thread, and the loop yields
between runs, so 500 runs never freeze the window. A cancelled or failed export leaves no file behind:
it is written under a temporary name and renamed only when complete.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPdfWriter

from rundun_desktop.answers import photo_key
from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.photos import PhotoStore
from rundun_desktop.reports.pdf import LAYOUT_DPI, build_document, new_writer, photo_urls

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

    def add(self, run: dict, images: dict[str, QImage], history: list[dict] | None) -> None:
        doc = build_document(run, images, history)
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


def run_pdf_bytes(run: dict, images: dict[str, QImage], history: list[dict] | None) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pages = RunPages(
        new_writer(buffer, QCoreApplication.translate("batch", "Run {0}").format(run.get("run_id", "")))
    )
    pages.add(run, images, history)
    pages.finish()
    buffer.close()
    return bytes(data)


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
    partial = path.with_name(f".{path.name}.part")
    as_zip = path.suffix.lower() == ".zip"
    total = len(run_ids)
    archive = zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) if as_zip else None
    pages = None if as_zip else RunPages(new_writer(str(partial), f"{total} runs"))
    taken: set[str] = set()
    try:
        next_report: asyncio.Task | None = None
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
            if archive is not None:
                data = run_pdf_bytes(*report)
                await asyncio.to_thread(archive.writestr, entry_name(report[0], taken), data)
            else:
                assert pages is not None
                pages.add(*report)
            await asyncio.sleep(0)  # let the window paint and take clicks between runs
        if cancelled():
            raise Cancelled()
    except BaseException:
        if next_report is not None:
            next_report.cancel()
        if archive is not None:
            archive.close()
        if pages is not None:
            pages.finish()
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    if archive is not None:
        await asyncio.to_thread(archive.close)
    if pages is not None:
        pages.finish()
    os.replace(partial, path)
    on_progress(total, total, QCoreApplication.translate("batch", "Done"))
    return path
