"""The dashboard as a picture (PNG) or as A4 pages (PDF), drawn from the widgets as they are shown."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget

from rundun_desktop.dashboard.charts import dark_mode


def save_png(widget: QWidget, path: str) -> None:
    if not widget.grab().save(path, "PNG"):
        raise OSError(f"could not write {path}")


def save_pdf(widget: QWidget, path: str, title: str) -> None:
    """The page's picture fitted to the A4 width (portrait, 12 mm margins), cut into as many pages as its
    height needs, as the run report prints on A4."""
    image = widget.grab().toImage()
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("Rundun")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setResolution(150)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write {path}")
    try:
        if dark_mode():  # paper is white: a dark page is printed on its own background
            painter.fillRect(painter.viewport(), widget.palette().window())
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        scale = area.width() / max(1, image.width())
        slice_height = int(area.height() / scale)
        top = 0
        while top < image.height():
            if top:
                writer.newPage()
                if dark_mode():
                    painter.fillRect(painter.viewport(), widget.palette().window())
            part = image.copy(0, top, image.width(), min(slice_height, image.height() - top))
            painter.drawImage(QRectF(0, 0, area.width(), part.height() * scale), part)
            top += slice_height
    finally:
        painter.end()
