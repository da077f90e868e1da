"""Numbers and units keep their left-to-right order in an Arabic page ("-12.5" showed as "12.5-", the range
"من 30- إلى 10", the unit "°C" as "C°"), read off where the glyphs land on the screen; and "MB" is said in Arabic."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import photo_file, run_in, wait_for

FREEZER = {
    "name": "Freezer",
    "sections": [
        {
            "id": "g-one",
            "title": "Freezer",
            "steps": [
                {
                    "id": "s-temp",
                    "type": "number",
                    "label": "Temperature",
                    "config": {"unit": "°C", "min": -30, "max": 10, "decimal": 1},
                },
                {"id": "s-pics", "type": "photo", "label": "Photos", "config": {"min": 0, "max": 1}},
            ],
        }
    ],
}

# Where the first character of `first` and of `second` land on the screen, in the element's text: true when
# `first` is to the left of `second`.
LEFT_OF = """([selector, first, second]) => {
  const node = document.querySelector(selector);
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode();
  const x = (pattern) => {
    const i = text.data.search(pattern);
    if (i < 0) throw new Error(`${pattern} not in ${text.data}`);
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    return range.getBoundingClientRect().left;
  };
  return x(new RegExp(first)) < x(new RegExp(second));
}"""


def test_numbers_and_units_read_left_to_right_in_an_arabic_page(live, browser):
    with run_in(live, browser, FREEZER, "ar") as (run_id, context, page):
        field = page.locator("#s-temp-input")
        field.fill("-12.5")
        field.blur()
        assert field.evaluate("f => getComputedStyle(f).direction") == "ltr"
        expect(field).to_have_value("-12.5")
        # the range's lower limit: its minus left of its digits
        assert page.evaluate(LEFT_OF, ["#s-temp-expect", "[-\u2212]", "[0-9\u0660-\u0669]"])
        assert page.evaluate(LEFT_OF, ["#s-temp .unit", "°", "C"])  # "°C", not "C°"
        wait_for(
            lambda: (
                (live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-temp") or {}).get("value")
                == -12.5
            ),
            what="-12.5 on the server",
        )

        context.set_offline(True)
        page.set_input_files("#s-pics-file", files=[photo_file("p.jpg")])
        expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "1")
        details = page.locator("#sync-details")
        expect(details).to_contain_text("ميغابايت")
        assert "MB" not in details.text_content()
