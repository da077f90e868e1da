"""With nothing waiting to be sent, the status line still tells whether the server answers. Only the outbox's
sending tested it, so a server that had stopped (or a phone on a captive Wi-Fi) still read "Online · Everything
is saved on the server." while nothing waited. The page probes now, at the moments it matters and every so often
while it is seen: never while hidden, never two at once, never beside the outbox's own requests."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import expect

from tests.browser.actions import phone_in, photo_file, start_run, wait_for
from tests.browser.conftest import WAIT_MS
from tests.browser.test_runner_offline import HIDE_PAGE
from tests.browser.test_runner_unreachable import own  # noqa: F401 - the fixture: a server of the test's own

PROBE_EVERY_MS = 60_000  # reach.js PROBE_EVERY
SHOW_PAGE = """() => {
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
  window.dispatchEvent(new Event("focus"));  // a phone's page shown again is focused in the same moment
}"""


@dataclass
class Asks:
    """The requests of a page that say whether the server answers: the probe (tus discovery without a
    `Rundun-Device` note: the outbox's last word carries one) and the run's state. How many were sent, and the
    most on their way at once."""

    sent: int = 0
    looked_up: int = (
        0  # the run's state fetched (a page shown again, a photo's upload looked for), answered or not
    )
    most_at_once: int = 0
    on_their_way: set = field(default_factory=set)

    @staticmethod
    def probe(request) -> bool:
        return (
            request.method == "OPTIONS"
            and "/uploads/" in request.url
            and "rundun-device" not in request.headers
        )

    @classmethod
    def asks(cls, request) -> bool:
        return cls.probe(request) or (request.method == "GET" and request.url.endswith("/state"))

    def watch(self, page) -> Asks:
        def started(request):
            if self.asks(request):
                self.sent += self.probe(request)
                self.on_their_way.add(request)
                self.most_at_once = max(self.most_at_once, len(self.on_their_way))

        def ended(request):
            if request in self.on_their_way and not self.probe(request):
                self.looked_up += 1
            self.on_their_way.discard(request)

        page.on("request", started)
        page.on("requestfinished", ended)
        page.on("requestfailed", ended)
        return self


# (locale, the line with nothing waiting, the same with the server out of reach)
IN_WORDS = [
    (
        "en",
        "Online · Everything is saved on the server.",
        "Can't reach the server · Everything is saved on the server.",
    ),
    (
        "es-ES",
        "En línea · Todo está guardado en el servidor.",
        "El servidor no responde · Todo está guardado en el servidor.",
    ),
]


@pytest.mark.parametrize(("tag", "online", "unreachable"), IN_WORDS)
def test_with_nothing_waiting_a_server_that_stops_answering_is_said_and_online_again_once_it_answers(
    own,  # noqa: F811
    browser,
    tag,
    online,
    unreachable,
):
    run_id = own.dispatch()
    with phone_in(browser, tag) as context:
        context.add_init_script(
            "localStorage.setItem('rundun.probe-ms', '1000')"
        )  # a probe every second or so
        page = start_run(own, context, run_id)
        asks = Asks().watch(page)
        summary = page.locator("#sync-summary")
        expect(summary).to_have_text(online, timeout=WAIT_MS)
        own.server.stop()  # the phone's network stays up; nothing waits to be sent
        expect(summary).to_have_text(unreachable, timeout=WAIT_MS)
        expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
        own.server.start()  # the same port: the page's own origin
        expect(summary).to_have_text(online, timeout=WAIT_MS)  # the next probe: within five intervals
        assert asks.sent >= 2, asks
        assert asks.most_at_once == 1, asks


def test_a_captive_portal_answering_for_the_server_is_no_server(own, browser):  # noqa: F811
    """A Wi-Fi's login page answers every request with its own page: that is not the server."""
    run_id = own.dispatch()
    with phone_in(browser, "en") as context:
        context.add_init_script("localStorage.setItem('rundun.probe-ms', '1000')")
        page = start_run(own, context, run_id)
        summary = page.locator("#sync-summary")
        expect(summary).to_have_text("Online · Everything is saved on the server.", timeout=WAIT_MS)
        portal = "<!doctype html><title>Sign in to CityWiFi</title><form>Accept the terms</form>"
        page.route("**/v1/**", lambda route: route.fulfill(status=200, content_type="text/html", body=portal))
        expect(summary).to_have_text(
            "Can't reach the server · Everything is saved on the server.", timeout=WAIT_MS
        )
        page.unroute("**/v1/**")
        expect(summary).to_have_text("Online · Everything is saved on the server.", timeout=WAIT_MS)


def test_the_probe_waits_while_the_page_is_hidden_and_asks_once_when_it_is_shown(own, browser):  # noqa: F811
    """The page's clock is the test's (Playwright's clock): ten probe intervals pass hidden and nothing is asked;
    shown again (visibilitychange and focus together) it asks once at once, then once an interval."""
    run_id = own.dispatch()
    with phone_in(browser, "en") as context:
        context.clock.install()
        page = start_run(own, context, run_id)
        asks = Asks().watch(page)
        summary = page.locator("#sync-summary")
        expect(summary).to_have_text("Online · Everything is saved on the server.", timeout=WAIT_MS)
        page.evaluate(HIDE_PAGE)
        wait_for(lambda: not asks.on_their_way, page=page, what="nothing on its way")
        asks.sent = 0  # counted from here: one was asked while the page was seen
        page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # from here time moves when the test says
        own.server.stop()
        page.clock.run_for(10 * PROBE_EVERY_MS)
        wait_for(lambda: not asks.on_their_way, page=page, what="nothing on its way")
        assert asks.sent == 0, asks
        expect(summary).to_have_text(
            "Online · Everything is saved on the server.", timeout=WAIT_MS
        )  # nobody asked

        page.evaluate(SHOW_PAGE)  # the run's state is fetched, and that is the probe: nothing beside it
        page.clock.run_for(1)
        expect(summary).to_have_text(
            "Can't reach the server · Everything is saved on the server.", timeout=WAIT_MS
        )
        wait_for(lambda: not asks.on_their_way, page=page, what="nothing on its way")
        assert asks.most_at_once == 1, asks

        page.clock.run_for(PROBE_EVERY_MS)  # while it does not answer, the probes come sooner, one at a time
        wait_for(lambda: asks.sent >= 1, page=page, what="a probe")
        own.server.start()
        for _ in range(
            12
        ):  # intervals doubling up to five probe intervals, each drawn in its upper half or less
            page.clock.run_for(5 * PROBE_EVERY_MS)
            wait_for(lambda: not asks.on_their_way, page=page, what="nothing on its way")
            if page.locator("#sync-summary").text_content().startswith("Online"):
                break
        expect(summary).to_have_text("Online · Everything is saved on the server.", timeout=WAIT_MS)
        assert asks.most_at_once == 1, asks


def test_what_waited_removed_while_the_server_was_silent_the_probe_comes_soon(own, browser):  # noqa: F811
    """The outbox found the server silent, then its one waiting photo was removed: nothing waits, so the probe
    asks, and soon (the backoff's first wait, not a whole interval as for a server that answered)."""
    run_id = own.dispatch()
    with phone_in(browser, "en") as context:
        context.clock.install()
        page = start_run(own, context, run_id)
        asks = Asks().watch(page)
        summary = page.locator("#sync-summary")
        expect(summary).to_have_text("Online · Everything is saved on the server.", timeout=WAIT_MS)
        own.server.stop()
        page.set_input_files("#s-pics-file", files=[photo_file("p.jpg")])
        expect(summary).to_have_text("Can't reach the server · 1 waiting to be sent", timeout=WAIT_MS)
        page.clock.pause_at(page.evaluate("Date.now()") + 1000)
        for _ in range(10):  # the outbox tries again and again, until it waits its longest (5 min, jittered)
            page.clock.run_for(5 * PROBE_EVERY_MS)
            wait_for(lambda: not asks.on_their_way, page=page, what="nothing on its way")
        asks.looked_up = 0
        page.evaluate(
            "window.dispatchEvent(new Event('focus'))"
        )  # back to the page: the outbox is the one to ask
        page.clock.run_for(1)
        page.get_by_role("button", name="Remove photo 1").click()
        expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
        expect(summary).to_have_text(
            "Can't reach the server · Everything is saved on the server.", timeout=WAIT_MS
        )
        # what the server may have of the photo is looked for (its upload was begun), in vain: tried again later
        wait_for(lambda: asks.looked_up and not asks.on_their_way, page=page, what="the photo looked for")
        own.server.start()
        asks.sent = 0
        page.clock.run_for(PROBE_EVERY_MS // 12)
        expect(summary).to_have_text("Online · Everything is saved on the server.", timeout=WAIT_MS)
        assert asks.sent == 1, asks  # the probe said it, not the outbox
