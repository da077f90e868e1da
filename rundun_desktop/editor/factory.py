"""New and copied parts of a template, and the knock-on edits of a change (pure Python, no Qt).

What a fresh step of each type looks like, how a copy gets fresh ids (with the conditions inside the
copy pointing at the copies), what else changes when a step changes type, and how conditions follow
when a step or option id is renamed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from server.tdl import template_languages, template_texts
from server.tdl.conditions import OPS_BY_TYPE

from .condition_text import condition_step_ids, default_value
from .doc import MISSING, TEMPLATE_UID, TemplateDoc

# Types whose step-level `photo` must stay false, and the one type that is never answered.
NO_STEP_PHOTO = ("photo", "signature", "instruction")


def default_config(step_type: str, new_id: Callable[[], str]) -> dict[str, Any]:
    """A small, valid config for a new step of this type (defaults spelled out where they help)."""
    if step_type == "boolean":
        return {
            "true_label": QCoreApplication.translate("factory", "Yes"),
            "false_label": QCoreApplication.translate("factory", "No"),
        }
    if step_type in ("choice", "multi_choice"):
        config: dict[str, Any] = {
            "options": [{"id": new_id(), "label": QCoreApplication.translate("factory", "Option 1")}]
        }
        if step_type == "multi_choice":
            config["min_selected"] = 0
        return config
    if step_type == "rating":
        return {"min": 1, "max": 5}
    if step_type == "photo":
        return {"min": 1, "max": 3}
    if step_type == "text":
        return {"multiline": False}
    if step_type == "instruction":
        return {"body": ""}
    return {}


def new_template(doc_ids: Callable[[str], str], name: str | None = None) -> dict[str, Any]:
    """The body a new template starts from: one section holding one yes/no step, named in the app's language
    as its section and step are (it was "Untitled template" in every one)."""
    return {
        "name": QCoreApplication.translate("factory", "Untitled template") if name is None else name,
        "description": None,
        "tags": [],
        "settings": {"allow_skip": False, "signature_on_complete": False, "est_minutes": None},
        "sections": [
            {
                "id": doc_ids("g"),
                "title": QCoreApplication.translate("factory", "Section 1"),
                "steps": [new_step(doc_ids, "boolean")],
            }
        ],
        "execution": {"scope": "any", "identity_required": "none"},
    }


def new_step(
    ids: Callable[[str], str], step_type: str = "boolean", label: str | None = None
) -> dict[str, Any]:
    return {
        "id": ids("s"),
        "type": step_type,
        "label": QCoreApplication.translate("factory", "New step") if label is None else label,
        "hint": None,
        "required": step_type != "instruction",
        "photo": False,
        "geo": False,
        "condition": None,
        "config": default_config(step_type, lambda: ids("o")),
    }


def type_change(step: dict[str, Any], new_type: str, ids: Callable[[str], str]) -> dict[tuple, Any]:
    """The edits that go with changing a step's type: the new type, a config that fits it (keeping
    the options between choice types and what else still applies), and photo/geo/required."""
    old_type, old_config = step.get("type"), step.get("config") or {}
    config = default_config(new_type, lambda: ids("o"))
    if {old_type, new_type} <= {"choice", "multi_choice"} and old_config.get("options"):
        config["options"] = copy.deepcopy(old_config["options"])
    elif {old_type, new_type} <= {"number", "rating", "photo", "date"}:
        pass  # their min/max mean different things; start from the new type's defaults
    edits: dict[tuple, Any] = {("type",): new_type, ("config",): config}
    options_kept = {old_type, new_type} <= {"choice", "multi_choice"} and bool(old_config.get("options"))
    if step.get("flag") is not None and not options_kept:
        edits[("flag",)] = None  # the flag means something else (or nothing) for the new type
    if new_type in NO_STEP_PHOTO and step.get("photo"):
        edits[("photo",)] = False
    if new_type == "instruction":
        edits[("geo",)] = False
        edits[("required",)] = False
    elif old_type == "instruction":
        edits[("required",)] = True
    return edits


def flag_after_options(flag: Any, options: list[Any], renamed: tuple[str, str] | None = None) -> Any:
    """A choice step's flag once its options are replaced: a renamed option followed, a removed one
    dropped, and None when no flagged option is left (an empty list is no valid flag)."""
    if not isinstance(flag, list):
        return flag
    ids = {o.get("id") for o in options if isinstance(o, dict)}
    old, new = renamed or (None, None)
    kept = [new if item == old else item for item in flag]
    kept = [item for item in kept if item in ids]
    return kept or None


def fresh_copy(
    sections: list[dict[str, Any]], doc: TemplateDoc, copied: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Deep copies of sections (or of bare steps wrapped as {"steps": [...]}) with new ids everywhere;
    conditions that point into the copied set point at the copies. `copied`, when given, is filled with
    each old id (section, step, option) and its copy's."""
    out = copy.deepcopy(sections)
    taken: set[str] = set()
    step_ids: dict[str, str] = {}
    option_ids: dict[tuple[str, str], str] = {}

    def fresh(prefix: str) -> str:
        taken.add(value := doc.new_id(prefix, taken))
        return value

    renamed = copied if copied is not None else {}
    for section in out:
        if "id" in section:
            old_section = section["id"]
            section["id"] = fresh("g")
            if isinstance(old_section, str):
                renamed[old_section] = section["id"]
        for step in section.get("steps", []):
            old_step = step.get("id")
            step["id"] = fresh("s")
            if isinstance(old_step, str):
                step_ids[old_step] = renamed[old_step] = step["id"]
            for option in (step.get("config") or {}).get("options") or []:
                if isinstance(option, dict) and isinstance(option.get("id"), str):
                    old_option = option["id"]
                    option_ids[(step["id"], old_option)] = option["id"] = fresh("o")
                    renamed[old_option] = option["id"]
            if isinstance(step.get("flag"), list):  # the copy's flag names the copy's options
                step["flag"] = [option_ids.get((step["id"], item), item) for item in step["flag"]]
    for section in out:
        for step in section.get("steps", []):
            if isinstance(step.get("condition"), dict):
                step["condition"] = map_leaves(step["condition"], renamer(step_ids, option_ids))
    return out


