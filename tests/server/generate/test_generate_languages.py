"""Prompts in other languages, and words whose head is not the library's kind of work (audit E,
findings 3 and 4): each started from a wrong library template, or none, before."""

from __future__ import annotations

import pytest

from server.services.generate import offline_template
from server.services.generate.language import prompt_language
from server.services.generate.offline import build_offline


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
