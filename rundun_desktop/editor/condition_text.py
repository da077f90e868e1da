"""Conditions in plain words ("only if “Any pre-existing damage?” is Yes"), operator names per step
type, and the value a new condition starts with. Pure Python; the tree, the condition editor, the
versions diff and the preview all speak through here so they say things the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from rundun_desktop import number_entry
from rundun_desktop.answers import boolean_words
from rundun_desktop.words import QT_TRANSLATE_NOOP, quoted
from server.tdl.conditions import LIST_OPS, PRESENCE_OPS
from server.tdl.configs import config_value

TYPE_NAMES = {
    "boolean": QT_TRANSLATE_NOOP("condition_text", "Yes / no"),
    "number": QT_TRANSLATE_NOOP("condition_text", "Number"),
    "text": QT_TRANSLATE_NOOP("condition_text", "Text"),
    "choice": QT_TRANSLATE_NOOP("condition_text", "Single choice"),
    "multi_choice": QT_TRANSLATE_NOOP("condition_text", "Multiple choice"),
    "rating": QT_TRANSLATE_NOOP("condition_text", "Rating"),
    "photo": QT_TRANSLATE_NOOP("condition_text", "Photo"),
    "date": QT_TRANSLATE_NOOP("condition_text", "Date"),
    "time": QT_TRANSLATE_NOOP("condition_text", "Time"),
    "signature": QT_TRANSLATE_NOOP("condition_text", "Signature"),
    "instruction": QT_TRANSLATE_NOOP("condition_text", "Instruction"),
}

_ORDER_WORDS = {
    "gt": QT_TRANSLATE_NOOP("condition_text", "is more than"),
    "gte": QT_TRANSLATE_NOOP("condition_text", "is at least"),
    "lt": QT_TRANSLATE_NOOP("condition_text", "is less than"),
    "lte": QT_TRANSLATE_NOOP("condition_text", "is at most"),
}
_DATE_WORDS = {
    "gt": QT_TRANSLATE_NOOP("condition_text", "is after"),
    "gte": QT_TRANSLATE_NOOP("condition_text", "is on or after"),
    "lt": QT_TRANSLATE_NOOP("condition_text", "is before"),
    "lte": QT_TRANSLATE_NOOP("condition_text", "is on or before"),
}
_OP_WORDS = {
    "eq": QT_TRANSLATE_NOOP("condition_text", "is"),
    "neq": QT_TRANSLATE_NOOP("condition_text", "is not"),
    "in": QT_TRANSLATE_NOOP("condition_text", "is one of"),
    "not_in": QT_TRANSLATE_NOOP("condition_text", "is none of"),
    "answered": QT_TRANSLATE_NOOP("condition_text", "is answered"),
    "not_answered": QT_TRANSLATE_NOOP("condition_text", "is not answered"),
}


# A condition in words is one whole clause per operator (and per step type where it reads differently), so
# that each language orders its own words: German puts the verb last ("nur wenn „Reifen“ Ja ist"), which a
# clause put together from "label" + "is" + "value" could not say. {0} is the step's quoted label, {1} the
# value; every clause stands after "only if" (or after "and" / "or" inside it).
_CLAUSES = {
    "eq": QT_TRANSLATE_NOOP("condition_text", "{0} is {1}"),
    "neq": QT_TRANSLATE_NOOP("condition_text", "{0} is not {1}"),
    "gt": QT_TRANSLATE_NOOP("condition_text", "{0} is more than {1}"),
    "gte": QT_TRANSLATE_NOOP("condition_text", "{0} is at least {1}"),
    "lt": QT_TRANSLATE_NOOP("condition_text", "{0} is less than {1}"),
    "lte": QT_TRANSLATE_NOOP("condition_text", "{0} is at most {1}"),
    "in": QT_TRANSLATE_NOOP("condition_text", "{0} is one of {1}"),
    "not_in": QT_TRANSLATE_NOOP("condition_text", "{0} is none of {1}"),
    "contains": QT_TRANSLATE_NOOP("condition_text", "{0} contains {1}"),
    "answered": QT_TRANSLATE_NOOP("condition_text", "{0} is answered"),
    "not_answered": QT_TRANSLATE_NOOP("condition_text", "{0} is not answered"),
}
_DATE_CLAUSES = {
    "gt": QT_TRANSLATE_NOOP("condition_text", "{0} is after {1}"),
    "gte": QT_TRANSLATE_NOOP("condition_text", "{0} is on or after {1}"),
    "lt": QT_TRANSLATE_NOOP("condition_text", "{0} is before {1}"),
    "lte": QT_TRANSLATE_NOOP("condition_text", "{0} is on or before {1}"),
}
_INCLUDES_CLAUSE = QT_TRANSLATE_NOOP("condition_text", "{0} includes {1}")  # a multiple choice's `contains`


def clause(op: str, step_type: str | None) -> str:
    """The whole clause for `op` on a step of `step_type`, in the person's language, with {0} for the step
    and {1} for the value ({1} absent for answered / not answered)."""
    if step_type == "date" and op in _DATE_CLAUSES:
        source = _DATE_CLAUSES[op]
    elif step_type == "multi_choice" and op == "contains":
        source = _INCLUDES_CLAUSE
    elif op in _CLAUSES:
        source = _CLAUSES[op]
    else:
        return "{0} " + op.replace("{", "{{").replace("}", "}}") + " {1}"  # an operator TDL does not have
    return QCoreApplication.translate("condition_text", source)


def type_name(step_type: str | None, default: str = "") -> str:
    """A step type's name in the person's language."""
    return (
        QCoreApplication.translate("condition_text", TYPE_NAMES[step_type])
        if step_type in TYPE_NAMES
        else default
    )


def op_words(op: str, step_type: str | None) -> str:
    """An operator's name for that step's type, as the condition builder lists them ("is more than"); a
    condition in words is said by `clause`, whole."""
    if op in _ORDER_WORDS:
        return QCoreApplication.translate(
            "condition_text", (_DATE_WORDS if step_type == "date" else _ORDER_WORDS)[op]
        )
    if op == "contains":
        if step_type == "multi_choice":
            return QCoreApplication.translate("condition_text", "includes")
        return QCoreApplication.translate("condition_text", "contains")
    return QCoreApplication.translate("condition_text", _OP_WORDS[op]) if op in _OP_WORDS else op


def option_label(step: Mapping[str, Any], option_id: Any) -> str:
    for option in (step.get("config") or {}).get("options") or []:
        if isinstance(option, dict) and option.get("id") == option_id:
            return str(option.get("label") or option_id)
    return str(option_id)


def value_words(step: Mapping[str, Any] | None, value: Any) -> str:
    """One condition value as the designer named it: Yes / Full / 12 km / “scratch”."""
    if isinstance(value, list):
        parts = [value_words(step, v) for v in value]
        if len(parts) < 2:
            return parts[0] if parts else "…"
        return QCoreApplication.translate("condition_text", "{0} or {1}").format(
            ", ".join(parts[:-1]), parts[-1]
        )
    step_type = step.get("type") if step else None
    config = (step.get("config") if step else None) or {}
    if step_type == "boolean" and isinstance(value, bool):
        return boolean_words(config if isinstance(config, dict) else {}, value)
    if step_type in ("choice", "multi_choice") and step is not None:
        return option_label(step, value)
    if (
        step_type == "number"
        and isinstance(value, int | float)
        and isinstance(config, dict)
        and config.get("unit")
    ):
        return f"{_number(value)} {config['unit']}"
    if isinstance(value, str) and step_type in ("text", None):
        return quoted(value)
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("condition_text", "true")
        return QCoreApplication.translate("condition_text", "false")
    if isinstance(value, float):
        return _number(value)
    return "…" if value is None else str(value)


def _number(value: float) -> str:
    """Every digit, in the language's decimal point ("{:g}" kept six: "at least 150000.5 km" read 150000)."""
    return number_entry.editable(value, number_entry.decimal_comma())


