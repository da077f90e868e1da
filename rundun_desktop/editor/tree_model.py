"""The structure tree's Qt model: sections at the top, their steps below, one item per node.

A QStandardItemModel, so that the tree view's own bookkeeping (it re-walks every expanded row after
any insert, remove or move) runs in C++ rather than calling Python a few thousand times. The model
follows the TemplateDoc event by event: an edit updates one item (and the condition words of the
steps that name it), a move takes one row out and puts it back elsewhere. It also carries the
validation problems per node, which the controller sets. It does no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from .condition_text import condition_words, type_name
from .doc import DocEvent, SectionNode, StepNode, TemplateDoc
from .qvariant import item_value

UID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "section" | "step"
TYPE_ROLE = Qt.ItemDataRole.UserRole + 3
CONDITION_ROLE = Qt.ItemDataRole.UserRole + 4  # the condition in plain words, or ""
PROBLEMS_ROLE = Qt.ItemDataRole.UserRole + 5  # list[str] of this node's problems
CHILD_PROBLEMS_ROLE = Qt.ItemDataRole.UserRole + 6  # a section: how many of its steps have problems
REQUIRED_ROLE = Qt.ItemDataRole.UserRole + 7
ID_ROLE = Qt.ItemDataRole.UserRole + 8
MIME = "application/x-rundun-node"

_STEP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
_SECTION_FLAGS = _STEP_FLAGS | Qt.ItemFlag.ItemIsDropEnabled
_NO_CHILDREN = _STEP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren


class StructureModel(QStandardItemModel):
    def __init__(self, doc: TemplateDoc, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.items: dict[int, QStandardItem] = {}
        self.shown: dict[int, dict[int, Any]] = {}  # uid → the role values its item holds
        self.problems: dict[int, list[str]] = {}
        self._steps_by_id: dict[str, dict] | None = None
        doc.listeners.append(self._on_doc)
        self._rebuild()

    def detach(self) -> None:
        if self._on_doc in self.doc.listeners:
            self.doc.listeners.remove(self._on_doc)

    # -- lookups --------------------------------------------------------------------------------------
    def index_of(self, uid: int) -> QModelIndex:
        item = self.items.get(uid)
        return item.index() if item is not None else QModelIndex()

    def node(self, index: QModelIndex) -> SectionNode | StepNode | None:
        return self.doc.node(index.data(UID_ROLE)) if index.isValid() else None

    def _steps(self) -> dict[str, dict]:
        if self._steps_by_id is None:
            self._steps_by_id = {
                n.data["id"]: n.data for n in self.doc.steps() if isinstance(n.data.get("id"), str)
            }
        return self._steps_by_id

    # -- items ----------------------------------------------------------------------------------------
    def _new_item(self, node: SectionNode | StepNode) -> QStandardItem:
        item = QStandardItem()
        item.setData(node.uid, UID_ROLE)
        is_step = isinstance(node, StepNode)
        item.setData("step" if is_step else "section", KIND_ROLE)
        item.setFlags(_NO_CHILDREN if is_step else _SECTION_FLAGS)
        self.items[node.uid] = item
        # A new item holds nothing yet, whatever an earlier item of this node showed: a section deleted and
        # brought back by undo kept its old record here, so nothing was written and its heading drew blank.
        self.shown.pop(node.uid, None)
        self._fill(item, node)
        return item

    def _fill(self, item: QStandardItem, node: SectionNode | StepNode) -> None:
        """(Re)write an item's roles from its node; only roles whose value changed emit a change."""
        d = node.data
        if isinstance(node, StepNode):
            text = d.get("label")
            values: dict[int, Any] = {
                TYPE_ROLE: item_value(d.get("type")),
                REQUIRED_ROLE: bool(d.get("required", True)),
                CONDITION_ROLE: condition_words(d.get("condition"), self._steps()),
            }
        else:
            text = d.get("title")
            values = {CHILD_PROBLEMS_ROLE: sum(1 for n in node.steps if n.uid in self.problems)}
        values[Qt.ItemDataRole.DisplayRole] = (
            text if isinstance(text, str) and text else self.tr("(untitled)")
        )
        values[ID_ROLE] = item_value(d.get("id"))
        values[PROBLEMS_ROLE] = self.problems.get(node.uid, [])
        values[Qt.ItemDataRole.ToolTipRole] = self._tooltip(node, values)
        # Compared with what was set before, never read back from the item (see qvariant.py).
        before = self.shown.setdefault(node.uid, {})
        for role, value in values.items():
            if role not in before or before[role] != value:
                item.setData(value, role)
                before[role] = value

    def _tooltip(self, node: SectionNode | StepNode, values: dict[int, Any]) -> str:
        if isinstance(node, SectionNode):
            head = self.tr("Section {0} · {1}").format(
                node.data.get("id", ""), self.tr("%Ln step(s)", "", len(node.steps))
            )
        else:
            step_type = node.data.get("type")
            head = self.tr("{0} step {1}").format(
                type_name(step_type, str(step_type)), node.data.get("id", "")
            )
            head += (
                self.tr("\nShown {0}").format(values[CONDITION_ROLE]) if values.get(CONDITION_ROLE) else ""
            )
        return head + "".join(f"\n⚠ {p}" for p in values[PROBLEMS_ROLE])

    def _refresh(self, uid: int) -> None:
        item, node = self.items.get(uid), self.doc.node(uid)
        if item is not None and node is not None:
            self._fill(item, node)

    def _rebuild(self) -> None:
        self.clear()
        self.items, self.shown = {}, {}
        self._steps_by_id = None
        root = self.invisibleRootItem()
        for section in self.doc.sections:
            section_item = self._new_item(section)
            section_item.appendRows([self._new_item(step) for step in section.steps])
            root.appendRow(section_item)

    def set_problems(self, problems: dict[int, list[str]]) -> None:
        """Show validation problems per uid; only the items whose problems changed are touched."""
        changed = {
            uid for uid in set(problems) | set(self.problems) if problems.get(uid) != self.problems.get(uid)
        }
        self.problems = problems
        for uid in set(changed):
            if self.doc.is_step(uid):
                changed.add(self.doc.section_of(uid).uid)
        for uid in changed:
            self._refresh(uid)

    # -- the document is the only writer --------------------------------------------------------------
    # Qt's item views change their model on their own in places: after a drag that ended in a move,
    # QAbstractItemView::startDrag removes the dragged (still selected) rows from the source model, and
    # its default drop inserts the dropped data. Here a drop is an undoable move of the document, whose
    # event has already moved the row; a second, Qt-made removal deleted the moved item (the tree lost
    # the row, `items` kept a deleted QStandardItem, undo and redo then worked on the wrong rows).
    # So the tree follows the document alone: every structural change from outside is refused.
    # (The model's own edits go through QStandardItem methods, which do not call these.)
    def removeRows(
        self,
        row: int,
        count: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> bool:
        return False

    def insertRows(
        self,
        row: int,
        count: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> bool:
        return False

    def moveRows(self, *args: Any) -> bool:
        return False

    def dropMimeData(self, *args: Any) -> bool:
        return False

    def setData(self, *args: Any) -> bool:
        return False

    def setItemData(self, *args: Any) -> bool:
        return False

    # -- drag and drop: the view turns a drop into an undoable move; the model only names the node -----
    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        mime.setData(MIME, ",".join(str(i.data(UID_ROLE)) for i in indexes if i.isValid()).encode())
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    # -- document events ------------------------------------------------------------------------------
    def _on_doc(self, ev: DocEvent, before: bool) -> None:
        if before:
            return
        if ev.kind == "value":
            self._value_changed(ev)
            return
        self._steps_by_id = None
        if ev.kind == "reset":
            self.problems = {uid: p for uid, p in self.problems.items() if self.doc.node(uid) is not None}
            self._rebuild()
            return
        if ev.kind.startswith("step_"):
            self._step_event(ev)
        else:
            self._section_event(ev)
        self._refresh_conditions()

    def _refresh_conditions(self) -> None:
        """A step came, went or moved: the words of conditions naming it change too (a step deleted is
        named by its id, its options by theirs; undone, by their labels again). Only changed roles emit."""
        for node in self.doc.steps():
            if node.data.get("condition") and node.uid in self.items:
                self._refresh(node.uid)

    def _value_changed(self, ev: DocEvent) -> None:
        if ev.uid == 0:
            return
        self._refresh(ev.uid)
        if self.doc.is_step(ev.uid) and ev.path[:1] in (("label",), ("id",), ("config",), ("type",), ()):
            self._steps_by_id = None
            step_id = self.doc.get(ev.uid, ("id",))
            for node in self.doc.steps():  # steps whose condition words name this step
                condition = node.data.get("condition")
                if (
                    condition
                    and node.uid != ev.uid
                    and (ev.path[:1] == ("id",) or _mentions(condition, step_id))
                ):
                    self._refresh(node.uid)

    def _step_event(self, ev: DocEvent) -> None:
        if ev.kind == "step_inserted":
            node = self.doc.node(ev.uid)
            assert isinstance(node, StepNode)
            self.items[ev.section_uid].insertRow(ev.row, self._new_item(node))
        elif ev.kind == "step_removed":
            self.items[ev.section_uid].removeRow(ev.row)
            del self.items[ev.uid]
            self.shown.pop(ev.uid, None)
        else:  # step_moved
            row = self.items[ev.old_section_uid].takeRow(ev.old_row)
            self.items[ev.section_uid].insertRow(ev.row, row)
            self._refresh(ev.old_section_uid)
        self._refresh(ev.section_uid)

    def _section_event(self, ev: DocEvent) -> None:
        root = self.invisibleRootItem()
        if ev.kind == "section_inserted":
            node = self.doc.node(ev.uid)
            assert isinstance(node, SectionNode)
            item = self._new_item(node)
            item.appendRows([self._new_item(step) for step in node.steps])
            root.insertRow(ev.row, item)
        elif ev.kind == "section_removed":
            gone = self.items.pop(ev.uid)
            for i in range(gone.rowCount()):
                uid = gone.child(i).data(UID_ROLE)
                self.items.pop(uid, None)
                self.shown.pop(uid, None)
            root.removeRow(ev.row)
        else:  # section_moved
            root.insertRow(ev.row, root.takeRow(ev.old_row))


def _mentions(condition: Any, step_id: Any) -> bool:
    """Whether a condition names `step_id` anywhere (a cheap textual check is enough to repaint)."""
    return isinstance(step_id, str) and step_id in repr(condition)
