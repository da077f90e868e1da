"""The one interface behind which photo bytes and unfinished tus uploads live, whatever holds them.

Three stores answer it (chosen by `server.media.open_media_store`): files in the data dir (`files.py`, the
default with SQLite), chunks in PostgreSQL itself (`chunks.py`, the default with a PostgreSQL database) and
S3-compatible object storage (`s3.py`). The services only ever see `MediaStore` and `Part`.

The guarantees every store keeps (the services' rules rely on them):
- `put_blob` / `promote` return only once the blob is durable, or (chunks in PostgreSQL) durable at the
  latest with the next commit of the same database, whose WAL is flushed in order: its photo row is written
  after them, and that commit waits for the flush.
- `blob_present` and `delete_blob` run inside the database's write jobs, under the blob's lock
  (`server.store.executor.lock_blob`), so a blob still referenced is never deleted, on one process or many;
  for a `remote` store (S3) they run outside any write job, under the blob's claim (see `remote`).
- A `Part` makes its bytes durable in `commit` BEFORE the database's upload offset moves on (or, chunks in
  PostgreSQL, WITH it: the offset's commit flushes the WAL up to theirs): the offset acknowledged is never
  ahead of the stored bytes. Bytes stored beyond the acknowledged offset (a crash
  between the two) are dropped by the next `open_part` at that offset.
- Reads are streamed: `Blob.chunks()` never holds a whole photo in memory.

The methods are blocking (a disk, a socket): the services call them on worker threads, never on the loop
(but `Part.close`, which waits for nothing).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.store.writer import Claim

READ_CHUNK = 256 << 10  # the size of the pieces a photo is streamed in


class PartLost(Exception):
    """The store no longer holds the acknowledged bytes of an upload (a data dir restored without them)."""


@dataclass(frozen=True)
class StoredMedia:
    """One photo the store holds, for backups and migrations (`MediaStore.referenced`)."""

    sha256: str
    size: int


class Blob(ABC):
    """A stored photo being read: its size, and its bytes as a stream of pieces."""

    size: int
    path: Path | None = None  # a local file holding exactly these bytes, when there is one (served directly)

    @abstractmethod
    def chunks(self) -> Iterator[bytes]:
        """The bytes in order, `READ_CHUNK` or so at a time; closes what it opened when exhausted."""


class Part(ABC):
    """The bytes of one unfinished upload, opened by one PATCH at the upload's acknowledged offset."""

    offset: int  # bytes committed (durable)

    @abstractmethod
    def append(self, pieces: list[bytes]) -> None:
        """Add bytes after those appended so far (not durable until `commit`)."""

    @abstractmethod
    def commit(self) -> None:
        """Make every byte appended so far durable; `offset` then counts them."""

    @abstractmethod
    def rollback(self) -> None:
        """Forget the bytes appended since the last `commit` (a chunk whose checksum failed, a cut body)."""

    @abstractmethod
    def finish(self) -> None:
        """Every byte is in: assemble the file (S3: complete the multipart upload), after which `head` and
        `read` see it whole. Durable here, or at the latest when `promote` returns (the files store fsyncs
        after linking its blob; the PostgreSQL store commits the last bytes with the photo, so `promote`
        comes before `close`): the last bytes are acknowledged only by the attach that follows."""

    @abstractmethod
    def read(self) -> Iterator[bytes]:
        """The finished file's bytes, streamed (to hash an upload resumed on another process)."""

    @abstractmethod
    def head(self, size: int) -> bytes:
        """The finished file's first `size` bytes (for the image check)."""

    @abstractmethod
    def close(self) -> None:
        """Release what the part holds open (nothing committed is undone). Cheap, without I/O to wait for:
        called on the event loop."""


