"""A table keeps the rows in sight where they are while rows are put or dropped above them.

Live runs arrive at the top of the monitor's list: QTableView keeps its scroll position in pixels, so every
run put above pushed the rows a supervisor was reading down and away ("load-5-00557" became "load-6-00042"
within 14 s), and a click aimed at one row landed on another. At the very top the view stays at the top: a
monitor left open shows the newest runs as they come. Rows have one fixed height (the runs table's).

It also tells whether the pointer is over the rows (`holding`, and `released` once it has left them for
`HOLD_AFTER_LEAVING` ms): the runs controller puts no run above it meanwhile, at the top too, where a list no
taller than its view cannot scroll to make room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QTableView

HOLD_AFTER_LEAVING = 1000  # ms: a pointer that slips off the list on its way to a row still holds it


class RowsInPlace(QObject):
    released = Signal()  # the pointer left the rows a moment ago

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._top_row = -1  # the first row in sight before the change, -1 at the top (nothing to hold)
        self._pointer_over = False
        self._let_go = QTimer(self)
        self._let_go.setSingleShot(True)
        self._let_go.setInterval(HOLD_AFTER_LEAVING)
        self._let_go.timeout.connect(self.released)
        table.viewport().installEventFilter(self)
        model = table.model()
        model.rowsAboutToBeInserted.connect(self._before)
        model.rowsAboutToBeRemoved.connect(self._before)
        model.rowsInserted.connect(lambda parent, first, last: self._after(parent, first, last - first + 1))
        model.rowsRemoved.connect(lambda parent, first, last: self._after(parent, first, first - last - 1))

    @property
    def holding(self) -> bool:
        """Whether the rows hold still at the top: the pointer is over them, or left them a moment ago. Not
        while there are none: an empty monitor with the pointer resting on it said "New: 5 runs, shown when
        the pointer leaves the list" beside "No runs yet", though nothing was there to move."""
        pointed = self._pointer_over or self._let_go.isActive()
        return pointed and self.table.model().rowCount() > 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Enter, QEvent.Type.MouseMove, QEvent.Type.HoverMove):
            self._pointer_over = True
            self._let_go.stop()
        elif kind == QEvent.Type.Leave and self._pointer_over:
            self._pointer_over = False
            self._let_go.start()
        return False

    def _before(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self._top_row = self.table.rowAt(0) if self.table.verticalScrollBar().value() > 0 else -1

    def _after(self, parent: QModelIndex, first: int, count: int) -> None:
        """`count` rows were put at `first` (negative: dropped from it)."""
        if parent.isValid() or self._top_row < 0 or first > self._top_row:
            return  # at the top, or the change is below what is in sight: nothing moved
        # Put above: the rows in sight moved down by `count`; dropped (the top row in sight too, perhaps): the
        # rows after the dropped ones moved up by as many. Either way the view follows them.
        shift = count * self.table.verticalHeader().defaultSectionSize()
        bar = self.table.verticalScrollBar()
        # The range follows the new row count only at the view's next layout: widened now, so that the value
        # is not clipped to the old one.
        bar.setRange(0, max(bar.maximum() + shift, 0))
        bar.setValue(max(0, bar.value() + shift))
