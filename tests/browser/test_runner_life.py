"""The whole life of a run in the phone's browser, on the real server: open, every step type, a condition,
completion refused while something is missing (named on screen), then completed, to a signed webhook."""

from __future__ import annotations

import io

import httpx
from PIL import Image
from playwright.sync_api import expect

from tests.browser.actions import (
    EVERY_TYPE_VALUES,
    expect_read_only,
    fill_every_type,
    photo_file,
    sign,
    wait_for,
)
from tests.browser.conftest import PHONE, SECRET, WAIT_MS
from tests.browser.templates import EVERY_TYPE, PHOTOS_ONLY
from tests.support.hooks import verify_signature
from tests.support.samples import minimal


def completed_events(live, run_id: str) -> list:
    return [
        r for r in live.receiver.received if r.json["event"] == "run.completed" and r.json["run_id"] == run_id
    ]


def test_a_run_from_link_to_signed_run_completed_webhook(live, phone):
    run_id = live.dispatch(EVERY_TYPE)
    page = phone.new_page()
    response = page.goto(f"{live.url}/r/{run_id}")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.locator('a[href^="rundun://r/"]').count() == 1  # the desktop link stays
    page.click("#start")
    page.locator("#progress-text").wait_for()
    expect(page.locator("#progress-text")).to_have_text("0 of 10 done")

    page.locator("#complete").click()  # too early: the page names what is missing
    expect(page.locator("#missing li")).to_have_count(11)  # ten steps and the run's signature
    expect(page.locator("#missing")).to_contain_text("'Pressure' needs an answer")

    page.get_by_label("No").first.check()
    expect(page.locator("#s-why")).to_be_visible()  # the condition shows 'Why not?'
    expect(page.locator("#progress-text")).to_have_text("1 of 11 done")
    page.locator("#s-bar-input").fill("7")
    page.locator("#s-bar-input").blur()
    expect(page.locator('[data-problem="s-bar"]')).to_contain_text(
        "must be at most 4"
    )  # checked on the phone

    fill_every_type(page)
    expect(page.locator("#s-why")).to_be_hidden()
    expect(page.locator("#progress-text")).to_have_text("10 of 10 done")
    page.locator("#complete").click()
    expect(page.locator("#done-title")).to_have_text("Checklist completed", timeout=WAIT_MS)
    wait_for(lambda: live.org.get(f"/v1/runs/{run_id}").json()["status"] == "completed", what="completed")

    got = wait_for(lambda: completed_events(live, run_id), what="run.completed")
    assert len(got) == 1
    hook = got[0]
    verify_signature(hook.body, hook.headers.get("rundun-signature"), SECRET)
    answers = hook.json["data"]["answers"]
    assert {k: v["value"] for k, v in answers.items()} == EVERY_TYPE_VALUES  # 'Why not?' was hidden: dropped
    assert len(answers["s-photo"]["photos"]) == 1 and len(answers["s-sign"]["photos"]) == 1
    expect(page.locator("#sync-status")).to_contain_text("Everything is saved on the server")

    # The photo left the phone downscaled to 2560 px at most, turned as its EXIF orientation said (6: 90°).
    photo = httpx.get(answers["s-photo"]["photos"][0]["url"], timeout=30)
    assert photo.status_code == 200
    width, height = Image.open(io.BytesIO(photo.content)).size
    assert (width, height) == (800, 1600)
    doc = live.org.get(f"/v1/runs/{run_id}").json()
    assert doc["status"] == "completed" and doc["progress"] == {"total": 10, "answered": 10, "skipped": 0}


def test_a_run_cancelled_while_the_page_is_open_closes_the_form(live, phone):
    """The sender cancels while the executor is filling it in: their next answer is refused, and the form gives
    way to the closed screen that says why (no more answering a run that can never be sent), after a reload
    too, though the refused answer still waits in the outbox."""
    run_id = live.dispatch(EVERY_TYPE)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    page.get_by_label("Yes").first.check()
    wait_for(
        lambda: live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-ok"), what="the first answer sent"
    )

    assert live.org.post(f"/v1/runs/{run_id}/cancel", json={}).status_code == 200
    page.locator("#s-bar-input").fill("2")
    page.locator("#s-bar-input").blur()  # refused: the run is cancelled
    expect(page.locator("#done-title")).to_have_text("This checklist is closed", timeout=WAIT_MS)
    expect(page.locator("#done-body")).to_contain_text("The sender cancelled this checklist")
    expect_read_only(page, "#s-bar-input", "2")  # what was typed stays in sight

    page.reload()  # the refused answer still waits in the outbox: the server's word on the run still wins
    expect(page.locator("#done-title")).to_have_text("This checklist is closed", timeout=WAIT_MS)
    expect_read_only(page, "#s-bar-input", "2")


