"""A server upgrade while a phone holds the old runner: the new service worker keeps the old version's files
as long as a kept run page still refers to them, so the old page reloads offline; back online, the page is
fetched anew, the new version takes over and the old files go, and nothing in the outbox is lost.

The "old server" is the real one seen through a route that renames its version (same files, another
version string in the page and the worker): what the worker does with versions is what is tested."""

from __future__ import annotations

from playwright.sync_api import expect

from server.api.runner_assets import VERSION
from tests.browser.actions import wait_for
from tests.browser.templates import PHOTOS_ONLY

OLD = "0123456789ab"
CACHES = "async () => await caches.keys()"
KEPT_PAGE = "async () => { const kept = await caches.match(location.href); return kept ? kept.text() : ''; }"


def test_a_page_on_the_old_version_reloads_offline_after_an_upgrade(live, phone):
    run_a = live.dispatch(PHOTOS_ONLY, webhook=False)
    run_b = live.dispatch(PHOTOS_ONLY, webhook=False)

    def before_the_upgrade(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(VERSION, OLD))

    phone.route("**/r/sw.js", before_the_upgrade)
    phone.route(f"**/r/{run_a}", before_the_upgrade)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_a}")
    page.click("#start")
    page.locator("#progress-text").wait_for()
    wait_for(
        lambda: (
            f"rundun-runner-{OLD}" in page.evaluate(CACHES)
            and page.evaluate("async () => Boolean(await caches.match(location.href))")
        ),
        what="the old worker to keep the page and its files",
    )
    phone.set_offline(True)
    page.locator("#s-count-input").fill("7")
    page.locator("#s-count-input").blur()
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "1")
    page.close()

    phone.unroute("**/r/sw.js")  # the server is upgraded; the phone comes online and opens another run
    phone.unroute(f"**/r/{run_a}")
    phone.unroute("**/r/static/**")
    phone.set_offline(False)
    other = phone.new_page()
    other.goto(f"{live.url}/r/{run_b}")
    wait_for(
        lambda: f"rundun-runner-{VERSION}" in other.evaluate(CACHES),
        what="the new worker to cache the new files",
    )
    assert f"rundun-runner-{OLD}" in other.evaluate(CACHES)  # run A's kept page still refers to them
    other.close()

    phone.set_offline(True)  # offline again: run A opens on the old version, its answer waiting
    # set_offline may not reach the service worker's own fetches: the network refuses them too
    phone.route(f"**/r/{run_a}", lambda route: route.abort("internetdisconnected"))
    phone.route("**/r/static/**", lambda route: route.abort("internetdisconnected"))
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_a}")
    expect(page.locator("#s-count-input")).to_have_value("7")
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "1")
    assert page.evaluate("() => document.querySelector('script[type=module]').src").count(f"/{OLD}/") == 1

    phone.unroute(f"**/r/{run_a}")
    phone.unroute("**/r/static/**")
    phone.set_offline(False)  # back online: the new page, the old files dropped, the answer sent once
    page.reload()
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
    assert page.evaluate("() => document.querySelector('script[type=module]').src").count(f"/{VERSION}/") == 1
    wait_for(lambda: f"rundun-runner-{OLD}" not in page.evaluate(CACHES), what="the old files to go")
    answers = live.org.get(f"/v1/runs/{run_a}").json()["answers"]
    assert answers["s-count"]["value"] == 7
