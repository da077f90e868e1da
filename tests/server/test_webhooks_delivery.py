"""Webhook delivery against a real receiver on loopback: signing, retries, failure, order, redirects, time."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest

from server.store import webhooks as store
from tests.support.executor import jpeg, open_run
from tests.support.fixtures import make_api, sql, wait_for
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

FAST = {"webhook_allow_private": True, "webhook_retry_schedule": "0.2,0.2,0.2"}


@pytest.fixture
def api(api_factory):
    return api_factory(**FAST)


def stored_body(api, event_id: str) -> bytes:
    return sql(api, "SELECT body FROM events WHERE id = ?", (event_id,))[0][0].encode()


def test_an_event_is_delivered_signed_and_byte_for_byte(api, receiver):
    run_id = dispatch(api, receiver.url(), secret=SECRET)
    cancel(api, run_id)
    [got] = receiver.wait_count(1)
    assert got.path == "/hook"
    assert got.headers["content-type"] == "application/json"
    assert got.headers["user-agent"] == "Rundun-Webhooks/1"
    assert got.headers["rundun-event"] == "run.cancelled"
    body = got.json
    assert got.headers["rundun-event-id"] == body["id"] and body["id"].startswith("evt_")
    assert body["event"] == "run.cancelled" and body["run_id"] == run_id
    assert body["data"] == {
        "executor_ref": "booking_1",
        "language": "en",  # the run's language, on every event (SPEC §15)
        "status": "cancelled",
        "reason": "revoked",
    }
    assert got.body == stored_body(api, body["id"])  # the stored outbox row, byte for byte
    verify_signature(got.body, got.headers.get("rundun-signature"))
    with pytest.raises(Exception, match="[Ss]ignature"):
        verify_signature(got.body + b" ", got.headers["rundun-signature"])
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "delivered" and delivery["attempts"] == 1
    assert delivery["attempts_log"][0]["status_code"] == 200 and delivery["attempts_log"][0]["error"] is None


def test_without_a_secret_there_is_no_signature(api, receiver):
    cancel(api, dispatch(api, receiver.url()))
    [got] = receiver.wait_count(1)
    assert "rundun-signature" not in got.headers
    assert got.headers["rundun-event"] == "run.cancelled"


def test_failing_twice_then_succeeding_takes_three_attempts_with_one_event_id(api, receiver):
    receiver.fail_next(2, status=503)
    run_id = dispatch(api, receiver.url(), secret=SECRET)
    cancel(api, run_id)
    got = receiver.wait_count(3)
    assert [r.status for r in got] == [503, 503, 200]
    assert len({r.event_id for r in got}) == 1 and len({r.headers["rundun-event-id"] for r in got}) == 1
    assert len({r.body for r in got}) == 1
    for r in got:
        verify_signature(r.body, r.headers["rundun-signature"])
    assert got[1].at - got[0].at >= 0.15  # the retry schedule (0.2 s) is kept
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "delivered" and delivery["attempts"] == 3
    assert [a["status_code"] for a in delivery["attempts_log"]] == [503, 503, 200]
    assert [a["error"] for a in delivery["attempts_log"]] == ["HTTP 503", "HTTP 503", None]
    assert all(a["duration_ms"] >= 0 for a in delivery["attempts_log"])
    assert delivery["last_status_code"] == 200 and delivery["last_error"] is None
    assert delivery["next_retry_at"] is None


def test_failed_once_the_schedule_is_exhausted(api, receiver):
    receiver.respond = lambda r: Answer(500)
    run_id = dispatch(api, receiver.url())
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, settled)
    # the first attempt, then one per entry of the schedule (0.2, 0.2, 0.2), then `failed`
    assert delivery["status"] == "failed" and delivery["attempts"] == 4
    assert len(receiver.received) == 4
    assert delivery["last_status_code"] == 500 and delivery["last_error"] == "HTTP 500"
    assert delivery["next_retry_at"] is None


def test_pending_retries_show_when_they_are_due(api_factory, receiver):
    api = api_factory(webhook_allow_private=True, webhook_retry_schedule="3600")
    receiver.fail_next(1)
    run_id = dispatch(api, receiver.url())
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, lambda found: found[0]["attempts"] == 1)
    assert delivery["status"] == "pending"
    assert delivery["next_retry_at"] > delivery["updated_at"]
    assert len(delivery["next_retry_at"]) == len("2026-05-22T08:31:00Z")


def test_a_runs_events_arrive_in_order_while_an_earlier_one_is_retried(api, receiver):
    slow = dispatch(api, receiver.url("/slow"))
    other = dispatch(api, receiver.url("/other"))
    # the first event of `slow` fails twice; its later events must wait for it; `other` must not
    failures = {"left": 2}

    def respond(r):
        if r.path == "/slow" and r.json["data"].get("step_id") == "s-0" and failures["left"]:
            failures["left"] -= 1
            return Answer(500)
        return Answer(200)

    receiver.respond = respond
    ids = [emit(api.ctx.db, slow, "step.completed", {"step_id": f"s-{i}"}) for i in range(4)]
    other_id = emit(api.ctx.db, other, "step.completed", {"step_id": "s-x"})
    cancel(api, slow)
    got = receiver.wait_for(
        lambda items: len([r for r in items if r.path == "/slow" and r.status == 200]) == 5
    )
    slow_seen = [(r.event_id, r.status) for r in got if r.path == "/slow"]
    log = wait_deliveries(api, slow, settled)
    assert [d["event"] for d in log] == ["step.completed"] * 4 + ["run.cancelled"]
    assert [d["event_id"] for d in log][:4] == ids
    in_order = ids + [log[-1]["event_id"]]
    assert slow_seen == [(ids[0], 500), (ids[0], 500)] + [(event_id, 200) for event_id in in_order]
    # the other run was not held up behind the retries
    other_at = next(r.at for r in got if r.event_id == other_id)
    assert other_at < next(r.at for r in got if r.path == "/slow" and r.status == 200)


def test_a_delivery_that_ends_while_the_worker_looks_for_due_ones_is_not_sent_again(
    api, receiver, monkeypatch
):
    """The worker finds the due deliveries on a worker thread (a receiver down for hours leaves thousands
    pending, and the event loop must not wait for that query): an attempt in flight may end while the query
    runs, its row read as still pending. It is not started a second time."""
    worker = api.client.app.state.webhook_worker
    receiver.released.clear()  # attempts are recorded by the receiver but not answered
    run_id = dispatch(api, receiver.url())
    first = emit(api.ctx.db, run_id, "step.completed", {"step_id": "s-0"})
    receiver.wait_count(1)
    real_due = store.due_deliveries
    raced = threading.Event()

    def due_while_the_attempt_ends(conn, now_stamp, limit):
        rows = real_due(conn, now_stamp, limit)
        if not raced.is_set() and any(row["event_id"] == first for row in rows):
            raced.set()
            receiver.released.set()  # the attempt in flight ends while these rows are on their way
            wait_for(lambda: not worker._in_flight, "the first attempt ended and was recorded")
        return rows

    monkeypatch.setattr(store, "due_deliveries", due_while_the_attempt_ends)
    second = emit(api.ctx.db, run_id, "step.completed", {"step_id": "s-1"})  # wakes the worker
    log = wait_deliveries(api, run_id, lambda found: len(found) == 2 and settled(found))
    assert raced.is_set()
    assert [r.event_id for r in receiver.received] == [first, second]
    assert [(d["event_id"], d["status"], d["attempts"]) for d in log] == [
        (first, "delivered", 1),
        (second, "delivered", 1),
    ]


def test_redirects_are_not_followed(api_factory, receiver):
    api = api_factory(webhook_allow_private=True, webhook_retry_schedule="0.1")
    receiver.respond = lambda r: (
        Answer(302, {"Location": receiver.url("/elsewhere")}) if r.path == "/hook" else Answer()
    )
    run_id = dispatch(api, receiver.url())
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "failed" and delivery["attempts"] == 2
    assert [a["status_code"] for a in delivery["attempts_log"]] == [302, 302]
    assert "redirects are not followed" in delivery["last_error"]
    assert {r.path for r in receiver.received} == {"/hook"}


def test_a_receiver_slower_than_the_timeout_is_a_failed_attempt(api_factory, receiver):
    api = api_factory(webhook_allow_private=True, webhook_retry_schedule="0.1", webhook_timeout=0.3)
    receiver.released.clear()  # hold every request without answering
    run_id = dispatch(api, receiver.url())
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, lambda found: found[0]["attempts"] >= 1)
    attempt = delivery["attempts_log"][0]
    assert attempt["status_code"] is None and "no complete response within 0.3 s" in attempt["error"]
    assert attempt["duration_ms"] >= 250  # given up at the timeout, never before it (a busy machine: later)
    receiver.released.set()
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "delivered" and delivery["attempts"] == 2


def test_a_receiver_that_is_down_is_retried_until_it_is_back(api, receiver):
    receiver.stop()
    run_id = dispatch(api, receiver.url())
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, lambda found: found[0]["attempts"] >= 1)
    assert delivery["attempts_log"][0]["status_code"] is None
    assert delivery["attempts_log"][0]["error"].startswith(
        f"cannot connect to 127.0.0.1 port {receiver.port}"
    )
    receiver.start()
    [got] = receiver.wait_count(1)
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "delivered" and delivery["event_id"] == got.event_id


def test_only_subscribed_events_are_delivered(api, receiver):
    run_id = dispatch(api, receiver.url(), events=["run.completed"])
    cancel(api, run_id)
    assert deliveries(api, run_id) == []


def test_keep_alive_connections_the_receiver_dropped_are_replaced_without_a_failed_attempt(api, receiver):
    receiver.respond = lambda r: Answer(hang_up=True)  # closes each connection after answering
    run_ids = [dispatch(api, receiver.url()) for _ in range(4)]
    for run_id in run_ids:
        cancel(api, run_id)
        receiver.wait_count(run_ids.index(run_id) + 1)
    for run_id in run_ids:
        [delivery] = wait_deliveries(api, run_id, settled)
        assert delivery["status"] == "delivered" and delivery["attempts"] == 1


def test_a_reused_connection_closed_under_the_request_is_retried_on_a_fresh_one(api, receiver):
    first, second = dispatch(api, receiver.url()), dispatch(api, receiver.url())
    cancel(api, first)
    receiver.wait_count(1)
    # the next request arrives on the kept-alive connection, which the receiver then drops unanswered
    receiver.script.append(Answer(drop=True))
    cancel(api, second)
    got = receiver.wait_count(3)
    assert [r.status for r in got] == [200, 200, 200] and got[1].event_id == got[2].event_id
    [delivery] = wait_deliveries(api, second, settled)
    assert delivery["status"] == "delivered" and delivery["attempts"] == 1, delivery


@pytest.mark.parametrize(
    "answer",
    [
        Answer(body=b"x" * 200_000),  # more than we read: the connection is dropped, the attempt succeeds
        Answer(body=b"y" * 10_000, chunked=True),
        Answer(headers={"Connection": "close"}),
    ],
)
def test_response_bodies_and_connection_close_are_handled(api, receiver, answer):
    receiver.respond = lambda r: answer
    run_ids = [dispatch(api, receiver.url()) for _ in range(3)]
    for run_id in run_ids:
        cancel(api, run_id)
    for run_id in run_ids:
        [delivery] = wait_deliveries(api, run_id, settled)
        assert delivery["status"] == "delivered" and delivery["attempts"] == 1


def test_tls_failures_are_reported(api_factory, receiver):
    api = api_factory(webhook_allow_private=True, webhook_retry_schedule="0.1")
    run_id = dispatch(api, f"https://127.0.0.1:{receiver.port}/hook")  # the receiver speaks plain HTTP
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "failed"
    assert all(a["error"].startswith("TLS with 127.0.0.1 failed") for a in delivery["attempts_log"])


def test_a_delivery_another_process_held_is_looked_at_again_within_a_second(tmp_path, pg_cluster, receiver):
    """PostgreSQL: another session holds the run's claim (a second server process, mid-attempt or about to be
    SIGKILLed). Nothing wakes this worker when that claim ends, so it must plan its next look at once-a-second,
    not at the minute-long idle recheck (tests/e2e/test_scale_out.py lost that race on a busy CI machine)."""
    import psycopg

    from server.services.webhooks import HELD_RECHECK_S

    url = pg_cluster.new_database()
    with contextlib.closing(make_api(tmp_path, "unlimited", database_url=url, **FAST)) as made:
        api = next(made)
        worker = api.client.app.state.webhook_worker
        run_id = dispatch(api, receiver.url(), secret=SECRET)
        with psycopg.connect(url, autocommit=True) as other_process:  # takes the claim as store.claim does
            other_process.execute(
                "SELECT pg_advisory_lock(hashtextextended(%s, 0))", (f"{run_id}\n{receiver.url()}",)
            )
            cancel(api, run_id)
            [pending] = deliveries(api, run_id)
            deadline = time.monotonic() + 60  # a guard, not a duration: the worker's pass follows the commit
            while pending["id"] not in worker.held_elsewhere:
                assert time.monotonic() < deadline, "the worker never tried to claim the delivery"
                time.sleep(0.02)
            assert worker._delay(time.time()) <= HELD_RECHECK_S  # its next pass, as planned after that one
            assert receiver.received == []
        # The other session ends (its process died): the claim is free and the delivery goes out.
        [delivery] = wait_deliveries(api, run_id, settled, timeout=60)
        assert delivery["status"] == "delivered" and delivery["attempts"] == 1


def test_photo_urls_are_signed_again_for_each_attempt_and_work_when_redelivered(api_factory, receiver):
    """A delivery's body is stored with the event, and its photo URLs were signed then: a retry hours later,
    or a redelivery, handed the receiver links expired for RUNDUN_MEDIA_URL_TTL (an hour by default)."""
    api = api_factory(**FAST, media_url_ttl=3)
    steps = [{"id": "s-p", "type": "photo", "label": "Meter", "config": {"min": 1, "max": 1}}]
    tid = api.post(
        "/v1/templates", json={"name": "P", "sections": [{"id": "g-1", "title": "M", "steps": steps}]}
    )
    run_id = dispatch(api, receiver.url(), tid.json()["id"], secret=SECRET, events=["run.completed"])
    token = open_run(api, run_id)["executor_token"]
    auth = {"Authorization": f"Bearer {token}"}
    image = jpeg()
    r = api.put(f"/v1/runs/{run_id}/answers/s-p/photos/0", content=image, auth=False, headers=auth)
    assert r.status_code == 200, r.text
    assert (
        api.post(
            f"/v1/runs/{run_id}/complete", json={"at": "2026-05-22T08:31:00Z"}, auth=False, headers=auth
        ).status_code
        == 200
    )

    def photo_url(got) -> str:
        verify_signature(got.body, got.headers["rundun-signature"])  # over the bytes sent
        return got.json["data"]["answers"]["s-p"]["photos"][0]["url"]

    def exp_of(url: str) -> int:
        return int(url.split("exp=", 1)[1].split("&", 1)[0])

    [first] = receiver.wait_count(1)
    [delivery] = wait_deliveries(api, run_id, settled)
    stored = stored_body(api, first.event_id).decode()
    stored_url = stored.split('"url":"', 1)[1].split('"', 1)[0]
    wait_for(lambda: time.time() > exp_of(stored_url), "the stored URL never expired", timeout=30)
    assert api.client.get(stored_url.removeprefix("http://testserver")).status_code == 403
    r = api.post(f"/v1/webhook-deliveries/{delivery['id']}/redeliver")
    assert r.status_code == 200, r.text
    again = receiver.wait_count(2)[1]
    url = photo_url(again)
    assert again.event_id == first.event_id and exp_of(url) > time.time()
    got = api.client.get(url.removeprefix("http://testserver"))
    assert got.status_code == 200 and got.content == image
    # Nothing else of the body changed, and the outbox keeps it as it was.
    assert again.body.decode().replace(url, stored_url) == stored
    assert stored_body(api, first.event_id).decode() == stored
