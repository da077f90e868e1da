"""What is being typed survives the screen being made anew: after a reload the runner shows the phone's copy,
then the server's when it arrives, and that second screen replaced the field under the person's fingers
(what they had typed so far, its focus and caret were gone; on a slow network that is seconds of typing)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import server_value, start_run, wait_for
from tests.browser.templates import EVERY_TYPE


def test_what_is_being_typed_survives_the_servers_copy_arriving_after_a_reload(live, phone):
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    held = []  # the server's copy, held back until the person has typed
    phone.route("**/v1/runs/*/state", lambda route: held.append(route))
    page.reload()
    wait_for(lambda: held, what="the runner asking for the server's copy", page=page)
    field = page.locator("#s-note-input")
    field.click()
    field.press_sequentially("Boiler 7")
    page.evaluate("() => { document.getElementById('s-note').dataset.before = 'yes'; }")
    for route in held:
        route.continue_()
    phone.unroute("**/v1/runs/*/state")
    page.wait_for_function("() => !document.getElementById('s-note').dataset.before")  # the screen made anew
    expect(field).to_be_focused()
    expect(field).to_have_value("Boiler 7")
    field.press_sequentially("X")  # typing goes on where it was
    expect(field).to_have_value("Boiler 7X")
    expect(page.locator("#s-note-input-count")).to_have_text("9 / 20")
    field.blur()
    wait_for(
        lambda: server_value(live, run_id, "s-note") == "Boiler 7X",
        what="the text on the server",
    )
