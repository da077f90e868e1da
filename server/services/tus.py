"""Resumable photo uploads over tus 1.0 (core, creation, creation-with-upload, termination, checksum with
sha256).

The bytes of an unfinished upload are its part in the media store (`server.media`: a file in
`DATA_DIR/uploads/`, chunks in PostgreSQL, or an S3 multipart upload; created by the first PATCH); the DB's
`upload_offset` is the truth. An upload without an acknowledged byte has no row yet (`fresh_uploads`): its
row is written by the job that acknowledges its first bytes, or attaches a photo sent in one request;
when processes share the database, a creation without bytes writes the row at once, so that any of them
takes the first PATCH. A PATCH appends to the part and, at its end and at checkpoints while a long body streams
in (every `CHECKPOINT_BYTES`, at most once per `CHECKPOINT_INTERVAL_S`), commits it (durable) and only THEN
advances the offset, so what the server acknowledges (in a response or to a later HEAD) survives a crash,
and any process resumes from it; what the store holds beyond the offset is dropped by the next PATCH.

Integrity, end to end: the file's SHA-256 is computed as its bytes arrive (carried from PATCH to PATCH in
memory; read back once the file is whole after a restart or on another process) and, when
`Upload-Metadata` carries `sha256`, compared with it once the last byte is in: a mismatch terminates the
upload (460). It is also the blob's address, so a finished file is read back only when its running hash
was not at hand. A chunk may in addition carry `Upload-Checksum` (the tus checksum extension: a mismatch is
460) or `Content-Digest: sha-256=:<base64>:` (RFC 9530, the digest of the request's body, this chunk, read as
`PUT …/photos/{i}` reads it: malformed or mismatched, 400 `bad_request`; it was not read, and a chunk with
a wrong one was stored). A chunk that fails either is dropped whole and the upload stays at its offset; a cut
request with one cannot be verified, so all of that chunk is dropped, while a cut request without one
keeps the bytes received, acknowledged as above.

A PATCH that arrives while another is still writing the same upload (a stalled connection the client
gave up on) supersedes it: the older one stops, keeps what it received, and the newer one proceeds. On
another process it waits for it instead (the database's claim on the upload), then resumes.

When the last byte arrives the upload is checked like a `PUT` of the photo (magic bytes, slot) and
attached in the SAME write job that marks the upload finished: attached once, however often retried. An
upload whose bytes fail those checks is terminated and the PATCH answers with the error.

creation-with-upload (issue 16): a POST whose `Content-Type` is `application/offset+octet-stream` carries
the upload's first bytes (a whole photo, often), received exactly as a PATCH at offset 0 would be; the 201
gives `Upload-Offset` besides `Location`. An error after the upload was created carries its `Location`
while the upload still exists, so a client can resume it; a cut body keeps what was acknowledged, and a
client that never saw the `Location` finds the upload in `GET …/state` (its slot and length) and checks its
`sha256` with HEAD. The request's `Rundun-Device` note rides in the upload's own write job (`device.Note`).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hashlib
import math
import re
import secrets
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from server.clock import iso, now_stamp, utcnow
from server.errors import (
    BadRequest,
    Conflict,
    NotFound,
    PayloadTooLarge,
    RundunError,
    ServiceUnavailable,
    UnsupportedMediaType,
    ValidationFailed,
)
from server.media import Part, PartLost
from server.services import device, fresh_uploads, photos
from server.services.context import Context
from server.services.executor import FUTURE_TOLERANCE, Session, guard
from server.settings import Settings
from server.store import executor as store
from server.store import pruning
from server.store.writer import Claim, ClaimLost, GroupCommitWriter
from server.tdl.device import HEADER as DEVICE_HEADER

TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,creation-with-upload,termination,checksum"
CHECKSUM_ALGORITHM = "sha256"
OFFSET_OCTET_STREAM = "application/offset+octet-stream"
CHECKPOINT_BYTES = 1 << 20
CHECKPOINT_INTERVAL_S = (
    0.2  # a fast sender is not slowed by an fsync per MiB; a slow one resumes ≤ 1 MiB back
)
HELD_BYTES = 4 << 20  # a body is written off the loop when a checkpoint is due or this much is held (issue
# 16: a photo sent whole, at a pace that makes no checkpoint due, is written in one trip to a worker thread)
HASHES_KEPT = 1024  # running SHA-256s of unfinished uploads kept between PATCHes (a miss rehashes from disk)
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
SUPERSEDE_WAIT_S = 10.0
Receive = Callable[[], Awaitable[Any]]  # the ASGI receive


class ChecksumMismatch(RundunError):
    status = 460
    code = "checksum_mismatch"
    default_message = "Upload-Checksum does not match the chunk; the chunk was discarded."


class _ChunkMismatch(ChecksumMismatch):
    """A chunk's `Upload-Checksum` failed where the file is finished with it: the chunk is dropped, the
    upload kept (a file that fails its own checks is terminated instead)."""


class _ChunkDigestMismatch(BadRequest):
    """A chunk's `Content-Digest` failed: refused as a photo's `PUT` is (400 `bad_request`), the chunk
    dropped and the upload kept at its offset, as for `Upload-Checksum`."""


@dataclass(frozen=True)
class ChunkChecks:
    """What a request announced its body's SHA-256 to be: `Upload-Checksum` (tus) and `Content-Digest`
    (RFC 9530, as on `PUT …/photos/{i}`); either that fails drops the whole chunk."""

    checksum: bytes | None = None
    digest: bytes | None = None

    @classmethod
    def of(cls, headers: Mapping[str, str]) -> ChunkChecks | None:
        """Both headers read (a malformed one refused, 400, before any byte is read); None without either."""
        checks = cls(
            _checksum(headers.get("upload-checksum")), photos.expected_digest(headers.get("content-digest"))
        )
        return checks if checks.checksum is not None or checks.digest is not None else None

    def refusal(self, got: bytes, finished: bool = False) -> RundunError | None:
        """The error for a chunk whose SHA-256 is `got`, or None when it is what was announced. `finished`:
        where the file is finished with it (`_finish` tells the chunk's failure from the file's)."""
        if self.checksum is not None and got != self.checksum:
            return _ChunkMismatch() if finished else ChecksumMismatch()
        if self.digest is not None and got != self.digest:
            return photos.digest_mismatch(_ChunkDigestMismatch)
        return None


FILE_MISMATCH = (
    "The finished file's SHA-256 does not match the sha256 in Upload-Metadata; the upload was terminated: "
    "start a new one."
)


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


def upload_url(run_id: str, upload_id: str) -> str:
    """An upload's path, as `Location` and `GET …/state` give it."""
    return f"/v1/runs/{run_id}/uploads/{upload_id}"


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
        if parts[0] in out:  # tus 1.0: "The key MUST be unique"; which one would count is a guess
            raise _bad(f"Upload-Metadata.{parts[0]}", "is given twice")
        try:
            out[parts[0]] = base64.b64decode(parts[1], validate=True).decode() if len(parts) == 2 else ""
        except (binascii.Error, ValueError):
            raise _bad(f"Upload-Metadata.{parts[0]}", "is not valid base64 of UTF-8 text") from None
    return out


