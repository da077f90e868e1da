"""Copying a SQLite database, table by table, into an empty PostgreSQL one (`rundun-server migrate`).

Both schemas come from the same migrations, so a table has the same columns on both sides, but for
PostgreSQL's explicit `rowid` identity column (SQLite's implicit rowid, copied as it is so that keyset
cursors and ids stay the same) and its generated columns (computed again there, so not copied). Rows go
through COPY, parents before children (foreign keys), with the user triggers of each table off while it is
filled: the rollup tables are copied as they are, not counted a second time. Identity sequences then
continue after the largest id copied.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from server.store.migrations import latest_number

# Bookkeeping that is not the install's data: the target records its own migrations, and the rate limiter's
# buckets are worth nothing once the server has stopped.
NOT_COPIED = frozenset({"migrations", "rate_buckets"})
COPY_CHUNK = 5000


def sqlite_schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(id) FROM migrations").fetchone()
    return int(row[0] or 0)


def code_schema_version() -> int:
    return latest_number()


def postgres_tables(pg: Any) -> list[str]:
    """The tables of the target's current schema."""
    return [
        r[0]
        for r in pg.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
    ]


def _parents_first(pg: Any, tables: list[str]) -> list[str]:
    """`tables` ordered so that every table comes after those its foreign keys point at."""
    edges: dict[str, set[str]] = {t: set() for t in tables}
    for child, parent in pg.execute(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c "
        "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace"
    ):
        if child in edges and parent in edges and child != parent:
            edges[child].add(parent)
    ordered: list[str] = []
    while edges:
        ready = sorted(t for t, parents in edges.items() if not parents - set(ordered))
        if not ready:  # a cycle: none in this schema, but never loop forever
            ready = sorted(edges)
        for table in ready:
            ordered.append(table)
            del edges[table]
    return ordered


def _copied_columns(pg: Any, table: str) -> list[str]:
    return [
        r[0]
        for r in pg.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position",
            (table,),
        )
    ]


def copy_tables(
    source: sqlite3.Connection, pg: Any, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every table's rows from `source` into `pg` (one transaction, the caller's); returns the rows
    copied per table."""
    copied: dict[str, int] = {}
    tables = [t for t in postgres_tables(pg) if t not in NOT_COPIED]
    for table in _parents_first(pg, tables):
        columns = _copied_columns(pg, table)
        pg.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        names = ", ".join(columns)
        count = 0
        with pg.raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in _rows_of(source, table, columns):
                copy.write_row(row)
                count += 1
                if progress and count % 100_000 == 0:
                    progress(table, count)
        pg.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        copied[table] = count
    _continue_identities(pg, tables)
    return copied


def _rows_of(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple]:
    cursor = source.execute(f"SELECT {', '.join(columns)} FROM {table}")
    while rows := cursor.fetchmany(COPY_CHUNK):
        yield from rows


def _continue_identities(pg: Any, tables: list[str]) -> None:
    """Each identity column's sequence goes on after the largest value copied."""
    for table, column in pg.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND is_identity = 'YES'"
    ).fetchall():
        if table in tables:
            pg.execute(
                f"SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max({column}), 0) + 1, false) "
                f"FROM {table}",
                (table, column),
            )


def row_counts(conn: Any, tables: list[str]) -> dict[str, int]:
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}


def photo_hashes(conn: Any) -> list[str]:
    """Every photo blob the database refers to (signatures included), by SHA-256."""
    return [r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM photos ORDER BY sha256")]
