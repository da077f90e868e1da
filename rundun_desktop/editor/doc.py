"""The template being edited: a pure-Python document of ordered sections and steps (no Qt, no I/O).

Every section and step is a node with a `uid`, an int that stays the same while the node's TDL id,
position or content change, so undo commands, the tree model and the properties panel can refer to
a node across moves and id edits. Each mutation tells the listeners twice (before and after) with a
`DocEvent`, which lets a Qt model bracket it with begin/end calls. `commands.py` makes them undoable.
"""

from __future__ import annotations

import copy
import itertools
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

TEMPLATE_UID = 0
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False})()
TOP_ORDER = ("name", "description", "tags", "settings", "sections", "execution")
SERVER_FIELDS = ("id", "v", "org_id", "created_at", "updated_at")

_uids = itertools.count(1)


@dataclass(eq=False)
class StepNode:
    uid: int
    data: dict[str, Any]  # the TDL step dict itself

    @property
    def tdl_id(self) -> Any:
        return self.data.get("id")


@dataclass(eq=False)
class SectionNode:
    uid: int
    data: dict[str, Any]  # the TDL section without its steps
    steps: list[StepNode] = field(default_factory=list)

    @property
    def tdl_id(self) -> Any:
        return self.data.get("id")


Node = StepNode | SectionNode


@dataclass(frozen=True)
class DocEvent:
    """What changed. `kind`: value, step_inserted, step_removed, step_moved, section_inserted,
    section_removed, section_moved or reset. Rows are final positions (after the change)."""

    kind: str
    uid: int = TEMPLATE_UID
    path: tuple = ()
    section_uid: int = 0
    row: int = 0
    old_section_uid: int = 0
    old_row: int = 0


Listener = Callable[[DocEvent, bool], None]  # (event, before)


def strip_server_fields(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in SERVER_FIELDS}


def shape_problem(data: Any) -> str | None:
    """Why `data` cannot be held as sections and steps at all (the TDL checks judge the rest)."""
    if not isinstance(data, dict):
        return QCoreApplication.translate("doc", "The template must be a JSON object.")
    sections = data.get("sections", [])
    if not isinstance(sections, list):
        return QCoreApplication.translate("doc", "sections must be a list.")
    for i, section in enumerate(sections):
        if not isinstance(section, dict):
            return QCoreApplication.translate("doc", "sections[{0}] must be an object.").format(i)
        steps = section.get("steps", [])
        if not isinstance(steps, list):
            return QCoreApplication.translate("doc", "sections[{0}].steps must be a list.").format(i)
        for j, step in enumerate(steps):
            if not isinstance(step, dict):
                return QCoreApplication.translate(
                    "doc", "sections[{0}].steps[{1}] must be an object."
                ).format(i, j)
    return None


def make_step(data: dict[str, Any], uid: int | None = None) -> StepNode:
    return StepNode(next(_uids) if uid is None else uid, data)


def make_section(data: dict[str, Any], uid: int | None = None, step_uids: dict | None = None) -> SectionNode:
    head = {k: v for k, v in data.items() if k != "steps"}
    reuse = step_uids or {}
    steps = [make_step(s, reuse.pop(s.get("id"), None)) for s in data.get("steps", [])]
    return SectionNode(next(_uids) if uid is None else uid, head, steps)


def _in_layout(
    sections: list[dict[str, Any]], layout: list[tuple[int, list[int]]]
) -> list[SectionNode] | None:
    """The sections as nodes with the uids of `layout`, place by place; None when its shape is not theirs."""
    if [len(steps) for _, steps in layout] != [len(s.get("steps", [])) for s in sections]:
        return None
    return [
        SectionNode(
            uid,
            {k: v for k, v in s.items() if k != "steps"},
            [make_step(step, step_uid) for step, step_uid in zip(s.get("steps", []), step_uids, strict=True)],
        )
        for s, (uid, step_uids) in zip(sections, layout, strict=True)
    ]


