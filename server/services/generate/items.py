"""Split a list of things into items and word each as a label would ("Check that the doors are locked"
-> "doors locked"), keeping together what belongs together ("washed and put away", "hot and cold water").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import domains as dm
from . import yesno as yn
from .classify import MEASURE_FOLLOWS, PHOTO_ITEM, SIGNATURE, has_state, is_participle, is_problem, value_plan
from .yesno import word_set

_I = re.IGNORECASE

LEADS: list[tuple[re.Pattern[str], str | None]] = [
    (
        re.compile(
            r"^(?:record|log(?! ?books?)|note(?: down)?|document|write down|capture|enter|jot down)\b", _I
        ),
        "record",
    ),
    (re.compile(r"^(?:measure|read|take (?:the |a )?reading of)\b", _I), "measure"),
    (re.compile(r"^(?:rate|score|grade|assess|evaluate|judge)\b", _I), "rate"),
    (re.compile(r"^(?:count|tally)\b", _I), "count"),
    (re.compile(r"^(?:photograph|snap)\b", _I), "photo"),
    # Looking something over: "check the fridge for leftovers" asks whether there are any.
    (
        re.compile(
            r"^(?:check(?!-)(?:ing)?|inspect(?:ing)?|examine|look(?:ing)? (?:at|over))\b(?=.+\bfor\b)", _I
        ),
        "look",
    ),
    (
        re.compile(
            r"^(?:make sure|ensure|check(?!-)(?:ing)?|verify|confirm|inspect(?:ing)?|look(?:ing)? for|"
            r"include|including|add|cover(?:ing)?|ask (?:about|for)|ask|collect|track|monitor|review|see|"
            r"examine|there should be|it should (?:include|cover|have|check)|should include|must include|"
            r"we (?:want|need) to (?:know|check|see|record)|i (?:want|need) to (?:know|check|see|record)|"
            r"don't forget(?: to)?|remember(?: to)?|also|then|finally|and|plus|please|items?|things? like|"
            r"(?:finish|end|close|wrap up) with|at the end(?:,)?)"
            r"\b:?",
            _I,
        ),
        None,
    ),
]
AFTER_LEAD = re.compile(r"^(?:that|whether|if|for|on|about|the following:?|following:?)\s+", _I)
SUBJECT_MODAL = re.compile(
    r"^(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:should|must|needs? to|has to|have to|shall|will)\s+"
    r"(?:also\s+)?(?=\w)",
    _I,
)
IRREGULAR = {
    "take": "taken",
    "put": "put",
    "shut": "shut",
    "hang": "hung",
    "bring": "brought",
    "throw": "thrown",
    "do": "done",
    "get": "got",
    "run": "run",
    "leave": "left",
    "lay": "laid",
    "give": "given",
    "write": "written",
    "sweep": "swept",
    "feed": "fed",
    "make": "made",
    "set": "set",
    "pay": "paid",
}
IMPERATIVES = dict(
    pair.split(":")
    for pair in [
        "clean:cleaned",
        "empty:emptied",
        "wipe:wiped",
        "replace:replaced",
        "restock:restocked",
        "refill:refilled",
        "lock:locked",
        "sweep:swept",
        "mop:mopped",
        "vacuum:vacuumed",
        "hoover:hoovered",
        "sanitise:sanitised",
        "sanitize:sanitized",
        "disinfect:disinfected",
        "wash:washed",
        "change:changed",
        "remove:removed",
        "close:closed",
        "secure:secured",
        "test:tested",
        "charge:charged",
        "dust:dusted",
        "polish:polished",
        "make:made",
        "tidy:tidied",
        "stock:stocked",
        "label:labelled",
        "store:stored",
        "fill:filled",
        "feed:fed",
        "water:watered",
        "unlock:unlocked",
        "report:reported",
        "clear:cleared",
        "set:set",
        "inspect:inspected",
        "service:serviced",
    ]
) | {
    "turn off": "turned off",
    "switch off": "switched off",
    "turn on": "turned on",
    "switch on": "switched on",
    "top up": "topped up",
    "put away": "put away",
}
IMPERATIVE = re.compile(
    r"^([a-z]+)(?:\s+(out|off|up|down|away|in|on|back|over))?\s+"
    r"(the|all|any|every|each|both|their|your|our|a|an)\s+(.+)$",
    _I,
)
# Verbs said without an article before a thing ("wipe desks", "turn off gas", "empty and clean fridges"), so
# that such an instruction reads as one: it read "Wipe desks OK?", "Empty bins emptied?", "Turn off gas OK?".
# Not "water" ("water temperature"), "test" or "stock" ("stock level"), which name things as often as they act.
BARE_VERB = (
    r"(?:empty|wipe|vacuum|hoover|mop|sweep|restock|refill|sanitise|sanitize|disinfect|wash|polish|tidy|replace|"
    r"remove|clean|dry|lock|unlock|close|set|turn off|turn on|switch off|switch on|take out|put away|top up)"
)
BARE_IMPERATIVE = re.compile(
    rf"^({BARE_VERB})(?:\s+and\s+({BARE_VERB}))?\s+(?!(?:the|all|any|every|each|both|their|your|our|a|an)\b)(.+)$",
    _I,
)
# These also describe a thing ("clean linen on the beds", "set temperature", "close of business", "lock on the
# gate"): an instruction only before a bare thing, and "clean" not before what is clean when it is provided.
DESCRIBING_TOO = word_set("clean dry lock close set")
PROVIDED_CLEAN = word_set(
    "linen towels towel sheets sheet bedding pillowcases uniform uniforms clothes clothing water cups glasses "
    "cutlery plates dishes tea"
)
# Words of PREDICATE_WORDS that are things too, first in an item of their own ("stock rotated").
THINGS_TOO = word_set("stock range place order condition date use")
# Where on a thing: "tyre pressure front and rear" asks for both.
POSITIONS = word_set("front rear back left right inner outer top bottom upper lower nearside offside")
# Words after a thing that say where or how it is ("clean linen on the beds"): a description, not an instruction.
FOLLOWERS_OF_A_STATE = word_set("on in at of for with from under behind inside by near")
# First words of an item that are no verbs to turn into a done-state ("in the fridge", "sign the form").
NOT_VERBS = word_set(
    "is are was were be all any no every each both in on at for of with from to by near under behind inside "
    "outside above below between within around during after before and or sign keep photo photos picture "
    "number count date time name there it this that"
)
FILLER_END = re.compile(
    r"\s+(?:etc\.?|as well|too|please|if any|where applicable|if applicable|each time|"
    r"at the end|on completion)$",
    _I,
)
MEASURES = {
    "temperatures": "temperature",
    "temps": "temp",
    "pressures": "pressure",
    "levels": "level",
    "readings": "reading",
    "weights": "weight",
}
MEASURE_NOUNS = word_set("temperature temp humidity pressure weight level reading")
MEASURE_SINGULAR = set(MEASURES.values()) | {"condition", "cleanliness"}
PREDICATE_WORDS = word_set(
    "in within up not put away to date place order good condition working and or on off at all times then "
    "use stock range"
)
NOT_ITEMS = frozenset(["etc", "the following", "everything", "more", "and more", "other"])


@dataclass
class Item:
    text: str
    group: str | None = None
    extra: str = ""
    lead: str | None = None


def group_title(head: str) -> str:
    head = re.sub(r"^(?:in|for|inside|outside|on|at|within|around)\s+", "", head.strip(), flags=_I)
    head = re.sub(r"^(?:the|each|every|all|our)\s+", "", head, flags=_I).strip(" *#")
    return head[:1].upper() + head[1:]


def strip_lead(text: str, lead: str | None) -> tuple[str, str | None]:
    """Drop "Please make sure that …", "The cleaner should …": keep the thing and remember the verb's kind."""
    text = text.strip()
    modal = SUBJECT_MODAL.match(text)
    if modal and not re.match(r"be\b", text[modal.end() :], _I):
        rest = text[modal.end() :]
        if any(p.match(rest) for p, _ in LEADS) or IMPERATIVE.match(rest):
            text = rest
    for _ in range(4):
        for pattern, kind in LEADS:
            m = pattern.match(text)
            if m and m.end() < len(text):
                text = AFTER_LEAD.sub("", text[m.end() :].lstrip(" :"))
                lead = kind or lead
                break
        else:
            break
    return text, lead


