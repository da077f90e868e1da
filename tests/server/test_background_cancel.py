"""Shutdown stops the background loops even when its cancel lands the moment a loop is woken.

Python 3.11's `asyncio.wait_for` returns the inner result when the cancel and the wake-up arrive in the same
loop iteration, swallowing the cancel: the webhook worker then looped on, and the app's shutdown (which
cancels and gathers its tasks) never ended — a TestClient teardown hung 300 s on a busy machine. The loops
wait with `asyncio.timeout`, which delivers such a cancel.
"""

from __future__ import annotations

import asyncio

from server.services.context import Context
from server.services.events import EventHub
from server.services.webhooks import DeliveryWorker
from tests.support.fixtures import make_settings


async def _settle() -> None:
    """Let the loop run the worker's task up to its wait (a few iterations; no time passes)."""
    for _ in range(5):
        await asyncio.sleep(0)


def test_the_webhook_worker_ends_when_cancelled_as_it_is_woken(tmp_path):
    async def scenario() -> bool:
        ctx = Context.open(make_settings(tmp_path))
        try:
            worker = DeliveryWorker(EventHub())
            task = worker.start(ctx)
            await _settle()
            worker.kick()  # an event arrives…
            task.cancel()  # …as the app shuts down
            done, _ = await asyncio.wait([task], timeout=60)  # a guard against the hang, not a duration
            return task in done
        finally:
            ctx.close()

    assert asyncio.run(scenario())
