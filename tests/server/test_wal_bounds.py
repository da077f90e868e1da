"""The WAL stays bounded under steady writes with readers reading all the while (the checkpoint starvation
of issue 21), and is truncated once writes stop. The sizes are scaled down (a 1 MB restart size) so the
test is quick; `bench/soak.py` watches the real 32 MB one for 30 minutes."""

from __future__ import annotations

import threading
import time

import pytest

from server.store import db as db_module
from server.store.db import Database

# Backups and the WAL are SQLite's (a PostgreSQL deployment backs up with pg_dump: not built yet).
pytestmark = pytest.mark.sqlite_only

RESTART = 1 << 20
ROW = 2000


@pytest.fixture
def small_wal(monkeypatch):
    monkeypatch.setattr(db_module, "WAL_RESTART_BYTES", RESTART)
    monkeypatch.setattr(db_module, "WAL_KEEP_BYTES", RESTART)


def _insert(conn, count: int) -> None:
    conn.executemany("INSERT INTO t (v) VALUES (randomblob(?))", [(ROW,)] * count)


def test_the_wal_stays_bounded_under_writes_and_reads_then_is_truncated(tmp_path, small_wal):
    db = Database(tmp_path / "t.db")
    try:
        db.write_sync(lambda conn: conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)"))
        stop = threading.Event()
        largest = [0]

        def read() -> None:  # readers all the time: what starved the old PASSIVE-only checkpoints
            while not stop.is_set():
                db.read(lambda conn: conn.execute("SELECT count(*) FROM t WHERE id > 0").fetchone())

        def watch() -> None:
            while not stop.is_set():
                largest[0] = max(largest[0], db.wal_bytes())
                time.sleep(0.005)

        threads = [threading.Thread(target=read) for _ in range(3)] + [threading.Thread(target=watch)]
        for thread in threads:
            thread.start()
        try:
            written = 0
            while written < 20 * RESTART:  # twenty times the restart size goes through the WAL
                db.write_sync(_insert, 20)
                written += 20 * ROW
        finally:
            stop.set()
            for thread in threads:
                thread.join()
        assert largest[0] > RESTART  # it did fill up and had to be reset …
        assert largest[0] <= 8 * RESTART  # … and never ran away (it grew to 20× before)
        deadline = time.monotonic() + 30
        while db.wal_bytes() > 0:  # once writes stop the checkpoint thread truncates it
            assert time.monotonic() < deadline, f"WAL still {db.wal_bytes()} bytes"
            time.sleep(0.05)
        assert db.read(lambda conn: conn.execute("SELECT count(*) FROM t").fetchone()[0]) == written // ROW
    finally:
        db.close()
