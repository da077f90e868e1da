"""What the server refuses, said in the person's language: an answer or a photo it will not take, and a run it
closed, each by its error code (SPEC §1) with the step named by its title; the server's English words (and
their paths) only for a code the runner does not know."""

from __future__ import annotations

import base64

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.actions import flag_count_and_photos, phone_in, photo_file, run_in, start_run
from tests.browser.conftest import jpeg
from tests.browser.templates import PHOTOS_ONLY

# Waiting operations changed as the server will refuse them (an older runner, a changed template): the
# answer to 'Meters' over its max of 100, the photo into slot 9 of a step that holds 4.
SPOIL_OUTBOX = """async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); r.onerror = no; });
  const store = db.transaction("outbox", "readwrite").objectStore("outbox");
  const ops = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); });
  for (const op of ops) {
    if (op.step_id === "s-count") op.value = 150;
    else if (op.kind === "photo") op.photo_index = 9;
    else continue;
    await new Promise((ok) => { const r = store.put(op); r.onsuccess = ok; });
  }
}"""

# (locale, the answer's refusal, the photo's, the summary's count), each step by its title, isolated (FSI…PDI).
IN_WORDS = [
    (
        "es-ES",
        "El servidor no aceptó la respuesta a «\u2068Meters\u2069»: debe ser como máximo 100. Cámbiala y se enviará.",
        "El servidor no aceptó una foto de «\u2068Site photos\u2069»: el paso ya tiene todas las fotos que admite.",
        "rechazados: 2",
    ),
    (
        "ar",
        "لم يقبل الخادم الإجابة عن «\u2068Meters\u2069»: يجب ألا تزيد على 100. غيّرها وستُرسل.",
        "لم يقبل الخادم صورة لـ«\u2068Site photos\u2069»: لدى الخطوة كل الصور التي تقبلها.",
        "مرفوضة: 2",
    ),
]


@pytest.mark.parametrize(("tag", "answer_refused", "photo_refused", "count"), IN_WORDS)
def test_a_refused_answer_and_photo_are_said_in_the_persons_language(
    live, browser, tag, answer_refused, photo_refused, count
):
    with run_in(live, browser, PHOTOS_ONLY, tag) as (_run_id, context, page):
        context.set_offline(True)
        page.locator("#s-count-input").fill("12")
        page.locator("#s-count-input").blur()
        page.set_input_files("#s-pics-file", files=[photo_file("p.jpg")])
        status = page.locator("#sync-status")
        expect(status).to_have_attribute("data-waiting", "2")
        page.evaluate(SPOIL_OUTBOX)
        page.reload()  # offline: the page reads its outbox as stored
        expect(status).to_have_attribute("data-waiting", "2")
        context.set_offline(False)

        expect(page.locator("#sync-summary")).to_contain_text(count)
        details = page.locator("#sync-details")
        expect(details).to_contain_text(answer_refused)
        expect(details).to_contain_text(photo_refused)
        # and on each step's card, where the person answers it
        expect(page.locator('[data-problem="s-count"]')).to_have_text(answer_refused)
        expect(page.locator('[data-problem="s-pics"]')).to_contain_text(photo_refused)
        text = status.text_content()
        # not the server's words, nor their paths
        for english in ("not valid", "cannot take that photo", "photo_index", "value", "must be"):
            assert english not in text, text
        page.locator("#sync-more").click()
        expect(details).to_be_visible()
        page.screenshot(path=f"/tmp/rundun-refusal-{tag}.png")


def test_a_run_the_sender_cancelled_says_so_in_the_persons_language(live, browser):
    with run_in(live, browser, PHOTOS_ONLY, "de-DE") as (run_id, _context, page):
        assert live.org.post(f"/v1/runs/{run_id}/cancel", json={}).status_code == 200
        page.locator("#s-memo-input").fill("zu spät")
        page.locator("#s-memo-input").blur()  # refused: 409 run_closed
        expect(page.locator("#done-title")).to_have_text("Diese Checkliste ist geschlossen")
        # what was not sent, said once on the screen and counted on the status line (no "waiting" for ever)
        expect(page.locator("#done-unsent")).to_have_text(
            "Nicht gesendete Änderungen dieses Telefons: 1; der Server nimmt sie nicht mehr an. "
            "Sie bleiben auf diesem Telefon."
        )
        expect(page.locator("#sync-summary")).to_have_text("Online · nicht gesendet: 1")
        text = page.locator("#sync-status").text_content()
        assert "run_closed" not in text and "The run" not in text, text  # the server's words


