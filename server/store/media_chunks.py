"""Photos and unfinished tus uploads stored in the database as chunks (migrations 0013, 0017), for
`server.media.chunks`: the SQL of the PostgreSQL media store, written once here like every query.

A photo is one `media_blobs` row (its size) and its chunks; an upload's bytes are its chunks alone. Both are
rows of `media_chunks`, keyed by their owner (the photo's SHA-256, or the upload's id) and the offset of
their first byte, so a finished upload becomes its photo by re-keying its rows (`blob_from_upload`): the
bytes are not written again. Chunks are read one at a time, so a photo is streamed, never held whole in
memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from server.clock import now_iso
from server.store.rows import dialect, execute_later

CHUNK_BYTES = 1 << 20  # the most one row holds


def _pieces(data: bytes | memoryview, size: int = CHUNK_BYTES) -> Iterator[bytes]:
    view = memoryview(data)
    for start in range(0, len(view), size):
        yield bytes(view[start : start + size])


def add_chunks(conn: Any, owner: str, start: int, pieces: list[bytes] | list[memoryview]) -> None:
    """The pieces as `owner`'s chunks from offset `start` on, in ONE statement (a round trip however many
    rows: a 2 MB photo is two). A chunk already at one of those offsets (stored, never acknowledged, and
    not yet cut) is replaced."""
    if not pieces:
        return
    rows, params = [], []
    for piece in pieces:
        rows.append("(?, ?, ?)")
        params += [owner, start, piece]
        start += len(piece)
    conn.execute(
        f"INSERT INTO media_chunks (owner, start, data) VALUES {', '.join(rows)} "
        "ON CONFLICT (owner, start) DO UPDATE SET data = excluded.data",
        tuple(params),
    )


def next_chunk(conn: Any, owner: str, start: int) -> tuple[int, bytes] | None:
    """`owner`'s chunk at or after offset `start` (its offset and bytes), or None past the last."""
    sql = "SELECT start, data FROM media_chunks WHERE owner = ? AND start >= ? ORDER BY start LIMIT 1"
    params = (owner, start)
    if dialect(conn) == "postgresql":  # bytea as its bytes (text results would send it hex: twice the bytes)
        row = conn.execute(sql, params, binary=True).fetchone()
    else:
        row = conn.execute(sql, params).fetchone()
    return None if row is None else (int(row[0]), bytes(row[1]))


def first_bytes(conn: Any, owner: str, size: int) -> bytes:
    """The first `size` bytes of `owner`'s first chunk (fewer when it is shorter): with the bytes stored
    uncompressed out of line, only the slices holding them are read."""
    sql = "SELECT substr(data, 1, ?) FROM media_chunks WHERE owner = ? AND start = 0"
    params = (size, owner)
    if dialect(conn) == "postgresql":
        row = conn.execute(sql, params, binary=True).fetchone()
    else:
        row = conn.execute(sql, params).fetchone()
    return b"" if row is None else bytes(row[0])


# -- photos ------------------------------------------------------------------------------------------------
def insert_blob(conn: Any, sha256: str, data: bytes) -> bool:
    """In a transaction: the photo and its chunks; False (nothing written) when it is stored already. A
    concurrent insert of the same photo waits on the primary key, then finds it."""
    added = conn.execute(
        "INSERT INTO media_blobs (sha256, bytes, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        (sha256, len(data), now_iso()),
    ).rowcount
    if added:
        add_chunks(conn, sha256, 0, list(_pieces(data)))
    return bool(added)


def blob_size(conn: Any, sha256: str) -> int | None:
    row = conn.execute("SELECT bytes FROM media_blobs WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else int(row[0])


def delete_blob(conn: Any, sha256: str) -> None:
    conn.execute("DELETE FROM media_chunks WHERE owner = ?", (sha256,))
    conn.execute("DELETE FROM media_blobs WHERE sha256 = ?", (sha256,))


class UploadGone(Exception):
    """`blob_from_upload` found no bytes of the upload (moved into a photo since collected, or discarded)."""


def blob_from_upload(conn: Any, upload_id: str, sha256: str) -> bool:
    """In a transaction: the finished upload's chunks become the photo `sha256`, MOVED by re-keying them (an
    UPDATE that keeps each row's out-of-line bytes where they are: nothing is written twice); False when
    that photo is stored already (the upload's chunks then stay for `delete_upload_chunks`). Raises
    `UploadGone` when the upload holds no bytes. One round trip: the re-keying is sent with the COMMIT."""
    row = conn.execute(
        "INSERT INTO media_blobs (sha256, bytes, created_at) "
        "SELECT ?, COALESCE(SUM(length(data)), 0), ? FROM media_chunks WHERE owner = ? "
        "ON CONFLICT DO NOTHING RETURNING bytes",
        (sha256, now_iso(), upload_id),
    ).fetchone()
    if row is None:
        return False
    if not row[0]:
        raise UploadGone(upload_id)  # the caller rolls the empty photo back
    execute_later(conn, "UPDATE media_chunks SET owner = ? WHERE owner = ?", (sha256, upload_id))
    return True


def commit_without_flush(conn: Any) -> None:
    """In a transaction: its COMMIT will not wait for the WAL to reach the disk. Safe where a commit that does
    wait follows it before anything is acknowledged: the WAL is flushed in order, so that commit's flush
    carries this one's (a promoted photo, then its attach)."""
    execute_later(conn, "SET LOCAL synchronous_commit = off")


# -- unfinished uploads ------------------------------------------------------------------------------------
def cut_upload(conn: Any, upload_id: str, offset: int) -> int:
    """Drop the chunks at or beyond `offset` (stored, never acknowledged); returns the bytes kept below it.
    One round trip: the delete is sent with the sum (which counts only the chunks below `offset`)."""
    execute_later(conn, "DELETE FROM media_chunks WHERE owner = ? AND start >= ?", (upload_id, offset))
    row = conn.execute(
        "SELECT COALESCE(SUM(length(data)), 0) FROM media_chunks WHERE owner = ? AND start < ?",
        (upload_id, offset),
    ).fetchone()
    return int(row[0])


def delete_upload_chunks(conn: Any, upload_id: str) -> None:
    conn.execute("DELETE FROM media_chunks WHERE owner = ?", (upload_id,))


def chunked_uploads(conn: Any) -> list[str]:
    """Every upload holding chunks: owners that are no photo."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT owner FROM media_chunks c "
            "WHERE NOT EXISTS (SELECT 1 FROM media_blobs b WHERE b.sha256 = c.owner)"
        )
    ]
