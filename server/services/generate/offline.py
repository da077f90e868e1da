"""The offline generator: a prompt in, a TDL template dict (without `id`) out, with no network and no model.

Deterministic by construction: ids are slugs of the labels with counters, never random, so the same
prompt always gives the same template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from server.services.library import LibraryTemplate

from . import domains as dm
from . import lexicon as lx
from . import own_words
from . import yesno as yn
from .classify import Plan, capitalise, classify, has_state, is_problem, value_plan
from .from_library import library_name, merge
from .language import prompt_language
from .library_match import GENERIC, LibraryMatch, match_library, normalize, phrases_of, spell
from .parse import CONTEXT_WORDS, Item, Parsed, clean_item, parse_prompt
from .sections import Ids, build_section, est_minutes, group_sections
from .yesno import word_set

_I = re.IGNORECASE

MAX_ITEMS = 200  # a 4,000-character prompt cannot list more that anyone would run
DOC_NOUNS = word_set(
    "inspection inspections audit audits check checks checklist checklists log round report assessment "
    "survey walkthrough walk-through review form template procedure routine list check-list check-up "
    "checkup"
)
TRAILING_DOC = {"checklist", "checklists", "check-list", "template", "form", "list"}
STRONG_DOC = word_set(
    "inspection audit check checks assessment survey walkthrough walk-through round review report log "
    "check-up checkup"
)
NAME_END = word_set(
    "with including that which covering when where after before while during at in on every each so who by"
)
NAME_STOP = word_set(
    "a an the our my your their this that for of need needs want create make generate build write please "
    "i we me us give with to is new simple basic some like would can you could help"
)


@dataclass
class OfflineResult:
    """The template, the library template it started from (None: no library match) and how many of the
    prompt's items it added to that template."""

    template: dict[str, Any]
    library: LibraryTemplate | None = None
    added: int = 0
    covered: int = 0  # the prompt's items a library step asked already (it took their units and photos)


def generate_offline(prompt: str) -> dict[str, Any]:
    """Build a complete TDL template from `prompt`; always at least one step."""
    return build_offline(prompt).template


def build_offline(prompt: str) -> OfflineResult:
    """From the library template for the kind of work the prompt names, plus every item it lists; else
    from the items alone."""
    parsed = parse_prompt(prompt)
    units = _units(prompt)
    tags = _tags(" ".join(parsed.context)) or _item_tags(parsed.items)
    signature = False
    plans: list[tuple[Plan, Item]] = []
    seen: set[str] = set()
    for item in parsed.items[:MAX_ITEMS]:
        plan = classify(item.text, extra=item.extra, lead=item.lead, units=units)
        if plan.type == "signature":
            signature = signature or not yn.REVERSERS.search(item.text)  # "no signature needed"
        elif plan.label.lower() not in seen:
            seen.add(plan.label.lower())
            plans.append((plan, item))
    groups = list(dict.fromkeys(item.group for _, item in plans if item.group))
    found, domain_items = _library_match(parsed, plans)
    if found is not None:
        kept = [(plan, item) for plan, item in plans if item not in domain_items]
        prompt_name = _name(parsed.context, tags, groups) if parsed.context else ""
        merged = merge(
            found.entry,
            kept,
            name=library_name(found.entry, prompt_name, prompt, phrases_of(found.entry)),
            tags=tags,
            signature=signature,
            allow_skip=parsed.allow_skip,
            est=parsed.est_minutes,
        )
        return OfflineResult(merged.template, found.entry, merged.added, merged.covered)
    from_prompt = len(plans)
    if len(plans) < 3:  # a checklist worth the name, even from a prompt that lists little or nothing
        known = {plan.label.lower() for plan, _ in plans}
        plans += [p for p in _default_plans(tags, units) if p[0].label.lower() not in known]
    language = prompt_language(prompt)
    name = own_words.name(_name(parsed.context, tags, groups), language)
    sections = group_sections(plans)
    ids = Ids()
    tdl_sections = [build_section(title, group, ids) for title, group in sections]
    own_words.in_language(tdl_sections, language)  # its labels are the prompt's words, so are its own
    steps = [s for sec in tdl_sections for s in sec["steps"]]
    template = {
        "name": name,
        "description": _description(name, parsed.context, [s["title"] for s in tdl_sections], language),
        "tags": tags or _name_tags(name),
        "settings": {
            "allow_skip": parsed.allow_skip,
            "signature_on_complete": signature,
            "est_minutes": parsed.est_minutes or est_minutes(steps, signature),
        },
        "sections": tdl_sections,
        "execution": {"scope": "any", "identity_required": "none"},
    }
    if language != "en":  # its labels are the prompt's words (a library template's stay English)
        template["languages"] = [language]
    return OfflineResult(template, None, from_prompt)


