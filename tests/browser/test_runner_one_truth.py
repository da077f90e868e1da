"""One truth for a run on a phone: two tabs on the same run link took answers apart (each showed its own, one
said "Everything is saved" over the other's); a token the server no longer took left the form open, its answers
piling up unsent for ever; a run completed or cancelled meanwhile stayed editable, or said "Offline" and
"1 waiting to be sent" for ever. Each now says what happened, and how many changes were not sent."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from tests.browser.actions import expect_read_only, start_run, wait_for
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_refusals import TOKEN

METERS = {
    "name": "Meter reading",
    "sections": [
        {
            "id": "g-one",
            "title": "Meter",
            "steps": [
                {"id": "s-count", "type": "number", "label": "Meters", "config": {"min": 0, "max": 100}},
                {"id": "s-memo", "type": "text", "label": "Memo", "required": False, "config": {}},
            ],
        }
    ],
}


def answer_number(page, value: str) -> None:
    page.locator("#s-count-input").fill(value)
    page.locator("#s-count-input").blur()


def stored(live, run_id: str, step_id: str = "s-count"):
    answer = live.org.get(f"/v1/runs/{run_id}").json()["answers"].get(step_id)
    return answer and answer["value"]


def test_two_tabs_on_one_run_never_show_answers_apart(live, phone):
    run_id = live.dispatch(METERS, webhook=False)
    a = start_run(live, phone, run_id)
    answer_number(a, "12")
    wait_for(lambda: stored(live, run_id) == 12, what="tab A's answer on the server")

    b = phone.new_page()  # the same link again, in another tab of the same browser
    b.goto(f"{live.url}/r/{run_id}")
    expect(b.locator("#s-count-input")).to_have_value("12")
    # tab A stops taking answers, and says where the run is
    expect(a.locator("#done-title")).to_have_text("This checklist is open in another tab")
    expect(a.locator("#s-count-input")).to_have_count(0)
    expect(a.locator("#sync-status")).to_be_hidden()  # no "Everything is saved" over the other tab's answers

    answer_number(b, "40")
    wait_for(lambda: stored(live, run_id) == 40, what="tab B's answer on the server")
    a.locator("#use-here").click()  # back to tab A: B's answer, not A's old one
    expect(a.locator("#s-count-input")).to_have_value("40")
    expect(b.locator("#done-title")).to_have_text("This checklist is open in another tab")
    expect(b.locator("#s-count-input")).to_have_count(0)
    expect(a.locator("#sync-summary")).to_contain_text("Everything is saved on the server")

    answer_number(a, "55")
    wait_for(lambda: stored(live, run_id) == 55, what="tab A's new answer on the server")
    b.locator("#use-here").click()
    expect(b.locator("#s-count-input")).to_have_value("55")
    b.locator("#complete").click()
    expect(b.locator("#done-title")).to_have_text("Checklist completed")
    # the tab put aside learns it too: no "open in another tab" for a run completed there
    expect(a.locator("#done-title")).to_have_text("Checklist completed")
    expect(a.locator("#use-here")).to_have_count(0)
    doc = live.org.get(f"/v1/runs/{run_id}").json()
    assert doc["status"] == "completed" and doc["answers"]["s-count"]["value"] == 55


def test_a_memo_being_typed_when_another_tab_takes_the_run_shows_in_that_tab(live, phone):
    """A second tab opened while the first held a memo still being typed showed the memo's field empty, for good
    (the first tab kept it as it stopped, after the second had read the run): the first hands it over."""
    run_id = live.dispatch(METERS, webhook=False)
    a = start_run(live, phone, run_id)
    a.locator("#s-memo-input").click()
    a.keyboard.type("Gate code 4711")  # no change event yet: the field still has the focus

    b = phone.new_page()
    b.goto(f"{live.url}/r/{run_id}")
    expect(a.locator("#done-title")).to_have_text("This checklist is open in another tab")
    expect(b.locator("#s-memo-input")).to_have_value("Gate code 4711")
    wait_for(lambda: stored(live, run_id, "s-memo") == "Gate code 4711", what="the memo on the server")
    expect(b.locator("#sync-summary")).to_contain_text("Everything is saved on the server")
    b.reload()  # kept in the run record this tab keeps
    expect(b.locator("#s-memo-input")).to_have_value("Gate code 4711")


def test_a_token_the_server_no_longer_takes_closes_the_form_and_counts_what_was_not_sent(live, phone):
    """The same member opened the run again on another device: this phone's token stopped working. The form
    stayed open, said "Everything is saved", and its answers waited "to be sent" for ever."""
    member = live.org.post("/v1/members", json={"name": "Ana", "email": "ana.token@example.com"})
    assert member.status_code == 201, member.text
    template = {**METERS, "execution": {"identity_required": "member"}}
    run_id = live.dispatch(template, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    page.locator("#who-token").fill(member.json()["sign_in_token"])
    page.click("#start")
    answer_number(page, "12")
    wait_for(lambda: stored(live, run_id) == 12, what="the answer on the server")

    elsewhere = httpx.post(
        f"{live.url}/v1/runs/{run_id}/open",
        headers={"Authorization": f"Bearer {member.json()['sign_in_token']}"},
        json={},
        timeout=30,
    )
    assert elsewhere.status_code == 200, elsewhere.text  # another device: a new token, this one's ended

    answer_number(page, "30")
    expect(page.locator("#done-title")).to_have_text("This checklist is no longer open on this phone")
    expect(page.locator("#done-body")).to_have_text(
        "It was opened on another device, or this phone's access to it ended. Ask the sender for a new link."
    )
    expect(page.locator("#done-unsent")).to_have_text(
        "1 change made on this phone was not sent: the server no longer takes it. It stays on this phone."
    )
    expect_read_only(page, "#s-count-input", "30")  # what was typed stays in sight
    expect(page.locator("#sync-summary")).to_have_text("Online · 1 not sent")
    assert stored(live, run_id) == 12

    page.reload()  # the same screen again, not the form
    expect(page.locator("#done-title")).to_have_text("This checklist is no longer open on this phone")
    expect(page.locator("#done-unsent")).to_contain_text("1 change made on this phone was not sent")


def test_a_damaged_token_closes_the_form_at_once(live, phone):
    run_id = live.dispatch(METERS, webhook=False)
    page = start_run(live, phone, run_id)
    page.evaluate(
        """async () => {
          const db = await new Promise((ok) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); });
          const store = db.transaction("runs", "readwrite").objectStore("runs");
          const run = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result[0]); });
          run.token = "rde_" + "0".repeat(32);
          await new Promise((ok) => { const r = store.put(run); r.onsuccess = ok; });
        }"""
    )
    page.reload()
    expect(page.locator("#done-title")).to_have_text("This checklist is no longer open on this phone")
    expect(page.locator("#done-unsent")).to_have_count(0)  # nothing was waiting
    expect_read_only(page, "#s-count-input")


def test_a_page_left_open_on_a_run_completed_elsewhere_shows_it_completed(live, phone):
    """The run completed with this phone's token elsewhere (another tab that could not say so, the desktop): the
    page left open stayed editable, and its next answer got "the checklist is closed"."""
    run_id = live.dispatch(METERS, webhook=False)
    page = start_run(live, phone, run_id)
    auth = {"Authorization": f"Bearer {page.evaluate(TOKEN)}"}
    at = "2026-01-01T08:00:00Z"
    r = httpx.put(f"{live.url}/v1/runs/{run_id}/answers/s-count", headers=auth, json={"value": 7, "at": at})
    assert r.status_code == 200, r.text
    assert (
        httpx.post(f"{live.url}/v1/runs/{run_id}/complete", headers=auth, json={"at": at}).status_code == 200
    )

    answer_number(page, "30")
    expect(page.locator("#done-title")).to_have_text("Checklist completed")
    expect(page.locator("#done-body")).to_have_text("It was completed in another tab or on another device.")
    expect(page.locator("#done-unsent")).to_contain_text("1 change made on this phone was not sent")
    expect(page.locator("main")).not_to_contain_text("closed")
    assert stored(live, run_id) == 7


def test_a_run_cancelled_while_offline_says_what_was_not_sent_and_not_offline(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = start_run(live, phone, run_id)
    phone.set_offline(True)
    page.locator("#s-memo-input").fill("Gate code 4711")
    page.locator("#s-memo-input").blur()
    expect(page.locator("#sync-summary")).to_contain_text("Offline")
    assert live.org.post(f"/v1/runs/{run_id}/cancel", json={}).status_code == 200
    phone.set_offline(False)

    expect(page.locator("#done-title")).to_have_text("This checklist is closed")
    expect(page.locator("#done-unsent")).to_have_text(
        "1 change made on this phone was not sent: the server no longer takes it. It stays on this phone."
    )
    expect(page.locator("#sync-summary")).to_have_text("Online · 1 not sent")
    assert "memo" not in {k.removeprefix("s-") for k in live.org.get(f"/v1/runs/{run_id}").json()["answers"]}
