"""The library in the reader's language (SPEC §12, §15): each template's translation files merged when it loads
(a bad one stops the load, as a bad template does), the list in the language asked for, and a template
re-based on it, ready to save with every language kept. The expected words come from the translation files
themselves, never written here: the translators change them."""

from __future__ import annotations

import json
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import httpx
import pytest

from server.services.library import library_dir, load_library
from server.tdl import TdlError, template_texts, validate_template
from server.tdl.languages import rebase_template
from tests.support.samples import minimal

ROOT = Path(__file__).resolve().parents[2]
TAG = "de"
SLUG = "forklift-pre-shift"


def shipped(slug: str, tag: str = TAG) -> dict[str, str]:
    """The library's own translation of `slug` into `tag`, as its translator wrote it."""
    return json.loads((library_dir() / "translations" / tag / f"{slug}.json").read_text(encoding="utf-8"))


def english(slug: str) -> dict:
    return json.loads((library_dir() / f"{slug}.json").read_text(encoding="utf-8"))


# -- loading ---------------------------------------------------------------------------------------------
def small_library(tmp_path: Path, translations: dict[str, dict]) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "quick-check.json").write_text(json.dumps(minimal("Quick check")), encoding="utf-8")
    for tag, entries in translations.items():
        (folder / "translations" / tag).mkdir(parents=True)
        (folder / "translations" / tag / "quick-check.json").write_text(json.dumps(entries), encoding="utf-8")
    return folder


def test_a_templates_translation_files_are_merged_as_it_loads(tmp_path) -> None:
    german = {"name": "Schnellprüfung", "g-1.title": "Haupt", "s-1.label": "Alles gut?"}
    arabic = {"name": "فحص سريع"}
    (entry,) = load_library(small_library(tmp_path, {"de": german, "ar": arabic}))
    assert entry.template["languages"] == ["en", "ar", "de"]
    assert entry.template["translations"] == {"de": german, "ar": arabic}
    assert entry.template["name"] == "Quick check"  # English stays the first language
    validate_template(entry.template)
    assert entry.summary("de")["name"] == "Schnellprüfung" and entry.summary("ar")["description"] == ""
    assert entry.untranslated()["translations"] == {} and entry.untranslated()["languages"] == ["en"]


@pytest.mark.parametrize(
    "entries",
    [
        {"name": "Schnellprüfung", "s-gone.label": "Weg?"},  # a key that names nothing in the template
        {"name": ""},  # an empty text
        {"name": "x" * 201},  # over the name's limit
        ["not", "a", "table"],
    ],
)
def test_a_bad_translation_file_stops_the_library_loading(tmp_path, entries) -> None:
    with pytest.raises(TdlError) as caught:
        load_library(small_library(tmp_path, {"de": entries}))
    assert any(d["path"].startswith("translations.de") for d in caught.value.details), caught.value.details
    assert "quick-check.json" in " ".join(caught.value.__notes__)  # which template to mend


def test_a_translation_of_no_template_stops_the_library_loading(tmp_path) -> None:
    folder = small_library(tmp_path, {})
    (folder / "translations" / "de").mkdir(parents=True)
    (folder / "translations" / "de" / "quick-chek.json").write_text('{"name": "Schnell"}', encoding="utf-8")
    with pytest.raises(ValueError, match="quick-chek.json"):
        load_library(folder)


@pytest.mark.parametrize("entry", load_library(), ids=lambda entry: entry.slug)
def test_each_template_rebased_on_each_of_its_languages_validates_and_comes_back(entry) -> None:
    for tag in entry.languages[1:]:
        rebased = entry.in_language(tag)
        assert rebased["languages"][0] == tag and rebased["name"] == entry.text_in(tag, "name")
        validate_template(rebased)
        assert rebase_template(rebased, "en") == entry.template, tag