def split_list(text: str) -> list[tuple[str, str | None]]:
    """Items of "a, b and c" (and "x (a, b)" groups), keeping "washed and put away" together."""
    chunks: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ",;،؛" and depth == 0:  # and the Arabic comma and semicolon
            chunks.append(text[start:i])
            start = i + 1
    chunks.append(text[start:])
    merged: list[str] = []
    for raw in chunks:
        chunk = raw.strip()
        if (
            merged
            and chunk
            and _predicate_only(chunk)
            and has_state(merged[-1])
            and not _names_a_thing(chunk)
        ):
            merged[-1] = f"{merged[-1]}, {chunk}"  # "dishes washed, dried and put away"
        elif chunk:
            merged.append(chunk)
    result: list[tuple[str, str | None]] = []
    parts: list[str] = []
    joined: list[bool] = []
    for raw_chunk in merged:
        chunk = re.sub(r"^(?:and|or|plus|also|as well as|&|with|including)\s+", "", raw_chunk, flags=_I)
        inner = re.match(r"^(.*?)\s*\((.*)\)\s*$", chunk)
        if inner and inner.group(1) and re.search(r",|\band\b", inner.group(2)):
            _flush(parts, joined, result)
            result.extend((p, group_title(inner.group(1))) for p, _ in split_list(inner.group(2)))
            continue
        pieces = _bound_to_the_thing(_split_and(chunk))
        parts.extend(pieces)
        joined.extend([chunk != raw_chunk] + [True] * (len(pieces) - 1))
    _flush(parts, joined, result)
    return result


