"""A photo removed before the server acknowledged it never reaches the server: one still waiting leaves the outbox
(no upload, no delete), one being sent has its request aborted and its tus upload terminated. The runner uploaded
removed photos in full and then deleted them, which left each one's sha256 in the run's history for good (a
picture taken by mistake, perhaps a private one), and said "sending now…" of a photo no longer on screen."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import photo_file, start_run, wait_for
from tests.browser.conftest import jpeg
from tests.browser.templates import PHOTOS_ONLY

LOCAL_SHAS = """async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); r.onerror = no; });
  const run = await new Promise((ok) => { const r = db.transaction("runs").objectStore("runs").get(location.pathname.split("/").pop()); r.onsuccess = () => ok(r.result); });
  return (run.answers["s-pics"] || { photos: [] }).photos.map((p) => p.sha256);
}"""


def history(live, run_id: str) -> list[dict]:
    return live.org.get(f"/v1/runs/{run_id}/history", params={"per_page": 100}).json()["data"]


def server_shas(live, run_id: str) -> list[str]:
    photos = live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-pics", {}).get("photos") or []
    return sorted(p["sha256"] for p in photos)


def uploads_and_deletes(page) -> list[str]:
    seen: list[str] = []
    page.on(
        "request",
        lambda r: seen.append(f"{r.method} {r.url}") if "/uploads/" in r.url or "/photos/" in r.url else None,
    )
    return seen


def test_photos_removed_offline_before_they_were_sent_are_never_uploaded(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = start_run(live, phone, run_id)
    seen = uploads_and_deletes(page)
    phone.set_offline(True)
    files = [photo_file(f"p{k}.jpg", jpeg(900 + 40 * k, 700)) for k in range(3)]
    page.set_input_files("#s-pics-file", files=files)
    expect(page.locator("#s-pics .thumb")).to_have_count(3)
    first = page.evaluate(LOCAL_SHAS)
    page.get_by_role("button", name="Remove photo 1").click()
    # The first removal shown before the second click: a click racing it hit the photo on its way out (CI)
    expect(page.locator("#s-pics .thumb")).to_have_count(2)
    page.get_by_role("button", name="Remove photo 1").click()
    expect(page.locator("#s-pics .thumb")).to_have_count(1)
    removed, kept = set(first[:2]), first[2]
    page.set_input_files("#s-pics-file", files=[photo_file("p3.jpg", jpeg(1100, 800))])
    expect(page.locator("#s-pics .thumb")).to_have_count(2)
    expect(page.locator("#sync-status")).to_contain_text("2 waiting")  # the two photos on screen, no more
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "2")
    local = sorted(page.evaluate(LOCAL_SHAS))
    assert kept in local and not removed & set(local)

    phone.set_offline(False)
    wait_for(lambda: server_shas(live, run_id) == local, what="the two photos on the server", page=page)
    expect(page.locator("#sync-status")).to_contain_text("Everything is saved on the server")
    entries = history(live, run_id)
    attached = [e["details"]["sha256"] for e in entries if e["kind"] == "photo_attached"]
    assert sorted(attached) == local  # each kept photo once, the removed ones never
    assert not [e for e in entries if e["kind"] == "photo_removed"]
    assert len([s for s in seen if s.startswith("POST")]) == 2, seen
    assert not [s for s in seen if s.startswith("DELETE")], seen


def test_a_photo_removed_while_it_is_sent_is_aborted_and_its_upload_terminated(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    # Small chunks: the creation carries the first 64 KiB and PATCHes the rest; the first PATCH is held (a slow
    # link) while the photo is removed.
    phone.add_init_script(f"localStorage.setItem('rundun.chunk-bytes', '{64 << 10}')")
    page = start_run(live, phone, run_id)
    seen = uploads_and_deletes(page)
    held: list = []

    def on_upload(route, request):
        if request.method == "PATCH" and not held:
            held.append(route)  # never answered: the page aborts it
            return None
        return route.continue_()

    page.route("**/uploads/**", on_upload)
    page.set_input_files("#s-pics-file", files=[photo_file("big.jpg", jpeg(1600, 1200, noise=True))])
    expect(page.locator("#s-pics .thumb")).to_have_count(1)
    wait_for(lambda: held, what="the photo's first PATCH", page=page)
    expect(page.locator("#sync-status")).to_contain_text("1 waiting")
    page.get_by_role("button", name="Remove photo 1").click()
    expect(page.locator("#s-pics .thumb")).to_have_count(0)
    created = next(s for s in seen if s.startswith("POST")).split(" ", 1)[1]
    wait_for(
        lambda: any(s.startswith("DELETE") and s.endswith(created.rsplit("/", 1)[-1]) for s in seen),
        what="the tus upload terminated",
        page=page,
    )
    expect(page.locator("#sync-status")).to_contain_text("Everything is saved on the server")
    expect(page.locator("#sync-status")).not_to_contain_text("sending now")
    assert not [s for s in seen if "/photos/" in s], seen  # no photo to delete: none was attached
    state = live.org.get(f"/v1/runs/{run_id}").json()
    assert not state["answers"].get("s-pics", {}).get("photos")
    assert not [e for e in history(live, run_id) if e["kind"] == "photo_attached"]
