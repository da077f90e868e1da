"""The database part of a backup, one class per storage engine.

Only SQLite exists today. A PostgreSQL part (SPEC §9) plugs in here with the same three methods: `snapshot`
running `pg_dump --format=custom` into the work dir (its own consistent snapshot, taken while the server
serves writes), `facts` reading the schema version and counts over a connection, and `restore` running
`pg_restore` into an empty database; the archive, its checks and the media part stay as they are.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from server.store import snapshot


class DatabasePart(Protocol):
    engine: str
    archive_name: str  # the database's file inside the archive

    def snapshot(self, work_dir: Path) -> Path:
        """Write a consistent copy of the live database into `work_dir`; returns the file."""
        ...

    def facts(self, copy: Path) -> dict:
        """`schema_version`, `counts` and the photo `blobs` the copy references."""
        ...

    def restore(self, copy: Path, data_dir: Path) -> None:
        """Install the (checked) copy as the database of the new `data_dir`."""
        ...


class SqlitePart:
    engine = "sqlite"
    archive_name = "database/rundun.db"

    def __init__(self, db_path: Path):
        self.db_path = db_path

    def snapshot(self, work_dir: Path) -> Path:
        copy = work_dir / "rundun.db"
        snapshot.copy_database(self.db_path, copy)
        return copy

    def facts(self, copy: Path) -> dict:
        return snapshot.facts(copy)

    def restore(self, copy: Path, data_dir: Path) -> None:
        verdict = snapshot.integrity_ok(copy)
        if verdict != "ok":
            raise ValueError(f"the restored database fails SQLite's integrity check: {verdict}")
        os.replace(copy, data_dir / "rundun.db")


def part_for(engine: str, data_dir: Path) -> DatabasePart:
    if engine == SqlitePart.engine:
        return SqlitePart(data_dir / "rundun.db")
    raise ValueError(f"this server cannot restore a {engine!r} database")
