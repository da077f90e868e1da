"""`rundun-server migrate --to postgresql://… [--media-to DIR]`: a stopped SQLite install moved to PostgreSQL.

Everything is checked before anything is written: the data dir holds a Rundun database that no process has
open (a running server, the desktop app), of this code's schema (an older one: start this rundun-server
on it once, which migrates it; a newer one: a newer rundun-server), the target database is empty and
reachable, and `--media-to` is absent or empty. Then the target is migrated to the same schema, every
table copied in one transaction (`server.store.transfer`), the photo files copied (`copy_media`, the one
place that knows where media go), and the result verified: the row count of every table on both sides, and
the SHA-256 of every photo the database refers to, read back from where it now lives. It ends with a report
in words; the exit code is 0 only when everything matched.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from server.store import transfer
from server.store.backends import BadDatabase
from server.store.postgres import DatabaseUnavailable, connect, migrate, redact

# SQLite's unix VFS keeps a shared lock on this byte of `<db>-shm` for as long as a connection is open (its
# "dead man switch"): taking it exclusively tells whether any process has the database open right now.
SHM_DMS_BYTE = 128


class MigrateRefused(BadDatabase):
    """The move cannot start; nothing was written."""


@dataclass
class Moved:
    rows: dict[str, int]
    photos: int
    media_files: int
    media_to: Path | None
    seconds: float
    mismatched_tables: list[str] = field(default_factory=list)
    bad_photos: list[str] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return not self.mismatched_tables and not self.bad_photos


def migrate_to_postgres(data_dir: Path, url: str, media_to: Path | None) -> Moved:
    source_path = data_dir / "rundun.db"
    _check_source(source_path)
    if media_to is not None and media_to.exists() and any(media_to.iterdir()):
        raise MigrateRefused(f"--media-to {media_to} is not empty: give a new or empty directory")
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
        media_files = copy_media(data_dir / "media", media_to)
        mismatched = [
            table
            for table, count in transfer.row_counts(pg, list(rows)).items()
            if count != transfer.row_counts(source, [table])[table]
        ]
        bad = [sha for sha in shas if _sha256_of(media_file(data_dir, media_to, sha)) != sha]
        return Moved(rows, len(shas), media_files, media_to, time.perf_counter() - started, mismatched, bad)
    finally:
        source.close()
        pg.close()


def _check_source(path: Path) -> None:
    if not path.is_file():
        raise MigrateRefused(
            f"no Rundun database at {path}: give the data dir of a SQLite install (--data-dir)"
        )
    shm = Path(f"{path}-shm")
    if not shm.exists():
        return  # no connection open: the last one to close removes it
    with open(shm, "rb+") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise MigrateRefused(
                    f"the database {path} is open in another process (a running rundun-server or the desktop "
                    "app): stop it first"
                ) from None
            raise
        fcntl.lockf(handle, fcntl.LOCK_UN, 1, SHM_DMS_BYTE)


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
def copy_media(source: Path, media_to: Path | None) -> int:
    """Put the install's media where the PostgreSQL deployment reads them; returns the files copied. Today
    that is a directory (`--media-to`) in the same layout, or nothing to do without it (the server keeps
    reading the data dir's media/). The one place to change when media move into the database or S3."""
    if media_to is None or not source.is_dir():
        return 0
    count = 0
    for path in sorted(source.rglob("*")):
        if path.is_file():
            target = media_to / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            with open(target, "rb+") as handle:
                os.fsync(handle.fileno())
            count += 1
    return count


def media_file(data_dir: Path, media_to: Path | None, sha256: str) -> Path:
    """Where a photo's bytes are once moved (the layout of `server.services.photos.blob_path`)."""
    return (media_to or data_dir / "media") / sha256[:2] / sha256


def _sha256_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except FileNotFoundError:
        return None
    return digest.hexdigest()


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
    if moved.media_to is not None:
        lines.append(f"Copied {moved.media_files:,} media files to {moved.media_to}.")
    else:
        lines.append("Media stay in the data dir's media/ (no --media-to): serve with the same --data-dir.")
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
            f"Done. Serve it with RUNDUN_DATABASE_URL={redact(url)}; the SQLite data dir was left as it was."
        )
    return "\n".join(lines)
