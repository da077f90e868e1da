"""The event hub wakes live streams a chunk per loop iteration (issue 13, point 9): a burst of hundreds of
streams never sits in front of every other request in the loop's queue."""

from __future__ import annotations

import asyncio

from server.services.events import WAKE_CHUNK, EventHub, Subscription
from server.store.events import StoredEvent


def test_streams_are_woken_one_chunk_per_loop_iteration():
    async def scenario() -> list[int]:
        hub = EventHub()
        hub._loop = asyncio.get_running_loop()  # as start() sets it, without a database
        subs = [Subscription("org-1", 0) for _ in range(10 * WAKE_CHUNK + 5)]
        woken: list[Subscription] = []

        async def stream(sub: Subscription) -> None:
            await sub.wait()
            woken.append(sub)

        tasks = [asyncio.create_task(stream(sub)) for sub in subs]
        await asyncio.sleep(0)  # every stream is waiting
        assert woken == []
        event = StoredEvent(seq=1, id="evt_1", org_id="org-1", event="run.opened", body="{}")
        for sub in subs:
            sub.push(event)
        hub._wake_paced(subs)
        progress = []
        while len(woken) < len(subs):
            await asyncio.sleep(0)  # one loop iteration
            progress.append(len(woken))
        await asyncio.gather(*tasks)
        return progress

    progress = asyncio.run(scenario())
    steps = [b - a for a, b in zip([0, *progress], progress, strict=False)]
    assert max(steps) <= WAKE_CHUNK and len([s for s in steps if s]) >= 10


def test_a_closed_subscription_wakes_at_once():
    async def scenario() -> None:
        sub = Subscription("org-1", 0)
        waiting = asyncio.create_task(sub.wait())
        await asyncio.sleep(0)
        sub.close()
        await asyncio.wait_for(waiting, 60)  # a guard, not a duration

    asyncio.run(scenario())
