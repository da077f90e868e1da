"""The structure tree widget: sections and steps drawn as compact cards, reordered by drag and drop.

The drop does not move rows itself: it asks (`move_requested`) and the controller moves the step
through the undo stack, so a drag is one undoable command like any other edit.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDropEvent, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from .icons import ERROR_COLOUR, MUTED_COLOUR, SECTION_COLOUR, type_badge
from .tree_model import (
    CHILD_PROBLEMS_ROLE,
    CONDITION_ROLE,
    KIND_ROLE,
    MIME,
    PROBLEMS_ROLE,
    REQUIRED_ROLE,
    TYPE_ROLE,
    UID_ROLE,
)

STEP_HEIGHT, CONDITION_HEIGHT, SECTION_HEIGHT = 30, 46, 34


class NodeDelegate(QStyledItemDelegate):
    """Paints a section as a bold heading with its step count, and a step as a type badge, its label,
    a required mark and, below, its condition in plain words; nodes with problems get a red mark."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(KIND_ROLE) == "section":
            return QSize(200, SECTION_HEIGHT)
        return QSize(200, CONDITION_HEIGHT if index.data(CONDITION_ROLE) else STEP_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        rect = opt.rect.adjusted(4, 0, -8, 0)
        problems = index.data(PROBLEMS_ROLE) or []
        if index.data(KIND_ROLE) == "section":
            self._paint_section(painter, opt, index, rect, text_colour, problems)
        else:
            self._paint_step(painter, opt, index, rect, text_colour, selected, problems)
        painter.restore()

    def _paint_section(self, painter, opt, index, rect: QRect, colour: QColor, problems) -> None:
        font = QFont(opt.font)
        font.setBold(True)
        painter.setFont(font)
        count = index.model().rowCount(index)
        bad = index.data(CHILD_PROBLEMS_ROLE) or 0
        note = f"{count} step{'s' if count != 1 else ''}" + (f" · {bad} with problems" if bad else "")
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() - 1))
        note_width = QFontMetrics(small).horizontalAdvance(note) + 4
        title_rect = rect.adjusted(2, 0, -note_width - 8, 0)
        painter.setPen(QColor(ERROR_COLOUR) if problems else colour)
        title = QFontMetrics(font).elidedText(index.data(), Qt.TextElideMode.ElideRight, title_rect.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(small)
        painter.setPen(QColor(ERROR_COLOUR) if bad else QColor(MUTED_COLOUR))
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, note)
        if not problems:
            painter.setPen(QColor(SECTION_COLOUR))

    def _paint_step(self, painter, opt, index, rect: QRect, colour: QColor, selected: bool, problems) -> None:
        condition = index.data(CONDITION_ROLE)
        line = QRect(rect.left(), rect.top(), rect.width(), STEP_HEIGHT)
        badge = type_badge(index.data(TYPE_ROLE), 18)
        painter.drawPixmap(line.left(), line.top() + (STEP_HEIGHT - 18) // 2, badge)
        text_rect = line.adjusted(26, 0, -16, 0)
        painter.setFont(opt.font)
        painter.setPen(colour)
        label = index.data()
        if index.data(REQUIRED_ROLE):
            label += " *"
        fm = QFontMetrics(opt.font)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(label, Qt.TextElideMode.ElideRight, text_rect.width()))
        if condition:
            small = QFont(opt.font)
            small.setItalic(True)
            small.setPointSizeF(max(7.0, opt.font.pointSizeF() - 1))
            painter.setFont(small)
            painter.setPen(colour if selected else QColor(MUTED_COLOUR))
            cond_rect = QRect(text_rect.left(), rect.top() + STEP_HEIGHT - 6, text_rect.width(), 18)
            painter.drawText(cond_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             QFontMetrics(small).elidedText("↳ " + condition, Qt.TextElideMode.ElideRight,
                                                            cond_rect.width()))
        if problems:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ERROR_COLOUR))
            painter.drawEllipse(QPoint(rect.right() - 4, line.center().y()), 4, 4)


class StructureTree(QTreeView):
    """The tree of sections and steps. Emits `move_requested(uid, section uid or 0, row)` on a drop:
    for a step, the row of its new section counted before the move; for a section, its new top row."""

    move_requested = Signal(int, int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("structureTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setIndentation(14)
        self.setAnimated(False)
        self.setItemDelegate(NodeDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setExpandsOnDoubleClick(False)
        self.setMouseTracking(True)

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData().data(MIME).data() if event.mimeData().hasFormat(MIME) else b""
        try:
            uid = int(bytes(data).decode().split(",")[0])
        except ValueError:
            event.ignore()
            return
        target = self.drop_target(uid, event.position().toPoint())
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if target is not None:
            self.move_requested.emit(uid, *target)

    def drop_target(self, uid: int, pos: QPoint) -> tuple[int, int] | None:
        """Where a dragged node lands when dropped at `pos`: (section uid, row) for a step, (0, row)
        for a section. Rows are counted before the move, as `DocEditor.move_to` expects."""
        model = self.model()
        index = self.indexAt(pos)
        where = self._position(index, pos)
        dragged_is_step = self._is_step(uid)
        if not index.isValid():
            last = model.index(model.rowCount() - 1, 0)
            if not dragged_is_step:
                return 0, model.rowCount()
            return (last.data(UID_ROLE), model.rowCount(last)) if last.isValid() else None
        on_section = index.data(KIND_ROLE) == "section"
        if not dragged_is_step:
            row = index.row() if on_section else index.parent().row()
            return 0, row + (0 if on_section and where == "above" else 1)
        if on_section:
            if where == "above" and index.row() > 0:
                previous = model.index(index.row() - 1, 0)
                return previous.data(UID_ROLE), model.rowCount(previous)
            if where == "above":
                return index.data(UID_ROLE), 0
            return index.data(UID_ROLE), (0 if where == "below" and self.isExpanded(index) else model.rowCount(index))
        section = index.parent()
        return section.data(UID_ROLE), index.row() + (0 if where == "above" else 1)

    def _position(self, index: QModelIndex, pos: QPoint) -> str:
        if not index.isValid():
            return "viewport"
        rect = self.visualRect(index)
        if pos.y() < rect.top() + rect.height() / 3:
            return "above"
        if pos.y() > rect.bottom() - rect.height() / 3:
            return "below"
        return "on"

    def _is_step(self, uid: int) -> bool:
        model = self.model()
        is_step = getattr(getattr(model, "doc", None), "is_step", None)
        return bool(is_step(uid)) if is_step else False
