"""A table scrolled down keeps the rows in sight where they are while rows are put or dropped above them.

Live runs arrive at the top of the monitor's list: QTableView keeps its scroll position in pixels, so every
run put above pushed the rows a supervisor was reading down and away ("load-5-00557" became "load-6-00042"
within 14 s), and a click aimed at one row landed on another. At the very top the view stays at the top: a
monitor left open shows the newest runs as they come. Rows have one fixed height (the runs table's)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QTableView


class RowsInPlace(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._top_row = -1  # the first row in sight before the change, -1 at the top (nothing to hold)
        model = table.model()
        model.rowsAboutToBeInserted.connect(self._before)
        model.rowsAboutToBeRemoved.connect(self._before)
        model.rowsInserted.connect(lambda parent, first, last: self._after(parent, first, last - first + 1))
        model.rowsRemoved.connect(lambda parent, first, last: self._after(parent, first, first - last - 1))

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