def encode_metadata(metadata: dict[str, str]) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in metadata.items())


def _whole_number(text: str) -> bool:
    """ASCII digits only: `str.isdigit` also says yes to "²" or "٣", which `int` refuses or reads."""
    return text.isascii() and text.isdigit()


def _int_header(value: str | None, name: str) -> int:
    if value is None or not _whole_number(value.strip()):
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
async def create(
    ctx: Context,
    session: Session,
    length: str | None,
    metadata: str | None,
    note: device.Note | None = None,
    *,
    carries_bytes: bool = False,
) -> str:
    """POST: check the target slot now (so a doomed upload never starts); returns the new upload id.
    `carries_bytes`: the POST goes on to receive the upload's first bytes (creation-with-upload)."""
    session.require_open()
    size = _int_header(length, "Upload-Length")
    if size > ctx.settings.max_photo_bytes:
        raise PayloadTooLarge(
            f"Upload-Length is larger than the limit of {ctx.settings.max_photo_bytes} bytes."
        )
    if size == 0:
        raise _bad("Upload-Length", "must be at least 1: an empty file is not an image")
    ctx.storage.require(size)  # a file that cannot fit is refused before its first byte (507)
    meta = parse_metadata(metadata)
    missing = [key for key in ("step_id", "photo_index") if not meta.get(key)]
    if missing:
        raise BadRequest(
            "Upload-Metadata must carry step_id and photo_index.",
            details=[{"path": f"Upload-Metadata.{key}", "message": "is required"} for key in missing],
        )
    if not _whole_number(meta["photo_index"]):
        raise ValidationFailed(
            "photo_index must be a whole number.",
            details=[{"path": "Upload-Metadata.photo_index", "message": "must be a non-negative integer"}],
        )
    if "sha256" in meta and not SHA256_HEX.match(meta["sha256"]):
        raise _bad("Upload-Metadata.sha256", "must be the file's SHA-256 as 64 lowercase hex digits")
    if "taken_at" in meta:
        meta["taken_at"] = taken_at(meta["taken_at"])
    index = int(meta["photo_index"])
    photos.photo_limit(session.model, meta["step_id"], index)
    upload: dict[str, Any] = {
        "id": "upl_" + secrets.token_hex(16),
        "run_id": session.run_id,
        "step_id": meta["step_id"],
        "photo_index": index,
        "length": size,
        "metadata": meta,
        "created_at": now_stamp(),  # which of a slot's uploads came first (`drop_superseded`)
    }
    stored = session.open_uploads  # read with the run by the request's authentication
    if stored is None:
        stored = await ctx.db.read_hot(_open_uploads, ctx, session)  # indexed: at once on SQLite
    cap = open_upload_cap(ctx.settings, session)
    if stored + fresh_uploads.count(session.run_id) >= cap:
        raise Conflict(
            f"This run already has {cap} unfinished uploads, the most it may hold "
            "(RUNDUN_OPEN_UPLOADS_PER_SLOT per photo slot): finish one, or terminate it with DELETE."
        )
    if ctx.db.shared_across_processes and not carries_bytes:
        # Another process may receive its first PATCH: the row is the only place they all see. A creation
        # that carries bytes is received here first, and its client learns the upload's URL from the
        # answer, by when its row is written with the bytes acknowledged (issue 16: a commit a photo saved);
        # if none were, another process answers 404 and the client starts anew, nothing lost.
        job = note.ride(_create_row) if note is not None else _create_row
        await ctx.db.write(job, ctx, session, upload)
    else:
        fresh_uploads.remember(upload)  # its row is written with its first acknowledged bytes
    return upload["id"]


