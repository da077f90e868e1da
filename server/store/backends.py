"""Which database: SQLite at `<data-dir>/rundun.db` (the default) or PostgreSQL when a URL is given.

Both engines answer the same interface (`server.store.writer.GroupCommitWriter`: `read`, `read_async`,
`read_hot`, `write`, `write_grouped`, `write_sync`, `on_events_written`, `close`; PostgreSQL, the one
`shared_across_processes`, also `unlogged` for the rate limiter's buckets); `open_database` is the one place
that chooses. A bad configuration raises `BadDatabase` with a one-line reason, for the CLI to print.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from server.store.migrations import SchemaTooNew
from server.store.writer import GroupCommitWriter

POSTGRESQL_SCHEMES = ("postgresql://", "postgres://")


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or refused us (said in one line at start; answered 503 while serving:
    `server.services.database_down`). Here, not beside the PostgreSQL engine, so that code telling it apart
    never imports psycopg."""


class BadDatabase(RuntimeError):
    """The database cannot be used as configured (unreachable, refused, newer schema, not a database)."""


def is_postgresql(url: str | None) -> bool:
    return bool(url) and url.startswith(POSTGRESQL_SCHEMES)  # type: ignore[union-attr]


def open_database(
    database_url: str | None, sqlite_path: Path, *, write_lock_stale_s: float | None = None
) -> GroupCommitWriter:
    """The database the settings name, migrated to this code's schema (`write_lock_stale_s`: see
    `PostgresDatabase`)."""
    try:
        if is_postgresql(database_url):
            from server.store.postgres import PostgresDatabase, redact

            try:
                stale = {} if write_lock_stale_s is None else {"write_lock_stale_s": write_lock_stale_s}
                return PostgresDatabase(database_url, **stale)  # type: ignore[arg-type]
            except DatabaseUnavailable as exc:
                raise BadDatabase(f"cannot use the database {redact(database_url)}: {exc}") from None  # type: ignore[arg-type]
        if database_url:
            raise BadDatabase(
                f"RUNDUN_DATABASE_URL must start with postgresql:// (or be unset for SQLite), not {database_url[:20]!r}"
            )
        from server.store.db import Database

        try:
            return Database(sqlite_path)
        except sqlite3.DatabaseError as exc:
            raise BadDatabase(f"cannot use the SQLite database {sqlite_path}: {exc}") from None
        except OSError as exc:  # its folder cannot be made (`init` on a mistyped or read-only data dir)
            from server.data_dir_lock import DataDirUnusable

            raise BadDatabase(str(DataDirUnusable(sqlite_path.parent, exc))) from None
    except SchemaTooNew as exc:
        raise BadDatabase(str(exc)) from None