def test_the_list_of_what_is_missing_follows_the_answers_and_leads_to_each_step(live, phone):
    """Once "Complete" has named what is missing, the list shrinks with every answer (it never names a step
    answered since), and a line of it brings its step into view below the sticky progress bar with the
    step's field focused (the phone's keyboard opens there)."""
    run_id = live.dispatch(EVERY_TYPE)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    page.locator("#complete").click()
    expect(page.locator("#missing li")).to_have_count(11)

    page.locator("#s-bar-input").fill("2")
    page.locator("#s-bar-input").blur()
    page.locator("#s-kind").get_by_label("Gas").check()
    expect(page.locator("#missing li")).to_have_count(9)
    expect(page.locator("#missing")).not_to_contain_text("Pressure")
    expect(page.locator("#missing")).not_to_contain_text("Boiler kind")

    page.locator("#missing a", has_text="'Serial number' needs an answer").click()
    expect(page.locator("#s-note-input")).to_be_focused()
    card_top = page.locator("#s-note").bounding_box()["y"]
    progress = page.locator("#progress").bounding_box()
    assert card_top >= progress["y"] + progress["height"] - 1  # not hidden under the progress bar

    page.locator("#missing a", has_text="Your signature is missing").click()  # the executor's words, a link
    expect(page.locator("#run-signature button").first).to_be_focused()
    sign(page, '[data-signature="_run"]')
    expect(page.locator("#missing")).not_to_contain_text("Your signature")


def test_a_kept_signature_is_shown_as_kept_and_can_be_replaced(live, phone):
    """ "Keep" on a blank pad says to sign first; a kept signature shows as kept (the run's own too, after a
    reload), and signing again replaces a step's signature on the server (a second "Keep" did nothing)."""
    run_id = live.dispatch(EVERY_TYPE)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    step_pad = '[data-signature="s-sign"]'
    page.locator(f"{step_pad} button", has_text="Keep this signature").click()
    expect(page.locator('[data-sign-problem="s-sign"]')).to_have_text("Sign in the box first: it is empty.")

    def server_signature() -> str | None:
        photos = live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-sign", {}).get("photos") or []
        return photos[0]["sha256"] if photos else None

    sign(page, step_pad)
    expect(page.locator(f"{step_pad} .kept")).to_contain_text("Signature kept")
    expect(page.locator('[data-sign-problem="s-sign"]')).to_have_text("")
    first = wait_for(server_signature, what="the step's signature on the server")
    sign(page, step_pad, lower=60)
    wait_for(lambda: server_signature() not in (None, first), what="the new signature replacing the first")

    run_pad = '[data-signature="_run"]'
    expect(page.locator(f"{run_pad} .kept")).to_be_hidden()
    sign(page, run_pad)
    expect(page.locator(f"{run_pad} .kept")).to_contain_text("Signature kept")
    wait_for(
        lambda: live.org.get(f"/v1/runs/{run_id}").json().get("signature"), what="the run's signature sent"
    )
    page.reload()
    expect(page.locator(f"{run_pad} .kept")).to_be_visible()


def test_complete_keeps_the_signatures_drawn_but_not_kept(live, phone):
    """A person signs and taps Complete without "Keep this signature": what the pads hold is what they meant to
    give. Complete said "Your signature is missing" under the pad that showed it; now it keeps both (a step's
    and the run's own) and completes."""
    hand_over = minimal("Van hand-over", signature_on_complete=True)
    hand_over["sections"][0]["steps"].append({"id": "s-sign", "type": "signature", "label": "Driver signs"})
    run_id = live.dispatch(hand_over)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    page.get_by_label("Yes").first.check()
    sign(page, '[data-signature="s-sign"]', keep=False)
    sign(page, '[data-signature="_run"]', keep=False)
    page.locator("#complete").click()
    expect(page.locator("#done-title")).to_have_text("Checklist completed", timeout=WAIT_MS)
    doc = wait_for(
        lambda: (d := live.org.get(f"/v1/runs/{run_id}").json())["status"] == "completed" and d,
        what="completed",
    )
    assert len(doc["answers"]["s-sign"]["photos"]) == 1 and doc["signature"]


