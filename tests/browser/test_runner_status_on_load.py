"""The status line as the page loads: it says nothing of what waits until the phone has counted its outbox.
It said "Everything is saved on the server." (a live region: read out) on every reload and every link opened
again while answers and photos waited on the phone, until its first count, which waits for the server's copy
of the run on a slow network."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import photo_file
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_device import answer
from tests.browser.test_runner_offline import open_online

# Every text the status line shows from the page's first script on, kept in the page.
RECORD_STATUS = """
  window.statusSaid = [];
  new MutationObserver(() => {
    const line = document.getElementById("sync-status");
    if (line && line.textContent) window.statusSaid.push(line.textContent);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
"""


def said(page) -> list[str]:
    return list(dict.fromkeys(page.evaluate("window.statusSaid")))


def test_a_reload_with_changes_waiting_never_says_everything_is_saved(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    phone.set_offline(True)
    answer(page, "s-memo", "Gate code 4711")
    page.set_input_files("#s-pics-file", files=[photo_file("p0.jpg"), photo_file("p1.jpg")])
    status = page.locator("#sync-status")
    expect(status).to_have_attribute("data-waiting", "3")

    phone.add_init_script(RECORD_STATUS)
    page.reload()  # offline: the page from the service worker, the run and its outbox from IndexedDB
    expect(page.locator("#sync-summary")).to_have_text("Offline · 3 waiting to be sent")
    assert not [text for text in said(page) if "saved on the server" in text], said(page)

    # Online, the link opened again in a new tab while the server's copy of the run is slow to come: the line
    # says "Online" and, once it has counted, what waits; never that it is all on the server.
    page.close()
    phone.set_offline(False)
    page = phone.new_page()
    held: list = []
    page.route(f"**/v1/runs/{run_id}/state", lambda route: held.append(route))
    page.route("**/v1/runs/*/sync", lambda route: route.abort("internetdisconnected"))
    page.route("**/uploads/**", lambda route: route.abort("internetdisconnected"))
    page.goto(f"{live.url}/r/{run_id}")
    expect(page.locator("#s-pics .thumb")).to_have_count(2)
    expect(page.locator("#sync-summary")).to_have_text("Online · 3 waiting to be sent")
    assert not [text for text in said(page) if "saved on the server" in text], said(page)
    for route in held:
        route.continue_()
