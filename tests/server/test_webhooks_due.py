"""Which pending deliveries the webhook worker starts: each run's (and URL's) earliest pending one, once due.

Checked on a bare database of each engine (no app, so no worker takes the rows meanwhile). The query once
asked, for every pending row, whether an earlier one of its run was pending: with a receiver down and
thousands pending, a pass of the worker grew with their number, and on PostgreSQL before its statistics
caught up, a nested loop over them all (bench: a soak of 30 drains with a webhook to an unreachable host,
`docs/performance/photo-sync.md`, 2026-12-06).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from server.store import webhooks as store
from server.store.backends import open_database


@pytest.fixture
def db(tmp_path: Path, database_url):
    database = open_database(database_url, tmp_path / "rundun.db")
    yield database
    database.close()


def add(db, rows: list[tuple[str, str, str, str]]) -> dict[str, int]:
    """(delivery id, run, url, status, due) rows, each with an event of its own, in this order; returns
    each delivery's event seq."""

    def job(conn):
        seqs = {}
        for delivery_id, run_id, url, status, due in rows:
            event_id = f"evt_{delivery_id}"
            conn.execute(
                "INSERT INTO events (id, org_id, run_id, event, created_at, body) VALUES (?, 'org', ?, "
                "'step.completed', '2026-12-06T00:00:00Z', ?)",
                (event_id, run_id, f'{{"id": "{event_id}"}}'),
            )
            (seq,) = conn.execute("SELECT seq FROM events WHERE id = ?", (event_id,)).fetchone()
            conn.execute(
                "INSERT INTO webhook_deliveries (id, event_seq, run_id, url, status, next_attempt_at, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'c', 'u')",
                (delivery_id, seq, run_id, url, status, due),
            )
            seqs[delivery_id] = seq
        return seqs

    return db.write_sync(job)


NOW = "2026-12-06T12:00:00.000Z"
EARLIER, LATER = "2026-12-06T11:00:00.000Z", "2026-12-06T13:00:00.000Z"


def test_only_the_earliest_pending_of_each_run_and_url_is_started_once_due(db):
    add(
        db,
        [
            ("a1", "run-a", "https://one", "delivered", EARLIER),  # settled: not in the way
            ("a2", "run-a", "https://one", "pending", LATER),  # the first pending, not due: holds a3, a4
            ("a3", "run-a", "https://one", "pending", EARLIER),
            ("a4", "run-a", "https://one", "pending", EARLIER),
            ("a5", "run-a", "https://two", "pending", EARLIER),  # another URL of the same run goes on
            ("b1", "run-b", "https://one", "failed", EARLIER),
            ("b2", "run-b", "https://one", "pending", EARLIER),  # due, first of its run
            ("b3", "run-b", "https://one", "pending", EARLIER),
            ("c1", "run-c", "https://one", "pending", "2026-12-06T10:00:00.000Z"),  # due the longest
        ],
    )
    due = db.read(store.due_deliveries, NOW, 10)
    assert [d["id"] for d in due] == ["c1", "a5", "b2"]  # by due time, then by event
    assert {d["event_id"] for d in due} == {"evt_c1", "evt_a5", "evt_b2"}
    assert [d["id"] for d in db.read(store.due_deliveries, NOW, 2)] == ["c1", "a5"]
    assert [d["id"] for d in db.read(store.due_deliveries, "2026-12-06T14:00:00.000Z", 10)] == [
        "c1",
        "a5",
        "b2",
        "a2",
    ]


def test_with_thousands_pending_behind_a_dead_receiver_each_run_offers_its_first(db):
    rows = [
        (f"d{run}-{i:04d}", f"run-{run}", "https://down.example", "pending", EARLIER)
        for run in range(6)
        for i in range(500)
    ]
    add(db, rows)
    due = db.read(store.due_deliveries, NOW, 50)
    assert sorted(d["id"] for d in due) == [f"d{run}-0000" for run in range(6)]
