"""Server processes started together on an empty PostgreSQL database (three machines brought up at once, or
`serve --workers 3`) make ONE organisation and one API key between them. Each start checked "no
organisation yet?" and then made one, unlocked: an operator's audit found three "My organisation", three
keys, and three first-start messages each naming a key of its own. The test holds the lock every write
transaction takes (`WRITE_LOCK`) until all three processes wait for it: each has then looked for an
organisation, as the three did in the audit, and none has made one yet."""

from __future__ import annotations

import threading
import time

import psycopg

from server.store.postgres import WRITE_LOCK
from tests.support.server_process import ServerProcess

PROCESSES = 3
WAITING_TO_WRITE = (
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)


def test_processes_starting_together_on_an_empty_database_make_one_organisation(pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    env = {"RUNDUN_DATABASE_URL": url}
    servers = [ServerProcess(tmp_path / f"p{i}", env=env) for i in range(PROCESSES)]
    failures: list[BaseException] = []

    def start(server: ServerProcess) -> None:
        server.data_dir.mkdir()
        try:
            server.start()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    with psycopg.connect(url, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        starters = [threading.Thread(target=start, args=(server,)) for server in servers]
        for starter in starters:
            starter.start()
        try:
            deadline = time.monotonic() + 120  # a guard, not a duration
            while holder.execute(WAITING_TO_WRITE).fetchone()[0] < PROCESSES:
                assert time.monotonic() < deadline and not failures, failures
                time.sleep(0.02)
        finally:
            holder.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,))
        for starter in starters:
            starter.join()
        try:
            assert not failures, failures
            orgs = holder.execute("SELECT name FROM orgs").fetchall()
            keys = holder.execute("SELECT count(*) FROM api_keys").fetchone()[0]
            assert orgs == [("My organisation",)] and keys == 1
            logs = [(server.data_dir / "server.log").read_text() for server in servers]
            assert sum("First start: created organisation" in log for log in logs) == 1, logs
            assert sum("made by another process starting at the same time" in log for log in logs) == 2, logs
        finally:
            for server in servers:
                server.stop()
