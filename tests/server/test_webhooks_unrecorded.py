"""A webhook attempt made but not recorded (a full disk): not sent again sooner than the retry schedule says.

An operator's audit filled the disk while a delivery was due: the receiver got the same event about once a
second (31 POSTs in 40 s), with a traceback in the log each time. The store's write fails here on purpose,
as SQLite's does on a full disk, and a real receiver counts what arrives.
"""

from __future__ import annotations

import logging
import sqlite3

import pytest

from server.store import webhooks as store
from tests.support.fixtures import wait_for
from tests.support.hooks import cancel, deliveries, dispatch, settled, wait_deliveries


@pytest.fixture
def api(api_factory):
    return api_factory(webhook_allow_private=True, webhook_retry_schedule="30,60")


def disk_full() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    return exc


def test_an_attempt_that_cannot_be_recorded_is_not_sent_again_until_the_schedule_says(
    api, receiver, monkeypatch, caplog
):
    caplog.set_level(logging.INFO, logger="rundun")
    worker = api.client.app.state.webhook_worker
    real = store.record_attempt
    refused: list[str] = []

    def record_attempt(conn, delivery_id, *args):
        if refused_on["on"]:
            refused.append(delivery_id)
            raise disk_full()
        return real(conn, delivery_id, *args)

    refused_on = {"on": True}
    monkeypatch.setattr(store, "record_attempt", record_attempt)
    first = dispatch(api, receiver.url())
    cancel(api, first)
    [sent] = receiver.wait_count(1)
    wait_for(lambda: refused and not worker._in_flight, "the attempt was never refused and released")
    [delivery] = deliveries(api, first)

    # Other events still go out: the worker passes over the held-back one each time.
    refused_on["on"] = False
    second = dispatch(api, receiver.url())
    cancel(api, second)
    wait_deliveries(api, second, settled)
    wait_for(lambda: not worker._in_flight, "the worker never went idle")
    assert [r.event_id for r in receiver.received].count(sent.event_id) == 1
    assert refused == [delivery["id"]]
    held = [r for r in caplog.records if delivery["id"] in r.getMessage()]
    assert len(held) == 1 and held[0].exc_info is None, [r.getMessage() for r in held]
    assert "the disk is full" in held[0].getMessage() and "30 s" in held[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"

    # Once its time has come (made so here, not waited for), it goes out again and is recorded.
    worker.unrecorded[delivery["id"]] = (0.0, 1)
    third = dispatch(api, receiver.url())
    cancel(api, third)  # a commit wakes the worker
    wait_deliveries(api, first, settled)
    assert [r.event_id for r in receiver.received].count(sent.event_id) == 2
    assert delivery["id"] not in worker.unrecorded


def test_the_wait_grows_with_each_attempt_that_goes_unrecorded(api, receiver, monkeypatch):
    worker = api.client.app.state.webhook_worker
    refused: list[str] = []

    def record_attempt(conn, delivery_id, *args):
        refused.append(delivery_id)
        raise disk_full()

    monkeypatch.setattr(store, "record_attempt", record_attempt)
    run_id = dispatch(api, receiver.url())
    cancel(api, run_id)
    wait_for(lambda: len(refused) == 1 and not worker._in_flight, "the first attempt was never refused")
    [(at, times)] = worker.unrecorded.values()
    assert times == 1
    did = refused[0]
    worker.unrecorded[did] = (0.0, 1)
    cancel_again = dispatch(api, receiver.url())  # a commit wakes the worker
    cancel(api, cancel_again)
    wait_for(lambda: refused.count(did) == 2 and not worker._in_flight, "the second attempt never came")
    later, times = worker.unrecorded[did]
    assert times == 2 and later - at > 20  # 60 s (the schedule's second delay) from now, not 30
    assert [r.event_id for r in receiver.received].count(receiver.received[0].event_id) == 2
