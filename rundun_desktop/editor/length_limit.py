"""Text fields with a length limit (the TDL's: a label holds 500 characters) that say when they are at it.

Qt's own limit (`setMaxLength`) cut a paste silently: 2,000 characters pasted into a label stopped at 500
while the header said "✓ Valid". Here the field keeps the limit itself, so it knows when it cut something,
and a note under it says so: "500 characters at most", or "Some text was cut: 500 characters at most".
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from .fields import line_edit, muted


class LengthLimit(QObject):
    """Keeps `edit` within `limit` characters, cutting what typing or pasting puts past it, and shows
    `note` while the text is at the limit."""

    def __init__(self, edit: QLineEdit, limit: int) -> None:
        super().__init__(edit)
        self.edit, self.limit = edit, limit
        self.note = muted("")
        self.note.setObjectName("lengthNote")
        self.note.hide()
        self._cut_to: str | None = None  # the text as a cut left it, until it changes
        # Connected before the field's binding, so the binding reads the text once it is cut.
        edit.textEdited.connect(self._edited)
        edit.textChanged.connect(lambda _: self._show())

    def _edited(self, text: str) -> None:
        excess = len(text) - self.limit
        if excess <= 0:
            return
        # What went past the limit is the end of what was just typed or pasted (it ends at the cursor), not
        # the text after it.
        at = self.edit.cursorPosition()
        kept = text[: at - excess] + text[at:] if at >= excess else text[: self.limit]
        self._cut_to = kept
        self.edit.setText(kept)
        self.edit.setCursorPosition(max(at - excess, 0))
        self._show()

    def _show(self) -> None:
        text = self.edit.text()
        if text != self._cut_to:
            self._cut_to = None
        at_limit = len(text) >= self.limit
        limit = QLocale().toString(self.limit)
        if text == self._cut_to:
            self.note.setText(self.tr("Some text was cut: {0} characters at most").format(limit))
        else:
            self.note.setText(self.tr("{0} characters at most").format(limit))
        self.note.setVisible(at_limit)


def limited_line_edit(placeholder: str, name: str, limit: int) -> tuple[QLineEdit, QWidget]:
    """A line edit that holds at most `limit` characters, and the widget to place in the form: the edit
    with its note under it."""
    edit = line_edit(placeholder, name)
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(edit)
    column.addWidget(LengthLimit(edit, limit).note)
    return edit, holder