def map_leaves(cond: Any, fn: Callable[[dict[str, Any]], dict[str, Any]]) -> Any:
    """A copy of a condition (or node) with every leaf `{step, op, value}` replaced by `fn(leaf)`."""
    if not isinstance(cond, dict):
        return cond
    if "when" in cond:
        return {**cond, "when": map_leaves(cond["when"], fn)}
    for kind in ("all", "any"):
        if isinstance(cond.get(kind), list):
            return {**cond, kind: [map_leaves(child, fn) for child in cond[kind]]}
    return fn(cond)


def renamer(
    step_ids: dict[str, str], option_ids: dict[tuple[str, str], str] | None = None
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A leaf mapper: step ids renamed by `step_ids`; option ids in values by (step id, old) → new."""
    options = option_ids or {}

    def rename(leaf: dict[str, Any]) -> dict[str, Any]:
        out = dict(leaf)
        step = out.get("step")
        if isinstance(step, str):
            out["step"] = step = step_ids.get(step, step)

        def fix(v: Any) -> Any:
            return options.get((step, v), v) if isinstance(v, str) and isinstance(step, str) else v

        if "value" in out:
            out["value"] = (
                [fix(v) for v in out["value"]] if isinstance(out["value"], list) else fix(out["value"])
            )
        return out

    return rename


def reference_edits(
    doc: TemplateDoc, step_ids: dict[str, str], option_ids: dict[tuple[str, str], str] | None = None
) -> list[tuple[int, tuple, Any]]:
    """(uid, ("condition",), new condition) for every step whose condition must follow a rename."""
    edits = []
    rename = renamer(step_ids, option_ids)
    for node in doc.steps():
        cond = node.data.get("condition")
        if isinstance(cond, dict):
            renamed = map_leaves(cond, rename)
            if renamed != cond:
                edits.append((node.uid, ("condition",), renamed))
    return edits


def translation_edits(
    doc: TemplateDoc, step_ids: dict[str, str], option_ids: dict[tuple[str, str], str] | None = None
) -> list[tuple[int, tuple, Any]]:
    """The template's translations with their keys following a rename (SPEC §15: a key names a text by its
    ids): `s-old.label` becomes `s-new.label`, an option's key its new id. Nothing when no key changes."""
    table = doc.meta.get("translations")
    if not isinstance(table, dict):
        return []
    options = {old: new for (_step, old), new in (option_ids or {}).items()}

    def key_after(key: str) -> str:
        head, dot, field = key.partition(".")
        if dot and head in step_ids:
            return f"{step_ids[head]}.{field}"
        return options.get(key, key) if not dot else key

    renamed = {
        tag: {key_after(key): text for key, text in texts.items()} if isinstance(texts, dict) else texts
        for tag, texts in table.items()
    }
    return [] if renamed == table else [(TEMPLATE_UID, ("translations",), renamed)]


