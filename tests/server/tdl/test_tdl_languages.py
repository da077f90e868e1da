"""SPEC §15 in the domain: `languages` and `translations` checked with paths, one resolve, files for translators."""

from __future__ import annotations

import pytest

from server import tdl
from server.tdl import translation_files as files


def car_check(**overrides) -> dict:
    """A rental car's check in English, partly translated into German and Arabic."""
    body = {
        "name": "Car check",
        "description": "Before every rental",
        "languages": ["en", "de", "ar"],
        "translations": {
            "de": {
                "name": "Autocheck",
                "g-out.title": "Außen",
                "s-tyre.label": "Reifen in Ordnung?",
                "o-full": "Voll",
            },
            "ar": {"name": "فحص السيارة", "s-tyre.true_label": "نعم"},
        },
        "sections": [
            {
                "id": "g-out",
                "title": "Outside",
                "steps": [
                    {"id": "s-tyre", "type": "boolean", "label": "Tyres fine?", "hint": "Look at all four"},
                    {
                        "id": "s-fuel",
                        "type": "choice",
                        "label": "Fuel",
                        "config": {
                            "options": [{"id": "o-full", "label": "Full"}, {"id": "o-low", "label": "Low"}]
                        },
                    },
                    {"id": "s-km", "type": "number", "label": "Odometer", "config": {"unit": "km"}},
                    {
                        "id": "s-note",
                        "type": "instruction",
                        "label": "Hand over",
                        "config": {"body": "Give the keys"},
                    },
                ],
            }
        ],
    }
    body.update(overrides)
    return body


def details(body: dict) -> dict[str, str]:
    with pytest.raises(tdl.TdlError) as caught:
        tdl.validate_template(body)
    return {d["path"]: d["message"] for d in caught.value.details}


def test_a_template_without_languages_is_single_language_english():
    body = car_check()
    del body["languages"], body["translations"]
    normalized = tdl.normalize_template(tdl.validate_template(body))
    assert normalized["languages"] == ["en"] and normalized["translations"] == {}


def test_every_text_has_a_stable_key_in_document_order():
    keys = list(tdl.template_texts(car_check()))
    assert keys == [
        "name",
        "description",
        "g-out.title",
        "s-tyre.label",
        "s-tyre.hint",
        "s-tyre.true_label",  # the type's defaults ("Yes", "No") are texts too
        "s-tyre.false_label",
        "s-fuel.label",
        "o-full",
        "o-low",
        "s-km.label",
        "s-km.unit",
        "s-note.label",
        "s-note.body",
    ]


def test_every_language_problem_is_reported_at_once_with_its_path():
    body = car_check(
        languages=["en", "de", "ar", "DE", "not a tag"],
        translations={
            "en": {"name": "Car"},
            "fr": {"name": "Voiture"},
            "de": {
                "s-gone.label": "Weg",
                "s-tyre.true_label": "J" * 101,
                "o-low": "",
                "s-km.hint": "Hinweis",
            },
            "ar": {"name": 7},
        },
    )
    assert details(body) == {
        "languages[3]": "must be unique; 'DE' is also languages[1]",
        "languages[4]": "'not a tag' is not a BCP 47 language tag such as 'de' or 'pt-BR'",
        "translations.en": "'en' is the first language: its texts are the template's own",
        "translations.fr": "'fr' is not one of the template's languages (en, de, ar, DE, not a tag); add it there first",
        "translations.de.s-gone.label": "'s-gone.label' names no text of this template",
        "translations.de.s-tyre.true_label": "must be at most 100 characters",
        "translations.de.o-low": "must not be empty; leave the key out to use the source text",
        "translations.de.s-km.hint": "'s-km.hint' names no text of this template",
        "translations.ar.name": "must be a string",
    }


def test_languages_are_one_to_twenty():
    assert details(car_check(languages=[], translations={}))["languages"] == "must have at least 1 item"
    many = [f"x{chr(97 + i)}" for i in range(21)]
    assert details(car_check(languages=many, translations={}))["languages"] == "must have at most 20 items"


def test_resolve_translates_what_it_can_and_falls_back_to_the_first_language():
    template = tdl.normalize_template(tdl.validate_template(car_check()))
    german = tdl.resolve_template(template, "de")
    assert german["name"] == "Autocheck" and german["description"] == "Before every rental"  # fallback
    assert german["sections"][0]["title"] == "Außen"
    tyre, fuel = german["sections"][0]["steps"][:2]
    assert tyre["label"] == "Reifen in Ordnung?" and tyre["config"]["true_label"] == "Yes"
    assert [o["label"] for o in fuel["config"]["options"]] == ["Voll", "Low"]
    assert german["languages"] == ["de"] and "translations" not in german
    tdl.validate_template(german)  # itself a valid single-language template
    assert tdl.resolve_template(template, "de-AT")["name"] == "Autocheck"  # nearest language
    assert tdl.resolve_template(template, "fr")["name"] == "Car check"  # the first language
    assert template["translations"]["de"]["name"] == "Autocheck"  # the input is left as it was


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("de", "de"),
        ("fr;q=0.9, ar;q=0.5, de;q=0.8", "de"),
        ("ar-EG, de;q=0.9", "ar"),
        ("de;q=0, ar;q=0.1", "ar"),  # q=0 means "not this one"
        ("fr, es", "ar"),  # nothing fits: the run's language
        ("", "ar"),
        ("*", "ar"),
        ("de;q=bogus, en;q=0.5", "en"),  # an unreadable quality counts as 0
    ],
)
def test_accept_language_quality_values_choose_among_the_templates_languages(header, expected):
    assert tdl.negotiate_language(car_check(), header, default="ar") == expected


