"""Validation problems in a designer's words: "Section 1, step 3 has no label", not
`sections[0].steps[2].label: must not be empty`.

The shared domain package reports a path and a message (the API's `details`); the Problems list says
where the problem is by position and name, and what is wrong by the field's name in the editor.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from .doc import TEMPLATE_UID, SectionNode, TemplateDoc

# The editor's name for each field, by its path inside a step, a section or the template.
FIELD_NAMES: dict[str, str] = {
    "name": "name",
    "description": "description",
    "tags": "tags",
    "title": "title",
    "label": "label",
    "hint": "hint",
    "id": "id",
    "type": "type",
    "required": "“Required” box",
    "geo": "location setting",
    "photo": "photos",
    "photo.min": "least number of photos",
    "photo.max": "most number of photos",
    "condition": "condition",
    "steps": "steps",
    "sections": "sections",
    "config": "answer settings",
    "config.options": "options",
    "config.min": "minimum",
    "config.max": "maximum",
    "config.unit": "unit",
    "config.decimal": "decimal places",
    "config.min_selected": "“At least”",
    "config.max_selected": "“At most”",
    "config.true_label": "label for yes",
    "config.false_label": "label for no",
    "config.low_label": "label of the low end",
    "config.high_label": "label of the high end",
    "config.placeholder": "placeholder",
    "config.max_length": "maximum length",
    "config.multiline": "“Several lines” box",
    "config.body": "text",
    "settings": "settings",
    "settings.allow_skip": "“may skip steps” setting",
    "settings.signature_on_complete": "signature setting",
    "settings.est_minutes": "estimated time",
    "execution": "execution settings",
    "execution.scope": "“Who may run it” setting",
    "execution.identity_required": "identity setting",
}
_EMPTY = ("must not be empty", "is required", "field required", "is missing")
_LIST_OF = {"options": "option", "steps": "step", "sections": "section", "tags": "tag"}
_OPTION = re.compile(r"^config\.options\[(\d+)\](?:\.(\w+))?")


def field_words(rest: str) -> str:
    """A path inside a node as the editor names the field ("option 2's label", "condition")."""
    option = _OPTION.match(rest)
    if option:
        number = f"option {int(option[1]) + 1}"
        return f"{number}’s {option[2]}" if option[2] else number
    if rest.startswith("condition"):
        return "condition"
    if rest in FIELD_NAMES:
        return FIELD_NAMES[rest]
    head = rest.split(".")[0].split("[")[0]
    return FIELD_NAMES.get(
        rest.rsplit(".", 1)[0], FIELD_NAMES.get(head, rest.replace("_", " ").replace(".", " "))
    )


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


def problem_words(doc: TemplateDoc, detail: dict[str, Any]) -> str:
    """One validation detail (path, message) as a sentence about the node it names."""
    uid, rest = doc.node_at(str(detail.get("path", "")))
    message = str(detail.get("message", "")).strip()
    where = where_words(doc, uid)
    if not rest:
        return f"{where}: {message}"
    field = field_words(rest)
    lowered = message.lower()
    if lowered in _EMPTY or lowered.startswith("field required"):
        return f"{where} has no {field}"
    if lowered.startswith("must have at least 1 item") and field in _LIST_OF:
        return QCoreApplication.translate("problem_words", "{0} needs at least one {1}").format(
            where, _LIST_OF[field]
        )
    return QCoreApplication.translate("problem_words", "{0}: the {1} {2}").format(where, field, message)