async def create_with_upload(
    ctx: Context,
    session: Session,
    length: str | None,
    metadata: str | None,
    headers: Mapping[str, str],
    receive: Receive,
) -> tuple[str, int | None]:
    """POST: `create`, then, when the body is `application/offset+octet-stream` (creation-with-upload), its
    bytes appended at offset 0. Returns the upload id and the offset acknowledged (None without a body)."""
    note = device.Note(session.run, headers.get(DEVICE_HEADER))
    try:
        carries = _carries_bytes(headers)
        expected = ChunkChecks.of(headers) if carries else None
        upload_id = await create(ctx, session, length, metadata, note, carries_bytes=carries)
        if not carries:
            return upload_id, None
        try:
            return upload_id, await _append(ctx, session, upload_id, 0, expected, receive, note, created=True)
        except RundunError as exc:
            if _known(ctx, session, upload_id):  # not terminated: the client may resume it
                exc.headers.setdefault("Location", upload_url(session.run_id, upload_id))
            raise
    finally:
        await note.flush(ctx)


def _carries_bytes(headers: Mapping[str, str]) -> bool:
    """Whether a POST carries the upload's first bytes: only as application/offset+octet-stream (415 for a
    body of another type; a POST with neither is a plain creation)."""
    if _content_type(headers) == OFFSET_OCTET_STREAM:
        return True
    length = headers.get("content-length", "0").strip()
    if "transfer-encoding" in headers or (length.isdigit() and int(length) > 0):
        raise UnsupportedMediaType(
            f"A POST that carries the upload's first bytes must send them as {OFFSET_OCTET_STREAM}."
        )
    return False


def _content_type(headers: Mapping[str, str]) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def _known(ctx: Context, session: Session, upload_id: str) -> bool:
    try:
        get(ctx, session, upload_id)
    except NotFound:
        return False
    return True


def _create_row(conn: sqlite3.Connection, ctx: Context, session: Session, upload: dict) -> None:
    guard(conn, ctx, session)
    store.create_upload(conn, upload)


def _open_uploads(conn: sqlite3.Connection, ctx: Context, session: Session) -> int:
    # No `guard`: the request's authentication has just read the run, and the job that writes the upload's
    # row checks it again (on PostgreSQL a round trip a creation saved, issue 16).
    return store.count_open_uploads(conn, session.run_id)


def _advance(
    conn: sqlite3.Connection, ctx: Context, session: Session, upload: dict, start: int, end: int
) -> bool:
    """A write job: acknowledge `end`, only from `start` (False if the upload moved meanwhile). An upload's
    first acknowledged bytes write its row (see fresh_uploads)."""
    if store.advance_upload(conn, upload["id"], start, end):
        return True
    if start != 0 or store.get_upload(conn, session.run_id, upload["id"]) is not None:
        return False
    guard(conn, ctx, session)
    store.create_upload(conn, upload, end)
    return True


def taken_at(text: str) -> str:
    """`Upload-Metadata: taken_at` → the time in UTC. 422 unless ISO 8601 with an offset (a local time alone
    means nothing on the server); a time later than now + FUTURE_TOLERANCE (a device clock ahead) becomes that
    limit, as an answer's `at` does. Earlier times are kept: a photo may be taken days before it syncs."""
    try:
        if "T" not in text or len(text) > 64:
            raise ValueError
        when = datetime.fromisoformat(text)
        if when.tzinfo is None:
            raise ValueError
    except ValueError:
        raise ValidationFailed(
            "taken_at is not an ISO 8601 time with an offset.",
            details=[
                {
                    "path": "Upload-Metadata.taken_at",
                    "message": "must be an ISO 8601 time with an offset, such as 2026-05-22T08:31:00+02:00",
                }
            ],
        ) from None
    return iso(min(when, utcnow() + FUTURE_TOLERANCE))