def test_a_run_language_must_be_one_of_the_templates():
    assert tdl.language_choice_problem(car_check(), "de") is None
    assert (
        tdl.language_choice_problem(car_check(), "fr")
        == "must be one of the template's languages: en, de, ar"
    )


def test_counts_per_language_for_the_editor():
    assert tdl.translation_counts(car_check()) == {"de": (4, 14), "ar": (2, 14)}


@pytest.mark.parametrize("file_format", files.FORMATS)
def test_files_round_trip_byte_for_byte_when_nothing_changed(file_format):
    template = tdl.normalize_template(tdl.validate_template(car_check()))
    exported = files.export_file(template, "de", file_format, original="t-1")
    targets = files.read_file(exported, file_format)
    assert targets["name"] == "Autocheck" and targets["description"] == ""
    entries = {key: text for key, text in targets.items() if text}
    again = files.export_file(
        {**template, "translations": {"de": entries}}, "de", file_format, original="t-1"
    )
    assert again == exported


def test_xliff_is_xliff_1_2_with_the_key_as_each_units_id():
    template = tdl.normalize_template(tdl.validate_template(car_check()))
    text = files.export_file(template, "ar", "xliff", original="t-1").decode()
    assert 'xmlns="urn:oasis:names:tc:xliff:document:1.2"' in text and 'version="1.2"' in text
    assert 'source-language="en" target-language="ar"' in text
    assert '<trans-unit id="name" xml:space="preserve">' in text and "فحص السيارة" in text
    assert files.xliff_target_language(text.encode()) == "ar"


def test_csv_has_the_three_columns_and_quotes_what_needs_it():
    template = tdl.normalize_template(
        tdl.validate_template(car_check(translations={"de": {"s-tyre.hint": 'Alle "vier",\nbitte'}}))
    )
    data = files.export_file(template, "de", "csv")
    assert data.startswith("\ufeffkey,source,target\r\n".encode())
    assert files.read_file(data, "csv")["s-tyre.hint"] == 'Alle "vier",\nbitte'


@pytest.mark.parametrize(
    ("data", "file_format", "message"),
    [
        (b"<xliff", "xliff", "not well-formed XML"),
        (b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>', "xliff", "not XLIFF 1.2"),
        (
            b'<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>',
            "xliff",
            "not well-formed XML",  # DTDs and entities are refused
        ),
        (b"\xff\xfe", "csv", "not UTF-8"),
        (b"id,text\r\n", "csv", "key,source,target"),
        (b"key,source,target\r\nname,Car\r\n", "csv", "row 2 has 2 cells"),
        (b"key,source,target\r\nname,a,b\r\nname,a,c\r\n", "csv", "appears twice"),
    ],
)
def test_unreadable_files_say_why(data, file_format, message):
    with pytest.raises(files.TranslationFileError, match=message):
        files.read_file(data, file_format)


# -- re-basing on another language (the library opened in the designer's language) ----------------------
def normalized(body: dict) -> dict:
    return tdl.normalize_template(tdl.validate_template(body))


def test_rebasing_puts_a_language_first_and_keeps_every_other_text():
    from server.tdl.languages import rebase_template

    source = normalized(car_check())
    german = rebase_template(source, "de")
    assert german["languages"] == ["de", "en", "ar"]
    texts = tdl.template_texts(source)
    # Its own texts in German where German has them, else still the English (German's fallback as before).
    resolved = tdl.resolve_template(source, "de")
    assert {k: t.source for k, t in tdl.template_texts(german).items()} == {
        k: t.source for k, t in tdl.template_texts(resolved).items()
    }
    # English keeps exactly the texts that German had: the rest read the same from the plain fields.
    assert german["translations"]["en"] == {k: texts[k].source for k in source["translations"]["de"]}
    assert german["translations"]["ar"] == source["translations"]["ar"] and "de" not in german["translations"]
    assert tdl.resolve_template(german, "en") == tdl.resolve_template(source, "en")
    assert normalized(german) == german  # it validates and is already in normal form
    assert rebase_template(german, "en") == source  # and back again, nothing lost
    assert rebase_template(source, "en") == source  # on its own first language: the same


def test_rebasing_on_a_language_with_no_texts_yet_and_back():
    from server.tdl.languages import rebase_template

    source = normalized(car_check(languages=["en", "de", "ar", "es"]))
    spanish = rebase_template(source, "es")
    assert spanish["languages"] == ["es", "de", "ar", "en"] and spanish["name"] == "Car check"
    assert "en" not in spanish["translations"]
    assert rebase_template(spanish, "en") == source
    with pytest.raises(ValueError):
        rebase_template(source, "fr")
