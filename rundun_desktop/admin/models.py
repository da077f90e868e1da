"""Small table models for the admin lists (API keys, members): rows of dicts, no I/O."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from rundun_desktop.formatting import local_time
from rundun_desktop.theme import colour
from rundun_desktop.widgets.table_model import FlatTableModel, Index
from rundun_desktop.words import QT_TRANSLATE_NOOP

RowRole = Qt.ItemDataRole.UserRole + 1


class RecordsModel(FlatTableModel):
    """A table over a list of dicts; subclasses list their columns as (header, text-of-row)."""

    COLUMNS: ClassVar[list[tuple[str, Callable[[dict], str]]]] = []

    def headers(self) -> list[str]:
        return [header for header, _ in self.COLUMNS]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[index.column()][1](row)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and self.is_muted(row):
            return QColor(colour("#a3abbd"))
        return None

    def is_muted(self, row: dict) -> bool:
        return False


COL_KEY_NAME, COL_KEY_PREFIX, COL_KEY_CREATED, COL_KEY_USED, COL_KEY_STATE = range(5)


class ApiKeysModel(RecordsModel):
    COLUMNS: ClassVar = [
        (QT_TRANSLATE_NOOP("headers", "Name"), lambda r: r.get("name", "")),
        (QT_TRANSLATE_NOOP("headers", "Key"), lambda r: f"{r.get('prefix', '')}…"),
        (QT_TRANSLATE_NOOP("headers", "Created"), lambda r: local_time(r.get("created_at"))),
        (
            QT_TRANSLATE_NOOP("headers", "Last used"),
            lambda r: (
                local_time(r.get("last_used_at"))
                if r.get("last_used_at")
                else QCoreApplication.translate("ApiKeysModel", "Never")
            ),
        ),
        (
            QT_TRANSLATE_NOOP("headers", "State"),
            lambda r: (
                QCoreApplication.translate("ApiKeysModel", "Revoked {0}").format(local_time(r["revoked_at"]))
                if r.get("revoked_at")
                else QCoreApplication.translate("ApiKeysModel", "Active")
            ),
        ),
    ]

    def is_muted(self, row: dict) -> bool:
        return bool(row.get("revoked_at"))


COL_MEMBER_NAME, COL_MEMBER_EMAIL, COL_MEMBER_CREATED, COL_MEMBER_ID = range(4)


class MembersModel(RecordsModel):
    COLUMNS: ClassVar = [
        (QT_TRANSLATE_NOOP("headers", "Name"), lambda r: r.get("name", "")),
        (QT_TRANSLATE_NOOP("headers", "Email"), lambda r: r.get("email", "")),
        (QT_TRANSLATE_NOOP("headers", "Added"), lambda r: local_time(r.get("created_at"))),
        (QT_TRANSLATE_NOOP("headers", "User ID"), lambda r: r.get("user_id", "")),
    ]
