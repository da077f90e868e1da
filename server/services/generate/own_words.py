"""The words the offline generator writes itself, in the language of a template built from a prompt's words.

The items' labels are the prompt's own words; around them the generator adds its own: a follow-up
("Describe the problem", "What is wrong and where"), Yes / No, a question's "… OK?", section titles
("Checks", "Readings"), "Notes", the name's "checklist" and the description. A German prompt read
"Türen zu OK?" then "Describe the problem" under "Checks": those are said here in German, Spanish, French
and Arabic (the languages `language.prompt_language` tells). English is the generator's own and is kept
as written; a word this table lacks stays English.
"""

from __future__ import annotations

import re
from typing import Any

LANGUAGES = ("de", "es", "fr", "ar")

# English as the generator writes it -> (de, es, fr, ar).
_WORDS: dict[str, tuple[str, str, str, str]] = {
    "Describe the problem": (
        "Problem beschreiben",
        "Describa el problema",
        "Décrivez le problème",
        "صِف المشكلة",
    ),
    "Describe the damage": ("Schaden beschreiben", "Describa el daño", "Décrivez les dégâts", "صِف الضرر"),
    "What is wrong and where": (
        "Was ist nicht in Ordnung, und wo?",
        "Qué está mal y dónde",
        "Ce qui ne va pas, et où",
        "ما المشكلة وأين",
    ),
    "Location and description": (
        "Ort und Beschreibung",
        "Lugar y descripción",
        "Lieu et description",
        "المكان والوصف",
    ),
    "Yes": ("Ja", "Sí", "Oui", "نعم"),
    "No": ("Nein", "No", "Non", "لا"),
    "Notes": ("Bemerkungen", "Notas", "Remarques", "ملاحظات"),
    "Anything else to note": (
        "Was sonst noch zu vermerken ist",
        "Cualquier otra observación",
        "Toute autre remarque",
        "أي ملاحظة أخرى",
    ),
    "Everything in order?": (
        "Alles in Ordnung?",
        "¿Todo en orden?",
        "Tout est en ordre\u00a0?",
        "هل كل شيء على ما يرام؟",
    ),
    "Photo": ("Foto", "Foto", "Photo", "صورة"),
    "Checklist": ("Checkliste", "Lista de comprobación", "Liste de contrôle", "قائمة فحص"),
    # Section titles (themes)
    "Checks": ("Prüfpunkte", "Comprobaciones", "Vérifications", "الفحوصات"),
    "Other checks": ("Weitere Prüfpunkte", "Otras comprobaciones", "Autres vérifications", "فحوصات أخرى"),
    "Details": ("Angaben", "Datos", "Informations", "البيانات"),
    "Readings": ("Messwerte", "Lecturas", "Relevés", "القراءات"),
    "Temperatures": ("Temperaturen", "Temperaturas", "Températures", "درجات الحرارة"),
    "Counts": ("Zählungen", "Recuentos", "Comptages", "الأعداد"),
    "Photos": ("Fotos", "Fotos", "Photos", "الصور"),
    "Result": ("Ergebnis", "Resultado", "Résultat", "النتيجة"),
    "Safety": ("Sicherheit", "Seguridad", "Sécurité", "السلامة"),
    "Cleanliness": ("Sauberkeit", "Limpieza", "Propreté", "النظافة"),
    "Condition": ("Zustand", "Estado", "État", "الحالة"),
    "Sign-off": ("Abschluss", "Cierre", "Clôture", "الختام"),
}

# A yes/no question: (the item already says its good state, the item names a thing to judge).
_QUESTIONS = {
    "de": ("{0}?", "{0} in Ordnung?"),
    "es": ("¿{0}?", "¿{0} en buen estado?"),
    "fr": ("{0}\u00a0?", "{0} en bon état\u00a0?"),
    "ar": ("هل {0}؟", "هل {0} بحالة جيدة؟"),
}
# "<name> covering <titles>." and the word joining the last two titles.
_DESCRIPTION = {
    "de": ("{0}: {1}.", "und"),
    "es": ("{0}: {1}.", "y"),
    "fr": ("{0}\u00a0: {1}.", "et"),
    "ar": ("{0}: {1}.", "و"),
}