def open_upload_cap(settings: Settings, session: Session) -> int:
    """How many unfinished uploads a run may hold at once: so many per photo slot of its template."""
    return max(1, math.ceil(settings.open_uploads_per_slot * session.model.photo_slots))


# -- upkeep ------------------------------------------------------------------------------------------------
async def expire_abandoned(ctx: Context) -> int:
    """Remove the unfinished uploads untouched for RUNDUN_UPLOAD_TTL_HOURS, with their bytes."""
    before = iso(utcnow() - timedelta(hours=ctx.settings.upload_ttl_hours))
    ids = await ctx.db.write(pruning.expire_uploads, before, set(_writers))
    fresh_uploads.expire(time.time() - ctx.settings.upload_ttl_hours * 3600)
    for upload_id in ids:
        _hashes.pop(upload_id, None)
        await discard_part(ctx, upload_id)
    return len(ids)


async def discard_part(ctx: Context, upload_id: str) -> None:
    """The bytes of an upload no longer receiving (attached, terminated, expired, its run closed) go."""
    await asyncio.to_thread(ctx.media.discard, upload_id)


async def remove_leftover_parts(ctx: Context) -> int:
    """At start-up: delete the parts of uploads no longer receiving (attached, terminated, expired). A crash
    between attaching a photo and removing its part leaves one behind; so does one between forgetting an
    upload and removing its bytes. A part whose upload a request is receiving stays, though its row may
    not be written yet (a creation that carries bytes writes it with the first acknowledged ones): this
    process's own writers are known, and another process's hold the upload's claim or, in a store that
    `locks_parts`, the part's own lock."""
    parts = await asyncio.to_thread(ctx.media.part_ids)
    keep = await ctx.db.read_async(pruning.receiving_uploads, parts)
    removed = 0
    for upload_id in parts:
        if upload_id in keep or upload_id in _writers:
            continue
        claim = await ctx.db.claim(f"upload:{upload_id}", 0)
        if claim is None:  # another process is receiving it
            continue
        try:
            if not await ctx.db.read_async(pruning.receiving_uploads, [upload_id]):
                removed += await asyncio.to_thread(ctx.media.discard_leftover, upload_id)
        finally:
            await claim.release()
    return removed


def get(ctx: Context, session: Session, upload_id: str) -> dict:
    upload = ctx.db.read(store.get_upload, session.run_id, upload_id)
    if upload is None:
        upload = fresh_uploads.lookup(session.run_id, upload_id)
    if upload is None:
        raise NotFound("No such upload on this run.")
    return upload


async def terminate(ctx: Context, session: Session, upload_id: str) -> None:
    """DELETE: forget the upload and its partial bytes (a photo it already attached stays)."""
    async with _exclusive(ctx, upload_id):
        get(ctx, session, upload_id)
        await _forget(ctx, upload_id)


async def drop_superseded(
    ctx: Context, session: Session, step_id: str, index: int, before: str, *, stored: bool = True
) -> int:
    """Terminate the slot's unfinished uploads created before `before`, once a photo created then filled the
    slot or it was emptied then; returns how many went. Their client has moved on (an executor who retakes
    a photo while its upload is cut drops the older photo, never to resume it), and had one finished, it
    would have put an older photo back. Left alone, they held their bytes and counted towards the run's cap
    (`open_upload_cap`) until RUNDUN_UPLOAD_TTL_HOURS: on a link that drops often, a day's retakes could
    fill it and refuse new photos. An upload a request is receiving right now (in this process or another)
    stays: that request decides. `stored=False`: the caller knows the run has no stored unfinished upload,
    so only those still in memory are looked at (no read)."""
    stale = [
        u["id"]
        for u in fresh_uploads.of_run(session.run_id)
        if (u["step_id"], u["photo_index"]) == (step_id, index) and u["created_at"] < before
    ]
    if stored:  # indexed by run: at once on SQLite
        stale += await ctx.db.read_hot(store.slot_uploads_before, session.run_id, step_id, index, before)
    dropped = 0
    for upload_id in stale:
        async with _held_if_idle(ctx, upload_id) as held:
            if held:
                await _forget(ctx, upload_id)
                dropped += 1
    return dropped


