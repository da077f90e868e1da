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


LONG_OPTIONS = {
    "name": "Long options",
    "sections": [
        {
            "id": "g-one",
            "title": "State",
            "steps": [
                {
                    "id": "s-kind",
                    "type": "choice",
                    "label": "What did you find?",
                    "config": {
                        "options": [
                            {
                                "id": "o-long",
                                "label": "The boiler was reachable, but its front panel was held by two screws "
                                "that had rusted in place and could not be undone without a new tool",
                            },
                            {"id": "o-short", "label": "Fine"},
                        ]
                    },
                },
                {
                    "id": "s-parts",
                    "type": "multi_choice",
                    "label": "Parts",
                    "config": {
                        "options": [
                            {
                                "id": "o-word",
                                "label": "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen",
                            },
                            {"id": "o-pump", "label": "Pump"},
                        ]
                    },
                },
            ],
        }
    ],
}

CHOICES_LAID_OUT = """() => [...document.querySelectorAll("label.choice")].map((label) => {
  const card = label.closest(".step").getBoundingClientRect();
  const box = label.querySelector("input").getBoundingClientRect();
  const own = label.getBoundingClientRect();
  return { control: [Math.round(box.width), Math.round(box.height)],
    inside: own.left >= card.left - 0.5 && own.right <= card.right + 0.5,
    lines: Math.round(label.querySelector("span").getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight)) };
})"""


def test_a_long_option_label_wraps_and_its_control_keeps_its_size(live, browser):
    """A long option's label squeezed its radio button or checkbox to a sliver, and one long word pushed the option
    past the card's edge on a small phone."""
    for width, height, tag in ((320, 568, "en-US"), (393, 851, "en-US"), (320, 568, "ar")):
        viewport = {"width": width, "height": height}
        with run_in(live, browser, LONG_OPTIONS, tag, viewport=viewport) as (_run_id, _context, page):
            choices = page.evaluate(CHOICES_LAID_OUT)
            assert [c["control"] for c in choices] == [[20, 20]] * 4, (width, tag, choices)
            assert all(c["inside"] for c in choices), (width, tag, choices)
            assert choices[0]["lines"] >= 3 and choices[2]["lines"] >= 2, (width, tag, choices)  # they wrap
            assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
            page.screenshot(path=f"/tmp/rundun-phone/long-options-{width}-{tag}.png", full_page=True)
