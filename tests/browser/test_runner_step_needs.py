"""What a step needs, said where it is answered: a skipped signature step's pad takes nothing (a drawing there was
sent and stored beside "skipped"), and the server keeps no signature for a skipped step; a step that needs a
location says so on its card and is not counted done without it; a refused location or an unreadable photo is
said in the page's language only (the browser's English was spliced in: "User denied Geolocation")."""

from __future__ import annotations

import base64

import httpx
from playwright.sync_api import expect

from tests.browser.actions import phone_in, photo_file, sign, start_run, wait_for

SIGNED = {
    "name": "Handover",
    "settings": {"allow_skip": True},
    "sections": [
        {
            "id": "g-one",
            "title": "Handover",
            "steps": [
                {"id": "s-keys", "type": "boolean", "label": "Keys handed over?", "config": {}},
                {"id": "s-sign", "type": "signature", "label": "Tenant signature", "config": {}},
            ],
        }
    ],
}

LOCATED = {
    "name": "Site visit",
    "sections": [
        {
            "id": "g-one",
            "title": "Visit",
            "steps": [
                {"id": "s-here", "type": "boolean", "label": "On site?", "geo": True, "config": {}},
                {
                    "id": "s-pics",
                    "type": "photo",
                    "label": "Site photos",
                    "required": False,
                    "geo": True,  # needed only once answered
                    "config": {"min": 0, "max": 2},
                },
            ],
        }
    ],
}

# A 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def test_a_skipped_signature_step_takes_no_signature(live, phone):
    run_id = live.dispatch(SIGNED, webhook=False)
    page = start_run(live, phone, run_id)
    page.get_by_label("Yes").check()
    pad = page.locator('[data-signature="s-sign"]')
    skip = page.locator('[data-skip="s-sign"]')
    skip.click()
    expect(page.locator("#s-sign .badge")).to_have_text("Skipped")
    assert pad.evaluate("box => box.inert")
    skip.click()  # answered again: the pad takes a signature again
    expect(page.locator("#s-sign .badge")).to_have_text("required")
    assert not pad.evaluate("box => box.inert")
    skip.click()
    sign(page, '[data-signature="s-sign"]', keep=False)  # a finger on the skipped step's pad draws nothing
    page.locator("#complete").click()
    expect(page.locator("#done-title")).to_have_text("Checklist completed")
    answer = live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-sign"]
    assert answer["skipped"] is True
    assert answer["photos"] == []


def test_the_server_keeps_no_signature_for_a_skipped_step(live):
    """Another client's order of things: the signature refused while the step is skipped (422
    validation_error, SPEC §1), and a signature kept before a skip dropped when the run completes."""
    at = "2026-01-01T08:00:00Z"
    for signed_first in (False, True):
        run_id = live.dispatch(SIGNED, webhook=False)
        opened = httpx.post(f"{live.url}/v1/runs/{run_id}/open", json={}, timeout=30)
        auth = {"Authorization": f"Bearer {opened.json()['executor_token']}"}
        base = f"{live.url}/v1/runs/{run_id}/answers"
        png = {**auth, "Content-Type": "image/png"}
        if signed_first:
            assert httpx.put(f"{base}/s-sign/photos/0", headers=png, content=PNG).status_code == 200
        skip = httpx.put(f"{base}/s-sign", headers=auth, json={"value": None, "skipped": True, "at": at})
        assert skip.status_code == 200, skip.text
        if not signed_first:
            refused = httpx.put(f"{base}/s-sign/photos/0", headers=png, content=PNG)
            assert refused.status_code == 422, refused.text
            assert refused.json()["error"] == "validation_error"
        assert httpx.put(f"{base}/s-keys", headers=auth, json={"value": True, "at": at}).status_code == 200
        done = httpx.post(f"{live.url}/v1/runs/{run_id}/complete", headers=auth, json={"at": at})
        assert done.status_code == 200, done.text
        answer = live.org.get(f"/v1/runs/{run_id}").json()["answers"]["s-sign"]
        assert (answer["skipped"], answer["photos"]) == (True, [])


