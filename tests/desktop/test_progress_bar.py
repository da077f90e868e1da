"""The runs table's progress bar: blue while a run is under way, green once all is answered or once the run is
completed (a completed run that left an optional step unanswered, 9/10, read as one still under way)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem

from rundun_desktop.monitor.delegates import DONE_GREEN, UNDER_WAY_BLUE, ProgressDelegate
from rundun_desktop.monitor.runs_model import ProgressRole, StatusRole


def progress_model(status: str, fraction: float, text: str) -> QStandardItemModel:
    """One progress cell's data, as the runs model gives it to the delegate."""
    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData(fraction, ProgressRole)
    item.setData(status, StatusRole)
    item.setData(text, Qt.ItemDataRole.DisplayRole)
    model.setItem(0, 0, item)
    return model


def bar_colours(qapp, status: str, fraction: float, text: str) -> set[str]:
    model = progress_model(status, fraction, text)
    image = QImage(200, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 200, 30)
    ProgressDelegate().paint(painter, option, model.index(0, 0))
    painter.end()
    return {image.pixelColor(x, 15).name() for x in range(10, 60)}


def test_a_completed_run_with_an_optional_step_left_reads_done(qapp):
    assert DONE_GREEN in bar_colours(qapp, "completed", 0.9, "9/10")
    assert UNDER_WAY_BLUE in bar_colours(qapp, "in_progress", 0.9, "9/10")
    assert DONE_GREEN in bar_colours(qapp, "in_progress", 1.0, "10/10")


def test_right_to_left_the_bar_fills_from_the_right(qapp):
    """In Arabic the bar filled from the left, against the way the row reads, its "n/m" on the right."""
    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData(0.25, ProgressRole)
    item.setData("in_progress", StatusRole)
    item.setData("1/4", Qt.ItemDataRole.DisplayRole)
    model.setItem(0, 0, item)

    def blue_columns(direction: Qt.LayoutDirection) -> list[int]:
        image = QImage(200, 30, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 200, 30)
        option.direction = direction
        ProgressDelegate().paint(painter, option, model.index(0, 0))
        painter.end()
        return [x for x in range(200) if image.pixelColor(x, 15).name() == UNDER_WAY_BLUE]

    ltr, rtl = blue_columns(Qt.LayoutDirection.LeftToRight), blue_columns(Qt.LayoutDirection.RightToLeft)
    assert ltr and rtl
    assert (
        max(ltr) < 100 < min(rtl)
    )  # the quarter done: at the left end left to right, at the right end in RTL
