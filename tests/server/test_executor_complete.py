"""SPEC §5 `complete` and `exit`: completion problems, hidden answers dropped, idempotent completion,
`run.completed` / `run.cancelled`, and what a closed run still allows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest

from server.clock import iso
from server.store import events as event_store
from tests.support.executor import NOW, Executor, every_type, jpeg, png, sha256
from tests.support.media import has_blob
from tests.support.samples import vehicle_inspection


def run_events(api, run_id: str, name: str) -> list[dict]:
    return [
        body
        for _, body in api.ctx.db.read(event_store.events_after, api.org["id"], 0)
        if body["run_id"] == run_id and body["event"] == name
    ]


def fill(ex: Executor, ok: bool = True) -> None:
    """Answer every required visible step of `every_type()`."""
    answers = {
        "s-bool": ok,
        "s-num": 12.5,
        "s-text": "fine",
        "s-choice": "o-a",
        "s-multi": ["o-x"],
        "s-rate": 4,
        "s-date": "2026-05-22",
        "s-time": "08:31",
    }
    results = ex.sync([{"op_id": k, "step_id": k, "value": v, "at": NOW} for k, v in answers.items()]).json()
    assert all(r["status"] == "applied" for r in results["results"]), results
    assert ex.photo("s-photo", 0, jpeg()).status_code == 200
    assert ex.photo("s-sig", 0, png()).status_code == 200
    geo = {"lat": 51.5, "lng": -0.1, "accuracy_m": 4}
    assert ex.answer("s-geo", True, geo=geo).status_code == 200
    assert ex.photo("s-geo", 0, jpeg()).status_code == 200


@pytest.fixture
def ex(api) -> Executor:
    return Executor.start(api, executor_ref="b-9", webhook={"url": "https://hooks.example.com/rundun"})


def test_incomplete_runs_name_every_missing_step(api, ex):
    r = ex.complete()
    assert r.status_code == 422 and r.json()["error"] == "run_incomplete"
    paths = {d["path"] for d in r.json()["details"]}
    assert paths == {
        f"answers.{s}"
        for s in (
            "s-bool",
            "s-num",
            "s-text",
            "s-choice",
            "s-multi",
            "s-rate",
            "s-photo",
            "s-date",
            "s-time",
            "s-sig",
            "s-geo",
        )
    }
    fill(ex, ok=False)  # s-bool false shows s-why, which is required
    r = ex.complete()
    assert [d["path"] for d in r.json()["details"]] == ["answers.s-why"]
    assert ex.state()["status"] == "in_progress"
    assert run_events(api, ex.run_id, "run.completed") == []


def test_photo_minimums_and_geo_block_completion(api, ex):
    fill(ex)
    ex.call("DELETE", "/answers/s-geo/photos/0")
    ex.answer("s-geo", True, at="2026-05-22T09:00:00Z")  # drops the location
    details = ex.complete().json()["details"]
    assert [d["path"] for d in details] == ["answers.s-geo", "answers.s-geo"]
    assert any("photo" in d["message"] for d in details) and any("location" in d["message"] for d in details)


def test_complete_fires_run_completed_and_answers_again_with_the_same_document(api, ex):
    fill(ex)
    at = iso(datetime.now(UTC) + timedelta(seconds=30))  # the executor's clock, after the opening
    r = ex.complete(at=at)
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["status"] == "completed" and doc["completed_at"] == at
    assert doc["progress"] == {"total": 11, "answered": 11, "skipped": 0}
    assert doc == api.get(f"/v1/runs/{ex.run_id}").json()
    again = ex.complete(at="2026-05-22T10:00:00Z")
    assert again.status_code == 200 and again.json() == doc
    fired = run_events(api, ex.run_id, "run.completed")
    assert len(fired) == 1
    data = fired[0]["data"]
    assert {"status", "completed_at", "executor_identity", "progress", "answers", "executor_ref"} <= set(data)
    assert data["executor_ref"] == "b-9" and data["executor_identity"] == {"mode": "anonymous"}
    assert data["answers"]["s-num"]["value"] == 12.5
    photo_url = data["answers"]["s-photo"]["photos"][0]["url"]
    parts = urlsplit(photo_url)
    assert api.client.get(f"{parts.path}?{parts.query}").status_code == 200  # signed, fetchable


def test_writes_after_completion_are_409(api, ex):
    fill(ex)
    ex.complete()
    for r in (
        ex.answer("s-bool", False, at="2026-05-22T10:00:00Z"),
        ex.sync([{"op_id": "late", "step_id": "s-bool", "value": False, "at": NOW}]),
        ex.photo("s-photo", 1, jpeg()),
        ex.call("DELETE", "/answers/s-photo/photos/0"),
        ex.call("PUT", "/signature", content=png()),
        ex.call("POST", "/exit", json={}),
    ):
        assert r.status_code == 409 and r.json()["error"] == "run_closed"
    assert ex.state()["status"] == "completed"


def test_hidden_answers_and_their_photos_are_dropped_on_completion(api):
    ex = Executor.start(api, vehicle_inspection())
    damage_photo = jpeg()
    ex.sync(
        [
            {"op_id": "1", "step_id": "s-od01", "value": 42150, "at": NOW},
            {"op_id": "2", "step_id": "s-fu01", "value": "o-fu2", "at": NOW},
            {"op_id": "3", "step_id": "s-dm01", "value": True, "at": NOW},
            {"op_id": "4", "step_id": "s-dm02", "value": "Scratch on the door", "at": NOW},
            {"op_id": "5", "step_id": "s-cl01", "value": 4, "at": NOW},
        ]
    )
    assert ex.photo("s-dm02", 0, damage_photo).status_code == 200
    # The executor changes their mind: no damage after all, so s-dm02 is hidden.
    ex.answer("s-dm01", False, at="2026-05-22T09:00:00Z")
    assert ex.complete().json()["error"] == "run_incomplete"  # signature_on_complete
    assert ex.call("PUT", "/signature", content=png()).status_code == 200
    doc = ex.complete().json()
    assert doc["status"] == "completed"
    assert "s-dm02" not in doc["answers"] and set(doc["answers"]) == {"s-od01", "s-fu01", "s-dm01", "s-cl01"}
    assert doc["signature"] is not None
    assert doc["progress"] == {"total": 4, "answered": 4, "skipped": 0}
    assert all(p["step_id"] != "s-dm02" for p in ex.state()["photos"])
    assert not has_blob(api, sha256(damage_photo))
    assert "s-dm02" not in run_events(api, ex.run_id, "run.completed")[0]["data"]["answers"]


def test_skipped_steps_complete_where_allowed(api):
    ex = Executor.start(api, vehicle_inspection() | {"settings": {"allow_skip": True}})
    for i, step_id in enumerate(("s-od01", "s-fu01", "s-dm01", "s-cl01")):
        r = ex.call("PUT", f"/answers/{step_id}", json={"skipped": True, "at": NOW})
        assert r.status_code == 200, (i, r.text)
    doc = ex.complete().json()
    assert doc["status"] == "completed" and doc["progress"]["skipped"] == 4


def test_complete_needs_a_valid_at(api, ex):
    assert ex.call("POST", "/complete", json={}).status_code == 400
    assert ex.call("POST", "/complete", json={"at": "later"}).status_code == 422


def test_a_completion_never_comes_before_the_opening(api, ex):
    """An executor's clock behind the server's: `at` before the run was opened. The run is not finished before
    it began (time to complete 0 s, not negative; the stats' median went to 0); the history keeps the `at`."""
    fill(ex)
    opened = api.get(f"/v1/runs/{ex.run_id}").json()["opened_at"]
    early = "2020-01-01T00:00:00Z"
    doc = ex.complete(at=early).json()
    assert doc["completed_at"] == opened >= doc["created_at"]
    assert run_events(api, ex.run_id, "run.completed")[0]["data"]["completed_at"] == opened
    history = api.get(f"/v1/runs/{ex.run_id}/history").json()["data"]
    assert [h["at"] for h in history if h["kind"] == "complete"] == [early]


def test_exit_cancels_with_executor_exited(api, ex):
    ex.answer("s-bool", True)
    r = ex.call("POST", "/exit", json={"reason": "Car not at the address"})
    assert r.status_code == 200
    assert r.json() == {"run_id": ex.run_id, "status": "cancelled", "cancel_reason": "executor_exited"}
    doc = api.get(f"/v1/runs/{ex.run_id}").json()
    assert doc["status"] == "cancelled" and doc["cancel_reason"] == "executor_exited"
    fired = run_events(api, ex.run_id, "run.cancelled")
    assert len(fired) == 1 and fired[0]["data"]["reason"] == "executor_exited"
    assert fired[0]["data"]["executor_reason"] == "Car not at the address"
    again = ex.call("POST", "/exit")
    assert again.status_code == 409 and again.json()["error"] == "run_closed"
    assert ex.complete().status_code == 409
    assert ex.state()["status"] == "cancelled"


def test_exit_without_a_body(api, ex):
    assert ex.call("POST", "/exit").status_code == 200
    assert "executor_reason" not in run_events(api, ex.run_id, "run.cancelled")[0]["data"]


def test_an_expired_run_refuses_complete_and_exit(api, ex):
    from server.store import runs as run_store

    fill(ex)
    api.ctx.db.write_sync(run_store.update_run, ex.run_id, {"expires_at": "2020-01-01T00:00:00Z"})
    assert ex.complete().status_code == 410
    assert ex.call("POST", "/exit").status_code == 410


def test_every_type_completes(api):
    ex = Executor.start(api, every_type())
    fill(ex)
    assert ex.complete().json()["status"] == "completed"