class TemplateDoc:
    """Holds a TDL body as ordered section and step nodes; every change goes through a method here."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.meta: dict[str, Any] = {}
        self.sections: list[SectionNode] = []
        self.listeners: list[Listener] = []
        self._steps: dict[int, tuple[StepNode, SectionNode]] = {}
        self._section_rows: dict[int, int] | None = None
        self._load(data or {"name": "", "sections": []})

    # -- reading --------------------------------------------------------------------------------------
    def to_tdl(self) -> dict[str, Any]:
        """The TDL body. Step dicts are shared with the document: copy before mutating."""
        out: dict[str, Any] = {}
        for key in TOP_ORDER:
            if key == "sections":
                out["sections"] = [{**s.data, "steps": [n.data for n in s.steps]} for s in self.sections]
            elif key in self.meta:
                out[key] = self.meta[key]
        out.update({k: v for k, v in self.meta.items() if k not in out})
        return out

    def node(self, uid: int) -> Node | None:
        if uid in self._steps:
            return self._steps[uid][0]
        row = self._rows().get(uid)
        return None if row is None else self.sections[row]

    def is_step(self, uid: int) -> bool:
        return uid in self._steps

    def section_of(self, step_uid: int) -> SectionNode:
        return self._steps[step_uid][1]

    def section_row(self, section_uid: int) -> int:
        return self._rows()[section_uid]

    def step_row(self, step_uid: int) -> int:
        node, section = self._steps[step_uid]
        return section.steps.index(node)

    def steps(self) -> Iterator[StepNode]:
        for section in self.sections:
            yield from section.steps

    def step_count(self) -> int:
        return len(self._steps)

    def find_step(self, tdl_id: Any) -> StepNode | None:
        return next((n for n in self.steps() if n.data.get("id") == tdl_id), None)

    def find(self, tdl_id: Any) -> Node | None:
        section = next((s for s in self.sections if s.data.get("id") == tdl_id), None)
        return section or self.find_step(tdl_id)

    def earlier_steps(self, step_uid: int) -> list[StepNode]:
        """The steps before this one in document order."""
        out: list[StepNode] = []
        for node in self.steps():
            if node.uid == step_uid:
                return out
            out.append(node)
        return out

    def location(self, uid: int) -> str:
        """The node's path as the API's details name it: `sections[1].steps[0]` (template: '')."""
        if uid in self._steps:
            return f"sections[{self.section_row(self.section_of(uid).uid)}].steps[{self.step_row(uid)}]"
        row = self._rows().get(uid)
        return "" if row is None else f"sections[{row}]"

    def node_at(self, path: str) -> tuple[int, str]:
        """(uid, rest of the path) of the deepest node that `path` (an API details path) names."""
        m = re.match(r"^sections\[(\d+)\](?:\.steps\[(\d+)\])?\.?(.*)$", path)
        if not m:
            return TEMPLATE_UID, path
        i, j, rest = int(m[1]), m[2], m[3]
        if i >= len(self.sections):
            return TEMPLATE_UID, path
        section = self.sections[i]
        if j is None or int(j) >= len(section.steps):
            return section.uid, rest if j is None else f"steps[{j}].{rest}".rstrip(".")
        return section.steps[int(j)].uid, rest

    def container(self, uid: int) -> dict[str, Any]:
        if uid == TEMPLATE_UID:
            return self.meta
        node = self.node(uid)
        if node is None:
            raise KeyError(uid)
        return node.data

    def get(self, uid: int, path: tuple, default: Any = MISSING) -> Any:
        value: Any = self.container(uid)
        for key in path:
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                return default
        return value

    def ids(self) -> set[str]:
        """Every section, step and option id in use."""
        out = {s.data.get("id") for s in self.sections}
        for node in self.steps():
            out.add(node.data.get("id"))
            options = self.get(node.uid, ("config", "options"), [])
            out.update(o.get("id") for o in options if isinstance(options, list) and isinstance(o, dict))
        return {i for i in out if isinstance(i, str)}

    def new_id(self, prefix: str, taken: set[str] | None = None) -> str:
        """A fresh id such as `s-7f3a2c`, unused in the document (and in `taken`)."""
        used = self.ids() | (taken or set())
        while True:
            candidate = f"{prefix}-{secrets.token_hex(3)}"
            if candidate not in used:
                return candidate

    # -- changing -------------------------------------------------------------------------------------
    def set(self, uid: int, path: tuple, value: Any) -> None:
        """Set (or, with MISSING, remove) the value at `path` inside a node or the template."""
        event = DocEvent("value", uid, tuple(path))
        self._notify(event, True)
        target = self.container(uid)
        for key in path[:-1]:
            if not isinstance(target.get(key), dict):
                target[key] = {}
            target = target[key]
        if value is MISSING:
            target.pop(path[-1], None)
        else:
            target[path[-1]] = value
        self._notify(event, False)

    def insert_step(self, section_uid: int, row: int, node: StepNode) -> None:
        section = self.node(section_uid)
        assert isinstance(section, SectionNode)
        event = DocEvent("step_inserted", node.uid, section_uid=section_uid, row=row)
        self._notify(event, True)
        section.steps.insert(row, node)
        self._steps[node.uid] = (node, section)
        self._notify(event, False)

    def remove_step(self, step_uid: int) -> tuple[int, int, StepNode]:
        node, section = self._steps[step_uid]
        row = section.steps.index(node)
        event = DocEvent("step_removed", step_uid, section_uid=section.uid, row=row)
        self._notify(event, True)
        del section.steps[row]
        del self._steps[step_uid]
        self._notify(event, False)
        return section.uid, row, node

    def move_step(self, step_uid: int, section_uid: int, row: int) -> None:
        """Move a step to `row` (its final position) of a section."""
        node, old_section = self._steps[step_uid]
        new_section = self.node(section_uid)
        assert isinstance(new_section, SectionNode)
        old_row = old_section.steps.index(node)
        event = DocEvent("step_moved", step_uid, (), section_uid, row, old_section.uid, old_row)
        self._notify(event, True)
        del old_section.steps[old_row]
        new_section.steps.insert(row, node)
        self._steps[step_uid] = (node, new_section)
        self._notify(event, False)

    def insert_section(self, row: int, node: SectionNode) -> None:
        event = DocEvent("section_inserted", node.uid, row=row)
        self._notify(event, True)
        self.sections.insert(row, node)
        self._section_rows = None
        for step in node.steps:
            self._steps[step.uid] = (step, node)
        self._notify(event, False)

    def remove_section(self, uid: int) -> tuple[int, SectionNode]:
        row = self.section_row(uid)
        node = self.sections[row]
        event = DocEvent("section_removed", uid, row=row)
        self._notify(event, True)
        del self.sections[row]
        self._section_rows = None
        for step in node.steps:
            del self._steps[step.uid]
        self._notify(event, False)
        return row, node

    def move_section(self, uid: int, row: int) -> None:
        old_row = self.section_row(uid)
        event = DocEvent("section_moved", uid, row=row, old_row=old_row)
        self._notify(event, True)
        node = self.sections.pop(old_row)
        self.sections.insert(row, node)
        self._section_rows = None
        self._notify(event, False)

    def layout(self) -> list[tuple[int, list[int]]]:
        """Every node's uid in document order: (a section's uid, its steps' uids)."""
        return [(s.uid, [n.uid for n in s.steps]) for s in self.sections]

    def replace(self, data: dict[str, Any], layout: list[tuple[int, list[int]]] | None = None) -> None:
        """Hold another body (JSON edit, restored version); nodes keep their uid where the id matches, or
        take the uids of `layout` (what `layout()` said when this body was held before) where it fits."""
        event = DocEvent("reset")
        self._notify(event, True)
        self._load(data, layout)
        self._notify(event, False)

    # -- internals ------------------------------------------------------------------------------------
    def _load(self, data: dict[str, Any], layout: list[tuple[int, list[int]]] | None = None) -> None:
        problem = shape_problem(data)
        if problem:
            raise ValueError(problem)
        data = copy.deepcopy(strip_server_fields(data))
        sections = data.get("sections", [])
        self.meta = {k: v for k, v in data.items() if k != "sections"}
        # Given the uids the body's nodes had (an undone or redone JSON edit), they take them back: the commands
        # before and after the edit name them. Matched by id instead, a step whose id the edit changed came back
        # with a new uid, and undoing an earlier move of it failed (KeyError), leaving the history half undone.
        laid_out = _in_layout(sections, layout) if layout is not None else None
        if laid_out is not None:
            self.sections = laid_out
        else:
            section_uids = {s.data.get("id"): s.uid for s in self.sections}
            step_uids = {n.data.get("id"): n.uid for n in self.steps()}
            self.sections = [
                make_section(s, section_uids.pop(s.get("id"), None), step_uids) for s in sections
            ]
        self._section_rows = None
        self._steps = {n.uid: (n, s) for s in self.sections for n in s.steps}

    def _rows(self) -> dict[int, int]:
        if self._section_rows is None:
            self._section_rows = {s.uid: i for i, s in enumerate(self.sections)}
        return self._section_rows

    def _notify(self, event: DocEvent, before: bool) -> None:
        for listener in list(self.listeners):
            listener(event, before)
