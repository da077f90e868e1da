"""The one migration scheme of Rundun's databases: the server's (SQLite or PostgreSQL) and the desktop
executor's store (SQLite) find, apply and record their schema changes the same way.

- A migration is a numbered file in a package: `NNNN_name.sql` (a script), or `NNNN_name.py` (a Python
  step, for data that SQL cannot transform: a module with `upgrade(conn)`, called inside the migration's
  transaction). `NNNN_name.<dialect>.sql` beside a script replaces it on that engine (`postgresql`).
- Each applied migration is one row of the table `migrations (id, name, applied_at)` in the database it
  changed, written in the same transaction as the change.
- A database that records a migration newer than the code knows is refused (`SchemaTooNew`): older code
  must not write into a schema it does not understand.

Standard library only and nothing of the server or the desktop (an import contract in pyproject.toml),
so that both may import it. The PostgreSQL runner itself stays in `server.store.postgres` (it holds the
advisory lock and runs scripts whole); it uses `discover`, `check_not_newer` and `RECORD` from here.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

# First line of a script that rebuilds a table (SQLite's 12-step procedure for the schema changes ALTER
# cannot make): it runs with foreign keys off and `PRAGMA foreign_key_check` must pass before it commits.
FOREIGN_KEYS_OFF = "-- migrate: foreign_keys off"
CREATE_TABLE = "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
RECORD = "INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)"


class SchemaTooNew(RuntimeError):
    """The database was migrated by newer code than this."""

    def __init__(self, found: int, known: int, remedy: str):
        super().__init__(
            f"the database has schema version {found} but this code knows only up to {known}: {remedy}"
        )
        self.found, self.known = found, known


@dataclass(frozen=True)
class Migration:
    """One numbered change: a script (`sql`) or a Python step (`step(conn)`)."""

    number: int
    name: str
    sql: str = ""
    step: Callable[[Any], None] | None = None

    @property
    def rebuilds(self) -> bool:
        return self.sql.startswith(FOREIGN_KEYS_OFF)


def discover(
    package: str, dialect: str = "sqlite", portable: Callable[[str], str] | None = None
) -> list[Migration]:
    """The migrations of `package` in order, as `dialect` runs them: a `NNNN_name.<dialect>.sql` replaces
    its portable twin; `portable` (if given) rewrites the portable scripts for the dialect. Two files of
    one number (two engineers picking the same one) are refused here, before anything runs."""
    names: dict[int, str] = {}  # every number's file, to refuse a number taken twice
    scripts: dict[int, str] = {}
    variants: dict[int, str] = {}
    steps: dict[int, str] = {}
    for entry in resources.files(package).iterdir():
        number = _number(entry.name)
        if number is None or not entry.name.endswith(".sql"):
            continue
        variant = entry.name[: -len(".sql")].partition(".")[2]
        text = entry.read_text(encoding="utf-8")
        if not variant:
            _claim(names, number, entry.name, package)
            scripts[number] = text
        elif variant == dialect:
            variants[number] = text
    # Python steps are found as modules, not files: in a frozen app (PyInstaller) they live in its archive.
    for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
        number = _number(module.name)
        if number is not None:
            _claim(names, number, f"{module.name}.py", package)
            steps[number] = module.name
    found = [
        Migration(number, names[number], variants[number] if number in variants else _mapped(sql, portable))
        for number, sql in scripts.items()
    ]
    found += [
        Migration(number, names[number], step=_upgrade_of(f"{package}.{module}"))
        for number, module in steps.items()
    ]
    return sorted(found, key=lambda m: m.number)


def _number(name: str) -> int | None:
    return int(name[:4]) if name[:4].isdigit() and name[4:5] == "_" else None


def _claim(names: dict[int, str], number: int, name: str, package: str) -> None:
    if number in names:
        raise ValueError(f"two migrations numbered {number:04d} in {package}: {names[number]} and {name}")
    names[number] = name


def _mapped(sql: str, portable: Callable[[str], str] | None) -> str:
    return portable(sql) if portable else sql


def _upgrade_of(module_name: str) -> Callable[[Any], None]:
    def step(conn: Any) -> None:
        importlib.import_module(module_name).upgrade(conn)

    return step


def latest(migrations: Iterable[Migration]) -> int:
    return max((m.number for m in migrations), default=0)


def check_not_newer(done: set[int], known: int, remedy: str) -> None:
    """Refuse a database that records a migration beyond `known`; `remedy` says what to do about it."""
    if done and max(done) > known:
        raise SchemaTooNew(max(done), known, remedy)


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def applied_numbers(conn: Any) -> set[int]:
    return {row[0] for row in conn.execute("SELECT id FROM migrations")}


def migrate_sqlite(
    conn: sqlite3.Connection, migrations: Sequence[Migration], remedy: str, upto: int | None = None
) -> list[str]:
    """Apply every migration not yet recorded (up to number `upto`) on an autocommit SQLite connection
    (`isolation_level=None`), each in its own `BEGIN IMMEDIATE` transaction with its record; returns the
    names applied. Connections opening one file at once (the desktop's runner and sync engine) each
    look again under the write lock, so a migration applies once."""
    conn.execute(CREATE_TABLE)
    done = applied_numbers(conn)
    check_not_newer(done, latest(migrations), remedy)
    applied = []
    for migration in migrations:
        if migration.number in done or (upto is not None and migration.number > upto):
            continue
        if migration.rebuilds:  # foreign keys can be turned off only outside a transaction
            conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if _recorded(conn, migration.number):  # another connection applied it since `done` was read
                conn.execute("COMMIT")
                continue
            if migration.step is not None:
                migration.step(conn)
            for statement in statements(migration.sql):
                conn.execute(statement)
            if migration.rebuilds and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.IntegrityError(
                    f"{migration.name} would leave rows whose foreign keys point nowhere"
                )
            conn.execute(RECORD, (migration.number, migration.name, now_iso()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            if migration.rebuilds:
                conn.execute("PRAGMA foreign_keys=ON")
        applied.append(migration.name)
    return applied


def _recorded(conn: Any, number: int) -> bool:
    return conn.execute("SELECT 1 FROM migrations WHERE id = ?", (number,)).fetchone() is not None


def adopt_user_version(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> int:
    """A SQLite file that counted its migrations in `PRAGMA user_version` (the desktop store's scheme
    before this one) gets its first `user_version` migrations recorded as applied, once, in one
    transaction; returns how many. `user_version` is left as it was and never read again."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        recorded = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
        ).fetchone()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        adopted = 0
        if recorded is None and version > 0:
            conn.execute(CREATE_TABLE)
            for migration in migrations:
                if migration.number <= version:
                    conn.execute(RECORD, (migration.number, migration.name, now_iso()))
                    adopted += 1
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return adopted


def statements(sql: str) -> list[str]:
    """A script split into statements (sqlite3 runs one per `execute` inside our transaction)."""
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
