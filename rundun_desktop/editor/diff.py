"""A readable diff between two template bodies: what a designer would say changed, line by line.

Sections and steps are matched by id, so a moved step reads "moved", not "removed … added"; fields
are compared after normalization where possible, so a default spelled out is not a change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from rundun_desktop.i18n import tag_with_name
from rundun_desktop.words import QT_TRANSLATE_NOOP, Counts
from server.tdl import TdlError, normalize_template, template_languages, validate_template

from .condition_text import condition_words, type_name

_SETTING_NAMES = {
    "allow_skip": QT_TRANSLATE_NOOP("diff", "Skipping steps allowed"),
    "signature_on_complete": QT_TRANSLATE_NOOP("diff", "Signature on completion"),
    "est_minutes": QT_TRANSLATE_NOOP("diff", "Estimated minutes"),
    "scope": QT_TRANSLATE_NOOP("diff", "Who may run it"),
    "identity_required": QT_TRANSLATE_NOOP("diff", "Identity required"),
}
_STEP_FIELDS = ("label", "hint", "required", "photo", "geo")


def _normal(body: dict[str, Any]) -> dict[str, Any]:
    try:
        return normalize_template(validate_template(body))
    except TdlError:
        return body


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value) or "none"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_show(v)}" for k, v in value.items())
    return f"“{value}”" if isinstance(value, str) else str(value)


def _change(name: str, old: Any, new: Any) -> str:
    return f"{name}: {_show(old)} → {_show(new)}"


def _field(owner: str, field: str, old: Any, new: Any) -> str:
    """`Step “Fuel”: label “Fuel” → “Fuel level”`."""
    return f"{owner}: {field} {_show(old)} → {_show(new)}"


def _steps(body: dict[str, Any]) -> dict[str, tuple[int, str, int, dict[str, Any]]]:
    """step id → (section index, section title, position in section, step)."""
    out = {}
    for i, section in enumerate(body.get("sections", [])):
        for j, step in enumerate(section.get("steps", [])):
            out[step.get("id")] = (i, str(section.get("title", "")), j, step)
    return out


def describe_changes(old_body: dict[str, Any], new_body: dict[str, Any]) -> list[str]:
    """Lines such as 'Step “Fuel level”: label “Fuel” → “Fuel level”'; empty when nothing changed."""
    old, new = _normal(old_body), _normal(new_body)
    lines: list[str] = []
    for key in ("name", "description", "tags"):
        if old.get(key) != new.get(key):
            lines.append(_change(key.capitalize(), old.get(key), new.get(key)))
    for group in ("settings", "execution"):
        a, b = old.get(group) or {}, new.get(group) or {}
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                lines.append(
                    _change(
                        QCoreApplication.translate("diff", _SETTING_NAMES[key])
                        if key in _SETTING_NAMES
                        else key,
                        a.get(key),
                        b.get(key),
                    )
                )
    lines += _language_changes(old, new)
    lines += _section_changes(old, new)
    lines += _step_changes(old, new)
    return lines


def _language_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Languages added and removed, and how many translated texts changed per language kept or added: "Save
    mine" after someone removed German brought it back while the list said "(no visible change)"; its texts
    counted beside its removal were noise."""
    a, b = template_languages(old), template_languages(new)
    lines = [
        QCoreApplication.translate("diff", "Language removed: {0}").format(tag_with_name(tag))
        for tag in a
        if tag not in b
    ]
    lines += [
        QCoreApplication.translate("diff", "Language added: {0}").format(tag_with_name(tag))
        for tag in b
        if tag not in a
    ]
    if a[:1] != b[:1]:
        lines.append(_change(QCoreApplication.translate("diff", "Source language"), a[0], b[0]))
    old_table, new_table = old.get("translations") or {}, new.get("translations") or {}
    for tag in dict.fromkeys(b):  # a language removed is said once: its texts go with it
        texts_a, texts_b = old_table.get(tag) or {}, new_table.get(tag) or {}
        changed = sum(texts_a.get(key) != texts_b.get(key) for key in set(texts_a) | set(texts_b))
        if changed:
            lines.append(
                Counts.tr("Translations into {0}: %Ln changed", "", changed).format(tag_with_name(tag))
            )
    return lines


