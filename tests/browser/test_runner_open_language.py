"""The language picked before Start is the checklist's too: the open asks for it first (Accept-Language), and the
server resolves the template to it when the template has it (SPEC §15). The picker changed only the runner's
words: the checklist came in the browser's language, German buttons around English questions."""

from __future__ import annotations

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


def test_deutsch_picked_before_start_opens_the_checklist_in_german(live, browser):
    run_id = live.dispatch(BILINGUAL, webhook=False)
    with phone_in(browser, "en-GB") as context:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        page.select_option("#language", "de")
        page.click("#start")
        expect(page.locator("#s-ok-label")).to_contain_text("Ist alles in Ordnung?")
        expect(page.locator("[data-section='g-one'] h2")).to_have_text("Prüfungen")
        page.reload()  # the checklist kept on the phone is the German one
        expect(page.locator("#s-ok-label")).to_contain_text("Ist alles in Ordnung?")


def test_a_browser_in_german_that_picks_english_opens_the_checklist_in_english(live, browser):
    run_id = live.dispatch(BILINGUAL, webhook=False)
    with phone_in(browser, "de-DE") as context:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        page.select_option("#language", "en")
        page.click("#start")
        expect(page.locator("#s-ok-label")).to_contain_text("Is everything fine?")
