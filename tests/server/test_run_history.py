"""SPEC §10: `GET /v1/runs/{id}/history`, every write received, oldest first, never rewritten, org-isolated."""

from __future__ import annotations

import pytest

from tests.support.executor import Executor, content_digest, jpeg, png

EARLIER = "2026-05-22T08:00:00Z"
LATER = "2026-05-22T09:00:00Z"


@pytest.fixture
def ex(api) -> Executor:
    return Executor.start(api, executor_ref="ref-h")


def history(api, run_id: str, **params) -> dict:
    r = api.get(f"/v1/runs/{run_id}/history", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_a_fresh_run_has_an_empty_history(api, ex):
    page = history(api, ex.run_id)
    assert (
        page["data"] == [] and page["pagination"]["total"] == 0 and page["pagination"]["next_cursor"] is None
    )


def test_every_answer_write_is_kept_with_its_outcome_and_source(api, ex):
    assert ex.answer("s-num", 5, at=LATER).status_code == 200
    assert ex.answer("s-num", 7, at=EARLIER).status_code == 200  # older: stale, changes nothing
    r = ex.sync(
        [
            {"op_id": "op-1", "step_id": "s-num", "value": 9, "at": "2026-05-22T10:00:00Z"},
            {"op_id": "op-2", "step_id": "s-text", "value": "ok", "at": LATER},
        ]
    )
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"]
    r = ex.sync([{"op_id": "op-1", "step_id": "s-num", "value": 9, "at": "2026-05-22T10:00:00Z"}])
    assert r.json()["results"][0]["status"] == "duplicate"
    ex.sync([{"op_id": "op-bad", "step_id": "s-num", "value": "nope", "at": LATER}])  # rejected: not received
    entries = history(api, ex.run_id)["data"]
    assert [(e["seq"], e["step_id"], e["value"], e["source"], e["outcome"], e["op_id"]) for e in entries] == [
        (1, "s-num", 5, "put", "applied", None),
        (2, "s-num", 7, "put", "stale", None),
        (3, "s-num", 9, "sync", "applied", "op-1"),
        (4, "s-text", "ok", "sync", "applied", "op-2"),
        (5, "s-num", 9, "sync", "duplicate", "op-1"),
    ]
    assert entries[1]["at"] == EARLIER and all(e["received_at"].endswith("Z") for e in entries)
    assert all(e["kind"] == "answer" and e["details"] is None for e in entries)
    # reading never changes it, and later writes only append
    assert history(api, ex.run_id)["data"] == entries
    ex.answer("s-bool", True)
    again = history(api, ex.run_id)["data"]
    assert again[:5] == entries and again[5]["step_id"] == "s-bool"


def test_photos_signature_and_complete_are_in_the_history(api, ex):
    photo = jpeg()
    assert ex.photo("s-photo", 0, photo).status_code == 200
    assert ex.photo("s-photo", 0, photo).status_code == 200  # the same bytes again: nothing happened
    assert ex.call("DELETE", "/answers/s-photo/photos/0").status_code == 204
    sig = png()
    r = ex.call("PUT", "/signature", content=sig, headers={"Content-Digest": content_digest(sig)})
    assert r.status_code == 200, r.text
    kinds = [(e["kind"], e["step_id"], e["details"]) for e in history(api, ex.run_id)["data"]]
    assert kinds[0][0:2] == ("photo_attached", "s-photo") and kinds[0][2]["bytes"] == len(photo)
    assert kinds[1] == ("photo_removed", "s-photo", {"photo_index": 0})
    assert kinds[2][0:2] == ("signature", None)
    assert len(kinds) == 3


def test_complete_and_exit_are_recorded(api):
    from tests.support.samples import minimal

    done = Executor.start(api, minimal())
    steps = api.get(f"/v1/runs/{done.run_id}", params={"include": "template"}).json()["template"]["sections"][
        0
    ]["steps"]
    for step in steps:
        if step["type"] == "boolean":
            done.answer(step["id"], True)
    r = done.complete(LATER)
    assert r.status_code == 200, r.text
    last = history(api, done.run_id)["data"][-1]
    assert last["kind"] == "complete" and last["at"] == LATER
    gone = Executor.start(api, minimal())
    assert gone.call("POST", "/exit", json={"reason": "rain"}).status_code == 200
    assert [(e["kind"], e["details"]) for e in history(api, gone.run_id)["data"]] == [
        ("exit", {"reason": "rain"})
    ]


def test_history_pages_by_number_and_by_cursor(api, ex):
    for i in range(5):
        ex.answer("s-num", i, at=f"2026-05-22T08:0{i}:00Z")
    first = history(api, ex.run_id, per_page=2)
    assert [e["value"] for e in first["data"]] == [0, 1]
    assert first["pagination"] == {"total": 5, "page": 1, "per_page": 2, "next_page": 2, "next_cursor": "2"}
    assert [e["value"] for e in history(api, ex.run_id, per_page=2, page=3)["data"]] == [4]
    after = history(api, ex.run_id, per_page=2, after=first["pagination"]["next_cursor"])
    assert [e["value"] for e in after["data"]] == [2, 3] and after["pagination"]["next_page"] is None
    last = history(api, ex.run_id, per_page=2, after=after["pagination"]["next_cursor"])
    assert [e["value"] for e in last["data"]] == [4] and last["pagination"]["next_cursor"] is None


@pytest.mark.parametrize(
    "params", [{"after": "x"}, {"after": -1}, {"per_page": 0}, {"per_page": 201}, {"page": 2, "after": 1}]
)
def test_bad_paging_is_422(api, ex, params):
    r = api.get(f"/v1/runs/{ex.run_id}/history", params=params)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "validation_error"


def test_another_orgs_run_and_an_unknown_run_are_404_and_a_missing_key_401(api, ex):
    ex.answer("s-bool", True)
    other = api.second_org()
    r = other.get(f"/v1/runs/{ex.run_id}/history")
    assert r.status_code == 404 and r.json()["error"] == "run_not_found"
    assert api.get("/v1/runs/r-nope/history").status_code == 404
    assert api.get(f"/v1/runs/{ex.run_id}/history", auth=False).status_code == 401


def test_the_history_is_in_the_openapi_document(api):
    spec = api.get("/v1/openapi.json", auth=False).json()
    op = spec["paths"]["/v1/runs/{run_id}/history"]["get"]
    assert {"200", "401", "404", "422"} <= set(op["responses"])
    assert "device" in spec["components"]["schemas"]["RunSummary"]["properties"]
