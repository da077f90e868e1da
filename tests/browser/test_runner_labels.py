"""Small words: a step's heading reads "Boiler kind required" to a screen reader (it read "Boiler kindrequired"),
and a date the step does not take is refused with its limit written as the page writes dates (it was ISO,
"2020-01-01", broken at its hyphen on a phone)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import run_in, start_run
from tests.browser.templates import EVERY_TYPE

DATED = {
    "name": "Dated",
    "sections": [
        {
            "id": "g-one",
            "title": "Service",
            "steps": [
                {"id": "s-day", "type": "date", "label": "Last service", "config": {"min": "2020-01-01"}},
            ],
        }
    ],
}


def test_a_steps_name_keeps_its_label_and_its_badge_apart(live, phone):
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    expect(page.get_by_role("radiogroup", name="Boiler kind required", exact=True)).to_have_count(1)
    expect(page.get_by_role("group", name="Parts checked required", exact=True)).to_have_count(1)


def test_a_dates_limit_is_said_as_the_page_writes_dates(live, browser):
    for locale, said in (
        ("en-US", "Not accepted: must be on or after Jan 1, 2020"),
        ("de-DE", "Nicht angenommen: darf nicht vor dem 01.01.2020 liegen"),
    ):
        with run_in(live, browser, DATED, locale) as (_run_id, _context, page):
            page.locator("#s-day-input").fill("2019-05-01")
            page.locator("#s-day-input").blur()
            expect(page.locator("#s-day-problem")).to_have_text(said)
