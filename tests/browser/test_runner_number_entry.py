"""A number typed on the phone is read as the page's language writes numbers (strings.js `readNumber`, the
desktop runner's rules). The field was the browser's own number field, which dropped a comma it did not
expect: "12,5" typed on an English phone was sent as 125, and "1.234,5" as 1.2345."""

from __future__ import annotations

from playwright.sync_api import expect

from server.api.runner_assets import VERSION
from tests.browser.actions import run_in, start_run, wait_for
from tests.browser.templates import EVERY_TYPE
from tests.support.typed_numbers import ODOMETER, STORED_NUMBERS, TYPED_NUMBERS

READ_IN = """async ([version, tag, typed, stored]) => {
  const strings = await import(`/r/static/${version}/strings.js`);
  strings.useLanguage(tag);
  return [typed.map((text) => strings.readNumber(text)),
          stored.map((value) => strings.readNumber(strings.editableNumber(value)))];
}"""


def test_typed_numbers_read_by_the_desktops_rules_in_each_kind_of_language(live, phone):
    run_id = live.dispatch(ODOMETER, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    typed = [row[0] for row in TYPED_NUMBERS]
    for tag, column in (("en", 1), ("de-DE", 2), ("es", 2), ("ar", 1)):
        read, round_trip = page.evaluate(READ_IN, [VERSION, tag, typed, STORED_NUMBERS])
        assert read == [row[column] for row in TYPED_NUMBERS], tag
        assert round_trip == STORED_NUMBERS, tag  # a stored answer shown to edit reads back as itself


def server_km(live, run_id: str):
    return (live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-km") or {}).get("value")


def type_km(page, text: str) -> None:
    field = page.locator("#s-km-input")
    field.fill("")
    field.press_sequentially(text)  # key by key, as a person types: the browser's number field dropped ","
    field.blur()


def test_an_english_phone_keeps_the_thousands_comma_and_the_decimal_comma(live, phone):
    run_id = live.dispatch(ODOMETER, webhook=False)
    page = start_run(live, phone, run_id)
    type_km(page, "45,210")
    wait_for(lambda: server_km(live, run_id) == 45210, what="45210 km on the server")
    type_km(page, "12,5")
    wait_for(lambda: server_km(live, run_id) == 12.5, what="12.5 km on the server (it was 125)")
    expect(page.locator("#s-km-input")).not_to_have_attribute("aria-invalid", "true")
    type_km(page, "1,23,4")  # no number: said, kept as typed, nothing sent
    expect(page.locator("#s-km-problem")).to_contain_text("must be a number")
    expect(page.locator("#s-km-input")).to_have_value("1,23,4")
    assert server_km(live, run_id) == 12.5


def test_a_german_phone_reads_its_own_separators_and_shows_the_answer_in_them(live, browser):
    with run_in(live, browser, ODOMETER, "de-DE") as (run_id, _context, page):
        type_km(page, "1.234,5")
        wait_for(lambda: server_km(live, run_id) == 1234.5, what="1234.5 km on the server (it was 1.2345)")
        page.reload()
        expect(page.locator("#s-km-input")).to_have_value("1234,5")
        type_km(page, "٤٥٬٢١٠")  # Arabic digits and thousands separator
        wait_for(lambda: server_km(live, run_id) == 45210, what="45210 km on the server")


def test_what_a_number_step_takes_is_said_before_anything_is_typed(live, phone):
    """The phone said the range only once a number was refused; the desktop says it beside the field."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    field, expected = page.locator("#s-bar-input"), page.locator("#s-bar-expect")
    expect(expected).to_have_text("Enter a number from 0 to 4. At most 1 decimal place.")
    expect(field).to_have_attribute("aria-describedby", "s-bar-expect")
    field.fill("7")
    field.blur()
    expect(expected).to_be_hidden()  # the problem says it now, once
    expect(field).to_have_attribute("aria-describedby", "s-bar-problem")
    field.fill("3")
    field.blur()
    expect(expected).to_be_visible()
    expect(field).to_have_attribute("aria-describedby", "s-bar-expect")