def _library_match(parsed: Parsed, plans: list[tuple[Plan, Item]]) -> tuple[LibraryMatch | None, list[Item]]:
    """The library template the prompt names, and the items that only named it ("forklift" alone).
    The kind of work is said in the prompt's words about the checklist; failing those, by a lone group
    heading ("Forklift: forks, chains, horn") or by listed items that state nothing ("lift truck at the
    start of a shift"), never by items that are checks ("fridge temperature", "doors locked")."""
    found = match_library(" ".join(parsed.context)) if parsed.context else None
    if found is not None:
        return found, []
    groups = {item.group for item in parsed.items}
    if len(groups) == 1 and None not in groups:
        found = match_library(next(iter(groups)) or "")
        if found is not None:
            for item in parsed.items:  # the heading named the work: it is no section of its own
                item.group = None
            return found, []
    request_only = not any(w not in GENERIC for c in parsed.context for w in normalize(_drop_request(c)))
    bare = [
        item
        for n, (plan, item) in enumerate(plans)
        if CONTEXT_WORDS.search(item.text)
        or (len(plans) == 1 and (_states_nothing(item.text) or _names_something(plan, item)))
        or (n == 0 and parsed.context and request_only)
        or (n < 3 and plan.type == "boolean" and _states_nothing(item.text))
    ]
    if not bare:
        return None, []
    found = match_library(" ".join([*parsed.context, *(item.text for item in bare)]))
    if found is None:
        return None, []
    named = "".join(found.phrase.split())
    return found, [item for item in bare if named in "".join(spell(w) for w in normalize(item.text))]


def _names_something(plan: Plan, item: Item) -> bool:
    """A lone reading that says more than what to read ("legionella monthly temperatures for the care
    home"), unlike "fridge temperature": it may name the work."""
    return plan.type in ("number", "choice", "rating") and len(item.text.split()) >= 3


def _states_nothing(text: str) -> bool:
    return not (has_state(text) or is_problem(text) or value_plan(text, "", {}))


def _default_plans(tags: list[str], units: dict[str, str]) -> list[tuple[Plan, Item]]:
    """The usual checks of the prompt's domain when it lists none, else one honest general check."""
    words = next(
        (items for tag, items in dm.DOMAIN_DEFAULTS if tag in tags), ["everything in order", "notes"]
    )
    plans = []
    for text in words:
        item = clean_item(text, None, None)
        if item:
            plans.append((classify(item.text, units=units), item))
    return plans


def _units(prompt: str) -> dict[str, str]:
    """Units the prompt asks for anywhere ("in °F", "miles"), by quantity."""
    found: dict[str, str] = {}
    for quantity, hints in lx.UNIT_HINTS.items():
        for pattern, unit in hints:
            if pattern.search(prompt):
                found[quantity] = unit
                break
    return found


def _tags(prompt: str) -> list[str]:
    hits: list[tuple[int, str]] = []
    for pattern, tag in dm.DOMAIN_TAGS:
        m = pattern.search(prompt)
        if m and tag not in (t for _, t in hits):
            hits.append((m.start(), tag))
    return [tag for _, tag in sorted(hits)][:8]


def _item_tags(items: list[Item]) -> list[str]:
    """Without words about the checklist, a domain counts only where the items keep naming it."""
    tags = _tags(" ".join(item.text for item in items))
    counts = {tag: sum(bool(p.search(i.text)) for i in items) for p, tag in dm.DOMAIN_TAGS if tag in tags}
    return [t for t in tags if counts[t] >= 2 or len(items) <= 2]


def _name_tags(name: str) -> list[str]:
    words = [
        # Any script's letters: "Rückgabe" gave the tag "ckgabe", "turístico" gave "tur".
        w
        for w in re.findall(r"[^\W\d_][\w-]{2,}", name.lower())
        if w not in NAME_STOP and w not in DOC_NOUNS
    ]
    return list(dict.fromkeys(words))[:3] or ["checklist"]