def test_a_finished_runs_link_on_another_phone_says_so_and_offers_no_start(live, phone, browser):
    """The link opened again elsewhere after the run was completed (or cancelled): the page says so at once,
    no "Start" that can only fail, no "open it before". A run being filled in on another phone likewise."""
    completed = live.dispatch(EVERY_TYPE)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{completed}")
    expect(page.locator("[data-facts]")).to_contain_text("Open it before")
    page.click("#start")
    # Opened, the deadline to open it is done with (it read on above the form as the person filled it in).
    expect(page.locator("[data-facts]")).not_to_contain_text("Open it before")
    page.reload()
    page.locator("#complete").wait_for()
    expect(page.locator("[data-facts]")).not_to_contain_text("Open it before")
    fill_every_type(page)
    page.locator("#complete").click()
    wait_for(lambda: live.org.get(f"/v1/runs/{completed}").json()["status"] == "completed", what="completed")
    cancelled = live.dispatch(EVERY_TYPE)
    assert live.org.post(f"/v1/runs/{cancelled}/cancel", json={}).status_code == 200

    other = browser.new_context(**PHONE)
    try:
        elsewhere = other.new_page()
        elsewhere.goto(f"{live.url}/r/{completed}")
        expect(elsewhere.locator("#done-title")).to_have_text("Checklist completed")
        expect(elsewhere.locator("#done-body")).to_have_text(
            "It has been completed already: there is nothing left to fill in."
        )
        expect(elsewhere.locator("#start")).to_have_count(0)
        expect(elsewhere.locator("[data-facts]")).not_to_contain_text("Open it before")
        elsewhere.goto(f"{live.url}/r/{cancelled}")
        expect(elsewhere.locator("#done-title")).to_have_text("This checklist is closed")
        expect(elsewhere.locator("#done-body")).to_contain_text("The sender cancelled this checklist")

        taken = live.dispatch(PHOTOS_ONLY, webhook=False)  # being filled in on the first phone
        page.goto(f"{live.url}/r/{taken}")
        page.click("#start")
        page.locator("#s-flag").wait_for()
        elsewhere.goto(f"{live.url}/r/{taken}")
        elsewhere.click("#start")
        expect(elsewhere.locator("#done-title")).to_have_text("Already being filled in")
        expect(elsewhere.locator("#done-body")).to_contain_text("opened on another phone or computer")
        expect(elsewhere.locator("#start")).to_have_count(0)
    finally:
        other.close()


def test_a_template_that_asks_who_fills_it_in_takes_a_name_and_an_email(live, phone):
    """The identity form comes after "Start" with its first field focused (the phone's keyboard opens there;
    the focus was lost with the button it was on), and the run opens in that person's name."""
    run_id = live.dispatch({**EVERY_TYPE, "execution": {"identity_required": "external"}}, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    expect(page.locator("#who-name")).to_be_focused()
    page.keyboard.type("Ana Silva")
    page.locator("#who-email").fill("ana@example.com")
    page.click("#start")
    expect(page.locator("#progress-text")).to_have_text("0 of 10 done")
    identity = live.org.get(f"/v1/runs/{run_id}").json()["executor_identity"]
    assert identity["name"] == "Ana Silva" and identity["email"] == "ana@example.com"


def test_a_wrong_link_speaks_of_a_checklist_and_says_what_to_do(live, phone):
    """A link cut short in a message, or mistyped: the page names what the executor knows (a checklist, not a
    'run') and what to do about it."""
    page = phone.new_page()
    response = page.goto(f"{live.url}/r/r-0000-cut-short")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Checklist not found")
    expect(page.locator(".lead")).to_contain_text(
        "Check that it was copied whole, or ask the sender for a new one."
    )
    expect(page.locator("main")).not_to_contain_text("run")


def test_an_answer_still_short_of_its_photo_is_said_in_the_progress_line(live, phone):
    """The line read "1 of 1 done" (and the bar was full) above a Complete that refused the run for that step's
    missing photo: the step counts once it has its photo."""
    template = {
        "name": "Parked",
        "sections": [
            {
                "id": "g-car",
                "title": "Car",
                "steps": [
                    {"id": "s-parked", "type": "boolean", "label": "Parked?", "photo": {"min": 1, "max": 2}}
                ],
            }
        ],
    }
    run_id = live.dispatch(template)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    page.get_by_label("Yes").check()
    expect(page.locator("#progress-text")).to_have_text("0 of 1 done · 1 still incomplete")
    expect(page.locator("#progress")).to_have_attribute("aria-valuenow", "0")
    page.set_input_files("#s-parked-file", files=[photo_file("car.jpg")])
    expect(page.locator("#progress-text")).to_have_text("1 of 1 done")
