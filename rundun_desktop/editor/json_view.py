"""Layout of the JSON view: the TDL as text, a status line, and the problems with their lines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.theme import colour
from rundun_desktop.widgets.wrapped_rows import fit_wrapped_rows

from .icons import ERROR_COLOUR

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
LINE_ROLE = Qt.ItemDataRole.UserRole + 2


class JsonView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("jsonEditor")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabChangesFocus(False)
        self.status = QLabel()
        self.status.setObjectName("jsonStatus")
        self.status.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("jsonProblems")
        fit_wrapped_rows(self.problems)  # a whole sentence, not one running off the pane's right edge
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setMaximumHeight(140)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.editor)
        split.addWidget(self.problems)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def set_text(self, text: str) -> None:
        """Replace the text, keeping the scroll position (a refresh, not a jump)."""
        bar = self.editor.verticalScrollBar()
        position = bar.value()
        self.editor.setPlainText(text)
        bar.setValue(position)

    def show_status(self, text: str, bad: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("problem", bad)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def show_problems(self, rows: list[tuple[str, str, int]]) -> None:
        """(path, message, line) rows: listed below, and their lines tinted in the text."""
        self.problems.clear()
        for path, message, line in rows:
            item = QListWidgetItem(
                self.tr("line {0} · {1}: {2}").format(line + 1, path or "(template)", message)
            )
            item.setData(PATH_ROLE, path)
            item.setData(LINE_ROLE, line)
            item.setForeground(QColor(colour(ERROR_COLOUR)))
            self.problems.addItem(item)
        self.problems.setVisible(bool(rows))
        selections = []
        document = self.editor.document()
        for line in sorted({r[2] for r in rows}):
            block = document.findBlockByNumber(line)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(colour("#fde4e4")))  # the error's soft tint
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(block)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def go_to_line(self, line: int) -> None:
        block = self.editor.document().findBlockByNumber(line)
        if block.isValid():
            cursor = QTextCursor(block)
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()
