"""Pruning on a schedule with documented retention (issue 13, point 8): /sync op ids, attempts of settled
webhook deliveries, idempotency keys and events (with their settled deliveries) older than their retention
go; younger ones stay; a pruned op id replayed is judged by its `at` again and changes nothing."""

from __future__ import annotations

import asyncio

from server.services import upkeep
from server.store import pruning
from tests.support.executor import NOW, Executor
from tests.support.hooks import cancel, dispatch, settled, wait_deliveries
from tests.support.samples import minimal

LONG_AGO = "2020-01-01T00:00:00Z"


def _backdate(api, sql: str, *params) -> None:
    api.ctx.db.write_sync(lambda conn: conn.execute(sql, params))


def _count(api, sql: str, *params) -> int:
    return api.ctx.db.read(lambda conn: conn.execute(sql, params).fetchone()[0])


def _prune(api) -> dict:
    return asyncio.run(upkeep.prune_once(api.ctx))


def test_old_sync_op_ids_go_and_a_replay_then_changes_nothing(api):
    ex = Executor.start(api, minimal())
    op = {"op_id": "op-old", "step_id": "s-1", "value": True, "at": NOW}
    assert ex.sync([op]).json()["results"][0]["status"] == "applied"
    assert ex.sync([{**op, "op_id": "op-new"}]).json()["results"][0]["status"] == "applied"
    _backdate(api, "UPDATE sync_ops SET created_at = ? WHERE op_id = 'op-old'", LONG_AGO)
    assert _prune(api)["sync_ops"] in (0, 1)  # 0: the app's own pass at its start came late, took it
    assert api.ctx.db.read(lambda conn: [r[0] for r in conn.execute("SELECT op_id FROM sync_ops")]) == [
        "op-new"
    ]
    events_before = _count(api, "SELECT count(*) FROM events")
    replay = ex.sync([op]).json()["results"][0]
    assert replay["status"] == "applied" and replay["answer"]["value"] is True  # judged again: same answer
    assert _count(api, "SELECT count(*) FROM events") == events_before  # nothing changed, nothing fired
    assert ex.sync([{**op, "op_id": "op-new"}]).json()["results"][0]["status"] == "duplicate"


def test_idempotency_keys_older_than_a_day_go(api):
    tid = api.post("/v1/templates", json=minimal()).json()["id"]
    for key in ("k-old", "k-new"):
        assert (
            api.post("/v1/runs", json={"template_id": tid}, headers={"Idempotency-Key": key}).status_code
            == 201
        )
    _backdate(api, "UPDATE idempotency_keys SET created_at = ? WHERE key = 'k-old'", LONG_AGO)
    assert _prune(api)["idempotency_keys"] in (0, 1)  # 0: the app's own pass at its start came late, took it
    assert api.ctx.db.read(lambda conn: [r[0] for r in conn.execute("SELECT key FROM idempotency_keys")]) == [
        "k-new"
    ]


def test_attempts_of_settled_deliveries_go_after_their_retention(api_factory):
    api = api_factory(webhook_retry_schedule="0", webhook_allow_private=True)
    run_id = dispatch(api, "http://127.0.0.1:9/hook")  # nothing listens there: every attempt fails
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "failed" and _count(api, "SELECT count(*) FROM webhook_attempts") >= 1
    assert _prune(api)["webhook_attempts"] == 0  # recent: kept
    _backdate(api, "UPDATE webhook_deliveries SET updated_at = ?", LONG_AGO)
    assert _prune(api)["webhook_attempts"] >= 1
    assert _count(api, "SELECT count(*) FROM webhook_attempts") == 0
    [kept] = api.get(f"/v1/runs/{run_id}/webhook-deliveries").json()["data"]
    assert kept["status"] == "failed" and kept["attempts"] == delivery["attempts"]


def test_events_older_than_their_retention_go_with_their_settled_deliveries(api_factory, monkeypatch):
    """The event log is the largest table of a busy server (every change of every run, a photo's progress
    too), so it is pruned: an event older than `RUNDUN_EVENTS_RETENTION_DAYS` goes with its deliveries and
    their attempts, unless one of its deliveries is still pending; younger events stay. A batch of one makes
    the pass walk on past an event it must keep."""
    monkeypatch.setattr(pruning, "BATCH", 1)
    api = api_factory(webhook_retry_schedule="0", webhook_allow_private=True)
    hooked, plain, pending = (
        dispatch(api, url) for url in ("http://127.0.0.1:9/hook", None, "http://127.0.0.1:9/p")
    )
    for run_id in (hooked, plain, pending):
        cancel(api, run_id)
    [old_delivery] = wait_deliveries(api, hooked, settled)
    wait_deliveries(api, pending, settled)
    recent = dispatch(api, None)
    cancel(api, recent)
    assert _count(api, "SELECT count(*) FROM webhook_attempts") >= 2
    _prune(api)
    assert _count(api, "SELECT count(*) FROM events WHERE run_id = ?", hooked) >= 1  # recent: kept

    for run_id in (hooked, plain, pending):
        _backdate(api, "UPDATE events SET created_at = ? WHERE run_id = ?", LONG_AGO, run_id)
    _backdate(api, "UPDATE webhook_deliveries SET updated_at = ?", LONG_AGO)
    _backdate(
        api,
        "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = '2999-01-01T00:00:00.000Z' "
        "WHERE run_id = ?",
        pending,
    )
    _prune(api)

    def events_of(run_id: str) -> int:
        return _count(api, "SELECT count(*) FROM events WHERE run_id = ?", run_id)

    assert events_of(hooked) == 0 and events_of(plain) == 0
    assert events_of(pending) >= 1 and events_of(recent) >= 1
    assert api.get(f"/v1/runs/{hooked}/webhook-deliveries").json()["data"] == []
    assert _count(api, "SELECT count(*) FROM webhook_attempts WHERE delivery_id = ?", old_delivery["id"]) == 0
    assert api.post(f"/v1/webhook-deliveries/{old_delivery['id']}/redeliver").status_code == 404
    [waiting] = api.get(f"/v1/runs/{pending}/webhook-deliveries").json()["data"]
    assert waiting["status"] == "pending" and waiting["attempts_log"]


def test_an_event_redelivered_within_the_retention_stays_with_its_log(api_factory):
    """A redelivery writes the delivery's log again: its event stays until the retention has passed since."""
    api = api_factory(webhook_retry_schedule="0", webhook_allow_private=True)
    run_id = dispatch(api, "http://127.0.0.1:9/hook")
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, settled)
    _backdate(api, "UPDATE events SET created_at = ?", LONG_AGO)
    assert api.post(f"/v1/webhook-deliveries/{delivery['id']}/redeliver").status_code == 200
    wait_deliveries(api, run_id, lambda found: settled(found) and found[0]["attempts"] > delivery["attempts"])
    _prune(api)
    [kept] = api.get(f"/v1/runs/{run_id}/webhook-deliveries").json()["data"]
    assert (
        kept["id"] == delivery["id"] and len(kept["attempts_log"]) == kept["attempts"] > delivery["attempts"]
    )