# -- PATCH -------------------------------------------------------------------------------------------------
async def patch(
    ctx: Context, session: Session, upload_id: str, headers: Mapping[str, str], receive: Receive
) -> int:
    """Append the request body at `Upload-Offset`; returns the offset acknowledged now."""
    note = device.Note(session.run, headers.get(DEVICE_HEADER))
    try:
        get(ctx, session, upload_id)  # an unknown upload is 404 whatever its headers say
        if _content_type(headers) != OFFSET_OCTET_STREAM:
            raise UnsupportedMediaType(f"A PATCH body must be sent as {OFFSET_OCTET_STREAM}.")
        offset = _int_header(headers.get("upload-offset"), "Upload-Offset")
        expected = ChunkChecks.of(headers)
        return await _append(ctx, session, upload_id, offset, expected, receive, note)
    finally:
        await note.flush(ctx)


async def _append(
    ctx: Context,
    session: Session,
    upload_id: str,
    offset: int,
    expected: ChunkChecks | None,
    receive: Receive,
    note: device.Note,
    created: bool = False,
) -> int:
    """The body appended at `offset` (a PATCH, or the POST of creation-with-upload at 0, `created`: the
    upload made by this very request, known in memory alone, so not looked for in the database first; nor
    claimed in it before its first bytes are acknowledged, when the media store keeps other processes off
    its part by itself: until then no other process can know of it)."""
    session.require_open()
    async with _exclusive(ctx, upload_id, claim_now=not (created and ctx.media.locks_parts)) as me:
        known = fresh_uploads.lookup(session.run_id, upload_id) if created else None
        upload = known or get(ctx, session, upload_id)
        if upload["status"] == "attached":
            if offset == upload["length"]:
                return offset
            raise Conflict(f"The upload is complete at offset {upload['length']}.")
        if offset != upload["upload_offset"]:
            raise Conflict(f"Upload-Offset is {offset} but the upload is at {upload['upload_offset']}.")
        receiver = _Receiver(ctx, session, upload, expected, me, note)
        try:
            return await receiver.run(receive)
        except ClaimLost:  # this process was frozen, and another took the upload over meanwhile
            raise Conflict(TAKEN_OVER) from None
        except PartLost:
            await ctx.db.write(store.delete_upload, upload_id)
            raise NotFound("The upload's stored bytes are lost; start a new upload.") from None


async def _forget(ctx: Context, upload_id: str) -> None:
    """Terminate: the row, the partial bytes and the running hash go."""
    fresh_uploads.forget(upload_id)
    await ctx.db.write(store.delete_upload, upload_id)
    _hashes.pop(upload_id, None)
    await discard_part(ctx, upload_id)


# The running SHA-256 of each unfinished upload at its acknowledged offset, so that the file is hashed once,
# as it arrives. Bounded; a miss (a restart, many idle uploads, an upload resumed on another process) hashes
# the finished file once, read back from the media store.
_hashes: dict[str, tuple[int, Any]] = {}


