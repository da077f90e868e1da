"""The flat, read-only table model base: headers from a list, rows counted by the subclass, no children."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index: the parent of every row
FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
NO_FLAGS = Qt.ItemFlag.NoItemFlags


LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class FlatTableModel(QAbstractTableModel):
    HEADERS: ClassVar[list[str]] = []
    # Columns of numbers, set by a model that aligns its columns: numbers and their headers right, words and
    # theirs left (Qt mirrors both in a right-to-left language). None: Qt's defaults (headers centred).
    NUMBER_COLUMNS: ClassVar[frozenset[int] | None] = None

    def alignment(self, column: int) -> int | None:
        if self.NUMBER_COLUMNS is None:
            return None
        return RIGHT if column in self.NUMBER_COLUMNS else LEFT

    def header_alignment(self, column: int) -> int | None:
        """A header's side, mirrored here in a right-to-left language: a header view draws its words at the side
        it is given (the cells' sides are mirrored by the view), so in Arabic the headers stood opposite."""
        side = self.alignment(column)
        if side is None or QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight:
            return side
        return int(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter) | int(
            Qt.AlignmentFlag.AlignLeft if side == RIGHT else Qt.AlignmentFlag.AlignRight
        )

    def row_count(self) -> int:
        raise NotImplementedError

    def headers(self) -> list[str]:
        return self.HEADERS

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        headers = self.headers()
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return self.header_alignment(section)
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        # Column names are marked QT_TRANSLATE_NOOP("headers", …) where they are listed (module constants).
        return (
            QCoreApplication.translate("headers", headers[section])
            if horizontal and 0 <= section < len(headers)
            else None
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        return FLAGS if index.isValid() else NO_FLAGS
