"""The runner speaks the person's language (SPEC §15): its words come from one table per language (en, es,
de, ar), chosen from the browser's languages with a switch in the page; the language sets <html lang dir>, and
numbers follow the locale."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from server.api.runner_assets import VERSION
from tests.browser.actions import phone_in, run_in
from tests.browser.conftest import PHONE, WAIT_MS
from tests.browser.templates import EVERY_TYPE, PHOTOS_ONLY
from tests.support import conformance

IN_LANGUAGE = """async ([version, tag]) => {
  const strings = await import(`/r/static/${version}/strings.js`);
  strings.useLanguage(tag);
  const html = document.documentElement;
  return [html.lang, html.dir, strings.t("waiting_photos", { n: 1200, mb: 1.5 })];
}"""


def test_the_runs_language_sets_lang_dir_and_number_format(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    expect(page.locator("#progress-text")).to_have_text("0 of 4 done")
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == [
        "en-US",  # the browser's own English
        "ltr",
    ]
    assert page.evaluate(IN_LANGUAGE, [VERSION, "de-DE"]) == [
        "de-DE",
        "ltr",
        "Zu sendende Fotos: 1.200 (1,5 MB)",  # German words, German numbers
    ]
    assert page.evaluate(IN_LANGUAGE, [VERSION, "ar"])[:2] == ["ar", "rtl"]
    assert page.evaluate(IN_LANGUAGE, [VERSION, "he-IL"])[:2] == ["he-IL", "rtl"]
    assert page.evaluate(IN_LANGUAGE, [VERSION, "not a tag!"]) == [
        "en",
        "ltr",
        "1,200 photos (1.5 MB) waiting to be sent",
    ]


COUNTED = """async ([version, tag, key, counts]) => {
  const strings = await import(`/r/static/${version}/strings.js`);
  strings.useLanguage(tag);
  return counts.map((n) => strings.t(key, { n, places: n, mb: 0.5, max: 4, message: "x" }));
}"""


def test_english_counts_take_their_plural_form_and_other_languages_keep_their_own(live, phone):
    """One thing is singular and two are plural ("1 change", "2 changes"; the runner said "1 change(s)");
    English's forms hold under a page whose own table lacks the key, and Spanish says its "Label: n"."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    counted = lambda tag, key: page.evaluate(COUNTED, [VERSION, tag, key, [1, 2, 0]])
    assert counted("en", "waiting") == [
        "1 change waiting to be sent",
        "2 changes waiting to be sent",
        "0 changes waiting to be sent",
    ]
    assert counted("en", "waiting_photos")[:2] == [
        "1 photo (0.5 MB) waiting to be sent",
        "2 photos (0.5 MB) waiting to be sent",
    ]
    assert counted("en", "failed")[:2] == [
        "1 change refused by the server, kept here until you change it: x",
        "2 changes refused by the server, kept here until you change them: x",
    ]
    assert counted("en", "expect_places")[:2] == ["At most 1 decimal place.", "At most 2 decimal places."]
    assert counted("en-GB", "photos_too_many")[0].startswith("1 photo not added: this step takes 4 at most")
    assert counted("es", "waiting")[:2] == [
        "Cambios pendientes de envío: 1",
        "Cambios pendientes de envío: 2",
    ]
    for tag in ("en", "es", "de", "ar"):
        assert not any("(s)" in text or "[object" in text for text in counted(tag, "waiting_signatures"))


def test_the_runner_speaks_the_browsers_language_and_switches_to_arabic_right_to_left(live, browser):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    context = browser.new_context(**{**PHONE, "locale": "de-DE"})  # navigator.languages and Accept-Language
    context.set_default_timeout(WAIT_MS)
    try:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        expect(page.locator("#start")).to_have_text("Checkliste starten")
        expect(page.locator("[data-facts]")).to_contain_text(
            "hat Ihnen eine Checkliste mit 4 Schritten gesendet"
        )
        expect(page.locator("p.desktop a")).to_have_text(
            "An einem Computer mit Rundun Desktop? In Rundun öffnen"
        )
        assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == [
            "de-DE",  # the browser's regional form of the language: its dates and numbers
            "ltr",
        ]
        expect(page.locator("#language")).to_have_value("de")
        page.click("#start")
        expect(page.locator("#progress-text")).to_have_text("0 von 4 erledigt")
        # A yes/no step without labels of its designer's: tdl's English defaults, said in the page's words.
        expect(page.locator("[aria-labelledby='s-flag-label'] label.choice")).to_have_text(["Ja", "Nein"])
        page.select_option("#language", "ar")
        expect(page.locator("#complete")).to_have_text("إكمال قائمة التحقق")
        assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == [
            "ar",
            "rtl",
        ]
        expect(page.locator("#language")).to_have_attribute("aria-label", "اللغة")
        page.screenshot(path="/tmp/rundun-i18n/runner-ar.png", full_page=True)
        page.reload()  # the choice is kept on this device
        expect(page.locator("#complete")).to_have_text("إكمال قائمة التحقق")
        assert page.evaluate("() => document.documentElement.dir") == "rtl"
    finally:
        context.close()


