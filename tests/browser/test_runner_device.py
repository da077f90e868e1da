"""What the runner tells the server and the executor about this device: the `Rundun-Device` header (SPEC
§10) with the operations the server refused, the persistent-storage answer in words, and a page that runs
under its Content-Security-Policy with no inline script and no violation."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import wait_for
from tests.browser.conftest import WAIT_MS
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_offline import open_online

# An answer kept by an older runner (or a corrupted store) that the server will refuse: not a number.
SPOIL_WAITING_ANSWER = """async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); r.onerror = no; });
  const store = db.transaction("outbox", "readwrite").objectStore("outbox");
  const ops = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); });
  const op = ops.find((o) => o.step_id === "s-count");
  op.value = "twelve";
  await new Promise((ok) => { const r = store.put(op); r.onsuccess = ok; });
}"""


def answer(page, step: str, value: str) -> None:
    page.locator(f"#{step}-input").fill(value)
    page.locator(f"#{step}-input").blur()


def test_rundun_device_counts_what_waits_and_what_the_server_refused(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    sent: list[dict[str, str]] = []
    page.on("request", lambda r: sent.append(r.headers) if r.url.endswith("/sync") else None)
    phone.set_offline(True)
    answer(page, "s-count", "12")
    answer(page, "s-memo", "first")
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "2")
    page.evaluate(SPOIL_WAITING_ANSWER)
    page.reload()  # offline: the page reads its outbox as stored (the syncer keeps what it read before)
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "2")
    phone.set_offline(False)
    status = page.locator("#sync-status")
    expect(status).to_contain_text("1 change refused by the server")
    first = sent[0]["rundun-device"]
    assert first == "pending-ops=2; pending-bytes=0; failed-ops=0; app=rundun-browser/1", first

    answer(page, "s-memo", "second")  # the refused answer is still counted
    wait_for(lambda: len(sent) == 2, what="the second /sync", page=page)
    assert sent[-1]["rundun-device"].split("; ")[:3] == ["pending-ops=1", "pending-bytes=0", "failed-ops=1"]

    answer(page, "s-count", "13")  # a new answer to that step replaces the refused one
    expect(status).not_to_contain_text("refused")
    doc = wait_for(
        lambda: live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-count"), what="13 on the server"
    )
    assert doc["value"] == 13 and "failed-ops=0" in sent[-1]["rundun-device"]
    assert live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-memo"]["value"] == "second"


def test_the_page_says_when_the_browser_refuses_persistent_storage(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    assert page.evaluate("async () => await navigator.storage.persist()") is False  # headless Chromium
    page.locator("#s-flag").get_by_label("Yes").check()
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
    # everything is on the server: the warning would only take a fifth of a small phone's screen
    expect(page.locator("#sync-status")).to_have_text("Online · Everything is saved on the server.")
    phone.set_offline(True)
    page.locator("#s-memo-input").fill("kept here")
    page.locator("#s-memo-input").blur()
    expect(page.locator("#sync-status")).to_contain_text("did not grant persistent storage")
    expect(page.locator("#sync-status")).to_contain_text("Stay online until everything is sent")
    phone.set_offline(False)
    expect(page.locator("#sync-status")).to_have_text(
        "Online · Everything is saved on the server.", timeout=WAIT_MS
    )


def test_no_inline_script_and_no_policy_violation(live, phone):
    phone.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective));"
    )
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = phone.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    answer(page, "s-count", "3")
    page.locator("#s-flag").get_by_label("Yes").check()
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
    assert page.evaluate("() => [...document.scripts].every((s) => s.src && s.type === 'module')")
    assert page.evaluate("() => document.querySelectorAll('style').length") == 0
    assert page.evaluate("() => window.cspViolations") == []
    assert not [line for line in console if "Content Security Policy" in line], console


def test_once_everything_is_on_the_server_the_monitor_hears_that_nothing_waits(live, phone):
    """Each request counts its own change as waiting, so the last one left the run's device note at "1
    change on the device" for a run whose every change was on the server (seen in the monitor under Xvfb)."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    answer(page, "s-count", "12")
    answer(page, "s-memo", "all done")
    # The last change on the server first: it came with a note counting itself, which only a later request
    # (the last word) can bring to 0; a 0 read before it could be the note of the drain before.
    run = lambda: live.org.get(f"/v1/runs/{run_id}").json()
    wait_for(lambda: "s-memo" in run()["answers"], what="the last answer on the server", page=page)
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
    device = wait_for(
        lambda: (d := run()["device"]) and d["pending_ops"] == 0 and d,
        what="the device note saying nothing waits",
        page=page,
    )
    assert device["failed_ops"] == 0 and device["app"] == "rundun-browser/1", device
    assert run()["answers"]["s-memo"]["value"] == "all done"
