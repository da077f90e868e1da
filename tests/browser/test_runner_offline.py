"""Offline after the first open: answers and photos kept in IndexedDB through a reload and a closed tab, then
sent once the network returns: every answer once, every photo once with its SHA-256, completed once. And a
photo upload cut mid-file resumes from the server's offset."""

from __future__ import annotations

import hashlib
from collections import Counter

import httpx
from playwright.sync_api import expect

from tests.browser.actions import flag_count_and_photos, photo_file, sign, start_run, wait_for
from tests.browser.conftest import WAIT_MS, jpeg
from tests.browser.templates import EVERY_TYPE, PHOTOS_ONLY

LOCAL_SHAS = """async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); r.onerror = no; });
  const run = await new Promise((ok) => { const r = db.transaction("runs").objectStore("runs").get(location.pathname.split("/").pop()); r.onsuccess = () => ok(r.result); });
  return run.answers["s-pics"].photos.map((p) => [p.photo_index, p.sha256]);
}"""


def events(live, run_id: str, name: str) -> list[dict]:
    return [r.json for r in live.receiver.received if r.json["run_id"] == run_id and r.json["event"] == name]


def open_online(live, phone, run_id: str):
    """The run opened on `phone` while online, ready for the network to go (actions.start_run)."""
    return start_run(live, phone, run_id)


def test_offline_answers_reload_and_reopen_then_sync_once(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY)
    page = open_online(live, phone, run_id)
    phone.set_offline(True)
    flag_count_and_photos(page, [jpeg(900 + k, 700) for k in range(3)])
    page.locator("#s-memo-input").fill("Gate code 4711")
    page.locator("#s-memo-input").blur()
    expect(page.locator("#progress-text")).to_have_text("4 of 4 done")
    status = page.locator("#sync-status")
    expect(status).to_contain_text("Offline")
    expect(status).to_contain_text("3 photos")
    expect(status).to_contain_text("because this device is offline")

    page.reload()  # offline: the service worker serves the page, IndexedDB the answers
    expect(page.locator("#progress-text")).to_have_text("4 of 4 done")
    expect(page.locator("#s-count-input")).to_have_value("12")
    page.close()
    page = phone.new_page()  # a closed tab, opened again, still offline
    page.goto(f"{live.url}/r/{run_id}")
    expect(page.locator("#s-pics .thumb")).to_have_count(3)
    expect(page.locator("#s-memo-input")).to_have_value("Gate code 4711")
    page.locator("#complete").click()
    # not "completed" while nothing has reached the server: the executor must not walk away thinking so
    expect(page.locator("#done-title")).to_have_text("Completed on this phone, not sent yet")
    expect(page.locator("#done-body")).to_contain_text("only on this phone")
    expect(page.locator("#sync-status")).to_contain_text("waiting to be sent")
    local = dict(page.evaluate(LOCAL_SHAS))

    phone.set_offline(False)
    wait_for(lambda: events(live, run_id, "run.completed"), what="run.completed")
    expect(page.locator("#sync-status")).to_contain_text("Everything is saved on the server")
    expect(page.locator("#done-title")).to_have_text("Checklist completed")
    expect(page.locator("#done-body")).to_have_text(
        "Thank you. Everything is on the server: you can close this page."
    )
    doc = live.org.get(f"/v1/runs/{run_id}").json()
    assert doc["status"] == "completed"
    assert {k: v["value"] for k, v in doc["answers"].items()} == {
        "s-flag": True,
        "s-count": 12,
        "s-pics": None,
        "s-memo": "Gate code 4711",
    }
    photos = doc["answers"]["s-pics"]["photos"]
    assert sorted(p["photo_index"] for p in photos) == [0, 1, 2]
    for photo in photos:  # every photo once, the bytes the phone prepared
        body = httpx.get(photo["url"], timeout=30).content
        assert hashlib.sha256(body).hexdigest() == photo["sha256"] == local[photo["photo_index"]]
    steps = Counter(e["data"]["step_id"] for e in events(live, run_id, "step.completed"))
    assert steps["s-flag"] == steps["s-count"] == steps["s-memo"] == 1  # every answer once
    assert len(events(live, run_id, "run.completed")) == 1


