"""Turn one listed item ("fuel level", "any leaks", "photo of the kitchen") into a planned step.

The order of the checks is the judgement: a stated condition ("fridge temperature within range") is a
yes/no question even though it names a reading; a fault ("pre-existing damage") is "Any …?" whose bad
answer is yes; otherwise the item's words pick a reading, a level, a rating, a date or a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import domains as dm
from . import lexicon as lx
from . import yesno as yn
from .yesno import word_set

_I = re.IGNORECASE

PHOTO_ITEM = re.compile(
    r"^(?:(?:take|upload|attach|add|capture|include)\s+)?(?:a |an |some |clear |one or more )?"
    r"(?:photos?|pictures?|pics?|images?|photographs?|snapshots?)\b(?:\s+(?:of|showing)\b)?\s*",
    _I,
)
PHOTO_SUFFIX = re.compile(
    r"\s*\(?\b(?:with|plus|and|incl\.?|including)\s+(?:a\s+)?(?:photos?|pictures?)\)?$", _I
)
NOTES = re.compile(
    r"^(?:any |additional |other |general |final |extra |closing )?(?:notes?|comments?|remarks?|"
    r"observations?|feedback|information|info|free text)\b",
    _I,
)
IDENTIFIER = re.compile(
    r"\b(?:name|registration|reg(?:istration)? (?:number|plate)|(?:licen[cs]e|number) plate|"
    r"plate(?: number)?|vin|serial(?: number)?|room number|unit number|order number|"
    r"booking (?:reference|number)|reference(?: number)?|asset (?:tag|number|id)|"
    r"batch (?:code|number)|lot number|address|location|id|tag number|number)$",
    _I,
)
SIGNATURE = re.compile(
    r"\bsignatures?\b|\bsign(?:ed)?[- ]?off\b|\bsigned by\b|^sign\b|\b(?:to|must|should|will|then) sign\b|"
    r"\b(?:customer|guest|client|driver|inspector|manager|supervisor|tenant|technician|executor|renter|cleaner|"
    r"auditor|resident|worker|employee|they|he|she|you) signs\b",
    _I,
)
STRONG_NUMBER = re.compile(
    r"^(?:total )?(?:number|no\.|count|quantity|qty) of\b|^how many\b|\breadings?$|"
    r"\w \bcount\b|\bheadcount\b",
    _I,
)
RECORDING = re.compile(
    r"\s+(?:recorded|logged|noted|measured|taken|read|checked|documented|captured|"
    r"written down|entered|monitored)$",
    _I,
)
DATE = re.compile(r"\bdate$|^dates? of\b|\bdate of birth\b|\bdob\b", _I)
TIME_GIVEN = re.compile(
    r"^times? (?:given|administered|started|finished|completed|arrived|left|in|out)\b", _I
)
TIME = re.compile(
    r"\btime$|^time of\b|^times? (?:in|out)\b|\b(?:start|finish|end|arrival|departure) times?\b", _I
)
COPULA = re.compile(r"\b(?:is|are|was|were|has been|have been|been)\s+", _I)
PREPOSITIONS = word_set(
    "on in at for with to from by under over near inside outside behind between per into onto across "
    "around before after during"
)


@dataclass
class Plan:
    """A step to be: its type, label and config, and for yes/no checks which answer is the bad one."""

    type: str
    label: str
    theme: str
    config: dict[str, Any] = field(default_factory=dict)
    required: bool = True
    photo: Any = False
    bad_answer: bool | None = None  # booleans only: the answer that opens "Describe the problem"
    problem_label: str = "Describe the problem"
    place_text: str = ""  # the item's own words, to find a place-section in
    flag: dict[str, float] | None = None  # numbers: the limit the prompt stated ("below 5 °C")
    hint: str | None = None  # numbers: the value the prompt asked for ("at 220 °C")


def capitalise(text: str) -> str:
    """Upper-case the first letter unless the first word is cased on purpose ("pH", "iPad", "UPS")."""
    text = text.strip()
    if not text:
        return text
    first = text.split()[0]
    if first[0].islower() and any(c.isupper() for c in first[1:]):
        return text
    return text[0].upper() + text[1:]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'/-]*", text.lower())


FOLLOWERS = word_set(
    "and or in on at to with by off away up out down before after from for as within where when if daily "
    "today correctly properly securely safely fully clearly again together behind inside outside under"
)


def is_participle(word: str) -> bool:
    return len(word) > 3 and word.endswith("ed") and word not in yn.NOT_PARTICIPLES


def has_state(text: str) -> bool:
    """True when the item already says what should be true ("Doors locked", "Exits clear", "in place")."""
    if COPULA.search(text) or yn.STATE_PHRASES.search(text):
        return True
    words = _words(text)
    for i, word in enumerate(words[1:], start=1):
        if word in yn.STATES or word.endswith("-free") or (word in {"not", "never"} and i + 1 < len(words)):
            return True
        # "Dishes washed", "stored off the floor" state something; "chilled goods" only describes them.
        if is_participle(word) and (
            i + 1 == len(words) or words[i + 1] in FOLLOWERS or words[i + 1].endswith("ly")
        ):
            return True
    return False


def is_problem(text: str) -> bool:
    """A fault to look for, not one said to be absent or dealt with ("pre-existing damage", not "no damage")."""
    return bool(yn.PROBLEMS.search(text)) and not yn.FIXERS.search(text) and not yn.REVERSERS.search(text)


def bad_answer(label: str) -> bool:
    """The answer that means something is wrong: yes when the question asks whether there is a fault ("Any
    leaks?", "Was anyone injured?", "Lights not working?"), no when it states the good case ("Doors
    locked?", "No damage?", "Tyres inflated with no cuts?"). A negation of something not known as a fault
    ("with no cuts", "not overfilled", "nothing overhanging") names what must be absent: the question states
    the good case (it made yes the finding of 15 library steps whose follow-up asked about a no)."""
    asks_for_any = bool(re.match(r"any\b", label, _I))  # "Any …?" asks whether something is wrong
    fault = (asks_for_any or bool(yn.PROBLEMS.search(label))) and not yn.FIXERS.search(label)
    if not yn.REVERSERS.search(label):
        return fault
    if fault:  # "No damage?", "Alarm panel normal with no faults?": no means there is one
        return False
    return bool(yn.NEGATED_STATE.search(label)) and not yn.STATE_SAID.search(yn.NEGATED_STATE.sub("", label))


def classify(
    text: str, *, extra: str = "", lead: str | None = None, units: dict[str, str] | None = None
) -> Plan:
    """Plan one step for `text` (already stripped of list filler). `lead` is the verb the prompt put before it."""
    units = units or {}
    text = text.strip()
    if SIGNATURE.search(text):
        return Plan("signature", "Signature", "Sign-off")
    photo: Any = False
    if PHOTO_SUFFIX.search(text) and not PHOTO_ITEM.match(text):
        text, photo = PHOTO_SUFFIX.sub("", text), {"min": 1, "max": 3}
    if lead == "photo":
        return _photo_plan(
            f"photo of the {text}"
            if not re.match(r"(?:the|a|an|all|each|every|any)\b", text, _I)
            else f"photo of {text}"
        )
    if PHOTO_ITEM.match(text) or re.search(r"\bphotos?$", text, _I):
        return _photo_plan(text)
    plan = measurement_plan(text, units) or _classify_value_or_state(text, extra, lead, units)
    plan.place_text = text
    if plan.photo is False:
        plan.photo = photo
    return plan


def _classify_value_or_state(text: str, extra: str, lead: str | None, units: dict[str, str]) -> Plan:
    if NOTES.match(text):
        return Plan(
            "text",
            capitalise(text),
            "Notes",
            {"multiline": True, "placeholder": "Anything else to note"},
            required=False,
        )
    if lead == "count" and not STRONG_NUMBER.search(text):
        text = f"number of {text}"
    if STRONG_NUMBER.search(text):
        plan = value_plan(text, extra, units)
        if plan:
            return plan
    if TIME_GIVEN.match(text):
        return Plan("time", capitalise(text), "Details")
    if IDENTIFIER.search(text) and not has_state(text):
        return Plan("text", capitalise(text), "Details", {"multiline": False})
    stripped = RECORDING.sub("", text)
    if stripped != text:
        plan = value_plan(stripped, extra, units)
        if plan:
            return plan
    if has_state(text) or is_problem(text) or re.match(r"^(?:any|no)\b", text, _I):
        return boolean_plan(text)
    plan = value_plan(text, extra, units, lead=lead)
    if plan:
        return plan
    if lead == "record":
        return Plan("text", capitalise(text), "Details", {"multiline": False})
    if lead == "measure":
        return Plan("number", capitalise(text), "Readings", {"decimal": 1})
    return boolean_plan(text, looked_over=lead == "look")


_NUM = r"[-−]?\d+(?:[.,]\d+)?"
_UNIT = r"°\s?[CF]|degrees(?:\s?[CF])?|bar|psi|%|kg|mm|cm|ppm|volts?|V|Hz|lux"
# "display fridge below 5 °C", "oven at 220 °C", "fridge temperature is below 5°C", "vaccine fridge 2-8 °C":
# a reading with a limit. It read as "Display fridge below 5 °C clean?" and "At 220 °C?".
MEASUREMENT = re.compile(
    rf"^(?P<thing>.*?[^\W\d_].*?)\s+(?:(?:is|are|should be|must be|kept|stays?|reads?)\s+)?"
    rf"(?:(?P<op>below|under|less than|lower than|at most|no more than|not above|above|over|more than|"
    rf"at least|no less than|not below|at|between)\s+(?P<num>{_NUM})|(?P<lo>{_NUM})\s*(?:-|–|to)\s*(?P<hi>{_NUM}))"
    rf"(?:\s*(?:and|-|–|to)\s*(?P<num2>{_NUM}))?\s*(?P<unit>{_UNIT})\s*$",
    _I,
)
MEASURE_FOLLOWS = re.compile(rf"^(?:below|under|above|over|at)\s+{_NUM}\s*(?:{_UNIT})\s*$", _I)
_UPPER = {"below", "under", "less than", "lower than", "at most", "no more than", "not above"}


def measurement_plan(text: str, units: dict[str, str]) -> Plan | None:
    """A number step in the stated unit, flagged past the stated limit, for a reading the prompt bounds."""
    said = MEASUREMENT.match(text.strip())
    if not said:
        return None
    thing = said.group("thing").strip()
    unit = re.sub(r"\s", "", said.group("unit"))
    unit = {"degrees": "°C", "degreesC": "°C", "degreesF": "°F", "volt": "V", "volts": "V"}.get(unit, unit)

    def value(group: str) -> float:
        number = float(said.group(group).replace("−", "-").replace(",", "."))
        return int(number) if number.is_integer() else number

    op = (said.group("op") or "between").lower()
    flag: dict[str, float] | None
    hint = None
    if said.group("lo") is not None or (op == "between" and said.group("num2")):
        low, high = (value("lo"), value("hi")) if said.group("lo") else (value("num"), value("num2"))
        flag = {"below": min(low, high), "above": max(low, high)}
    elif op == "between":
        return None
    elif op in _UPPER:
        flag = {"above": value("num")}
    elif op == "at":
        flag, hint = None, f"Should be {said.group('num')} {unit}"
    else:
        flag = {"below": value("num")}
    temperature = unit in ("°C", "°F")
    label = thing if not temperature or re.search(r"\btemp", thing, _I) else f"{thing} temperature"
    known = value_plan(label, "", units)
    config: dict[str, Any] = {"decimal": 1}
    theme = "Temperatures" if temperature else "Readings"
    if known is not None and known.type == "number" and known.config.get("unit") == unit:
        config, theme = dict(known.config), known.theme
        limits = [v for v in (flag or {}).values()]
        if any(
            (config.get("min") is not None and v < config["min"])
            or (config.get("max") is not None and v > config["max"])
            for v in limits
        ):
            config.pop("min", None), config.pop("max", None)
    config["unit"] = unit
    return Plan("number", capitalise(label), theme, config, flag=flag, hint=hint)


def _photo_plan(text: str) -> Plan:
    """ "take a photo of the kitchen" -> "Photo of the kitchen"; "photos before and after" stays as said."""
    lead = PHOTO_ITEM.match(text)
    if lead and re.search(r"\b(?:of|showing)\s*$", lead.group(0), _I):
        rest = text[lead.end() :].strip()
        label = f"Photo of {rest}" if rest else "Photo"
    elif lead:
        rest = text[lead.end() :].strip()
        photo_word = re.search(r"photos?|pictures?|pics?|images?|photographs?|snapshots?", lead.group(0), _I)
        label = f"{photo_word.group(0) if photo_word else 'Photo'} {rest}".strip()
    else:
        rest = re.sub(r"\s*\b(?:photos?|pictures?)$", "", text, flags=_I).strip()
        label = f"Photo of {rest}" if rest else "Photo"
    return Plan("photo", capitalise(label), "Photos", {"min": 1, "max": 3}, place_text=rest)


def value_plan(text: str, extra: str, units: dict[str, str], lead: str | None = None) -> Plan | None:
    """A reading, count, level, rating, date or time, or None when the words name none of them."""
    low = text.lower()
    for num in lx.NUMBERS:
        if num.pattern.search(low):
            return _number_plan(text, num, f"{text} {extra}", units)
    if DATE.search(low):
        return Plan("date", capitalise(text), "Details")
    if TIME.search(low):
        return Plan("time", capitalise(text), "Details")
    for choice in lx.CHOICES:
        if choice.pattern.search(low):
            label = text
            if choice.suffix and not re.search(rf"\b{choice.suffix}s?\b|\bgauge\b", low):
                label = f"{text} {choice.suffix}"
            return Plan("choice", capitalise(label), choice.theme, {"options": list(choice.options)})
    for rating in lx.RATINGS:
        if rating.pattern.search(low) or (lead == "rate" and rating is lx.RATINGS[-1]):
            photo = {"min": 0, "max": 3} if rating.theme in ("Condition", "Cleanliness") else False
            config = {
                "min": rating.min,
                "max": rating.max,
                "low_label": rating.low,
                "high_label": rating.high,
            }
            return Plan("rating", capitalise(text), rating.theme, config, photo=photo)
    return None


def _number_plan(text: str, num: lx.NumberKind, hints: str, units: dict[str, str]) -> Plan:
    label = re.sub(r"^how many\s+", "number of ", text, flags=_I)
    label = re.sub(
        r"^(number of .+?)\s+(?:were|are|was|is|have|has|had|did|do|got)\b.*$", r"\1", label, flags=_I
    )
    if num.suffix and not re.search(rf"\b{num.suffix}s?\b", label, _I):
        label = f"{label} {num.suffix}"
    unit, lo, hi = num.unit, num.min, num.max
    if num.quantity:
        for pattern, wanted in lx.UNIT_HINTS.get(num.quantity, []):
            if pattern.search(hints):
                unit = wanted
                break
        else:
            unit = units.get(num.quantity, unit)
    if unit == "°F" and num.unit == "°C":
        lo, hi = (None if v is None else round(v * 9 / 5 + 32) for v in (lo, hi))
    config: dict[str, Any] = {"unit": unit, "min": lo, "max": hi, "decimal": num.decimal}
    return Plan("number", capitalise(label), num.theme, {k: v for k, v in config.items() if v is not None})


def boolean_plan(text: str, *, looked_over: bool = False) -> Plan:
    """A yes/no question in a checklist's terse style, and which answer means something is wrong.
    `looked_over`: the prompt said to check the thing for something ("check the fridge for leftovers")."""
    t = re.sub(r"^there (?:is|are)\s+no\s+", "any ", text, flags=_I)
    t = re.sub(r"^there (?:is|are)\s+", "", t, flags=_I)
    t = re.sub(r"^(?:no|zero)\s+", "any ", t, flags=_I)
    t = re.sub(
        r"^(?:(?:any )?(?:signs?|evidence|traces?) of)\b",
        lambda m: "any " + m.group(0).removeprefix("any "),
        t,
        flags=_I,
    )
    theme = ""
    if re.match(r"^any\b", t, _I):
        label = t
    elif has_state(t):
        label = COPULA.sub("", t)
    elif (looked_for := FAULT_LOOKED_FOR.match(t)) and (
        is_problem(looked_for.group("fault")) or (looked_over and _a_thing_to_find(looked_for.group("fault")))
    ):
        label = _any_fault_on(looked_for.group("thing"), looked_for.group("fault"))
    elif is_problem(t):
        label = f"any {t}"
    else:
        label, theme = _with_predicate(t)
    label = re.sub(r"\s+", " ", label).strip().rstrip("?.!:") + "?"
    label = capitalise(label)
    bad = bad_answer(label)
    if not theme:
        theme = next((name for pattern, name in yn.STATE_THEMES if pattern.search(label)), "")
    if not theme:
        theme = next((name for pattern, _, name in yn.PREDICATES if pattern.search(label)), "Checks")
    describe = "Describe the damage" if re.search(r"\bdamage", label, _I) else "Describe the problem"
    return Plan(
        "boolean",
        label,
        theme,
        {"true_label": "Yes", "false_label": "No"},
        bad_answer=bad,
        problem_label=describe,
    )


# "forks for cracks", "each room for damage" (a "check" already stripped): what to look for, and where.
FAULT_LOOKED_FOR = re.compile(
    r"^(?P<thing>(?:(?!\bfor\b).)+?)\s+for\s+(?:any\s+|signs? of\s+)?(?P<fault>.+)$", _I
)
ROOMLIKE = re.compile(
    r"\b(?:rooms?|areas?|fridges?|freezers?|cupboards?|cabinets?|drawers?|tanks?|bins?|boxe?s?)$", _I
)


def _a_thing_to_find(text: str) -> bool:
    """ "leftovers", "splits", "loose items": something found or not; not "changing wheels" (what it is for)."""
    words = text.split()
    return 0 < len(words) <= 3 and not words[0].lower().endswith("ing") and not has_state(text)


def _any_fault_on(thing: str, fault: str) -> str:
    """ "forks" + "cracks" -> "any cracks on forks"; "each room" + "damage" -> "any damage in each room"
    (it read "Any forks for cracks?")."""
    inside = ROOMLIKE.search(thing) or any(pattern.search(thing) for pattern, _ in dm.PLACES)
    return f"any {fault} {'in' if inside else 'on'} {thing}"


def _with_predicate(text: str) -> tuple[str, str]:
    """Say what a bare thing should be ("First aid kit" -> "First aid kit stocked")."""
    words = _words(text)
    if len(words) > 5 or any(w in PREPOSITIONS for w in words):
        return text, ""
    head = re.split(r"\s+of\s+", text, maxsplit=1, flags=_I)[0]
    for pattern, predicate, theme in yn.PREDICATES:
        if pattern.search(head):
            return f"{text} {predicate}", theme
    return f"{text} OK", ""
