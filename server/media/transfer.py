"""Media for backups and migrations, whatever the store: which photos the database refers to, each read as a
stream, each written into a store with its SHA-256 checked. The backup command and `rundun-server migrate
--media-to` go through these, so they copy files, PostgreSQL chunks and S3 objects alike.

    for item in referenced_media(db):                 # StoredMedia(sha256, size), in SHA-256 order
        pieces = open_stream(store, item.sha256)      # an iterator of bytes, or None when the store lacks it
        write_one(other_store, item.sha256, pieces)   # checked: MediaCorrupt when the bytes hash otherwise
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from server.media.base import MediaStore, StoredMedia
from server.store import executor as store
from server.store.writer import GroupCommitWriter


class MediaCorrupt(RuntimeError):
    """A photo's bytes do not hash to the SHA-256 that names it: nothing was written."""


def referenced_media(db: GroupCommitWriter) -> list[StoredMedia]:
    """Every photo a row of the database refers to, once each, with its size in bytes."""
    return [StoredMedia(sha, size) for sha, size in db.read(store.referenced_blobs)]


def open_stream(media: MediaStore, sha256: str) -> Iterator[bytes] | None:
    """The photo's bytes as a stream of pieces (never whole in memory), or None when the store lacks it."""
    blob = media.open_blob(sha256)
    return None if blob is None else blob.chunks()


def write_one(media: MediaStore, sha256: str, pieces: Iterable[bytes]) -> None:
    """Store one photo from a stream after checking that it hashes to `sha256` (a photo is at most
    RUNDUN_MAX_PHOTO_MB, so it is gathered before the store sees it: nothing wrong is ever written)."""
    running = hashlib.sha256()
    gathered = []
    for piece in pieces:
        running.update(piece)
        gathered.append(piece)
    if running.hexdigest() != sha256:
        raise MediaCorrupt(f"the photo {sha256} reads back as {running.hexdigest()}: not written")
    media.write_blob(sha256, iter(gathered))


@dataclass
class CopyReport:
    copied: int = 0
    present: int = 0  # the target held it already
    missing: list[str] | None = None  # referenced, but the source lacks it

    def words(self) -> str:
        missing = len(self.missing or [])
        return f"{self.copied} photos copied, {self.present} already there, {missing} missing from the source"


def copy_media(db: GroupCommitWriter, source: MediaStore, target: MediaStore) -> CopyReport:
    """Copy every referenced photo from `source` to `target`, each checked by its SHA-256."""
    report = CopyReport(missing=[])
    for item in referenced_media(db):
        if target.has_blob(item.sha256) is not None:
            report.present += 1
            continue
        pieces = open_stream(source, item.sha256)
        if pieces is None:
            assert report.missing is not None
            report.missing.append(item.sha256)
            continue
        write_one(target, item.sha256, pieces)
        report.copied += 1
    return report
