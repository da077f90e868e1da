"""Server processes starting together on one PostgreSQL database (`serve --workers 2`, or two machines
brought up at once): each start-up creates the server-wide secrets it does not find, and the two must agree
on one value instead of one process failing its start-up on the other's insert (a worker was lost to
`UniqueViolation … server_meta_pkey` on a busy CI machine)."""

from __future__ import annotations

import threading
import time

from server.store import orgs, postgres


def test_two_processes_creating_the_same_secret_at_once_both_get_the_first_ones(pg_cluster):
    url = pg_cluster.new_database()
    first, second = postgres.connect(url), postgres.connect(url)
    try:
        first.execute("BEGIN")
        mine = orgs.meta_get_or_create(first, "race_secret", lambda: "made by the first")
        assert mine == "made by the first"  # inserted, not yet committed
        got: list = []

        def second_start() -> None:
            try:
                got.append(orgs.meta_get_or_create(second, "race_secret", lambda: "made by the second"))
            except Exception as exc:  # noqa: BLE001 - the assertion below shows it
                got.append(exc)

        racer = threading.Thread(target=second_start)
        racer.start()
        # The second found no row (the first's is uncommitted) and now waits on the key's lock: commit then.
        watcher = postgres.connect(url)
        try:
            deadline = time.monotonic() + 60  # a guard, not a duration
            while not watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE "
                "'INSERT INTO server_meta%'"
            ).fetchone()[0]:
                assert time.monotonic() < deadline and racer.is_alive(), got
                time.sleep(0.01)
        finally:
            watcher.raw.close()
        first.execute("COMMIT")
        racer.join(60)
        assert got == ["made by the first"]
        assert orgs.meta_get_or_create(first, "race_secret", lambda: "made later") == "made by the first"
    finally:
        first.raw.close()
        second.raw.close()
