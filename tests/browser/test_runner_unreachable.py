"""A server that does not answer a phone whose network is up is not "Offline": the person checked their phone's
signal and found nothing wrong. The status line says which it is, in the page's language, and the answers are
kept on the phone and sent once the server answers again (its own server here: this test stops it)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.actions import phone_in, start_run, wait_for
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_open_language import BILINGUAL
from tests.support.server_process import ServerProcess, init_org


@dataclass
class Own:
    server: ServerProcess
    org: httpx.Client

    @property
    def url(self) -> str:
        return self.server.url

    def dispatch(self, template: dict = PHOTOS_ONLY) -> str:
        template_id = self.org.post("/v1/templates", json=template).json()["id"]
        r = self.org.post("/v1/runs", json={"template_id": template_id, "executor_ref": "browser"})
        assert r.status_code == 201, r.text
        return r.json()["run_id"]

    def answers(self, run_id: str) -> dict:
        answers = self.org.get(f"/v1/runs/{run_id}").json()["answers"]
        return {step: a["value"] for step, a in answers.items()}


@pytest.fixture
def own(tmp_path) -> Iterator[Own]:
    key = init_org(tmp_path)
    server = ServerProcess(tmp_path, env={"RUNDUN_RATE_LIMIT": "100000"}).start()
    org = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
    try:
        yield Own(server, org)
    finally:
        org.close()
        server.stop()


# (locale, the line with the server out of reach, its story, the line offline, Yes in the page's words)
IN_WORDS = [
    (
        "en",
        "Can't reach the server · 1 waiting to be sent",
        "because the server does not answer",
        "Offline",
        "Yes",
    ),
    (
        "de-DE",
        "Server nicht erreichbar · Zu senden: 1",
        "Zu sendende Änderungen: 1, weil der Server nicht antwortet",  # the comma a "weil" clause takes
        "Offline",
        "Ja",
    ),
    (
        "es-ES",
        "El servidor no responde · Por enviar: 1",
        "porque el servidor no responde",
        "Sin conexión",
        "Sí",
    ),
    ("ar", "تعذّر الوصول إلى الخادم · بانتظار الإرسال: 1", "لأن الخادم لا يستجيب", "غير متصل", "نعم"),
]


@pytest.mark.parametrize(("tag", "unreachable", "why", "offline", "yes"), IN_WORDS)
def test_a_server_down_reads_apart_from_offline_and_the_answers_go_once_it_answers(
    own, browser, tag, unreachable, why, offline, yes
):
    run_id = own.dispatch()
    with phone_in(browser, tag) as context:
        page = start_run(own, context, run_id)
        status = page.locator("#sync-summary")
        own.server.stop()  # the phone's network stays up
        page.locator("#s-flag").get_by_label(yes, exact=True).check()
        expect(status).to_have_text(unreachable)
        page.locator("#sync-more").click()
        expect(page.locator("#sync-details")).to_contain_text(why)

        context.set_offline(True)  # now the phone's network is gone too: that is what it says
        page.locator("#s-count-input").fill("12")
        page.locator("#s-count-input").blur()
        expect(status).to_contain_text(offline)
        expect(status).not_to_contain_text(unreachable.split(" · ")[0])
        expect(page.locator("#sync-details")).not_to_contain_text(why)

        context.set_offline(False)  # the network is back, the server still down
        expect(status).to_contain_text(unreachable.split(" · ")[0])

        own.server.start()  # the same port: the page's own origin
        wait_for(lambda: own.answers(run_id) == {"s-flag": True, "s-count": 12}, timeout=180, page=page)
        expect(status).not_to_contain_text(unreachable.split(" · ")[0], timeout=180_000)
        expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")


def test_a_start_the_server_does_not_answer_says_so_not_connect(own, phone):
    """A Start with the phone's network up and the server down said "Opening the checklist needs the network
    once. Connect and try again." to a connected phone; offline it still says that."""
    run_id = own.dispatch()
    page = phone.new_page()
    page.goto(f"{own.url}/r/{run_id}")
    own.server.stop()
    page.click("#start")
    problem = page.locator("#open-problem")
    expect(problem).to_contain_text("The server does not answer, though this phone is connected")
    phone.set_offline(True)
    page.click("#start")
    expect(problem).to_have_text("Opening the checklist needs the network once. Connect and try again.")
    phone.set_offline(False)
    own.server.start()
    page.click("#start")
    expect(page.locator("#progress-text")).to_have_text("0 of 4 done")


def test_a_language_switched_while_the_server_is_down_comes_once_it_answers(own, browser):
    """The switch the server did not answer said the checklist "needs the network" to a phone that had one, and
    waited for the browser's `online` event, which a phone online already never gets: the checklist stayed in
    English for good. It says the server does not answer now, and is fetched again once it does."""
    run_id = own.dispatch(BILINGUAL)
    with phone_in(browser, "en-GB") as context:
        page = start_run(own, context, run_id)
        note, label = page.locator("#checklist-language"), page.locator("#s-ok-label")
        own.server.stop()  # the phone's network stays up
        page.select_option("#language", "de")
        expect(note).to_have_text(
            "Der Server antwortet nicht, daher lässt sich die Fassung dieser Checkliste auf Deutsch noch nicht "
            "laden: ihre Schritte bleiben auf Englisch, bis er antwortet."
        )
        expect(label).to_contain_text("Is everything fine?")
        page.screenshot(path="/tmp/phone2-shots/language-server-down.png")
        context.set_offline(True)  # offline, it is the network it needs
        page.select_option("#language", "en")
        page.select_option("#language", "de")
        expect(note).to_have_text(
            "Die Fassung dieser Checkliste auf Deutsch braucht das Netz: bis dahin bleiben ihre Schritte auf Englisch."
        )
        context.set_offline(
            False
        )  # online again, the server still down: the browser's `online` came and went
        expect(note).to_contain_text("Der Server antwortet nicht")
        own.server.start()  # the same port; nothing waits in the outbox to wake the page
        expect(label).to_contain_text("Ist alles in Ordnung?", timeout=60_000)
        expect(note).to_be_hidden()
