"""Prompts in other languages, and words whose head is not the library's kind of work (audit E,
findings 3 and 4): each started from a wrong library template, or none, before."""

from __future__ import annotations

import re

import pytest

from server.services.generate import offline_template
from server.services.generate.language import prompt_language
from server.services.generate.offline import build_offline
from server.tdl import validate_template


@pytest.mark.parametrize(
    ("prompt", "slug"),
    [
        (
            "Mietwagen Rückgabe: Tankfüllstand, Kilometerstand, neue Kratzer, Innenraum sauber, Schlüssel zurück",
            "vehicle-handover",
        ),
        ("Gabelstapler Kontrolle vor Schichtbeginn: Gabeln, Bremsen, Hupe", "forklift-pre-shift"),
        (
            "Inspección diaria de carretilla elevadora: horquillas, frenos, claxon, nivel de batería, fugas",
            "forklift-pre-shift",
        ),
        ("فحص يومي للرافعة الشوكية: الشوكات، الفرامل، البوق", "forklift-pre-shift"),
        (
            "Wöchentliche Kontrolle der Kühlzelle: Temperatur, Türdichtung, Eisbildung am Verdampfer",
            "cold-room-defrost",
        ),
        (
            "Limpieza de apartamento turístico entre huéspedes: sábanas cambiadas, baño limpio, cocina, toallas",
            "str-turnover",
        ),
        ("Ferienwohnung Endreinigung: Betten, Bad, Küche", "str-turnover"),
        (
            (
                "Food truck hygiene check before service: handwash sink, fridge temperature, "
                "gas bottle secured, fire extinguisher, waste water tank"
            ),
            "food-hygiene-audit",
        ),
    ],
)
def test_the_kind_of_work_is_found_in_other_words(prompt: str, slug: str) -> None:
    found = build_offline(prompt).library
    assert found is not None and found.slug == slug


@pytest.mark.parametrize(
    "prompt",
    [
        (
            "Pharmacy fridge temperature log, twice a day, min and max readings, reset thermometer, "
            "action if out of 2-8 °C"
        ),
        "Vaccine fridge temperature log",
    ],
)
def test_a_medicines_fridge_is_no_food_haccp_log(prompt: str) -> None:
    found = build_offline(prompt).library
    assert found is None or not any("food" in t or "haccp" in t for t in found.tags)
    labels = " ".join(
        s["label"].lower() for sec in offline_template(prompt)["sections"] for s in sec["steps"]
    )
    assert "cooked food" not in labels and "hot holding" not in labels


def test_an_arabic_prompt_gives_its_items() -> None:
    result = build_offline("فحص يومي للرافعة الشوكية: الشوكات، الفرامل، البوق")
    assert result.added == 3


def test_tags_keep_every_letter() -> None:
    # "Rückgabe" gave the tag "ckgabe", "turístico" gave "tur".
    tags = offline_template("Schlüsselübergabe im Büro: Schlüssel gezählt, Liste unterschrieben")["tags"]
    assert tags == ["schlüsselübergabe", "büro"]


@pytest.mark.parametrize(
    ("prompt", "language"),
    [
        ("Kontrolle der Werkstatt: Werkzeug sauber, Türen zu, Licht aus", "de"),
        ("Revisión de la oficina: luces apagadas, ventanas cerradas, papelera vacía", "es"),
        ("Hotel room inspection: bed made, minibar stocked", "en"),
        ("Check the fridge temperature is below 5°C and the freezer below -18 °C", "en"),
    ],
)
def test_a_template_built_from_the_prompts_words_says_their_language(prompt: str, language: str) -> None:
    assert prompt_language(prompt) == language
    template = offline_template(prompt)
    if build_offline(prompt).library is None:
        assert template["languages"] == [language]


# The generator's own words, as it writes them in English: none may stand in a template of another language.
ENGLISH_OWN_WORDS = re.compile(
    r"\bDescribe the\b|What is wrong|\bOK\?|^(?:Yes|Notes|Checks|Readings|Details|Photos)$|\bchecklist\b|"
    r"\bcovering\b|Anything else|Everything in order"
)


