"""Processes sharing one PostgreSQL database learn of each other's events by LISTEN/NOTIFY: a commit that
wrote events sends one NOTIFY, and every other process's listener wakes its event hub (live streams) and
webhook worker. The listener gathered the notifications for its whole poll (`LISTEN_POLL_S`, 0.2 s) before
waking anyone, so a live monitor served by one process saw another's events up to that much late."""

from __future__ import annotations

import threading

from server.store import postgres

WAIT_S = 30  # a guard against a hang, not a duration: the poll below is twice as long


def _writes_events(conn) -> None:
    """A write job as one that appended events looks to the writer (its commit then sends the NOTIFY)."""
    conn.events_written = True


def test_another_processs_events_wake_this_one_without_waiting_out_the_poll(pg_cluster, monkeypatch):
    monkeypatch.setattr(postgres, "LISTEN_POLL_S", 2 * WAIT_S)
    url = pg_cluster.new_database()
    writer, watcher = postgres.PostgresDatabase(url), postgres.PostgresDatabase(url)
    woken: list[bool] = []
    wake = threading.Event()

    def listener(deliveries: bool) -> None:
        woken.append(deliveries)
        wake.set()

    try:
        watcher.on_events_written(listener)
        # Its listener wakes everyone once it listens (covering what it may have missed before): from then
        # on, a NOTIFY reaches it.
        assert wake.wait(WAIT_S), "the watcher's listener never started listening"
        wake.clear()
        woken.clear()
        writer.write_sync(_writes_events)
        assert wake.wait(WAIT_S), "another process's events did not wake this one before its poll ended"
        assert woken == [False]  # no webhook deliveries in that commit: the webhook worker has nothing to do
    finally:
        watcher.close()  # neither waits out its poll (the next test)
        writer.close()


def test_closing_ends_the_listeners_wait_at_once_and_wakes_no_one(pg_cluster, monkeypatch):
    """The listener saw a stop only once its wait for a notification ended: each server's stop, and each test
    of this backend, waited up to a poll (0.2 s) for it. The writer's last word on the store's own channel
    now ends that wait, and it wakes no listener: it says nothing about events."""
    monkeypatch.setattr(postgres, "LISTEN_POLL_S", 2 * WAIT_S)
    database = postgres.PostgresDatabase(pg_cluster.new_database())
    woken: list[bool] = []
    listening = threading.Event()

    def listener(deliveries: bool) -> None:
        woken.append(deliveries)
        listening.set()

    database.on_events_written(listener)
    assert listening.wait(WAIT_S), "the listener never started listening"
    woken.clear()
    closing = threading.Thread(target=database.close, daemon=True)
    closing.start()
    database._listener.join(WAIT_S)
    assert not database._listener.is_alive(), "the listener waited out its poll after the store closed"
    closing.join(WAIT_S)
    assert not closing.is_alive()
    assert woken == []
