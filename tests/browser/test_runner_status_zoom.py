"""The status bar on a phone zoomed to 200 %: 393×851 is 196×425 CSS px. With three parts to say (offline, what
waits, what was refused) it took about 40 % of the screen, each part on lines of its own beside a "Details"
button two lines tall. It takes one line of words now beside the button, and still says everything that
matters there: the network's state and how many changes are not saved, how many were refused."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import photo_file, run_in
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_refusals import SPOIL_OUTBOX

ZOOMED = {"width": 196, "height": 425}  # 393×851 at 200 %

# The bar's height, the screen's, and whether every word of the summary shows whole (none cut or hidden).
MEASURE = """() => {
  const bar = document.getElementById("sync-status");
  const summary = document.getElementById("sync-summary");
  const whole = [...summary.querySelectorAll(".part")].every((part) => {
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


@pytest.mark.parametrize(("tag", "sent", "waiting", "details"), IN_WORDS)
def test_the_status_bar_at_200_percent_takes_little_of_the_screen_and_says_what_is_not_saved(
    live, browser, tag, sent, waiting, details
):
    with run_in(live, browser, PHOTOS_ONLY, tag, viewport=ZOOMED) as (_run_id, context, page):
        status, summary = page.locator("#sync-status"), page.locator("#sync-summary")
        context.set_offline(True)
        page.locator("#s-count-input").fill("12")
        page.locator("#s-count-input").blur()
        expect(status).to_have_attribute("data-waiting", "1")
        page.evaluate(SPOIL_OUTBOX)  # the server will refuse it: a third part
        page.reload()
        context.set_offline(False)
        expect(summary).to_have_text(sent)
        context.set_offline(True)
        page.locator("#s-memo-input").fill("Gate code 4711")
        page.locator("#s-memo-input").blur()
        page.set_input_files("#s-pics-file", files=[photo_file(f"p{k}.jpg") for k in range(2)])
        expect(status).to_have_attribute("data-waiting", "3")
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
