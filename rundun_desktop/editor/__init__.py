"""The Templates area of the desktop app: the template list and the visual template editor.

`TemplatesPage(api)` is what the main window places in its sidebar. It shows the list and, when a
template is opened, created, imported or generated, the editor; leaving the editor with unsaved
changes asks first. The main window may call `has_unsaved_changes()` / `confirm_leave()` on quit.
With a `draft_path`, unsaved changes are kept on disk as they are made and offered back after a session
that ended without saving them (drafts.py).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget
from qasync import asyncSlot

from ..api_client import ApiClient, ApiError
from ..formatting import local_time
from .doc import TemplateDoc
from .drafts import Draft, DraftKeeper, load_draft, remove_draft
from .editor_controller import EditorController
from .editor_view import EditorView
from .factory import new_template
from .list_controller import TemplateListController
from .list_view import TemplateListView
from .newer import NewerVersionCheck
from .prompts import Prompter
from .saving import SaveController

__all__ = ["TemplatesPage"]


class TemplatesPage(QWidget):
    dispatch_requested = Signal(str)  # a template id: the list's "Dispatch run…"

    def __init__(self, api: ApiClient, parent: QWidget | None = None, draft_path: Path | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.prompter = Prompter(self)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list_view = TemplateListView()
        self.list = TemplateListController(self.list_view, api, self.prompter)
        self.stack.addWidget(self.list_view)
        # The editor is built when a template is first opened, created or recovered (`editor_view`): built with
        # the list, it made the first visit to the page take some 300 ms for a list alone.
        self._editor_view: EditorView | None = None
        self._editor: EditorController | None = None
        self._saver: SaveController | None = None
        self.newer: NewerVersionCheck | None = None

        self.list.open_requested.connect(self.open_template)
        self.list.new_requested.connect(self.new_template)
        self.list.body_requested.connect(self.open_body)
        self.list.dispatch_requested.connect(self.dispatch_requested)
        # F5 (Ctrl+R on macOS): the list as the server has it now, as the page's coming into sight does.
        refresh_keys = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self.list_view)
        refresh_keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh_keys.activated.connect(self.list.refresh)
        self.draft_path = draft_path
        self.drafts: DraftKeeper | None = None  # with the editor: there is nothing to keep before it
        self.draft: Draft | None = None  # kept from a session that ended before it was saved, on offer
        self._draft_looked = draft_path is None
        self.list_view.recover_button.clicked.connect(self.recover_draft)
        self.list_view.discard_draft_button.clicked.connect(self.discard_draft)

    # -- the editor, built when first needed ---------------------------------------------------------------
    def _build_editor(self) -> tuple[EditorView, EditorController, SaveController]:
        view = EditorView()
        editor = EditorController(view)
        saver = SaveController(editor, self.api, self.prompter)
        self._editor_view, self._editor, self._saver = view, editor, saver
        self.stack.addWidget(view)
        view.back_button.clicked.connect(self.back)
        self.newer = NewerVersionCheck(saver, self.api)
        # F5 (Ctrl+R on macOS) in the editor: is there a newer version of this template, made elsewhere?
        check_keys = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), view)
        check_keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        check_keys.activated.connect(self.newer.check_clicked)
        if self.draft_path is not None:
            self.drafts = DraftKeeper(saver, self.draft_path)
        return view, editor, saver

    @property
    def editor_view(self) -> EditorView:
        return self._build_editor()[0] if self._editor_view is None else self._editor_view

    @property
    def editor(self) -> EditorController:
        return self._build_editor()[1] if self._editor is None else self._editor

    @property
    def saver(self) -> SaveController:
        return self._build_editor()[2] if self._saver is None else self._saver

    # -- navigation -----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Read again each time the list comes into sight: templates made elsewhere since (the API, another
        # supervisor, the library in another window) were missing until a search was typed.
        if self.stack.currentWidget() is self.list_view and not event.spontaneous():
            self.list.refresh()
        self._check_newer()
        if not self._draft_looked:
            self._draft_looked = True
            asyncio.ensure_future(self.offer_draft())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._check_newer()  # back from another window or app, where the template may have been saved

    def _check_newer(self) -> None:
        """A version made elsewhere while the editor was out of sight or focus: asked for now, never on a timer,
        never while the page is hidden or minimized."""
        if self.editing and self.newer is not None and self.isVisible() and not self.window().isMinimized():
            asyncio.ensure_future(self.newer.check())

    # -- changes kept from a session that ended before they were saved ----------------------------------
    async def offer_draft(self) -> None:
        assert self.draft_path is not None
        draft = await asyncio.to_thread(load_draft, self.draft_path)
        if draft is None or self.editing:  # editing already: what is open now is kept instead
            return
        self.draft = draft
        self.list_view.draft_text.setText(
            self.tr(
                "“{0}” has changes that were not saved when Rundun last closed (kept {1}). Recover them to "
                "go on editing, or discard them."
            ).format(draft.name, local_time(draft.kept_at))
        )
        self.list_view.draft_bar.show()

    @asyncSlot()
    async def recover_draft(self) -> None:
        """The kept changes in the editor, unsaved: over the version they were made to, as one undoable
        change (a newer version on the server brings the conflict question at Save), or as a new template
        when it was never saved, is gone, or lives on another server than the one connected now."""
        draft = self.draft
        if draft is None:
            return
        document = None
        if draft.template_id is not None and draft.server == self.api.base_url:
            try:
                document = await self.api.get_template(draft.template_id, draft.version)
            except ApiError as exc:
                if exc.status != 404:
                    self.prompter.error(self.tr("Could not open the template"), str(exc))
                    return
        self.draft = None
        self.list_view.draft_bar.hide()
        if document is None:
            self.saver.open_new(draft.body)
        else:
            self.saver.open_saved(document)
            self.editor.editor.replace(draft.body, text=self.tr("Recover unsaved changes"))
        self.show_editor()

    def discard_draft(self) -> None:
        assert self.draft_path is not None
        self.draft = None
        self.list_view.draft_bar.hide()
        remove_draft(self.draft_path)  # an unlink: no data written

    def show_editor(self) -> None:
        """The editor in place of the list, the focus in its tree: its shortcuts (Ctrl+S, Ctrl+N, Ctrl+Z) work
        at once. Left where it was, the focus stayed on the hidden list or the editor's Back button."""
        self.stack.setCurrentWidget(self.editor_view)
        self.editor_view.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def editing(self) -> bool:
        return self._editor_view is not None and self.stack.currentWidget() is self._editor_view

    def new_template(self) -> None:
        self.open_body(new_template(TemplateDoc().new_id))

    def open_body(self, body: dict) -> None:
        """Edit a body that is not saved yet (new, imported or generated)."""
        self.saver.open_new(body)
        self.show_editor()

    @asyncSlot(str)
    async def open_template(self, template_id: str) -> None:
        await self.open(template_id)

    async def open(self, template_id: str) -> bool:
        try:
            document = await self.api.get_template(template_id)
        except ApiError as exc:
            self.prompter.error("Could not open the template", str(exc))
            return False
        self.saver.open_saved(document)
        self.show_editor()
        return True

    @asyncSlot()
    async def back(self) -> None:
        await self.leave_editor()

    async def leave_editor(self) -> bool:
        """Back to the list, through the unsaved-changes guard."""
        if not await self.saver.confirm_leave():
            return False
        if self.drafts is not None:  # saved, discarded or clean
            self.drafts.forget()
        self.stack.setCurrentWidget(self.list_view)
        await self.list.load(select=self.saver.template_id)
        return True

    # -- for the main window --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """The app is closing (what was unsaved is saved or discarded by now): no draft written after it."""
        if self.drafts is not None:
            self.drafts.stop()

    def reconnected(self) -> None:
        """The server answers (again): the list as it is there now. Shown at start before the embedded
        server was up, its first load had failed and it stayed empty."""
        if not self.editing:
            self.list.refresh()

    def has_unsaved_changes(self) -> bool:
        return self.editing and self.saver.dirty

    async def confirm_leave(self) -> bool:
        """Ask about unsaved changes (save / discard / keep editing); True when the app may quit. A draft
        not recovered yet stays for the next session."""
        if not self.editing:
            return True
        if not await self.saver.confirm_leave():
            return False
        if self.drafts is not None:
            self.drafts.forget()
        return True
