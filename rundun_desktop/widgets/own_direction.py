"""A template's own texts keep their own direction inside the app's: an English step label in the Arabic app read
"*?Forks free…" and the tags "…-forklift, lift truck, …, pre", laid out right to left around their punctuation."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
)

_HORIZONTAL = Qt.AlignmentFlag.AlignHorizontal_Mask


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of a text by its first strong character (Unicode's rule), None when it has none."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


def isolated(text: str) -> str:
    """`text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: it reads in its own direction, and the
    words around it (a required mark, a count) stay outside it."""
    return f"\u2068{text}\u2069"


def at_line_start(widget: QLabel) -> None:
    """A label showing data in another script (an English plan name in an Arabic window) at the side where the
    window's lines start: Qt aligns a label by its own text's direction, so "Starter" stood at the left of its
    Arabic column, "Unlimited" at the left of its Arabic card."""
    side = Qt.AlignmentFlag.AlignRight if widget.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
    vertical = widget.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
    widget.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | vertical)


class OwnDirectionDelegate(QStyledItemDelegate):
    """Each cell's text laid out in its own direction, still at the side where the view's rows start."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        direction = text_direction(option.text)
        if direction is None or direction == option.direction:
            return
        start = option.direction  # the view's: a cell aligned to its start stays there
        option.direction = direction
        if option.displayAlignment & _HORIZONTAL in (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag(0)):
            side = (
                Qt.AlignmentFlag.AlignRight
                if start == Qt.LayoutDirection.RightToLeft
                else Qt.AlignmentFlag.AlignLeft
            )
            option.displayAlignment = (
                (option.displayAlignment & ~_HORIZONTAL) | side | Qt.AlignmentFlag.AlignAbsolute
            )


class OwnDirectionComboBox(QComboBox):
    """A combo box whose current text (a template's name) is elided at its own end: an English name in the Arabic
    app lost its start ("…pre-rental inspection" for "Vehicle pre-rental inspection"), elided in the app's
    direction. The popup's rows are the view's, unchanged."""

    def shown_text(self, option: QStyleOptionComboBox | None = None) -> str:
        """The current text as drawn: elided at its own end to the edit field's width, isolated in its direction."""
        if option is None:
            option = QStyleOptionComboBox()
            self.initStyleOption(option)
        text = option.currentText
        if text_direction(text) in (None, self.layoutDirection()):
            return text
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, field.width())
        return isolated(elided)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