def _bound_to_the_thing(pieces: list[str]) -> list[str]:
    """ "oven on and at 220 °C": the limit is the oven's reading, not a check of its own ("At 220 °C?")."""
    out: list[str] = []
    for piece in pieces:
        if out and re.search(r"\bbetween\s+[-−]?[\d.,]+$", out[-1], _I) and re.match(r"^[-−]?\d", piece):
            out[-1] = f"{out[-1]} and {piece}"  # "between 1 and 2 bar" is one range
            continue
        if out and MEASURE_FOLLOWS.match(piece):
            thing = re.sub(
                r"\s+(?:on|off|clean|ready|working|lit|open|closed|running|set)$", "", out[-1], flags=_I
            )
            piece = f"{thing} {piece}"
        out.append(piece)
    return out


def _flush(parts: list[str], joined: list[bool], result: list[tuple[str, str | None]]) -> None:
    _distribute(parts, joined)
    result.extend((p, None) for p in parts)
    parts.clear()
    joined.clear()


def _predicate_only(text: str) -> bool:
    """Words that only say more about the thing before them ("put away", "clean", "in date")."""
    words = text.lower().split()
    return bool(words) and all(
        w in yn.STATES or w in PREDICATE_WORDS or is_participle(w) or w.endswith("ly") for w in words
    )


def _split_and(chunk: str) -> list[str]:
    """Split "a and b" unless b only continues a ("washed and put away") or a qualifies b ("hot and cold water")."""
    pieces = re.split(r"\s+(?:and|&|as well as|plus)\s+", chunk, flags=_I)
    out = [pieces[0]]
    for b in pieces[1:]:
        a = out[-1]
        aw, bw = a.lower().split(), b.lower().split()
        together = (
            not aw
            or not bw
            or (_predicate_only(b) and (has_state(a) or len(aw) == 1))
            or (len(aw) == 1 and aw[0] in yn.SHARED_ADJECTIVES)
            or (len(aw) == 1 and len(bw) >= 2 and has_state(b) and not value_plan(a, "", {}))
            # "empty and clean fridges": one instruction; "inspector name and signature": the name asked too
            or (len(aw) == 1 and bool(re.fullmatch(BARE_VERB, a, _I)) and bool(_instruction(f"{a} and {b}")))
            or (len(aw) <= 2 and bool(SIGNATURE.search(b)) and aw[-1] != "name")
            or (len(bw) == 1 and bw[0] in {"after", "before", "afterwards", "later", "again"})
            or (is_problem(a) and is_problem(b) and len(bw) <= 2 and bw[0] != "any")
            or (
                has_state(a)
                and bool(re.search(r"\b(?:with|of|for)\b", a, _I))
                and len(bw) <= 3
                and not has_state(b)
                and not value_plan(b, "", {})
            )
        )
        if together:
            out[-1] = f"{a} and {b}".strip()
        elif len(bw) == 1 and len(aw) >= 2 and bw[0] in MEASURE_NOUNS and aw[-1] in MEASURE_NOUNS:
            out.append(" ".join(a.split()[:-1] + [b]))  # "proofer humidity and temperature"
        elif (
            (shared := SHARED_HEAD.match(a))
            and len(bw) <= 3
            and not (has_state(b) or is_problem(b) or SIGNATURE.search(b))
        ):
            out.append(f"{shared.group('head')} {b}")  # "meter readings for electricity and water"
            tail = re.search(r"\s(?:of|for)\s.+$", b)  # "temperature at start and end of shift": both of it
            if tail and not a.endswith(tail.group(0)) and " of " not in a and " for " not in a:
                out[-2] = f"{a}{tail.group(0)}"
        elif len(bw) == 1 and len(aw) >= 2 and bw[0] in POSITIONS and aw[-1] in POSITIONS:
            out.append(" ".join(a.split()[:-1] + [b]))  # "tyre pressure front and rear": rear was dropped
        elif (verb := _instruction(a)) and len(bw) <= 3 and _bare_thing(b) and not _instruction(b):
            out.append(f"{verb[0]} {b}")  # "vacuum carpets and hallway": the hallway vacuumed too
        else:
            out.append(b)
    return out