def test_the_translations_ship_in_the_package() -> None:
    """The wheel's package data (setup.py maps `rundun_resources` onto `resources/`) takes them along; the
    PyInstaller bundle takes the whole `resources/` folder."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    path = f"library/translations/{TAG}/{SLUG}.json".split("/")

    def takes(pattern: str) -> bool:  # a package-data glob: `*` stays within one folder
        parts = pattern.split("/")
        return len(parts) == len(path) and all(fnmatch(p, g) for p, g in zip(path, parts, strict=True))

    assert any(takes(pattern) for pattern in patterns["rundun_resources"])
    assert '("resources", "rundun_resources")' in (ROOT / "build.spec").read_text()


# -- over the API, on the real server ----------------------------------------------------------------------
def found(http: httpx.Client, q: str, lang: str) -> list[str]:
    answer = http.get("/v1/library", params={"q": q, "lang": lang, "per_page": 200})
    assert answer.status_code == 200, answer.text
    return [row["slug"] for row in answer.json()["data"]]


def a_word_only_the_translation_has(http: httpx.Client) -> str:
    """A word of the template's name or description in `TAG` that an English search does not find it by."""
    texts = shipped(SLUG)
    words = f"{texts['name']} {texts.get('description', '')}".replace(",", " ").replace(".", " ").split()
    for word in sorted(set(words), key=len, reverse=True):
        if len(word) >= 5 and SLUG not in found(http, word, "en"):
            return word
    raise AssertionError(f"every word of {SLUG}'s {TAG} name and description finds it in English already")


def test_the_list_speaks_the_language_asked_for(server_process) -> None:
    server, key = server_process
    texts = shipped(SLUG)
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as http:
        answer = http.get(
            "/v1/library", params={"per_page": 200}, headers={"Accept-Language": f"{TAG}-AT, en"}
        )
        assert answer.status_code == 200
        assert answer.headers["content-language"] == TAG and "Accept-Language" in answer.headers["vary"]
        rows = {row["slug"]: row for row in answer.json()["data"]}
        assert rows[SLUG]["name"] == texts["name"] and rows[SLUG]["description"] == texts["description"]
        assert rows[SLUG]["languages"][0] == "en" and TAG in rows[SLUG]["languages"]
        names = [row["name"] for row in answer.json()["data"]]
        assert names == sorted(names, key=str.casefold)  # by the names the reader reads

        # `lang` wins over the header; English is English.
        asked = http.get("/v1/library", params={"lang": TAG}, headers={"Accept-Language": "en"})
        assert asked.headers["content-language"] == TAG
        assert texts["name"] in [row["name"] for row in asked.json()["data"]]
        plain = http.get(
            "/v1/library", params={"lang": "en", "per_page": 200}, headers={"Accept-Language": TAG}
        )
        assert plain.headers["content-language"] == "en"
        assert {row["slug"]: row["name"] for row in plain.json()["data"]}[SLUG] == english(SLUG)["name"]

        # A word of the translation finds the template in that language, and not in English.
        word = a_word_only_the_translation_has(http)
        assert SLUG in found(http, word, TAG)

        # Unknown and malformed languages are no error: Accept-Language's best match, else English.
        for lang, header, language in [
            ("xx", f"fr, {TAG};q=0.5", TAG),
            ("xx", None, "en"),
            ("!!;q=,,", "@@@, ;q=2", "en"),
            ("de-Latn-AT-x", None, TAG),
        ]:
            headers = {"Accept-Language": header} if header else {}
            answer = http.get("/v1/library", params={"lang": lang}, headers=headers)
            assert answer.status_code == 200 and answer.headers["content-language"] == language, (
                lang,
                header,
            )
        for bad in ("", "x" * 101):
            answer = http.get("/v1/library", params={"lang": bad})
            assert answer.status_code == 422 and answer.json()["error"] == "validation_error"
            answer = http.get(f"/v1/library/{SLUG}", params={"lang": bad})
            assert answer.status_code == 422 and answer.json()["error"] == "validation_error"


