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

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index: the parent of every row
FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
NO_FLAGS = Qt.ItemFlag.NoItemFlags


class FlatTableModel(QAbstractTableModel):
    HEADERS: ClassVar[list[str]] = []

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
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        # Column names are marked QT_TRANSLATE_NOOP("headers", …) where they are listed (module constants).
        return (
            QCoreApplication.translate("headers", headers[section])
            if horizontal and 0 <= section < len(headers)
            else None
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        return FLAGS if index.isValid() else NO_FLAGS
