"""What the media store holds, whichever it is (files, PostgreSQL chunks, S3): the tests' view of it."""

from __future__ import annotations


def has_part(api, upload_id: str) -> bool:
    return upload_id in api.ctx.media.part_ids()


def has_blob(api, sha: str) -> bool:
    return api.ctx.media.has_blob(sha) is not None


def blob_bytes(api, sha: str) -> bytes:
    blob = api.ctx.media.open_blob(sha)
    assert blob is not None, f"no blob {sha}"
    return b"".join(blob.chunks())


def store_unacknowledged(api, upload_id: str, offset: int, data: bytes) -> None:
    """Bytes stored beyond the acknowledged offset, as a crash between storing and acknowledging leaves."""
    part = api.ctx.media.open_part(upload_id, offset)
    try:
        part.append([data])
        part.commit()
    finally:
        part.close()
