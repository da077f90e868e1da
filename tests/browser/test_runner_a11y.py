"""Accessibility of the runner: axe-core (vendored, pinned: tests/browser/vendor) scans the open page and the
filled runner on a phone viewport; no serious or critical violation. Also the page's headers: a strict CSP,
cache headers, the versioned service worker."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from server.api import runner_assets
from tests.browser.actions import photo_file
from tests.browser.conftest import PHONE, axe_source
from tests.browser.templates import EVERY_TYPE, PHOTOS_ONLY

SCAN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}"""


def scan(page) -> list:
    page.add_script_tag(content=axe_source())
    return page.evaluate(SCAN)


def test_no_serious_or_critical_accessibility_violation(live, browser):
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    context = browser.new_context(**PHONE, bypass_csp=True)  # only to inject axe; the runner itself has none
    try:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        page.locator("#start").wait_for()
        assert scan(page) == []
        page.click("#start")
        page.locator("#progress-text").wait_for()
        page.locator("#complete").click()  # the list of what is missing is on screen too
        expect(page.locator("#missing li").first).to_be_visible()
        assert scan(page) == []
    finally:
        context.close()


def test_headers_of_the_page_the_files_and_the_service_worker(live):
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = live.org.get(f"/r/{run_id}", headers={"Authorization": ""})
    assert page.status_code == 200 and '<script type="module"' in page.text and "<script>" not in page.text
    assert "style=" not in page.text and "<style" not in page.text
    assert page.headers["content-security-policy"] == runner_assets.CSP
    assert page.headers["cache-control"] == "no-cache"
    app = live.org.get(runner_assets.asset_url("app.js"), headers={"Accept-Encoding": "gzip"})
    assert (
        app.headers["cache-control"] == runner_assets.IMMUTABLE and app.headers["content-encoding"] == "gzip"
    )
    assert app.headers["content-type"].startswith("text/javascript")
    worker = live.org.get("/r/sw.js")
    assert worker.headers["cache-control"] == "no-cache" and worker.headers["service-worker-allowed"] == "/r/"
    assert (
        f'"rundun-runner-{runner_assets.VERSION}"' not in worker.text and runner_assets.VERSION in worker.text
    )
    assert live.org.get("/r/static/whatever/nope.js").json()["error"] == "not_found"
    assert live.org.get("/r/r-00000000-0000-4000-8000-000000000000").status_code == 404


def test_the_page_names_every_module_the_runner_imports_so_a_slow_link_fetches_them_at_once(live):
    """On Fast 3G each round trip is half a second: a module discovered only when the module importing it
    arrived costs one more. The page preloads the whole import graph of app.js (bench/browser_runner.py: TTI)."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = live.org.get(f"/r/{run_id}", headers={"Authorization": ""}).text
    preloaded = set(re.findall(r'<link rel="modulepreload" href="([^"]+)">', page))
    graph, todo = set(), [runner_assets.asset_url("app.js")]
    while todo:
        url = todo.pop()
        graph.add(url)
        source = live.org.get(url).text
        for name in re.findall(r'^import [^;]*? from "\./([\w-]+\.js)";', source, re.MULTILINE):
            if runner_assets.asset_url(name) not in graph:
                todo.append(runner_assets.asset_url(name))
    assert len(graph) > 5 and graph <= preloaded


SMALL_TARGETS = """() => [...document.querySelectorAll("button, select, label.button, label.choice")]
  .filter((e) => e.getClientRects().length)
  .map((e) => { const r = e.getBoundingClientRect(); return [e.id || e.className || e.tagName, e.textContent.trim().slice(0, 20), Math.round(r.width), Math.round(r.height)]; })
  .filter(([, , w, h]) => w < 44 || h < 44)"""


def test_a_step_holding_its_most_photos_fades_its_picker_without_an_accessibility_violation(live, browser):
    """The picker of a full photo step is disabled and faded: axe must not count its words as low contrast
    text a person has to read (they belong to a disabled control), nor anything else."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    context = browser.new_context(**PHONE, bypass_csp=True)  # only to inject axe; the runner itself has none
    try:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        page.click("#start")
        page.set_input_files("#s-pics-file", files=[photo_file(f"p{k}.jpg") for k in range(4)])
        expect(page.locator("#s-pics .thumb")).to_have_count(4)
        expect(page.locator("#s-pics-file")).to_be_disabled()
        assert scan(page) == []
    finally:
        context.close()


def test_every_control_a_finger_taps_is_at_least_44_px(live, phone):
    """Apple's and Google's guidance for touch: 44 CSS px at least each way (links inside a sentence aside).
    The language switch was 36 px tall, a photo's remove button 32 px: thumbs missed them."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.locator("#start").wait_for()
    assert page.evaluate(SMALL_TARGETS) == []
    page.click("#start")
    page.set_input_files("#s-photo-file", files=[photo_file("plate.jpg")])
    expect(page.locator("#s-photo .thumb")).to_have_count(1)
    page.locator("#complete").click()
    assert page.evaluate(SMALL_TARGETS) == []


NUMBERS = {
    "name": "Cold room",
    "sections": [
        {
            "id": "g-one",
            "title": "Readings",
            "steps": [
                {
                    "id": "s-freezer",
                    "type": "number",
                    "label": "Freezer",
                    "config": {"unit": "°C", "min": -30},
                },
                {"id": "s-any", "type": "number", "label": "Offset", "config": {}},
                {"id": "s-kg", "type": "number", "label": "Weight", "config": {"min": 0, "decimal": 1}},
                {"id": "s-boxes", "type": "number", "label": "Boxes", "config": {"min": 0, "decimal": 0}},
            ],
        }
    ],
}


def test_a_number_that_may_be_negative_gets_a_keyboard_with_a_minus(live, phone):
    """iOS's decimal and numeric pads have no minus key: a freezer at -18 °C could not be typed on an iPhone.
    Only a step that cannot go below zero asks for them; the others get the full keyboard."""
    run_id = live.dispatch(NUMBERS, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    modes = {
        k: page.locator(f"#s-{k}-input").get_attribute("inputmode") for k in ("freezer", "any", "kg", "boxes")
    }
    assert modes == {"freezer": None, "any": None, "kg": "decimal", "boxes": "numeric"}
    page.locator("#s-freezer-input").fill("-18")
    page.locator("#s-freezer-input").blur()
    expect(page.locator("#progress-text")).to_have_text("1 of 4 done")


def test_a_skipped_step_says_skipped_in_words_with_full_contrast(live, phone):
    """Skipping a step turned it pale (opacity below the contrast the page keeps) and left "required" beside
    its label: now the badge says "Skipped" and the card's words keep their colours."""
    run_id = live.dispatch({**NUMBERS, "settings": {"allow_skip": True}}, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    page.locator('[data-skip="s-any"]').click()
    expect(page.locator("#s-any .badge")).to_have_text("Skipped")
    assert page.locator("#s-any").evaluate("(card) => getComputedStyle(card).opacity") == "1"
    page.locator('[data-skip="s-any"]').click()  # answered after all
    expect(page.locator("#s-any .badge")).to_have_text("required")


def test_after_start_the_focus_is_on_the_checklists_first_heading(live, phone):
    """A keyboard or screen reader user pressed Start, and the focus fell to the body (the button was gone)."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.locator("#start").focus()
    page.keyboard.press("Enter")
    page.locator("#progress-text").wait_for()
    heading = page.locator("[data-section='g-start'] h2")
    expect(heading).to_be_focused()
    expect(heading).to_have_text("Arrival")