class _Receiver:
    """Streams one PATCH body into the upload's part in the media store, acknowledging durably as it goes.

    Issue 16: each trip to a worker thread (a thread woken, the loop told back) cost about as much as a small
    photo's own Python, so the part is opened by the first write's trip and a body that completes the file is
    written, checked and stored as the blob in one trip, and a store whose `discard` is a local call (files)
    has the part removed by the writer thread once the attach commits: a photo sent whole takes one trip
    where it took four."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        upload: dict,
        expected: ChunkChecks | None,
        writer: _Writer,
        note: device.Note,
    ):
        self.ctx, self.session, self.upload = ctx, session, upload
        self.expected, self.writer, self.note = expected, writer, note
        self.start = self.acked = upload["upload_offset"]
        self.length = upload["length"]
        self.acked_at = time.monotonic()
        self.part: Part | None = None  # opened at the acknowledged offset by the first write, on its thread
        # The file's first bytes for the image check, kept as they arrive when this body starts the file (a
        # store's read back saved: a round trip a photo in PostgreSQL); else read from the part at the end.
        self.head: bytes | None = b"" if self.start == 0 else None

    async def run(self, receive: Receive) -> int:
        known = _hashes.pop(self.upload["id"], None)
        if known is not None and known[0] == self.start:
            self.file_hash: Any = known[1]
        else:
            self.file_hash = hashlib.sha256() if self.start == 0 else None  # None: hashed once finished
        self.acked_hash = self.file_hash.copy() if self.file_hash is not None else None
        try:
            return await self._pump(receive)
        except BaseException:
            if self.part is not None:  # drop what was not acknowledged (a checksummed chunk: all)
                with contextlib.suppress(Exception):
                    await asyncio.to_thread(self.part.rollback)
            raise
        finally:
            if self.part is not None:
                self.part.close()  # cheap in every store (no I/O but a socket's or file's close): on the loop
            if self.acked < self.length and self.acked_hash is not None:
                if len(_hashes) >= HASHES_KEPT:
                    _hashes.clear()
                _hashes[self.upload["id"]] = (self.acked, self.acked_hash)

    async def _pump(self, receive: Receive) -> int:
        chunk_hash = hashlib.sha256() if self.expected is not None else None
        end = self.start
        held: list[bytes] = []  # received, not yet written: written and hashed off the loop (see below)
        held_bytes = 0
        while True:
            message = await _next_message(receive, self.writer)
            if message is None or message["type"] != "http.request":
                await self._write(held, chunk_hash)
                return await self._cut(end, chunk_hash is not None)
            body = message.get("body", b"")
            if body:
                if end + len(body) > self.length:
                    raise _bad("body", f"goes past Upload-Length ({self.length} bytes)")
                held.append(body)
                held_bytes += len(body)
                end += len(body)
            more = message.get("more_body", False)
            if not more:
                break
            checkpoint = chunk_hash is None and self._checkpoint_due(end)
            if checkpoint or held_bytes >= HELD_BYTES:
                await self._write(held, chunk_hash)
                held, held_bytes = [], 0
                if checkpoint:
                    await self._checkpoint(end)
        if end == self.length:  # the last bytes, the checks and the blob: one trip
            return await self._finish(held, chunk_hash)
        await self._write(held, chunk_hash)
        refused = self.expected.refusal(chunk_hash.digest()) if self.expected and chunk_hash else None
        if refused is not None:
            raise refused
        if end > self.acked:
            await self._checkpoint(end)
        return self.acked

    async def _write(self, pieces: list[bytes], chunk_hash: Any) -> None:
        """Append `pieces` to the part and the running hashes, on a worker thread: both release the GIL, so
        the loop keeps receiving (this PATCH's next bytes, other uploads) meanwhile."""
        if pieces:
            await asyncio.to_thread(self._absorb, pieces, chunk_hash)

    def _absorb(self, pieces: list[bytes], chunk_hash: Any) -> None:
        """On a worker thread: the part opened (the first time), then `pieces` appended and hashed."""
        if self.part is None:
            self.part = self.ctx.media.open_part(self.upload["id"], self.start, self.writer.held())
        self.part.append(pieces)
        if self.head is not None:
            for piece in pieces:
                if len(self.head) >= photos.HEAD_BYTES:
                    break
                self.head += piece[: photos.HEAD_BYTES - len(self.head)]
        for running in (self.file_hash, chunk_hash):
            if running is not None:
                for piece in pieces:
                    running.update(piece)

    def _checkpoint_due(self, end: int) -> bool:
        return (
            end - self.acked >= CHECKPOINT_BYTES
            and end < self.length
            and time.monotonic() - self.acked_at >= CHECKPOINT_INTERVAL_S
        )

    async def _cut(self, end: int, checksummed: bool) -> int:
        """The body stopped early (client gone, or superseded): keep what can be kept."""
        if self.part is None:
            return self.acked
        if checksummed:
            await asyncio.to_thread(self.part.rollback)
        elif end > self.acked:
            await self._checkpoint(end)
        return self.acked

    async def _checkpoint(self, end: int) -> None:
        assert self.part is not None  # bytes were written beyond the acknowledged offset
        await self.writer.claimed()  # from its row on, any process may take the upload: only from the claim's
        await asyncio.to_thread(self.part.commit)  # durable BEFORE the offset acknowledges it
        advance = self.note.ride(_advance)
        if not await self.ctx.db.write(advance, self.ctx, self.session, self.upload, self.acked, end):
            raise Conflict("The upload changed meanwhile; ask HEAD for its offset.")
        fresh_uploads.forget(self.upload["id"])
        self.acked, self.acked_at = end, time.monotonic()
        self.acked_hash = self.file_hash.copy() if self.file_hash is not None else None

    async def _finish(self, last: list[bytes], chunk_hash: Any) -> int:
        """The body completes the file: its last bytes written, checked and stored as the blob, then attached."""
        try:
            image = await asyncio.to_thread(self._completed, last, chunk_hash)
        except (
            _ChunkMismatch,
            _ChunkDigestMismatch,
        ):  # the chunk alone is dropped (by `run`): the upload stays
            raise
        except RundunError:  # the file itself is refused: nothing of it is kept
            await self._terminate()
            raise
        fresh = fresh_uploads.lookup(self.session.run_id, self.upload["id"])
        upload = (self.upload["id"], self.acked, fresh)
        await photos.attach(self.ctx, self.session, image, upload=upload, note=self.note, stored=True)
        fresh_uploads.forget(self.upload["id"])
        self.acked = self.length
        if not self.ctx.media.discards_locally:  # else gone already, with the attach's commit
            await discard_part(self.ctx, self.upload["id"])
        # The slot's older uploads go. Only those still in memory are looked at unless the run had a stored
        # one when this request was authenticated: photos sent whole, several at once, cost no read. (An older
        # one stored since then was receiving bytes meanwhile, which `drop_superseded` leaves alone anyway.)
        stored = self.session.open_uploads != 0
        if stored or fresh_uploads.count(self.session.run_id):
            await drop_superseded(
                self.ctx, self.session, image.step_id, image.index, self.upload["created_at"], stored=stored
            )
        return self.length

    async def _terminate(self) -> None:
        self.acked = self.length  # nothing of it is kept
        await _forget(self.ctx, self.upload["id"])  # terminated: the client starts anew

    def _completed(self, last: list[bytes], chunk_hash: Any) -> photos.Image:
        """On a worker thread: the last bytes appended (a chunk whose Upload-Checksum or Content-Digest fails
        goes no further),
        then the finished file checked against the sha256 announced and like a `PUT` of the photo, and stored
        as the blob."""
        self._absorb(last, chunk_hash)
        refused = (
            self.expected.refusal(chunk_hash.digest(), finished=True) if self.expected is not None else None
        )
        if refused is not None:
            raise refused
        assert self.part is not None  # the file is complete: its bytes are in the part
        head, sha256 = _finish_part(self.part, self.file_hash, self.head)
        if self.upload["metadata"].get("sha256", sha256) != sha256:
            raise ChecksumMismatch(FILE_MISMATCH)
        image = photos.inspect_file(
            self.session.model,
            self.upload["step_id"],
            self.upload["photo_index"],
            head,
            self.length,
            sha256,
            self.upload["id"],
            self.upload["metadata"].get("taken_at"),
        )
        photos.store_blob(self.ctx, image)
        return image


def _finish_part(part: Part, file_hash: Any, head: bytes | None) -> tuple[bytes, str]:
    """The whole file assembled (durable once promoted to its blob, at the latest); its first bytes (for the
    image check: `head` when they were kept as they arrived, else read back) and its SHA-256 (hashed as it
    arrived, or read back once when the upload was resumed without its running hash)."""
    part.finish()
    if file_hash is None:
        file_hash = hashlib.sha256()
        for piece in part.read():
            file_hash.update(piece)
    return (head if head is not None else part.head(photos.HEAD_BYTES)), file_hash.hexdigest()


async def _next_message(receive: Receive, writer: _Writer) -> dict | None:
    """The next ASGI message, or None as soon as a newer PATCH supersedes this one (it cancels the wait:
    one task a message, where racing the message against the supersede event cost three and a wait)."""
    if writer.superseded.is_set():
        return None
    getting = writer.receiving = asyncio.ensure_future(receive())
    try:
        return await getting
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if writer.superseded.is_set() and not (task is not None and task.cancelling()):
            return None
        raise
    finally:
        writer.receiving = None


# -- one writer per upload ---------------------------------------------------------------------------------
@dataclass
class _Writer:
    db: GroupCommitWriter
    upload_id: str
    stale_s: float | None = None  # RUNDUN_UPLOAD_CLAIM_TIMEOUT: its claim goes to another process once this
    # one has been frozen that long
    slots: asyncio.Semaphore | None = None  # the process's connections for uploads (Context.upload_slots)
    slot_held: bool = False
    superseded: asyncio.Event = field(default_factory=asyncio.Event)
    done: asyncio.Event = field(default_factory=asyncio.Event)
    receiving: asyncio.Future | None = None  # its wait for the next part of the body
    claiming: asyncio.Future | None = None  # the upload's claim across processes, once asked for

    async def claimed(self) -> None:
        """Hold the upload's claim (asked for the first time, waited for up to SUPERSEDE_WAIT_S): 409 when
        another process still holds it. Shielded: a cancelled request must not drop a claim on its way
        (`_exclusive` gives it back once it has come)."""
        if self.claiming is None:
            await self._take_slot()
            self.claiming = asyncio.ensure_future(
                self.db.claim(f"upload:{self.upload_id}", SUPERSEDE_WAIT_S, stale_s=self.stale_s)
            )
        claim = await asyncio.shield(self.claiming)
        if claim is None:
            raise Conflict(BUSY)
        if claim.lost():
            raise ClaimLost(self.upload_id)

    async def _take_slot(self) -> None:
        """One of the process's connections for uploads (a claim holds its session while the bytes arrive),
        waited for up to SUPERSEDE_WAIT_S: else 503 with `Retry-After`, and the client sends again. Without
        this bound, a burst of uploads on one process took every connection PostgreSQL allows, and every
        process's requests were refused ("too many clients")."""
        if self.slots is None:
            return
        try:
            async with asyncio.timeout(SUPERSEDE_WAIT_S):
                await self.slots.acquire()
        except TimeoutError:
            raise ServiceUnavailable(
                UPLOADS_FULL, headers={"Retry-After": str(UPLOADS_FULL_RETRY_S)}
            ) from None
        self.slot_held = True

    def give_slot_back(self) -> None:
        if self.slot_held and self.slots is not None:
            self.slot_held = False
            self.slots.release()

    def held(self) -> Claim | None:
        """The upload's claim once taken (any thread may ask): the media store writes the part under it."""
        claiming = self.claiming
        if (
            claiming is None
            or not claiming.done()
            or claiming.cancelled()
            or claiming.exception() is not None
        ):
            return None
        return claiming.result()

    def supersede(self) -> None:
        self.superseded.set()
        if self.receiving is not None:
            self.receiving.cancel()


_writers: dict[str, _Writer] = {}


@contextlib.asynccontextmanager
async def _exclusive(ctx: Context, upload_id: str, claim_now: bool = True) -> AsyncIterator[_Writer]:
    """Be the only request touching this upload, superseding (stopping) one that is still at it in this
    process; one in another process (processes sharing a PostgreSQL database) is waited for, up to
    SUPERSEDE_WAIT_S, through the database's claim on the upload. Without `claim_now`, the caller takes
    the claim (`_Writer.claimed`) before it does anything another process could see."""
    while (current := _writers.get(upload_id)) is not None:
        current.supersede()
        try:  # asyncio.timeout, not wait_for: 3.11's wait_for can swallow a cancel
            async with asyncio.timeout(SUPERSEDE_WAIT_S):
                await current.done.wait()
        except TimeoutError:
            raise Conflict(BUSY) from None
    me = _Writer(ctx.db, upload_id, ctx.settings.upload_claim_timeout, ctx.upload_slots)
    _writers[upload_id] = me
    try:
        if claim_now:
            await me.claimed()
        yield me
    finally:
        if me.claiming is not None:
            _release_soon(me.claiming, me.give_slot_back)
        else:
            me.give_slot_back()
        if _writers.get(upload_id) is me:
            del _writers[upload_id]
        me.done.set()


@contextlib.asynccontextmanager
async def _held_if_idle(ctx: Context, upload_id: str) -> AsyncIterator[bool]:
    """Hold the upload as its writer (a request arriving for it meanwhile waits, as behind any) when no
    request is receiving it, in this process or in another (the database's claim, not waited for); yields
    whether it is held."""
    if upload_id in _writers:
        yield False
        return
    me = _writers[upload_id] = _Writer(ctx.db, upload_id)
    try:
        claim = await ctx.db.claim(f"upload:{upload_id}", 0)
        try:
            yield claim is not None
        finally:
            if claim is not None:
                await claim.release()
    finally:
        if _writers.get(upload_id) is me:
            del _writers[upload_id]
        me.done.set()


_releasing: set[asyncio.Task] = set()  # claims being given back (kept referenced until they are)


def _release_soon(claiming: asyncio.Future, then: Callable[[], None]) -> None:
    """Give the claim back once it has come, without the answer waiting for it (issue 16: on PostgreSQL a
    round trip at the end of every photo's request); a request for the same upload meanwhile waits for it
    as for any claim held. `then` once it is given back (its connection free again). A claim that has come
    is handed to a thread at once, not to a task: a task not yet started when its loop ends (a test's
    `asyncio.run` per request) never runs, and its claim stayed held."""
    if claiming.done() and not claiming.cancelled() and claiming.exception() is None:
        claim: Claim | None = claiming.result()
        if claim is None:
            then()
            return
        giving_back = asyncio.get_running_loop().run_in_executor(None, claim.release_now)
        giving_back.add_done_callback(lambda _: then())
        return

    async def release() -> None:
        try:
            claim: Claim | None = await claiming
        except Exception:  # noqa: BLE001 - never taken (the database unreachable): nothing to give back
            then()
            return
        try:
            if claim is not None:
                await claim.release()
        finally:
            then()

    task = asyncio.ensure_future(release())
    _releasing.add(task)
    task.add_done_callback(_releasing.discard)


BUSY = "Another request is still writing this upload; retry shortly."
UPLOADS_FULL = "This server process is receiving as many uploads as it may at once; send again shortly."
UPLOADS_FULL_RETRY_S = 2
TAKEN_OVER = "Another request took this upload over while this one was held up; ask HEAD for its offset."


def describe(upload: dict) -> dict[str, Any]:
    """HEAD's headers for an upload."""
    offset = upload["length"] if upload["status"] == "attached" else upload["upload_offset"]
    return {
        "Upload-Offset": str(offset),
        "Upload-Length": str(upload["length"]),
        "Upload-Metadata": encode_metadata(upload["metadata"]),
        "Cache-Control": "no-store",
    }
