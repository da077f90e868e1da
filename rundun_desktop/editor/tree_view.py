"""The structure tree widget: sections and steps drawn as compact cards, reordered by drag and drop.

The drop does not move rows itself: it asks (`move_requested`) and the controller moves the step
through the undo stack, so a drag is one undoable command like any other edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDropEvent, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from rundun_desktop import formatting as fmt
from rundun_desktop.italics import takes_italics
from rundun_desktop.widgets.own_direction import isolated

from .icons import ERROR_COLOUR, MUTED_COLOUR, type_badge
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


_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
_ELIDE = Qt.TextElideMode.ElideRight
_ERROR, _MUTED = QColor(ERROR_COLOUR), QColor(MUTED_COLOUR)


@dataclass(frozen=True, slots=True)
class _Row:
    """What painting one row needs (a dataclass: a NamedTuple's field `index` would hide tuple.index)."""

    painter: QPainter
    fonts: _Fonts
    index: QModelIndex | QPersistentModelIndex
    rect: QRect
    colour: QColor
    selected: bool
    problems: list


class _Fonts:
    """The fonts derived from the view's font, made once (painting runs for every visible row)."""

    def __init__(self, base: QFont) -> None:
        self.key = base.key()
        self.base = QFont(base)  # a copy: the option that lends `base` is gone after painting
        self.base_metrics = QFontMetrics(self.base)
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.bold_metrics = QFontMetrics(self.bold)
        self.small = QFont(base)
        self.small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        self.small_metrics = QFontMetrics(self.small)
        self.note = QFont(self.small)
        self.note.setItalic(True)
        self.note_metrics = QFontMetrics(self.note)

    def note_for(self, text: str) -> tuple[QFont, QFontMetrics]:
        """A condition note's font: italic, but upright where it has Arabic or Hebrew letters (see
        rundun_desktop/italics.py: asked for an italic, Qt drew a box for each of them)."""
        return (self.note, self.note_metrics) if takes_italics(text) else (self.small, self.small_metrics)


class NodeDelegate(QStyledItemDelegate):
    """Paints a section as a bold heading with its step count, and a step as a type badge, its label,
    a required mark and, below, its condition in plain words; nodes with problems get a red mark."""

    _fonts: _Fonts | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(KIND_ROLE) == "section":
            return QSize(200, SECTION_HEIGHT)
        return QSize(200, CONDITION_HEIGHT if index.data(CONDITION_ROLE) else STEP_HEIGHT)

    def fonts(self, base: QFont) -> _Fonts:
        if self._fonts is None or self._fonts.key != base.key():
            self._fonts = _Fonts(base)
        return self._fonts

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # The option the view passes already has the state, rect and palette the panel needs; the
        # text and icon are drawn here, so no initStyleOption copy is made.
        widget = option.widget
        if widget is not None:
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        painter.save()
        # The row in the reader's direction, whatever painter it is given: one of a picture's own (the drag's)
        # lays text out left to right, and the Arabic app's step read "Etiqueta *", its mark before the label.
        painter.setLayoutDirection(option.direction)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        row = _Row(
            painter,
            self.fonts(option.font),
            index,
            option.rect.adjusted(4, 0, -8, 0),
            palette.highlightedText().color() if selected else palette.text().color(),
            selected,
            index.data(PROBLEMS_ROLE),
        )
        if index.data(KIND_ROLE) == "section":
            self._paint_section(row)
        else:
            self._paint_step(row)
        painter.restore()

    @staticmethod
    def _paint_section(r: _Row) -> None:
        painter, fonts, index, rect = r.painter, r.fonts, r.index, r.rect
        count = index.model().rowCount(index)
        bad = index.data(CHILD_PROBLEMS_ROLE)
        steps = fmt.count(count, "step")
        note = steps + (
            QCoreApplication.translate("NodeDelegate", " · {0} with problems").format(bad) if bad else ""
        )
        # The title first: in the tree at 1024 px, "Living room" read "Living roo…" beside "14 steps · 1 with
        # problems". The note gives up its words about problems (its red still says so) before the title a letter,
        # and the step count stays whole.
        small = fonts.small_metrics
        title = index.data() or ""
        room = max(
            small.horizontalAdvance(steps), rect.width() - 14 - fonts.bold_metrics.horizontalAdvance(title)
        )
        if small.horizontalAdvance(note) > room:
            cut = small.elidedText(note, _ELIDE, room)
            note = cut if cut.startswith(steps) else steps
        # The note at the row's end and the title before it, mirrored right to left (the painter aligns the
        # words to the visual side, so in Arabic the title drawn in a left-hand rect was laid over the note).
        title_rect = QStyle.visualRect(
            painter.layoutDirection(),
            rect,
            rect.adjusted(2, 0, -small.horizontalAdvance(note) - 12, 0),
        )
        # Selected, the row's words are in the highlight's own colour, as a step's are: red on the selection's
        # blue read at 2:1 and the grey note not at all; the form beside it says what is wrong.
        painter.setFont(fonts.bold)
        painter.setPen(_ERROR if r.problems and not r.selected else r.colour)
        painter.drawText(
            title_rect,
            _LEFT,
            isolated(fonts.bold_metrics.elidedText(title, _ELIDE, title_rect.width())),
        )
        painter.setFont(fonts.small)
        painter.setPen(r.colour if r.selected else _ERROR if bad else _MUTED)
        painter.drawText(rect, _RIGHT, note)

    @staticmethod
    def _paint_step(r: _Row) -> None:
        painter, fonts, index, rect = r.painter, r.fonts, r.index, r.rect
        top = rect.top()
        painter.drawPixmap(rect.left(), top + (STEP_HEIGHT - 18) // 2, type_badge(index.data(TYPE_ROLE), 18))
        text_rect = QRect(rect.left() + 26, top, rect.width() - 42, STEP_HEIGHT)
        # Cut in the middle, the required mark kept whole: steps told apart by their ends ("Photo of corner
        # 0" … "3", "Tyre pressure front left" and "… right") all read "Photo of corner …" cut at the end.
        mark = " *" if index.data(REQUIRED_ROLE) else ""
        room = text_rect.width() - fonts.base_metrics.horizontalAdvance(mark)
        # The label in its own direction: an English one in the Arabic app read "*?Forks free…".
        label = (
            isolated(fonts.base_metrics.elidedText(index.data() or "", Qt.TextElideMode.ElideMiddle, room))
            + mark
        )
        painter.setFont(fonts.base)
        painter.setPen(r.colour)
        painter.drawText(text_rect, _LEFT, label)
        condition = index.data(CONDITION_ROLE)
        if condition:
            font, metrics = fonts.note_for(condition)
            painter.setFont(font)
            painter.setPen(r.colour if r.selected else _MUTED)
            cond_rect = QRect(text_rect.left(), top + STEP_HEIGHT - 6, text_rect.width(), 18)
            painter.drawText(
                cond_rect, _LEFT, metrics.elidedText("↳ " + condition, _ELIDE, cond_rect.width())
            )
        if r.problems:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_ERROR)
            painter.drawEllipse(QPoint(rect.right() - 4, top + STEP_HEIGHT // 2), 4, 4)


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

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            # An empty template said nothing: what to do first, where the sections would be.
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            room = self.viewport().rect().adjusted(12, 24, -12, -12)
            painter.drawText(room, int(flags), self.empty_text())
            painter.end()

    def empty_text(self) -> str:
        keys = QKeySequence("Ctrl+Shift+N").toString(QKeySequence.SequenceFormat.NativeText)
        return self.tr("No sections yet. Add one with Add section ({0}).").format(keys)

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
            return index.data(UID_ROLE), (
                0 if where == "below" and self.isExpanded(index) else model.rowCount(index)
            )
        section = index.parent()
        return section.data(UID_ROLE), index.row() + (0 if where == "above" else 1)

    def _position(self, index: QModelIndex, pos: QPoint) -> str:
        """Above, on or below the row, by the bands Qt draws its drop indicator with
        (QAbstractItemViewPrivate::position): an edge of a sixth of the row (2–12 px), and a row that takes no
        drops (a step) split at its middle. Thirds of our own put a step dropped where the line showed above a
        step below it, and one dropped on a heading's box at the end of the section before."""
        if not index.isValid():
            return "viewport"
        rect = self.visualRect(index)
        margin = max(2, min(round(rect.height() / 5.5), 12))
        if pos.y() - rect.top() < margin:
            return "above"
        if rect.bottom() - pos.y() < margin:
            return "below"
        if index.flags() & Qt.ItemFlag.ItemIsDropEnabled:
            return "on"
        return "above" if pos.y() < rect.center().y() else "below"

    def _is_step(self, uid: int) -> bool:
        model = self.model()
        is_step = getattr(getattr(model, "doc", None), "is_step", None)
        return bool(is_step(uid)) if is_step else False