def step_name(step: Mapping[str, Any] | None, step_id: Any) -> str:
    label = step.get("label") if step else None
    return quoted(label if isinstance(label, str) and label else str(step_id))


def node_words(node: Any, steps: Mapping[str, Mapping[str, Any]], nested: bool = False) -> str:
    """A condition node in words; groups join their parts with and / or."""
    if not isinstance(node, dict):
        return "…"
    for kind, joiner in (
        ("all", QT_TRANSLATE_NOOP("condition_text", "{0} and {1}")),
        ("any", QT_TRANSLATE_NOOP("condition_text", "{0} or {1}")),
    ):
        if kind in node:
            children = node[kind] if isinstance(node[kind], list) else []
            parts = [node_words(c, steps, nested=True) for c in children]
            text = parts[0] if parts else "…"
            for part in parts[1:]:
                text = QCoreApplication.translate("condition_text", joiner).format(text, part)
            return f"({text})" if nested and len(children) > 1 else text
    step_ref = node.get("step")
    step = steps.get(step_ref) if isinstance(step_ref, str) else None
    op = str(node.get("op") or "")
    value = "" if op in PRESENCE_OPS else value_words(step, node.get("value"))
    return clause(op, step.get("type") if step else None).format(step_name(step, step_ref), value)


def condition_words(condition: Any, steps: Mapping[str, Mapping[str, Any]]) -> str:
    """`only if …` for a step's condition, or '' when it has none."""
    if not isinstance(condition, dict) or "when" not in condition:
        return ""
    return QCoreApplication.translate("condition_text", "only if {0}").format(
        node_words(condition["when"], steps)
    )


def default_value(step: Mapping[str, Any], op: str) -> Any:
    """The value a new condition on `step` with `op` starts with: valid where that is possible."""
    if op in PRESENCE_OPS:
        return None
    step_type = step.get("type")
    raw_config = step.get("config")
    config: dict[str, Any] = raw_config if isinstance(raw_config, dict) else {}
    if step_type == "multi_choice" or (op == "contains" and step_type != "text"):
        single: Any = _first_option(config)
    elif step_type == "boolean":
        single = True
    elif step_type == "number":
        low = config.get("min")
        single = low if isinstance(low, int | float) and not isinstance(low, bool) else 0
    elif step_type == "choice":
        single = _first_option(config)
    elif step_type == "rating":
        single = config_value("rating", config, "min")
    elif step_type == "date":
        single = dt.date.today().isoformat()
    elif step_type == "time":
        single = "12:00"
    else:
        single = ""
    return [single] if op in LIST_OPS else single


def _first_option(config: Mapping[str, Any]) -> Any:
    options = config.get("options") or []
    first = options[0] if isinstance(options, list) and options else None
    return first.get("id") if isinstance(first, dict) else None


def condition_step_ids(node: Any) -> set[str]:
    """The ids of the steps a condition (or any part of it) compares."""
    if isinstance(node, dict):
        ids = {node["step"]} if isinstance(node.get("step"), str) else set()  # any JSON may be typed
        return ids.union(*(condition_step_ids(value) for key, value in node.items() if key != "step"))
    if isinstance(node, list):
        return set().union(*(condition_step_ids(item) for item in node))
    return set()
