"""The template editor's behaviour: one document, one undo stack, and the wiring between the tree,
the properties panels, the preview, the JSON view and the actions.

Edits apply at once and touch only what they change (one tree row, the fields on show). Validation
with the shared domain package, the preview and the JSON text refresh off the edit path, 150 ms after
the last change, so typing and moving stay fast on a 1,000-step template. Saving lives in `saving.py`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidgetItem

from server.tdl import TdlError, Template, normalize_template, validate_template

from . import clipboard
from .doc import TEMPLATE_UID, DocEvent, TemplateDoc
from .editing import DocEditor
from .editor_view import EditorView
from .factory import dependents
from .json_sync import JsonSync
from .problem_words import condition_words, problem_words
from .properties import PropertiesController
from .translations import TranslationsController
from .tree_model import UID_ROLE, StructureModel

REFRESH_DELAY_MS = 150
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class EditorController(QObject):
    refreshed = Signal(list)  # the validation details after each refresh

    def __init__(self, view: EditorView, parent: QObject | None = None) -> None:
        super().__init__(parent or view)
        self.view = view
        self.stack = view.undo_stack
        self.doc = TemplateDoc()
        self.editor = DocEditor(self.doc, self.stack)
        self.model = StructureModel(self.doc, self)
        view.tree.setModel(self.model)
        self.properties = PropertiesController(self.editor, view.node_panels, view.template_panel)
        self.json = JsonSync(view.json_view, self.editor)
        self.translations = TranslationsController(
            self.doc, self.editor, view.translations, view.preview, self
        )
        view.actions_["export_translations"].triggered.connect(self.translations.ask_export)
        view.actions_["import_translations"].triggered.connect(self.translations.ask_import)
        self.details: list[dict[str, str]] = []
        self.valid_model: Template | None = None
        self.last_type = "boolean"
        self._structural = False  # inside a structural change of the document
        self._keep: int | None = None
        self._open = True  # whether the section being moved was unfolded
        self._stale: set[str] = {"preview", "json"}
        self._asking: asyncio.Future[None] | None = None  # the question before deleting a step others name
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.doc.listeners.append(self._on_doc)
        self._wire()

    def _wire(self) -> None:
        v, a = self.view, self.view.actions_
        # JSON typed and not applied yet goes in before an edit these make (a toolbar button leaves the focus in
        # the JSON text): connected first, Qt calls it before the actions' own slots.
        edits = (
            "add_step",
            "add_section",
            "duplicate",
            "paste",
            "delete",
            "move_up",
            "move_down",
            "undo",
            "redo",
        )
        for action in [a[name] for name in edits] + list(v.type_actions.values()):
            action.triggered.connect(self.json.flush)
        a["add_step"].triggered.connect(lambda: self.add_step())
        a["add_section"].triggered.connect(self.add_section)
        a["duplicate"].triggered.connect(self.duplicate)
        a["copy"].triggered.connect(self.copy)
        a["paste"].triggered.connect(self.paste)
        a["delete"].triggered.connect(self.delete)
        a["move_up"].triggered.connect(lambda: self.move(-1))
        a["move_down"].triggered.connect(lambda: self.move(+1))
        a["undo"].triggered.connect(self.stack.undo)
        a["redo"].triggered.connect(self.stack.redo)
        for step_type, action in v.type_actions.items():
            action.triggered.connect(lambda _=False, t=step_type: self.add_step(t))
        self.stack.canUndoChanged.connect(a["undo"].setEnabled)
        self.stack.canRedoChanged.connect(a["redo"].setEnabled)
        self.stack.undoTextChanged.connect(
            lambda t: a["undo"].setToolTip(self.tr("Undo {0} (Ctrl+Z)").format(t) if t else self.tr("Undo"))
        )
        self.stack.redoTextChanged.connect(
            lambda t: a["redo"].setToolTip(
                self.tr("Redo {0} (Ctrl+Shift+Z)").format(t) if t else self.tr("Redo")
            )
        )
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        v.tree.selectionModel().currentChanged.connect(self._current_changed)
        v.tree.move_requested.connect(self._drop)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.modelReset.connect(v.tree.expandAll)
        v.status.clicked.connect(lambda: v.side.setCurrentWidget(v.problems_page))
        v.problems.itemClicked.connect(lambda item: self.select_path(item.data(PATH_ROLE)))
        self.json.node_requested.connect(self.select_path)
        v.side.currentChanged.connect(lambda _: self._refresh_views())
        v.middle.currentChanged.connect(
            lambda _: self.translations.set_shown(v.middle.currentWidget() is v.translations)
        )
        self.translations.set_shown(v.middle.currentWidget() is v.translations)

    # -- loading --------------------------------------------------------------------------------------
    def load(self, body: dict[str, Any]) -> None:
        """Hold a new body: a fresh history, the tree expanded, the first step selected."""
        self.stack.clear()
        self.doc.replace(body)
        self.translations.remember_sources()
        self.stack.setClean()
        self.properties.load_template()
        self.view.template_area.verticalScrollBar().setValue(0)
        self.view.tree.expandAll()
        first = next(self.doc.steps(), None)
        self.select(first.uid if first else None)
        self._timer.start()

    # -- selection ------------------------------------------------------------------------------------
    def current_uid(self) -> int | None:
        index = self.view.tree.currentIndex()
        return index.data(UID_ROLE) if index.isValid() else None

    def select(self, uid: int | None) -> None:
        index = self.model.index_of(uid) if uid is not None else QModelIndex()
        if index.isValid() and index.parent().isValid():
            self.view.tree.expand(index.parent())
        self.view.tree.setCurrentIndex(index)
        if index.isValid():
            self.view.tree.scrollTo(index)
        else:
            self.properties.show(None)

    def select_path(self, path: str | None) -> None:
        """Select the node an API path points at (template-level paths open the Template tab)."""
        if path is None:
            return
        uid, _ = self.doc.node_at(path)
        if uid == TEMPLATE_UID:
            self.view.middle.setCurrentIndex(1)  # the Template tab
            return
        self.select(uid)
        self.view.middle.setCurrentIndex(0)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._structural:
            return  # a row is being taken out and put back: the selection settles afterwards
        uid = current.data(UID_ROLE) if current.isValid() else None
        if uid == self.properties.uid and uid is not None:
            return
        self.properties.show(uid)
        # Another node's properties from their top: left where the last one was scrolled, a section's
        # title sat above the pane, which looked empty.
        self.view.node_area.verticalScrollBar().setValue(0)
        if uid is not None and self.doc.is_step(uid):
            self.view.preview.show_step(self.doc.get(uid, ("id",)))
        elif uid is not None and self.doc.node(uid) is not None:  # a section
            self.view.preview.show_section(self.doc.get(uid, ("id",)))

    def _rows_inserted(self, parent: QModelIndex, first: int, _last: int) -> None:
        if not parent.isValid():
            self.view.tree.expand(self.model.index(first, 0))

    # -- structure actions ----------------------------------------------------------------------------
    def add_step(self, step_type: str | None = None) -> int:
        self.last_type = step_type or self.last_type
        uid = self.editor.add_step(self.current_uid(), self.last_type)
        self.select(uid)
        self._focus(self.properties.step_panel.label_edit)
        return uid

    def add_section(self) -> int:
        uid = self.editor.add_section(self.current_uid())
        self.select(uid)
        self._focus(self.properties.section_panel.title_edit)
        return uid

    def duplicate(self) -> None:
        uid = self.current_uid()
        if uid is not None:
            self.select(self.editor.duplicate(uid))

    def copy(self) -> None:
        """The selected step or section onto the clipboard (Ctrl+C in the tree did nothing: only Duplicate
        copied, and only within the template)."""
        uid = self.current_uid()
        part = self.editor.copied(uid) if uid is not None else None
        if part is not None:
            QGuiApplication.clipboard().setMimeData(clipboard.to_mime(part))

    def paste(self) -> None:
        """The step or section on the clipboard, after the selected one (this template's or another's)."""
        part = clipboard.from_mime(QGuiApplication.clipboard().mimeData())
        if part is not None and (uid := self.editor.paste(self.current_uid(), part)) is not None:
            self.select(uid)

    def delete(self) -> None:
        """Delete the selected step or section; first ask when other steps' conditions name it (they were left
        naming a step that is gone, in ids the designer never typed)."""
        uid = self.current_uid()
        if uid is None:
            return
        depending = dependents(self.doc, uid)
        if depending:
            self._asking = asyncio.ensure_future(self._ask_delete(uid, depending))
            return
        self.select(self.editor.delete(uid))

    async def _ask_delete(self, uid: int, depending: list[str]) -> None:
        node = self.doc.node(uid)
        if node is None:
            return
        name = str(node.data.get("label" if self.doc.is_step(uid) else "title") or node.data.get("id"))
        if await self.view.ask_delete_depended_on(name, depending) and self.doc.node(uid) is node:
            self.select(self.editor.delete(uid))
        # The keys back in the tree, its window active (the closed question left the focus nowhere, and Ctrl+Z
        # or Delete went unheard).
        self.view.window().activateWindow()
        self.view.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def move(self, delta: int) -> None:
        uid = self.current_uid()
        if uid is not None and self.editor.move(uid, delta):
            self.select(uid)

    def _drop(self, uid: int, section_uid: int, row: int) -> None:
        if self.editor.move_to(uid, section_uid or None, row):
            self.select(uid)

    def _focus(self, widget: Any) -> None:
        self.view.middle.setCurrentIndex(0)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if hasattr(widget, "selectAll"):
            widget.selectAll()

    # -- validation and the views that follow the document ---------------------------------------------
    def _on_doc(self, ev: DocEvent, before: bool) -> None:
        """Restart the refresh countdown; around a structural change, keep the selection steady:
        the moved, inserted or (after undo) restored node ends up selected, a removed one's neighbour."""
        if ev.kind in ("value",):
            if not before:
                self._timer.start()
            return
        tree = self.view.tree
        if before:
            self._structural = True
            self._keep = self.properties.uid
            if ev.kind == "section_moved":
                self._open = tree.isExpanded(self.model.index_of(ev.uid))
            return
        self._structural = False
        self._timer.start()
        if ev.kind == "section_moved":
            # Folded as it was: a section taken out and put back comes back open (its row is new), so sections
            # folded to reorder a long template opened one by one as they were dragged, undone or moved.
            tree.setExpanded(self.model.index_of(ev.uid), self._open)
        if ev.kind in ("step_inserted", "step_moved", "section_inserted", "section_moved"):
            self.select(ev.uid)
        elif ev.kind == "reset" and self._keep is not None and self.doc.node(self._keep) is not None:
            self.select(self._keep)
        else:
            self._current_changed(self.view.tree.currentIndex(), QModelIndex())

    def validate(self) -> list[dict[str, str]]:
        """Check the document with the shared domain package (the server's own checks); keeps the
        last valid model for the preview."""
        return self.checked_body()[0]

    def checked_body(self) -> tuple[list[dict[str, str]], dict[str, Any] | None]:
        """(problems, the normalized body to send): the body only when there is no problem."""
        try:
            model = validate_template(self.doc.to_tdl())
        except TdlError as exc:
            return exc.details, None
        self.valid_model = model
        return [], normalize_template(model)

    def refresh(self) -> None:
        """Validate, then update problems, preview and JSON (run by the debounce timer)."""
        self._timer.stop()
        self.show_problems(self.validate())
        self._stale = {"preview", "json"}
        self._refresh_views()
        self.properties.refresh_context()

    def flush(self) -> None:
        """Run a pending refresh now (before saving, in tests)."""
        if self._timer.isActive():
            self.refresh()

    def show_problems(self, details: list[dict[str, str]], source: str = "") -> None:
        """Mark each problem on its node (tree, fields, lists). `source` names where they come from."""
        self.details = details
        by_uid: dict[int, list[tuple[str, str]]] = {}
        for d in details:
            uid, rest = self.doc.node_at(d.get("path", ""))
            message = d.get("message", "")
            if rest.startswith(
                "condition"
            ):  # the step it refers to by position and label, in the app's words
                message = condition_words(self.doc, message.strip()) or message
            by_uid.setdefault(uid, []).append((rest, message))
        self.model.set_problems(
            {uid: [f"{p}: {m}" if p else m for p, m in items] for uid, items in by_uid.items()}
        )
        self.properties.set_problems(by_uid)
        self.json.show_details(details)
        self._fill_problem_list(details, source)
        self.refreshed.emit(details)

    def _fill_problem_list(self, details: list[dict[str, str]], source: str) -> None:
        v = self.view
        v.problems.clear()
        for d in details:
            item = QListWidgetItem(problem_words(self.doc, d))
            where = d.get("path") or self.tr(
                "(template)"
            )  # a call of its own: lupdate misses one in an f-string
            item.setToolTip(f"{where}: {d.get('message', '')}")  # the API's words
            item.setData(PATH_ROLE, d.get("path", ""))
            v.problems.addItem(item)
        count = len(details)
        v.problems.setVisible(bool(count))
        v.problems_empty.setVisible(not count)
        v.side.setTabText(2, self.tr("Problems ({0})").format(count) if count else self.tr("Problems"))
        prefix = f"{source}: " if source else ""
        v.status.setText(prefix + (self.tr("⚠ %Ln problem(s)", "", count) if count else self.tr("✓ Valid")))
        v.status.setProperty("problem", bool(count))
        v.status.style().unpolish(v.status)
        v.status.style().polish(v.status)

    def _refresh_views(self) -> None:
        """Bring the side view on show up to date; the hidden one waits until it is shown."""
        side = self.view.side.currentWidget()
        if side is self.view.preview and "preview" in self._stale:
            self._stale.discard("preview")
            if not self.details and self.valid_model is not None:
                self.view.preview.set_template(normalize_template(self.valid_model), self.valid_model)
            else:
                self.view.preview.set_invalid(len(self.details))
        elif side is self.view.json_view and "json" in self._stale:
            self._stale.discard("json")
            self.json.refresh(force=True)
