"""A run the sender cancels while its page is open and idle (nothing waiting to be sent). Its probe (tus
discovery) answered 204 as for an open run, so the page said "Online · Everything is saved on the server." and
kept taking answers until it was shown again. The probe's answer carries the run's status now: at its next tick
the page says the run is closed, in the person's language, and keeps every answer on screen (read only), the
one being typed too, counted among those not sent and still there after a reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import expect_read_only, phone_in, start_run, wait_for
from tests.browser.conftest import WAIT_MS
from tests.browser.templates import PHOTOS_ONLY

# (locale, Yes, the closed screen's title, its body's start, the typed answer not sent)
IN_WORDS = [
    (
        "en",
        "Yes",
        "This checklist is closed",
        "The sender cancelled this checklist",
        "1 change made on this phone was not sent",
    ),
    (
        "de-DE",
        "Ja",
        "Diese Checkliste ist geschlossen",
        "Der Absender hat diese Checkliste storniert",
        "Nicht gesendete Änderungen dieses Telefons: 1",
    ),
    (
        "es-ES",
        "Sí",
        "Esta lista está cerrada",
        "Quien la envió canceló esta lista",
        "Cambios de este teléfono sin enviar: 1",
    ),
    (
        "ar",
        "نعم",
        "قائمة التحقق هذه مغلقة",
        "ألغى المرسل قائمة التحقق هذه",
        "تغييرات على هذا الهاتف لم تُرسل: 1",
    ),
]


@pytest.mark.parametrize(("tag", "yes", "title", "body", "unsent"), IN_WORDS)
def test_a_run_cancelled_while_its_page_sits_open_is_said_at_the_next_probe_with_every_answer_kept(
    live, browser, tag, yes, title, body, unsent
):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    with phone_in(browser, tag) as context:
        context.add_init_script(
            "localStorage.setItem('rundun.probe-ms', '1000')"
        )  # a probe every second or so
        page = start_run(live, context, run_id)
        page.locator("#s-flag").get_by_label(yes).check()
        wait_for(
            lambda: live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-flag"),
            what="the first answer sent",
        )
        memo = page.locator("#s-memo-input")
        memo.fill("Back door jammed")  # being typed: not yet an answer (no change event)
        expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")

        assert live.org.post(f"/v1/runs/{run_id}/cancel", json={}).status_code == 200
        # nothing touched on the page: the probe finds it out
        expect(page.locator("#done-title")).to_have_text(title, timeout=WAIT_MS)
        expect(page.locator("#done-body")).to_contain_text(body)
        expect(page.locator("#done-unsent")).to_contain_text(unsent)
        expect(page.locator("#s-flag").get_by_label(yes)).to_be_checked()
        expect_read_only(page, "#s-memo-input", "Back door jammed")
        # read by a screen reader too (an inert form is out of its sight)
        expect(page.get_by_role("radio", name=yes, exact=True)).to_be_checked()
        expect(page.locator("#complete")).to_have_count(0)

        page.reload()
        expect(page.locator("#done-title")).to_have_text(title, timeout=WAIT_MS)
        expect(page.locator("#done-unsent")).to_contain_text(unsent)
        expect(page.locator("#s-flag").get_by_label(yes)).to_be_checked()
        expect_read_only(page, "#s-memo-input", "Back door jammed")
    assert live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-memo") is None


def test_a_closed_runs_form_follows_a_language_switched_after_it_closed(live, phone):
    """The kept form was left as it was drawn: switched to Spanish, the notice changed and the form kept its
    English words ("required", "Yes")."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    # A probe every second or so: the one the focus below asks for is skipped while the outbox is still busy
    # with the answer (its own requests say whether the server answers), and on a busy machine it was.
    phone.add_init_script("localStorage.setItem('rundun.probe-ms', '1000')")
    page = start_run(live, phone, run_id)
    page.locator("#s-flag").get_by_label("Yes").check()
    wait_for(
        lambda: live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-flag"), what="the answer sent"
    )
    assert live.org.post(f"/v1/runs/{run_id}/cancel", json={}).status_code == 200
    page.evaluate(
        "() => window.dispatchEvent(new Event('focus'))"
    )  # the page looked at again: the probe asks
    expect(page.locator("#done-title")).to_have_text("This checklist is closed", timeout=WAIT_MS)
    page.select_option("#language", "es")
    expect(page.locator("#done-title")).to_have_text("Esta lista está cerrada")
    expect(page.locator("#s-flag").get_by_label("Sí", exact=True)).to_be_checked()
    expect(page.locator("#s-flag .badge")).to_have_text("obligatorio")
    expect_read_only(page, "#s-memo-input")
