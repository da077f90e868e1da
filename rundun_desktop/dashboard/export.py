"""The dashboard as a picture (PNG) or as A4 pages (PDF), drawn from the widgets as they are shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QPoint, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QRegion
from PySide6.QtWidgets import QWidget

from rundun_desktop.dashboard.charts import dark_mode


def save_png(widget: QWidget, path: str) -> None:
    if not widget.grab().save(path, "PNG"):
        raise OSError(QCoreApplication.translate("export", "could not write {0}").format(path))


def save_pdf(widget: QWidget, path: str, title: str) -> None:
    """The page drawn on A4 (portrait, 12 mm margins) by the widgets themselves, so text and charts stay
    vector (selectable, sharp when printed), scaled to the page width and cut into as many pages as needed."""
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("Rundun")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(QCoreApplication.translate("export", "could not write {0}").format(path))
    try:
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        scale = area.width() / max(1, widget.width())
        slice_height = int(area.height() / scale)
        top = 0
        while top < widget.height():
            if top:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            if dark_mode():  # paper is white: a dark page keeps its own background
                painter.fillRect(QRectF(0, 0, widget.width(), slice_height), widget.palette().window())
            height = min(slice_height, widget.height() - top)
            widget.render(painter, QPoint(0, 0), QRegion(0, top, widget.width(), height))
            painter.restore()
            top += slice_height
    finally:
        painter.end()
