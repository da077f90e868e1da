"""The delivery log and redelivery endpoints: shape, event order, org scoping, a fresh attempt cycle."""

from __future__ import annotations

import re

import pytest

from tests.support.hooks import (
    SECRET,
    cancel,
    deliveries,
    dispatch,
    emit,
    settled,
    verify_signature,
    wait_deliveries,
)
from tests.support.receiver import Answer

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture
def api(api_factory):
    return api_factory(webhook_allow_private=True, webhook_retry_schedule="0.2,0.2,0.2")


def test_the_log_lists_every_delivery_in_event_order_with_its_attempts(api, receiver):
    run_id = dispatch(api, receiver.url(), secret=SECRET)
    first = emit(api.ctx.db, run_id, "run.opened", {"status": "pending"})
    second = emit(api.ctx.db, run_id, "step.completed", {"step_id": "s-1"})
    cancel(api, run_id)
    log = wait_deliveries(api, run_id, lambda found: len(found) == 3 and settled(found))
    assert [d["event"] for d in log] == ["run.opened", "step.completed", "run.cancelled"]
    assert [d["event_id"] for d in log[:2]] == [first, second]
    for d in log:
        assert set(d) == {
            "id",
            "event_id",
            "event",
            "url",
            "status",
            "attempts",
            "last_status_code",
            "last_error",
            "next_retry_at",
            "created_at",
            "updated_at",
            "attempts_log",
        }
        assert d["id"].startswith("whd_") and d["url"] == receiver.url() and d["status"] == "delivered"
        assert ISO.match(d["created_at"]) and ISO.match(d["updated_at"])
        [attempt] = d["attempts_log"]
        assert set(attempt) == {"attempted_at", "status_code", "duration_ms", "error"}
        assert ISO.match(attempt["attempted_at"]) and attempt["status_code"] == 200
        assert "secret" not in str(d)  # the webhook secret is never shown
    assert [r.event_id for r in receiver.received] == [d["event_id"] for d in log]


def test_the_log_pages_as_every_collection_does(api, receiver):
    run_id = dispatch(api, receiver.url(), secret=SECRET)
    for n in range(4):
        emit(api.ctx.db, run_id, "step.completed", {"step_id": f"s-{n}"})
    log = wait_deliveries(api, run_id, lambda found: len(found) == 4 and settled(found))
    path = f"/v1/runs/{run_id}/webhook-deliveries"
    first, last = api.get(f"{path}?per_page=3").json(), api.get(f"{path}?per_page=3&page=2").json()
    assert first["pagination"] == {"total": 4, "page": 1, "per_page": 3, "next_page": 2}
    assert last["pagination"] == {"total": 4, "page": 2, "per_page": 3, "next_page": None}
    assert first["data"] + last["data"] == log  # in event order, nothing twice, nothing left out
    assert api.get(f"{path}?per_page=201").status_code == 422


def test_a_run_without_webhook_has_an_empty_log(api):
    assert deliveries(api, dispatch(api, None)) == []


def test_another_orgs_run_and_delivery_are_not_found(api, receiver):
    run_id = dispatch(api, receiver.url())
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, settled)
    other = api.second_org()
    r = other.get(f"/v1/runs/{run_id}/webhook-deliveries")
    assert r.status_code == 404 and r.json()["error"] == "run_not_found"
    r = other.post(f"/v1/webhook-deliveries/{delivery['id']}/redeliver")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    r = api.post("/v1/webhook-deliveries/whd_nope/redeliver")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    assert api.get("/v1/runs/r-nope/webhook-deliveries").json()["error"] == "run_not_found"
    assert api.get(f"/v1/runs/{run_id}/webhook-deliveries", auth=False).status_code == 401
    assert len(receiver.received) == 1  # the refused redelivery sent nothing


def test_redeliver_sends_the_same_event_and_bytes_again(api, receiver):
    run_id = dispatch(api, receiver.url(), secret=SECRET)
    cancel(api, run_id)
    [first] = receiver.wait_count(1)
    [delivery] = wait_deliveries(api, run_id, settled)
    r = api.post(f"/v1/webhook-deliveries/{delivery['id']}/redeliver")
    assert r.status_code == 200, r.text
    assert r.json()["id"] == delivery["id"] and r.json()["event_id"] == delivery["event_id"]
    assert r.json()["status"] in ("pending", "delivered")
    second = receiver.wait_count(2)[1]
    assert second.body == first.body and second.headers["rundun-event-id"] == first.headers["rundun-event-id"]
    verify_signature(second.body, second.headers["rundun-signature"])
    [delivery] = wait_deliveries(api, run_id, lambda found: found[0]["attempts"] == 2 and settled(found))
    assert delivery["status"] == "delivered" and len(delivery["attempts_log"]) == 2


def test_redeliver_gives_a_failed_delivery_a_fresh_retry_cycle(api, receiver):
    receiver.respond = lambda r: Answer(500)
    run_id = dispatch(api, receiver.url())
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "failed" and delivery["attempts"] == 4
    receiver.fail_next(2)
    receiver.respond = lambda r: Answer(200)
    r = api.post(f"/v1/webhook-deliveries/{delivery['id']}/redeliver")
    assert r.status_code == 200 and r.json()["status"] == "pending"
    # two more failures fit in the fresh schedule; the third attempt of the new cycle succeeds
    [delivery] = wait_deliveries(api, run_id, lambda found: settled(found) and found[0]["attempts"] > 4)
    assert delivery["status"] == "delivered" and delivery["attempts"] == 7
    assert [a["status_code"] for a in delivery["attempts_log"]] == [500] * 6 + [200]


def test_openapi_declares_the_endpoints(api):
    paths = api.get("/v1/openapi.json", auth=False).json()["paths"]
    listing = paths["/v1/runs/{run_id}/webhook-deliveries"]["get"]
    assert "DeliveryList" in str(listing["responses"]["200"]) and "404" in listing["responses"]
    assert "DeliveryOut" in str(
        paths["/v1/webhook-deliveries/{delivery_id}/redeliver"]["post"]["responses"]["200"]
    )
    stream = paths["/v1/events"]["get"]
    assert list(stream["responses"]["200"]["content"]) == ["text/event-stream"]
    assert any(p["name"] == "Last-Event-ID" for p in stream["parameters"])
