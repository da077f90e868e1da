"""A run closed while changes waited on the phone (cancelled while it was offline): the changes stay on the
phone, and "Save a copy of them" now lets them leave it, as one ZIP file in the downloads (run.json as the
desktop's Export writes it, and the photos not sent), for whoever sent the checklist. They were stranded on
the phone: the desktop's runner could export them, the phone could not."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

from playwright.sync_api import expect

from tests.browser.actions import flag_count_and_photos, start_run
from tests.browser.conftest import jpeg
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_offline import LOCAL_SHAS
from tests.browser.test_runner_refusals import TOKEN


def test_changes_a_closed_run_will_not_take_are_saved_from_the_phone_as_one_file(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = start_run(live, phone, run_id)
    token = page.evaluate(TOKEN)
    phone.set_offline(True)
    flag_count_and_photos(page, [jpeg(900, 700), jpeg(901, 700)])
    page.locator("#s-memo-input").fill("Gate code 4711 — Tür hinten")
    page.locator("#s-memo-input").blur()
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "5")
    local = dict(page.evaluate(LOCAL_SHAS))
    assert live.org.post(f"/v1/runs/{run_id}/cancel", json={}).status_code == 200
    phone.set_offline(False)

    expect(page.locator("#done-title")).to_have_text("This checklist is closed")
    expect(page.locator("#done-unsent")).to_contain_text("5 changes made on this phone were not sent")
    page.reload()  # offered again after a reload, offline as well
    phone.set_offline(True)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save a copy of them").click()
    name = f"rundun-{run_id}-not-sent.zip"
    assert download.value.suggested_filename == name
    expect(page.locator("#unsent-saved")).to_contain_text(f"Saved in your downloads as \u2068{name}\u2069")

    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    assert archive.testzip() is None  # every file's CRC as written
    assert sorted(archive.namelist()) == ["photos/s-pics-0.jpg", "photos/s-pics-1.jpg", "run.json"]
    for index in (0, 1):
        assert hashlib.sha256(archive.read(f"photos/s-pics-{index}.jpg")).hexdigest() == local[index]
    text = archive.read("run.json").decode()
    assert token not in text  # the link's secret stays on the phone
    doc = json.loads(text)
    assert doc["run_id"] == run_id
    assert doc["server"] == live.url
    assert doc["template"]["name"] == "Site photos"
    assert doc["status"] == {"local": "open", "server": "cancelled"}  # never completed here: not "done"
    answers = {u["change"]["step_id"]: u["change"]["value"] for u in doc["unsent"] if u["kind"] == "answer"}
    assert answers == {"s-flag": True, "s-count": 12, "s-memo": "Gate code 4711 — Tür hinten"}
    photos = [u for u in doc["unsent"] if u["kind"] == "photo"]
    assert [(p["file"], p["change"]["sha256"], p["state"]) for p in photos] == [
        ("photos/s-pics-0.jpg", local[0], "waiting"),
        ("photos/s-pics-1.jpg", local[1], "waiting"),
    ]
    assert all("thumb" not in p for p in doc["answers"]["s-pics"]["photos"])
    assert doc["answers"]["s-memo"]["value"] == "Gate code 4711 — Tür hinten"
