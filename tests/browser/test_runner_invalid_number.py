"""A number the step does not take (out of its range, or no number at all): the field is marked (aria-invalid,
a red border) and says what the step takes in the person's language; what was typed stays in the field (after
a reload too), nothing of it is saved or sent, and the run cannot be completed until it is corrected."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import run_in, start_run, wait_for
from tests.browser.templates import EVERY_TYPE
from tests.browser.test_runner_a11y import scan

LOCAL_ANSWER = """async (step) => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); r.onerror = no; });
  const runs = await new Promise((ok) => { const r = db.transaction("runs").objectStore("runs").getAll(); r.onsuccess = () => ok(r.result); });
  const outbox = await new Promise((ok) => { const r = db.transaction("outbox").objectStore("outbox").getAll(); r.onsuccess = () => ok(r.result); });
  return [runs[0].answers[step]?.value ?? null, outbox.filter((op) => op.step_id === step).map((op) => op.value)];
}"""
RED = "rgb(179, 38, 30)"  # --bad


def server_value(live, run_id: str, step: str):
    return (live.org.get(f"/v1/runs/{run_id}").json()["answers"].get(step) or {}).get("value")


def two_bar(live, phone):
    """A run of EVERY_TYPE started, 'Pressure' answered 2 (bar) and sent: (run id, page, its field)."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    field = page.locator("#s-bar-input")
    field.fill("2")
    field.blur()
    wait_for(lambda: server_value(live, run_id, "s-bar") == 2, what="2 bar on the server")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    return run_id, page, field


def test_a_number_out_of_range_is_marked_kept_as_typed_never_saved_and_blocks_completion(live, phone):
    run_id, page, field = two_bar(live, phone)
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.post_data or "") if r.url.endswith("/sync") else None)

    field.fill("3.25")  # said once: what is wrong, then what else the step takes
    field.blur()
    expect(page.locator("#s-bar-problem")).to_have_text(
        "Not accepted: must have at most 1 decimal place. Enter a number from 0 to 4."
    )
    field.fill("7.25")
    field.blur()
    expect(page.locator("#s-bar-problem")).to_have_text(
        "Not accepted: must be at most 4; must have at most 1 decimal place. Enter a number from 0 to 4."
    )

    field.fill("7")
    field.blur()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "s-bar-problem")
    assert field.evaluate(
        "f => [getComputedStyle(f).borderTopColor, getComputedStyle(f).borderTopWidth]"
    ) == [
        RED,
        "2px",
    ]
    expect(page.locator("#s-bar-problem")).to_have_text(
        "Not accepted: must be at most 4. Enter a number from 0 to 4. At most 1 decimal place."
    )
    expect(field).to_have_value("7")  # what was typed stays
    assert page.evaluate(LOCAL_ANSWER, "s-bar") == [2, []]  # nothing of it saved, nothing waiting
    assert not any('"value":7' in body for body in sent)
    assert server_value(live, run_id, "s-bar") == 2

    page.locator("#complete").click()
    line = page.locator("#missing a", has_text="Pressure")
    expect(line).to_have_text(
        # Quoted as the other lines of the list quote their steps ("'Signature' needs an answer")
        "'\u2068Pressure\u2069': what is typed there is not saved. Enter a number from 0 to 4. "
        "At most 1 decimal place."
    )
    expect(page.locator("#done-title")).to_have_count(0)

    page.reload()  # kept as typed on this phone, still marked, still missing
    expect(field).to_have_value("7")
    expect(field).to_have_attribute("aria-invalid", "true")
    page.locator("#complete").click()
    expect(page.locator("#missing a", has_text="Pressure")).to_contain_text(
        "what is typed there is not saved"
    )

    field.fill("3.5")  # corrected: saved, sent, no longer missing
    field.blur()
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#s-bar-problem")).to_have_text("")
    expect(page.locator("#missing a", has_text="Pressure")).to_have_count(0)
    wait_for(lambda: server_value(live, run_id, "s-bar") == 3.5, what="3.5 bar on the server")
    page.reload()
    expect(field).to_have_value("3.5")
    expect(field).not_to_have_attribute("aria-invalid", "true")