class MediaStore(ABC):
    """Photos, content-addressed by SHA-256, and the parts of unfinished tus uploads."""

    name: str  # "files", "postgresql" or "s3": for logs and the health of the install
    # Whether `blob_present` and `delete_blob` are network calls (S3): then the services never make them in a
    # write job (on the writer thread they would hold up every write) but around it, under the blob's claim
    # (`server.services.photos.blob_claim`), and `delete_blob` gets no connection (None).
    remote = False
    # Whether a part being written is locked by its writer where any process sharing the store sees it (files:
    # an OS lock on the part file). Start-up cleaning then leaves it be without the database's claim, so an
    # upload that only its own request knows of needs no claim until its first bytes are acknowledged
    # (`server.services.tus`; issue 16: two PostgreSQL round trips a photo).
    locks_parts = False
    # Whether `discard` is a quick local call (files: an unlink): a finished upload's part then goes on the
    # writer thread right after its attach commits (`server.store.writer.after_commit`; issue 16: a trip to
    # a thread a photo), where a store's network or database call must never run.
    discards_locally = False

    # -- photos ----------------------------------------------------------------------------------------------
    @abstractmethod
    def put_blob(self, sha256: str, data: bytes) -> None:
        """Store a photo durably (a no-op when it is there already)."""

    @abstractmethod
    def blob_present(self, conn: Any, sha256: str) -> bool:
        """Inside a write job (`conn` its connection): whether the photo is stored."""

    @abstractmethod
    def delete_blob(self, conn: Any, sha256: str) -> None:
        """Inside a write job that has just seen no row use the photo: remove it."""

    @abstractmethod
    def open_blob(self, sha256: str) -> Blob | None:
        """The stored photo for reading, or None when it is not there."""

    # -- unfinished uploads ----------------------------------------------------------------------------------
    @abstractmethod
    def open_part(self, upload_id: str, offset: int, claim: Claim | None = None) -> Part:
        """The upload's part positioned at its acknowledged `offset`, bytes stored beyond it dropped.
        A first PATCH (offset 0) creates it; raises `PartLost` when acknowledged bytes are missing. `claim`:
        the upload's claim across processes, when held; a store that can write under it (PostgreSQL's
        chunks, on its session) does, and raises `ClaimLost` once another process took it."""

    @abstractmethod
    def promote(self, upload_id: str, sha256: str) -> None:
        """Make a finished upload's bytes the photo `sha256`, durably. `discard` follows; a store may move the
        part's bytes into the photo instead of copying them (PostgreSQL), so a part promoted once may raise
        `PartLost` when promoted again (its photo collected meanwhile)."""

    @abstractmethod
    def discard(self, upload_id: str) -> None:
        """Remove an upload's part, whatever state it is in (a no-op when there is none)."""

    def discard_leftover(self, upload_id: str) -> bool:
        """At start-up, under the upload's claim, its row not receiving: remove its part unless a writer
        holds it (`locks_parts`). Whether it was removed."""
        self.discard(upload_id)
        return True

    @abstractmethod
    def part_ids(self) -> list[str]:
        """Every upload the store holds a part of (at start-up, those no longer receiving are discarded)."""

    # -- backups and migrations ------------------------------------------------------------------------------
    @abstractmethod
    def has_blob(self, sha256: str) -> StoredMedia | None:
        """The stored photo's size, or None when the store lacks it (outside any write job)."""

    def write_blob(self, sha256: str, chunks: Iterator[bytes]) -> None:
        """Store a photo from a stream of pieces (a restore, a migration); the bytes must hash to `sha256`.
        Stores that can stream a write override this; the default gathers the pieces first."""
        self.put_blob(sha256, b"".join(chunks))

    def local_dirs(self) -> list[Path]:
        """The folders on this machine that an upload's bytes fill (the free-space check before a tus upload
        asks their disks). None by default: chunks in PostgreSQL and S3 objects take the database server's
        or the object store's space, which this process cannot see (a full one answers the write with an
        error, as any failed write)."""
        return []

    def close(self) -> None:
        """Release connections and clients."""
