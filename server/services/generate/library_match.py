"""Which library template a prompt's kind of work names ("weekly forklift safety inspection" ->
"Forklift pre-shift check"), tolerant of plurals, word forms and typos.

Each template is known by its name and its tags (the library's domain tags carry the synonyms: "lift
truck", "fork truck"). The prompt's words are first spelled as the library spells them (rapidfuzz against
the library's own vocabulary, so "forklfit", "resturant" and "scafolding" count); then each phrase found
scores by how few templates share it, the template's own name counting double. The best total wins; ties
go to the template whose name the prompt repeats most, then to the phrase found last (the head noun of
an English compound: "hotel pool check" is about the pool).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from server.services.library import LibraryTemplate, load_library
from server.services.library_words import in_library_words, normalize


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say what kind of document or how often, never on their own what kind of work.
GENERIC = _word_set(
    "a an the and or of for to in on at with by check checks checklist list inspection audit report log "
    "record round routine daily weekly monthly quarterly annual yearly nightly morning night safety walk "
    "walkthrough through test visit survey review form template pre use start shift day end open close "
    "opening closing down equipment maintenance service operator driver guest crew it self new"
)
# Words that name a moment of the work, never on their own what is worked on ("check-out", "handover").
MOMENTS = _word_set("out in over handover turnover changeover return arrival departure")
# Words of a template's name that only say it is a checklist: its name phrase leaves them out.
DOC_WORDS = _word_set("check checks checklist list inspection log report record audit round walk test visit")
MIN_SCORE = 0.5  # a phrase unique to one template scores 1.0; two templates sharing it, 0.5 each
MAX_WORDS = 120  # what a checklist is, is said in its first sentences
MAX_WINDOW = 4


@dataclass(frozen=True)
class LibraryMatch:
    """The chosen template, its score and the words of the prompt that named it."""

    entry: LibraryTemplate
    score: float
    phrase: str


# Words that put a fridge or a delivery outside food safety: a pharmacy's vaccine fridge is kept at
# 2-8 °C for other reasons and with other steps, and a food HACCP log (hot holding, cooked food) misleads.
NOT_FOOD = _word_set(
    "pharmacy pharmacist chemist dispensary vaccine medicine medication drug insulin laboratory lab blood "
    "specimen reagent clinic hospital ward surgery dental"
)


def _food(entry: LibraryTemplate) -> bool:
    return any("food" in tag or "haccp" in tag for tag in entry.tags)


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    weight: float


def _name_words(entry: LibraryTemplate) -> tuple[str, ...]:
    return tuple(w for w in normalize(entry.name) if w not in DOC_WORDS)


def _content(words: tuple[str, ...]) -> list[str]:
    """The words of a phrase that say what kind of work (not "daily", "inspection", "7")."""
    return [w for w in words if w not in GENERIC and not w.isdigit()]


def _distinctive(words: tuple[str, ...]) -> bool:
    return len("".join(_content(words))) >= 3


@cache
def _index() -> tuple[tuple[LibraryTemplate, tuple[_Phrase, ...]], ...]:
    """Every template's phrases with their weights (1 / how many templates share the phrase)."""
    raw: list[tuple[LibraryTemplate, set[tuple[str, ...]]]] = []
    for entry in load_library():
        phrases = {tuple(normalize(text)) for text in entry.tags}
        phrases.add(_name_words(entry))
        phrases.add(tuple(w for w in _name_words(entry) if w not in GENERIC))
        raw.append((entry, {p for p in phrases if _distinctive(p)}))
    counts: dict[tuple[str, ...], int] = {}
    for _, phrases in raw:
        for phrase in phrases:
            counts[phrase] = counts.get(phrase, 0) + 1
    return tuple(
        (entry, tuple(_Phrase(p, 1.0 / counts[p]) for p in sorted(phrases))) for entry, phrases in raw
    )


@cache
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """The library's words, the same sorted for rapidfuzz, and its phrases glued ("forklift")."""
    words = {w for _, phrases in _index() for p in phrases for w in p.words}
    glued = {"".join(p.words) for _, phrases in _index() for p in phrases}
    return frozenset(words), tuple(sorted(words)), frozenset(glued)


def _threshold(word: str) -> float:
    """Short words must match exactly ("van" is not "vat"); longer ones forgive a typo or two."""
    n = len(word)
    return 101.0 if n <= 4 else 85.0 if n <= 7 else 80.0


@cache
def spell(word: str) -> str:
    """`word` as the library spells it, when it is a typo of one of the library's words."""
    known, ordered, glued = _vocabulary()
    if word in known or word in glued or len(word) <= 4:
        return word
    found = process.extractOne(word, ordered, scorer=fuzz.ratio, score_cutoff=_threshold(word))
    if found is None or found[1] < _threshold(found[0]):
        return word
    return found[0]


def _hits(words: list[str]) -> dict[str, int]:
    """Every known phrase (glued: "forklift") found in `words`, with where it ends (last index + 1); a
    compound written as one word or two is found either way, and so is a typo of a compound."""
    _, _, glued_all = _vocabulary()
    found: dict[str, int] = {}
    for size in range(1, MAX_WINDOW + 1):
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            glued = "".join(window)
            typo_prone = size <= 2 and len(glued) >= 8 and len(_content(tuple(window))) == size
            if glued not in glued_all and typo_prone:
                near = process.extractOne(glued, glued_all, scorer=fuzz.ratio, score_cutoff=88.0)
                glued = near[0] if near else glued
            if glued in glued_all:
                found[glued] = max(found.get(glued, -1), start + size)
    return found


def match_library(text: str) -> LibraryMatch | None:
    """The library template `text` (what a prompt says the checklist is) names, or None."""
    words = [spell(w) for w in in_library_words(normalize(text)[:MAX_WORDS])]
    if not words:
        return None
    hits = _hits(words)
    present = set(words)
    not_food = bool(present & NOT_FOOD)
    best: tuple[float, float, int, str] | None = None
    chosen: LibraryMatch | None = None
    for entry, phrases in _index():
        if not_food and _food(entry):  # nothing fits better than a wrong domain's steps
            continue
        name = _name_words(entry)
        names = {name, tuple(w for w in name if w not in GENERIC)}
        score, last, found = 0.0, -1, ""
        for phrase in phrases:
            end = hits.get("".join(phrase.words), -1)
            if end < 0:
                continue
            # "warehouse safety" says more than "warehouse"; the template's own name most.
            bonus = 1.0 + 0.5 * (len(_content(phrase.words)) - 1)
            if set(_content(phrase.words)) <= MOMENTS:  # "Airbnb check-out" is about the Airbnb
                bonus *= 0.5
            score += phrase.weight * bonus * (2.0 if phrase.words in names else 1.0)
            if end > last or (end == last and len(phrase.words) > len(found.split())):
                last, found = end, " ".join(phrase.words)
        if score < MIN_SCORE:
            continue
        named = sum(w in present for w in name) / max(1, len(name))
        key = (round(score, 6), round(named, 6), last, entry.slug)
        if best is None or key[:3] > best[:3] or (key[:3] == best[:3] and key[3] < best[3]):
            best, chosen = key, LibraryMatch(entry, score, found)
    return chosen


def phrases_of(entry: LibraryTemplate) -> list[str]:
    """The phrases that name `entry` ("fork lift", "lift truck", …)."""
    for known, phrases in _index():
        if known.slug == entry.slug:
            return [" ".join(p.words) for p in phrases]
    return []
