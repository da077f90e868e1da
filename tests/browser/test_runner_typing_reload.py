"""A field being typed in when the page goes (pull to refresh, the link opened again, Back and forward): its
change event started an answer that IndexedDB did not finish before the page was gone, and the text was lost
without a word. It is kept as the page goes, and becomes the answer after the reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import server_value, start_run, wait_for
from tests.browser.templates import PHOTOS_ONLY


@pytest.mark.parametrize("offline", [False, True])
def test_what_was_being_typed_as_the_page_reloaded_is_the_answer_after_it(live, phone, offline):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = start_run(live, phone, run_id)
    phone.set_offline(offline)
    page.locator("#s-memo-input").fill("Key under the mat")  # not left: no change event yet
    page.reload()
    expect(page.locator("#s-memo-input")).to_have_value("Key under the mat")
    phone.set_offline(False)
    wait_for(
        lambda: server_value(live, run_id, "s-memo") == "Key under the mat", what="the text on the server"
    )
    expect(page.locator("#sync-summary")).to_have_text("Online · Everything is saved on the server.")
