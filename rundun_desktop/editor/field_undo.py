"""Undo and redo keys in the editor's text fields act on the document, not on the field's own text history.

A field's text is in the document as soon as it is typed (labels, hints, titles) or when editing finishes
(ids). Qt's line edits and text areas take Ctrl+Z for their own undo, which reverted text already in the
document and sent the old text back as a new change (Redo lit up, and the change meant was left undone).
So a field gives the Undo/Redo keys up to the editor's actions, unless it holds typing not yet committed:
that typing is the field's own to undo.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QWidget

TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QAbstractSpinBox)


def commits_when_finished(edit: QLineEdit) -> None:
    """Mark a line edit whose text reaches the document when editing finishes (Enter, or the focus
    leaving), not at each key: until then its typing is its own to undo. Its modified flag says whether
    it holds such typing, so the flag is cleared once the text is committed."""
    edit._rundun_commits_when_finished = True  # type: ignore[attr-defined]
    edit.editingFinished.connect(lambda: edit.setModified(False))


def holds_uncommitted_typing(field: QWidget) -> bool:
    return (
        isinstance(field, QLineEdit)
        and getattr(field, "_rundun_commits_when_finished", False)
        and field.isModified()
    )


class DocumentUndoKeys(QObject):
    """Hands the undo/redo key presses of the text fields under `roots` to the editor's actions.

    The filter is put on a field when it takes the focus (the panels build rows as options and conditions
    are added), since only the focused field is asked whether it wants a key."""

    def __init__(self, roots: Iterable[QWidget], sequences: Iterable[QKeySequence]) -> None:
        roots = list(roots)
        super().__init__(roots[0])
        self.roots = roots
        self.sequences = [s for s in sequences if not s.isEmpty()]
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)  # a slot of a QObject: let go when it is destroyed

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, TEXT_FIELDS) and any(root.isAncestorOf(new) for root in self.roots):
            new.installEventFilter(self)  # installed again, it is not called twice

    def _is_undo_or_redo(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for s in self.sequences)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and self._is_undo_or_redo(event)
            and not holds_uncommitted_typing(watched)
        ):
            event.ignore()  # not the field's: the shortcut goes to the editor's Undo/Redo action
            return True
        return False
