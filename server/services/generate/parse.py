"""Read a free-text prompt into what the checklist is about and the items it lists, with their groups.

Prompts come as prose ("… Include X, Y and Z."), comma lists, bullet or numbered lists, and headings
("Kitchen:" then bullets). The output keeps the prompt's order and its own grouping words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .classify import has_state, is_problem, value_plan

BULLET = re.compile(r"^(?:[-*•·▪‣◦–—+]|\d{1,3}[.)]|[a-z][.)]|\[[ x]?\])\s+(.*)$", re.I)
HEADING = re.compile(r"^(?:#{1,6}\s*(.+?)|\*\*(.+?)\*\*:?|([^.!?:]{1,60}?):)\s*$")
CONTEXT_WORDS = re.compile(
    r"\b(?:check ?lists?|templates?|inspections?|audits?|forms?|procedures?|routines?|walk-?throughs?|surveys?|"
    r"assessments?|handovers?|turnovers?|changeovers?|maintenance|opening|closing|pre-[a-z]+|rounds|patrols?|"
    r"reports?|reviews?|check-?ups?|checks?|logs?)\b", re.I)
CONTEXT_START = re.compile(r"^(?:please\s+)?(?:create|make|generate|build|write|design|draft|prepare|set up|"
                           r"i need|we need|i want|we want|i'd like|we'd like|i would like|we would like|give me|"
                           r"need|can you|could you|help me)\b", re.I)
CONTEXT_SPLIT = re.compile(r"\s+(?:with|including|includes|that includes|covering|which covers|that covers|"
                           r"that checks|which checks|to check|checking|for checking)\s+(?:the following:?\s*)?",
                           re.I)
LEADS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"^(?:record|log(?! ?books?)|note(?: down)?|document|write down|capture|enter|jot down)\b", re.I),
     "record"),
    (re.compile(r"^(?:measure|read|take (?:the |a )?reading of)\b", re.I), "measure"),
    (re.compile(r"^(?:rate|score|grade|assess|evaluate|judge)\b", re.I), "rate"),
    (re.compile(r"^(?:count|tally)\b", re.I), "count"),
    (re.compile(r"^(?:photograph|snap|take (?:a |some )?(?:photos?|pictures?) of)\b", re.I), "photo"),
    (re.compile(r"^(?:make sure|ensure|check(?!-)(?:ing)?|verify|confirm|inspect(?:ing)?|look(?:ing)? for|"
                r"include|including|add|cover(?:ing)?|ask (?:about|for)|ask|collect|track|monitor|review|see|"
                r"examine|there should be|it should (?:include|cover|have|check)|should include|must include|"
                r"we (?:want|need) to (?:know|check|see|record)|i (?:want|need) to (?:know|check|see|record)|"
                r"don't forget(?: to)?|remember(?: to)?|also|then|finally|and|plus|please|items?|things? like)"
                r"\b:?", re.I), None),
]
AFTER_LEAD = re.compile(r"^(?:that|whether|if|for|on|about|the following:?|following:?)\s+", re.I)
SUBJECT_MODAL = re.compile(r"^(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:should|must|needs? to|has to|have to|shall|will)\s+"
                           r"(?:also\s+)?(?=\w)", re.I)
IMPERATIVES = {
    "clean": "cleaned", "empty": "emptied", "wipe": "wiped", "replace": "replaced", "restock": "restocked",
    "refill": "refilled", "lock": "locked", "sweep": "swept", "mop": "mopped", "vacuum": "vacuumed",
    "hoover": "hoovered", "sanitise": "sanitised", "sanitize": "sanitized", "disinfect": "disinfected",
    "wash": "washed", "change": "changed", "remove": "removed", "close": "closed", "secure": "secured",
    "test": "tested", "charge": "charged", "dust": "dusted", "polish": "polished", "make": "made",
    "tidy": "tidied", "stock": "stocked", "label": "labelled", "store": "stored", "fill": "filled",
    "feed": "fed", "water": "watered", "unlock": "unlocked", "report": "reported", "clear": "cleared",
    "turn off": "turned off", "switch off": "switched off", "turn on": "turned on", "switch on": "switched on",
    "top up": "topped up", "put away": "put away", "set": "set", "inspect": "inspected", "service": "serviced",
}
IMPERATIVE = re.compile(r"^(" + "|".join(sorted(IMPERATIVES, key=len, reverse=True)) +
                        r")\s+(the|all|any|every|each|both|a|an|their|your|our)\s+(.+)$", re.I)
FILLER_END = re.compile(r"\s+(?:etc\.?|as well|too|please|if any|where applicable|if applicable|each time|"
                        r"at the end|on completion)$", re.I)
MEASURES = {"temperatures": "temperature", "temps": "temp", "pressures": "pressure", "levels": "level",
            "readings": "reading", "weights": "weight"}
MEASURE_SINGULAR = set(MEASURES.values()) | {"condition", "cleanliness"}
EST = re.compile(r"\b(\d{1,3})\s*(?:min|mins|minutes)\b", re.I)
SKIP = re.compile(r"\b(?:allow(?:s|ed)? (?:skipping|skips?|to skip)|can be skipped|may be skipped|skippable)\b", re.I)


@dataclass
class Item:
    text: str
    group: str | None = None
    extra: str = ""
    lead: str | None = None


@dataclass
class Parsed:
    context: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    est_minutes: int | None = None
    allow_skip: bool = False


def parse_prompt(prompt: str) -> Parsed:
    """Split `prompt` into context sentences and listed items, following lines, headings and sentences."""
    out = Parsed()
    text = prompt.replace("\r\n", "\n").replace("\r", "\n").replace("’", "'").replace("“", '"').replace("”", '"')
    lines = [ln.strip() for ln in text.split("\n")]
    group: str | None = None
    for index, line in enumerate(lines):
        if not line:
            continue
        bullet = BULLET.match(line)
        if bullet:
            _sentence(out, bullet.group(1), group, bullet=True)
            continue
        heading = HEADING.match(line)
        if heading:
            head = next(g for g in heading.groups() if g).strip()
            kind, _ = _head_kind(head, out)
            if kind == "context":
                out.context.append(head)
            group = _group_title(head) if kind == "group" else None
            continue
        following = next((ln for ln in lines[index + 1:] if ln), "")
        if not out.context and not out.items and BULLET.match(following) and len(line.split()) <= 12:
            out.context.append(line.rstrip(".:"))
            continue
        group = None if out.context or out.items else group
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            group = _sentence(out, sentence, group)
    return out


def _head_kind(head: str, out: Parsed) -> tuple[str, str | None]:
    """What a "X:" prefix is: the checklist itself, a lead-in ("Include the following"), or a group."""
    for pattern, lead in LEADS:
        if pattern.match(head):
            return "lead", lead
    if CONTEXT_START.match(head) or (not out.context and not out.items and CONTEXT_WORDS.search(head)):
        return "context", None
    return ("group", None) if len(head.split()) <= 5 else ("lead", None)


def _group_title(head: str) -> str:
    head = re.sub(r"^(?:in|for|inside|outside|on|at|within|around)\s+", "", head.strip(), flags=re.I)
    head = re.sub(r"^(?:the|each|every|all|our)\s+", "", head, flags=re.I)
    return head[:1].upper() + head[1:]


def _sentence(out: Parsed, sentence: str, group: str | None, bullet: bool = False) -> str | None:
    """Read one sentence or bullet into `out`; returns the group that later sentences continue in."""
    s = sentence.strip().strip('"').rstrip(".!").strip()
    if not s or not re.search(r"[A-Za-z]", s):
        return group
    if SKIP.search(s):
        out.allow_skip = True
        return group
    est = EST.search(s)
    if est and "," not in s and re.search(r"\b(?:take|takes|taking|about|around|approx\w*|roughly|within|under)\b",
                                          s, re.I):
        out.est_minutes = int(est.group(1))
        return group
    lead: str | None = None
    prefix = re.match(r"^(?P<head>[^:]{1,80}?)\s*(?::|\s[-–—]\s)\s*(?P<rest>.+)$", s) or re.match(
        r"^(?P<head>(?:in|for|inside|outside|on|at|within|around)\s+(?:the\s+|each\s+|every\s+|all\s+|our\s+)?"
        r"[a-z][\w' -]{1,40}?)\s*,\s*(?P<rest>.+)$", s, re.I)
    if prefix:
        kind, lead = _head_kind(prefix.group("head"), out)
        if kind == "context":
            out.context.append(prefix.group("head"))
            _add_items(out, prefix.group("rest"), None, lead)
            return None
        if kind == "group" and (prefix.group(0)[len(prefix.group("head")):].lstrip().startswith((":", "-", "–", "—"))
                                or len(prefix.group("head").split()) <= 4):
            group = _group_title(prefix.group("head"))
            _add_items(out, prefix.group("rest"), group, None)
            return group
        if kind == "lead":
            _add_items(out, prefix.group("rest"), group, lead)
            return group
    if not bullet and _is_context(s, out):
        parts = CONTEXT_SPLIT.split(s, maxsplit=1)
        out.context.append(parts[0])
        if len(parts) > 1:
            _add_items(out, parts[1], group, None)
        return group
    _add_items(out, s, group, None)
    return group


def _is_context(s: str, out: Parsed) -> bool:
    if CONTEXT_START.match(s):
        return True
    if any(pattern.match(s) for pattern, _ in LEADS) or SUBJECT_MODAL.match(s):
        return False
    if out.context or out.items:
        return bool(re.search(r"\b(?:check ?list|template|form)\b", s, re.I))
    if CONTEXT_WORDS.search(s) and not has_state(s):
        return True
    return "," not in s and any(p.search(s) for p, _ in lx.DOMAIN_TAGS) and not has_state(s) and not is_problem(s)


def _strip_lead(text: str, lead: str | None) -> tuple[str, str | None]:
    """Drop "Please make sure that …", "The cleaner should …": keep the thing and remember the verb's kind."""
    text = text.strip()
    modal = SUBJECT_MODAL.match(text)
    if modal and not re.match(r"be\b", text[modal.end():], re.I):
        rest = text[modal.end():]
        if any(p.match(rest) for p, _ in LEADS) or IMPERATIVE.match(rest):
            text = rest
    for _ in range(4):
        for pattern, kind in LEADS:
            m = pattern.match(text)
            if m and m.end() < len(text):
                text = AFTER_LEAD.sub("", text[m.end():].lstrip(" :"))
                lead = kind or lead
                break
        else:
            break
    return text, lead


