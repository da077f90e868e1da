"""Small helpers shared by the store modules: JSON columns and pagination."""

from __future__ import annotations

import sqlite3
from typing import Any

import orjson


def dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def loads(text: str | None) -> Any:
    return None if text is None else orjson.loads(text)


def dialect(conn: Any) -> str:
    """ "sqlite" or "postgresql": for the few queries whose SQL differs (the store's business only)."""
    return getattr(conn, "dialect", "sqlite")


def execute_later(conn: Any, sql: str, params: Any = (), *, last: bool = False) -> None:
    """A statement whose result (rows, rowcount) nobody reads: on PostgreSQL it is sent with the next statement
    (`PgConn.defer`: in a write job, at the latest with its COMMIT; `last`: after the others deferred with
    it); on SQLite it runs now."""
    if dialect(conn) != "postgresql":  # SQLite's connection, or a plain sqlite3 one (migrations, tools)
        conn.execute(sql, params)
    else:
        conn.defer(sql, params, last=last)


def execute_many_later(conn: Any, sql: str, rows: list) -> None:
    """`execute_later` for each of `rows` (SQLite runs them now, as one `executemany`)."""
    if dialect(conn) != "postgresql":
        conn.executemany(sql, rows)
        return
    for row in rows:
        conn.defer(sql, row)


def page_query(
    conn: sqlite3.Connection, select: str, where: str, params: list, order: str, page: int, per_page: int
) -> tuple[list[sqlite3.Row], int]:
    """Return one page of rows and the total count for `SELECT … WHERE … ORDER BY …`."""
    total = conn.execute(f"SELECT count(*) FROM ({select} WHERE {where}) AS page", params).fetchone()[0]
    rows = conn.execute(
        f"{select} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    ).fetchall()
    return rows, total


def ping(conn: sqlite3.Connection) -> None:
    """A database round trip, for the health check."""
    conn.execute("SELECT 1").fetchone()
