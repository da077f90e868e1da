"""Shutdown stops the background loops even when its cancel lands the moment a loop is woken.

Python 3.11's `asyncio.wait_for` returns the inner result when the cancel and the wake-up arrive in the same
loop iteration, swallowing the cancel: the webhook worker then looped on, and the app's shutdown (which
cancels and gathers its tasks) never ended — a TestClient teardown hung 300 s on a busy machine. The loops
wait with `asyncio.timeout`, which delivers such a cancel.
"""

from __future__ import annotations

import asyncio
import threading

from server.services.context import Context
from server.services.events import EventHub
from server.services.webhooks import DeliveryWorker
from server.store.writer import in_thread
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


def test_a_cancelled_read_ends_only_once_its_thread_is_done():
    """A read on a worker thread goes on whatever its caller does; the shutdown that cancelled the webhook
    worker's query closed the reading connection under it, a segfault (once in 15 runs of the test above).
    The cancelled caller now waits for the thread's read before it ends."""
    started, release, finished = threading.Event(), threading.Event(), threading.Event()

    def slow_read() -> int:
        started.set()
        release.wait(60)  # a guard, not a duration: the test sets it
        finished.set()
        return 1

    async def scenario() -> None:
        task = asyncio.ensure_future(in_thread(slow_read))
        while not started.is_set():
            await asyncio.sleep(0.01)
        task.cancel()
        await _settle()
        assert not task.done()  # waiting for the read, not gone with it running
        release.set()
        try:
            await task
        except asyncio.CancelledError:
            pass
        assert task.cancelled() and finished.is_set()

    asyncio.run(scenario())
