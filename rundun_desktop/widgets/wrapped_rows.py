"""List rows as tall as their word-wrapped text.

A `QListWidget` with word wrap sizes a row by laying its text out in the view's width, then draws each row only as wide as its widest wrapped line, wrapping the text again in that narrower width:
a sentence could come out one line longer than its row and lose that line (the editor's Problems pane cut
"…a condition may only refer to a step that comes" before "before it." at 1024 × 700). `fit_wrapped_rows`
gives the view a delegate whose rows are as wide as the view and as tall as their text wrapped in that
width, less Qt's margins.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem


def text_height(text: str, font: QFont, width: int) -> int:
    """The height of `text` wrapped at `width` pixels as a view item wraps it (at word boundaries, a word
    longer than the line anywhere; a newline starts a line)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(1, width))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return math.ceil(height)


class WrappedRows(QStyledItemDelegate):
    def __init__(self, view: QListView, padding: tuple[int, int] = (0, 0)):
        super().__init__(view)
        self.view = view
        self.padding = (
            padding  # the style sheet's `::item { padding }`, across and down, which Qt's hint lacks
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """As wide as the view (Qt's own hint is the widest wrapped line, and the row's text is wrapped again
        in that narrower width when drawn) and as tall as the text wrapped in that width less its margins."""
        hint = super().sizeHint(option, index)
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        if not styled.text:
            return hint
        row = self.view.viewport().width() - 2 * self.view.spacing()
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, styled, self.view) + 1
        width = row - 2 * margin - self.padding[0]
        if styled.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= styled.decorationSize.width() + 2 * margin
        return QSize(row, max(hint.height(), text_height(styled.text, styled.font, width) + self.padding[1]))


def fit_wrapped_rows(view: QListView, padding: tuple[int, int] = (0, 0)) -> None:
    """Word-wrap `view`'s rows, each as tall as all its lines; `padding` is what the style sheet puts around
    each row's text (left plus right, top plus bottom): without it a line measured to fit was drawn elided."""
    view.setWordWrap(True)
    view.setItemDelegate(WrappedRows(view, padding))
