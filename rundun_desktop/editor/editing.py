"""The editing vocabulary of the template editor: every change a designer can make, as undo commands.

`DocEditor` turns intentions (add a step after this one, move it down, rename its id) into the
commands of `commands.py` on one QUndoStack, with their knock-on edits (conditions and translations that
follow a renamed id, the config that follows a type change). Views and controllers call this; nothing here
touches a widget or the network.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from .commands import (
    EditCommand,
    InsertSectionCommand,
    InsertStepCommand,
    MoveSectionCommand,
    MoveStepCommand,
    RemoveSectionCommand,
    RemoveStepCommand,
    ReplaceCommand,
)
from .doc import TEMPLATE_UID, SectionNode, TemplateDoc
from .factory import (
    copied_translation_edits,
    flag_after_options,
    fresh_copy,
    new_step,
    reference_edits,
    stale_translation_edits,
    text_keys,
    texts_of,
    translation_edits,
    type_change,
)


def _describe(name: str) -> str:
    """The undo stack's words for an edit of the field the panel calls `name` ("Change “Hint”")."""
    if not name:
        return QCoreApplication.translate("DocEditor", "Change a field")
    return QCoreApplication.translate("DocEditor", "Change “{0}”").format(name)


class DocEditor:
    """Applies designer intentions to a TemplateDoc through one undo stack."""

    def __init__(self, doc: TemplateDoc, stack: QUndoStack) -> None:
        self.doc, self.stack = doc, stack

    # -- values ---------------------------------------------------------------------------------------
    def set_value(self, uid: int, path: tuple, value: Any, merge: bool = False, name: str = "") -> None:
        """Set one field; `name` is the field as the designer sees it (the undo stack's words)."""
        if self.doc.get(uid, path) == value and type(self.doc.get(uid, path)) is type(value):
            return
        self.stack.push(
            EditCommand(self.doc, _describe(name), [(uid, path, value)], (uid, path) if merge else None)
        )

    def set_type(self, uid: int, new_type: str) -> None:
        step = self.doc.container(uid)
        if step.get("type") == new_type:
            return
        edits = [(uid, path, value) for path, value in type_change(step, new_type, self.doc.new_id).items()]
        text = QCoreApplication.translate("DocEditor", "Change type")
        self._push_dropping_translations(EditCommand(self.doc, text, edits), text)

    def set_step_id(self, uid: int, new_id: str) -> bool:
        """Rename a step, its conditions' and translations' keys following. False (nothing changes) when
        another step, section or option already has `new_id`: a slip such as typing "s-rear" over the front
        step's "s-front" handed the front's conditions and texts to the rear step, and renaming either twin
        afterwards moved both steps' conditions onto one of them, silently ("only if “Kind” is Alpha" read
        "only if “Step 0” is o-a"). Ids are unique in a template, so one typed over another is refused."""
        old = self.doc.get(uid, ("id",))
        if old == new_id:
            return True
        if new_id in self.doc.ids():
            return False
        edits = [(uid, ("id",), new_id)]
        # Of twins left by the JSON tab, which one a condition means is unknown: renaming one apart leaves them.
        twins = any(n.data.get("id") == old for n in self.doc.steps() if n.uid != uid)
        if isinstance(old, str) and not twins:
            edits += reference_edits(self.doc, {old: new_id}) + translation_edits(self.doc, {old: new_id})
        self.stack.push(
            EditCommand(self.doc, QCoreApplication.translate("DocEditor", "Change step id"), edits)
        )
        return True

    def set_options(
        self, uid: int, options: list[dict], renamed: tuple[str, str] | None = None, merge: bool = False
    ) -> None:
        """Replace a step's options; `renamed` (old id, new id) also updates conditions naming it and the
        translations of its label."""
        edits: list[tuple[int, tuple[str, ...], Any]] = [(uid, ("config", "options"), options)]
        flag = self.doc.get(uid, ("flag",), None)
        kept = flag_after_options(flag, options, renamed)
        if kept != flag:
            edits.append((uid, ("flag",), kept))
        step_id = self.doc.get(uid, ("id",))
        if renamed and isinstance(step_id, str):
            option_ids = {(step_id, renamed[0]): renamed[1]}
            edits += reference_edits(self.doc, {}, option_ids) + translation_edits(self.doc, {}, option_ids)
        text = QCoreApplication.translate("DocEditor", "Change options")
        before = {
            o.get("id") for o in self.doc.get(uid, ("config", "options"), []) or [] if isinstance(o, dict)
        }
        after = {o.get("id") for o in options if isinstance(o, dict)}
        if before - after - {renamed[0] if renamed else None}:  # an option removed: its translations go too
            self._push_dropping_translations(EditCommand(self.doc, text, edits), text)
            return
        key = None if renamed or not merge else (uid, "options")
        self.stack.push(EditCommand(self.doc, text, edits, key))

    def replace(self, data: dict, text: str = "Edit JSON", merge: bool = False) -> None:
        self.stack.push(ReplaceCommand(self.doc, data, text, merge))

    # -- structure ------------------------------------------------------------------------------------
    def add_step(self, anchor: int | None, step_type: str = "boolean") -> int:
        """Add a step after the anchor step, at the end of the anchor section, or at the very end."""
        section_uid, row = self._insert_point(anchor)
        if section_uid is None:  # no section at all: one undo step makes both
            self.stack.beginMacro(QCoreApplication.translate("DocEditor", "Add step"))
            try:
                section_uid, row = self.add_section(None, with_step=False), 0
                cmd = InsertStepCommand(self.doc, section_uid, row, new_step(self.doc.new_id, step_type))
                self.stack.push(cmd)
            finally:
                self.stack.endMacro()
            return cmd.node.uid
        cmd = InsertStepCommand(self.doc, section_uid, row, new_step(self.doc.new_id, step_type))
        self.stack.push(cmd)
        return cmd.node.uid

    def add_section(self, anchor: int | None, with_step: bool = True) -> int:
        """Add a section after the anchor's section (or at the end), holding one new step."""
        row = self._section_row_after(anchor)
        data = {
            "id": self.doc.new_id("g"),
            "title": QCoreApplication.translate("DocEditor", "Section {0}").format(
                len(self.doc.sections) + 1
            ),
            "steps": [new_step(self.doc.new_id)] if with_step else [],
        }
        cmd = InsertSectionCommand(self.doc, row, data)
        self.stack.push(cmd)
        return cmd.node.uid

    def duplicate(self, uid: int) -> int | None:
        """Copy a step (after itself) or a section (after itself) with fresh ids; the copy's uid."""
        node = self.doc.node(uid)
        if node is None:
            return None
        renamed: dict[str, str] = {}
        if isinstance(node, SectionNode):
            [data] = fresh_copy([{**node.data, "steps": [n.data for n in node.steps]}], self.doc, renamed)
            data["title"] = QCoreApplication.translate("DocEditor", "{0} (copy)").format(
                data.get("title", "")
            )
            text = QCoreApplication.translate("DocEditor", "Duplicate section")
            section_cmd = InsertSectionCommand(self.doc, self.doc.section_row(uid) + 1, data, text)
            self._push_with_translations(section_cmd, renamed, text)
            return section_cmd.node.uid
        [copied] = fresh_copy([{"steps": [node.data]}], self.doc, renamed)
        section = self.doc.section_of(uid)
        text = QCoreApplication.translate("DocEditor", "Duplicate step")
        cmd = InsertStepCommand(self.doc, section.uid, self.doc.step_row(uid) + 1, copied["steps"][0], text)
        self._push_with_translations(cmd, renamed, text)
        return cmd.node.uid

    def copied(self, uid: int) -> dict[str, Any] | None:
        """What Copy keeps of a step or a section (with its steps): `{"step": …}` or `{"section": …}`, and
        `"translations"`, its texts' translations by language, for a paste into another template."""
        node = self.doc.node(uid)
        if node is None or uid == TEMPLATE_UID:
            return None
        if isinstance(node, SectionNode):
            section = copy.deepcopy({**node.data, "steps": [n.data for n in node.steps]})
            return {"section": section, "translations": texts_of(self.doc, [section])}
        step = copy.deepcopy(node.data)
        return {"step": step, "translations": texts_of(self.doc, [{"steps": [step]}])}

    def paste(self, anchor: int | None, part: dict[str, Any]) -> int | None:
        """Put a copied part (`copied`'s shape) in with fresh ids: a step after the anchor step (at the end of
        the anchor section), a section after the anchor's section; the copy's uid."""
        renamed: dict[str, str] = {}
        texts = part.get("translations") if isinstance(part.get("translations"), dict) else {}
        if isinstance(part.get("section"), dict):
            [data] = fresh_copy([{"id": "", "steps": [], **part["section"]}], self.doc, renamed)
            row = self._section_row_after(anchor)
            text = QCoreApplication.translate("DocEditor", "Paste section")
            section_cmd = InsertSectionCommand(self.doc, row, data, text)
            self._push_with_translations(section_cmd, renamed, text, texts)
            return section_cmd.node.uid
        if not isinstance(part.get("step"), dict):
            return None
        [pasted] = fresh_copy([{"steps": [part["step"]]}], self.doc, renamed)
        text = QCoreApplication.translate("DocEditor", "Paste step")
        self.stack.beginMacro(text)
        try:
            section_uid, row = self._insert_point(anchor)
            if section_uid is None:  # no section to paste into: one is made, in the same undo step
                section_uid, row = self.add_section(None, with_step=False), 0
            cmd = InsertStepCommand(self.doc, section_uid, row, pasted["steps"][0], text)
            self._push_with_translations(cmd, renamed, text, texts)
        finally:
            self.stack.endMacro()
        return cmd.node.uid

    def _push_with_translations(
        self, insert: QUndoCommand, renamed: dict[str, str], text: str, texts: dict | None = None
    ) -> None:
        """A copy's insertion and its texts' translations (copied from the original's, or from `texts`, a
        pasted part's) as one undo step."""
        edits = copied_translation_edits(self.doc, renamed, texts)
        if not edits:
            self.stack.push(insert)
            return
        self.stack.beginMacro(text)
        try:
            self.stack.push(insert)
            self.stack.push(EditCommand(self.doc, text, edits))
        finally:
            self.stack.endMacro()

    def _push_dropping_translations(self, command: QUndoCommand, text: str) -> None:
        """Push a change that may take texts away, with their translations dropped in the same undo step (an
        undo puts both back)."""
        table = self.doc.meta.get("translations")
        if not isinstance(table, dict) or not table:
            self.stack.push(command)
            return
        before = text_keys(self.doc)
        self.stack.beginMacro(text)
        try:
            self.stack.push(command)
            if edits := stale_translation_edits(self.doc, before):
                self.stack.push(EditCommand(self.doc, text, edits))
        finally:
            self.stack.endMacro()

    def delete(self, uid: int) -> int | None:
        """Delete a step or a section; the uid best selected next (a neighbour), if any."""
        node = self.doc.node(uid)
        if node is None:
            return None
        if isinstance(node, SectionNode):
            row = self.doc.section_row(uid)
            section_cmd = RemoveSectionCommand(self.doc, uid)
            self._push_dropping_translations(section_cmd, section_cmd.text())
            rest = self.doc.sections
            return rest[min(row, len(rest) - 1)].uid if rest else None
        section, row = self.doc.section_of(uid), self.doc.step_row(uid)
        step_cmd = RemoveStepCommand(self.doc, uid)
        self._push_dropping_translations(step_cmd, step_cmd.text())
        if section.steps:
            return section.steps[min(row, len(section.steps) - 1)].uid
        return section.uid

    def move(self, uid: int, delta: int) -> bool:
        """Move a step or section one place up (-1) or down (+1); a step at the edge of its section
        crosses into the neighbouring section. False when it cannot go further."""
        if not self.doc.is_step(uid):
            row = self.doc.section_row(uid) + delta
            if not 0 <= row < len(self.doc.sections):
                return False
            self.stack.push(MoveSectionCommand(self.doc, uid, row))
            return True
        section = self.doc.section_of(uid)
        s_row, row = self.doc.section_row(section.uid), self.doc.step_row(uid) + delta
        if 0 <= row < len(section.steps):
            self.stack.push(MoveStepCommand(self.doc, uid, section.uid, row))
            return True
        s_row += delta
        if not 0 <= s_row < len(self.doc.sections):
            return False
        target = self.doc.sections[s_row]
        self.stack.push(MoveStepCommand(self.doc, uid, target.uid, len(target.steps) if delta < 0 else 0))
        return True

    def move_to(self, uid: int, section_uid: int | None, row: int) -> bool:
        """Drop a step at `row` (counted before the move) of a section, or a section at a top row."""
        if not self.doc.is_step(uid):
            final = row - 1 if row > self.doc.section_row(uid) else row
            final = max(0, min(final, len(self.doc.sections) - 1))
            if final == self.doc.section_row(uid):
                return False
            self.stack.push(MoveSectionCommand(self.doc, uid, final))
            return True
        if section_uid is None:
            return False
        same = self.doc.section_of(uid).uid == section_uid
        final = row - 1 if same and row > self.doc.step_row(uid) else row
        if same and final == self.doc.step_row(uid):
            return False
        self.stack.push(MoveStepCommand(self.doc, uid, section_uid, final))
        return True

    def _section_row_after(self, anchor: int | None) -> int:
        """Where a new section goes: after the anchor's section (the anchor's own if it is one), else last."""
        if (
            anchor is not None
            and anchor != TEMPLATE_UID
            and (anchor_node := self.doc.node(anchor)) is not None
        ):
            section = self.doc.section_of(anchor) if self.doc.is_step(anchor) else anchor_node
            return self.doc.section_row(section.uid) + 1
        return len(self.doc.sections)

    def _insert_point(self, anchor: int | None) -> tuple[int | None, int]:
        if anchor is not None and self.doc.is_step(anchor):
            return self.doc.section_of(anchor).uid, self.doc.step_row(anchor) + 1
        node = self.doc.node(anchor) if anchor not in (None, TEMPLATE_UID) else None
        if isinstance(node, SectionNode):
            return node.uid, len(node.steps)
        if self.doc.sections:
            last = self.doc.sections[-1]
            return last.uid, len(last.steps)
        return None, 0

    def snapshot(self) -> dict:
        return copy.deepcopy(self.doc.to_tdl())