# "meter readings for electricity", "photos of the kitchen": a reading or photo of something, which the
# next bare thing of its list shares ("… and water": "meter readings for water", not "Water available?").
SHARED_HEAD = re.compile(
    r"^(?P<head>.*?\b(?:readings?|photos?|pictures?|temperatures?|temps?|levels?|pressures?|condition|mileage|"
    r"odometer|weights?|counts?)"
    r"\s+(?:for|of|in|at)(?:\s+the)?)\s+\S+(?:\s+\S+)?$",
    _I,
)


def _names_a_thing(chunk: str) -> bool:
    """ "stock rotated" names what is rotated ("stock" is also a word of "in stock"), so it is an item of its own
    after "floor free of ice", not more said of the floor."""
    return chunk.split()[0].lower() in THINGS_TOO and len(chunk.split()) >= 2


def _bare_thing(text: str) -> bool:
    """A thing named and nothing said of it ("water", "the bathroom")."""
    return not (has_state(text) or is_problem(text) or value_plan(text, "", {}) or SIGNATURE.search(text))


def _distribute(parts: list[str], joined: list[bool]) -> None:
    """ "fridge, freezer and hot holding temperatures" -> each gets "temperature"."""
    for end in range(1, len(parts)):
        words = parts[end].split()
        last = words[-1].lower() if words else ""
        noun = MEASURES.get(last) or (last if last in MEASURE_SINGULAR else None)
        if not noun or not joined[end]:
            continue
        i, spread = end - 1, False
        while i >= 0 and _takes(parts[i], noun):
            parts[i], spread, i = f"{parts[i]} {noun}", True, i - 1
        if spread and last in MEASURES:
            parts[end] = parts[end][: -len(last)] + noun


def _takes(part: str, noun: str) -> bool:
    """Whether `part` is a bare thing that `noun` makes into a known reading ("fridge" + "temperature")."""
    part = re.sub(r"^(?:the|a|an|our|your|each|every|all)\s+", "", part.strip(), flags=_I)
    words = part.split()
    if not 0 < len(words) <= 2 or value_plan(part, "", {}) or has_state(part) or is_problem(part):
        return False
    if any(p.search(part) for p, _ in dm.PLACES):
        return True
    specific, generic = value_plan(f"{part} {noun}", "", {}), value_plan(noun, "", {})
    return (
        specific is not None
        and generic is not None
        and (specific.config, specific.theme) != (generic.config, generic.theme)
    )


def participle(verb: str) -> str:
    """ "strip" -> "stripped", "wipe" -> "wiped", "tidy" -> "tidied": what a done step says."""
    if verb in IMPERATIVES:
        return IMPERATIVES[verb]
    vowels = "aeiou"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in vowels:
        return verb[:-1] + "ied"
    groups = re.findall(r"[aeiou]+", verb)
    single_cvc = len(groups) == 1 and len(verb) >= 3 and verb[-2] in vowels and verb[-3] not in vowels
    if single_cvc and verb[-1] not in vowels + "wxy":
        return verb + verb[-1] + "ed"  # "mop" -> "mopped"
    return verb + "ed"


