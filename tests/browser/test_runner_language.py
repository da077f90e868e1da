"""The runner speaks the person's language (SPEC §15): its words come from one table per language (en, es,
de, ar), chosen from the browser's languages with a switch in the page; the language sets <html lang dir>, and
numbers follow the locale."""

from __future__ import annotations

from playwright.sync_api import expect

from server.api.runner_assets import VERSION
from tests.browser.conftest import PHONE, WAIT_MS
from tests.browser.templates import PHOTOS_ONLY

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
        "en",
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
        "1,200 photo(s) (1.5 MB) waiting to be sent",
    ]


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
            "de",
            "ltr",
        ]
        expect(page.locator("#language")).to_have_value("de")
        page.click("#start")
        expect(page.locator("#progress-text")).to_have_text("0 von 4 erledigt")
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