def test_what_a_number_field_cannot_read_does_not_clear_the_answer(live, phone):
    """ "1e" in a number field read as "" to a script (the browser's own number field): it cleared the saved
    answer (sent as null)."""
    run_id, page, field = two_bar(live, phone)
    field.fill("")
    field.press_sequentially("1e")
    field.blur()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#s-bar-problem")).to_have_text(
        "Not accepted: must be a number. Enter a number from 0 to 4. At most 1 decimal place."
    )
    assert page.evaluate(LOCAL_ANSWER, "s-bar") == [2, []]
    page.select_option("#language", "es")  # the screen in other words keeps the field as typed
    expect(field).to_have_value("1e")
    expect(page.locator("#s-bar-problem")).to_have_text(
        "No aceptado: debe ser un número. Escribe un número de 0 a 4. Decimales: 1 como máximo."
    )
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
    assert server_value(live, run_id, "s-bar") == 2


def test_the_expected_range_is_said_in_german_and_the_marked_field_passes_axe(live, browser):
    # bypass_csp only to inject axe-core; the runner itself has no inline script
    phone = {"viewport": {"width": 360, "height": 740}, "bypass_csp": True}
    with run_in(live, browser, EVERY_TYPE, "de-DE", **phone) as (_run_id, _context, page):
        page.locator("#s-bar-input").fill("-1")
        page.locator("#s-bar-input").blur()
        expect(page.locator("#s-bar-problem")).to_have_text(
            "Nicht angenommen: muss mindestens 0 sein. Geben Sie eine Zahl von 0 bis 4 ein. "
            "Nachkommastellen: höchstens 1."
        )
        page.locator("#s-bar").screenshot(path="/tmp/rundun-invalid-de.png")
        page.locator("#complete").click()
        expect(page.locator("#missing a", has_text="Pressure")).to_contain_text("nicht gespeichert")
        assert scan(page) == []


BIG = {
    "name": "Counter",
    "sections": [
        {
            "id": "g-one",
            "title": "Meter",
            "steps": [
                {"id": "s-big", "type": "number", "label": "Reading", "config": {"max": 9007199254740991}},
                {"id": "s-low", "type": "number", "label": "Offset", "config": {"min": -25000.5}},
            ],
        }
    ],
}


@pytest.mark.parametrize(
    ("tag", "at_most", "at_least"),
    [
        # The desktop writes "9,007,199,254,740,991"; English said "must be at most 9007199254740991" beside it.
        ("en-US", "must be at most 9,007,199,254,740,991", "must be at least -25,000.5"),
        ("de-DE", "darf höchstens 9.007.199.254.740.991 sein", "muss mindestens -25.000,5 sein"),
        ("ar", "يجب ألا تزيد على {max}", "يجب ألا تقل عن {min}"),  # Intl's Arabic, filled in below
    ],
)
def test_a_limits_number_in_a_problem_is_written_the_pages_way(live, browser, tag, at_most, at_least):
    with run_in(live, browser, BIG, tag) as (_run_id, _context, page):
        if tag == "ar":  # as Intl writes them for Arabic (digits, groups); a negative one kept left to right
            written = page.evaluate(
                "() => [new Intl.NumberFormat('ar').format(9007199254740991), new Intl.NumberFormat('ar').format(-25000.5)]"
            )
            assert written[0] not in ("9007199254740991", "٩٠٠٧١٩٩٢٥٤٧٤٠٩٩١")  # grouped
            at_most = at_most.format(max=written[0])
            at_least = at_least.format(min=f"\u2066{written[1]}\u2069")
        for step, typed, said in (("s-big", "9007199254740999999", at_most), ("s-low", "-30000", at_least)):
            page.locator(f"#{step}-input").fill(typed)
            page.locator(f"#{step}-input").blur()
            expect(page.locator(f"#{step}-problem")).to_contain_text(said)
