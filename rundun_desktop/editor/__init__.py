"""The Templates area of the desktop app: the template list and the visual template editor.

`TemplatesPage(api)` is what the main window places in its sidebar. It shows the list and, when a
template is opened, created, imported or generated, the editor; leaving the editor with unsaved
changes asks first. The main window may call `has_unsaved_changes()` / `confirm_leave()` on quit.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget
from qasync import asyncSlot

from ..api_client import ApiClient, ApiError
from .doc import TemplateDoc
from .editor_controller import EditorController
from .editor_view import EditorView
from .factory import new_template
from .list_controller import TemplateListController
from .list_view import TemplateListView
from .prompts import Prompter
from .saving import SaveController

__all__ = ["TemplatesPage"]


class TemplatesPage(QWidget):
    def __init__(self, api: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.prompter = Prompter(self)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list_view = TemplateListView()
        self.list = TemplateListController(self.list_view, api, self.prompter)
        self.editor_view = EditorView()
        self.editor = EditorController(self.editor_view)
        self.saver = SaveController(self.editor, api, self.prompter)
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.editor_view)

        self.list.open_requested.connect(self.open_template)
        self.list.new_requested.connect(self.new_template)
        self.list.body_requested.connect(self.open_body)
        self.editor_view.back_button.clicked.connect(self.back)

    # -- navigation -----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.list.loaded and self.stack.currentWidget() is self.list_view:
            self.list.refresh()

    @property
    def editing(self) -> bool:
        return self.stack.currentWidget() is self.editor_view

    def new_template(self) -> None:
        self.open_body(new_template(TemplateDoc().new_id))

    def open_body(self, body: dict) -> None:
        """Edit a body that is not saved yet (new, imported or generated)."""
        self.saver.open_new(body)
        self.stack.setCurrentWidget(self.editor_view)

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
        self.stack.setCurrentWidget(self.editor_view)
        return True

    @asyncSlot()
    async def back(self) -> None:
        await self.leave_editor()

    async def leave_editor(self) -> bool:
        """Back to the list, through the unsaved-changes guard."""
        if not await self.saver.confirm_leave():
            return False
        self.stack.setCurrentWidget(self.list_view)
        await self.list.load(select=self.saver.template_id)
        return True

    # -- for the main window --------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.editing and self.saver.dirty

    async def confirm_leave(self) -> bool:
        """Ask about unsaved changes (save / discard / keep editing); True when the app may quit."""
        return not self.editing or await self.saver.confirm_leave()