def _add_items(out: Parsed, text: str, group: str | None, lead: str | None) -> None:
    text, lead = _strip_lead(text, lead)
    for part, subgroup in split_list(text):
        item = clean_item(part, subgroup or group, lead)
        if item and item.text.lower() not in {i.text.lower() for i in out.items}:
            out.items.append(item)


def split_list(text: str) -> list[tuple[str, str | None]]:
    """Items of "a, b and c" (and "x (a, b)" groups), keeping "washed and put away" together."""
    chunks: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ",;" and depth == 0:
            chunks.append(text[start:i])
            start = i + 1
    chunks.append(text[start:])
    merged: list[str] = []
    for raw in chunks:
        chunk = raw.strip()
        first = chunk.split()[0].lower() if chunk.split() else ""
        if merged and first and _continues(first) and has_state(merged[-1]):
            merged[-1] = f"{merged[-1]}, {chunk}"
        elif chunk:
            merged.append(chunk)
    result: list[tuple[str, str | None]] = []
    parts: list[str] = []
    for chunk in merged:
        chunk = re.sub(r"^(?:and|or|plus|also|as well as|&)\s+", "", chunk, flags=re.I)
        inner = re.match(r"^(.*?)\s*\((.*)\)\s*$", chunk)
        if inner and inner.group(1) and re.search(r",|\band\b", inner.group(2)):
            _flush(parts, result)
            result.extend((p, _group_title(inner.group(1))) for p, _ in split_list(inner.group(2)))
            continue
        parts.extend(_split_and(chunk))
    _flush(parts, result)
    return result