def test_a_step_that_needs_a_location_says_so_and_is_not_done_without_it(live, browser):
    run_id = live.dispatch(LOCATED, webhook=False)
    location = {
        "geolocation": {"latitude": 48.2, "longitude": 16.37, "accuracy": 12},
        "permissions": ["geolocation"],
    }
    with phone_in(browser, "en-GB", **location) as context:
        page = start_run(live, context, run_id)
        needed = page.locator("[data-geo-needed='s-here']")
        expect(needed).to_have_text("This step needs your location: tap “Add my location”.")
        expect(page.locator("[data-geo-needed='s-pics']")).to_have_text(
            "If you answer this step, it needs your location too: tap “Add my location”."
        )
        page.get_by_label("Yes").check()
        expect(page.locator("#progress-text")).to_have_text("0 of 2 done · 1 still incomplete")
        expect(page.locator("#progress")).to_have_attribute("aria-valuenow", "0")
        page.locator("#s-here button", has_text="Add my location").click()
        expect(page.locator("[data-geo='s-here']")).to_have_text("Location kept (±12 m)")
        expect(needed).to_be_hidden()
        expect(page.locator("[data-locate='s-here']")).to_have_text(
            "Update my location"
        )  # it said "Add" still
        expect(page.locator("#progress-text")).to_have_text("1 of 2 done")
        wait_for(
            lambda: (live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-here") or {}).get("geo"),
            what="the location on the server",
        )


def test_a_refused_location_and_an_unreadable_photo_are_said_in_spanish_only(live, browser):
    run_id = live.dispatch(LOCATED, webhook=False)
    with phone_in(browser, "es-ES") as context:  # no permission granted: the browser refuses the location
        page = start_run(live, context, run_id)
        expect(page.locator("[data-geo-needed='s-here']")).to_have_text(
            "Este paso necesita tu ubicación: toca «Añadir mi ubicación»."
        )
        page.locator("#s-here button", has_text="Añadir mi ubicación").click()
        note = page.locator("[data-geo='s-here']")
        expect(note).to_have_text(
            "Esta página no puede usar tu ubicación. Permite la ubicación para este sitio en la configuración "
            "del sitio del navegador (el icono junto a la dirección) y vuelve a tocar «Añadir mi ubicación»."
        )
        page.set_input_files(
            "#s-pics-file", files=[photo_file("broken.jpg", b"\xff\xd8\xff\xe0 not a picture")]
        )
        expect(page.locator("#s-pics-problem")).to_have_text(
            "No se pudo leer esa imagen. Vuelve a hacer la foto o elige otra."
        )
        for english in ("denied", "Geolocation", "decoded", "source image"):
            assert english not in page.locator("main").text_content()


# The phone's position held back until the test lets it come: a real phone may take seconds to find itself.
HELD_POSITION = """() => {
  window.heldPositions = [];
  navigator.geolocation.getCurrentPosition = (ok) => window.heldPositions.push(ok);
}"""


def test_finding_the_location_is_said_while_it_takes(live, browser):
    """The tap on "Add my location" showed nothing until the position came (up to 20 s on a phone)."""
    run_id = live.dispatch(LOCATED, webhook=False)
    with phone_in(browser, "de-DE") as context:
        context.add_init_script(f"({HELD_POSITION})()")
        page = start_run(live, context, run_id)
        page.locator("[data-locate='s-here']").click()
        note = page.locator("[data-geo='s-here']")
        expect(note).to_have_text("Standort wird ermittelt…")
        page.evaluate(
            "() => window.heldPositions.pop()({coords: {latitude: 48.2, longitude: 16.37, accuracy: 7}})"
        )
        expect(note).to_have_text("Standort gespeichert (±7 m)")
        expect(page.locator("[data-locate='s-here']")).to_have_text("Meinen Standort aktualisieren")