def test_a_template_rebased_on_the_language_saves_with_every_language(server_process) -> None:
    server, key = server_process
    texts = shipped(SLUG)
    source = english(SLUG)
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as http:
        whole = http.get(f"/v1/library/{SLUG}")
        assert whole.status_code == 200 and "content-language" not in whole.headers
        document = whole.json()
        assert document["languages"][0] == "en" and document["name"] == source["name"]
        assert document["translations"][TAG] == texts

        answer = http.get(f"/v1/library/{SLUG}", params={"lang": f"{TAG}-CH"})
        assert answer.status_code == 200 and answer.headers["content-language"] == TAG
        rebased = answer.json()
        assert rebased["languages"][0] == TAG and sorted(rebased["languages"]) == sorted(
            document["languages"]
        )
        assert rebased["name"] == texts["name"]
        first_step = rebased["sections"][0]["steps"][0]
        assert first_step["label"] == texts.get(f"{first_step['id']}.label", first_step["label"])
        assert rebased["translations"]["en"]["name"] == source["name"]
        validate_template(rebased)

        created = http.post("/v1/templates", json=rebased)
        assert created.status_code == 201, created.text
        saved = created.json()
        assert saved["languages"] == rebased["languages"] and saved["name"] == texts["name"]
        in_english = http.get(f"/v1/templates/{saved['id']}", params={"lang": "en"}).json()
        english_texts = {k: t.source for k, t in template_texts(source).items()}
        assert {k: t.source for k, t in template_texts(in_english).items()} == english_texts

        # English asked for, or a language the library lacks: the document as it is, English first.
        for lang in ("en", "xx", "!!,;q=x"):
            answer = http.get(f"/v1/library/{SLUG}", params={"lang": lang})
            assert answer.status_code == 200 and answer.headers["content-language"] == "en"
            assert answer.json() == document
        assert http.get("/v1/library/nope", params={"lang": TAG}).json()["error"] == "not_found"


def test_openapi_documents_the_library_languages(api) -> None:
    spec = api.get("/v1/openapi.json", auth=False).json()
    for path in ("/v1/library", "/v1/library/{slug}"):
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert {"lang", "Accept-Language"} <= names, path
    item = spec["components"]["schemas"]["LibraryItem"]
    assert "languages" in item["properties"]


@pytest.mark.parametrize("tag", ["de", "es", "ar"])
def test_every_library_template_is_whole_in_each_language_the_app_speaks(tag):
    """The desktop and the phone speak German, Spanish and Arabic: a library template opened in one of them
    reads in it from its name to its last option, with no English text left over."""
    for entry in load_library():
        texts = template_texts(entry.untranslated())
        missing = [key for key in texts if not entry.template["translations"].get(tag, {}).get(key)]
        assert tag in entry.languages and not missing, (entry.slug, missing[:5])


# Symbols an Arabic technician reads in Latin letters as the whole world does (SI units and the like).
INTERNATIONAL_SYMBOLS = {"°C", "%", "km", "V", "€", "m³", "mm", "mg/l", "kWh", "kW", "kWp", "Hz", "Pa", "pH"}
INTERNATIONAL_SYMBOLS |= {"mmHg", "lux", "CO2"}


def test_an_arabic_unit_or_option_is_in_arabic_unless_it_is_an_international_symbol():
    """An Arabic operator met "LPG" and "AHU" as choices, "h" and "min" after a number and, on the same chart,
    "نفس/دقيقة" for breathing beside "bpm" for the pulse: English abbreviations, not symbols."""
    arabic_letter, latin_letter = re.compile(r"[\u0600-\u06ff]"), re.compile(r"[A-Za-z]")
    english = []
    for entry in load_library():
        arabic = entry.template["translations"]["ar"]
        for key, text in template_texts(entry.untranslated()).items():
            if text.field == "unit" or text.owner == "option":
                said = arabic.get(key, "")
                latin = [word for word in said.split() if latin_letter.search(word)]  # "12 V": the "V"
                if not arabic_letter.search(said) and not set(latin) <= INTERNATIONAL_SYMBOLS:
                    english.append((entry.slug, key, said))
    assert not english
