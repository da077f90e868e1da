"""The phone says what is wrong in words, never by a rule's key or a server's path: a location's problems named
its parts "lat" and "lng" ("lat muss eine Zahl von -90 bis 90 sein"; the English named nothing at all: "must be a
number from -90 to 90"), and an email the server refused read "The request failed validation." in English."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from server.api.runner_assets import VERSION
from tests.browser.actions import phone_in
from tests.browser.templates import PHOTOS_ONLY

# What the rules find wrong with a location (a step's `geo`), said in the page's language.
LOCATION_PROBLEMS = """async ([version, tag, geos]) => {
  const rules = await import(`/r/static/${version}/rules.js`);
  const strings = await import(`/r/static/${version}/strings.js`);
  strings.useLanguage(tag);
  const template = { settings: {}, sections: [{ id: "g", title: "G", steps: [
    { id: "s-here", type: "boolean", label: "On site?", geo: true, config: {} }] }] };
  return geos.map((geo) => strings.describeProblems(rules.checkAnswer(template, "s-here", true, { geo })));
}"""
GEOS = [
    {"lat": 95, "lng": 13.4},
    {"lat": 52.5},
    {"lat": 52.5, "lng": 13.4, "accuracy_m": -1},
    {"lat": 52.5, "lng": 13.4, "alt": 30},
    "here",
]
SAID = {
    "en": [
        "Latitude must be a number from -90 to 90",
        "Longitude is missing",
        "Accuracy must be a number of metres, 0 or more, or empty",
        "the location holds “\u2068alt\u2069”, which it does not take (only a latitude, a longitude and an accuracy)",
        "the location needs a latitude and a longitude, or none at all",
    ],
    "de": [
        "Breitengrad muss eine Zahl von -90 bis 90 sein",
        "Längengrad fehlt",
        "die Genauigkeit muss 0 Meter oder mehr betragen oder leer bleiben",
        "der Standort enthält „\u2068alt\u2069“, das er nicht annimmt (nur Breitengrad, Längengrad und Genauigkeit)",
        "ein Standort braucht Breiten- und Längengrad oder bleibt leer",
    ],
    "es": [
        "la latitud debe ser un número de -90 a 90",
        "falta la longitud",
        "la precisión debe ser de 0 metros o más, o quedar vacía",
        "la ubicación lleva «\u2068alt\u2069», que no admite (solo latitud, longitud y precisión)",
        "la ubicación debe tener latitud y longitud, o quedar vacía",
    ],
    "ar": [
        "يجب أن يكون خط العرض رقمًا من \u2066\u200e-90\u2069 إلى 90",  # its minus kept before its digits
        "خط الطول مفقود",
        "يجب أن تكون الدقة 0 متر أو أكثر، أو أن تبقى فارغة",
        "يتضمن الموقع «\u2068alt\u2069» وهو ما لا يقبله (خط العرض وخط الطول والدقة فقط)",
        "يجب أن يتضمن الموقع خط العرض وخط الطول أو أن يبقى فارغًا",
    ],
}


@pytest.mark.parametrize("tag", ["en", "de", "es", "ar"])
def test_a_locations_problems_name_its_parts_in_words(live, phone, tag):
    page = phone.new_page()
    page.goto(f"{live.url}/v1/health")
    said = page.evaluate(LOCATION_PROBLEMS, [VERSION, tag, GEOS])
    assert said == SAID[tag]
    for line in said:
        assert not re.search(r"\b(lat|lng|accuracy_m|geo)\b", line), line  # no key of the rules' own


def test_an_email_the_server_refuses_is_said_in_the_pages_words_by_its_field(live, browser):
    """The browser's email field takes "erika@firma"; the server's needs a dot after the @. The page said
    "Die Checkliste konnte nicht geöffnet werden: The request failed validation.", naming no field."""
    run_id = live.dispatch({**PHOTOS_ONLY, "execution": {"identity_required": "external"}}, webhook=False)
    with phone_in(browser, "de-DE") as context:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        page.click("#start")
        page.locator("#who-name").fill("Erika Mustermann")
        page.locator("#who-email").fill("erika@firma")
        page.click("#start")
        expect(page.locator("#open-problem")).to_have_text(
            "Der Server nimmt diese E-Mail-Adresse nicht an: Schreiben Sie sie vollständig, etwa name@beispiel.de."
        )
        email = page.locator("#who-email")
        expect(email).to_have_attribute("aria-invalid", "true")
        expect(email).to_be_focused()
        expect(email).to_have_value("erika@firma")  # kept, to be put right
        assert page.locator("#who-name").get_attribute("maxlength") == "200"  # the server's limit
        email.fill("erika@firma.de")
        page.click("#start")
        expect(page.locator("#progress-text")).to_have_text("0 von 4 erledigt")
