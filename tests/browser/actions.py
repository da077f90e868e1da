"""What an executor does on the phone, as Playwright steps on the runner's page (shared by the tests)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, WAIT_MS, jpeg


def wait_for(
    condition: Callable[[], object], timeout: float = 60.0, what: str = "condition", page=None
) -> object:
    """Poll until `condition()` is truthy (a generous deadline: the machine may be busy). With `page`, wait
    through Playwright, whose sync API runs route handlers and events only while it is called."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if page is not None:
            page.wait_for_timeout(100)
        else:
            time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@contextmanager
def phone_in(browser, locale: str, **options) -> Iterator:
    """A fresh phone-sized context whose browser speaks `locale` (navigator.languages and Accept-Language)."""
    context = browser.new_context(**{**PHONE, "locale": locale, **options})
    context.set_default_timeout(WAIT_MS)
    try:
        yield context
    finally:
        context.close()


@contextmanager
def run_in(live, browser, template: dict, locale: str, **options) -> Iterator:
    """A run of `template` dispatched and started on a phone that speaks `locale`: (run id, context, page)."""
    run_id = live.dispatch(template, webhook=False)
    with phone_in(browser, locale, **options) as context:
        yield run_id, context, start_run(live, context, run_id)


# The page can be opened with no network: its service worker is active and has kept the page.
OFFLINE_READY = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return Boolean(registration && registration.active && registration.active.state === "activated"
    && await caches.match(location.origin + location.pathname));
}"""


def start_run(live, context, run_id: str):
    """A new page of `context` on the run's link, started: its steps on screen, and ready to be reloaded
    offline (a test that went offline before the service worker had kept the page saw its reload fail with
    net::ERR_FAILED on a busy machine)."""
    page = context.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    page.locator("#progress-text").wait_for()
    wait_for(lambda: page.evaluate(OFFLINE_READY), what="the service worker to keep the page")
    return page


def photo_file(name: str, data: bytes | None = None) -> dict:
    return {"name": name, "mimeType": "image/jpeg", "buffer": data or jpeg()}


def flag_count_and_photos(page, photos: list[bytes]) -> None:
    """On templates.PHOTOS_ONLY: "Site open?" yes, 12 meters, and these photos added at once."""
    page.locator("#s-flag input[value='true']").check()  # "Yes", "Sí", "Ja": the page's own word
    page.locator("#s-count-input").fill("12")
    page.locator("#s-count-input").blur()
    page.set_input_files("#s-pics-file", files=[photo_file(f"p{k}.jpg", b) for k, b in enumerate(photos)])
    expect(page.locator("#s-pics .thumb")).to_have_count(len(photos))


def sign(page, box_selector: str, *, lower: int = 0, keep: bool = True) -> None:
    """Draw a stroke on a signature pad and keep it (`lower`: pixels further down, another signature; `keep`
    False: drawn only)."""
    canvas = page.locator(f"{box_selector} canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 40 + lower)
    page.mouse.down()
    for k in range(1, 12):
        page.mouse.move(box["x"] + 20 + k * 15, box["y"] + 40 + lower + (k % 3) * 20)
    page.mouse.up()
    if keep:
        page.locator(f"{box_selector} button", has_text="Keep this signature").click()


def fill_every_type(page) -> None:
    """Answer every step of templates.EVERY_TYPE, as a person would, in document order."""
    page.get_by_label("No").first.check()
    page.locator("#s-why-input").fill("The cellar is locked")
    page.locator("#s-why-input").blur()
    page.get_by_label("Yes").first.check()  # the condition hides 'Why not?' again
    page.locator("#s-bar-input").fill("1.5")
    page.locator("#s-bar-input").blur()
    page.locator("#s-note-input").fill("SN-42")
    page.locator("#s-note-input").blur()
    page.locator("#s-kind").get_by_label("Gas").check()
    page.locator("#s-parts").get_by_label("Pump").check()
    page.locator("#s-parts").get_by_label("Valve").check()
    page.locator("#s-state").get_by_label("4").check()
    page.locator("#s-day-input").fill("2026-01-15")
    page.locator("#s-day-input").blur()
    page.locator("#s-time-input").fill("08:30")
    page.locator("#s-time-input").blur()
    page.set_input_files("#s-photo-file", files=[photo_file("plate.jpg", jpeg(1600, 800, orientation=6))])
    page.locator("#s-photo .thumb").first.wait_for()
    sign(page, '[data-signature="s-sign"]')
    page.locator('[data-signature="s-sign"] img.signed').wait_for()
    sign(page, '[data-signature="_run"]')


EVERY_TYPE_VALUES = {
    "s-ok": True,
    "s-bar": 1.5,
    "s-note": "SN-42",
    "s-kind": "o-gas",
    "s-parts": ["o-pump", "o-valve"],
    "s-state": 4,
    "s-day": "2026-01-15",
    "s-time": "08:30",
    "s-photo": None,
    "s-sign": None,
}


def server_value(live, run_id: str, step_id: str) -> object:
    """The value of a step's answer as the server has it (None while it has none)."""
    return (live.org.get(f"/v1/runs/{run_id}").json()["answers"].get(step_id) or {}).get("value")


def expect_read_only(page, selector: str, value: str | None = None) -> None:
    """A closed run's field: still on screen with what it holds (`value`), taking nothing (disabled: a screen
    reader still reads it)."""
    field = page.locator(selector)
    expect(field).to_be_visible()
    expect(field).to_be_disabled()
    if value is not None:
        expect(field).to_have_value(value)
