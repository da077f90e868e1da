"""The server's own pages for a link with no checklist behind it ("Checklist not found", "This checklist has
expired") were English whatever the browser asked for: they speak the first of its languages the runner speaks
(de, es, ar, else English), right to left for Arabic."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import phone_in, wait_for
from tests.browser.templates import PHOTOS_ONLY

MISSING = [
    ("es-ES", "es", "ltr", "Lista no encontrada", "Esta lista ha caducado"),
    ("de-DE", "de", "ltr", "Checkliste nicht gefunden", "Diese Checkliste ist abgelaufen"),
    ("ar", "ar", "rtl", "لم يُعثر على قائمة التحقق", "انتهت صلاحية قائمة التحقق هذه"),
    ("fr-FR", "en", "ltr", "Checklist not found", "This checklist has expired"),
]
BRAND = {  # the line above the title, as the runner says it (strings.js `brand`)
    "es": "Lista de verificación de Rundun",
    "de": "Rundun-Checkliste",
    "ar": "قائمة تحقق Rundun",
    "en": "Rundun checklist",
}


@pytest.fixture(scope="module")
def expired_run(live) -> str:
    """A run whose link expired (a few seconds after it was dispatched: the server checks on every access)."""
    template = live.org.post("/v1/templates", json=PHOTOS_ONLY).json()["id"]
    r = live.org.post("/v1/runs", json={"template_id": template, "expires_in_hours": 0.0005})
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    wait_for(
        lambda: live.org.get(f"/v1/runs/{run_id}").json()["status"] == "expired", what="the run to expire"
    )
    return run_id


@pytest.mark.parametrize(("locale", "lang", "direction", "not_found", "expired"), MISSING)
def test_a_link_without_a_checklist_speaks_the_browsers_language(
    live, browser, expired_run, locale, lang, direction, not_found, expired
):
    with phone_in(browser, locale) as context:
        page = context.new_page()
        response = page.goto(f"{live.url}/r/r-00000000-0000-4000-8000-000000000000")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text(not_found)
        expect(page.locator("header small")).to_have_text(BRAND[lang])
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("html")).to_have_attribute("dir", direction)
        response = page.goto(f"{live.url}/r/{expired_run}")
        assert response.status == 410
        expect(page.locator("h1")).to_have_text(expired)
        expect(page.locator("html")).to_have_attribute("dir", direction)
        if lang != "en":
            assert "ask the sender" not in page.locator("main").text_content()


def test_a_link_cut_before_its_run_id_gets_the_not_found_page(live, browser):
    """`/r/` with no run id answered raw JSON ({"error": "not_found", …})."""
    with phone_in(browser, "de-DE") as context:
        page = context.new_page()
        response = page.goto(f"{live.url}/r/")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text("Checkliste nicht gefunden")
