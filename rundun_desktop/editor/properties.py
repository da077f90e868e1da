"""Binds the properties panels to the document: shows the selected node, turns the designer's
changes into undoable edits, follows undo/redo back into the fields, and marks fields with problems."""

from __future__ import annotations

import copy
import functools
import re
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget, QToolTip, QWidget

from rundun_desktop.check_words import check_words

from . import bindings as bind
from .bindings import Binding
from .doc import TEMPLATE_UID, DocEvent, SectionNode, StepNode
from .editing import DocEditor
from .problem_words import FIELD_NAMES, field_words
from .properties_view import EmptyPanel, SectionPanel, StepPanel, TemplatePanel

Problems = dict[int, list[tuple[str, str]]]  # uid → [(path inside the node, message)]


def _tags(text: str) -> list[str]:
    """Tags as typed, separated by commas (Arabic's own "،" too: "فحص، سيارة" was one tag)."""
    return [t.strip() for t in re.split(r"[,،]", text) if t.strip()]


def _config_copy(config: Any) -> Any:
    """A copy of a config deep enough to compare later (options are the only nested part)."""
    if not isinstance(config, dict):
        return copy.deepcopy(config)
    return {
        k: [dict(o) if isinstance(o, dict) else o for o in v] if isinstance(v, list) else v
        for k, v in config.items()
    }