def test_yes_and_no_are_said_in_the_checklists_language_on_a_page_in_another(live, phone):
    """A checklist in German on an English page said "Yes"/"No" among its German steps; the page's own words
    stay English. The desktop's Executor says them so too."""
    german = {**PHOTOS_ONLY, "name": "Baustellenfotos", "languages": ["de"]}
    run_id = live.dispatch(german, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    expect(page.locator("[aria-labelledby='s-flag-label'] label.choice")).to_have_text(["Ja", "Nein"])
    expect(page.locator("#progress-text")).to_have_text("0 of 4 done")  # the page's


# The answer checks and completion problems of rules.js, in the page's language: (locale, what the phone shows
# for 7 bar over a max of 4 (and what it takes), for 7.25 bar (two problems, joined as the language joins them; the
# decimals not said twice), for 21 characters over a max_length of 20, and for completing with 'Pressure' holding
# those 7 bar, which are not saved). The English words (rules.js's `message`, the server's) must not be there.
IN_WORDS = [
    (
        "de-DE",
        "Nicht angenommen: darf höchstens 4 sein. Geben Sie eine Zahl von 0 bis 4 ein. Nachkommastellen: höchstens 1.",
        "Nicht angenommen: darf höchstens 4 sein; Nachkommastellen: höchstens 1. Geben Sie eine Zahl von 0 bis 4 ein.",
        "Nicht angenommen: zu lang: höchstens 20 Zeichen",
        # the label isolated (FSI…PDI)
        "„\u2068Pressure\u2069“: Die Eingabe dort wird nicht gespeichert. Geben Sie eine Zahl von 0 bis 4 ein.",
    ),
    (
        "ar",
        "غير مقبول: يجب ألا تزيد على 4. أدخل رقمًا من 0 إلى 4. المنازل العشرية: 1 على الأكثر.",
        "غير مقبول: يجب ألا تزيد على 4؛ المنازل العشرية: 1 على الأكثر. أدخل رقمًا من 0 إلى 4.",  # Arabic's ؛
        "غير مقبول: طويلة جدًا: الحد الأقصى لعدد الأحرف 20",
        "«\u2068Pressure\u2069»: ما كُتب هناك لا يُحفظ. أدخل رقمًا من 0 إلى 4.",  # and so it reads right to left
    ),
]


@pytest.mark.parametrize(("tag", "over_max", "two_problems", "too_long", "held"), IN_WORDS)
def test_answer_checks_and_completion_problems_speak_the_pages_language(
    live, browser, tag, over_max, two_problems, too_long, held
):
    with run_in(live, browser, EVERY_TYPE, tag) as (_run_id, _context, page):
        page.locator("#s-bar-input").fill("7.25")
        page.locator("#s-bar-input").blur()
        expect(page.locator('[data-problem="s-bar"]')).to_have_text(two_problems)
        page.locator("#s-bar-input").fill("7")
        page.locator("#s-bar-input").blur()
        expect(page.locator('[data-problem="s-bar"]')).to_have_text(over_max)
        # The field stops a keyboard at 20 characters, but a value can still come past it (a script, an
        # autofill): the rule is the check, so put one there as a change with no typing.
        page.locator("#s-note-input").evaluate(
            "input => { input.value = 'SN-' + '0'.repeat(18); input.dispatchEvent(new Event('change')); }"
        )
        expect(page.locator('[data-problem="s-note"]')).to_have_text(too_long)
        page.locator("#complete").click()
        missing = page.locator("#missing")
        expect(missing.locator("a", has_text=held)).to_have_count(1)
        for english in ("must be", "needs an answer", "'Pressure'"):
            assert english not in page.locator("body").inner_text()
        expect(missing.locator("li")).to_have_count(11)  # ten steps and the run's signature
        page.select_option("#language", "es")  # the switch says them again in the new language
        held = "«\u2068Pressure\u2069»: lo que está escrito ahí no se guarda. Escribe un número de 0 a 4."
        expect(missing.locator("a", has_text=held)).to_have_count(1)


EVERY_CODE = r"""async ([version, vectors]) => {
  const base = `/r/static/${version}`;
  const rules = await import(`${base}/rules.js`);
  const strings = await import(`${base}/strings.js`);
  const source = await (await fetch(`${base}/rules.js`)).text();
  const calls = source.match(/\bsay\(/g).length - 1;  // less its definition
  const written = [...source.matchAll(/\bsay\("(\w+)"/g)].map((m) => m[1]);
  const emitted = new Set();
  const problems = [];
  for (const v of vectors.states) {
    problems.push(...rules.completionProblems(vectors.templates[v.template], v.answers, v.has_signature));
  }
  for (const v of vectors.checks) {
    problems.push(...rules.checkAnswer(vectors.templates[v.template], v.step_id, v.value, { skipped: v.skipped, geo: v.geo }));
  }
  for (const p of problems) emitted.add(p.code);
  const languages = Object.keys(strings.LANGUAGES).filter((tag) => tag !== "en");
  const untranslated = [];
  const unfilled = [];
  for (const tag of languages) {
    for (const code of [...rules.PROBLEM_CODES, "not_skippable"]) {
      if (!strings.hasProblemText(tag, code)) untranslated.push(`${tag}:${code}`);
    }
    strings.useLanguage(tag);
    for (const p of problems) {
      const said = strings.describeProblem(p);
      if (said === p.message || /\{\w+\}/.test(said)) unfilled.push(`${tag}: ${said}`);
    }
  }
  return { calls, literal: written.length, written: [...new Set(written)].sort(), listed: [...rules.PROBLEM_CODES].sort(),
    emitted: [...emitted].sort(), languages, untranslated, unfilled: [...new Set(unfilled)].slice(0, 20) };
}"""


def test_every_problem_code_rules_js_can_emit_is_translated_in_every_language(live, phone):
    page = phone.new_page()
    page.goto(f"{live.url}/v1/health")
    got = page.evaluate(EVERY_CODE, [VERSION, conformance.vectors()])
    assert got["calls"] == got["literal"] > 0  # every say() names its code as a literal, which is walked here
    assert got["written"] == got["listed"]  # every say("code") in rules.js is in PROBLEM_CODES, and back
    assert set(got["emitted"]) <= set(got["listed"]) and None not in got["emitted"]
    assert {"es", "de", "ar"} <= set(got["languages"])
    assert got["untranslated"] == []
    assert got["unfilled"] == []  # every problem of every vector said in each language, its params filled in


EVERY_WORD = """async (version) => {
  const strings = await import(`/r/static/${version}/strings.js`);
  return Object.keys(strings.LANGUAGES).map((tag) => [tag, strings.untranslated(tag)]);
}"""


def test_every_word_of_the_runner_is_in_every_language(live, phone):
    page = phone.new_page()
    page.goto(f"{live.url}/v1/health")
    assert page.evaluate(EVERY_WORD, VERSION) == [["en", []], ["es", []], ["de", []], ["ar", []]]


PHOTO_COUNTS = {
    "name": "Parking",
    "sections": [
        {
            "id": "g-one",
            "title": "Spot",
            "steps": [
                {"id": "s-plate", "type": "photo", "label": "Number plate", "config": {"min": 1, "max": 1}},
                {"id": "s-wide", "type": "photo", "label": "Around the car", "config": {"min": 2, "max": 3}},
                {"id": "s-ok", "type": "boolean", "label": "Parked well?", "photo": {"min": 0, "max": 2}},
            ],
        }
    ],
}
# What each step says it holds, by language: a step that takes exactly one said "0 of 1–1 photos".
COUNTED_PHOTOS = [
    ("en-GB", ["0 of 1 photo", "0 of 2–3 photos", "0 of at most 2 photos"]),
    ("de-DE", ["0 von 1 Foto", "0 von 2–3 Fotos", "0 von höchstens 2 Fotos"]),
    ("ar", ["الصور: 0 من 1", "0 من 2–3 صور", "الصور: 0 من 2 على الأكثر"]),  # the digits Intl writes for "ar"
]


@pytest.mark.parametrize(("tag", "said"), COUNTED_PHOTOS)
def test_a_steps_photo_count_reads_as_the_language_says_it(live, browser, tag, said):
    with run_in(live, browser, PHOTO_COUNTS, tag) as (_run_id, _context, page):
        counts = page.locator("[data-photo-count]")
        expect(counts).to_have_text(said)


@pytest.mark.parametrize(
    ("locale", "written"),
    [
        ("en-GB", r"\b\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\b"),  # 9 Dec 2026, 08:30
        ("en-US", r"\b[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M\b"),  # Dec 9, 2026, 8:30 AM
    ],
)
def test_dates_follow_the_browsers_region_of_the_language(live, browser, locale, written):
    """A British phone read the link's expiry the American way ("Dec 9, 2026, 8:30 AM"): the page spoke
    plain "en". It speaks the browser's "en-GB" now, its words English's, its dates British."""
    r = live.org.post("/v1/templates", json=PHOTOS_ONLY)
    body = {"template_id": r.json()["id"], "expires_in_hours": 1}
    run = live.org.post("/v1/runs", json=body).json()
    expires = run["expires_at"]
    with phone_in(browser, locale) as context:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run['run_id']}")
        expect(page.locator("#start")).to_have_text("Start the checklist")
        shown = page.evaluate(
            "([iso, tag]) => new Intl.DateTimeFormat(tag, {dateStyle: 'medium', timeStyle: 'short'})"
            ".format(new Date(iso))",
            [expires, locale],
        )
        expect(page.locator("[data-facts]")).to_contain_text(shown)
        assert re.search(written, shown.replace("\u202f", " ")), shown
        assert page.evaluate("() => document.documentElement.lang") == locale
        page.select_option("#language", "en")  # chosen in the switch: still the browser's region
        expect(page.locator("[data-facts]")).to_contain_text(shown)
        assert page.evaluate("() => document.documentElement.lang") == locale
