"""Photos and unfinished tus uploads stored in the database as chunks (migration 0013), for
`server.media.chunks`: the SQL of the PostgreSQL media store, written once here like every query.

A photo is one `media_blobs` row (its size) and its `media_blob_chunks` (`seq` 0, 1, …); an upload's bytes
are `upload_chunks` keyed by the offset of their first byte. Chunks are read one at a time, so a photo is
streamed, never held whole in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from server.clock import now_iso
from server.store.rows import dialect

CHUNK_BYTES = 1 << 20  # the most one row holds


def _pieces(data: bytes | memoryview, size: int = CHUNK_BYTES) -> Iterator[bytes]:
    view = memoryview(data)
    for start in range(0, len(view), size):
        yield bytes(view[start : start + size])


# -- photos ------------------------------------------------------------------------------------------------
def insert_blob(conn: Any, sha256: str, data: bytes) -> bool:
    """In a transaction: the photo and its chunks; False (nothing written) when it is stored already. A
    concurrent insert of the same photo waits on the primary key, then finds it."""
    added = conn.execute(
        "INSERT INTO media_blobs (sha256, bytes, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        (sha256, len(data), now_iso()),
    ).rowcount
    if not added:
        return False
    conn.executemany(
        "INSERT INTO media_blob_chunks (sha256, seq, data) VALUES (?, ?, ?)",
        [(sha256, seq, piece) for seq, piece in enumerate(_pieces(data))],
    )
    return True


def blob_size(conn: Any, sha256: str) -> int | None:
    row = conn.execute("SELECT bytes FROM media_blobs WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else int(row[0])


def _binary(conn: Any, sql: str, params: tuple) -> Any:
    """A read whose bytea comes back as its bytes on PostgreSQL (text results would send it hex-encoded:
    twice the bytes, and a decode); sqlite3 returns blobs as bytes anyway."""
    if dialect(conn) == "postgresql":
        return conn.execute(sql, params, binary=True).fetchone()
    return conn.execute(sql, params).fetchone()


def blob_chunk(conn: Any, sha256: str, seq: int) -> bytes | None:
    row = _binary(conn, "SELECT data FROM media_blob_chunks WHERE sha256 = ? AND seq = ?", (sha256, seq))
    return None if row is None else bytes(row[0])


def delete_blob(conn: Any, sha256: str) -> None:
    conn.execute("DELETE FROM media_blob_chunks WHERE sha256 = ?", (sha256,))
    conn.execute("DELETE FROM media_blobs WHERE sha256 = ?", (sha256,))


def blob_from_upload(conn: Any, upload_id: str, sha256: str) -> bool:
    """In a transaction: copy a finished upload's chunks into the photo `sha256` (inside the database, no
    byte through the server); False when that photo is stored already."""
    added = conn.execute(
        "INSERT INTO media_blobs (sha256, bytes, created_at) "
        "SELECT ?, COALESCE(SUM(length(data)), 0), ? FROM upload_chunks WHERE upload_id = ? "
        "ON CONFLICT DO NOTHING",
        (sha256, now_iso(), upload_id),
    ).rowcount
    if not added:
        return False
    conn.execute(
        "INSERT INTO media_blob_chunks (sha256, seq, data) "
        "SELECT ?, row_number() OVER (ORDER BY start) - 1, data FROM upload_chunks WHERE upload_id = ?",
        (sha256, upload_id),
    )
    return True


# -- unfinished uploads ------------------------------------------------------------------------------------
def cut_upload(conn: Any, upload_id: str, offset: int) -> int:
    """Drop the chunks at or beyond `offset` (stored, never acknowledged); returns the bytes kept below it."""
    conn.execute("DELETE FROM upload_chunks WHERE upload_id = ? AND start >= ?", (upload_id, offset))
    row = conn.execute(
        "SELECT COALESCE(SUM(length(data)), 0) FROM upload_chunks WHERE upload_id = ?", (upload_id,)
    ).fetchone()
    return int(row[0])


def add_upload_chunk(conn: Any, upload_id: str, start: int, data: bytes) -> None:
    conn.execute(
        "INSERT INTO upload_chunks (upload_id, start, data) VALUES (?, ?, ?) "
        "ON CONFLICT (upload_id, start) DO UPDATE SET data = excluded.data",
        (upload_id, start, data),
    )


def next_upload_chunk(conn: Any, upload_id: str, start: int) -> tuple[int, bytes] | None:
    """The chunk at or after `start`, or None past the last."""
    row = _binary(
        conn,
        "SELECT start, data FROM upload_chunks WHERE upload_id = ? AND start >= ? ORDER BY start LIMIT 1",
        (upload_id, start),
    )
    return None if row is None else (int(row[0]), bytes(row[1]))


def delete_upload_chunks(conn: Any, upload_id: str) -> None:
    conn.execute("DELETE FROM upload_chunks WHERE upload_id = ?", (upload_id,))


def chunked_uploads(conn: Any) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT upload_id FROM upload_chunks")]
