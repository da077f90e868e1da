"""Write and read a backup archive: a tar stream inside the checked (optionally encrypted) frames of
`sealed`, holding, in order:

    about.json          engine, schema version, counts, photo count, when — read first, so a restore
                        refuses a newer schema before it writes a byte
    database/rundun.db  the consistent snapshot (see `engines`)
    media/ab/abcd…      every photo blob the snapshot references (content-addressed: the name is its SHA-256)
    manifest.json       every file's SHA-256 and size, and referenced blobs that were missing on disk

A restore extracts into a staging dir beside the target, checks every hash, the counts and SQLite's
integrity check, and only then renames the staging dir into place: a refused archive leaves nothing.
Unfinished tus uploads are not kept: their clients start them again.
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

from server.backup.engines import DatabasePart, SqlitePart, part_for
from server.backup.sealed import BackupError, SealedReader, SealedWriter
from server.clock import now_iso
from server.durable import fsync_dir
from server.store.snapshot import newest_known_schema

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)
BLOB_NAME = re.compile(r"^media/([0-9a-f]{2})/(\1[0-9a-f]{62})$")
COPY_BYTES = 4 << 20  # per read: four sealed frames, framed from the buffer without a copy


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
    data_dir: Path, out: IO[bytes], passphrase: bytes | None = None, progress: Progress | None = None
) -> Summary:
    """Stream a backup of the data dir (its server may be running and writing) into `out`."""
    started = time.monotonic()
    if not (data_dir / "rundun.db").is_file():
        raise BackupError(f"No Rundun database in {data_dir}.")
    part: DatabasePart = SqlitePart(data_dir / "rundun.db")
    media_dir = data_dir / "media"
    with tempfile.TemporaryDirectory(prefix="rundun-backup-") as work:
        copy = part.snapshot(Path(work))
        facts = part.facts(copy)
        present = [sha for sha in facts["blobs"] if (media_dir / sha[:2] / sha).is_file()]
        missing = sorted(set(facts["blobs"]) - set(present))
        total = copy.stat().st_size + sum((media_dir / sha[:2] / sha).stat().st_size for sha in present)
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
                progress(done, total)

        sealed = SealedWriter(out, passphrase, {"created_at": about["created_at"]})
        hashed: dict[str, tuple] = {}  # name → (sha256 object, bytes): digests once the hasher is done
        hasher = _Hasher()
        # Mode "w" (not the stream mode "w|", whose 10 kB record buffer re-slices every large write) with
        # 1 MB copies: the sealed writer only appends, so no seek is ever needed.
        with tarfile.open(  # type: ignore[call-overload]
            fileobj=sealed, mode="w", format=tarfile.PAX_FORMAT, copybufsize=COPY_BYTES
        ) as tar:
            _tar_bytes(tar, "about.json", json.dumps(about, indent=1).encode())
            sources = [(part.archive_name, copy)] + [
                (f"media/{s[:2]}/{s}", media_dir / s[:2] / s) for s in present
            ]
            try:
                for name, path in sources:
                    with open(path, "rb", buffering=0) as f:
                        info = tar.gettarinfo(fileobj=f, arcname=name)
                        info.uid = info.gid = 0
                        info.uname = info.gname = ""
                        hashing = _Hashing(f, advance, hasher)
                        tar.addfile(info, hashing)
                        hashed[name] = (hashing.sha, info.size)
                hasher.drain()
            finally:
                hasher.close()
            files = {name: {"sha256": sha.hexdigest(), "bytes": size} for name, (sha, size) in hashed.items()}
            manifest = {"files": files, "missing_media": missing}
            _tar_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
        sealed.close()
    return Summary(about, sealed.bytes_written, time.monotonic() - started, missing)


def restore_backup(
    source: IO[bytes], data_dir: Path, passphrase: bytes | None = None, progress: Progress | None = None
) -> Summary:
    """Check the archive from `source` completely and install it as the new, empty `data_dir`."""
    started = time.monotonic()
    data_dir = data_dir.absolute()
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise BackupError(f"{data_dir} is not empty: restore only into a new or empty directory.")
    reader = SealedReader(source, passphrase)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = data_dir.parent / f".{data_dir.name}.restoring-{secrets.token_hex(4)}"
    try:
        about, written = _extract(reader, staging, progress)
        reader.finish()
        part = part_for(about["engine"], staging)
        facts = part.facts(staging / part.archive_name)
        if facts["counts"] != about["counts"] or facts["schema_version"] != about["schema_version"]:
            raise BackupError("The backup is damaged: its database does not match its manifest's counts.")
        try:
            part.restore(staging / part.archive_name, staging)
        except ValueError as exc:
            raise BackupError(f"The backup is damaged: {exc}.") from None
        shutil.rmtree(staging / "database")
        (staging / "media").mkdir(exist_ok=True)
        fsync_dir(staging)
        if data_dir.exists():
            data_dir.rmdir()
        os.rename(staging, data_dir)
        fsync_dir(data_dir.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Summary(about, written, time.monotonic() - started)


def _extract(reader: SealedReader, staging: Path, progress: Progress | None) -> tuple[dict, int]:
    """Unpack into `staging`, hashing each file; the manifest (last) must agree with every one."""
    about: dict | None = None
    hashes: dict[str, dict] = {}
    manifest: dict | None = None
    written = 0
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:  # type: ignore[call-overload]
            for member in tar:
                if about is None:
                    about = _about(member, tar)
                    staging.mkdir()
                    continue
                if manifest is not None:
                    raise BackupError("The backup is damaged: files follow its manifest.")
                if member.name == "manifest.json" and member.isfile():
                    manifest = json.loads(_small(tar, member))
                    continue
                hashes[member.name] = _unpack(tar, member, _target(staging, member, about))
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


def _unpack(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> dict:
    """Write one archived file to `target` (fsynced), hashing it; a photo must hash to its own name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256()
    source = tar.extractfile(member)
    assert source is not None
    with open(target, "wb") as out:
        while chunk := source.read(COPY_BYTES):
            sha.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    blob = BLOB_NAME.match(member.name)
    if blob is not None and blob.group(2) != sha.hexdigest():
        raise BackupError(f"The backup is damaged: photo {blob.group(2)} does not match its hash.")
    return {"sha256": sha.hexdigest(), "bytes": member.size}


def _about(member: tarfile.TarInfo, tar: tarfile.TarFile) -> dict:
    if member.name != "about.json" or not member.isfile():
        raise BackupError("The backup is damaged: it does not start with about.json.")
    about = json.loads(_small(tar, member))
    known = newest_known_schema()
    if int(about.get("schema_version", 0)) > known:
        raise BackupError(
            f"This backup was made by a newer Rundun (database schema {about['schema_version']}; this server "
            f"knows up to {known}). Restore it with that version or newer."
        )
    return about


def _small(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    if member.size > 64 << 20:
        raise BackupError(f"The backup is damaged: {member.name} is impossibly large.")
    source = tar.extractfile(member)
    assert source is not None
    return source.read()


def _target(staging: Path, member: tarfile.TarInfo, about: dict) -> Path:
    """Where an archived file goes; anything but the database and blob names is refused (no path tricks)."""
    expected_db = part_for(about.get("engine", ""), staging).archive_name
    if member.isfile() and (member.name == expected_db or BLOB_NAME.match(member.name)):
        return staging / member.name
    raise BackupError(f"The backup is damaged: unexpected entry {member.name!r}.")
