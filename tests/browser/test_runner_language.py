"""The runner is ready for languages (SPEC §15; translations come with issue 25): its words come from one
table per locale (`en` only), the run's language sets <html lang dir>, and numbers follow the locale."""

from __future__ import annotations

from playwright.sync_api import expect

from server.api.runner_assets import VERSION
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
        "1.200 photo(s) (1,5 MB) waiting to be sent",  # no German table yet: English words, German numbers
    ]
    assert page.evaluate(IN_LANGUAGE, [VERSION, "ar"])[:2] == ["ar", "rtl"]
    assert page.evaluate(IN_LANGUAGE, [VERSION, "he-IL"])[:2] == ["he-IL", "rtl"]
    assert page.evaluate(IN_LANGUAGE, [VERSION, "not a tag!"]) == [
        "en",
        "ltr",
        "1,200 photo(s) (1.5 MB) waiting to be sent",
    ]
