"""Ids of rows written by the million (events, webhook deliveries) are time-ordered UUIDs (version 7), so
each new row's index entry lands beside the last one rather than on a random page of a months-old index."""

from __future__ import annotations

import time
import uuid

from server.ids import uuid7
from tests.support.executor import NOW, Executor
from tests.support.fixtures import sql


def test_uuid7_is_a_version_7_uuid_that_carries_its_millisecond_and_orders_by_it():
    before = time.time_ns() // 1_000_000
    made = [uuid7() for _ in range(2_000)]
    after = time.time_ns() // 1_000_000
    parsed = [uuid.UUID(text) for text in made]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 and str(u) == t for u, t in zip(parsed, made))
    assert len(set(made)) == len(made)
    assert all(before <= u.int >> 80 <= after for u in parsed)
    millis = [u.int >> 80 for u in parsed]
    assert millis == sorted(millis)  # made one after another: never an earlier millisecond
    # Ids of different milliseconds sort (as text too, which is how an index orders them) in time order.
    firsts = {}
    for text, ms in zip(made, millis):
        firsts.setdefault(ms, text)
    assert list(firsts.values()) == sorted(firsts.values())


def test_event_ids_are_time_ordered(api):
    ex = Executor.start(api)
    for step in range(3):
        assert ex.answer("s-text", f"reading {step}", at=NOW).status_code == 200
    ids = [row[0] for row in sql(api, "SELECT id FROM events ORDER BY seq")]
    assert len(ids) >= 3 and all(i.startswith("evt_") and uuid.UUID(i[4:]).version == 7 for i in ids)
