"""Start from the library template a prompt names and add what the prompt lists.

A listed item that a library step already asks in the item's own words and the same kind of answer
("fuel level", "forks"; every word in any order: "bedding clean and dry" is "Bedding dry and clean?"; a
thing looked at for a fault the step names absent: "forks for cracks" is "Forks free of cracks …?") is
covered by that step, which keeps the library's wording but takes the prompt's unit and photos. An item a step asks in other words or another way ("tyre pressure" as a reading beside
"Tyre pressures checked?") gets its own step right before that one: the library template stays whole.
"Photos of the forks" becomes a photo step right after the forks check; anything else joins the section
it names (its group or place) or a section of its own before the closing one. Nothing the prompt asks
for is dropped, and nothing of the library template either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from server.services.library import LibraryTemplate

from . import domains as dm
from . import yesno as yn
from .classify import Plan
from .library_match import GENERIC, normalize
from .parse import Item
from .sections import Ids, build_section, est_minutes, group_sections

# Words that only link others ("meter readings for electricity" says what "electricity meter reading" says).
LINKING = yn.word_set("a an the of and or in on at to for with by from any is are be")
# Words that say nothing about which thing a step is about.
FILLER = LINKING | yn.word_set(
    "all every each been no not yes ok okay check checked good working condition state present proper properly "
    "correct correctly"
)
WORD_MATCH = 85.0  # rapidfuzz ratio for one word of an item to count as a word of a step's label
COVERED = 0.75  # share of an item's words a step must hold to ask the same thing
CLOSING = re.compile(
    r"^(?:result|sign-off|finish|notes?|decision|score|outcome|ready|end of|after |records?|charges|"
    r"feedback|escalation|corrective)",
    re.IGNORECASE,
)
FREQUENCY = re.compile(
    r"\b(hourly|daily|nightly|weekly|fortnightly|bi-weekly|monthly|quarterly|annual|yearly)\b", re.IGNORECASE
)


@dataclass
class Merged:
    """The template built, how many of the prompt's items it added to the library's steps, and how many a
    library step asked already."""

    template: dict[str, Any]
    added: int
    covered: int = 0


# Words a prompt and the library use for the same thing (after `normalize`): "smoke detector" is the
# library's "smoke alarm", keys "returned" its keys "handed over".
SAME_THING = {"detector": "alarm", "returned": "handed", "replaced": "replenished"}
COUNT_OF = re.compile(r"^(?:the\s+)?(?:number|count|amount)\s+of\s+", re.IGNORECASE)


def _words(text: str) -> list[str]:
    words = normalize(COUNT_OF.sub("", text))
    return [SAME_THING.get(w, w) for w in words if w not in FILLER]


def _holds(label_words: list[str], word: str) -> bool:
    return any(w == word or (len(word) > 4 and fuzz.ratio(w, word) >= WORD_MATCH) for w in label_words)


def coverage(item_text: str, label: str) -> float:
    """Share of the item's words that the step's label holds (typos and plurals forgiven)."""
    wanted = _words(item_text)
    if not wanted:
        return 0.0
    have = _words(label)
    return sum(_holds(have, w) for w in wanted) / len(wanted)


def _steps(doc: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(section, step) for every step a person answers first-hand (no follow-ups)."""
    return [(sec, st) for sec in doc["sections"] for st in sec["steps"] if not st.get("condition")]


def _best(text: str, pairs: list[tuple[dict, dict]], photo: bool | None = None) -> tuple[dict, dict] | None:
    """The step that best asks about `text`; `photo` True/False restricts to photo / non-photo steps."""
    best, score = None, 0.0
    for section, step in pairs:
        if photo is not None and (step["type"] == "photo") != photo:
            continue
        found = coverage(text, step["label"])
        if found > score:
            best, score = (section, step), found
    return best if score >= COVERED else None