def _name(context: list[str], tags: list[str], groups: list[str]) -> str:
    name = _name_from_context(context[0]) if context else ""
    if not name and len(groups) == 1:
        name = f"{groups[0]} checklist"
    if not name or name.lower() in DOC_NOUNS:
        topic = tags[0].replace("-", " ") if tags else ""
        if topic.lower() == name.lower():  # "Inspection: door 1, door 2" was named "Inspection inspection"
            topic = ""
        name = f"{topic} {name.lower() or 'checklist'}".strip() if topic else (name or "Checklist")
    return capitalise(name)[:120].strip()


def _drop_request(ctx: str) -> str:
    """ "Please create a checklist for …" -> "checklist for …"."""
    c = re.sub(
        r"^(?:please\s+)?(?:create|make|generate|build|write|design|draft|prepare|set up|i need|we need|"
        r"i want|we want|i'd like|we'd like|i would like|we would like|give me|need|can you|could you|"
        r"help me)(?:\s+(?:me|us|to create|to make|to build|create|make|build|with))*\s+",
        "",
        ctx.strip(),
        flags=_I,
    )
    return re.sub(r"^(?:a|an|the|new)\s+", "", c, flags=_I).strip()


# A prompt that opens by telling what to look over names the work: "Inspect the scaffold on site 3".
LOOK_OVER_NOUNS = {"check": "check", "inspect": "inspection", "examine": "examination", "audit": "audit"}
LOOK_OVER = re.compile(
    r"^(check|inspect|examine|audit)\s+(?:(?:the|a|an|our|your|all)\s+)?(.+?)(\s+(?:on|at|in|of)\s+.+)?$", _I
)


def _name_from_context(ctx: str) -> str:
    """ "Vehicle pre-rental inspection checklist for a car rental company" -> "Vehicle pre-rental inspection"."""
    c = _drop_request(ctx)
    c = re.sub(r"^(?:we|i)\s+(?:run|own|manage|operate|have|are|work (?:at|in))\s+", "", c, flags=_I)
    said = LOOK_OVER.match(c)
    if said:  # "Check the boiler room" -> "boiler room check" (it was named "Check")
        c = f"{said.group(2)} {LOOK_OVER_NOUNS[said.group(1).lower()]} {said.group(3) or ''}".strip()
    words = [w.strip(",.;:!?\"'") for w in c.split()]
    words = [w for w in words if w]
    low = [w.lower() for w in words]
    doc = next((i for i, w in enumerate(low) if w in DOC_NOUNS), None)
    if doc is None:
        cut = next(
            (i for i, w in enumerate(low) if w in {"for", "with", "to", "that", "which", "including"}),
            len(words),
        )
        phrase = _strip_articles(words[:cut][:6])
        return f"{' '.join(phrase)} checklist" if phrase else ""
    end = doc
    while end + 1 < len(words) and low[end + 1] in TRAILING_DOC:
        end += 1
    start = doc
    while start > 0 and low[start - 1] not in NAME_STOP and doc - start < 5:
        start -= 1
    phrase = words[start : end + 1]
    if start == doc and end + 1 < len(words) and low[end + 1] in {"for", "to", "of"}:
        rest: list[str] = []
        for w in words[end + 2 :]:
            if w.lower() in NAME_END or len(rest) >= 6:
                break
            rest.append(w)
        rest = _strip_articles(rest)
        if rest:
            phrase = (
                rest
                if rest[-1].lower() in DOC_NOUNS or rest[0].lower().endswith("ing")
                else rest + ["checklist"]
            )
    if len(phrase) >= 2 and phrase[-1].lower() in TRAILING_DOC and phrase[-2].lower() in STRONG_DOC:
        phrase = phrase[:-1]
    return " ".join(phrase)


def _strip_articles(words: list[str]) -> list[str]:
    while words and words[0].lower() in NAME_STOP:
        words = words[1:]
    return words


def _description(name: str, context: list[str], titles: list[str], language: str = "en") -> str:
    """The prompt's own words about the checklist, else what its sections cover."""
    text = " ".join(capitalise(_drop_request(c)).rstrip(".") + "." for c in context if _drop_request(c))
    if len(text.split()) <= len(name.split()) + 1:
        # German nouns keep their capital ("Prüfpunkte"), as a title in capitals does
        parts = [t.lower() if not (t.isupper() or language == "de") else t for t in titles]
        text = own_words.description(name, parts, language)
    return capitalise(text)[:1000]
