"""The database part of a backup, one class per storage engine, each with the same four steps:

- `snapshot`: a consistent copy of the live database (taken while the server serves writes) in the work
  dir, and the facts read in that same snapshot (schema version, counts, the photos it references); the
  copy may still be in the making while the archive writes the photos (`Snapshot.finish` waits for it);
- `check_target`: before the archive is read, refuse a restore target that is in use;
- `verify`: before anything is written, check the extracted copy;
- `install`: make the checked copy the target's database.

SQLite copies the file with the online backup API; PostgreSQL exports a snapshot, reads the facts in it and
has `pg_dump` dump exactly it, then restores with `pg_restore` in one transaction into an empty database.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from server.backup import pgtools
from server.backup.sealed import BackupError, BackupRefused
from server.durable import PRIVATE_FILE
from server.store import snapshot
from server.store.backends import is_postgresql


@dataclass
class Snapshot:
    facts: dict
    finish: Callable[[], Path]  # waits until the copy is whole; returns its file
    size_hint: int = 0  # the copy's size when known at once (for progress)


class DatabasePart(Protocol):
    engine: str
    archive_name: str  # the database's file inside the archive

    def snapshot(self, work_dir: Path) -> contextlib.AbstractContextManager[Snapshot]:
        """Make a consistent copy of the live database in `work_dir` (held until the context ends)."""
        ...

    def check_target(self) -> None:
        """Refuse (BackupError) a restore target that already holds data."""
        ...

    def verify(self, copy: Path, about: dict) -> None:
        """Check the extracted copy against the archive's `about` before anything is written."""
        ...

    def install(self, copy: Path, staging: Path, about: dict) -> None:
        """Make the (checked) copy the database of the restore: `staging` becomes the new data dir."""
        ...


class SqlitePart:
    engine = "sqlite"
    archive_name = "database/rundun.db"

    def __init__(self, db_path: Path):
        self.db_path = db_path

    @contextlib.contextmanager
    def snapshot(self, work_dir: Path) -> Iterator[Snapshot]:
        if not self.db_path.is_file():
            raise BackupRefused(
                f"No Rundun database in {self.db_path.parent}: give the data dir of an install (--data-dir)."
            )
        copy = work_dir / "rundun.db"
        snapshot.copy_database(self.db_path, copy)  # one read transaction: done before the photos
        yield Snapshot(snapshot.facts(copy), lambda: copy, copy.stat().st_size)

    def check_target(self) -> None:
        pass  # the data dir's own emptiness is the archive's check

    def verify(self, copy: Path, about: dict) -> None:
        _same_facts(snapshot.facts(copy), about)
        verdict = snapshot.integrity_ok(copy)
        if verdict != "ok":
            raise BackupError(
                f"The backup is damaged: the restored database fails SQLite's integrity check: {verdict}."
            )

    def install(self, copy: Path, staging: Path, about: dict) -> None:
        snapshot.drop_unfinished_uploads(copy)  # their parts are not in the backup: their clients start again
        os.chmod(copy, PRIVATE_FILE)  # as a new database is (server/durable.py)
        os.replace(copy, staging / "rundun.db")


class PostgresPart:
    engine = "postgresql"
    archive_name = "database/rundun.pgdump"

    def __init__(self, url: str):
        self.url = url
        self._major: int | None = None

    @property
    def server_major(self) -> int:
        """The server's major version, asked first: a database that cannot be reached is refused here (exit
        code 2, bad configuration), before anything is read or written."""
        if self._major is None:
            with _database_errors(self.url, refused=True):
                self._major = snapshot.postgres_server_version(self.url)
        return self._major

    @contextlib.contextmanager
    def snapshot(self, work_dir: Path) -> Iterator[Snapshot]:
        """pg_dump runs while the facts are read and the archive writes the photos (the dump goes in last):
        a backup takes about the longer of the two, not their sum (bench/backup.py)."""
        major = self.server_major
        with _database_errors(self.url), snapshot.postgres_snapshot(self.url) as (snapshot_id, read_facts):
            dumping = pgtools.Dumping(self.url, snapshot_id, major, work_dir / "rundun.pgdump")
            try:
                yield Snapshot(read_facts(), dumping.wait)
            finally:
                dumping.stop()

    def check_target(self) -> None:
        self._check_empty(first=True)

    def _check_empty(self, first: bool = False) -> None:
        """`first`: a restore's first contact, where an unreachable database is refused (exit code 2)."""
        with _database_errors(self.url, refused=first):
            tables = snapshot.postgres_user_tables(self.url)
        if tables:
            raise BackupError(
                f"The database {pgtools.redacted(self.url)} is not empty ({tables} tables): restore only into a "
                "new, empty database (createdb)."
            )

    def verify(self, copy: Path, about: dict) -> None:
        pgtools.check_dump(copy, self.server_major)

    def install(self, copy: Path, staging: Path, about: dict) -> None:
        self._check_empty()  # again: another process may have used it while the archive was read
        pgtools.restore(self.url, copy, self.server_major)
        with _database_errors(self.url):
            restored = snapshot.postgres_facts(self.url)
        try:
            _same_facts(restored, about)
        except BackupError:
            raise BackupError(
                f"The restored database {pgtools.redacted(self.url)} does not match the backup's counts: drop it "
                "and create it again before another try."
            ) from None
        with _database_errors(self.url):
            snapshot.postgres_drop_unfinished_uploads(self.url)  # as on SQLite (SqlitePart.install)


def _same_facts(facts: dict, about: dict) -> None:
    if facts["counts"] != about["counts"] or facts["schema_version"] != about["schema_version"]:
        raise BackupError("The backup is damaged: its database does not match its manifest's counts.")


@contextlib.contextmanager
def _database_errors(url: str, refused: bool = False) -> Iterator[None]:
    """An unreachable or refusing database, said in one line without its password. `refused`: the first
    contact, where a database that cannot be reached (down, a wrong host, port or password) is the
    configuration's fault, refused before starting (`BackupRefused`); later, it failed midway."""
    import psycopg

    from server.store.postgres import DatabaseUnavailable

    try:
        yield
    except (DatabaseUnavailable, psycopg.Error) as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        unreachable = isinstance(exc, (DatabaseUnavailable, psycopg.OperationalError))
        said = BackupRefused if refused and unreachable else BackupError
        raise said(f"Cannot use the database {pgtools.redacted(url)}: {reason}") from None


def part_for(database_url: str | None, data_dir: Path) -> DatabasePart:
    """The database the configuration names: PostgreSQL for a postgresql:// URL, else the data dir's SQLite."""
    if is_postgresql(database_url):
        return PostgresPart(database_url)  # type: ignore[arg-type]
    if database_url:
        raise BackupRefused(f"The database URL must start with postgresql://, not {database_url[:20]!r}.")
    return SqlitePart(data_dir / "rundun.db")
