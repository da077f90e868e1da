"""The language picked before Start is the checklist's too: the open asks for it first (Accept-Language), and the
server resolves the template to it when the template has it (SPEC §15). The picker changed only the runner's
words: the checklist came in the browser's language, German buttons around English questions."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import phone_in, start_run, wait_for

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


def test_the_checklist_follows_a_language_switched_after_start(live, browser):
    """The switch after Start changed the runner's words only: German buttons around the English questions it
    had opened with. The checklist follows it now where the template has the language, kept on the phone for a
    reload and for offline; where it cannot, a line beside the switch says in which language it stays. The
    run's `language` on the server stays the dispatch's (SPEC §15: the open only resolves the template)."""
    run_id = live.dispatch(BILINGUAL, webhook=False)
    with phone_in(browser, "en-GB") as context:
        page = start_run(live, context, run_id)
        label, note = page.locator("#s-ok-label"), page.locator("#checklist-language")
        expect(label).to_contain_text("Is everything fine?")
        page.locator("#s-ok input[value='true']").check()
        page.select_option("#language", "de")
        expect(label).to_contain_text("Ist alles in Ordnung?")
        expect(page.locator("[data-section='g-one'] h2")).to_have_text("Prüfungen")
        expect(page.locator("header h1")).to_have_text("Kesselprüfung")
        expect(
            page.locator("#s-ok input[value='true']")
        ).to_be_checked()  # the answer is the step's, whatever the words
        expect(note).to_be_hidden()
        assert live.org.get(f"/v1/runs/{run_id}").json()["language"] == "en"
        page.reload()
        expect(label).to_contain_text("Ist alles in Ordnung?")
        context.set_offline(True)
        page.select_option("#language", "en")  # kept on the phone: no network needed to switch back
        expect(label).to_contain_text("Is everything fine?")
        page.select_option("#language", "es")  # the template has no Spanish
        expect(note).to_have_text("Esta lista no está disponible en español: sus pasos siguen en inglés.")
        expect(label).to_contain_text("Is everything fine?")
        page.select_option("#language", "de")
        expect(label).to_contain_text("Ist alles in Ordnung?")
        expect(note).to_be_hidden()
        context.set_offline(False)
        wait_for(
            lambda: page.locator("#sync-status").get_attribute("data-waiting") == "0", what="the answer sent"
        )
        answer = live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-ok"]
        assert answer["value"] is True


def test_a_language_switched_offline_is_fetched_once_the_network_returns(live, browser):
    run_id = live.dispatch(BILINGUAL, webhook=False)
    with phone_in(browser, "en-GB") as context:
        page = start_run(live, context, run_id)
        context.set_offline(True)
        page.select_option("#language", "ar")  # not in the template: said at once, online or not
        expect(page.locator("#checklist-language")).to_have_text(
            "لا تتوفر قائمة التحقق هذه باللغة العربية: تبقى خطواتها باللغة الإنجليزية."
        )
        page.select_option("#language", "de")
        expect(page.locator("#checklist-language")).to_have_text(
            "Die Fassung dieser Checkliste auf Deutsch braucht das Netz: bis dahin bleiben ihre Schritte auf Englisch."
        )
        expect(page.locator("#s-ok-label")).to_contain_text("Is everything fine?")
        context.set_offline(False)
        expect(page.locator("#s-ok-label")).to_contain_text("Ist alles in Ordnung?")
        expect(page.locator("#checklist-language")).to_be_hidden()


def test_the_links_language_is_the_runners_and_the_checklists(live, browser):
    """The dispatcher's link carries the run's language (`?lang=de`, README: honoured before Accept-Language).
    The page's name came in German, but the runner's words and the checklist opened in the phone's English."""
    run_id = live.dispatch(BILINGUAL, webhook=False)
    with phone_in(browser, "en-GB") as context:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}?lang=de")
        expect(page.locator("header h1")).to_have_text("Kesselprüfung")
        expect(page.locator("#start")).to_have_text("Checkliste starten")
        page.click("#start")
        expect(page.locator("#s-ok-label")).to_contain_text("Ist alles in Ordnung?")
        expect(page.locator("[data-section='g-one'] h2")).to_have_text("Prüfungen")
        expect(page.locator("#complete")).to_have_text("Checkliste abschließen")
        page.select_option("#language", "en")  # the person's own choice still comes first
        expect(page.locator("#s-ok-label")).to_contain_text("Is everything fine?")
        page.reload()
        expect(page.locator("#s-ok-label")).to_contain_text("Is everything fine?")
