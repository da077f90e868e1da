"""Noticing a version of the open template made elsewhere (another supervisor, the API, the generator).

Asked when the editor comes back into sight or its window into focus, and on F5, never on a timer: the
server's newest version number alone (`GET /v1/templates/{id}/versions?per_page=1`), the body only when it
is newer. With nothing unsaved, the newer version is loaded in place (the selected step kept) and the
message line says so; with unsaved changes, these are left alone and a notice in the window offers to look
at the newer version (and take it) or to keep editing and decide at Save, as before.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from qasync import asyncSlot

from .. import formatting as fmt
from ..api_client import ApiClient, ApiError
from .diff import describe_changes
from .doc import strip_server_fields
from .saving import SaveController


class NewerVersionCheck(QObject):
    def __init__(self, saver: SaveController, api: ApiClient) -> None:
        super().__init__(saver)
        self.saver, self.api = saver, api
        self.view = saver.view
        self.checking = False
        # What the notice told (a newer version's number, or that the template is gone): told once, so "Keep
        # editing" is not undone by the next return to the window.
        self.told: int | str | None = None
        self.view.newer_keep_button.clicked.connect(self.view.newer_bar.hide)
        self.view.newer_look_button.clicked.connect(self.look_clicked)
        saver.opened.connect(self._forget)
        saver.saved.connect(lambda _: self._forget())
        # "Updated to v5" is old news once the designer edits: it would read as describing their changes.
        saver.ctl.doc.listeners.append(self._edited)

    def _edited(self, _event: Any, before: bool) -> None:
        if not before:
            self.view.message.clear()

    def _forget(self) -> None:
        self.told = None
        self.view.newer_bar.hide()
        self.view.message.clear()

    @asyncSlot()
    async def check_clicked(self) -> None:
        await self.check()

    async def check(self) -> None:
        """Ask the server for the open template's newest version; act when it is newer than the one edited."""
        saver = self.saver
        template_id, version = saver.template_id, saver.version
        if template_id is None or version is None or saver.busy or self.checking:
            return
        self.checking = True
        try:
            newest = (await self.api.template_versions(template_id, per_page=1))[0]["v"]
        except ApiError as exc:
            if exc.status == 404:
                self._gone(template_id)
            return  # offline or refused: the check waits for the next time the editor comes into sight
        finally:
            self.checking = False
        if (saver.template_id, saver.version) != (template_id, version) or saver.busy or newest <= version:
            return  # saved or another template opened meanwhile, or nothing new
        if saver.dirty:
            self._offer(newest)
        else:
            await self._take(template_id, newest)

    def _gone(self, template_id: str) -> None:
        if self.saver.template_id != template_id or self.told == "gone":
            return
        self.told = "gone"
        self.view.newer_text.setText(
            self.tr(
                "This template was deleted elsewhere. What you see stays open here: export it to keep a copy."
            )
        )
        self.view.newer_look_button.hide()
        self.view.newer_bar.show()

    def _offer(self, newest: int) -> None:
        """Unsaved changes: left as they are; the choice offered, in the window."""
        if self.told == newest:
            return
        self.told = newest
        self.view.newer_text.setText(
            self.tr(
                "Version {0} was made elsewhere while you edit version {1}. Your changes are kept: look at "
                "version {0} now, or keep editing and choose at Save."
            ).format(fmt.version_number(newest), fmt.version_number(self.saver.version))
        )
        self.view.newer_look_button.setText(
            self.tr("Look at version {0}…").format(fmt.version_number(newest))
        )
        self.view.newer_look_button.show()
        self.view.newer_bar.show()

    async def _take(self, template_id: str, newest: int) -> None:
        """Nothing unsaved: the newer version in place, the selected step or section still selected."""
        try:
            document = await self.api.get_template(template_id)
        except ApiError:
            return
        saver = self.saver
        if saver.template_id != template_id or saver.dirty or saver.busy or document["v"] < newest:
            return  # edited or saved while it came
        kept = self._selected_id()
        saver.open_saved(document)
        if kept is not None and (node := saver.ctl.doc.find(kept)) is not None:
            saver.ctl.select(node.uid)
        self.view.message.setText(
            self.tr("Updated to {0}, made elsewhere").format(fmt.version_tag(document["v"]))
        )

    def _selected_id(self) -> Any:
        uid = self.saver.ctl.current_uid()
        node = self.saver.ctl.doc.node(uid) if uid is not None else None
        return node.tdl_id if node is not None else None

    @asyncSlot()
    async def look_clicked(self) -> None:
        await self.look()

    async def look(self) -> None:
        """The newer version's changes, and the choice: save mine over it, take it, or keep editing."""
        saver = self.saver
        template_id, mine = saver.template_id, saver.version
        if template_id is None or mine is None or saver.busy:
            return
        try:
            theirs = await self.api.get_template(template_id)
        except ApiError as exc:
            if exc.status == 404:
                self._gone(template_id)
            else:
                saver.prompter.error(self.tr("The newer version could not be read"), str(exc))
            return
        changes = describe_changes(saver.base or {}, strip_server_fields(theirs))
        choice = await saver.prompter.conflict(mine, theirs["v"], changes)
        if saver.template_id != template_id or saver.version != mine:
            return
        if choice == "reload":
            saver.open_saved(theirs)
        elif choice == "overwrite":
            await saver.save(over=theirs["v"])
