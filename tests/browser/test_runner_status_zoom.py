"""The status bar on a phone zoomed to 200 %: 393×851 is 196×425 CSS px. With three parts to say (offline, what
waits, what was refused) it took about 40 % of the screen, each part on lines of its own beside a "Details"
button two lines tall. It takes one line of words now beside the button, and still says everything that
matters there: the network's state and how many changes are not saved, how many were refused."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import photo_file, run_in
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_a11y import SMALL_TARGETS
from tests.browser.test_runner_refusals import SPOIL_OUTBOX

ZOOMED = {"width": 196, "height": 425}  # 393×851 at 200 %

# The bar's height, the screen's, and whether every word of the summary shows whole (none cut or hidden).
MEASURE = """() => {
  const bar = document.getElementById("sync-status");
  const summary = document.getElementById("sync-summary");
  // a part said by the one before it on a narrow screen ("2 to fix") is drawn empty
  const whole = [...summary.querySelectorAll('.part:not([data-short=""])')].every((part) => {
    const r = part.getBoundingClientRect();
    return r.width > 0 && part.scrollWidth <= part.clientWidth + 1 && r.right <= innerWidth + 0.5 && r.left >= -0.5;
  });
  return { bar: bar.getBoundingClientRect().height, screen: innerHeight, whole };
}"""


# (locale, the live region's line once everything is sent, and with changes waiting offline, the button's name)
IN_WORDS = [
    ("en", "Online · 1 refused", "Offline · 3 waiting to be sent · 1 refused", "Details"),
    ("de-DE", "Online · abgelehnt: 1", "Offline · Zu senden: 3 · abgelehnt: 1", "Details"),
    ("es-ES", "En línea · rechazados: 1", "Sin conexión · Por enviar: 3 · rechazados: 1", "Detalles"),
    ("ar", "متصل · مرفوضة: 1", "غير متصل · بانتظار الإرسال: 3 · مرفوضة: 1", "التفاصيل"),
]


def three_waiting_offline_one_refused(context, page, sent: str | None = None) -> None:
    """An answer the server refuses (a part of its own on the line: `sent` once the rest is sent), then three
    changes waiting offline."""
    status = page.locator("#sync-status")
    context.set_offline(True)
    page.locator("#s-count-input").fill("12")
    page.locator("#s-count-input").blur()
    expect(status).to_have_attribute("data-waiting", "1")
    page.evaluate(SPOIL_OUTBOX)  # the server will refuse it: a third part
    page.reload()
    context.set_offline(False)
    expect(status).to_have_attribute("data-waiting", "0")
    if sent:
        expect(page.locator("#sync-summary")).to_have_text(sent)
    context.set_offline(True)
    page.locator("#s-memo-input").fill("Gate code 4711")
    page.locator("#s-memo-input").blur()
    page.set_input_files("#s-pics-file", files=[photo_file(f"p{k}.jpg") for k in range(2)])
    expect(status).to_have_attribute("data-waiting", "3")


@pytest.mark.parametrize(("tag", "sent", "waiting", "details"), IN_WORDS)
def test_the_status_bar_at_200_percent_takes_little_of_the_screen_and_says_what_is_not_saved(
    live, browser, tag, sent, waiting, details
):
    with run_in(live, browser, PHOTOS_ONLY, tag, viewport=ZOOMED) as (_run_id, context, page):
        summary = page.locator("#sync-summary")
        three_waiting_offline_one_refused(context, page, sent)
        expect(summary).to_have_text(waiting)  # the live region's words, whole
        page.screenshot(path=f"/tmp/phone2-shots/zoom200-{tag}.png")
        seen = page.evaluate(MEASURE)
        assert seen["whole"], seen
        assert seen["bar"] <= 0.2 * seen["screen"], seen
        more = page.get_by_role("button", name=details, exact=True)  # its name stays, its arrow shows
        expect(more).to_have_attribute("aria-expanded", "false")
        more.click()  # the story behind the button, as before
        expect(page.locator("#sync-details")).to_be_visible()
        page.screenshot(path=f"/tmp/phone2-shots/zoom200-{tag}-details.png")


SMALL_ZOOMED = {"width": 180, "height": 370}  # a 360×740 phone at 200 %
# How many lines the summary's words take, measured with the layout, and the most two lines of the bar take.
LINES = """() => {
  const bar = document.getElementById("sync-status");
  const summary = document.getElementById("sync-summary");
  const style = getComputedStyle(bar);
  const line = parseFloat(style.lineHeight);
  return { lines: Math.round(summary.getBoundingClientRect().height / line), bar: bar.getBoundingClientRect().height,
    twoLines: 2 * line + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) };
}"""

# (locale, the live region's line with changes waiting offline and one refused, the same with the server out of reach)
ON_A_SMALL_PHONE = [
    (
        "es-ES",
        "Sin conexión · Por enviar: 3 · rechazados: 1",
        "El servidor no responde · Por enviar: 3 · rechazados: 1",
    ),
    (
        "de-DE",
        "Offline · Zu senden: 3 · abgelehnt: 1",
        "Server nicht erreichbar · Zu senden: 3 · abgelehnt: 1",
    ),
    (
        "ar",
        "غير متصل · بانتظار الإرسال: 3 · مرفوضة: 1",
        "تعذّر الوصول إلى الخادم · بانتظار الإرسال: 3 · مرفوضة: 1",
    ),
    (
        "en",
        "Offline · 3 waiting to be sent · 1 refused",
        "Can't reach the server · 3 waiting to be sent · 1 refused",
    ),
]


def two_lines_at_most(page, shot: str) -> None:
    page.screenshot(path=f"/tmp/phone2-shots/{shot}.png")
    seen = page.evaluate(LINES)
    assert seen["lines"] <= 2 and seen["bar"] <= seen["twoLines"] + 0.5, seen
    assert page.evaluate(MEASURE)["whole"]


@pytest.mark.parametrize(("tag", "offline", "unreachable"), ON_A_SMALL_PHONE)
def test_on_a_360_px_phone_at_200_percent_the_status_takes_two_lines_at_most(
    live, browser, tag, offline, unreachable
):
    """Spanish's "Sin conexión · Por enviar: 3 · rechazados: 1" took three lines of a 360 px phone at 200 %
    beside the "Details" button's column (German's and Arabic's too): the closed bar is the button now, its
    arrow at the end, and the words drawn on a narrow screen are shorter ("Sin red", "3 en cola", "rechaz.: 1";
    "3 offen"; "للإرسال: 3"), the whole words kept for a screen reader."""
    with run_in(live, browser, PHOTOS_ONLY, tag, viewport=SMALL_ZOOMED) as (_run_id, context, page):
        summary = page.locator("#sync-summary")
        three_waiting_offline_one_refused(context, page)
        expect(summary).to_have_text(offline)  # the live region's words, whole
        two_lines_at_most(page, f"zoom200-360-{tag}-offline")

        page.route("**/v1/**", lambda route: route.abort())  # the network back, the server silent
        context.set_offline(False)
        expect(summary).to_have_text(unreachable)
        two_lines_at_most(page, f"zoom200-360-{tag}-unreachable")
        assert page.evaluate(SMALL_TARGETS) == []  # the bar, the button, is a finger's target
        page.get_by_role("button", name=details_in(tag), exact=True).click()
        expect(page.locator("#sync-details")).to_be_visible()
        assert page.evaluate(SMALL_TARGETS) == []


def details_in(tag: str) -> str:
    return next(details for locale, _sent, _waiting, details in IN_WORDS if locale == tag)


# By locale: the live region's line with changes waiting, a field not saved and one refused (offline, then with
# the server out of reach), and what a narrow screen draws of the two last parts.
FOUR_PARTS = {
    "en": (
        "Offline · 3 waiting to be sent · 1 not saved · 1 refused",
        "Can't reach the server · 3 waiting to be sent · 1 not saved · 1 refused",
        "2 to fix",
    ),
    "de-DE": (
        "Offline · Zu senden: 3 · nicht gespeichert: 1 · abgelehnt: 1",
        "Server nicht erreichbar · Zu senden: 3 · nicht gespeichert: 1 · abgelehnt: 1",
        "zu prüfen: 2",
    ),
    "es-ES": (
        "Sin conexión · Por enviar: 3 · sin guardar: 1 · rechazados: 1",
        "El servidor no responde · Por enviar: 3 · sin guardar: 1 · rechazados: 1",
        "revisar: 2",
    ),
    "ar": (
        "غير متصل · بانتظار الإرسال: 3 · غير محفوظة: 1 · مرفوضة: 1",
        "تعذّر الوصول إلى الخادم · بانتظار الإرسال: 3 · غير محفوظة: 1 · مرفوضة: 1",
        "للتصحيح: 2",
    ),
}


@pytest.mark.parametrize("tag", FOUR_PARTS)
def test_four_parts_of_status_on_a_360_px_phone_at_200_percent_take_two_lines_at_most(live, browser, tag):
    """Waiting, not saved (a field holding what its step does not take) and refused beside "Offline": the
    fourth part took a third line of the 180 px the bar has. Not saved and refused are one part drawn there
    (both are the person's to put right; "Details" names each), their own words kept for a screen reader."""
    with run_in(live, browser, PHOTOS_ONLY, tag, viewport=SMALL_ZOOMED) as (_run_id, context, page):
        offline, unreachable, to_fix = FOUR_PARTS[tag]
        summary = page.locator("#sync-summary")
        three_waiting_offline_one_refused(context, page)
        page.locator("#s-count-input").fill("999")  # over the step's 100: held, not saved
        page.locator("#s-count-input").blur()
        expect(summary).to_have_text(offline)  # the live region's words, whole
        expect(summary.locator(".part").nth(2)).to_have_attribute("data-short", to_fix)
        two_lines_at_most(page, f"zoom200-360-four-{tag}-offline")

        page.route("**/v1/**", lambda route: route.abort())  # the network back, the server silent
        context.set_offline(False)
        expect(summary).to_have_text(unreachable)
        two_lines_at_most(page, f"zoom200-360-four-{tag}-unreachable")
