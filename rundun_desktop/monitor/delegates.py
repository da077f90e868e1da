"""Table cell painters: the status pill and the progress bar of the runs table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rundun_desktop import formatting as fmt
from rundun_desktop.monitor.runs_model import ProgressRole, StatusRole
from rundun_desktop.theme import colour


def _background(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """The cell as the style draws an empty one: its selection or alternate colour and the stylesheet's line
    under the row (the pill's and the bar's cells were filled by hand, and the row's line broke under them)."""
    panel = QStyleOptionViewItem(option)
    panel.text, panel.icon, panel.features = "", QIcon(), QStyleOptionViewItem.ViewItemFeature.None_
    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, panel, painter, widget)


PILL_PADDING = 26  # the dot and the space around the words, inside the pill
PILL_MARGIN = 8  # between the cell's start and the pill


def pill_font(font: QFont) -> QFont:
    """The status pill's words: bold, a little smaller than the table's."""
    font = QFont(font)
    font.setBold(True)
    if font.pixelSize() > 0:  # the stylesheet sizes fonts in pixels
        font.setPixelSize(max(9, round(font.pixelSize() * 0.92)))
    elif font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 0.92)
    return font


def status_column_width(font: QFont) -> int:
    """The width that holds the pill of every status in the language spoken (Arabic's "منتهية الصلاحية" and
    German's words are longer than the English the column was sized for, and were cut)."""
    metrics = QFontMetrics(pill_font(font))
    widest = max(metrics.horizontalAdvance(fmt.status_label(status)) for status in fmt.STATUSES)
    return widest + PILL_PADDING + 2 * PILL_MARGIN


class StatusDelegate(QStyledItemDelegate):
    """A rounded pill in the status colour; '…' while the row loads."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        status = index.data(StatusRole)
        if status is None:
            super().paint(painter, option, index)
            return
        painter.save()
        _background(painter, option)  # before antialiasing: the row's line stays one crisp pixel
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = fmt.status_label(status)
        fg, bg = (colour(c) for c in fmt.STATUS_COLOURS.get(status, ("#1c2333", "#eceef3")))
        if option.state & QStyle.StateFlag.State_Selected:  # "In progress"'s own blue is the selection's
            bg = colour("#ffffff")
        font = pill_font(option.font)
        metrics = QFontMetrics(font)
        width, height = metrics.horizontalAdvance(text) + PILL_PADDING, metrics.height() + 6
        top = option.rect.center().y() - height / 2 + 0.5
        rtl = option.direction == Qt.LayoutDirection.RightToLeft  # the pill at the cell's start, as text is
        left = option.rect.right() + 1 - PILL_MARGIN - width if rtl else option.rect.x() + PILL_MARGIN
        rect = QRectF(left, top, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setBrush(QColor(fg))
        dot = rect.right() - 14 if rtl else rect.x() + 8
        painter.drawEllipse(QRectF(dot, rect.center().y() - 3, 6, 6))
        painter.setFont(font)
        painter.setPen(QPen(QColor(fg)))
        words = rect.adjusted(0, 0, -18, 0) if rtl else rect.adjusted(18, 0, 0, 0)
        align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft  # of `words`, as placed
        painter.drawText(words, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute | align, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 40, size.height())


DONE_GREEN, UNDER_WAY_BLUE = "#2f9e44", "#3b5bdb"
# The shortest bar that reads as one: the Arabic cell's 17 px bar, its fill at least 6 px, was a dot.
BAR_LEAST = 32
BAR_MARGIN = 10  # between the cell's start and the bar
WORDS_MARGIN = 8  # between the words and the cell's end
BAR_GAP = 10  # between the bar and the words


def progress_words_width(metrics: QFontMetrics, text: str) -> int:
    """The room the words of a progress cell take: its own words, and never less than a run's "88/88" in the
    language's digits, so that the bars of a column start and end alike."""
    sample = f"{fmt.number(88)}/{fmt.number(88)}"
    return max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(text)) + WORDS_MARGIN


def progress_column_least(font: QFont) -> int:
    """The narrowest progress column that holds a readable bar beside a run's "n/m" in the language spoken:
    narrower, the bar went to a dot. Not beside "Complete" ("Completa", "مكتملة"): a completed run's word says
    it all, its bar may go where the room is short (the paint keeps the words whole), and the room it would take
    put Created, the list's order and only date, out of the Spanish table at 1024×700."""
    return BAR_MARGIN + BAR_LEAST + BAR_GAP + progress_words_width(QFontMetrics(font), "") + WORDS_MARGIN


class ProgressDelegate(QStyledItemDelegate):
    """A slim bar with 'done/total' beside it; green once complete, or once the run is completed (a run that
    left an optional step unanswered, 9/10, read as one still under way)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        fraction = index.data(ProgressRole)
        if fraction is None:
            super().paint(painter, option, index)
            return
        painter.save()
        _background(painter, option)  # before antialiasing: the row's line stays one crisp pixel
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        text_width = progress_words_width(QFontMetrics(option.font), text)
        # Right to left (Arabic), mirrored: the bar fills from the right and "n/m" ends the cell on the left.
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        width = option.rect.width() - BAR_MARGIN - BAR_GAP - WORDS_MARGIN - text_width
        bar_x = option.rect.right() + 1 - BAR_MARGIN - width if rtl else option.rect.x() + BAR_MARGIN
        bar = QRectF(bar_x, option.rect.center().y() - 3, width, 6)
        if bar.width() >= BAR_LEAST:  # too little room: the words alone, whole, and no dot of a bar
            painter.setPen(Qt.PenStyle.NoPen)
            selected = option.state & QStyle.StateFlag.State_Selected  # the pale track vanished into the blue
            painter.setBrush(QColor(colour("#d3d9e6" if selected else "#eceff5")))
            painter.drawRoundedRect(bar, 3, 3)
            if fraction > 0:
                filled = max(6.0, bar.width() * min(fraction, 1.0))
                done = QRectF(bar.right() - filled if rtl else bar.x(), bar.y(), filled, bar.height())
                finished = fraction >= 1 or index.data(StatusRole) == "completed"
                painter.setBrush(QColor(DONE_GREEN if finished else UNDER_WAY_BLUE))
                painter.drawRoundedRect(done, 3, 3)
        painter.setPen(QColor(colour("#5b6478")))
        text_x = option.rect.x() + WORDS_MARGIN if rtl else option.rect.right() - text_width - WORDS_MARGIN
        text_rect = QRectF(text_x, option.rect.y(), text_width, option.rect.height())
        align = (
            Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
        )  # of `text_rect`, as placed
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute | align, text
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(150, super().sizeHint(option, index).height())
