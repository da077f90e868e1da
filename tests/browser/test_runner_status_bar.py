"""The status bar fixed at the bottom of a phone's screen: one short line (two at most at 360 px, in German's
long words too) that its live region announces, the whole story behind "Details". It took about seven lines
of a 360 px screen while changes waited offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import photo_file, run_in
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_a11y import SMALL_TARGETS, scan
from tests.browser.test_runner_refusals import SPOIL_OUTBOX

SMALL_PHONE = {"width": 360, "height": 740}
# The bar's height, and the most two lines of its text take (its vertical padding included).
HEIGHTS = """() => {
  const bar = document.getElementById("sync-status");
  const style = getComputedStyle(bar);
  return [bar.getBoundingClientRect().height,
    2 * parseFloat(style.lineHeight) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)];
}"""

# (locale, the short line with changes waiting offline and one refused, the same once everything is sent)
IN_WORDS = [
    ("en", "Offline · 3 waiting to be sent · 1 refused", "Online · 1 refused"),
    ("de-DE", "Offline · Zu senden: 3 · abgelehnt: 1", "Online · abgelehnt: 1"),
    ("es-ES", "Sin conexión · Por enviar: 3 · rechazados: 1", "En línea · rechazados: 1"),
    ("ar", "غير متصل · بانتظار الإرسال: 3 · مرفوضة: 1", "متصل · مرفوضة: 1"),
]


def fits_two_lines(page) -> None:
    height, two_lines = page.evaluate(HEIGHTS)
    assert height <= two_lines + 0.5, (height, two_lines)


@pytest.mark.parametrize(("tag", "waiting", "sent"), IN_WORDS)
def test_the_status_bar_takes_two_lines_at_most_on_a_360_px_phone(live, browser, tag, waiting, sent):
    # bypass_csp only to inject axe-core; the runner itself has no inline script
    with run_in(live, browser, PHOTOS_ONLY, tag, viewport=SMALL_PHONE, bypass_csp=True) as (
        _run_id,
        context,
        page,
    ):
        status = page.locator("#sync-status")
        context.set_offline(True)
        page.locator("#s-count-input").fill("12")
        page.locator("#s-count-input").blur()
        expect(status).to_have_attribute("data-waiting", "1")
        page.evaluate(SPOIL_OUTBOX)  # the server will refuse it: a refusal to tell, with its step and why
        page.reload()
        context.set_offline(False)
        summary = page.locator("#sync-summary")
        expect(summary).to_have_text(sent)
        context.set_offline(True)
        page.locator("#s-memo-input").fill("Gate code 4711")
        page.locator("#s-memo-input").blur()
        page.set_input_files("#s-pics-file", files=[photo_file(f"p{k}.jpg") for k in range(2)])
        expect(status).to_have_attribute("data-waiting", "3")

        # one short line in the live region, read out as it changes; the rest behind "Details"
        assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
        expect(summary).to_have_text(waiting)
        details = page.locator("#sync-details")
        more = page.locator("#sync-more")
        expect(details).to_be_hidden()
        expect(more).to_have_attribute("aria-expanded", "false")
        expect(more).to_have_attribute("aria-controls", "sync-details")
        fits_two_lines(page)
        page.screenshot(path=f"/tmp/rundun-status-{tag}.png")

        more.click()  # the whole story on tap
        expect(details).to_be_visible()
        expect(more).to_have_attribute("aria-expanded", "true")
        expect(details).to_contain_text("\u2068Meters\u2069")
        page.screenshot(path=f"/tmp/rundun-status-{tag}-details.png")
        assert page.evaluate(SMALL_TARGETS) == []  # "Details" too is 44 px each way
        assert scan(page) == []
        more.click()
        expect(details).to_be_hidden()
        fits_two_lines(page)

        context.set_offline(False)
        expect(summary).to_have_text(sent)
        fits_two_lines(page)
