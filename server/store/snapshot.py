"""A consistent copy of the live SQLite database, and the facts a backup's manifest states about it (on
either engine: `facts_of` reads them over any connection, `postgres_snapshot` over PostgreSQL's).

The copy uses SQLite's online backup API in ONE step: it reads the database inside a single read
transaction, which in WAL mode blocks no writer (the server keeps committing; the copy is the state of
one instant). A step-wise copy would start over each time another connection wrote, and never end under
steady load.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from server.store.migrations import latest_number

COUNTED_TABLES = ("orgs", "templates", "runs", "answers", "photos", "events", "webhook_deliveries")


def copy_database(source: Path, target: Path) -> None:
    """Write a consistent copy of the database at `source` to the new file `target` (not in WAL mode)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(str(target))
    try:
        src.execute("PRAGMA busy_timeout=30000")
        src.backup(dst)  # pages=-1: one step, one read transaction
        dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained file, no -wal beside it
        dst.commit()
    finally:
        dst.close()
        src.close()


def schema_version(conn: Any) -> int:
    row = conn.execute("SELECT max(id) FROM migrations").fetchone()
    return int(row[0] or 0)


def newest_known_schema() -> int:
    """The highest migration this code knows (a database beyond it was written by a newer server)."""
    return latest_number()


def _scalar(conn: Any, sql: str) -> Any:
    return conn.execute(sql).fetchone()[0]


def facts_of(conn: Any) -> dict:
    """Schema version, row counts and referenced photo blobs, over a sqlite3 or `PgConn` connection (read
    in one snapshot: a SQLite file copy, or PostgreSQL's repeatable-read transaction)."""
    counts = {table: _scalar(conn, f"SELECT count(*) FROM {table}") for table in COUNTED_TABLES}
    blobs = sorted(row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM photos"))
    return {"schema_version": schema_version(conn), "counts": counts, "blobs": blobs}


def facts(path: Path) -> dict:
    """`facts_of` the database file at `path`."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return facts_of(conn)
    finally:
        conn.close()


def blobs_not_in_database(conn: Any) -> list[str]:
    """The photos the database refers to that its own media tables (the `postgresql` media store) lack: a
    dump of the same snapshot holds every other one."""
    if _scalar(conn, "SELECT to_regclass('media_blobs')") is None:
        return sorted(row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM photos"))
    return sorted(
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT p.sha256 FROM photos p "
            "WHERE NOT EXISTS (SELECT 1 FROM media_blobs b WHERE b.sha256 = p.sha256)"
        )
    )


@contextmanager
def postgres_snapshot(url: str) -> Iterator[tuple[str, Callable[[], dict]]]:
    """A PostgreSQL snapshot held open: its id (for `pg_dump --snapshot`, which then dumps exactly this
    instant while the server keeps committing) and a function reading the facts in it, so that the dump,
    its counts and the photos it references agree (call it once pg_dump runs: they overlap)."""
    from server.store.postgres import connect

    conn = connect(url)
    try:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot_id = _scalar(conn, "SELECT pg_export_snapshot()")
        yield snapshot_id, lambda: dict(facts_of(conn), blobs_not_in_database=blobs_not_in_database(conn))
        conn.execute("COMMIT")
    finally:
        conn.close()


def postgres_facts(url: str) -> dict:
    """`facts_of` a PostgreSQL database (a restored one, checked against its backup)."""
    from server.store.postgres import connect

    conn = connect(url)
    try:
        conn.execute("ANALYZE")  # pg_restore leaves the planner without statistics until autovacuum runs
        return facts_of(conn)
    finally:
        conn.close()


# A restore drops the unfinished tus uploads: their partial bytes are not in a backup (README "Backups"), and a
# row without them answered HEAD 200 at its old offset, so a tus client resumed and met a 404 on PATCH; with no
# row, HEAD answers 404 and the client starts the upload again, as the tus protocol has it.
DROP_UNFINISHED_UPLOADS = "DELETE FROM uploads WHERE status = 'receiving'"


def drop_unfinished_uploads(path: Path) -> None:
    """In the restored SQLite copy at `path`, before it is installed."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute(DROP_UNFINISHED_UPLOADS)
        conn.commit()
    finally:
        conn.close()


def postgres_drop_unfinished_uploads(url: str) -> None:
    """In a PostgreSQL database just restored (the part bytes of the `postgresql` media store are in the
    dump, but those of `files` or S3 are not: dropped in every case, the same as on SQLite)."""
    from server.store.postgres import connect

    conn = connect(url)
    try:
        conn.execute(DROP_UNFINISHED_UPLOADS)
    finally:
        conn.close()


def postgres_user_tables(url: str) -> int:
    """How many tables, views and sequences the database holds outside PostgreSQL's own schemas (a database
    to restore into must have none)."""
    from server.store.postgres import connect

    conn = connect(url)
    try:
        return _scalar(
            conn,
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
            "AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'",
        )
    finally:
        conn.close()


def postgres_server_version(url: str) -> int:
    """The server's major version (15 for 15.4), to pick the matching pg_dump / pg_restore."""
    from server.store.postgres import connect

    conn = connect(url)
    try:
        return int(_scalar(conn, "SHOW server_version_num")) // 10000
    finally:
        conn.close()


def integrity_ok(path: Path) -> str:
    """`PRAGMA integrity_check`'s first line ('ok' when the file is sound)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
