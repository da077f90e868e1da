"""Which library template a prompt's kind of work names ("weekly forklift safety inspection" ->
"Forklift pre-shift check"), tolerant of plurals, word forms and typos.

Each template is known by its name's distinctive words and its tags (the library's domain tags carry the
synonyms: "lift truck", "fork truck"). A phrase found in the prompt (rapidfuzz ratio per window of words,
so "forklfit" and "fork-lifts" count) scores by how few templates share it; the best total wins, ties going
to the phrase found last, the head noun of an English compound ("hotel pool check" is about the pool).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from server.services.library import LibraryTemplate, load_library

# Words that say what kind of document or how often, never what kind of work.
GENERIC = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "with",
        "by",
        "check",
        "checks",
        "checklist",
        "list",
        "inspection",
        "inspections",
        "audit",
        "report",
        "log",
        "record",
        "round",
        "routine",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "annual",
        "yearly",
        "nightly",
        "morning",
        "night",
        "safety",
        "walk",
        "walkthrough",
        "through",
        "test",
        "visit",
        "survey",
        "review",
        "form",
        "template",
        "pre",
        "use",
        "start",
        "shift",
        "day",
        "end",
        "open",
        "close",
        "opening",
        "closing",
        "equipment",
        "maintenance",
        "service",
        "operator",
        "driver",
        "guest",
        "crew",
        "it",
        "self",
    ]
)
MIN_SCORE = 0.5  # a phrase unique to one template scores 1.0; two templates sharing it, 0.5 each


@dataclass(frozen=True)
class LibraryMatch:
    """The chosen template, its score and the words of the prompt that named it."""

    entry: LibraryTemplate
    score: float
    phrase: str


def normalize(text: str) -> list[str]:
    """Lowercase words without hyphens or plural endings: "Fork-Lifts" -> ["fork", "lift"]."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'s", ""))
    return [_singular(w) for w in words]


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    return word.removesuffix("s")


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    weight: float


@cache
def _index() -> tuple[tuple[LibraryTemplate, tuple[_Phrase, ...]], ...]:
    """Every template's phrases with their weights (1 / how many templates share the phrase)."""
    raw: list[tuple[LibraryTemplate, set[tuple[str, ...]]]] = []
    for entry in load_library():
        phrases: set[tuple[str, ...]] = set()
        name_words = _name_words(entry)
        if name_words:
            phrases.add(name_words)
        for text in entry.tags:
            words = tuple(normalize(text))
            if words and not all(w in GENERIC for w in words) and len("".join(words)) >= 3:
                phrases.add(words)
        raw.append((entry, phrases))
    counts: dict[tuple[str, ...], int] = {}
    for _, phrases in raw:
        for phrase in phrases:
            counts[phrase] = counts.get(phrase, 0) + 1
    return tuple(
        (entry, tuple(_Phrase(p, 1.0 / counts[p]) for p in sorted(phrases))) for entry, phrases in raw
    )


def _name_words(entry: LibraryTemplate) -> tuple[str, ...]:
    return tuple(w for w in normalize(entry.name) if w not in GENERIC)


def _threshold(text: str) -> float:
    """Short words must match exactly ("van" is not "vat"); longer ones forgive a typo or two."""
    n = len(text)
    return 100.0 if n <= 4 else 88.0 if n <= 7 else 84.0


MAX_WORDS = 120  # what a checklist is, is said in its first sentences
MAX_WINDOW = 4


def _hits(words: list[str]) -> dict[str, int]:
    """Every known phrase (glued: "forklift") found in `words`, with where it ends (last index + 1).
    A compound written as one word or two is found either way; typos within `_threshold` are forgiven."""
    _, glued_all = _vocabulary()
    found: dict[str, int] = {}
    for size in range(1, MAX_WINDOW + 1):
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            glued = "".join(window)
            end = start + size
            if glued in glued_all:
                found[glued] = max(found.get(glued, -1), end)
            if any(w in GENERIC for w in window) or len(glued) <= 4:
                continue
            for phrase, score, _ in process.extract(
                glued, glued_all, scorer=fuzz.ratio, score_cutoff=84.0, limit=None
            ):
                if score >= _threshold(phrase):
                    found[phrase] = max(found.get(phrase, -1), end)
    return found


@cache
def _vocabulary() -> tuple[dict[str, str], tuple[str, ...]]:
    glued = {"".join(p.words): " ".join(p.words) for _, phrases in _index() for p in phrases}
    return glued, tuple(sorted(glued))


def match_library(text: str) -> LibraryMatch | None:
    """The library template `text` (what a prompt says the checklist is) names, or None."""
    words = normalize(text)[:MAX_WORDS]
    if not words:
        return None
    hits = _hits(words)
    best: tuple[float, int, str] | None = None
    chosen: LibraryMatch | None = None
    for entry, phrases in _index():
        name = _name_words(entry)
        score, last, found = 0.0, -1, ""
        for phrase in phrases:
            end = hits.get("".join(phrase.words), -1)
            if end < 0:
                continue
            bonus = 1.0 + 0.5 * (len(phrase.words) - 1)  # "warehouse safety" says more than "warehouse"
            bonus *= 2.0 if phrase.words == name else 1.0  # the template's own name
            score += phrase.weight * bonus
            if end > last or (end == last and len(phrase.words) > len(found.split())):
                last, found = end, " ".join(phrase.words)
        if score < MIN_SCORE:
            continue
        key = (round(score, 6), last, "~" + entry.slug)  # ties: the later phrase, then the first slug
        if (
            best is None
            or (key[0], key[1]) > (best[0], best[1])
            or (key[:2] == best[:2] and key[2] < best[2])
        ):
            best, chosen = key, LibraryMatch(entry, score, found)
    return chosen


def phrases_of(entry: LibraryTemplate) -> list[str]:
    """The phrases that name `entry` ("fork lift", "lift truck", …)."""
    for known, phrases in _index():
        if known.slug == entry.slug:
            return [" ".join(p.words) for p in phrases]
    return []
