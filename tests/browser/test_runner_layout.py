"""The runner's page laid out on a phone (393×851, 320×568) in each of its languages and in both directions: the
checklist's name on a line of its own under the brand and the language switch (in Arabic the switch sat beside
the name and squeezed its first line), and a signature pad's two buttons side by side where both fit, else each
as wide as the card (at 393 px they wrapped one under the other, each as wide as its words)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import run_in
from tests.browser.templates import EVERY_TYPE

SIZES = [(393, 851), (320, 568)]
LANGUAGES = ["en-GB", "de-DE", "es-ES", "ar"]
LONG_NAME = {**EVERY_TYPE, "name": "Heizungsprüfung Kellergeschoss Nordflügel"}
BOX = "(node) => { const r = node.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


def box(locator) -> tuple[float, float, float, float]:
    return tuple(locator.evaluate(BOX))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}px")
@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_checklists_name_has_a_line_of_its_own_under_the_language_switch(live, browser, locale, size):
    width, height = size
    viewport = {"viewport": {"width": width, "height": height}}
    with run_in(live, browser, LONG_NAME, locale, **viewport) as (_run_id, _context, page):
        expect(page.locator("header h1")).to_have_text(LONG_NAME["name"])
        header, switch = box(page.locator("header")), box(page.locator("#language"))
        brand, title = box(page.locator("header small")), box(page.locator("header h1"))
        assert switch[1] < brand[3] and brand[1] < switch[3]  # the brand and the switch share a row
        assert title[1] >= switch[3] and title[1] >= brand[3]  # the name below both
        assert title[0] == header[0] and title[2] == header[2]  # as wide as the page: nothing beside it
        assert header[0] <= switch[0] and switch[2] <= header[2]
        # The switch at the line's end, the brand at its start, in either direction.
        right_to_left = locale == "ar"
        assert (switch[0] == header[0]) if right_to_left else (switch[2] == header[2])
        assert (brand[2] == header[2]) if right_to_left else (brand[0] == header[0])


@pytest.mark.parametrize("size", [*SIZES, (720, 900)], ids=lambda s: f"{s[0]}px")
@pytest.mark.parametrize("locale", LANGUAGES)
def test_a_signature_pads_buttons_sit_side_by_side_or_each_as_wide_as_the_card(live, browser, locale, size):
    width, height = size
    viewport = {"viewport": {"width": width, "height": height}}
    with run_in(live, browser, EVERY_TYPE, locale, **viewport) as (_run_id, _context, page):
        for pad in ('[data-signature="s-sign"]', '[data-signature="_run"]'):
            row = page.locator(f"{pad} .row")
            row.scroll_into_view_if_needed()
            inside = box(row)
            clear, keep = (box(button) for button in row.locator("button").all())
            for button in (clear, keep):
                assert inside[0] <= button[0] and button[2] <= inside[2]  # within the card
            side_by_side = clear[1] == keep[1]
            if side_by_side:  # sharing the row, edge to edge
                assert min(clear[0], keep[0]) == inside[0] and max(clear[2], keep[2]) == inside[2]
            else:  # stacked: each as wide as the card
                assert clear[0] == keep[0] == inside[0] and clear[2] == keep[2] == inside[2]
            assert side_by_side == (width >= 720)  # where both fit (the page is 640 px at most)


@pytest.mark.parametrize("locale", ["en-GB", "ar"])
def test_what_completion_misses_starts_at_its_bullet_in_either_direction(live, browser, locale):
    """In Arabic each link of "Before you can complete" sat at the line's far left, away from its bullet on the
    right (a line that is only a link had no letter to take its direction from)."""
    with run_in(live, browser, EVERY_TYPE, locale) as (_run_id, _context, page):
        page.locator("#complete").click()
        items = page.locator("#missing li")
        expect(items).to_have_count(11)
        for k in range(11):
            line, link = box(items.nth(k)), box(items.nth(k).locator("a"))
            start = (line[2] - link[2]) if locale == "ar" else (link[0] - line[0])
            assert start < 1, (k, line, link)  # the link begins where the line does, beside its bullet


# The phone's page zoomed to 200 % (its browser's zoom, or text scaled for low vision): 393 px hold what
# 196 px of the page take. Nothing of the page may reach past the screen's edge (WCAG 1.4.10).
ZOOMED = {"viewport": {"width": 196, "height": 425}, "device_scale_factor": 5.5}
PAST_THE_EDGE = """() => [...document.querySelectorAll("body *")].filter((node) => {
  const r = node.getBoundingClientRect();
  return r.width && !node.closest("[hidden]") && (r.right > innerWidth + 0.5 || r.left < -0.5);
}).map((node) => `${node.id || node.className}: ${node.textContent.slice(0, 40)}`)"""


@pytest.mark.parametrize("locale", LANGUAGES)
def test_nothing_reaches_past_the_screen_zoomed_to_200_percent(live, browser, locale):
    """The status line's "Everything is saved on the server." was one unbreakable part, cut at the screen's
    edge: "Everything is saved on the s"."""
    with run_in(live, browser, EVERY_TYPE, locale, **ZOOMED) as (_run_id, context, page):
        status = page.locator("#sync-status")
        expect(status).to_have_attribute("data-waiting", "0")
        assert page.evaluate(PAST_THE_EDGE) == []
        context.set_offline(True)
        page.locator("#s-note-input").fill("SN-42")
        page.locator("#s-note-input").blur()
        expect(status).to_have_attribute("data-waiting", "1")
        page.locator("#sync-more").click()
        expect(page.locator("#sync-details")).to_be_visible()
        assert page.evaluate(PAST_THE_EDGE) == []
