"""An answer a field holds that its step does not take (a number out of range) is on no server: the status line
counts it "not saved" (it said "Everything is saved on the server" beside the field saying it was not), and
only while its step is shown. A condition that hides the step takes it out of the count (the server does not
ask for that step, and drops its answers on completion); what was typed is kept and, once the step shows again,
is there and counted again. Nothing of it is sent until it is put right."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import run_in, wait_for
from tests.browser.test_runner_status_bar import SMALL_PHONE, fits_two_lines

HIDDEN_PRESSURE = {
    "name": "Boiler check",
    "sections": [
        {
            "id": "g-one",
            "title": "Boiler",
            "steps": [
                {"id": "s-ok", "type": "boolean", "label": "Is the boiler reachable?", "config": {}},
                {
                    "id": "s-bar",
                    "type": "number",
                    "label": "Pressure",
                    "config": {"unit": "bar", "min": 0, "max": 4, "decimal": 1},
                    "condition": {"when": {"step": "s-ok", "op": "eq", "value": True}},
                },
            ],
        }
    ],
}

# (locale, Yes, No, the line with one answer held, the same once saved)
IN_WORDS = {
    "en": ("Yes", "No", "Online · 1 not saved", "Online · Everything is saved on the server."),
    "ar": ("نعم", "لا", "متصل · غير محفوظة: 1", "متصل · كل شيء محفوظ على الخادم."),
}


def pressure(page, typed: str) -> None:
    """Pressure typed, and the finger leaving its field (its change event)."""
    page.locator("#s-bar-input").fill(typed)
    page.locator("#s-bar-input").blur()


def server_answers(live, run_id: str) -> dict:
    return {k: a["value"] for k, a in live.org.get(f"/v1/runs/{run_id}").json()["answers"].items()}


def test_a_held_answer_on_a_hidden_step_is_not_counted_and_comes_back_with_its_step(live, browser):
    yes, no, held, saved = IN_WORDS["en"]
    with run_in(live, browser, HIDDEN_PRESSURE, "en") as (run_id, _, page):
        summary = page.locator("#sync-summary")
        page.locator("#s-ok").get_by_label(yes, exact=True).check()
        pressure(page, "9")
        expect(page.locator("#s-bar-input")).to_have_attribute("aria-invalid", "true")
        expect(summary).to_have_text(held)
        page.locator("#sync-more").click()
        expect(page.locator("#sync-details")).to_contain_text("1 answer is not saved")

        page.locator("#s-ok").get_by_label(no, exact=True).check()  # the condition hides Pressure
        expect(page.locator("#s-bar")).to_be_hidden()
        wait_for(lambda: server_answers(live, run_id) == {"s-ok": False}, page=page)
        expect(summary).to_have_text(saved)
        expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
        page.reload()
        expect(summary).to_have_text(saved)

        page.locator("#s-ok").get_by_label(yes, exact=True).check()  # shown again: what was typed is there
        expect(page.locator("#s-bar-input")).to_have_value("9")
        expect(summary).to_have_text(held)
        assert "s-bar" not in server_answers(live, run_id)  # never sent
        pressure(page, "3")
        wait_for(lambda: server_answers(live, run_id) == {"s-ok": True, "s-bar": 3}, page=page)
        expect(summary).to_have_text(saved)


def test_the_held_count_in_arabic(live, browser):
    yes, _, held, saved = IN_WORDS["ar"]
    with run_in(live, browser, HIDDEN_PRESSURE, "ar") as (_, _, page):
        page.locator("#s-ok").get_by_label(yes, exact=True).check()
        pressure(page, "9")
        expect(page.locator("#sync-summary")).to_have_text(held)
        pressure(page, "3")
        expect(page.locator("#sync-summary")).to_have_text(saved)


# Yes, and the line with the server out of reach, a change waiting and an answer held, as a 360 px phone shows it.
CROWDED = [
    ("en", "Yes", "Can't reach the server · 1 waiting to be sent · 1 not saved"),
    ("de-DE", "Ja", "Server nicht erreichbar · Zu senden: 1 · nicht gespeichert: 1"),
    ("es-ES", "Sí", "El servidor no responde · Por enviar: 1 · sin guardar: 1"),
    ("ar", "نعم", "تعذّر الوصول إلى الخادم · بانتظار الإرسال: 1 · غير محفوظة: 1"),
]


@pytest.mark.parametrize(("tag", "yes", "line"), CROWDED)
def test_the_held_count_keeps_the_status_bar_to_two_lines(live, browser, tag, yes, line):
    with run_in(live, browser, HIDDEN_PRESSURE, tag, viewport=SMALL_PHONE) as (_, _, page):
        page.route("**/v1/runs/*/sync", lambda route: route.abort("internetdisconnected"))  # no answer
        page.locator("#s-ok").get_by_label(yes, exact=True).check()
        pressure(page, "9")
        expect(page.locator("#sync-summary")).to_have_text(line)
        fits_two_lines(page)
