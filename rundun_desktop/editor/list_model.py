"""The template list's table model: one row per template summary from `GET /v1/templates`. No I/O."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rundun_desktop import formatting as fmt
from rundun_desktop.words import QT_TRANSLATE_NOOP

COL_NAME, COL_TAGS, COL_VERSION, COL_UPDATED = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("headers", "Name"),
    QT_TRANSLATE_NOOP("headers", "Tags"),
    QT_TRANSLATE_NOOP("headers", "Version"),
    QT_TRANSLATE_NOOP("headers", "Last updated"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a shared default argument


class TemplateListModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, template_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.get("id") == template_id), -1)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return row.get("name", "")
            if col == COL_TAGS:
                return ", ".join(row.get("tags") or [])
            if col == COL_VERSION:
                return fmt.version_tag(row.get("v"))
            if col == COL_UPDATED:
                # In local time, as every other table says a time ("4 Dec 22:08"); it said the server's UTC.
                return fmt.short_time(row.get("updated_at"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TAGS and row.get("tags"):  # elided in its column: whole here
                return ", ".join(row["tags"])
            return row.get("description") or row.get("name")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_VERSION:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ID_ROLE:
            return row.get("id")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                QCoreApplication.translate("headers", HEADERS[section])
                if 0 <= section < len(HEADERS)
                else None
            )
        return None
