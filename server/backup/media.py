"""The photos part of a backup, behind two small interfaces so that every media store plugs in without
touching the archive:

- a `MediaSource` lists the blobs a database snapshot references (its facts' `blobs`) as `MediaItem`s (key =
  the blob's SHA-256, its size, and a way to open it for reading), and those it cannot find;
- a `MediaTarget` takes each restored blob through one function, `put`, while the restore runs, then
  `commit` once every check has passed (or `discard`).

`FileMedia` reads and writes `<data-dir>/media/ab/abcd…` (the `files` store); `server.backup.stores` has the
others (photos inside PostgreSQL's dump, S3) and chooses by `RUNDUN_MEDIA_STORE`.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

COPY_BYTES = 4 << 20


@dataclass(frozen=True)
class MediaItem:
    key: str  # the blob's SHA-256 (hex): its name in the archive is media/<key[:2]>/<key>
    size: int
    open: Callable[[], IO[bytes]]  # a new reader of the blob's bytes, closed by the caller


class MediaSource(Protocol):
    def referenced(self, facts: dict) -> tuple[list[MediaItem], list[str]]:
        """The blobs among the snapshot's `facts["blobs"]` that the store holds, and those it does not (sorted)."""
        ...


class MediaTarget(Protocol):
    def put(self, key: str, stream: IO[bytes]) -> tuple[str, int]:
        """Store the blob read from `stream` under `key`; returns its SHA-256 (hex) and size as read."""
        ...

    def commit(self) -> None:
        """Every blob and the database passed their checks: make them the store's."""
        ...

    def discard(self) -> None:
        """The restore was refused: forget what `put` stored."""
        ...


class FileMedia:
    """Blobs as files under `root` (`root/ab/abcd…`), the server's media dir.

    As a restore target, `root` lies in the restore's staging dir, which the archive renames into place once
    checked (or removes): commit and discard have nothing left to do here."""

    def __init__(self, root: Path):
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def referenced(self, facts: dict) -> tuple[list[MediaItem], list[str]]:
        present, missing = [], []
        for key in facts["blobs"]:
            path = self._path(key)
            try:
                size = path.stat().st_size
            except FileNotFoundError:
                missing.append(key)
                continue
            present.append(MediaItem(key, size, functools.partial(open_file, path)))
        return present, sorted(missing)

    def put(self, key: str, stream: IO[bytes]) -> tuple[str, int]:
        return write_file(stream, self._path(key))

    def commit(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def discard(self) -> None:
        pass


def open_file(path: Path) -> IO[bytes]:
    return open(path, "rb", buffering=0)  # unbuffered: the archive reads 4 MB at a time


def write_file(stream: IO[bytes], target: Path) -> tuple[str, int]:
    """Copy `stream` into the new file `target` (fsynced), hashing it: (SHA-256 hex, size)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sha, size = hashlib.sha256(), 0
    with open(target, "wb") as out:
        while chunk := stream.read(COPY_BYTES):
            sha.update(chunk)
            out.write(chunk)
            size += len(chunk)
        out.flush()
        os.fsync(out.fileno())
    return sha.hexdigest(), size
