"""A run's answers in template order, each in words (pure: shared by the detail panel and the PDF report)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from rundun_desktop.formatting import day_form
from rundun_desktop.i18n import word_in
from rundun_desktop.words import QT_TRANSLATE_NOOP, Counts

ANSWERED, SKIPPED, UNANSWERED, HIDDEN, INSTRUCTION = (
    "answered",
    "skipped",
    "unanswered",
    "hidden",
    "instruction",
)


def photo_key(url: str) -> str:
    """The key an answer's photo is known by: its media path (signed URLs change, the photo does not)."""
    return urlsplit(url).path


@dataclass
class AnswerItem:
    step_id: str
    label: str
    type: str
    text: str  # the value in words
    state: str  # answered | skipped | unanswered | hidden | instruction
    photos: list[dict] = field(default_factory=list)  # {photo_index, url, sha256, bytes}
    geo: dict | None = None
    at: str | None = None
    by: str | None = None
    required: bool = True
    finding: bool = False  # the server's `flagged` on the answer (SPEC §14): an answer someone must act on


@dataclass
class SectionItems:
    title: str
    items: list[AnswerItem]


def map_link(geo: dict) -> str:
    lat, lng = geo.get("lat"), geo.get("lng")
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}"


def geo_text(geo: dict | None) -> str:
    if not geo:
        return ""
    text = f"{float(geo['lat']):.5f}, {float(geo['lng']):.5f}"
    if geo.get("accuracy_m") is not None:
        text += QCoreApplication.translate("answers", " (±{0:g} m)").format(float(geo["accuracy_m"]))
    return text