def _overlap(a: tuple, b: tuple) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def mark(widget: QWidget, bad: bool) -> None:
    """Flag a field for the style sheet's `[problem="true"]` rule. The state is remembered on the
    Python side: reading an unset Qt property back is unsafe on PySide6 6.12 (see qvariant.py)."""
    if getattr(widget, "_rundun_problem", False) != bad:
        widget._rundun_problem = bad  # type: ignore[attr-defined]
        widget.setProperty("problem", bad)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class PropertiesController(QObject):
    def __init__(self, editor: DocEditor, panels: QStackedWidget, template_panel: TemplatePanel) -> None:
        super().__init__(panels)
        self.editor, self.doc = editor, editor.doc
        self.panels = panels
        self.step_panel = StepPanel(
            lambda taken: self.doc.new_id("o", {t for t in taken if isinstance(t, str)})
        )
        self.section_panel = SectionPanel()
        self.empty_panel = EmptyPanel()
        for panel in (self.empty_panel, self.section_panel, self.step_panel):
            panels.addWidget(panel)
        self.template_panel = template_panel
        self.uid: int | None = None
        # Why the last id typed was refused, on the form's message line until the next edit through the form:
        # a tooltip said it only on Enter, and a click or a drag's press that committed the id closed it at once.
        self._id_refusal = ""
        self.problems: Problems = {}
        self._summary: dict[Any, dict[str, Any]] | None = None  # the steps, for the condition editor

        sp, sec, tp = self.step_panel, self.section_panel, template_panel
        self.flag_binding = bind.custom(("flag",), sp.flag, merge=None)
        self.step_bindings = [
            bind.line(("label",), sp.label_edit, empty=""),
            bind.line(("hint",), sp.hint_edit),
            bind.check(("required",), sp.required, default=True),
            bind.check(("geo",), sp.geo),
            bind.custom(("photo",), sp.photo, default=False),
            bind.line(("id",), sp.id_edit, live=False, empty=""),
            bind.combo(("type",), sp.type_combo),
            bind.custom(("condition",), sp.condition, merge=None),
            self.flag_binding,
        ]
        self.section_bindings = [
            bind.line(("title",), sec.title_edit, empty=""),
            bind.line(("id",), sec.id_edit, live=False, empty=""),
        ]
        self.template_bindings = [
            bind.line(("name",), tp.name_edit, empty=""),
            bind.text(("description",), tp.description_edit),
            bind.line(("tags",), tp.tags_edit, empty=[], parse=_tags, fmt=", ".join),
            bind.check(("settings", "allow_skip"), tp.allow_skip),
            bind.check(("settings", "signature_on_complete"), tp.signature),
            bind.spin(("settings", "est_minutes"), tp.est_minutes, none_at=0),
            bind.combo(("execution", "scope"), tp.scope, default="any"),
            bind.combo(("execution", "identity_required"), tp.identity, default="none"),
        ]
        for b in (
            self.step_bindings
            + self.section_bindings
            + [b for page_bindings in sp.config_bindings.values() for b in page_bindings]
        ):
            b.edited.connect(functools.partial(self._node_edited, b))
        for b in self.template_bindings:
            b.edited.connect(
                lambda path, value, merge, b=b: self.editor.set_value(
                    TEMPLATE_UID, path, value, merge, b.name()
                )
            )
        for step_type in ("choice", "multi_choice"):
            sp.options_editor(step_type).renamed.connect(self._option_renamed)
        self.doc.listeners.append(self._on_doc)
        self.load_template()
        self.show(None)

    def detach(self) -> None:
        if self._on_doc in self.doc.listeners:
            self.doc.listeners.remove(self._on_doc)

    # -- showing --------------------------------------------------------------------------------------
    def show(self, uid: int | None) -> None:
        node = self.doc.node(uid) if uid is not None else None
        self.uid = node.uid if node is not None else None
        if isinstance(node, StepNode):
            self.step_panel.show_type(node.data.get("type"), node.data.get("photo"))
            self._fit_flag()
            self.refresh_context()
            self._load(self.step_bindings + self._config_bindings())
            self.panels.setCurrentWidget(self.step_panel)
        elif isinstance(node, SectionNode):
            self._load(self.section_bindings)
            self._show_count(node)
            self.panels.setCurrentWidget(self.section_panel)
        else:
            self.panels.setCurrentWidget(self.empty_panel)
        self._show_problems()

    def load_template(self) -> None:
        self._id_refusal = ""  # another template, or this one reloaded: the refusal said nothing of it
        for b in self.template_bindings:
            b.load(self.doc.get(TEMPLATE_UID, b.path))

    def refresh_context(self) -> None:
        """Give the condition editor the steps before the shown one. The summary of the steps is
        made once per change of the document, and the editor rebuilds only if what it shows changed."""
        if self.uid is None or not self.doc.is_step(self.uid):
            return
        if self._summary is None:
            self._summary = {}
            for n in self.doc.steps():
                d = n.data
                self._summary[d.get("id")] = {
                    "id": d.get("id"),
                    "label": d.get("label"),
                    "type": d.get("type"),
                    "config": _config_copy(d.get("config")),
                }
        summary = self._summary
        earlier = [summary[n.data.get("id")] for n in self.doc.earlier_steps(self.uid)]
        editor = self.step_panel.condition
        editor.set_context(earlier, summary)
        editor.set_value(self.doc.get(self.uid, ("condition",), None))

    def _fit_flag(self) -> None:
        """Give the findings field the shown step's type and options (before its flag is loaded)."""
        if self.uid is None or not self.doc.is_step(self.uid):
            return
        step = self.doc.container(self.uid)
        self.step_panel.show_flag(step.get("type"), step.get("config"), step.get("flag"))

    def set_problems(self, problems: Problems) -> None:
        self.problems = problems
        self._show_problems()
        self.template_panel.problems.show_problems(
            [self._line(p, m) for p, m in problems.get(TEMPLATE_UID, [])]
        )
        bad = {self._key(p) for p, _ in problems.get(TEMPLATE_UID, [])}
        for key, widget in self.template_panel.field_rows.items():
            mark(widget, key in bad)

    # -- internals ------------------------------------------------------------------------------------
    def _config_bindings(self) -> list[Binding]:
        step_type = self.doc.get(self.uid, ("type",), None) if self.uid is not None else None
        return self.step_panel.config_bindings.get(step_type or "", [])

    def _load(self, bindings: list[Binding]) -> None:
        assert self.uid is not None
        for b in bindings:
            b.load(self.doc.get(self.uid, b.path))

    def _show_count(self, node: SectionNode) -> None:
        self.section_panel.count.setText(self.tr("%Ln step(s)", "", len(node.steps)))

    def _panel(self) -> Any:
        return self.step_panel if self.uid is not None and self.doc.is_step(self.uid) else self.section_panel

    def _show_problems(self) -> None:
        items = self.problems.get(self.uid, []) if self.uid is not None else []
        panel = self._panel()
        refusal = (
            [self._id_refusal] if self._id_refusal else []
        )  # whichever node shows (a drag selects its own)
        panel.problems.show_problems(refusal + [self._line(p, m) for p, m in items])
        bad = {self._key(p) for p, _ in items}
        for key, widget in panel.field_rows.items():
            mark(widget, key in bad)

    @staticmethod
    def _key(path: str) -> str:
        return re.split(r"[.\[]", path, maxsplit=1)[0]

    @staticmethod
    def _line(path: str, message: str) -> str:
        """`condition.when.all[0].value` → `condition › all[0] › value: …` (the `when` says nothing)."""
        parts = [p for p in path.split(".") if p and p != "when"]
        said = check_words(message)
        if not parts:
            return said
        where = field_words(path) if path in FIELD_NAMES else " › ".join(parts)  # "Beschriftung", not "label"
        return f"{where[:1].upper()}{where[1:]}: {said}"  # "Label: …", as the form above names the field

    def _node_edited(self, binding: Binding, path: tuple, value: Any, merge: bool) -> None:
        uid = self.uid
        if uid is None:
            return
        if self._id_refusal:  # said until the next edit
            self._id_refusal = ""
            self._show_problems()
        if self.doc.is_step(uid) and path == ("id",):
            if not self.editor.set_step_id(uid, value):
                self._id_taken(binding, uid, value)
        elif path == ("type",):
            if value is not None:
                self.editor.set_type(uid, value)
        elif path == ("config", "options"):
            self.editor.set_options(uid, value, merge=merge)
        else:
            self.editor.set_value(uid, path, value, merge, binding.name())

    def _id_taken(self, binding: Binding, uid: int, typed: Any) -> None:
        """An id typed over another's is refused: the field shows the step's own id again, and says why, on the
        form's message line (however the id was committed: Enter, a click elsewhere, a drag's press) and, by
        the field, in a tooltip."""
        kept = self.doc.get(uid, ("id",))
        binding.load(kept)
        field = binding.widget
        self._id_refusal = self.tr(
            "“{0}” is already an id in this template (each id is used once): the step keeps “{1}”."
        ).format(typed, kept)
        self._show_problems()
        QToolTip.showText(field.mapToGlobal(field.rect().bottomLeft()), self._id_refusal, field)

    def _option_renamed(self, options: list, old: str, new: str) -> None:
        if self.uid is not None:
            self.editor.set_options(self.uid, options, renamed=(old, new))

    def _on_doc(self, ev: DocEvent, before: bool) -> None:
        if before:
            return
        self._summary = None
        if ev.kind == "value" and ev.uid == TEMPLATE_UID:
            for b in self.template_bindings:
                if _overlap(b.path, ev.path):
                    b.load(self.doc.get(TEMPLATE_UID, b.path))
            return
        if ev.kind == "reset":
            self.load_template()
        if self.uid is None:
            return
        if self.doc.node(self.uid) is None:
            self.show(None)
            return
        if ev.kind == "value" and ev.uid == self.uid:
            if ev.path[:1] == ("type",) or not ev.path:
                self.show(self.uid)
                return
            bindings = (
                self.step_bindings + self._config_bindings()
                if self.doc.is_step(self.uid)
                else self.section_bindings
            )
            if ev.path[:1] in (("config",), ("flag",)) and self.doc.is_step(self.uid):
                self._fit_flag()  # option labels, yes/no labels: the findings field names them
                self.flag_binding.load(self.doc.get(self.uid, ("flag",)))
            for b in bindings:
                if _overlap(b.path, ev.path):
                    b.load(self.doc.get(self.uid, b.path))
            if ev.path[:1] == ("photo",) and self.doc.is_step(self.uid):
                step = self.doc.container(self.uid)
                self.step_panel.fit_photo_row(step.get("type"), step.get("photo"))
        elif ev.kind == "reset":
            self.show(self.uid)
        elif not self.doc.is_step(self.uid):
            node = self.doc.node(self.uid)
            if isinstance(node, SectionNode):
                self._show_count(node)