def texts(template: dict) -> list[str]:
    """Every text of a template a person reads."""
    said = [template["name"], template["description"]]
    for section in template["sections"]:
        said.append(section["title"])
        for step in section["steps"]:
            said.append(step["label"])
            said += [v for k, v in step["config"].items() if k != "options" and isinstance(v, str)]
    return said


@pytest.mark.parametrize(
    ("prompt", "language", "question", "follow_up", "yes"),
    [
        (
            "Kontrolle der Werkstatt: Werkzeug sauber, Türen zu, Licht aus, Feuerlöscher",
            "de",
            "Feuerlöscher in Ordnung?",
            "Problem beschreiben",
            "Ja",
        ),
        (
            "Tägliche Kontrolle Büro: Drucker, Kaffeemaschine, Fenster geschlossen",
            "de",
            "Fenster geschlossen?",
            "Problem beschreiben",
            "Ja",
        ),
        (
            "Revisión de la oficina: luces apagadas, ventanas cerradas, papelera vacía, extintor",
            "es",
            "¿Luces apagadas?",
            "Describa el problema",
            "Sí",
        ),
        (
            "Contrôle de l'atelier: outils propres, portes fermées, extincteur",
            "fr",
            "Extincteur en bon état\u00a0?",
            "Décrivez le problème",
            "Oui",
        ),
        ("فحص المكتب: الأضواء مطفأة، النوافذ مغلقة، الطابعة", "ar", "هل الأضواء مطفأة؟", "صِف المشكلة", "نعم"),
        ("Tägliche Kontrolle im Büro: Drucker", "de", "Alles in Ordnung?", "Problem beschreiben", "Ja"),
    ],
)
def test_the_generators_own_words_are_in_the_templates_language(
    prompt: str, language: str, question: str, follow_up: str, yes: str
) -> None:
    # A German template read "Türen zu OK?", then "Describe the problem" under "Checks", Yes / No.
    template = offline_template(prompt)
    assert template["languages"] == [language]
    assert [t for t in texts(template) if ENGLISH_OWN_WORDS.search(t)] == []
    steps = [s for g in template["sections"] for s in g["steps"]]
    asked = next(s for s in steps if s["label"] == question)
    after = steps[steps.index(asked) + 1]
    assert after["label"] == follow_up and after["condition"]["when"]["step"] == asked["id"]
    assert asked["config"]["true_label"] == yes
    validate_template(template)


@pytest.mark.parametrize(
    ("prompt", "people", "things"),
    [
        (
            "Shift start: all staff present, crew briefed, fire exits clear",
            ["All staff present?", "Crew briefed?"],
            ["Fire exits clear?"],
        ),
        (
            "Kontrolle Schichtbeginn: Kinder gezählt, Mitarbeiter anwesend, Notausgang frei",
            ["Kinder gezählt?", "Mitarbeiter anwesend?"],
            ["Notausgang frei?"],
        ),
        ("Inicio del turno: niños contados, salida de emergencia libre", ["¿Niños contados?"], []),
        ("Contrôle de la crèche: enfants comptés, sortie de secours libre", ["Enfants comptés\u00a0?"], []),
    ],
)
def test_a_new_check_about_people_asks_no_photo_of_what_is_wrong(
    prompt: str, people: list[str], things: list[str]
) -> None:
    # Every new yes/no check's follow-up asked 1 to 6 photos: of the children when the ratios were not met.
    # (Prompts of no library template's kind of work: a nursery's takes the library's childcare check.)
    steps = [s for g in offline_template(prompt)["sections"] for s in g["steps"]]
    for label in people + things:
        asked = next(s for s in steps if s["label"] == label)
        after = steps[steps.index(asked) + 1]
        assert after["condition"]["when"]["step"] == asked["id"]
        assert after["photo"] == (False if label in people else {"min": 1, "max": 6}), label
