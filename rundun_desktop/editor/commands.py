"""Every edit of a template as a QUndoCommand over a `TemplateDoc`.

Commands refer to nodes by uid, so they stay right across moves and id changes. Value edits
remember the whole top-level key they touch (a step's `config`, the template's `settings`) and put it
back on undo, so an undo restores exactly what was there, absent keys included. Typing merges into
one command per field (`merge_key`), so one undo takes back a word, not a letter.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from .doc import MISSING, SectionNode, StepNode, TemplateDoc, make_section, make_step

Edit = tuple[int, tuple, Any]  # (uid, path inside the node, new value or MISSING)


def _copy(value: Any) -> Any:
    return value if value is MISSING else copy.deepcopy(value)


class EditCommand(QUndoCommand):
    """Set one or more values (a label; a type with its new config; an id and the conditions that
    name it). Values are copied in and out, so later edits never alter what undo will restore."""

    MERGE_ID = 1

    def __init__(self, doc: TemplateDoc, text: str, edits: list[Edit], merge_key: Any = None) -> None:
        super().__init__(text)
        self.doc = doc
        self.merge_key = merge_key
        self.edits = [(uid, tuple(path), _copy(value)) for uid, path, value in edits]
        self.old: dict[tuple[int, Any], Any] = {}
        for uid, path, _ in self.edits:
            key = (uid, path[0])
            if key not in self.old:
                self.old[key] = _copy(doc.get(uid, path[:1]))

    def redo(self) -> None:
        for uid, path, value in self.edits:
            self.doc.set(uid, path, _copy(value))

    def undo(self) -> None:
        for (uid, key), value in reversed(self.old.items()):
            self.doc.set(uid, (key,), _copy(value))

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self.edits = other.edits
        for key, value in other.old.items():
            self.old.setdefault(key, value)
        return True


class InsertStepCommand(QUndoCommand):
    def __init__(
        self, doc: TemplateDoc, section_uid: int, row: int, data: dict, text: str = "Add step"
    ) -> None:
        super().__init__(text)
        self.doc, self.section_uid, self.row = doc, section_uid, row
        self.node = make_step(data)

    def redo(self) -> None:
        self.doc.insert_step(self.section_uid, self.row, self.node)

    def undo(self) -> None:
        # The node as the document holds it now, for the next redo: a JSON edit made after the insertion holds
        # new node objects, and the one made here may carry later changes (see InsertSectionCommand).
        self.node = self.doc.remove_step(self.node.uid)[2]


class RemoveStepCommand(QUndoCommand):
    def __init__(self, doc: TemplateDoc, uid: int) -> None:
        super().__init__(QCoreApplication.translate("RemoveStepCommand", "Delete step"))
        self.doc, self.uid = doc, uid
        self.place: tuple[int, int, StepNode] | None = None

    def redo(self) -> None:
        self.place = self.doc.remove_step(self.uid)

    def undo(self) -> None:
        assert self.place is not None
        section_uid, row, node = self.place
        self.doc.insert_step(section_uid, row, node)


class MoveStepCommand(QUndoCommand):
    """Move a step to a final position, in its own section or another."""

    def __init__(self, doc: TemplateDoc, uid: int, section_uid: int, row: int) -> None:
        super().__init__(QCoreApplication.translate("MoveStepCommand", "Move step"))
        self.doc, self.uid, self.to = doc, uid, (section_uid, row)
        self.back = (doc.section_of(uid).uid, doc.step_row(uid))

    def redo(self) -> None:
        self.doc.move_step(self.uid, *self.to)

    def undo(self) -> None:
        self.doc.move_step(self.uid, *self.back)


class InsertSectionCommand(QUndoCommand):
    def __init__(self, doc: TemplateDoc, row: int, data: dict, text: str = "Add section") -> None:
        super().__init__(text)
        self.doc, self.row = doc, row
        self.node = make_section(data)

    def redo(self) -> None:
        self.doc.insert_section(self.row, self.node)

    def undo(self) -> None:
        # Kept as the document holds it now: the node made here, its step list moved in and out of later and
        # then replaced by a JSON edit's nodes, came back on redo without a step dragged out of it before that
        # edit, and the next redo (moving that step) failed.
        self.node = self.doc.remove_section(self.node.uid)[1]


class RemoveSectionCommand(QUndoCommand):
    def __init__(self, doc: TemplateDoc, uid: int) -> None:
        super().__init__(QCoreApplication.translate("RemoveSectionCommand", "Delete section"))
        self.doc, self.uid = doc, uid
        self.place: tuple[int, SectionNode] | None = None

    def redo(self) -> None:
        self.place = self.doc.remove_section(self.uid)

    def undo(self) -> None:
        assert self.place is not None
        self.doc.insert_section(*self.place)


class MoveSectionCommand(QUndoCommand):
    def __init__(self, doc: TemplateDoc, uid: int, row: int) -> None:
        super().__init__(QCoreApplication.translate("MoveSectionCommand", "Move section"))
        self.doc, self.uid, self.row = doc, uid, row
        self.back = doc.section_row(uid)

    def redo(self) -> None:
        self.doc.move_section(self.uid, self.row)

    def undo(self) -> None:
        self.doc.move_section(self.uid, self.back)


class ReplaceCommand(QUndoCommand):
    """Replace the whole body (an edit in the JSON view, a restored version). JSON typing merges."""

    MERGE_ID = 2

    def __init__(self, doc: TemplateDoc, data: dict, text: str = "Edit JSON", merge: bool = False) -> None:
        super().__init__(text)
        self.doc, self.merge = doc, merge
        self.new = copy.deepcopy(data)
        self.old = copy.deepcopy(doc.to_tdl())
        # The nodes' uids on each side, so an undo or redo gives every node the uid the other commands name.
        self.old_layout = doc.layout()
        self.new_layout: list[tuple[int, list[int]]] | None = None

    def redo(self) -> None:
        self.doc.replace(self.new, self.new_layout)
        self.new_layout = self.doc.layout()

    def undo(self) -> None:
        self.doc.replace(self.old, self.old_layout)

    def id(self) -> int:
        return self.MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ReplaceCommand) or not other.merge:
            return False
        self.new, self.new_layout = other.new, other.new_layout
        return True
