"""`rundun-server migrate --to postgresql://… [--media-to DIR|s3://…]`: a stopped SQLite install moved to
PostgreSQL.

Everything is checked before anything is written: the data dir holds a Rundun database that no process has
open (a running server, the desktop app), of this code's schema (an older one: start this rundun-server
on it once, which migrates it; a newer one: a newer rundun-server), the target database is empty and
reachable, and `--media-to` is absent, a new or empty folder, or an S3 bucket that answers. Then the target
is migrated to the same schema, every table copied in one transaction (`server.store.transfer`), the photos
copied from the data dir's files into the target's media store (`server.media.transfer.copy_media`): by
default the target database's own media tables, the store a PostgreSQL server uses unless told otherwise;
and the result verified: the row count of every table on both sides, and the SHA-256 of every photo the
database refers to, read back from the store it now lives in. It ends with a report
in words; the exit code is 0 only when everything matched.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from server.media import MediaStore
from server.media.chunks import ChunkMediaStore
from server.media.files import FileMediaStore
from server.media.s3 import S3MediaStore
from server.media.transfer import copy_media, open_stream
from server.store import transfer
from server.store.backends import BadDatabase
from server.store.db import open_elsewhere
from server.store.postgres import DatabaseUnavailable, PostgresDatabase, connect, migrate, redact


class MigrateRefused(BadDatabase):
    """The move cannot start; nothing was written."""


@dataclass
class Moved:
    rows: dict[str, int]
    photos: int
    media_files: int  # photos copied
    media_to: str  # "postgresql" (the target database's media tables), a folder, or s3://bucket/prefix
    seconds: float
    mismatched_tables: list[str] = field(default_factory=list)
    bad_photos: list[str] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return not self.mismatched_tables and not self.bad_photos


def migrate_to_postgres(data_dir: Path, url: str, media_to: str | None) -> Moved:
    source_path = data_dir / "rundun.db"
    _check_source(source_path)
    media_target = _media_target(media_to)
    try:
        pg = connect(url)
    except DatabaseUnavailable as exc:
        raise MigrateRefused(f"cannot use the database {redact(url)}: {exc}") from None
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        _check_versions(source)
        existing = transfer.postgres_tables(pg)
        if existing:
            raise MigrateRefused(
                f"the database {redact(url)} is not empty ({len(existing)} tables, e.g. {existing[0]}): "
                "migrate into a new, empty database"
            )
        started = time.perf_counter()
        migrate(pg)
        pg.execute("BEGIN")
        try:
            rows = transfer.copy_tables(source, pg)
            pg.execute("COMMIT")
        except BaseException:
            pg.execute("ROLLBACK")
            raise
        shas = transfer.photo_hashes(source)
        mismatched = [
            table
            for table, count in transfer.row_counts(pg, list(rows)).items()
            if count != transfer.row_counts(source, [table])[table]
        ]
        with _opened_target(url, media_target) as (db, store):
            copied = copy_media(db, FileMediaStore(data_dir), store)
            bad = [sha for sha in shas if _sha256_in(store, sha) != sha]  # every photo read back, hashed
        return Moved(
            rows, len(shas), copied.copied, media_target, time.perf_counter() - started, mismatched, bad
        )
    finally:
        source.close()
        pg.close()


def _check_source(path: Path) -> None:
    if not path.is_file():
        raise MigrateRefused(
            f"no Rundun database at {path}: give the data dir of a SQLite install (--data-dir)"
        )
    if open_elsewhere(path):
        raise MigrateRefused(
            f"the database {path} is open in another process (a running rundun-server or the desktop "
            "app): stop it first"
        )


def _check_versions(source: sqlite3.Connection) -> None:
    try:
        have = transfer.sqlite_schema_version(source)
    except sqlite3.DatabaseError as exc:
        raise MigrateRefused(f"the data dir's rundun.db is not a Rundun database ({exc})") from None
    known = transfer.code_schema_version()
    if have > known:
        raise MigrateRefused(
            f"the SQLite database has schema version {have} but this rundun-server knows only up to {known}: "
            "use a newer rundun-server"
        )
    if have < known:
        raise MigrateRefused(
            f"the SQLite database has schema version {have}, older than this rundun-server's {known}: start "
            "`rundun-server serve` on it once (it migrates at start), stop it, then migrate"
        )


# -- media -------------------------------------------------------------------------------------------------
def _media_target(media_to: str | None) -> str:
    """Where the photos go, refused (nothing written yet) when it cannot be used: the target database's own
    media tables by default (the `postgresql` store, the default of a PostgreSQL server), else a new or empty
    folder, or an S3 bucket (`s3://bucket/prefix`, checked to answer)."""
    if media_to is None:
        return "postgresql"
    if media_to.startswith("s3://"):
        from server.media import BadMediaStore

        try:
            S3MediaStore.from_url(media_to).close()
        except BadMediaStore as exc:
            raise MigrateRefused(f"--media-to: {exc}") from None
        return media_to
    folder = Path(media_to)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise MigrateRefused(f"--media-to {media_to} is not empty: give a new or empty directory")
    return media_to


@contextlib.contextmanager
def _opened_target(url: str, target: str) -> Iterator[tuple[PostgresDatabase, MediaStore]]:
    """The migrated database (its photo rows say which photos to copy) and the media store they go into."""
    db = PostgresDatabase(url)
    try:
        if target == "postgresql":
            store: MediaStore = ChunkMediaStore(db)
        elif target.startswith("s3://"):
            store = S3MediaStore.from_url(target)
        else:
            store = FileMediaStore(Path(target), media_dir=Path(target))
        try:
            yield db, store
        finally:
            store.close()
    finally:
        db.close()


def _sha256_in(store: MediaStore, sha256: str) -> str | None:
    """The SHA-256 of the photo's bytes as the store reads them back, or None when it lacks it."""
    pieces = open_stream(store, sha256)
    if pieces is None:
        return None
    digest = hashlib.sha256()
    for piece in pieces:
        digest.update(piece)
    return digest.hexdigest()


