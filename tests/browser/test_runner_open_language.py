"""The language picked before Start is the checklist's too: the open asks for it first (Accept-Language), and the
server resolves the template to it when the template has it (SPEC §15). The picker changed only the runner's
words: the checklist came in the browser's language, German buttons around English questions."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import phone_in

BILINGUAL = {
    "name": "Boiler check",
    "languages": ["en", "de"],
    "translations": {
        "de": {"name": "Kesselprüfung", "g-one.title": "Prüfungen", "s-ok.label": "Ist alles in Ordnung?"}
    },
    "sections": [
        {
            "id": "g-one",
            "title": "Checks",
            "steps": [{"id": "s-ok", "type": "boolean", "label": "Is everything fine?", "config": {}}],
        }
    ],
}


@pytest.mark.parametrize(
    ("browser_locale", "picked", "label", "title", "name"),
    [
        ("en-GB", "de", "Ist alles in Ordnung?", "Prüfungen", "Kesselprüfung"),  # Deutsch on an English phone
        ("de-DE", "en", "Is everything fine?", "Checks", "Boiler check"),  # English on a German phone
    ],
)
def test_the_language_picked_before_start_is_the_checklists(
    live, browser, browser_locale, picked, label, title, name
):
    run_id = live.dispatch(BILINGUAL, webhook=False)
    with phone_in(browser, browser_locale) as context:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        page.select_option("#language", picked)
        page.click("#start")
        expect(page.locator("#s-ok-label")).to_contain_text(label)
        expect(page.locator("[data-section='g-one'] h2")).to_have_text(title)
        expect(page.locator("header h1")).to_have_text(name)  # its name too (the page's stayed the run's)
        page.reload()  # the checklist kept on the phone is the one picked
        expect(page.locator("#s-ok-label")).to_contain_text(label)
        expect(page.locator("header h1")).to_have_text(name)
