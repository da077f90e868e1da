"""A photo on a slow link says how much of it has left: a bar on the photo itself and the share sent in the
status bar's details. Each photo was one `fetch`, which tells nothing until the answer: on a slow mobile link a
photo waited "sending now…" for a minute with no sign of life. The link is slowed by Chromium's own network
emulation (DevTools' throttling), the server is the real one."""

from __future__ import annotations

import hashlib

import httpx
from playwright.sync_api import expect

from tests.browser.actions import photo_file, start_run, wait_for
from tests.browser.conftest import jpeg
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_offline import LOCAL_SHAS

# What the photo's meter and the status bar say at this moment.
SNAPSHOT = """() => {
  const meter = document.querySelector("#s-pics .thumb .upload[role=progressbar]");
  const bar = document.querySelector("#sync-status .sending .fill");
  return { meter: meter ? Number(meter.getAttribute("aria-valuenow")) : null,
           label: meter ? meter.getAttribute("aria-label") : null,
           bar: bar ? parseFloat(bar.style.width) : null,
           details: document.getElementById("sync-details")?.textContent || "" };
}"""


def slow_link(context, page, bytes_per_second: int) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    conditions = {"offline": False, "latency": 0, "downloadThroughput": -1}
    cdp.send("Network.emulateNetworkConditions", {**conditions, "uploadThroughput": bytes_per_second})


def test_a_photo_on_a_slow_link_shows_how_much_of_it_has_left(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = start_run(live, phone, run_id)
    slow_link(phone, page, 200_000)
    page.set_input_files("#s-pics-file", files=[photo_file("slow.jpg", jpeg(1100, 800, noise=True))])
    expect(page.locator("#s-pics .thumb")).to_have_count(1)

    seen: list[dict] = []

    def part_way() -> bool:
        now = page.evaluate(SNAPSHOT)
        if now["meter"] is not None:
            seen.append(now)
        return now["meter"] is not None and 0 < now["meter"] < 100 and "% sent" in now["details"]

    wait_for(part_way, what="the photo part-way sent", page=page)
    middle = seen[-1]
    assert middle["label"] == "Sending photo 1 of 1"
    assert 0 < middle["bar"] < 100, middle
    share = int(middle["details"].split("sending now… ")[1].split("%")[0])
    assert share % 10 == 0 and 0 <= share < 100, middle["details"]  # in steps of a tenth: a live region

    # It moves on, and never back, until the server has the photo: then the meter and the bar go.
    wait_for(
        lambda: part_way() and seen[-1]["meter"] > middle["meter"], what="the meter to move on", page=page
    )
    status = page.locator("#sync-status")
    expect(status).to_contain_text("Everything is saved on the server", timeout=120_000)
    expect(page.locator("#s-pics .thumb .upload")).to_have_count(0)
    expect(page.locator("#sync-status .sending")).to_have_count(0)
    meters = [s["meter"] for s in seen]
    assert meters == sorted(meters), meters
    local = dict(page.evaluate(LOCAL_SHAS))
    photos = live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-pics"]["photos"]
    assert [p["sha256"] for p in photos] == [local[0]]
    stored = httpx.get(photos[0]["url"], timeout=30).content
    assert hashlib.sha256(stored).hexdigest() == local[0]


# Every name and value the photos' meters were given, from their creation on (a MutationObserver).
WATCH_METERS = """() => {
  window.meterSays = [];
  const record = (meter) => window.meterSays.push({ label: meter.getAttribute("aria-label"), now: meter.getAttribute("aria-valuenow") });
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") record(change.target);
      for (const node of change.addedNodes || []) {
        if (node.nodeType === 1) node.querySelectorAll?.(".upload[role=progressbar]").forEach(record);
        if (node.nodeType === 1 && node.matches(".upload[role=progressbar]")) record(node);
      }
    }
  }).observe(document.getElementById("s-pics"), { subtree: true, childList: true, attributes: true,
    attributeFilter: ["aria-label", "aria-valuenow"] });
}"""


def test_two_photos_on_their_way_in_one_step_each_say_which_they_are_once(live, phone):
    """Two photos sent at once in one step both said "Sending this photo" to a screen reader, which could not
    tell them apart; and their value changed with every packet, each change said again. Each says which photo
    it is now, named once, its value in steps of a tenth."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = start_run(live, phone, run_id)
    slow_link(phone, page, 200_000)
    page.evaluate(WATCH_METERS)
    photos = [photo_file(f"p{n}.jpg", jpeg(1100, 800, noise=True)) for n in (1, 2)]
    page.set_input_files("#s-pics-file", files=photos)
    meters = page.locator("#s-pics .thumb .upload[role=progressbar]")
    wait_for(lambda: meters.count() == 2, what="both photos on their way", page=page)
    expect(meters.nth(0)).to_have_attribute("aria-label", "Sending photo 1 of 2")
    expect(meters.nth(1)).to_have_attribute("aria-label", "Sending photo 2 of 2")
    expect(page.locator("#sync-status")).to_contain_text("Everything is saved on the server", timeout=120_000)
    said = page.evaluate("window.meterSays")
    labels = [s["label"] for s in said]
    assert set(labels) == {"Sending photo 1 of 2", "Sending photo 2 of 2"}, labels
    values = [int(s["now"]) for s in said if s["now"] is not None]
    assert len(values) > 2 and all(v % 10 == 0 for v in values), values  # in tenths, not every packet
    assert len(said) <= 2 * 11 + 2, said  # named once each, a value said at most once a tenth
