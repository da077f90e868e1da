"""Resumable photo uploads over tus 1.0 (core, creation, termination, checksum with sha256).

The bytes of an unfinished upload live in `DATA_DIR/uploads/<id>.part`; the DB's `upload_offset` is the
truth. A PATCH appends to the file, and every `CHECKPOINT_BYTES` and at its end it fsyncs the file and
only THEN advances the offset, so what the server acknowledges (in a response or to a later HEAD)
survives a crash; a tail beyond the offset (written, not yet acknowledged) is cut off by the next PATCH.

A cut request (the client's connection breaks mid-body) keeps the bytes received so far, acknowledged
as above, unless it carried `Upload-Checksum`: such a chunk cannot be verified, so all of it is dropped.
A PATCH that arrives while another is still writing the same upload (a stalled connection the client
gave up on) supersedes it: the older one stops, keeps what it received, and the newer one proceeds.

When the last byte arrives the upload is checked like a `PUT` of the photo (magic bytes, slot) and
attached in the SAME write job that marks the upload finished: attached once, however often retried. An
upload whose bytes fail those checks is terminated and the PATCH answers with the error.
One server process owns the uploads (the in-process writer registry assumes it, as uvicorn runs here).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hashlib
import os
import secrets
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from server.errors import (
    BadRequest,
    Conflict,
    NotFound,
    PayloadTooLarge,
    RundunError,
    UnsupportedMediaType,
    ValidationFailed,
)
from server.services import photos
from server.services.context import Context
from server.services.executor import Session, guard
from server.settings import Settings
from server.store import executor as store

TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,termination,checksum"
CHECKSUM_ALGORITHM = "sha256"
OFFSET_OCTET_STREAM = "application/offset+octet-stream"
CHECKPOINT_BYTES = 1 << 20
SUPERSEDE_WAIT_S = 10.0
Receive = Callable[[], Awaitable[Any]]  # the ASGI receive


class ChecksumMismatch(RundunError):
    status = 460
    code = "checksum_mismatch"
    default_message = "Upload-Checksum does not match the chunk; the chunk was discarded."


class TusVersionUnsupported(RundunError):
    status = 412
    code = "tus_version_unsupported"
    default_message = "This server speaks tus 1.0.0: send 'Tus-Resumable: 1.0.0'."


RESUMABLE = {"Tus-Resumable": TUS_VERSION}  # on every tus response


def discovery_headers(settings: Settings) -> dict[str, str]:
    return {
        "Tus-Resumable": TUS_VERSION,
        "Tus-Version": TUS_VERSION,
        "Tus-Extension": TUS_EXTENSIONS,
        "Tus-Checksum-Algorithm": CHECKSUM_ALGORITHM,
        "Tus-Max-Size": str(settings.max_photo_bytes),
    }


def check_version(header: str | None) -> None:
    if header != TUS_VERSION:
        raise TusVersionUnsupported(headers={"Tus-Version": TUS_VERSION})


def part_path(settings: Settings, upload_id: str) -> Path:
    return settings.data_dir / "uploads" / f"{upload_id}.part"


# -- headers -----------------------------------------------------------------------------------------------
def parse_metadata(header: str | None) -> dict[str, str]:
    """`Upload-Metadata: key base64,key2 base64` → `{key: text}` (a key alone has an empty value)."""
    out: dict[str, str] = {}
    for pair in (header or "").split(","):
        parts = pair.strip().split(" ")
        if parts == [""]:
            continue
        if len(parts) > 2 or not parts[0]:
            raise _bad("Upload-Metadata", "must be comma-separated 'key base64value' pairs")
        try:
            out[parts[0]] = base64.b64decode(parts[1], validate=True).decode() if len(parts) == 2 else ""
        except (binascii.Error, ValueError):
            raise _bad(f"Upload-Metadata.{parts[0]}", "is not valid base64 of UTF-8 text") from None
    return out


def encode_metadata(metadata: dict[str, str]) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in metadata.items())


def _int_header(value: str | None, name: str) -> int:
    if value is None or not value.strip().isdigit():
        raise _bad(name, "must be a non-negative integer")
    return int(value)


def _checksum(header: str | None) -> bytes | None:
    if header is None:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    if algorithm.lower() != CHECKSUM_ALGORITHM:
        raise _bad("Upload-Checksum", f"only {CHECKSUM_ALGORITHM} is supported")
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        digest = b""
    if len(digest) != hashlib.sha256().digest_size:
        raise _bad("Upload-Checksum", "must be 'sha256 <base64 of the 32-byte digest>'")
    return digest


def _bad(path: str, message: str) -> RundunError:
    return BadRequest(f"{path} {message}.", details=[{"path": path, "message": message}])


# -- creation, HEAD, termination ---------------------------------------------------------------------------
async def create(ctx: Context, session: Session, length: str | None, metadata: str | None) -> str:
    """POST: check the target slot now (so a doomed upload never starts); returns the new upload id."""
    session.require_open()
    size = _int_header(length, "Upload-Length")
    if size > ctx.settings.max_photo_bytes:
        raise PayloadTooLarge(f"Upload-Length is larger than the limit of {ctx.settings.max_photo_bytes} bytes.")
    if size == 0:
        raise _bad("Upload-Length", "must be at least 1: an empty file is not an image")
    meta = parse_metadata(metadata)
    missing = [key for key in ("step_id", "photo_index") if not meta.get(key)]
    if missing:
        raise BadRequest(
            "Upload-Metadata must carry step_id and photo_index.",
            details=[{"path": f"Upload-Metadata.{key}", "message": "is required"} for key in missing],
        )
    if not meta["photo_index"].isdigit():
        raise ValidationFailed(
            "photo_index must be a whole number.",
            details=[{"path": "Upload-Metadata.photo_index", "message": "must be a non-negative integer"}],
        )
    index = int(meta["photo_index"])
    photos.photo_limit(session.model, meta["step_id"], index)
    upload: dict[str, Any] = {
        "id": "upl_" + secrets.token_hex(16),
        "run_id": session.run_id,
        "step_id": meta["step_id"],
        "photo_index": index,
        "length": size,
        "metadata": meta,
    }
    await asyncio.to_thread(_new_part, part_path(ctx.settings, upload["id"]))  # the file exists before its row
    await ctx.db.write(_create_job, ctx, session, upload)
    return upload["id"]


def _new_part(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        os.fsync(f.fileno())
    photos.fsync_dir(path.parent)


def _create_job(conn: sqlite3.Connection, ctx: Context, session: Session, upload: dict) -> None:
    guard(conn, ctx, session)
    store.create_upload(conn, upload)


def get(ctx: Context, session: Session, upload_id: str) -> dict:
    upload = ctx.db.read(store.get_upload, session.run_id, upload_id)
    if upload is None:
        raise NotFound("No such upload on this run.")
    return upload


async def terminate(ctx: Context, session: Session, upload_id: str) -> None:
    """DELETE: forget the upload and its partial bytes (a photo it already attached stays)."""
    async with _exclusive(upload_id):
        get(ctx, session, upload_id)
        await ctx.db.write(store.delete_upload, upload_id)
        await asyncio.to_thread(part_path(ctx.settings, upload_id).unlink, missing_ok=True)


# -- PATCH -------------------------------------------------------------------------------------------------
async def patch(ctx: Context, session: Session, upload_id: str, headers: Mapping[str, str], receive: Receive) -> int:
    """Append the request body at `Upload-Offset`; returns the offset acknowledged now."""
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != OFFSET_OCTET_STREAM:
        raise UnsupportedMediaType(f"A PATCH body must be sent as {OFFSET_OCTET_STREAM}.")
    offset = _int_header(headers.get("upload-offset"), "Upload-Offset")
    expected = _checksum(headers.get("upload-checksum"))
    session.require_open()
    async with _exclusive(upload_id) as me:
        upload = get(ctx, session, upload_id)
        if upload["status"] == "attached":
            if offset == upload["length"]:
                return offset
            raise Conflict(f"The upload is complete at offset {upload['length']}.")
        if offset != upload["upload_offset"]:
            raise Conflict(f"Upload-Offset is {offset} but the upload is at {upload['upload_offset']}.")
        receiver = _Receiver(ctx, session, upload, expected, me.superseded)
        try:
            return await receiver.run(receive)
        except _PartLost:
            await ctx.db.write(store.delete_upload, upload_id)
            raise NotFound("The upload's stored bytes are lost; start a new upload.") from None


class _PartLost(Exception):
    pass


class _Receiver:
    """Streams one PATCH body into the part file, acknowledging durably as it goes."""

    def __init__(
        self, ctx: Context, session: Session, upload: dict, expected: bytes | None, superseded: asyncio.Event
    ):
        self.ctx, self.session, self.upload = ctx, session, upload
        self.expected, self.superseded = expected, superseded
        self.path = part_path(ctx.settings, upload["id"])
        self.start = self.acked = upload["upload_offset"]
        self.length = upload["length"]

    async def run(self, receive: Receive) -> int:
        f = await asyncio.to_thread(_open_part, self.path, self.start)
        try:
            return await self._pump(f, receive)
        except BaseException:
            with contextlib.suppress(OSError, ValueError):
                f.truncate(self.acked)  # drop what was not acknowledged (a checksummed chunk: all of it)
            raise
        finally:
            f.close()

    async def _pump(self, f: IO[bytes], receive: Receive) -> int:
        hasher = hashlib.sha256() if self.expected is not None else None
        end = self.start
        while True:
            message = await _next_message(receive, self.superseded)
            if message is None or message["type"] != "http.request":
                return await self._cut(f, end, hasher is not None)
            body = message.get("body", b"")
            if body:
                if end + len(body) > self.length:
                    raise _bad("body", f"goes past Upload-Length ({self.length} bytes)")
                f.write(body)
                end += len(body)
                if hasher is not None:
                    hasher.update(body)
                elif end - self.acked >= CHECKPOINT_BYTES and end < self.length:
                    await self._checkpoint(f, end)
            if not message.get("more_body", False):
                break
        if hasher is not None and hasher.digest() != self.expected:
            raise ChecksumMismatch()
        if end == self.length:
            return await self._finish(f)
        if end > self.acked:
            await self._checkpoint(f, end)
        return self.acked

    async def _cut(self, f: IO[bytes], end: int, checksummed: bool) -> int:
        """The body stopped early (client gone, or superseded): keep what can be kept."""
        if checksummed:
            f.truncate(self.acked)
        elif end > self.acked:
            await self._checkpoint(f, end)
        return self.acked

    async def _checkpoint(self, f: IO[bytes], end: int) -> None:
        f.flush()
        await asyncio.to_thread(os.fsync, f.fileno())
        if not await self.ctx.db.write(store.advance_upload, self.upload["id"], self.acked, end):
            raise Conflict("The upload changed meanwhile; ask HEAD for its offset.")
        self.acked = end

    async def _finish(self, f: IO[bytes]) -> int:
        f.flush()
        await asyncio.to_thread(os.fsync, f.fileno())
        data = await asyncio.to_thread(self.path.read_bytes)
        step_id, index = self.upload["step_id"], self.upload["photo_index"]
        try:
            image = await asyncio.to_thread(photos.inspect, self.session.model, step_id, index, data)
        except RundunError:
            await self.ctx.db.write(store.delete_upload, self.upload["id"])  # terminated: the client starts anew
            await asyncio.to_thread(self.path.unlink, missing_ok=True)
            raise
        await photos.attach(self.ctx, self.session, image, upload=(self.upload["id"], self.acked), source=self.path)
        self.acked = self.length
        await asyncio.to_thread(self.path.unlink, missing_ok=True)
        return self.length


def _open_part(path: Path, offset: int) -> IO[bytes]:
    """The part file positioned at the acknowledged offset, any unacknowledged tail cut off."""
    try:
        f = open(path, "r+b")  # noqa: SIM115 - handed to the caller, who closes it
    except FileNotFoundError:
        raise _PartLost() from None
    if os.fstat(f.fileno()).st_size < offset:
        f.close()
        raise _PartLost()
    f.truncate(offset)
    f.seek(offset)
    return f


async def _next_message(receive: Receive, superseded: asyncio.Event) -> dict | None:
    """The next ASGI message, or None as soon as a newer PATCH supersedes this one."""
    if superseded.is_set():
        return None
    getting = asyncio.ensure_future(receive())
    stopping = asyncio.ensure_future(superseded.wait())
    try:
        await asyncio.wait({getting, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
        if not getting.done():
            getting.cancel()
    if getting.done() and not getting.cancelled():
        return getting.result()
    return None


# -- one writer per upload ---------------------------------------------------------------------------------
@dataclass
class _Writer:
    superseded: asyncio.Event = field(default_factory=asyncio.Event)
    done: asyncio.Event = field(default_factory=asyncio.Event)


_writers: dict[str, _Writer] = {}


@contextlib.asynccontextmanager
async def _exclusive(upload_id: str) -> AsyncIterator[_Writer]:
    """Be the only request touching this upload, superseding (stopping) one that is still at it."""
    while (current := _writers.get(upload_id)) is not None:
        current.superseded.set()
        try:
            await asyncio.wait_for(current.done.wait(), SUPERSEDE_WAIT_S)
        except TimeoutError:
            raise Conflict("Another request is still writing this upload; retry shortly.") from None
    me = _Writer()
    _writers[upload_id] = me
    try:
        yield me
    finally:
        if _writers.get(upload_id) is me:
            del _writers[upload_id]
        me.done.set()


def describe(upload: dict) -> dict[str, Any]:
    """HEAD's headers for an upload."""
    offset = upload["length"] if upload["status"] == "attached" else upload["upload_offset"]
    return {
        "Upload-Offset": str(offset),
        "Upload-Length": str(upload["length"]),
        "Upload-Metadata": encode_metadata(upload["metadata"]),
        "Cache-Control": "no-store",
    }
