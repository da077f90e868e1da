"""Numbered schema migrations: `NNNN_name.sql` files applied in order, each recorded in `migrations`."""

from __future__ import annotations

import sqlite3
from importlib import resources

from server.clock import now_iso

# First line of a migration that rebuilds a table (SQLite's 12-step procedure for schema changes ALTER
# cannot make): it runs with foreign keys off and `PRAGMA foreign_key_check` must pass before it commits.
FOREIGN_KEYS_OFF = "-- migrate: foreign_keys off"


def migration_files() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files(__package__).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: sqlite3.Connection, upto: int | None = None) -> list[str]:
    """Apply every migration not yet recorded (up to number `upto`), each in its own transaction; returns
    the names applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT id FROM migrations")}
    applied = []
    for number, name, sql in migration_files():
        if number in done or (upto is not None and number > upto):
            continue
        rebuilds = sql.startswith(FOREIGN_KEYS_OFF)
        if (
            rebuilds
        ):  # a table rebuild: foreign keys off (only possible outside a transaction), checked at the end
            conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            if rebuilds and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.IntegrityError(f"{name} would leave rows whose foreign keys point nowhere")
            conn.execute(
                "INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)", (number, name, now_iso())
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            if rebuilds:
                conn.execute("PRAGMA foreign_keys=ON")
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (sqlite3 runs one per execute inside our transaction)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
