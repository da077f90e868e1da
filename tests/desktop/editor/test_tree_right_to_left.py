"""The structure tree's section rows right to left (Arabic): the title and the step count sit side by side,
the title at the row's start (the right), the count at its end, never one laid over the other."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved


class Recording(QPainter):
    """A painter that keeps where each text was drawn: its rect, alignment, words and font's metrics."""

    def __init__(self, device) -> None:
        super().__init__(device)
        self.texts: list[tuple[QRect, Qt.AlignmentFlag, str, QFontMetrics]] = []

    def drawText(self, *args) -> None:
        if len(args) == 3 and isinstance(args[0], QRect):
            self.texts.append((QRect(args[0]), args[1], args[2], QFontMetrics(self.font())))
        super().drawText(*args)


def span(
    rect: QRect, flags, text: str, metrics: QFontMetrics, direction: Qt.LayoutDirection
) -> tuple[int, int]:
    """The columns the words cover, as Qt lays them out: aligned to the visual side, cut to the rect."""
    width = min(metrics.horizontalAdvance(text), rect.width())
    visual = QStyle.visualAlignment(direction, Qt.AlignmentFlag(flags))
    if visual & Qt.AlignmentFlag.AlignRight:
        return rect.right() - width, rect.right()
    return rect.left(), rect.left() + width


def test_a_sections_title_and_count_sit_side_by_side_right_to_left(drive: Driver, page, client, aloop):
    body = vehicle_inspection()
    body["sections"][0]["title"] = "Exterior walk-around of the whole vehicle, wheels and lights"
    open_saved(aloop, client, page, body)
    tree = drive.view.tree
    index = drive.ctl.model.index(0, 0)
    option = QStyleOptionViewItem()
    option.rect = tree.visualRect(index)
    option.font = tree.font()
    option.palette = tree.palette()
    for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
        option.direction = direction
        picture = QImage(option.rect.right() + 10, option.rect.bottom() + 10, QImage.Format.Format_ARGB32)
        painter = Recording(picture)
        painter.setLayoutDirection(direction)
        tree.itemDelegate().paint(painter, option, index)
        painter.end()
        (title, count) = [span(*t, direction) for t in painter.texts]
        assert "4 steps" in painter.texts[1][2]
        assert title[1] < count[0] or count[1] < title[0], (direction, title, count)
        starts_right = title[0] > count[0]
        assert starts_right == (direction == Qt.LayoutDirection.RightToLeft)