def test_a_photo_upload_cut_mid_file_resumes_from_the_servers_offset(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    # The runner sends a photo in its creation; with 1 MiB chunks the creation carries the first MiB and
    # PATCHes the rest, and the first PATCH is cut: the cut falls in the middle of the file.
    phone.add_init_script(f"localStorage.setItem('rundun.chunk-bytes', '{1 << 20}')")
    page = open_online(live, phone, run_id)
    patches: list[tuple[str, int]] = []
    creates: list[str] = []
    cut = {"done": False}

    def on_upload(route, request):
        if request.method == "POST":
            creates.append(request.url)
        if request.method == "PATCH":
            offset = int(request.headers["upload-offset"])
            patches.append((request.url, offset))
            if offset > 0 and not cut["done"]:  # the second chunk never reaches the server
                cut["done"] = True
                return route.abort("connectionreset")
        return route.continue_()

    page.route("**/uploads/**", on_upload)
    page.route("**/uploads/", on_upload)
    big = jpeg(2400, 1800, noise=True)  # noise: still several MB after the phone's JPEG encoding
    page.set_input_files("#s-pics-file", files=[photo_file("big.jpg", big)])
    expect(page.locator("#s-pics .thumb")).to_have_count(1)
    wait_for(
        lambda: live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-pics", {}).get("photos"),
        what="the photo on the server",
        page=page,  # the route handler runs only while Playwright is called
    )
    assert cut["done"] and len(creates) == 1, (patches, creates)  # one upload, resumed, not started again
    offsets = [offset for _, offset in patches]
    assert offsets[0] == offsets[1] == 1 << 20  # the cut PATCH, then again from the server's offset (HEAD)
    photo = live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-pics"]["photos"][0]
    local = dict(page.evaluate(LOCAL_SHAS))
    assert photo["sha256"] == local[0] and photo["bytes"] > 2 * 1024 * 1024


def test_a_server_out_of_reach_reads_so_though_the_browser_says_online(live, phone):
    """The phone has a network that leads nowhere (a dead Wi-Fi, a hotel portal): navigator.onLine stays true
    but no request gets an answer. The status line says the server cannot be reached and why, in the page's
    words, never "Online" beside a failure, nor "Offline" (the person checked their signal and found nothing
    wrong: test_runner_unreachable.py); once requests get through it says everything is saved."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    page.route("**/v1/runs/*/sync", lambda route: route.abort("internetdisconnected"))
    page.locator("#s-memo-input").fill("Gate code 4711")
    page.locator("#s-memo-input").blur()
    status = page.locator("#sync-status")
    expect(status).to_contain_text("because the server does not answer", timeout=WAIT_MS)
    expect(page.locator("#sync-summary")).to_have_text("Can't reach the server · 1 waiting to be sent")
    assert page.evaluate("navigator.onLine") is True
    expect(status).not_to_contain_text("no connection")  # an untranslated word of the code, before

    page.unroute("**/v1/runs/*/sync")
    page.evaluate("window.dispatchEvent(new Event('online'))")  # as a phone does when its network changes
    expect(status).to_have_text("Online · Everything is saved on the server.", timeout=WAIT_MS)


HIDE_PAGE = """() => {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def test_text_being_typed_is_kept_when_the_phone_hides_the_page(live, phone):
    """The executor types a note and, before leaving the field, switches to the camera or another app; the
    phone may then discard the page unannounced. The text is kept when the page is hidden (it was only kept
    when the field lost the focus, so it was lost), and is there when the page comes back."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    phone.set_offline(True)  # kept on the phone, not only sent
    page.locator("#s-memo-input").click()
    page.keyboard.type("Gate code 4711, ask for Marta")
    page.evaluate(HIDE_PAGE)  # what Chrome on Android does when another app comes to the front
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "1")
    page.reload()  # the page discarded and opened again
    expect(page.locator("#s-memo-input")).to_have_value("Gate code 4711, ask for Marta")
    phone.set_offline(False)
    wait_for(
        lambda: (
            live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-memo", {}).get("value")
            == "Gate code 4711, ask for Marta"
        ),
        what="the note on the server",
    )


def test_photos_beyond_a_steps_room_are_named_not_dropped_silently(live, phone):
    """Six photos chosen at once for a step that takes four: four are added and the step says two were not
    (they vanished without a word, the executor believing all six were kept)."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    page.set_input_files(
        "#s-pics-file", files=[photo_file(f"p{k}.jpg", jpeg(640 + k, 480)) for k in range(6)]
    )
    expect(page.locator("#s-pics .thumb")).to_have_count(4)
    expect(page.locator('[data-problem="s-pics"]')).to_have_text(
        "2 photos not added: this step takes 4 at most. Remove one to add another."
    )
    # Full, the step offers no way to add a photo (one taken then would be refused) and says how to make room.
    picker, count = page.locator("label[for='s-pics-file']"), page.locator('[data-photo-count="s-pics"]')
    expect(page.locator("#s-pics-file")).to_be_disabled()
    expect(picker).to_have_class("button secondary disabled")
    expect(count).to_have_text("4 of 2–4 photos. Remove one to add another.")
    page.locator("#s-pics .thumb .remove").first.click()
    expect(page.locator("#s-pics .thumb")).to_have_count(3)
    expect(page.locator("#s-pics-file")).to_be_enabled()
    expect(picker).to_have_class("button secondary")
    expect(count).to_have_text("3 of 2–4 photos")


def test_signatures_waiting_offline_are_named_as_signatures_not_photos(live, phone):
    """Signed offline, a step's and the run's signatures wait to be sent: the status line counts them as
    signatures (it said "2 photo(s) (0.1 MB)" on a page where no photo had been taken)."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = open_online(live, phone, run_id)
    phone.set_offline(True)
    sign(page, '[data-signature="s-sign"]')
    sign(page, '[data-signature="_run"]')
    status = page.locator("#sync-status")
    expect(status).to_contain_text("2 signatures waiting to be sent")
    expect(status).not_to_contain_text("photo")
    phone.set_offline(False)
    expect(status).to_contain_text("Everything is saved on the server", timeout=WAIT_MS)


def test_a_cut_photo_resuming_says_the_server_answers_as_soon_as_it_does(live, phone):
    """The signal comes back mid-photo: the resumed upload's HEAD is the server's answer, and the line says
    "Online" while the rest of the photo goes (it said "Can't reach the server" until the photo's last byte,
    seconds to minutes on a slow link)."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    phone.add_init_script(f"localStorage.setItem('rundun.chunk-bytes', '{1 << 20}')")
    page = open_online(live, phone, run_id)
    held: dict[str, list] = {"HEAD": [], "PATCH": []}  # held on their way while the test reads the line
    patched: list[int] = []

    def on_upload(route, request):
        if request.method == "HEAD":
            return held["HEAD"].append(route)
        if request.method != "PATCH":
            return route.continue_()
        patched.append(int(request.headers["upload-offset"]))
        if len(patched) == 1:
            return route.abort("connectionreset")  # the signal gone mid-file: no answer at all
        if len(patched) == 2:
            return held["PATCH"].append(route)
        return route.continue_()

    page.route("**/uploads/**", on_upload)
    summary = page.locator("#sync-summary")
    page.set_input_files("#s-pics-file", files=[photo_file("big.jpg", jpeg(2400, 1800, noise=True))])
    wait_for(lambda: held["HEAD"], what="the upload looked up again", page=page)
    expect(summary).to_have_text("Can't reach the server · 1 waiting to be sent")
    held["HEAD"][0].continue_()
    wait_for(lambda: held["PATCH"], what="the rest of the photo on its way", page=page)
    expect(summary).to_have_text("Online · 1 waiting to be sent")  # the HEAD answered
    held["PATCH"][0].continue_()
    expect(summary).to_have_text("Online · Everything is saved on the server.")
    photos = live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-pics"]["photos"]
    assert len(photos) == 1 and patched[:2] == [1 << 20, 1 << 20], patched  # resumed, not started again
