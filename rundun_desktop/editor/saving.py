"""Saving the edited template through the ApiClient: create or patch, version conflicts, the server's
422 details on their nodes, the unsaved-changes guard, the versions list and export.

The only module of the editor that awaits the server. Busy states are wrapped in try/finally, and a
save never overwrites a newer server version without the designer choosing to.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit
from qasync import asyncSlot

from .. import formatting as fmt
from ..api_client import ApiClient, ApiError
from .diff import describe_changes
from .doc import strip_server_fields
from .editor_controller import EditorController
from .prompts import Prompter
from .versions_dialog import VersionsDialog


class SaveController(QObject):
    saved = Signal(dict)  # the server's template document after a save
    opened = Signal()  # another template or version in the editor

    def __init__(self, ctl: EditorController, api: ApiClient, prompter: Prompter) -> None:
        super().__init__(ctl)
        self.ctl, self.api, self.prompter = ctl, api, prompter
        self.view = ctl.view
        self.template_id: str | None = None
        self.version: int | None = None
        self.base: dict[str, Any] | None = None  # the server's body of `version`
        self.never_saved = False
        self.busy = False
        self.versions_dialog: VersionsDialog | None = None
        self.view.save_button.clicked.connect(self.save_clicked)
        self.view.actions_["save"].triggered.connect(self.save_clicked)
        self.view.actions_["versions"].triggered.connect(self.show_versions)
        self.view.actions_["export"].triggered.connect(self.export)
        self.view.banner_button.clicked.connect(self.save_clicked)
        self._clean = True
        self.changes = 0  # the document's changes so far, each counted once it is made
        self._sent = 0  # `changes` when the body on its way was taken
        ctl.doc.listeners.append(self._counted)
        ctl.stack.cleanChanged.connect(self._clean_changed)
        ctl.refreshed.connect(lambda _: self.show_state())

    # -- what is open ---------------------------------------------------------------------------------
    def open_saved(self, document: dict[str, Any]) -> None:
        """Edit a template as the server returned it (any version)."""
        self.template_id, self.version = document.get("id"), document.get("v")
        self.base = strip_server_fields(document)
        self.never_saved = False
        self.ctl.load(self.base)
        self.view.banner.hide()
        self.show_state()
        self.opened.emit()

    def open_new(self, body: dict[str, Any]) -> None:
        """Edit a body that is not on the server yet (new, imported, generated)."""
        self.template_id = self.version = self.base = None
        self.never_saved = True
        self.ctl.load(strip_server_fields(body))
        self.view.banner.hide()
        self.show_state()
        self.opened.emit()

    def _counted(self, _event: Any, before: bool) -> None:
        if not before:
            self.changes += 1

    @property
    def dirty(self) -> bool:
        return self.never_saved or not self._clean

    def _clean_changed(self, clean: bool) -> None:
        # Kept from the signal rather than asked of the stack: the stack also says this while it is
        # being destroyed, when it can no longer be asked anything.
        self._clean = clean
        self.show_state()

    def name(self) -> str:
        """The template's name as the designer reads it (the document's, even mid-typing)."""
        name = self.ctl.doc.meta.get("name")
        return name if isinstance(name, str) and name else self.tr("Untitled template")

    def show_state(self) -> None:
        self.view.title.setText(self.name())
        if self.version is None:
            text = self.tr("not saved yet")
        else:
            text = fmt.version_tag(self.version) + (
                self.tr(" · unsaved changes") if self.dirty else self.tr(" · saved")
            )
        self.view.version.setText(text)
        self.view.version.setProperty("dirty", self.dirty)
        self.view.version.style().unpolish(self.view.version)
        self.view.version.style().polish(self.view.version)

    # -- saving ---------------------------------------------------------------------------------------
    @asyncSlot()
    async def save_clicked(self) -> None:
        await self.save()

    async def save(self, over: int | None = None) -> bool:
        """Validate locally (refusing with the problems marked), then POST or PATCH with If-Match: the version
        edited, or `over`, a newer one the designer chose to save over."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and self.view.isAncestorOf(focus):
            focus.editingFinished.emit()  # an id being typed counts
        if self.busy:
            return False
        self.ctl.json.flush()  # JSON typed a moment ago counts too
        self.ctl.flush()
        details, body = self.ctl.checked_body()
        if details or body is None:
            self.ctl.show_problems(details)
            self.ctl.select_path(details[0].get("path"))
            self.view.status.setText(self.tr("Not saved: ⚠ %Ln problem(s)", "", len(details)))
            return False
        self._busy(True)
        self._sent = self.changes
        try:
            return await self._send(body, over or self.version)
        finally:
            self._busy(False)

    async def _send(self, body: dict[str, Any], if_match: int | None) -> bool:
        try:
            if self.template_id is None:
                result = await self.api.create_template(body)
            else:
                result = await self.api.patch_template(self.template_id, body, if_match=if_match)
        except ApiError as exc:
            return await self._failed(exc, body)
        self._saved(result)
        return True

    async def _failed(self, exc: ApiError, body: dict[str, Any]) -> bool:
        if exc.status == 409 and exc.code == "version_conflict":
            return await self._conflict(body)
        if exc.status in (400, 422) and exc.details:
            self.ctl.show_problems(exc.details, source=self.tr("Server"))
            self.ctl.select_path(exc.details[0].get("path"))
            return False
        self.prompter.error(self.tr("The template was not saved"), str(exc) or exc.code)
        return False

    async def _conflict(self, body: dict[str, Any]) -> bool:
        """The server moved on: show what changed there and let the designer choose."""
        assert self.template_id is not None
        theirs = await self.api.get_template(self.template_id)
        changes = describe_changes(self.base or {}, strip_server_fields(theirs))
        choice = await self.prompter.conflict(self.version or 0, theirs["v"], changes)
        if choice == "overwrite":
            return await self._send(body, theirs["v"])
        if choice == "reload":
            self.open_saved(theirs)
            return False
        self.view.banner_text.setText(
            self.tr(
                "Not saved: the server has version {0}, newer than the version {1} you are editing. Save again to choose between your version and theirs."
            ).format(fmt.version_number(theirs["v"]), fmt.version_number(self.version))
        )
        self.view.banner.show()
        return False

    def _saved(self, result: dict[str, Any]) -> None:
        self.template_id, self.version = result["id"], result["v"]
        self.base = strip_server_fields(result)
        self.never_saved = False
        if self.changes == self._sent:
            self.ctl.stack.setClean()
        else:
            # Edited while the body was on its way (a step dragged, a word typed, an undo): what the editor holds
            # is not what was saved. It was marked saved all the same, the draft deleted, and closing asked
            # nothing: the edit was lost. The stack now has no clean state, so it reads unsaved (even if undone).
            self.ctl.stack.resetClean()
        self.view.banner.hide()
        self.show_state()
        self.saved.emit(result)

    def _busy(self, on: bool) -> None:
        self.busy = on
        self.view.save_button.setEnabled(not on)
        self.view.save_button.setText(self.tr("Saving…") if on else self.tr("Save"))

    async def confirm_leave(self) -> bool:
        """The unsaved-changes guard: True when it is fine to leave (saved, discarded or clean)."""
        if not self.dirty:
            return True
        choice = await self.prompter.unsaved(self.name())
        if choice == "save":
            return await self.save()
        return choice == "discard"

    # -- versions and export --------------------------------------------------------------------------
    @asyncSlot()
    async def show_versions(self) -> None:
        template_id = (
            self.template_id
        )  # the dialog shows this template's versions, whatever is opened meanwhile
        if template_id is None:
            self.prompter.error(
                self.tr("No versions yet"), self.tr("Save the template first; every save keeps a version.")
            )
            return
        try:
            versions = await self.api.template_versions(template_id)
        except ApiError as exc:
            self.prompter.error(self.tr("Versions unavailable"), str(exc))
            return
        dialog = VersionsDialog(versions, self.view)
        self.versions_dialog = dialog
        cache: dict[int, dict[str, Any]] = {}

        async def body_of(v: int) -> dict[str, Any]:
            if v not in cache:
                cache[v] = strip_server_fields(await self.api.get_template(template_id, v))
            return cache[v]

        @asyncSlot(int, int)
        async def compare(old: int, new: int) -> None:
            try:
                dialog.show_diff(old, new, describe_changes(await body_of(old), await body_of(new)))
            except ApiError as exc:
                dialog.show_error(str(exc))

        @asyncSlot(int)
        async def restore(v: int) -> None:
            try:
                body = await body_of(v)
            except ApiError as exc:
                dialog.show_error(str(exc))
                return
            self.ctl.editor.replace(body, text=self.tr("Restore version {0}").format(fmt.version_number(v)))
            dialog.accept()

        dialog.compare_requested.connect(compare)
        dialog.restore_requested.connect(restore)
        dialog.open()
        dialog.request_default()

    @asyncSlot()
    async def export(self) -> None:
        name = self.ctl.doc.meta.get("name") or "template"
        path = await self.prompter.save_file(f"{name}.json")
        if not path:
            return
        try:
            write_json(Path(path), self.ctl.doc.to_tdl())
        except OSError as exc:
            self.prompter.error(
                self.tr("The template was not exported"),
                self.tr("{0} could not be written: {1}.").format(path, exc.strerror),
            )
            return
        self.prompter.done(
            self.tr("Template exported"), self.tr("“{0}” was saved as {1}.").format(self.name(), path)
        )


def write_json(path: Path, body: dict[str, Any]) -> None:
    path.write_text(
        json.dumps(strip_server_fields(body), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