def _media_words(target: str) -> str:
    if target == "postgresql":
        return (
            "the PostgreSQL database (its media tables: the media store a PostgreSQL server uses by default)"
        )
    return target


# -- the report --------------------------------------------------------------------------------------------
def report(moved: Moved, url: str) -> str:
    runs = moved.rows.get("runs", 0)
    total = sum(moved.rows.values())
    lines = [
        (
            f"Copied {total:,} rows in {len(moved.rows)} tables to {redact(url)} in {moved.seconds:.1f} s "
            f"({runs:,} runs, {moved.rows.get('answers', 0):,} answers, {moved.rows.get('templates', 0):,} "
            f"templates, {moved.rows.get('orgs', 0):,} organisations)."
        ),
    ]
    lines.append(f"Copied {moved.media_files:,} photos into {_media_words(moved.media_to)}.")
    if moved.mismatched_tables:
        lines.append(f"MISMATCH: row counts differ in {', '.join(moved.mismatched_tables)}.")
    else:
        lines.append(f"Verified: every table has as many rows in PostgreSQL as in SQLite ({total:,}).")
    if moved.bad_photos:
        lines.append(
            f"MISMATCH: {len(moved.bad_photos)} of {moved.photos} photos are missing or differ "
            f"(e.g. {moved.bad_photos[0]})."
        )
    else:
        lines.append(f"Verified: all {moved.photos:,} photos read back with their SHA-256.")
    if moved.verified:
        lines.append(
            f"Done. Serve it with {_serve_with(url, moved.media_to)}; the SQLite data dir was left as it was."
        )
    return "\n".join(lines)


def _serve_with(url: str, media_to: str) -> str:
    """The settings a server needs to find the moved install and its photos."""
    setting = f"RUNDUN_DATABASE_URL={redact(url)}"
    if media_to == "postgresql":
        return setting  # the default media store with a PostgreSQL database
    if media_to.startswith("s3://"):
        return f"{setting} RUNDUN_MEDIA_STORE={media_to}"
    return f"{setting} RUNDUN_MEDIA_STORE=files and a data dir whose media/ is {media_to}"