# Words that say the state an item should be in (the item is then asked as it stands: "Türen zu?"); the
# English rules know English ones only ("Doors closed?" against "Türen zu OK?").
_STATES = {
    "de": re.compile(
        r"^(?:sauber|zu|aus|an|auf|ab|leer|voll|frei|offen|vorhanden|intakt|dicht|trocken|ok|zurück|bereit|"
        r"sicher|erledigt|anwesend|funktionsfähig|ge\w+(?:t|en)|\w+ge\w+(?:t|en)|\w+iert)$"
    ),
    "es": re.compile(
        r"^(?:\w+(?:ado|ada|ados|adas|ido|ida|idos|idas)|limpi[oa]s?|vac[ií][oa]s?|llen[oa]s?|libres?|"
        r"abiert[oa]s?|sec[oa]s?|ok|correct[oa]s?|presentes?|list[oa]s?|hech[oa]s?|puest[oa]s?)$"
    ),
    "fr": re.compile(
        r"^(?:\w+(?:é|ée|és|ées)|propres?|vides?|plein(?:e|s|es)?|libres?|ouvert(?:e|s|es)?|secs?|sèches?|ok|"
        r"présent(?:e|s|es)?|fait(?:e|s|es)?|mis(?:e|es)?|éteint(?:e|s|es)?|prêt(?:e|s|es)?)$"
    ),
    "ar": re.compile(r"^(?:م\w{3,}|نظيفة?|جاهزة?|سليمة?|فارغة?)$"),
}
_OK_SUFFIX = re.compile(r"\s+OK\?$")


def say(english: str, language: str) -> str:
    """`english` in `language` when the table has it, else as it is."""
    words = _WORDS.get(english)
    return words[LANGUAGES.index(language)] if words and language in LANGUAGES else english


def question(label: str, language: str) -> str:
    """A generated yes/no label ("Türen zu OK?", "Drucker?") as that language asks it."""
    if language not in _QUESTIONS or label in _WORDS:
        return say(label, language)
    text = _OK_SUFFIX.sub("", label).rstrip("?").strip()
    words = text.split()
    stated = bool(words) and bool(_STATES[language].match(words[-1].lower()))
    return _QUESTIONS[language][0 if stated else 1].format(text)


def title(text: str, language: str) -> str:
    """A section title the generator chose ("Checks", "Checks (2)") in `language`; the prompt's own stay."""
    numbered = re.fullmatch(r"(.+) \((\d+)\)", text)
    if numbered:
        return f"{say(numbered.group(1), language)} ({numbered.group(2)})"
    return say(text, language)


def description(name: str, titles: list[str], language: str) -> str:
    """What the sections cover, said after the name: "Kontrolle der Werkstatt: Prüfpunkte und Fotos."."""
    sentence, joiner = _DESCRIPTION.get(language, ("{0} covering {1}.", "and"))
    covered = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + f" {joiner} " + titles[-1]
    return sentence.format(name, covered)


def name(text: str, language: str) -> str:
    """The name without the English "checklist" the generator adds to a name that says no kind of document."""
    if language not in LANGUAGES:
        return text
    if text.lower() == "checklist":
        return say("Checklist", language)
    return re.sub(r"\s+checklist$", "", text, flags=re.IGNORECASE)


def in_language(sections: list[dict[str, Any]], language: str) -> None:
    """Say the generator's own words in `sections` (built from the prompt's words) in `language`."""
    if language not in LANGUAGES:
        return
    for section in sections:
        section["title"] = title(section["title"], language)
        for step in section["steps"]:
            config = step["config"]
            if step["type"] == "boolean":
                step["label"] = question(step["label"], language)
                for key in ("true_label", "false_label"):
                    if isinstance(config.get(key), str):
                        config[key] = say(config[key], language)
            else:
                step["label"] = say(step["label"], language)
            if isinstance(config.get("placeholder"), str):
                config["placeholder"] = say(config["placeholder"], language)