def _flush(parts: list[str], result: list[tuple[str, str | None]]) -> None:
    _distribute(parts)
    result.extend((p, None) for p in parts)
    parts.clear()


def _continues(word: str) -> bool:
    return (word in lx.STATES or word in {"in", "within", "up", "not", "put", "and"} or
            (len(word) > 3 and word.endswith("ed") and word not in lx.NOT_PARTICIPLES))


def _split_and(chunk: str) -> list[str]:
    pieces = re.split(r"\s+(?:and|&|as well as|plus)\s+", chunk, flags=re.I)
    out = [pieces[0]]
    for b in pieces[1:]:
        a = out[-1]
        aw, bw = a.lower().split(), b.lower().split()
        if not bw or not aw:
            out[-1] = f"{a} and {b}".strip()
        elif (_continues(bw[0]) and has_state(a)) or (len(aw) == 1 and aw[0] in lx.SHARED_ADJECTIVES):
            out[-1] = f"{a} and {b}"
        elif len(aw) == 1 and len(bw) >= 2 and has_state(b) and not value_plan(a, "", {}):
            out[-1] = f"{a} and {b}"
        else:
            out.append(b)
    return out


def _distribute(parts: list[str]) -> None:
    """"fridge, freezer and hot holding temperatures" -> each gets "temperature"."""
    if len(parts) < 2:
        return
    last = parts[-1].split()[-1].lower() if parts[-1].split() else ""
    noun = MEASURES.get(last) or (last if last in MEASURE_SINGULAR else None)
    if not noun:
        return
    i = len(parts) - 2
    while i >= 0 and _bare(parts[i]):
        parts[i] = f"{parts[i]} {noun}"
        i -= 1
    if last in MEASURES:
        parts[-1] = parts[-1][: -len(last)] + noun


