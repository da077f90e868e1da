"""Write and read a backup archive: a tar stream inside the checked (optionally encrypted) frames of
`sealed`, holding, in order:

    about.json          engine, schema version, counts, photo count, when — read first, so a restore
                        refuses a newer schema or the other engine before it writes a byte
    media/ab/abcd…      every photo blob the snapshot references (content-addressed: the name is its SHA-256),
                        read from and restored into a media store (`media`)
    database/rundun.db  the consistent snapshot (see `engines`): SQLite's file, or
    database/rundun.pgdump  PostgreSQL's `pg_dump --format=custom` of one exported snapshot, still being
                        written while the photos go in (archives of an earlier version hold it first)
    manifest.json       every file's SHA-256 and size, and referenced blobs that were missing from the store

A restore extracts into a staging dir beside the target, checks every hash, the counts and the engine's own
check (SQLite's integrity check, pg_restore's reading of the dump), and only then installs the database
(PostgreSQL: pg_restore in one transaction into an empty database) and renames the staging dir into place:
a refused archive leaves nothing. Unfinished tus uploads are not kept: their clients start them again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import secrets
import shutil
import tarfile
import tempfile
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from server.backup.engines import DatabasePart, part_for
from server.backup.media import FileMedia, MediaSource, MediaTarget, open_file, write_file
from server.backup.sealed import BackupError, SealedReader, SealedWriter
from server.clock import now_iso
from server.durable import PRIVATE_DIR, fsync_dir
from server.store.snapshot import newest_known_schema

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)
BLOB_NAME = re.compile(r"^media/([0-9a-f]{2})/(\1[0-9a-f]{62})$")
COPY_BYTES = 4 << 20  # per read: four sealed frames, framed from the buffer without a copy
ENGINES = {  # engine → (what a backup of it is, how to restore it)
    "sqlite": (
        "a SQLite data dir",
        "restore it without a database URL (--database-url, RUNDUN_DATABASE_URL)",
    ),
    "postgresql": (
        "a PostgreSQL database",
        "restore it with --database-url postgresql://… (or RUNDUN_DATABASE_URL) into an empty database",
    ),
}


@dataclass
class Summary:
    """What a backup or restore did, for the CLI and the desktop to say."""

    about: dict
    bytes: int = 0
    seconds: float = 0.0
    missing_media: list[str] = field(default_factory=list)


class _Hashing(io.RawIOBase):
    """A reader that hashes and counts what passes through (tar pulls the file's bytes through it).

    The SHA-256 runs on `hasher`'s thread while this one checks (CRC-32) and writes the same bytes:
    hashlib and zlib release the GIL, so a backup uses two cores instead of hashing after each read."""

    def __init__(self, source: IO[bytes], on_bytes: Callable[[int], None], hasher: _Hasher):
        self.source, self.on_bytes, self.hasher = source, on_bytes, hasher
        self.sha = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.hasher.update(self.sha, data)
        self.on_bytes(len(data))
        return data


class _Hasher:
    """Hash updates in order on one worker thread, at most `AHEAD` chunks behind the writer."""

    AHEAD = 4

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="rundun-backup-hash")
        self._pending: deque[Future] = deque()

    def update(self, sha, data: bytes) -> None:
        self._pending.append(self._pool.submit(sha.update, data))
        while len(self._pending) > self.AHEAD:
            self._pending.popleft().result()

    def drain(self) -> None:
        while self._pending:
            self._pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _tar_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
    tar.addfile(info, io.BytesIO(data))


def create_backup(
    data_dir: Path,
    out: IO[bytes],
    passphrase: bytes | None = None,
    progress: Progress | None = None,
    database_url: str | None = None,
    media: MediaSource | None = None,
    work_parent: Path | None = None,
) -> Summary:
    """Stream a backup of the database (the data dir's SQLite, or the PostgreSQL at `database_url`; its
    server may be running and writing) and the photos it references (`media`, by default the data dir's
    files) into `out`. The database's temporary copy is made in a new directory in `work_parent` (by
    default `$TMPDIR`): it needs room for one copy of the database there."""
    started = time.monotonic()
    part: DatabasePart = part_for(database_url, data_dir)
    media = media if media is not None else FileMedia(data_dir / "media")
    with (
        tempfile.TemporaryDirectory(prefix=".rundun-backup-", dir=work_parent) as work,
        part.snapshot(Path(work)) as snap,
    ):
        facts = snap.facts
        present, missing = media.referenced(facts)
        # The photos first, the database last: PostgreSQL's dump is still being written meanwhile. `bytes`
        # is for progress (a dump's size is not known yet: it counts the photos only).
        total = sum(item.size for item in present) + snap.size_hint
        about = {
            "engine": part.engine,
            "schema_version": facts["schema_version"],
            "counts": facts["counts"],
            "photo_files": len(present),
            "bytes": total,
            "created_at": now_iso(),
        }
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done, max(total, done))

        sealed = SealedWriter(out, passphrase, {"created_at": about["created_at"]})
        hashed: dict[str, tuple] = {}  # name → (sha256 object, bytes): digests once the hasher is done
        hasher = _Hasher()
        # Mode "w" (not the stream mode "w|", whose 10 kB record buffer re-slices every large write) with
        # 1 MB copies: the sealed writer only appends, so no seek is ever needed.
        with tarfile.open(  # type: ignore[call-overload]
            fileobj=sealed, mode="w", format=tarfile.PAX_FORMAT, copybufsize=COPY_BYTES
        ) as tar:
            _tar_bytes(tar, "about.json", json.dumps(about, indent=1).encode())

            def add(name: str, size: int, f: IO[bytes]) -> None:
                info = tarfile.TarInfo(name)
                info.size, info.mtime, info.mode = size, int(time.time()), 0o600
                hashing = _Hashing(f, advance, hasher)
                tar.addfile(info, hashing)
                hashed[name] = (hashing.sha, size)

            try:
                for item in present:
                    try:
                        f = item.open()
                    except FileNotFoundError:
                        # A photo removed since the snapshot, its blob collected meanwhile: the backup goes on
                        # and names it, as one missing before (about.json's photo_files counted it).
                        missing.append(item.key)
                        continue
                    with f:
                        add(f"media/{item.key[:2]}/{item.key}", item.size, f)
                copy = snap.finish()
                with open_file(copy) as f:
                    add(part.archive_name, copy.stat().st_size, f)
                hasher.drain()
            finally:
                hasher.close()
            files = {name: {"sha256": sha.hexdigest(), "bytes": size} for name, (sha, size) in hashed.items()}
            manifest = {"files": files, "missing_media": missing}
            _tar_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
        sealed.close()
    return Summary(about, sealed.bytes_written, time.monotonic() - started, missing)


def restore_backup(
    source: IO[bytes],
    data_dir: Path,
    passphrase: bytes | None = None,
    progress: Progress | None = None,
    database_url: str | None = None,
    media_target: Callable[[Path], MediaTarget] | None = None,
) -> Summary:
    """Check the archive from `source` completely, then install it: the database into the data dir's new
    SQLite or the empty PostgreSQL at `database_url`, the photos into `media_target(<the new data dir's
    media dir, still in staging>)` (by default, files there)."""
    started = time.monotonic()
    data_dir = data_dir.absolute()
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise BackupError(f"{data_dir} is not empty: restore only into a new or empty directory.")
    part = part_for(database_url, data_dir)
    part.check_target()
    reader = SealedReader(source, passphrase)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = data_dir.parent / f".{data_dir.name}.restoring-{secrets.token_hex(4)}"
    media = (media_target or FileMedia)(staging / "media")
    try:
        about, written = _extract(reader, staging, part, media, progress)
        reader.finish()
        copy = staging / part.archive_name
        part.verify(copy, about)
        part.install(copy, staging, about)
        media.commit()
        shutil.rmtree(staging / "database")
        (staging / "media").mkdir(exist_ok=True)
        fsync_dir(staging)
        if data_dir.exists():
            data_dir.rmdir()
        os.rename(staging, data_dir)
        fsync_dir(data_dir.parent)
    except BaseException:
        media.discard()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Summary(about, written, time.monotonic() - started)


def _extract(
    reader: SealedReader, staging: Path, part: DatabasePart, media: MediaTarget, progress: Progress | None
) -> tuple[dict, int]:
    """Unpack the database copy into `staging` and the photos into `media`, hashing each file; the manifest
    (last) must agree with every one."""
    about: dict | None = None
    hashes: dict[str, dict] = {}
    manifest: dict | None = None
    written = 0
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:  # type: ignore[call-overload]
            for member in tar:
                if about is None:
                    about = _about(member, tar, part)
                    staging.mkdir(mode=PRIVATE_DIR)  # the new data dir (server/durable.py)
                    continue
                if manifest is not None:
                    raise BackupError("The backup is damaged: files follow its manifest.")
                if member.name == "manifest.json" and member.isfile():
                    manifest = json.loads(_small(tar, member))
                    continue
                hashes[member.name] = _unpack(tar, member, staging, part, media)
                written += member.size
                if progress is not None:
                    progress(written, about.get("bytes", 0))
    except (tarfile.TarError, ValueError, KeyError) as exc:
        raise BackupError(f"The backup is damaged: {exc}.") from None
    if about is None or manifest is None:
        raise BackupError("The backup is incomplete: it has no manifest.")
    if manifest.get("files") != hashes:
        raise BackupError("The backup is damaged: its files do not match the hashes in its manifest.")
    return about, written


def _unpack(
    tar: tarfile.TarFile, member: tarfile.TarInfo, staging: Path, part: DatabasePart, media: MediaTarget
) -> dict:
    """Write one archived file, hashing it: the database copy into `staging`, a photo into the media
    target, where it must hash to its own name. Any other entry is refused (no path tricks)."""
    blob = BLOB_NAME.match(member.name) if member.isfile() else None
    if not member.isfile() or (blob is None and member.name != part.archive_name):
        raise BackupError(f"The backup is damaged: unexpected entry {member.name!r}.")
    source = tar.extractfile(member)
    assert source is not None
    if blob is None:
        sha, size = write_file(source, staging / member.name)
    else:
        sha, size = media.put(blob.group(2), source)
        if blob.group(2) != sha:
            raise BackupError(f"The backup is damaged: photo {blob.group(2)} does not match its hash.")
    return {"sha256": sha, "bytes": size}


def _about(member: tarfile.TarInfo, tar: tarfile.TarFile, part: DatabasePart) -> dict:
    """The archive's first entry: refuses a newer schema, or the other engine's backup, before any write."""
    if member.name != "about.json" or not member.isfile():
        raise BackupError("The backup is damaged: it does not start with about.json.")
    about = json.loads(_small(tar, member))
    known = newest_known_schema()
    if int(about.get("schema_version", 0)) > known:
        raise BackupError(
            f"This backup was made by a newer Rundun (database schema {about['schema_version']}; this server "
            f"knows up to {known}). Restore it with that version or newer."
        )
    engine = about.get("engine")
    if engine != part.engine:
        what, advice = ENGINES.get(engine, (f"a {engine!r} database", "this server cannot restore it"))
        raise BackupError(
            f"This backup is of {what} and cannot be restored into {ENGINES[part.engine][0]}: {advice}."
        )
    return about


def _small(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    if member.size > 64 << 20:
        raise BackupError(f"The backup is damaged: {member.name} is impossibly large.")
    source = tar.extractfile(member)
    assert source is not None
    return source.read()
