"""A consistent copy of the live SQLite database, and the facts a backup's manifest states about it.

The copy uses SQLite's online backup API in ONE step: it reads the database inside a single read
transaction, which in WAL mode blocks no writer (the server keeps committing; the copy is the state of
one instant). A step-wise copy would start over each time another connection wrote, and never end under
steady load.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

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


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(id) FROM migrations").fetchone()
    return int(row[0] or 0)


def newest_known_schema() -> int:
    """The highest migration this code knows (a database beyond it was written by a newer server)."""
    return latest_number()


def facts(path: Path) -> dict:
    """Schema version, row counts and referenced photo blobs of the database file at `path`."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED_TABLES
        }
        blobs = sorted(row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM photos"))
        return {"schema_version": schema_version(conn), "counts": counts, "blobs": blobs}
    finally:
        conn.close()


def integrity_ok(path: Path) -> str:
    """`PRAGMA integrity_check`'s first line ('ok' when the file is sound)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
