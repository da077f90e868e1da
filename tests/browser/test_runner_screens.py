"""The runner's screens on a phone: the links of "Before you can complete" are a finger's size (they were 19 px
tall); the desktop app's link is not offered on a phone nor on a finished screen; a new screen starts at its
top (the waiting screen kept the form's scroll); and once open, the lead does not count steps apart from the
progress bar ("a checklist with 4 steps" above "0 of 5 done")."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import flag_count_and_photos, start_run
from tests.browser.conftest import jpeg
from tests.browser.templates import PHOTOS_ONLY


def test_the_runners_screens_fit_a_phone(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = start_run(live, phone, run_id)
    expect(page.locator("p.desktop")).to_be_hidden()  # a phone: no desktop app to open
    expect(page.locator("[data-facts]")).not_to_contain_text("steps")
    expect(page.locator("[data-facts]")).to_contain_text("sent you this checklist")

    page.locator("#complete").click()
    links = page.locator("#missing a")
    expect(links).to_have_count(4)
    for k in range(4):
        assert links.nth(k).bounding_box()["height"] >= 40

    phone.set_offline(True)  # completed here, not sent: the waiting screen
    flag_count_and_photos(page, [jpeg(900 + k, 700) for k in range(2)])
    page.locator("#s-memo-input").fill("Gate code 4711")
    page.locator("#s-memo-input").blur()
    page.locator("#complete").scroll_into_view_if_needed()
    assert page.evaluate("() => window.scrollY") > 0
    page.locator("#complete").click()
    expect(page.locator("#done-title")).to_have_text("Completed on this phone, not sent yet")
    assert page.evaluate("() => window.scrollY") == 0
    assert page.evaluate("() => document.querySelector('p.desktop').hidden")  # nothing to open elsewhere
