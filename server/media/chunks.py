"""Media in PostgreSQL itself, chunked (the default with a PostgreSQL database, as ODK Central keeps its
attachments): every server process reaches every photo and every unfinished upload, and one `pg_dump`
holds them all.

A photo is a `media_blobs` row + its rows of `media_chunks` (≤ 1 MiB a row, bytea stored uncompressed),
written in one transaction before its photo row. An upload's bytes are its rows of `media_chunks` too: the
full MiBs are sent as they arrive (so memory stays bounded by a chunk, and each batch is one multi-row
INSERT), inside one transaction that `commit` commits before the upload's offset moves on (without waiting
for its WAL flush: the offset's own commit, `synchronous_commit=on`, flushes the WAL up to and past it, so
one flush per acknowledgement); `rollback` rolls it back, and chunks at or beyond the
acknowledged offset (a crash between the two) are deleted when the next PATCH opens it. A finished upload
becomes its photo by re-keying its rows (issue 16: they were copied, so every photo was written twice); the
part is then gone, so a second `promote` of it (after a collect took the photo meanwhile) is `PartLost`.
Reads go a chunk at a time. The SQL is in `server.store.media_chunks`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from server.media.base import Blob, MediaStore, Part, PartLost, StoredMedia
from server.store import media_chunks as sql
from server.store.postgres import AdvisoryClaim, PgConn, PostgresDatabase
from server.store.writer import Claim


@contextlib.contextmanager
def _transaction(conn: PgConn) -> Iterator[PgConn]:
    conn.execute("BEGIN")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _promote(conn: PgConn, upload_id: str, sha256: str) -> bool:
    """The upload's chunks become the photo, committed (with the part's last bytes when its transaction is
    still open); whether they moved (False: the photo was stored already). Its COMMIT does not wait for the
    WAL flush: the attach's, which follows before the photo is acknowledged, flushes it (a flush a photo
    saved: issue 16)."""
    if not conn.in_transaction:
        conn.defer("BEGIN")
    try:
        moved = sql.blob_from_upload(conn, upload_id, sha256)
        sql.commit_without_flush(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return moved


class ChunkBlob(Blob):
    def __init__(self, db: PostgresDatabase, sha256: str, size: int):
        self.db, self.sha256, self.size = db, sha256, size

    def chunks(self) -> Iterator[bytes]:
        with self.db.borrow() as conn:
            start = 0
            while (chunk := sql.next_chunk(conn, self.sha256, start)) is not None:
                start = chunk[0] + len(chunk[1])
                yield chunk[1]


class ChunkPart(Part):
    """An upload's chunks, written on one connection held while the PATCH lasts: the session of the upload's
    claim where there is one (so that a process whose claim was taken, frozen meanwhile, can write none of
    them: `AdvisoryClaim.fenced`), else one borrowed."""

    def __init__(
        self,
        db: PostgresDatabase,
        upload_id: str,
        offset: int,
        finished: dict[str, ChunkPart],
        claim: AdvisoryClaim | None = None,
    ):
        self.db, self.upload_id, self.finished, self.claim = db, upload_id, finished, claim
        self._borrowed = db.borrow() if claim is None else None
        self.conn = self._borrowed.__enter__() if self._borrowed is not None else claim.conn  # type: ignore[union-attr]
        try:
            with self.session():
                if sql.cut_upload(self.conn, upload_id, offset) != offset:
                    raise PartLost()
        except BaseException:
            self.close()
            raise
        self.offset = self.written = offset  # written: stored in chunks (committed, or beyond the offset)
        self.pending: list[bytes] = []
        self.pending_bytes = 0

    def session(self) -> contextlib.AbstractContextManager:
        """Around each use of the connection: the claim's fence, when the part is written under one."""
        return self.claim.fenced() if self.claim is not None else contextlib.nullcontext()

    def append(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            self.pending.append(piece)
            self.pending_bytes += len(piece)
        if self.pending_bytes >= sql.CHUNK_BYTES:
            with self.session():
                self._store(whole_chunks_only=True)

    def _store(self, *, whole_chunks_only: bool) -> None:
        data = b"".join(self.pending)
        keep = len(data) % sql.CHUNK_BYTES if whole_chunks_only else 0
        upto = len(data) - keep
        if upto and not self.conn.in_transaction:
            self.conn.defer("BEGIN")  # one commit per `commit`, however many chunks; sent with the INSERT
        view = memoryview(data)  # rows sliced without a copy: psycopg sends a memoryview as bytea
        pieces = [
            view[start : min(start + sql.CHUNK_BYTES, upto)] for start in range(0, upto, sql.CHUNK_BYTES)
        ]
        sql.add_chunks(self.conn, self.upload_id, self.written, pieces)
        self.written += upto
        self.pending = [data[upto:]] if keep else []
        self.pending_bytes = keep

    def commit(self) -> None:
        """Committed, without waiting for the WAL flush: the offset's commit, which follows before the bytes
        are acknowledged, flushes the WAL up to it, and so these bytes with it."""
        with self.session():
            self._store(whole_chunks_only=False)
            if self.conn.in_transaction:
                sql.commit_without_flush(self.conn)
                self.conn.execute("COMMIT")
        self.offset = self.written

    def rollback(self) -> None:
        self.pending, self.pending_bytes = [], 0
        with self.session():
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        self.written = self.offset

    def finish(self) -> None:
        """The last bytes stored but NOT committed: `promote` commits them with the photo, on this part's
        connection (one WAL flush a photo where there were two). Closed without a promote (the file failed
        its checks), they are rolled back: they were never acknowledged."""
        with self.session():
            self._store(whole_chunks_only=False)
        self.offset = self.written
        self.finished[self.upload_id] = self

    def read(self) -> Iterator[bytes]:
        with self.session():
            start = 0
            while (chunk := sql.next_chunk(self.conn, self.upload_id, start)) is not None:
                start = chunk[0] + len(chunk[1])
                yield chunk[1]

    def head(self, size: int) -> bytes:
        # Its first bytes alone, not the whole first chunk (1 MiB) for the image check's 64 bytes.
        with self.session():
            head = sql.first_bytes(self.conn, self.upload_id, size)
        if len(head) == size:
            return head
        for piece in self.read():
            head += piece
            if len(head) >= size:
                break
        return head[:size]

    def close(self) -> None:
        """A claim's session stays with the claim (its release rolls back what was left uncommitted)."""
        if self.finished.get(self.upload_id) is self:
            del self.finished[self.upload_id]
        if self._borrowed is not None:
            self._borrowed.__exit__(None, None, None)


class ChunkMediaStore(MediaStore):
    name = "postgresql"

    def __init__(self, db: PostgresDatabase):
        self.db = db
        self.finished: dict[str, ChunkPart] = {}  # parts finished, still open, their last bytes uncommitted
        self.moved: set[str] = set()  # uploads whose chunks became their photo's: nothing left to discard

    # -- photos ----------------------------------------------------------------------------------------------
    def put_blob(self, sha256: str, data: bytes) -> None:
        with self.db.borrow() as conn, _transaction(conn):
            sql.insert_blob(conn, sha256, data)

    def blob_present(self, conn: Any, sha256: str) -> bool:
        return sql.blob_size(conn, sha256) is not None

    def delete_blob(self, conn: Any, sha256: str) -> None:
        sql.delete_blob(conn, sha256)

    def open_blob(self, sha256: str) -> Blob | None:
        size = self.db.read(sql.blob_size, sha256)
        return None if size is None else ChunkBlob(self.db, sha256, size)

    def has_blob(self, sha256: str) -> StoredMedia | None:
        size = self.db.read(sql.blob_size, sha256)
        return None if size is None else StoredMedia(sha256, size)

    # -- unfinished uploads ----------------------------------------------------------------------------------
    def open_part(self, upload_id: str, offset: int, claim: Claim | None = None) -> Part:
        return ChunkPart(
            self.db, upload_id, offset, self.finished, claim if isinstance(claim, AdvisoryClaim) else None
        )

    def promote(self, upload_id: str, sha256: str) -> None:
        """In the transaction of the finished part's last bytes when it is still open (the service promotes
        before it closes the part), else on a borrowed connection."""
        part = self.finished.pop(upload_id, None)
        try:
            if part is not None:
                with part.session():
                    moved = _promote(part.conn, upload_id, sha256)
            else:
                with self.db.borrow() as conn:
                    moved = _promote(conn, upload_id, sha256)
        except sql.UploadGone:
            raise PartLost() from None
        if moved:
            self.moved.add(upload_id)

    def discard(self, upload_id: str) -> None:
        if upload_id in self.moved:  # its rows are its photo's now (a round trip a photo saved)
            self.moved.discard(upload_id)
            return
        with self.db.borrow() as conn:
            sql.delete_upload_chunks(conn, upload_id)

    def part_ids(self) -> list[str]:
        return self.db.read(sql.chunked_uploads)