def merge(
    entry: LibraryTemplate,
    plans: list[tuple[Plan, Item]],
    *,
    name: str,
    tags: list[str],
    signature: bool,
    allow_skip: bool,
    est: int | None,
) -> Merged:
    """The library template with the prompt's items in it."""
    doc = entry.untranslated()
    ids = Ids()
    ids.used.update(_all_ids(doc))
    pairs = _steps(doc)
    extra: list[tuple[Plan, Item]] = []
    added_steps: list[dict[str, Any]] = []
    covered = 0
    for plan, item in plans:
        if plan.type == "photo":
            subject = plan.place_text or plan.label
            if _best(plan.label, pairs, photo=True):
                covered += 1
                continue
            anchor = _best(subject, pairs, photo=False)
            if anchor is not None:
                added_steps += _insert_after(anchor, build_section("x", [plan], ids)["steps"])
                continue
        else:
            covering = _best(_asked(plan, item), pairs)
            if covering is not None and (
                _library_says_it(covering, plan, item)
                or (plan.type == "number" and _sums_up(item, pairs))
                or _bare_thing_the_library_judges(covering[1], plan, item)
            ):
                _adopt(covering[1], plan)
                covered += 1
                continue
            if covering is not None:
                # Said otherwise or asked another way: the prompt's own step goes right before the library's,
                # so the template stays whole and the prompt's words and kind of answer come first.
                added_steps += _insert_before(covering, build_section("x", [plan], ids)["steps"])
                pairs = _steps(doc)
                continue
        extra.append((plan, item))
    added_steps += _place(doc, extra, ids)
    if plans or signature:
        # A prompt that lists what it wants decides the sign-off; one that only names the work gets the
        # library's customary one.
        doc["settings"]["signature_on_complete"] = signature
    doc["name"] = name
    doc["tags"] = list(dict.fromkeys([*tags, *doc["tags"]]))[:20]
    doc["settings"]["allow_skip"] = allow_skip or doc["settings"]["allow_skip"]
    base = doc["settings"]["est_minutes"] or 1
    doc["settings"]["est_minutes"] = est or base + (est_minutes(added_steps, False) - 1 if added_steps else 0)
    return Merged(doc, sum(1 for st in added_steps if not st.get("condition")), covered)


def _library_says_it(anchor: tuple[dict[str, Any], dict[str, Any]], plan: Plan, item: Item) -> bool:
    """Whether the library's step says the item's very words and asks for the same kind of answer, the
    same way round ("forks" is "Forks free of cracks, bends …?"; "sharp edges" is not "no sharp edges?")."""
    section, step = anchor
    said = " ".join(re.findall(r"[a-z0-9]+", step["label"].lower()))
    wanted = " ".join(re.findall(r"[a-z0-9]+", item.text.lower()))
    if not wanted:
        return False
    if f" {wanted} " not in f" {said} ":
        # In other words ("meter readings for electricity": "Electricity meter reading"; "TV remote working":
        # "TV, remote and lamps working?"): every word of the item in the step's, the same kind of answer.
        return (
            step["type"] == plan.type
            and _says_every_word(_asked(plan, item), step["label"])
            and (plan.type != "boolean" or _same_way_round(section, step, plan, item))
        )
    if plan.type == "boolean" and step["type"] == "boolean":
        return _bad_answer(section, step) == plan.bad_answer
    return step["type"] == plan.type or plan.type == "boolean" and step["type"] in ("choice", "rating")


def _says_every_word(text: str, label: str) -> bool:
    """Whether `label` holds every word of `text` but its linking words, plurals aside. Exactly: a step that
    shows the person other words asks something else ("fire doors closed" is not "Fire doors close fully on
    their own?")."""
    have = set(normalize(label))
    wanted = [w for w in normalize(text) if w not in LINKING]
    return bool(wanted) and all(w in have for w in wanted)


def _asked(plan: Plan, item: Item) -> str:
    """What the item asks about, without the photos it wants ("dents with photos": "dents")."""
    return plan.place_text or item.text


def _same_way_round(section: dict[str, Any], step: dict[str, Any], plan: Plan, item: Item) -> bool:
    """Whether a yes/no step asks the item's question: with the same answer meaning trouble, or the other
    way round when it names the item's fault absent from the item's thing ("cracks on forks": "Forks free
    of cracks, bends …?"). Not a bare fault ("sharp edges": "Slides: no sharp edges?" asks of slides only)."""
    if _bad_answer(section, step) == plan.bad_answer:
        return True
    text = _asked(plan, item)
    faults = [m.group(0).lower() for m in yn.PROBLEMS.finditer(text)]
    thing = _words(yn.PROBLEMS.sub(" ", text))
    label = step["label"].lower()
    return (
        plan.bad_answer is True
        and bool(faults and thing)
        and all(
            re.search(rf"\b(?:free (?:of|from)|clear of|no|without)\b[^?]*\b{re.escape(f)}", label)
            for f in faults
        )
    )


def _bare_thing_the_library_judges(step: dict[str, Any], plan: Plan, item: Item) -> bool:
    """ "pressure gauge" read as a number by the words alone, where the library asks "Pressure gauge in the
    green zone?": the library's question is the check meant, unless the prompt asked for a reading."""
    said = " ".join(re.findall(r"[a-z0-9]+", step["label"].lower()))
    wanted = " ".join(re.findall(r"[a-z0-9]+", item.text.lower()))
    asked_for_value = item.lead in ("record", "measure", "count") or bool(item.extra.strip())
    return (
        step["type"] == "boolean"
        and plan.type in ("number", "choice")
        and not asked_for_value
        and len(wanted.split()) <= 3
        and f"{said} ".startswith(f"{wanted} ")  # the step is about that thing, not "Any air, oil or …?"
    )


def _sums_up(item: Item, pairs: list[tuple[dict, dict]]) -> bool:
    """Whether the item names what several library steps ask ("meter readings": electricity, gas, water)."""
    return sum(1 for _, step in pairs if coverage(item.text, step["label"]) == 1.0) >= 2