TOKEN = """async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); r.onerror = no; });
  const runs = await new Promise((ok) => { const r = db.transaction("runs").objectStore("runs").getAll(); r.onsuccess = () => ok(r.result); });
  return runs[0].token;
}"""


def test_a_409_that_does_not_close_the_run_is_tried_again(live, phone):
    """The run's unfinished uploads at their cap (409 `conflict`) stopped every sending as if the run were
    closed, until the page was reloaded; it is a failure to try again, and the photo goes once room is made."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = start_run(live, phone, run_id)
    tus = {"Authorization": f"Bearer {page.evaluate(TOKEN)}", "Tus-Resumable": "1.0.0"}
    taken = []
    while True:  # 2 per photo slot by default: fill them with uploads that never finish
        # Never in slot 0, the page's photo's: once there is room the page may send it at any moment (its retry
        # does not wait for the loop below), and its upload ends its slot's older unfinished ones (a 404 here).
        k = str(1 + len(taken) % 3).encode()
        meta = f"step_id {base64.b64encode(b's-pics').decode()},photo_index {base64.b64encode(k).decode()}"
        r = httpx.post(
            f"{live.url}/v1/runs/{run_id}/uploads/",
            headers={**tus, "Upload-Length": "1000", "Upload-Metadata": meta},
        )
        if r.status_code == 409:
            break
        assert r.status_code == 201, r.text
        taken.append(r.headers["Location"])
    page.set_input_files("#s-pics-file", files=[photo_file("p.jpg")])
    expect(page.locator("#sync-details")).to_contain_text(
        "the last try failed (the server is still busy with this checklist's earlier uploads)"
    )
    expect(page.locator("#sync-summary")).to_have_text("Online · 1 waiting to be sent")
    for url in taken:
        assert httpx.delete(url if url.startswith("http") else live.url + url, headers=tus).status_code == 204
    page.evaluate("window.dispatchEvent(new Event('online'))")  # tried again at once, not after the backoff
    expect(page.locator("#sync-summary")).to_have_text("Online · Everything is saved on the server.")
    photos = live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-pics"]["photos"]
    assert len(photos) == 1


# The second photo's upload changed as the server will refuse it (a slot the step does not have).
SPOIL_SECOND_PHOTO = """async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); r.onerror = no; });
  const store = db.transaction("outbox", "readwrite").objectStore("outbox");
  const ops = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); });
  const op = ops.filter((o) => o.kind === "photo")[1];
  op.photo_index = 9;
  await new Promise((ok) => { const r = store.put(op); r.onsuccess = ok; });
}"""


def test_what_the_server_says_completion_misses_is_said_in_the_persons_language(live, browser):
    """Completed offline, but the server refused a photo: its 422 run_incomplete (English, by path) reopens the
    form with the step named by its title in the page's language."""
    with run_in(live, browser, PHOTOS_ONLY, "es-ES") as (run_id, context, page):
        context.set_offline(True)
        flag_count_and_photos(page, [jpeg(900 + k, 700) for k in range(2)])
        page.locator("#s-memo-input").fill("Código 4711")
        page.locator("#s-memo-input").blur()
        page.evaluate(SPOIL_SECOND_PHOTO)
        page.reload()
        page.locator("#complete").click()
        expect(page.locator("#done-title")).to_have_text("Completada en este teléfono, aún sin enviar")
        context.set_offline(False)
        line = page.locator("#missing li")
        expect(line).to_have_text(
            "«\u2068Site photos\u2069» no está completo en el servidor: mira los detalles al pie de la pantalla."
        )
        expect(page.locator("#sync-details")).to_contain_text(
            "El servidor no aceptó una foto de «\u2068Site photos\u2069»"
        )
        assert live.org.get(f"/v1/runs/{run_id}").json()["status"] == "in_progress"


def test_a_start_the_server_refuses_says_why_in_the_persons_language(live, browser):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    with phone_in(browser, "de-DE") as context:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        assert live.org.post(f"/v1/runs/{run_id}/cancel", json={}).status_code == 200
        page.click("#start")  # the page was loaded before the sender cancelled
        expect(page.locator("#open-problem")).to_have_text(
            "Die Checkliste konnte nicht geöffnet werden: die Checkliste ist geschlossen"
        )
