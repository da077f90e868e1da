"""The language a prompt is written in, told simply: its script, else its commonest small words.

A German or Spanish prompt made a template of German or Spanish labels that claimed `languages: ["en"]`,
so the phone page said `lang="en"` and the Translations tab called the German text "Source (en)". Only
the languages the app speaks (and French) are told; anything else stays English, the generator's own.
"""

from __future__ import annotations

import re

from .library_match import normalize
from .yesno import word_set

# Short words frequent in any text of the language and rare in English prompts (accents folded away).
COMMON_WORDS: dict[str, frozenset[str]] = {
    "de": word_set(
        "der die das den dem des und ist nicht mit von fur auf bei nach vor zur zum ein eine einer "
        "oder sind wird werden taglich wochentlich monatlich kontrolle prufung sauber zuruck"
    ),
    "es": word_set(
        "el la los las del de y con por para en una uno que diaria diario semanal mensual limpio limpia "
        "entre antes despues revision inspeccion lista"
    ),
    "fr": word_set(
        "le la les de du des et avec pour dans une un est sur au aux quotidien hebdomadaire propre "
        "controle verification avant apres"
    ),
}
# Words with letters only that language writes among these ("Tägliche Kontrolle Büro" has no small word).
LETTERS = {
    "de": re.compile(r"\w*[äöüß]\w*"),
    "es": re.compile(r"\w*[ñ¿¡]\w*"),
    "fr": re.compile(r"\w*[èêëçàâùûôîœ]\w*"),
}
ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
MIN_HITS = 2  # two of a language's small words: "de" alone may be a Spanish word in an English prompt


def prompt_language(prompt: str) -> str:
    """ "de", "es", "fr" or "ar" for a prompt plainly in that language, else "en"."""
    if len(ARABIC.findall(prompt)) > len(LATIN_LETTER.findall(prompt)):
        return "ar"
    words = normalize(prompt)
    english = sum(w in ENGLISH for w in words)
    best, hits = "en", english
    for language, common in COMMON_WORDS.items():
        found = sum(w in common for w in words) + len(LETTERS[language].findall(prompt.lower()))
        if found >= MIN_HITS and found > hits:
            best, hits = language, found
    return best


ENGLISH = word_set(
    "the and of for with to in on at is are be a an before after every each check checklist daily weekly "
    "monthly clean cleaned working ok"
)
