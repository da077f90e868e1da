"""A multi-choice ticked past what its step takes (more than `max_selected`, fewer than `min_selected`) is held
as a number field holds what its step does not take: the ticks stay as the person left them (after a reload
too), the group is marked invalid and says why, nothing of it is saved or sent, and completion names it until
it is corrected. The runner showed three ticks while it kept and sent two, said "Everything is saved" and
completed the run."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import start_run, wait_for
from tests.browser.test_runner_invalid_number import LOCAL_ANSWER, server_value

TWO_PARTS = {
    "name": "Two parts",
    "sections": [
        {
            "id": "g-one",
            "title": "Checks",
            "steps": [
                {
                    "id": "s-parts",
                    "type": "multi_choice",
                    "label": "Parts checked",
                    "config": {
                        "options": [
                            {"id": "o-pump", "label": "Pump"},
                            {"id": "o-valve", "label": "Valve"},
                            {"id": "o-fan", "label": "Fan"},
                        ],
                        "min_selected": 2,
                        "max_selected": 2,
                    },
                },
                {"id": "s-memo", "type": "text", "label": "Memo", "config": {}},
            ],
        }
    ],
}


def test_ticks_the_step_does_not_take_are_held_marked_never_sent_and_block_completion(live, phone):
    run_id = live.dispatch(TWO_PARTS, webhook=False)
    page = start_run(live, phone, run_id)
    group = page.locator("#s-parts .choices")
    problem = page.locator("#s-parts-problem")
    status = page.locator("#sync-status")
    page.locator("#s-memo-input").fill("fine")
    page.locator("#s-memo-input").blur()

    group.get_by_label("Pump").check()  # one of at least two: held, not sent
    expect(group).to_have_attribute("aria-invalid", "true")
    expect(problem).to_have_text("Not accepted: must select at least 2 options")
    assert page.evaluate(LOCAL_ANSWER, "s-parts") == [None, []]

    group.get_by_label("Valve").check()  # taken: saved and sent
    expect(group).not_to_have_attribute("aria-invalid", "true")
    expect(problem).to_have_text("")
    wait_for(
        lambda: server_value(live, run_id, "s-parts") == ["o-pump", "o-valve"], what="two parts on the server"
    )
    expect(status).to_have_attribute("data-waiting", "0")

    group.get_by_label("Fan").check()  # three of at most two: held as ticked, the saved answer stays
    expect(group).to_have_attribute("aria-invalid", "true")
    expect(group).to_have_attribute("aria-describedby", "s-parts-problem")
    expect(problem).to_have_text("Not accepted: must select at most 2 options")
    assert page.evaluate(LOCAL_ANSWER, "s-parts") == [["o-pump", "o-valve"], []]
    expect(status).to_have_attribute("data-waiting", "0")
    # not done while the page says what is ticked is not saved ("2 of 2 done" read beside it)
    expect(page.locator("#progress-text")).to_have_text("1 of 2 done")

    page.locator("#complete").click()
    line = page.locator("#missing a", has_text="Parts checked")
    expect(line).to_have_text(
        "'\u2068Parts checked\u2069': what is ticked there is not saved: must select at most 2 options."
    )
    expect(page.locator("#done-title")).to_have_count(0)

    page.reload()  # kept as ticked on this phone, still marked, still missing
    for option in ("Pump", "Valve", "Fan"):
        expect(group.get_by_label(option)).to_be_checked()
    expect(group).to_have_attribute("aria-invalid", "true")
    page.locator("#complete").click()
    expect(page.locator("#missing a", has_text="Parts checked")).to_have_count(1)
    expect(page.locator("#done-title")).to_have_count(0)

    group.get_by_label("Valve").uncheck()  # corrected: saved, sent, no longer missing
    expect(group).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#missing a", has_text="Parts checked")).to_have_count(0)
    wait_for(lambda: server_value(live, run_id, "s-parts") == ["o-pump", "o-fan"], what="the corrected parts")
    page.locator("#complete").click()
    expect(page.locator("#done-title")).to_have_text("Checklist completed")
    assert live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-parts"]["value"] == ["o-pump", "o-fan"]
