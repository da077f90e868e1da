"""The structure tree's Qt model: sections at the top, their steps below, read live from a TemplateDoc.

The model keeps no copy of the rows: it answers from the document and turns each document event
into the matching begin/end call (one row inserted, one row moved, one row's data changed), so an
edit on a 1,000-step template touches one item and never rebuilds the tree. A step's index carries
its section's uid as internal id (sections carry 0), which stays right while sections move.
It holds the validation problems per node as well (set by the controller), and does no I/O.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from .condition_text import TYPE_NAMES, condition_words
from .doc import DocEvent, SectionNode, StepNode, TemplateDoc

UID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "section" | "step"
TYPE_ROLE = Qt.ItemDataRole.UserRole + 3
CONDITION_ROLE = Qt.ItemDataRole.UserRole + 4  # the condition in plain words, or ""
PROBLEMS_ROLE = Qt.ItemDataRole.UserRole + 5  # list[str] of this node's problems
CHILD_PROBLEMS_ROLE = Qt.ItemDataRole.UserRole + 6  # a section: how many of its steps have problems
REQUIRED_ROLE = Qt.ItemDataRole.UserRole + 7
ID_ROLE = Qt.ItemDataRole.UserRole + 8
MIME = "application/x-rundun-node"

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a shared default argument


class StructureModel(QAbstractItemModel):
    def __init__(self, doc: TemplateDoc, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.problems: dict[int, list[str]] = {}
        self._steps_by_id: dict[str, dict] | None = None
        self._moving = False
        doc.listeners.append(self._on_doc)

    def detach(self) -> None:
        if self._on_doc in self.doc.listeners:
            self.doc.listeners.remove(self._on_doc)

    # -- structure ------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.doc.sections) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self.doc.sections):
            return QModelIndex()
        section = self.doc.sections[parent.row()]
        return self.createIndex(row, 0, section.uid) if row < len(section.steps) else QModelIndex()

    def parent(self, child: AnyIndex | None = None):  # type: ignore[override]
        if child is None:
            return super().parent()  # QObject.parent()
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(self.doc.section_row(child.internalId()), 0, 0)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self.doc.sections)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self.doc.sections[parent.row()].steps)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 1

    def node(self, index: AnyIndex) -> SectionNode | StepNode | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self.doc.sections[index.row()]
        section = self.doc.sections[self.doc.section_row(index.internalId())]
        return section.steps[index.row()]

    def index_of(self, uid: int) -> QModelIndex:
        node = self.doc.node(uid)
        if isinstance(node, SectionNode):
            return self.createIndex(self.doc.section_row(uid), 0, 0)
        if isinstance(node, StepNode):
            section = self.doc.section_of(uid)
            return self.createIndex(self.doc.step_row(uid), 0, section.uid)
        return QModelIndex()

    # -- data -----------------------------------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        d = node.data
        is_step = isinstance(node, StepNode)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = d.get("label") if is_step else d.get("title")
            return text if isinstance(text, str) and text else "(untitled)"
        if role == UID_ROLE:
            return node.uid
        if role == KIND_ROLE:
            return "step" if is_step else "section"
        if role == ID_ROLE:
            return d.get("id")
        if role == TYPE_ROLE:
            return d.get("type") if is_step else None
        if role == REQUIRED_ROLE:
            return bool(d.get("required", True)) if is_step else False
        if role == CONDITION_ROLE:
            return condition_words(d.get("condition"), self._steps()) if is_step else ""
        if role == PROBLEMS_ROLE:
            return self.problems.get(node.uid, [])
        if role == CHILD_PROBLEMS_ROLE and isinstance(node, SectionNode):
            return sum(1 for n in node.steps if n.uid in self.problems)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        return None

    def _tooltip(self, node: SectionNode | StepNode) -> str:
        if isinstance(node, SectionNode):
            head = f"Section {node.data.get('id', '')} · {len(node.steps)} steps"
        else:
            head = f"{TYPE_NAMES.get(node.data.get('type'), node.data.get('type'))} step {node.data.get('id', '')}"
            words = condition_words(node.data.get("condition"), self._steps())
            head += f"\nShown {words}" if words else ""
        problems = self.problems.get(node.uid, [])
        return head + "".join(f"\n⚠ {p}" for p in problems)

    def _steps(self) -> dict[str, dict]:
        if self._steps_by_id is None:
            self._steps_by_id = {n.data["id"]: n.data for n in self.doc.steps() if isinstance(n.data.get("id"), str)}
        return self._steps_by_id

    def set_problems(self, problems: dict[int, list[str]]) -> None:
        """Show validation problems per uid; only the rows whose problems changed repaint."""
        changed = {uid for uid in set(problems) | set(self.problems) if problems.get(uid) != self.problems.get(uid)}
        self.problems = problems
        touched = set(changed)
        for uid in changed:
            if self.doc.is_step(uid):
                touched.add(self.doc.section_of(uid).uid)
        for uid in touched:
            self._changed(uid)

    # -- drag and drop (the drop itself is handled by the view, through the undo stack) ----------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() == 0:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        uids = [str(self.data(i, UID_ROLE)) for i in indexes if i.isValid()]
        mime.setData(MIME, ",".join(uids).encode())
        return mime

    # -- document events ------------------------------------------------------------------------------
    def _changed(self, uid: int) -> None:
        index = self.index_of(uid)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def _on_doc(self, ev: DocEvent, before: bool) -> None:
        if ev.kind == "value":
            if not before:
                self._value_changed(ev)
            return
        self._steps_by_id = None
        handler = getattr(self, f"_{ev.kind}")
        handler(ev, before)

    def _value_changed(self, ev: DocEvent) -> None:
        if ev.uid == 0:
            return
        self._changed(ev.uid)
        if self.doc.is_step(ev.uid) and ev.path[:1] in (("label",), ("id",), ("config",), ("type",), ()):
            self._steps_by_id = None
            old_id = self.doc.get(ev.uid, ("id",))
            for node in self.doc.steps():  # steps whose condition words name this step
                if node.uid != ev.uid and node.data.get("condition") and (
                    ev.path[:1] == ("id",) or _mentions(node.data["condition"], old_id)
                ):
                    self._changed(node.uid)

    def _step_inserted(self, ev: DocEvent, before: bool) -> None:
        if before:
            parent = self.index_of(ev.section_uid)
            self.beginInsertRows(parent, ev.row, ev.row)
        else:
            self.endInsertRows()
            self._changed(ev.section_uid)

    def _step_removed(self, ev: DocEvent, before: bool) -> None:
        if before:
            self.beginRemoveRows(self.index_of(ev.section_uid), ev.row, ev.row)
        else:
            self.endRemoveRows()
            self._changed(ev.section_uid)

    def _step_moved(self, ev: DocEvent, before: bool) -> None:
        if before:
            same = ev.old_section_uid == ev.section_uid
            dest = ev.row + 1 if same and ev.row > ev.old_row else ev.row
            src, dst = self.index_of(ev.old_section_uid), self.index_of(ev.section_uid)
            self._moving = self.beginMoveRows(src, ev.old_row, ev.old_row, dst, dest)
            if not self._moving:
                self.layoutAboutToBeChanged.emit()
        else:
            if self._moving:
                self.endMoveRows()
            else:
                self.layoutChanged.emit()
            for uid in {ev.section_uid, ev.old_section_uid}:
                self._changed(uid)

    def _section_inserted(self, ev: DocEvent, before: bool) -> None:
        if before:
            self.beginInsertRows(QModelIndex(), ev.row, ev.row)
        else:
            self.endInsertRows()

    def _section_removed(self, ev: DocEvent, before: bool) -> None:
        if before:
            self.beginRemoveRows(QModelIndex(), ev.row, ev.row)
        else:
            self.endRemoveRows()

    def _section_moved(self, ev: DocEvent, before: bool) -> None:
        if before:
            dest = ev.row + 1 if ev.row > ev.old_row else ev.row
            self.beginMoveRows(QModelIndex(), ev.old_row, ev.old_row, QModelIndex(), dest)
        else:
            self.endMoveRows()

    def _reset(self, ev: DocEvent, before: bool) -> None:
        if before:
            self.beginResetModel()
        else:
            self.problems = {uid: p for uid, p in self.problems.items() if self.doc.node(uid) is not None}
            self.endResetModel()


def _mentions(condition: Any, step_id: Any) -> bool:
    """Whether a condition names `step_id` anywhere (a cheap textual check is enough to repaint)."""
    return isinstance(step_id, str) and step_id in repr(condition)
