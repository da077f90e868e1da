"""Validation problems in a designer's words: "Section 1, step 3 has no label", not
`sections[0].steps[2].label: must not be empty`.

The shared domain package reports a path and a message (the API's `details`); the Problems list says
where the problem is by position and name, and what is wrong by the field's name in the editor.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from rundun_desktop.check_words import check_words
from rundun_desktop.words import QT_TRANSLATE_NOOP

from .doc import TEMPLATE_UID, SectionNode, TemplateDoc

# The editor's name for each field, by its path inside a step, a section or the template (translated where said).
FIELD_NAMES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("problem_words", "name"),
    "description": QT_TRANSLATE_NOOP("problem_words", "description"),
    "tags": QT_TRANSLATE_NOOP("problem_words", "tags"),
    "title": QT_TRANSLATE_NOOP("problem_words", "title"),
    "label": QT_TRANSLATE_NOOP("problem_words", "label"),
    "hint": QT_TRANSLATE_NOOP("problem_words", "hint"),
    "id": QT_TRANSLATE_NOOP("problem_words", "id"),
    "type": QT_TRANSLATE_NOOP("problem_words", "type"),
    "required": QT_TRANSLATE_NOOP("problem_words", "“Required” box"),
    "geo": QT_TRANSLATE_NOOP("problem_words", "location setting"),
    "photo": QT_TRANSLATE_NOOP("problem_words", "photos"),
    "photo.min": QT_TRANSLATE_NOOP("problem_words", "least number of photos"),
    "photo.max": QT_TRANSLATE_NOOP("problem_words", "most number of photos"),
    "condition": QT_TRANSLATE_NOOP("problem_words", "condition"),
    "flag": QT_TRANSLATE_NOOP("problem_words", "finding"),
    "steps": QT_TRANSLATE_NOOP("problem_words", "steps"),
    "sections": QT_TRANSLATE_NOOP("problem_words", "sections"),
    "config": QT_TRANSLATE_NOOP("problem_words", "answer settings"),
    "config.options": QT_TRANSLATE_NOOP("problem_words", "options"),
    "config.min": QT_TRANSLATE_NOOP("problem_words", "minimum"),
    "config.max": QT_TRANSLATE_NOOP("problem_words", "maximum"),
    "config.unit": QT_TRANSLATE_NOOP("problem_words", "unit"),
    "config.decimal": QT_TRANSLATE_NOOP("problem_words", "decimal places"),
    "config.min_selected": QT_TRANSLATE_NOOP("problem_words", "“At least”"),
    "config.max_selected": QT_TRANSLATE_NOOP("problem_words", "“At most”"),
    "config.true_label": QT_TRANSLATE_NOOP("problem_words", "label for yes"),
    "config.false_label": QT_TRANSLATE_NOOP("problem_words", "label for no"),
    "config.low_label": QT_TRANSLATE_NOOP("problem_words", "label of the low end"),
    "config.high_label": QT_TRANSLATE_NOOP("problem_words", "label of the high end"),
    "config.placeholder": QT_TRANSLATE_NOOP("problem_words", "placeholder"),
    "config.max_length": QT_TRANSLATE_NOOP("problem_words", "maximum length"),
    "config.multiline": QT_TRANSLATE_NOOP("problem_words", "“Several lines” box"),
    "config.body": QT_TRANSLATE_NOOP("problem_words", "text"),
    "settings": QT_TRANSLATE_NOOP("problem_words", "settings"),
    "settings.allow_skip": QT_TRANSLATE_NOOP("problem_words", "“may skip steps” setting"),
    "settings.signature_on_complete": QT_TRANSLATE_NOOP("problem_words", "signature setting"),
    "settings.est_minutes": QT_TRANSLATE_NOOP("problem_words", "estimated time"),
    "execution": QT_TRANSLATE_NOOP("problem_words", "execution settings"),
    "execution.scope": QT_TRANSLATE_NOOP("problem_words", "“Who may run it” setting"),
    "execution.identity_required": QT_TRANSLATE_NOOP("problem_words", "identity setting"),
}
_EMPTY = ("must not be empty", "is required", "field required", "is missing")
_LIST_OF = {
    "options": QT_TRANSLATE_NOOP("problem_words", "option"),
    "steps": QT_TRANSLATE_NOOP("problem_words", "step"),
    "sections": QT_TRANSLATE_NOOP("problem_words", "section"),
    "tags": QT_TRANSLATE_NOOP("problem_words", "tag"),
}
_OPTION = re.compile(r"^config\.options\[(\d+)\](?:\.(\w+))?")
# The domain checks' sentences about a condition's step (server/tdl/semantics.py): said again with the step's
# position and label, in the app's words (they read "refers to 's-glass-…', which comes later (at
# sections[1].steps[1])", in English inside a German sentence).
_LATER = re.compile(r"refers to '(?P<id>.*)', which comes later \(at [^)]*\); .*")
_UNKNOWN = re.compile(r"refers to '(?P<id>.*)', which is not a step of this template")
_ITSELF = re.compile(r"cannot refer to its own step; .*")
_INSTRUCTION = re.compile(r"cannot refer to instruction step '(?P<id>.*)'; .*")


def field_words(rest: str) -> str:
    """A path inside a node as the editor names the field ("option 2's label", "condition"), in the app's words."""
    option = _OPTION.match(rest)
    if option:
        number = int(option[1]) + 1
        if option[2]:
            return QCoreApplication.translate("problem_words", "option {0}’s {1}").format(
                number, _tr(FIELD_NAMES.get(option[2], option[2]))
            )
        return QCoreApplication.translate("problem_words", "option {0}").format(number)
    name = _field_name(rest)
    return _tr(name) if name else rest.replace("_", " ").replace(".", " ")


