"""The translation table's model: one row per text of the template, its source and its translation into the
language being edited (SPEC §15). Missing translations are highlighted. No I/O; edits leave as a signal for
the controller to make undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from rundun_desktop.theme import colour

COL_SOURCE, COL_TARGET = range(2)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING_ROLE = Qt.ItemDataRole.UserRole + 2
MISSING_BACKGROUND = QBrush(QColor("#fef3c7"))  # the editor's amber for "needs attention"
BEHIND_ROLE = (
    Qt.ItemDataRole.UserRole + 3
)  # the source the translation was made from, if it has changed since

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class TranslationTableModel(QAbstractTableModel):
    """Rows are `(key, source, target)`; `target` is "" where the text has no translation yet."""

    target_edited = Signal(str, str)  # (key, new text; "" removes the translation)
    target_checked = Signal(str)  # (key): a translation left behind by its source, confirmed as it is

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str]] = []
        self.source_language = "en"
        self.language = ""
        self.behind: dict[str, str] = {}  # {key: the source its translation was made from}, where it changed

    def set_rows(
        self,
        rows: list[tuple[str, str, str]],
        source_language: str,
        language: str,
        behind: dict[str, str] | None = None,
    ) -> None:
        """New rows; when only targets or sources changed (an edit, an undo) the cells update in place, so
        the table keeps its selection and scroll position while a translator types. `behind`: the
        translations whose source changed after they were made, with that source."""
        same_shape = [r[0] for r in rows] == [r[0] for r in self.rows] and language == self.language
        headers_changed = (source_language, language) != (self.source_language, self.language)
        self.source_language, self.language = source_language, language
        old_behind, self.behind = self.behind, dict(behind or {})
        if same_shape:
            changed = [
                i
                for i, (old, new) in enumerate(zip(self.rows, rows, strict=True))
                if old != new or old_behind.get(new[0]) != self.behind.get(new[0])
            ]
            self.rows = list(rows)
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), COL_TARGET))
        else:
            self.beginResetModel()
            self.rows = list(rows)
            self.endResetModel()
        if headers_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COL_TARGET)

    def missing(self) -> int:
        return sum(1 for _, _, target in self.rows if not target)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        key, source, target = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return source if col == COL_SOURCE else target
        was = self.behind.get(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TARGET and target and was is not None:
                return self.tr(
                    "Translated from “{0}”; the source now reads “{1}”. Check the translation."
                ).format(was, source)
            return key if col == COL_SOURCE else (target or self.tr("Not translated yet: {0}").format(source))
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_TARGET and (not target or was is not None):
            return QBrush(QColor(colour(MISSING_BACKGROUND.color().name())))
        if role == BEHIND_ROLE:
            return was
        if role == KEY_ROLE:
            return key
        if role == MISSING_ROLE:
            return not target
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == COL_TARGET else base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != COL_TARGET or not index.isValid():
            return False
        key, _, target = self.rows[index.row()]
        text = str(value or "")
        if text.strip() == "":
            text = ""
        if text != target:
            self.target_edited.emit(key, text)  # the controller edits the document; the rows follow it
        elif key in self.behind:
            self.target_checked.emit(key)  # Enter on it unchanged: the translator says it still holds
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if section == COL_SOURCE:
                return self.tr("Source ({0})").format(self.source_language)
            if section == COL_TARGET:
                return (
                    self.tr("Translation ({0})").format(self.language)
                    if self.language
                    else self.tr("Translation")
                )
        return None