def _bare(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 2 and not value_plan(part, "", {}) and not has_state(part) and not is_problem(part)


def clean_item(part: str, group: str | None, lead: str | None) -> Item | None:
    """One item's words as a label would use them: no list filler, articles or parentheses."""
    text, lead = _strip_lead(part, lead)
    extra = " ".join(re.findall(r"\(([^)]*)\)", text))
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = text.strip().strip("\"'`*_").rstrip(".!?:;,").strip()
    text = re.sub(r"\b(?:must|should|needs? to|has to|have to) be\s+", "", text, flags=re.I)
    for _ in range(2):
        text = FILLER_END.sub("", text)
        text = re.sub(r"^(?:the|a|an|our|your|their|its|some|all the)\s+", "", text, flags=re.I)
    imperative = IMPERATIVE.match(text)
    if imperative:
        det = imperative.group(2).lower()
        keep = f"{det} " if det in {"all", "every", "each", "both", "any"} else ""
        text = f"{keep}{imperative.group(3)} {IMPERATIVES[imperative.group(1).lower()]}"
    text = re.sub(r"^(?:is|are)\s+(?:the\s+|all\s+)?", "", text, flags=re.I)
    text = re.sub(r"^(?:does|do)\s+(?:the\s+)?(.+?)\s+work$", r"\1 working", text, flags=re.I)
    words = text.split()
    if words and words[-1].lower() in MEASURES:
        words[-1] = MEASURES[words[-1].lower()]
    text = " ".join(words)[:200].strip()
    if not re.search(r"[A-Za-z]{2}|\bph\b", text, re.I) or text.lower() in {"etc", "the following", "everything",
                                                                              "more", "and more", "other"}:
        return None
    return Item(text, group, extra, lead)
