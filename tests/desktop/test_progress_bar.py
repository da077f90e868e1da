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


def ink_runs(image: QImage, columns: range) -> list[tuple[int, int]]:
    """The stretches of columns (first, last) holding dark ink: one per glyph where glyphs stand apart."""
    inked = [
        x for x in columns if any(image.pixelColor(x, y).lightness() < 160 for y in range(image.height()))
    ]
    runs: list[tuple[int, int]] = []
    for x in inked:
        if runs and x == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], x)
        else:
            runs.append((x, x))
    return runs


def test_an_arabic_progress_cell_reads_done_of_total_from_the_right(qapp, speak):
    """The Arabic runs table drew "١/٨" (one of eight) as one number laid out left to right, ١ at the left: read
    from the right, as Arabic reads "n/m" and its dates ("٧/١٢/٢٠٢٦"), it said eight done of one."""
    from rundun_desktop import formatting as fmt

    speak("ar")
    text = fmt.progress_text({"answered": 1, "total": 8})
    image = QImage(240, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as a right-to-left table's viewport paints
    option = QStyleOptionViewItem()
    option.rect, option.direction = QRect(0, 0, 240, 40), Qt.LayoutDirection.RightToLeft
    font = qapp.font()
    font.setPixelSize(28)  # big enough that ١, / and ٨ stand apart
    option.font = font
    model = progress_model("in_progress", 0.0, text)
    ProgressDelegate().paint(painter, option, model.index(0, 0))
    painter.end()
    image.save("/tmp/rundun-progress-ar.png")
    glyphs = ink_runs(image, range(120))  # the words' end of the cell (its left, right to left)
    assert len(glyphs) == 3, glyphs  # ١, the slash and ٨
    widths = [last - first + 1 for first, last in glyphs]
    # The reader's first glyph, at the right, is the done count: ١, a single stroke, narrower than ٨.
    assert widths[2] < widths[0], (text, glyphs)