def _field_name(rest: str) -> str | None:
    """The field's name in `FIELD_NAMES` (untranslated), when the path names a field it knows."""
    if rest.startswith("condition"):
        return FIELD_NAMES["condition"]
    head = rest.split(".")[0].split("[")[0]
    return FIELD_NAMES.get(rest) or FIELD_NAMES.get(rest.rsplit(".", 1)[0]) or FIELD_NAMES.get(head)


def _tr(text: str) -> str:
    return QCoreApplication.translate("problem_words", text)


def is_empty_message(message: str) -> bool:
    """The checks' ways of saying a field was left empty."""
    lowered = message.strip().lower()
    return lowered in _EMPTY or lowered.startswith("field required")


def where_words(doc: TemplateDoc, uid: int) -> str:
    """A node by position and name: "Section 2 (“Interior”)", "Section 1, step 3 (“Fuel level”)"."""
    node = doc.node(uid) if uid != TEMPLATE_UID else None
    if node is None:
        return QCoreApplication.translate("problem_words", "The template")
    if isinstance(node, SectionNode):
        title = node.data.get("title")
        return QCoreApplication.translate("problem_words", "Section {0}").format(doc.section_row(uid) + 1) + (
            f" (“{title}”)" if isinstance(title, str) and title else ""
        )
    section = doc.section_of(uid)
    label = node.data.get("label")
    where = QCoreApplication.translate("problem_words", "Section {0}, step {1}").format(
        doc.section_row(section.uid) + 1, doc.step_row(uid) + 1
    )
    return where + (f" (“{label}”)" if isinstance(label, str) and label else "")


def condition_words(doc: TemplateDoc, message: str) -> str | None:
    """A domain check's sentence about the step a condition refers to, naming that step by its position and
    label ("refers to Section 2, step 2 (“Glass clean?”), which comes after this step; …"); None for another."""

    def step(tdl_id: str) -> str:
        node = doc.find_step(tdl_id)
        return where_words(doc, node.uid) if node is not None else f"“{tdl_id}”"

    if later := _LATER.fullmatch(message):
        return QCoreApplication.translate(
            "problem_words",
            "The condition refers to {0}, which comes after this step; a condition may only refer to a step "
            "before it",
        ).format(step(later["id"]))
    if unknown := _UNKNOWN.fullmatch(message):
        return QCoreApplication.translate(
            "problem_words", "The condition refers to “{0}”, which is not a step of this template"
        ).format(unknown["id"])
    if _ITSELF.fullmatch(message):
        return QCoreApplication.translate(
            "problem_words",
            "The condition refers to its own step; a condition may only refer to a step before it",
        )
    if instruction := _INSTRUCTION.fullmatch(message):
        return QCoreApplication.translate(
            "problem_words", "The condition refers to {0}, an instruction, which is never answered"
        ).format(step(instruction["id"]))
    return None


def problem_words(doc: TemplateDoc, detail: dict[str, Any]) -> str:
    """One validation detail (path, message) as a sentence about the node it names."""
    uid, rest = doc.node_at(str(detail.get("path", "")))
    message = str(detail.get("message", "")).strip()
    where = where_words(doc, uid)
    if rest.startswith("condition") and (said := condition_words(doc, message)) is not None:
        return f"{where}: {said}"
    if not rest:
        return f"{where}: {message}"
    field = field_words(rest)
    lowered = message.lower()
    if is_empty_message(message):
        return QCoreApplication.translate("problem_words", "{0} has no {1}").format(where, field)
    listed = _LIST_OF.get(_field_name(rest) or "")
    if lowered.startswith("must have at least 1 item") and listed:
        return QCoreApplication.translate("problem_words", "{0} needs at least one {1}").format(
            where, _tr(listed)
        )
    return QCoreApplication.translate("problem_words", "{0}: the {1} {2}").format(
        where, field, check_words(message)
    )
