"""The run detail panel against the real embedded server: a step its condition hid says so (it read "Not
answered" on completed runs), and an answer written once is not "changed once" (a signature step's image and
its answer read "changed 2 times")."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QLabel

from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor, image_bytes

SHOTS = os.environ.get("RUNDUN_TEST_SHOTS")
HIDDEN_WORDS = "Hidden (its condition was not met)"


def store_closing(fillers: int = 0) -> dict:
    """The user's store closing check: a photo asked only when the fridge is warm, a question only when the gate
    was left open, a signature step; `fillers` text steps before them make the report longer."""
    return {
        "name": "Store closing inspection",
        "sections": [
            {
                "id": "g-kitchen",
                "title": "Kitchen",
                "steps": [
                    {"id": "s-gate", "type": "boolean", "label": "Site entrance gate locked?"},
                    *(
                        {"id": f"s-shelf{n}", "type": "text", "label": f"Shelf {n} checked by"}
                        for n in range(fillers)
                    ),
                    {
                        "id": "s-temp",
                        "type": "number",
                        "label": "Fridge temperature",
                        "config": {"unit": "°C"},
                    },
                    {
                        "id": "s-photo",
                        "type": "photo",
                        "label": "Photo of the fridge display",
                        "condition": {"when": {"step": "s-temp", "op": "gt", "value": 5}},
                    },
                ],
            },
            {
                "id": "g-signoff",
                "title": "Sign-off",
                "steps": [
                    {"id": "s-notes", "type": "text", "label": "Notes on damaged stock"},
                    {
                        "id": "s-told",
                        "type": "multi_choice",
                        "label": "Issues reported to",
                        "config": {
                            "options": [
                                {"id": "o-man", "label": "Manager"},
                                {"id": "o-nob", "label": "Nobody"},
                            ]
                        },
                        "condition": {"when": {"step": "s-gate", "op": "eq", "value": False}},
                    },
                    {"id": "s-sign", "type": "signature", "label": "Supervisor signature"},
                ],
            },
        ],
    }


async def close_the_store(url: str, run_id: str, fillers: int = 0) -> None:
    """Every shown step written once (the signature step as the app writes it: its image, then its answer) but
    the fridge's, read again (4 °C, then 3 °C); the fridge cold and the gate locked (the photo and the question
    stay hidden); then completed."""
    async with Executor(url, run_id) as ex:
        await ex.open()
        await ex.answer("s-gate", True)
        for n in range(fillers):
            await ex.answer(f"s-shelf{n}", f"Clerk {n}")
        await ex.answer("s-temp", 4)
        await ex.answer("s-temp", 3)
        await ex.answer("s-notes", "none")
        await ex.photo("s-sign", 0, image_bytes("#ffffff", "PNG", (300, 120)), "image/png")
        await ex.answer("s-sign", None)
        await ex.complete()


def closed_store_shown(desktop, aloop, live_server):
    """A completed store closing selected in the monitor, its history loaded: the detail panel."""
    template = run(aloop, desktop.api.create_template(store_closing()))
    body = {"template_id": template["id"], "executor_ref": "store-north"}
    run_id = run(aloop, desktop.api.dispatch_run(body))["run_id"]
    run(aloop, close_the_store(live_server.url, run_id))
    runs = desktop.window.runs
    runs.reload()
    wait_until(aloop, lambda: runs.model.row_of(run_id) is not None, 10)
    loaded: list[str] = []
    runs.detail.history_loaded.connect(loaded.append)
    runs.select_run(run_id)
    wait_until(aloop, lambda: run_id in loaded, 10)
    assert runs.detail.run["status"] == "completed"
    return desktop.window.runs_view.detail


def test_steps_a_condition_hid_say_so_on_a_completed_run(desktop, aloop, live_server):
    detail = closed_store_shown(desktop, aloop, live_server)
    for step_id in ("s-photo", "s-told"):
        assert detail.findChild(QLabel, f"answer-{step_id}").text() == HIDDEN_WORDS
    assert detail.findChild(QLabel, "answer-s-notes").text() == "none"
    if SHOTS:  # a look at it: RUNDUN_TEST_SHOTS=/some/dir
        desktop.window.view.resize(1024, 700)
        detail.ensureWidgetVisible(detail.findChild(QLabel, "answer-s-told"))
        desktop.window.view.grab().save(f"{SHOTS}/detail-hidden-steps.png")


def test_an_answer_written_once_is_not_changed(desktop, aloop, live_server):
    detail = closed_store_shown(desktop, aloop, live_server)
    for step_id in ("s-gate", "s-notes", "s-sign"):  # each written once: nothing changed
        head = detail.findChild(QLabel, f"history-{step_id}").text()
        assert "changed" not in head, head
    assert "changed once" in detail.findChild(QLabel, "history-s-temp").text()  # 4 °C, then 3 °C
    if SHOTS:
        desktop.window.view.resize(1024, 700)
        detail.ensureWidgetVisible(detail.findChild(QLabel, "history-s-sign"))
        desktop.window.view.grab().save(f"{SHOTS}/detail-history.png")


def test_the_updated_time_ages_with_the_clock(desktop, aloop, live_server):
    """ "Updated … (just now)" said so five minutes later: the detail's age is said again as time passes (the
    controller's timer, fired here after the run's last change is made ten minutes old)."""
    from datetime import UTC, datetime, timedelta

    detail = closed_store_shown(desktop, aloop, live_server)
    controller = desktop.window.runs.detail
    updated = detail.fact_values["Updated"]
    assert "just now" in updated.text()
    controller.run["updated_at"] = (datetime.now(UTC) - timedelta(minutes=10)).isoformat()
    controller._ages.timeout.emit()
    assert "10 min ago" in updated.text() and detail.fact_values["Updated"] is updated  # in place