def _bad_answer(section: dict[str, Any], step: dict[str, Any]) -> bool | None:
    """The answer to a library yes/no step that opens its follow-up."""
    for other in section["steps"]:
        when = (other.get("condition") or {}).get("when") or {}
        if when.get("step") == step["id"] and when.get("op") == "eq":
            return when.get("value")
    return None


def _all_ids(doc: dict[str, Any]) -> set[str]:
    found = set()
    for section in doc["sections"]:
        found.add(section["id"])
        for step in section["steps"]:
            found.add(step["id"])
            found.update(o["id"] for o in (step.get("config") or {}).get("options", []))
    return found


def _adopt(step: dict[str, Any], plan: Plan) -> None:
    """A library step that asks the item keeps its wording but takes the prompt's unit and photos."""
    if plan.type == "number" and step["type"] == "number":
        unit = plan.config.get("unit")
        if unit and unit != step["config"].get("unit"):
            step["config"] = {**plan.config, "decimal": step["config"].get("decimal", 0)}
    if plan.photo and not step.get("photo"):
        step["photo"] = plan.photo


def _insert_before(anchor: tuple[dict[str, Any], dict[str, Any]], steps: list[dict[str, Any]]) -> list:
    section, step = anchor
    at = section["steps"].index(step)
    section["steps"][at:at] = steps
    return steps


def _insert_after(anchor: tuple[dict[str, Any], dict[str, Any]], steps: list[dict[str, Any]]) -> list:
    """Put `steps` after the anchor step and the follow-ups that hang on it."""
    section, step = anchor
    at = section["steps"].index(step) + 1
    while at < len(section["steps"]) and section["steps"][at].get("condition"):
        at += 1
    section["steps"][at:at] = steps
    return steps


def _place(doc: dict[str, Any], extra: list[tuple[Plan, Item]], ids: Ids) -> list[dict[str, Any]]:
    """Items no library step asks: into the section they name, else into new sections before the closing one."""
    added: list[dict[str, Any]] = []
    rest: list[tuple[Plan, Item]] = []
    for plan, item in extra:
        section = _section_named(doc, item.group or "") or _section_named(doc, _place_of(plan) or "")
        if section is None:
            rest.append((plan, item))
            continue
        steps = build_section("x", [plan], ids)["steps"]
        section["steps"].extend(steps)
        added += steps
    if rest:
        grouped = group_sections(rest)
        # One or two items of one theme make no section of that name ("Keys returned?" stood alone under
        # "Safety"); a group the prompt named keeps its name.
        themed = not any(item.group for _, item in rest)
        if len(grouped) == 1 and (
            grouped[0][0] in ("Checks", "Readings") or (themed and len(grouped[0][1]) <= 2)
        ):
            grouped = [("Also asked for", grouped[0][1])]
        new = [build_section(title, group, ids) for title, group in grouped]
        at = len(doc["sections"])
        if at > 1 and CLOSING.match(doc["sections"][-1]["title"]):
            at -= 1
        doc["sections"][at:at] = new
        added += [st for sec in new for st in sec["steps"]]
    return added


def _place_of(plan: Plan) -> str | None:
    text = plan.place_text or plan.label
    return next((title for pattern, title in dm.PLACES if pattern.search(text)), None)


def _section_named(doc: dict[str, Any], title: str) -> dict[str, Any] | None:
    wanted = " ".join(normalize(title))
    if not wanted:
        return None
    for section in doc["sections"]:
        have = " ".join(normalize(section["title"]))
        if have == wanted or fuzz.token_set_ratio(have, wanted) >= 90:
            return section
    return None


def library_name(entry: LibraryTemplate, prompt_name: str, prompt: str, phrases: list[str]) -> str:
    """The prompt's own name for the checklist when it spells the kind of work right, else the library's;
    with the frequency the prompt asks for ("Weekly …")."""
    glued = "".join(normalize(prompt_name))
    spelled = any(p.replace(" ", "") in glued for p in phrases if p.replace(" ", ""))
    words = [w for w in normalize(prompt_name) if w not in GENERIC]
    name = prompt_name if spelled and words else entry.name
    wanted = FREQUENCY.search(prompt)
    has = FREQUENCY.search(name)
    if wanted and has and has.group(1).lower() != wanted.group(1).lower():
        # "Construction site weekly safety walk" was named the library's "… daily safety walk"
        said = wanted.group(1).lower()
        name = name[: has.start()] + (said.capitalize() if has.start() == 0 else said) + name[has.end() :]
    elif wanted and not has:
        first = name.split()[0] if name.split() else ""
        rest = name if first.isupper() or any(c.isupper() for c in first[1:]) else name[:1].lower() + name[1:]
        name = f"{wanted.group(1).capitalize()} {rest}"
    return name[:200]
