"""Read a free-text prompt into what the checklist is about and the items it lists, with their groups.

Prompts come as prose ("… Include X, Y and Z."), comma lists, bullet or numbered lists, and headings
("Kitchen:" then bullets). The output keeps the prompt's order and its own grouping words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import domains as dm
from . import yesno as yn
from .classify import has_state, is_problem, value_plan
from .items import (
    LEADS,
    SUBJECT_MODAL,
    Item,
    clean_item,
    group_title,
    split_list,
    starts_with_verb,
    strip_lead,
)

_I = re.IGNORECASE

BULLET = re.compile(r"^(?:[-*•·▪‣◦–—+]|\d{1,3}[.)]|[a-z][.)]|\[[ x]?\])\s+(.*)$", _I)
HEADING = re.compile(r"^(?:#{1,6}\s*(.+?)|\*\*(.+?)\*\*:?|([^.!?:]{1,60}?):)\s*$")
CONTEXT_WORDS = re.compile(
    r"\b(?:check ?lists?|templates?|inspections?|audits?|forms?|procedures?|routines?|walk-?throughs?|surveys?|"
    r"assessments?|handovers?|turnovers?|changeovers?|maintenance|opening|closing|pre-(?:rental|trip|departure|use|start|shift|opening|flight|arrival|delivery|inspection|hire)|rounds|patrols?|"
    r"reports?|reviews?|check-?ups?|checks?|logs?|set-?up|briefings?|visits?|screenings?|tests?)\b",
    _I,
)
CONTEXT_START = re.compile(
    r"^(?:please\s+)?(?:create|make(?! sure)|generate|build|write|design|draft|prepare|set up|"
    r"i need|we need|i want|we want|i'd like|we'd like|i would like|we would like|give me|"
    r"need|can you|could you|help me)\b",
    _I,
)
CONTEXT_SPLIT = re.compile(
    r"\s+(?:with|including|includes|that includes|covering|which covers|that covers|"
    r"that checks|which checks|to check|checking|for checking)\s+(?:the following:?\s*)?",
    _I,
)
# "… inspection, include a photo of the tag", "… check and photo of each extinguisher": the items start there.
CONTEXT_TAIL = re.compile(
    r"(?:,\s*|\s+and\s+)(?=(?:also\s+)?(?:please\s+)?(?:include|add|take|attach|record|check|count|measure|"
    r"photograph|rate)\b|(?:an?\s+|one\s+|some\s+)?(?:photos?|pictures?)\s+of\b)",
    _I,
)
EST = re.compile(r"\b(\d{1,3})\s*(?:min|mins|minutes)\b", _I)
SKIP = re.compile(
    r"\b(?:allow(?:s|ed)? (?:skipping|skips?|to skip)|can be skipped|may be skipped|skippable)\b", _I
)
COLON_PREFIX = re.compile(r"^(?P<head>[^:]{1,80}?)\s*(?::|\s[-–—]\s)\s*(?P<rest>.+)$")
PLACE_PREFIX = re.compile(
    r"^(?:in|for|inside|outside|on|at|within|around)\s+(?:the\s+|each\s+|every\s+|all\s+|"
    r"our\s+)?(?P<head>(?!an?\s)[a-z][\w'-]*(?:\s[\w'-]+){0,2}),\s*(?P<rest>.+)$",
    _I,
)


@dataclass
class Parsed:
    context: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    est_minutes: int | None = None
    allow_skip: bool = False


def parse_prompt(prompt: str) -> Parsed:
    """Split `prompt` into context sentences and listed items, following lines, headings and sentences."""
    out = Parsed()
    text = (
        prompt.replace("\r\n", "\n").replace("\r", "\n").replace("’", "'").replace("“", '"').replace("”", '"')
    )
    lines = [ln.strip() for ln in text.split("\n")]
    heading_group: str | None = None
    for index, line in enumerate(lines):
        if not line:
            continue
        bullet = BULLET.match(line)
        if bullet:
            _sentence(out, bullet.group(1), heading_group, bullet=True)
            continue
        heading = HEADING.match(line)
        if heading:
            head = next(g for g in heading.groups() if g).strip()
            kind, _ = _head_kind(head, out)
            if kind == "context":
                out.context.append(head)
            heading_group = group_title(head) if kind == "group" else None
            continue
        following = next((ln for ln in lines[index + 1 :] if ln), "")
        if not out.context and not out.items and BULLET.match(following) and len(line.split()) <= 12:
            out.context.append(line.rstrip(".:"))
            continue
        sentences = re.split(r"(?<=[.!?])\s+", line)
        for n, sentence in enumerate(sentences):
            # A "Kitchen: …" sentence groups only itself; a heading line groups what follows it.
            _sentence(out, sentence, heading_group, more=bool(following) or n + 1 < len(sentences))
    return out


# What follows a lead verb that only leads in to a list ("Check the following:", "Include these:").
LEAD_IN_WORDS = yn.word_set(
    "following these this that those items item things list below everything all points steps for"
)


def _head_kind(head: str, out: Parsed) -> tuple[str, str | None]:
    """What a "X:" prefix is: the checklist itself, a lead-in ("Include the following"), or a group."""
    first = not out.context and not out.items
    if CONTEXT_START.match(head):
        return "context", None
    for pattern, lead in LEADS:
        if said := pattern.match(head):
            # "Inspect the scaffold on site 3: …" opens the prompt by naming the work ("Check the following:"
            # only leads in): it gave a checklist named "Checklist", started from no library template.
            named = re.sub(r"^(?:\s*(?:the|a|an|our|your|all)\b)+", "", head[said.end() :], flags=_I).split()
            looks_over = re.match(r"(?:check|inspect|examine|audit)\b", head, _I)
            if first and looks_over and named and named[0].lower() not in LEAD_IN_WORDS:
                return "context", None
            return "lead", lead
    if first and CONTEXT_WORDS.search(head):
        return "context", None
    # "Covid screening at reception: …" opens the prompt by naming it; "Kitchen: …" is a group.
    if first and len(head.split()) >= 3 and not any(p.search(head) for p, _ in dm.PLACES):
        return "context", None
    return ("group", None) if len(head.split()) <= 5 else ("lead", None)


def _sentence(
    out: Parsed, sentence: str, group: str | None, bullet: bool = False, more: bool = False
) -> str | None:
    """Read one sentence or bullet into `out`; returns the group it put its items in."""
    s = sentence.strip().strip('"').rstrip(".!").strip()
    if not s or not re.search(r"[^\W\d_]", s):  # any script's letters: an Arabic prompt gave nothing
        return group
    if re.match(r"if\b", s, _I):
        return group  # "If anything is broken, describe it": the follow-up steps already ask
    if SKIP.search(s):
        out.allow_skip = True
        return group
    est = EST.search(s)
    if (
        est
        and "," not in s
        and re.search(r"\b(?:take|takes|taking|about|around|approx\w*|roughly|within|under)\b", s, _I)
    ):
        out.est_minutes = int(est.group(1))
        return group
    if s.count(":") > 1 and ";" in s:
        for segment in s.split(";"):
            group = _sentence(out, segment, group, bullet=True)
        return group
    colon = COLON_PREFIX.match(s)
    if colon:
        head, rest = colon.group("head").strip(), colon.group("rest")
        kind, lead = _head_kind(head, out)
        if kind == "context":
            out.context.append(head)
            _sentence(out, rest, None, bullet=True)
            return None
        if kind == "group":
            group = group_title(head)
        _add_items(out, rest, group, lead)
        return group
    place = PLACE_PREFIX.match(s)
    if place and not CONTEXT_WORDS.search(place.group("head")):
        group = group_title(place.group("head"))
        _add_items(out, place.group("rest"), group, None)
        return group
    if not bullet and _is_context(s, out, more):
        parts = CONTEXT_SPLIT.split(s, maxsplit=1)
        if len(parts) == 1:
            parts = CONTEXT_TAIL.split(s, maxsplit=1)
        out.context.append(parts[0])
        if len(parts) > 1:
            _add_items(out, parts[1], group, None)
        return group
    _add_items(out, s, group, None)
    return group


def _is_context(s: str, out: Parsed, more: bool) -> bool:
    """Whether a sentence says what the checklist is rather than listing what it checks."""
    head = CONTEXT_SPLIT.split(s, maxsplit=1)[0]
    if CONTEXT_START.match(s):
        return True
    if any(pattern.match(s) for pattern, _ in LEADS) or SUBJECT_MODAL.match(s):
        return False
    if out.context or out.items:
        return bool(re.search(r"\b(?:check ?list|template|form)\b", head, _I))
    if (
        CONTEXT_WORDS.search(head)
        and not has_state(head)
        and not is_problem(head)
        and not head.lower().startswith("any ")
    ):
        return True
    if "," in s or has_state(s) or is_problem(s) or value_plan(s, "", {}):
        return False
    if more and len(s.split()) <= 8:
        return True
    return any(p.search(s) for p, _ in dm.DOMAIN_TAGS) and not any(p.search(s) for p, _, _ in yn.PREDICATES)


def _add_items(out: Parsed, text: str, group: str | None, lead: str | None) -> None:
    text, first_lead = strip_lead(text, lead)
    parts = split_list(text)
    # "Record: temperature, humidity" asks every item so; "count towels, note any breakages, check the hot tub"
    # gives each item its own verb: "count" asked "Number of keys in lockbox".
    own_verbs = any(starts_with_verb(part) for part, _ in parts[1:])
    for index, (part, subgroup) in enumerate(parts):
        item = clean_item(part, subgroup or group, first_lead if index == 0 or not own_verbs else lead)
        if item and item.text.lower() not in {i.text.lower() for i in out.items}:
            out.items.append(item)
