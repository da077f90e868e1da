"""A step's `flag` in plain words ("a finding when the answer is Yes"), for the properties panel, the
preview and the structure tree: one phrasing, so the designer reads the same rule everywhere.

Pure Python. Which answers *are* findings is decided by `server.tdl.value_is_finding`; this only says it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from rundun_desktop.answers import boolean_words
from rundun_desktop.words import quoted

from .bindings import format_number


def option_labels(config: Any) -> dict[str, str]:
    """Option id → label of a choice step's config (the id when the label is missing)."""
    options = config.get("options") if isinstance(config, Mapping) else None
    return {
        str(o.get("id")): str(o.get("label") or o.get("id"))
        for o in options or []
        if isinstance(o, Mapping) and isinstance(o.get("id"), str)
    }


def boolean_label(config: Any, value: bool) -> str:
    return boolean_words(config if isinstance(config, Mapping) else {}, value)


def flag_words(step_type: Any, flag: Any, config: Any) -> str | None:
    """“A finding when …” for a step's flag, or None when the step flags nothing."""
    if flag is None:
        return None
    if step_type == "boolean" and isinstance(flag, bool):
        return QCoreApplication.translate("flag_text", "A finding when the answer is {0}").format(
            boolean_label(config, flag)
        )
    if step_type in ("choice", "multi_choice") and isinstance(flag, list) and flag:
        labels = option_labels(config)
        names = [quoted(labels.get(item, item)) for item in flag if isinstance(item, str)]
        if len(names) == 1:
            return QCoreApplication.translate("flag_text", "A finding when {0} is chosen").format(names[0])
        return QCoreApplication.translate("flag_text", "A finding when any of {0} is chosen").format(
            ", ".join(names)
        )
    if step_type in ("number", "rating") and isinstance(flag, Mapping):
        below, above = flag.get("below"), flag.get("above")
        parts = []
        if below is not None:
            parts.append(QCoreApplication.translate("flag_text", "below {0}").format(format_number(below)))
        if above is not None:
            parts.append(QCoreApplication.translate("flag_text", "above {0}").format(format_number(above)))
        if parts:
            return QCoreApplication.translate("flag_text", "A finding when the answer is {0}").format(
                QCoreApplication.translate("flag_text", "{0} or {1}").format(*parts)
                if len(parts) == 2
                else parts[0]
            )
    return None