def value_text(step: dict, value: Any, photo_count: int = 0) -> str:
    """One answer's value as a supervisor reads it: option labels, units, the template's Yes/No labels."""
    kind, config = step.get("type"), step.get("config") or {}
    if kind == "photo":
        return Counts.tr("%Ln photo(s)", "", photo_count)
    if kind == "signature":
        return (
            QCoreApplication.translate("answers", "Signed")
            if photo_count
            else QCoreApplication.translate("answers", "Not signed")
        )
    if value is None:
        return "—"
    if kind == "boolean":
        return boolean_words(config, bool(value))
    if kind == "number":
        decimal = config.get("decimal")
        locale = (
            QLocale()
        )  # "1,234.5" in English, "1.234,5" in German: Python's "," wrote the first in every one
        if isinstance(value, bool) or not isinstance(value, int | float):
            number = str(value)
        elif isinstance(decimal, int):
            number = locale.toString(float(value), "f", decimal)
        elif isinstance(value, int):
            number = locale.toString(value)
        else:
            number = locale.toString(value, "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
        return f"{number} {config['unit']}" if config.get("unit") else number
    if kind == "choice":
        return _option_label(config, value)
    if kind == "multi_choice":
        return ", ".join(_option_label(config, v) for v in value) if isinstance(value, list) else str(value)
    if kind == "rating":
        low, high = config.get("min", 1), config.get("max", 5)
        shown = [QLocale().toString(n) if isinstance(n, int) else str(n) for n in (value, high)]  # ١ من ٥
        text = QCoreApplication.translate("answers", "{0} of {1}").format(*shown)
        if value == high and config.get("high_label"):
            text += f" — {config['high_label']}"
        elif value == low and config.get("low_label"):
            text += f" — {config['low_label']}"
        return text
    if kind == "date":
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            return str(value)
        # In the person's language, as every other date: strftime wrote "Sat 05 Dec 2026" in English everywhere.
        return QLocale().toString(QDate(day.year, day.month, day.day), f"ddd {day_form()} MMM yyyy")
    if kind == "time":
        # In the locale's digits, as the date beside it: an Arabic report read "11:00" among its ٧ ديسمبر.
        moment = QTime.fromString(str(value), "HH:mm")
        return QLocale().toString(moment, "HH:mm") if moment.isValid() else str(value)
    return str(value)


def _option_label(config: dict, option_id: Any) -> str:
    for option in config.get("options") or []:
        if option.get("id") == option_id:
            return option.get("label") or str(option_id)
    return str(option_id)


def answer_sections(run: dict) -> list[SectionItems]:
    """Every step of the run's template snapshot (`GET /v1/runs/{id}?include=template`), in order."""
    template = run.get("template") or {}
    answers = run.get("answers") or {}
    try:
        from server.tdl import (  # pydantic models: imported when a run is first shown, not at start
            Template,
            hidden_step_ids,
        )

        # Without the server's own fields (`id`, `v`, `org_id`, the timestamps), which the domain refuses as
        # unknown: with them every step a condition hid read "Not answered" on a completed run.
        domain = {k: v for k, v in template.items() if k in Template.model_fields}
        hidden = hidden_step_ids(domain, answers) if template.get("sections") else set()
    except Exception:  # noqa: BLE001 - a snapshot the domain cannot read still shows its answers
        hidden = set()
    sections = []
    for section in template.get("sections") or []:
        items = []
        for step in section.get("steps") or []:
            items.append(_item(step, answers.get(step["id"]), step["id"] in hidden))
        sections.append(SectionItems(section.get("title") or "", items))
    known = {item.step_id for section in sections for item in section.items}
    orphans = [
        _item({"id": sid, "label": sid, "type": "text"}, a, False)
        for sid, a in answers.items()
        if sid not in known
    ]
    if orphans:
        sections.append(SectionItems(QCoreApplication.translate("answers", "Other answers"), orphans))
    return sections


def findings_text(sections: list[SectionItems]) -> str:
    """Which steps hold a finding, in words: "2 — Tyres: Worn; Brakes: Failed", or "None"."""
    found = [item for section in sections for item in section.items if item.finding]
    if not found:
        return QCoreApplication.translate("answers", "None")
    return f"{QLocale().toString(len(found))} — " + "; ".join(f"{item.label}: {item.text}" for item in found)


def _item(step: dict, answer: dict | None, hidden: bool) -> AnswerItem:
    kind = step.get("type", "text")
    base = AnswerItem(
        step["id"], step.get("label") or step["id"], kind, "", UNANSWERED, required=step.get("required", True)
    )
    if kind == "instruction":
        base.text, base.state = (step.get("config") or {}).get("body") or "", INSTRUCTION
        return base
    if hidden:
        base.text, base.state = (
            QCoreApplication.translate("answers", "Hidden (its condition was not met)"),
            HIDDEN,
        )
        return base
    if not answer:
        base.text = QCoreApplication.translate("answers", "Not answered")
        return base
    photos = answer.get("photos") or []
    base.photos, base.geo, base.at, base.by = photos, answer.get("geo"), answer.get("at"), answer.get("by")
    if answer.get("skipped"):
        base.text, base.state = QCoreApplication.translate("answers", "Skipped"), SKIPPED
    else:
        base.text, base.state = value_text(step, answer.get("value"), len(photos)), ANSWERED
        base.finding = answer.get("flagged") is True
    return base


def checklist_language(languages: list[str]) -> str | None:
    """The language a run's checklist speaks, for the words the app puts in it (a yes/no step's Yes and No): its
    template's language as opened, or None (the app's language) for English, tdl's default, which every template
    whose designer never chose its languages carries, written in German or not. The phone runner's rule too."""
    tag = languages[0] if languages else ""
    return None if tag.split("-")[0].lower() in ("", "en") else tag


# tdl's defaults, said in the words of a language (`word_in`)
YES_NO = {True: QT_TRANSLATE_NOOP("answers", "Yes"), False: QT_TRANSLATE_NOOP("answers", "No")}


def boolean_words(config: Mapping[str, Any], value: bool, language: str | None = None) -> str:
    """A yes/no step's word for `value`: the template's own label, unless it is tdl's English default ("Yes",
    "No", written into every template whose designer chose none), which is said in the app's words: a German
    executor's buttons and supervisor's answers read "Yes" in the middle of German. `language`: in that
    language's words instead (the Executor's checklist speaks its run's language: "Yes" among German steps)."""
    label = config.get("true_label" if value else "false_label")
    if isinstance(label, str) and label and label != ("Yes" if value else "No"):
        return label
    return word_in(language, "answers", YES_NO[value])
