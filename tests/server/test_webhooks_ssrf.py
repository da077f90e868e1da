"""The SSRF guard at connect time: a name that resolves to a forbidden address is refused on the resolved
address (the receiver is never reached), unless RUNDUN_WEBHOOK_ALLOW_PRIVATE."""

from __future__ import annotations

import asyncio

import pytest

from server.services import webhook_http
from tests.support.hooks import cancel, dispatch, settled, wait_deliveries

# 2130706433 is 127.0.0.1 written as one number: the resolver turns it into loopback, the classic way around a
# check made on the URL text. The dispatch refuses it now (tests/server/test_runs_api.py); the worker's check at
# connect time, on the address the name resolved to, is the one that holds for any name.
DISGUISED_LOOPBACK = "2130706433"


def test_a_name_resolving_to_loopback_is_refused_at_connect_time(receiver):
    attempt = _attempt(False, receiver.url(host=DISGUISED_LOOPBACK))
    assert attempt.status_code is None
    assert "refused to connect to 2130706433" in attempt.error and "127.0.0.1" in attempt.error
    assert receiver.received == []


def test_the_same_name_is_delivered_when_private_addresses_are_allowed(api_factory, receiver):
    api = api_factory(webhook_allow_private=True, webhook_retry_schedule="0.1")
    run_id = dispatch(api, receiver.url(host=DISGUISED_LOOPBACK))
    cancel(api, run_id)
    [got] = receiver.wait_count(1)
    assert got.headers["host"] == f"{DISGUISED_LOOPBACK}:{receiver.port}"
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "delivered"


def _attempt(allow_private: bool, url: str):
    """One attempt through the worker's own connection pool (not a mock: the code the worker runs)."""

    async def go():
        pool = webhook_http.ConnectionPool(allow_private)
        try:
            delivery = {
                "url": url,
                "body": "{}",
                "event": "run.cancelled",
                "event_id": "evt_x",
                "secret": None,
            }
            return await webhook_http.attempt(pool, delivery, 5)
        finally:
            pool.close()

    return asyncio.run(go())


@pytest.mark.parametrize(
    "host", ["localhost", "127.0.0.1", "[::1]", "10.0.0.1", "169.254.169.254", "0.0.0.0"]
)
def test_forbidden_destinations_are_refused_before_connecting(receiver, host):
    attempt = _attempt(False, f"http://{host}:{receiver.port}/hook")
    assert attempt.status_code is None and attempt.error.startswith(
        f"refused to connect to {host.strip('[]')}"
    )
    assert receiver.received == []


def test_names_that_do_not_resolve_are_reported():
    attempt = _attempt(False, "http://no-such-host.invalid/hook")
    assert attempt.status_code is None and attempt.error.startswith("cannot resolve no-such-host.invalid")


def test_localhost_is_reached_when_allowed(receiver):
    attempt = _attempt(True, receiver.url(host="localhost"))
    assert attempt.status_code == 200 and attempt.error is None
    assert (
        len(receiver.received) == 1 and receiver.received[0].headers["host"] == f"localhost:{receiver.port}"
    )
