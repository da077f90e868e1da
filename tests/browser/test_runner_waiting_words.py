"""A run completed offline is sent only while its page is open: a phone that closed the tab and came back online
sent nothing until the link was opened again, while the page had said only "Come back online". The waiting
screen and the status bar's details say to open the link again, in every language of the runner."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import run_in

ONE_QUESTION = {
    "name": "One question",
    "sections": [
        {
            "id": "g-one",
            "title": "Checks",
            "steps": [{"id": "s-ok", "type": "boolean", "label": "All good?", "config": {}}],
        }
    ],
}
OPEN_AGAIN = {
    "en": "open this link again",
    "es": "vuelve a abrir este enlace",
    "de": "öffnen Sie diesen Link erneut",
    "ar": "افتح هذا الرابط مرة أخرى",
}


def test_completed_offline_says_to_open_the_link_again_once_online(live, browser):
    with run_in(live, browser, ONE_QUESTION, "en-GB") as (_run_id, context, page):
        context.set_offline(True)
        page.locator("#s-ok input[value='true']").check()
        page.locator("#sync-more").click()
        expect(page.locator("#sync-details")).to_contain_text(OPEN_AGAIN["en"])
        page.locator("#complete").click()
        expect(page.locator("#done-title")).to_have_text("Completed on this phone, not sent yet")
        for language, words in OPEN_AGAIN.items():
            page.select_option("#language", language)
            expect(page.locator("#done-body")).to_contain_text(words)