def starts_with_verb(text: str) -> bool:
    """Whether an item opens with a verb of its own ("note any breakages", "check the hot tub", "wipe desks")."""
    text = text.strip()
    imperative = IMPERATIVE.match(text)
    return (
        any(pattern.match(text) for pattern, _ in LEADS)
        or bool(_instruction(text))
        or bool(imperative and imperative.group(1).lower() not in NOT_VERBS)
    )


def _instruction(text: str) -> tuple[str, str] | None:
    """("empty and clean", "fridges") for "empty and clean fridges": verbs said before a bare thing."""
    m = BARE_IMPERATIVE.match(text.strip())
    if not m:
        return None
    verbs, thing = " and ".join(v.lower() for v in m.groups()[:2] if v), m.group(3).strip()
    words = thing.lower().split()
    if not words:
        return None
    describing = verbs.split()[0] in DESCRIBING_TOO and (
        any(w in FOLLOWERS_OF_A_STATE for w in words) or words[0] in PROVIDED_CLEAN
    )
    if describing or len(words) > 4 or not _bare_thing(thing):
        return None
    return verbs, thing


def _done(verb: str) -> str:
    """ "empty" -> "emptied", "take out" -> "taken out"."""
    if verb in IMPERATIVES:
        return IMPERATIVES[verb]
    head, _, particle = verb.partition(" ")
    return f"{IRREGULAR.get(head) or participle(head)} {particle}".strip()


def as_done(text: str) -> str:
    """An instruction as the state it leaves ("Empty the bins" -> "bins emptied", "Take out the rubbish"
    -> "rubbish taken out"; "wipe desks" -> "desks wiped"), so that the check reads as a yes/no question."""
    bare = _instruction(text)
    if bare:
        verbs, thing = bare
        return f"{thing} {' and '.join(_done(verb) for verb in verbs.split(' and '))}"
    m = IMPERATIVE.match(text)
    if not m:
        return text
    verb, particle, det, rest = m.group(1).lower(), m.group(2), m.group(3).lower(), m.group(4)
    if verb in NOT_VERBS or verb.endswith(("ing", "s")) or PHOTO_ITEM.match(f"{det} {rest}"):
        return text
    keep = f"{det} " if det in {"all", "every", "each", "both", "any"} else ""
    done = IRREGULAR.get(verb) or participle(verb)
    return f"{keep}{rest} {done}" + (f" {particle.lower()}" if particle else "")


def clean_item(part: str, group: str | None, lead: str | None) -> Item | None:
    """One item's words as a label would use them: no list filler, articles or parentheses."""
    text, lead = strip_lead(part, lead)
    text = re.sub(
        r"^(?:every|each)\s+(?:morning|day|evening|night|shift|week|month|visit|time)\s*,?\s*",
        "",
        text,
        flags=_I,
    )
    unit = re.search(
        r"\s+in\s+(kwh|km|kilometres|miles|°\s?[cf]|celsius|fahrenheit|psi|bar|kpa|kg|lbs?|m³|"
        r"litres|liters|percent|%)$",
        text,
        _I,
    )
    if unit:
        text = text[: unit.start()]
    extra = " ".join(re.findall(r"\(([^)]*)\)", text)) + (f" {unit.group(1)}" if unit else "")
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = text.strip().strip("\"'`*_").rstrip(".!?:;,").strip()
    text = re.sub(r"\b(?:must|should|needs? to|has to|have to) be\s+", "", text, flags=_I)
    for _ in range(2):
        text = FILLER_END.sub("", text)
        text = re.sub(r"^(?:the|a|an|our|your|their|its|some|all the)\s+", "", text, flags=_I)
    text = as_done(text)
    text = re.sub(r"^(?:is|are)\s+(?:the\s+|all\s+)?", "", text, flags=_I)
    text = re.sub(
        r"(?<!\bfor)(?<!\bto)(?<!\bat)(?<!\bof)\s+works?$", " working", text, flags=_I
    )  # not "fit for work"
    text = re.sub(r"^(?:does|do)\s+(?:the\s+)?(.+?)\s+work$", r"\1 working", text, flags=_I)
    words = text.split()
    if words and words[-1].lower() in MEASURES:
        words[-1] = MEASURES[words[-1].lower()]
    text = " ".join(words)[:200].strip()
    if not re.search(r"[^\W\d_]{2}|\bph\b", text, _I) or text.lower() in NOT_ITEMS:
        return None
    return Item(text, group, extra, lead)