def text_keys(doc: TemplateDoc) -> set[str]:
    """The translation keys that name a text of the template as it is now (SPEC §15)."""
    return set(template_texts(doc.to_tdl()))


def stale_translation_edits(doc: TemplateDoc, before: set[str]) -> list[tuple[int, tuple, Any]]:
    """The translations without the keys whose text an edit took away (`before`: `text_keys` ahead of it): a
    deleted step's label, a removed option's, the low label a type change dropped. Left behind, each was a key
    that names nothing, a 422 (SPEC §15): a bilingual template with one section deleted showed 16 problems
    and would not save until its JSON was edited by hand. Keys that named nothing already are left to say so."""
    table = doc.meta.get("translations")
    if not isinstance(table, dict):
        return []
    gone = before - text_keys(doc)
    if not gone:
        return []
    kept = {
        tag: {key: text for key, text in texts.items() if key not in gone}
        if isinstance(texts, dict)
        else texts
        for tag, texts in table.items()
    }
    return [] if kept == table else [(TEMPLATE_UID, ("translations",), kept)]


def copied_translation_edits(
    doc: TemplateDoc, copied: dict[str, str], texts: dict[str, Any] | None = None
) -> list[tuple[int, tuple, Any]]:
    """The translations of copied texts given to their copies too (`fresh_copy`'s `copied`: old id → new):
    `s-old.label` is kept and `s-new.label` added with its text, an option's key likewise. A duplicated
    step of a translated template read untranslated in every other language. `texts` is where the copies
    came from (a pasted part's own translations, by language), else this template's; only languages this
    template has are given any."""
    table = doc.meta.get("translations")
    if texts is None:
        texts = table if isinstance(table, dict) else {}
    if not isinstance(table, dict):
        table = {}
    if not copied or not isinstance(texts, dict):
        return []

    def copy_key(key: str) -> str | None:
        head, dot, field = key.partition(".")
        if dot:
            return f"{copied[head]}.{field}" if head in copied else None
        return copied.get(key) if key not in ("name", "description") else None

    grown = dict(table)
    for tag in template_languages(doc.meta)[1:]:
        source = texts.get(tag)
        if not isinstance(source, dict):
            continue
        added = {new: text for key, text in source.items() if (new := copy_key(key)) is not None}
        if added:
            mine = table.get(tag)
            grown[tag] = {**(mine if isinstance(mine, dict) else {}), **added}
    return [] if grown == table else [(TEMPLATE_UID, ("translations",), grown)]


def texts_of(doc: TemplateDoc, sections: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """This template's translations of the texts in `sections` (or bare steps wrapped as {"steps": [...]}),
    by language: what a copied part takes along to another template."""
    ids: set[str] = set()
    for section in sections:
        ids.add(str(section.get("id")))
        for step in section.get("steps", []):
            ids.add(str(step.get("id")))
            for option in (step.get("config") or {}).get("options") or []:
                if isinstance(option, dict):
                    ids.add(str(option.get("id")))
    table = doc.meta.get("translations")
    if not isinstance(table, dict):
        return {}
    out = {}
    for tag, texts in table.items():
        if isinstance(texts, dict):
            mine = {k: t for k, t in texts.items() if k.partition(".")[0] in ids}
            if mine:
                out[tag] = mine
    return out


def dependents(doc: TemplateDoc, uid: int) -> list[str]:
    """The labels of the steps, outside the step or section `uid`, whose conditions name a step in it: what a
    delete would leave with a condition on a step that is gone."""
    node = doc.node(uid)
    if node is None or uid == TEMPLATE_UID:
        return []
    inside = node.steps if hasattr(node, "steps") else [node]
    gone = {n.data.get("id") for n in inside}
    return [
        str(n.data.get("label") or n.data.get("id"))
        for n in doc.steps()
        if n not in inside and condition_step_ids(n.data.get("condition")) & gone
    ]


def first_condition(doc: TemplateDoc, step_uid: int) -> dict[str, Any] | None:
    """The condition a designer most likely means when switching one on: on the nearest earlier step."""
    for node in reversed(doc.earlier_steps(step_uid)):
        step_type = node.data.get("type")
        ops = OPS_BY_TYPE.get(step_type or "", ())
        if ops:
            op = ops[0]
            return {"when": {"step": node.data.get("id"), "op": op, "value": default_value(node.data, op)}}
    return None


def clean(value: Any) -> Any:
    """MISSING stays MISSING; everything else is deep-copied so the document never shares it."""
    return value if value is MISSING else copy.deepcopy(value)
