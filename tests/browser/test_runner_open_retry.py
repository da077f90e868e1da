"""A Start whose answer the network lost: the server opened the run, the phone never heard. The next tap sends
the same Idempotency-Key (SPEC §5), gets the same token back and the run opens: it was 409 "opened on another
device" for ever, the executor locked out of the run they had opened."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import wait_for
from tests.browser.templates import PHOTOS_ONLY

# The answer lost with the phone online: the server did not answer it (test_runner_unreachable.py: offline, it
# says to connect).
NO_ANSWER = (
    "The server does not answer, though this phone is connected (a Wi-Fi without internet, or the server down). "
    "Try again in a moment."
)


def opened_events(live, run_id: str) -> list[dict]:
    return [
        r.json
        for r in live.receiver.received
        if r.json["run_id"] == run_id and r.json["event"] == "run.opened"
    ]


def test_a_start_whose_answer_was_lost_opens_on_the_next_tap_and_fires_once(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY)
    page = phone.new_page()
    answers_lost: list[int] = []

    def lose_the_first_answer(route) -> None:
        if answers_lost:
            route.continue_()
            return
        response = route.fetch()  # the server opens the run and answers…
        answers_lost.append(response.status)
        route.abort("connectionreset")  # …and the phone never sees it

    page.route("**/v1/runs/*/open", lose_the_first_answer)
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    expect(page.locator("#open-problem")).to_have_text(NO_ANSWER)
    assert answers_lost == [200]
    assert live.org.get(f"/v1/runs/{run_id}").json()["opened_at"] is not None  # opened on the server

    page.click("#start")
    expect(page.locator("#progress-text")).to_be_visible()
    page.locator("#s-count-input").fill("7")
    page.locator("#s-count-input").blur()

    def sent() -> bool:
        answers = live.org.get(f"/v1/runs/{run_id}").json()["answers"]
        return answers.get("s-count", {}).get("value") == 7

    wait_for(sent, what="the answer sent with the token the retry got", page=page)
    wait_for(lambda: opened_events(live, run_id), what="run.opened delivered", page=page)
    assert len(opened_events(live, run_id)) == 1
    # the key is dropped once the run is kept on the phone
    assert page.evaluate(f"localStorage.getItem('rundun.open-key.{run_id}')") is None


def test_another_phone_is_still_told_the_run_was_opened_elsewhere(live, browser, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    first = phone.new_page()
    first.goto(f"{live.url}/r/{run_id}")
    first.click("#start")
    expect(first.locator("#progress-text")).to_be_visible()
    other = browser.new_context()  # its own storage: another device, another key
    try:
        page = other.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        page.click("#start")
        expect(page.locator("body")).to_contain_text("opened on another phone or computer")
    finally:
        other.close()


def test_a_name_and_email_typed_stay_when_the_start_met_no_answer(live, phone):
    """The form came back empty, and a name retyped differently went nowhere (the lost answer had opened the
    run with the first); what was typed now stays for the second tap."""
    run_id = live.dispatch({**PHOTOS_ONLY, "execution": {"identity_required": "external"}}, webhook=False)
    page = phone.new_page()
    answers_lost: list[int] = []

    def lose_the_first_answer(route) -> None:
        if answers_lost or route.request.post_data in (None, "{}"):
            route.continue_()
            return
        answers_lost.append(route.fetch().status)
        route.abort("connectionreset")

    page.route("**/v1/runs/*/open", lose_the_first_answer)
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")  # asked who they are
    page.locator("#who-name").fill("Zoë Ünal")
    page.locator("#who-email").fill("zoe@example.com")
    page.click("#start")
    expect(page.locator("#open-problem")).to_have_text(NO_ANSWER)
    assert answers_lost == [200]
    expect(page.locator("#who-name")).to_have_value("Zoë Ünal")
    expect(page.locator("#who-email")).to_have_value("zoe@example.com")
    page.click("#start")
    expect(page.locator("#progress-text")).to_be_visible()
    identity = live.org.get(f"/v1/runs/{run_id}").json()["executor_identity"]
    assert identity == {"mode": "external", "name": "Zoë Ünal", "email": "zoe@example.com"}


def test_start_says_it_is_opening_and_takes_no_second_tap_meanwhile(live, phone):
    """On a slow network Start showed nothing for seconds after the tap, and took every further tap: the
    executor could not tell the tap had been taken."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = phone.new_page()
    held: list = []
    page.route("**/v1/runs/*/open", lambda route: held.append(route))
    page.goto(f"{live.url}/r/{run_id}")
    start = page.locator("#start")
    start.click()
    expect(start).to_have_text("Opening…")
    expect(start).to_be_disabled()
    expect(start).to_have_attribute("aria-busy", "true")
    start.click(force=True)  # a disabled button submits nothing
    wait_for(lambda: held, what="the open sent", page=page)
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("#progress-text")).to_be_visible()