def _section_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = []
    a = {s.get("id"): (i, s) for i, s in enumerate(old.get("sections", []))}
    b = {s.get("id"): (i, s) for i, s in enumerate(new.get("sections", []))}
    for sid, (_, section) in b.items():
        if sid not in a:
            lines.append(
                QCoreApplication.translate("diff", "Added section “{0}”").format(section.get("title"))
            )
        elif a[sid][1].get("title") != section.get("title"):
            lines.append(
                QCoreApplication.translate("diff", "Section “{0}” renamed to “{1}”").format(
                    a[sid][1].get("title"), section.get("title")
                )
            )
    for sid, (_, section) in a.items():
        if sid not in b:
            lines.append(
                QCoreApplication.translate("diff", "Removed section “{0}” and its steps").format(
                    section.get("title")
                )
            )
    kept_old = [sid for sid in a if sid in b]
    kept_new = [sid for sid in b if sid in a]
    if kept_old != kept_new:
        lines.append(
            QCoreApplication.translate("diff", "Sections reordered: ")
            + ", ".join(f"“{b[sid][1].get('title')}”" for sid in kept_new)
        )
    return lines


def _step_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = []
    a, b = _steps(old), _steps(new)
    a_steps = {k: v[3] for k, v in a.items()}
    b_steps = {k: v[3] for k, v in b.items()}
    for sid, (_, title, _, step) in b.items():
        if sid not in a:
            lines.append(
                QCoreApplication.translate("diff", "Added {0} step “{1}” to “{2}”").format(
                    type_name(step.get("type")), step.get("label"), title
                )
            )
    for sid, (_, title, _, step) in a.items():
        if sid not in b:
            lines.append(
                QCoreApplication.translate("diff", "Removed step “{0}” from “{1}”").format(
                    step.get("label"), title
                )
            )
    order_a = [sid for sid in a if sid in b]
    order_b = [sid for sid in b if sid in a]
    for sid in order_b:
        (si, title_a, _, before), (sj, title_b, _, after) = a[sid], b[sid]
        name = QCoreApplication.translate("diff", "Step “{0}”").format(after.get("label"))
        if si != sj and title_a != title_b:
            lines.append(
                QCoreApplication.translate("diff", "{0} moved from “{1}” to “{2}”").format(
                    name, title_a, title_b
                )
            )
        elif order_a.index(sid) != order_b.index(sid) and _moved_alone(order_a, order_b, sid):
            lines.append(f"{name} moved")
        for key in _STEP_FIELDS + ("type",):
            if before.get(key) != after.get(key):
                lines.append(_field(name, key, before.get(key), after.get(key)))
        if before.get("condition") != after.get("condition"):
            always = QCoreApplication.translate("diff", "always shown")
            was = condition_words(before.get("condition"), a_steps) or always
            now = condition_words(after.get("condition"), b_steps) or always
            lines.append(QCoreApplication.translate("diff", "{0}: now {1} (was: {2})").format(name, now, was))
        if before.get("type") == after.get("type"):
            lines += _config_changes(name, before.get("config") or {}, after.get("config") or {})
    return lines


def _moved_alone(order_a: list[Any], order_b: list[Any], sid: Any) -> bool:
    """Whether `sid` itself moved (rather than shifting because another step moved past it)."""
    rest_a = [s for s in order_a if s != sid]
    rest_b = [s for s in order_b if s != sid]
    return rest_a == rest_b


def _config_changes(name: str, a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    lines = []
    for key in sorted(set(a) | set(b)):
        if key == "options" or a.get(key) == b.get(key):
            continue
        lines.append(_field(name, key.replace("_", " "), a.get(key), b.get(key)))
    old_opts = {o.get("id"): o.get("label") for o in a.get("options") or []}
    new_opts = {o.get("id"): o.get("label") for o in b.get("options") or []}
    for oid, label in new_opts.items():
        if oid not in old_opts:
            lines.append(QCoreApplication.translate("diff", "{0}: added option “{1}”").format(name, label))
        elif old_opts[oid] != label:
            lines.append(
                QCoreApplication.translate("diff", "{0}: option “{1}” renamed to “{2}”").format(
                    name, old_opts[oid], label
                )
            )
    for oid, label in old_opts.items():
        if oid not in new_opts:
            lines.append(QCoreApplication.translate("diff", "{0}: removed option “{1}”").format(name, label))
    if [o for o in old_opts if o in new_opts] != [o for o in new_opts if o in old_opts]:
        lines.append(QCoreApplication.translate("diff", "{0}: options reordered").format(name))
    return lines
