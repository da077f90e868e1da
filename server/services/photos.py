"""Photos and the signature: type by magic bytes, `Content-Digest`, the content-addressed blob store, and
attaching a checked image to (step, index) — the one path both `PUT …/photos/{index}` and a finished tus
upload take.

Blobs live in the media store (`server.media`: files, PostgreSQL chunks or S3), content-addressed by SHA-256,
stored durably BEFORE the row that names them commits. A blob is deleted only by a write job that has just
seen no row use it; an attach job checks in its own write job that its blob is still there (and stores it
again if that check lost a race); both take the blob's lock first (`store.lock_blob`: the writer thread on
one process, an advisory lock across processes), so a blob still referenced is never deleted. A `remote`
store (S3), whose checks and deletes are network calls, is never called in a write job: the attach and the
delete hold the blob's claim around them instead (`blob_claim`, `_attach_remote`, `collect_unused`).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import functools
import hashlib
import re
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass

from server import tdl
from server.clock import now_iso
from server.errors import BadRequest, Conflict, NotFound, RundunError, UnsupportedMediaType, ValidationFailed
from server.media import Blob, MediaStore
from server.services import device, media
from server.services.context import Context
from server.services.executor import Session, guard, held, refresh_photos
from server.store import executor as store
from server.store import history
from server.store import runs as run_store
from server.store.writer import after_commit
from server.tdl.photos import PNG

DIGEST_RE = re.compile(r"(?:^|,)\s*sha-256\s*=\s*:([^:]*):", re.IGNORECASE)
DIGEST_MEMBER = re.compile(r"\s*[a-z][a-z0-9_.*-]*\s*=\s*:[A-Za-z0-9+/]*=*:\s*", re.IGNORECASE)  # RFC 9530
ATTACH_ATTEMPTS = 3
sniff = tdl.sniff_image  # the one rule for what an image is, shared with the desktop's executor


def check_digest(header: str | None, data: bytes) -> None:
    """RFC 9530 `Content-Digest: sha-256=:<base64>:`; other algorithms alone are ignored. Mismatch → 400."""
    expected = expected_digest(header)
    if expected is not None and expected != hashlib.sha256(data).digest():
        raise digest_mismatch()


def expected_digest(header: str | None) -> bytes | None:
    """The SHA-256 a `Content-Digest` header announces for the body (a photo's, or a tus chunk's), or None
    when there is none to check (no header, or a well-formed digest by another algorithm alone); a malformed
    one is refused (400) before any byte is read."""
    if header is None:
        return None
    match = DIGEST_RE.search(header)
    if match is None:
        # A header that is no list of `algorithm=:<base64>:` (`garbage`) was ignored and the photo stored:
        # neither verified nor refused. Only a well-formed digest by another algorithm alone is ignored.
        if "sha-256" in header.lower() or not all(DIGEST_MEMBER.fullmatch(m) for m in header.split(",")):
            raise _bad_digest("Content-Digest is malformed; send sha-256=:<base64>:.")
        return None
    try:
        expected = base64.b64decode(match.group(1), validate=True)
    except (binascii.Error, ValueError):
        raise _bad_digest("Content-Digest's sha-256 is not valid base64.") from None
    if len(expected) != hashlib.sha256().digest_size:  # matches no body: said as malformed, not as a mismatch
        raise _bad_digest("Content-Digest's sha-256 is not 32 bytes; send sha-256=:<base64>:.")
    return expected


def digest_mismatch(error: type[BadRequest] = BadRequest) -> RundunError:
    return _bad_digest("Content-Digest does not match the body; nothing was stored.", error)


def _bad_digest(message: str, error: type[BadRequest] = BadRequest) -> RundunError:
    return error(message, details=[{"path": "Content-Digest", "message": message}])


def photo_limit(model: tdl.Template, step_id: str, index: int) -> bool:
    """Check that (step, index) may hold a photo (422 otherwise); True when only a PNG may go there."""
    limit = tdl.photo_capacity(model, step_id)
    if limit is None:
        raise _invalid("step_id", f"'{step_id}' is not a step of this template")
    if limit == 0:
        raise _invalid("step_id", f"step '{step_id}' takes no photos")
    if not 0 <= index < limit:
        raise _invalid("photo_index", f"must be from 0 to {limit - 1} for this step")
    return tdl.takes_png_only(model, step_id)


def _invalid(path: str, message: str) -> RundunError:
    return ValidationFailed("This step cannot take that photo.", details=[{"path": path, "message": message}])


HEAD_BYTES = tdl.IMAGE_HEAD_BYTES


@dataclass(frozen=True)
class Image:
    """A checked image, ready to store: its bytes in memory (a PUT) or in the media store already (a finished
    tus upload, whose part becomes the blob: a hard link, a copy inside the database, an S3 copy)."""

    step_id: str
    index: int
    sha256: str
    content_type: str
    size: int
    data: bytes | None = None
    upload_id: str | None = None
    taken_at: str | None = None  # when the device took it (tus `Upload-Metadata: taken_at`), in UTC


def inspect(model: tdl.Template, step_id: str, index: int, data: bytes, digest: str | None = None) -> Image:
    """Every check of SPEC §5 in order: slot (422), digest (400), magic bytes (415)."""
    png_only = photo_limit(model, step_id, index)
    check_digest(digest, data)
    content_type = _image_type(data[:HEAD_BYTES], png_only)
    return Image(step_id, index, hashlib.sha256(data).hexdigest(), content_type, len(data), data=data)


def inspect_file(
    model: tdl.Template,
    step_id: str,
    index: int,
    head: bytes,
    size: int,
    sha256: str,
    upload_id: str,
    taken_at: str | None = None,
) -> Image:
    """The same checks for a file already stored and hashed as it arrived (`head`: its first HEAD_BYTES)."""
    png_only = photo_limit(model, step_id, index)
    content_type = _image_type(head, png_only)
    return Image(step_id, index, sha256, content_type, size, upload_id=upload_id, taken_at=taken_at)


def _image_type(head: bytes, png_only: bool) -> str:
    content_type = sniff(head)
    if content_type is None:
        raise UnsupportedMediaType("The body is not a JPEG, PNG, WebP, HEIC or HEIF image.")
    if png_only and content_type != PNG:
        raise UnsupportedMediaType("A signature must be a PNG image.")
    return content_type


# -- the blob store ----------------------------------------------------------------------------------------
def store_blob(ctx: Context, image: Image) -> None:
    """Durably store the image's bytes in the media store (a finished upload's part becomes the photo)."""
    if image.upload_id is not None:
        ctx.media.promote(image.upload_id, image.sha256)
    else:
        assert image.data is not None
        ctx.media.put_blob(image.sha256, image.data)


async def collect_unused(ctx: Context, shas: list[str]) -> None:
    """Delete the blobs no photo row uses any more. A store whose checks are network calls (S3: `remote`)
    is never called from a write job: each blob is deleted under its claim (`blob_claim`), after a read
    that finds no row using it (an attach holds the same claim from before it stores the blob until its
    row commits, so the read sees that row, or no attach is under way)."""
    if not ctx.media.remote:
        await ctx.db.write(collect, ctx.media, shas)
        return
    for sha in sorted(set(shas)):
        async with blob_claim(ctx, sha):
            if not await ctx.db.read_async(store.blob_in_use, sha):
                await asyncio.to_thread(ctx.media.delete_blob, None, sha)


BLOB_CLAIM_WAIT_S = 60.0  # a claim is held for one blob's PUT and one write job: seconds at worst
_blob_locks: dict[tuple[asyncio.AbstractEventLoop, str], asyncio.Lock] = {}


@contextlib.asynccontextmanager
async def blob_claim(ctx: Context, sha256: str) -> AsyncIterator[None]:
    """This caller alone, among this process's (a lock) and every process's (the database's claim), may
    store, attach or delete the blob `sha256` while the block runs."""
    key = (asyncio.get_running_loop(), sha256)
    lock = _blob_locks.setdefault(key, asyncio.Lock())
    try:
        async with lock:
            claim = await ctx.db.claim(f"blob:{sha256}", BLOB_CLAIM_WAIT_S)
            if claim is None:
                raise Conflict("Another request is still storing this photo; retry shortly.")
            try:
                yield
            finally:
                await claim.release()
    finally:
        if not lock.locked() and _blob_locks.get(key) is lock:
            del _blob_locks[key]


def collect(conn: sqlite3.Connection, media_store: MediaStore, shas: list[str]) -> None:
    """A write job: delete the blobs no photo row uses any more (serialised with every attach, on one
    process by the writer thread, across processes by the blob's lock)."""
    for sha in sorted(set(shas)):
        store.lock_blob(conn, sha, exclusive=True)
        if not store.blob_in_use(conn, sha):
            media_store.delete_blob(conn, sha)


class BlobMissing(Exception):
    """The blob vanished between writing it and the attach job (a collect won the race); write it again."""


def served_photo(ctx: Context, run_id: str, step_id: str, filename: str) -> tuple[Blob, dict]:
    """The stored photo and photo row behind a media URL's `{index}.{ext}`, or 404 when there is none (the
    extension must match the stored type, and the media store must still hold the photo)."""
    index, _, ext = filename.partition(".")
    photo = ctx.db.read(store.get_photo, run_id, step_id, int(index)) if index.isdigit() else None
    if photo is None or media.EXTENSIONS.get(photo["content_type"]) != ext:
        raise NotFound("There is no such photo.")
    blob = ctx.media.open_blob(photo["sha256"])
    if blob is None:
        raise NotFound("There is no such photo.")
    return blob, photo


# -- attaching ---------------------------------------------------------------------------------------------
async def attach(
    ctx: Context,
    session: Session,
    image: Image,
    upload: tuple[str, int, dict | None] | None = None,
    note: device.Note | None = None,
    stored: bool = False,
) -> dict:
    """Store the blob (unless `stored` already), then attach it to (step, index) in one write job; returns the
    attached photo's row (`described` makes it the API's `{photo_index, url, …}`: not for a tus upload, whose
    answer has no body, issue 16: signing its URL was 4% of the server's Python in a drain of photos). With
    `upload` (id, offset it started from, its row when not stored yet: a photo sent whole in one PATCH) the
    same job writes or marks that tus upload finished; with `note`, the request's device note rides in it
    too."""
    job = functools.partial(_attach_job, note=note)
    if ctx.media.remote:
        photo, replaced = await _attach_remote(ctx, job, session, image, upload, stored)
    else:
        photo, replaced = await _attach_local(ctx, job, session, image, upload, stored)
    if replaced:
        await collect_unused(ctx, [replaced])
    return photo


async def _attach_local(ctx: Context, job, session: Session, image: Image, upload, stored: bool) -> tuple:
    """The store's checks are cheap (a file, a row): the attach job itself checks that the blob is there."""
    for attempt in range(ATTACH_ATTEMPTS):
        if attempt or not stored:  # again after a BlobMissing: the blob went meanwhile
            await asyncio.to_thread(store_blob, ctx, image)
        try:
            photo, replaced = await ctx.db.write(job, ctx, session, image, upload)
            break
        except BlobMissing:
            if attempt == ATTACH_ATTEMPTS - 1:
                raise
        except RundunError:  # e.g. the run closed meanwhile: the blob written for nothing goes if unused
            await collect_unused(ctx, [image.sha256])
            raise
    return photo, replaced


async def _attach_remote(ctx: Context, job, session: Session, image: Image, upload, stored: bool) -> tuple:
    """S3: the existence check and the store are network calls, made here, never on the writer thread (a
    write job waiting on S3 holds up every write of the process). Under the blob's claim from before the
    blob is checked or stored until the row commits, no collect can delete it in between, so the job
    needs no check of its own."""
    try:
        async with blob_claim(ctx, image.sha256):
            if not stored or await asyncio.to_thread(ctx.media.has_blob, image.sha256) is None:
                await asyncio.to_thread(store_blob, ctx, image)
            return await ctx.db.write(job, ctx, session, image, upload)
    except RundunError:  # e.g. the run closed meanwhile: the blob written for nothing goes if unused
        await collect_unused(ctx, [image.sha256])
        raise


def _attach_job(
    conn: sqlite3.Connection,
    ctx: Context,
    session: Session,
    image: Image,
    upload,
    note: device.Note | None = None,
) -> tuple:
    store.lock_blob(conn, image.sha256, exclusive=False)  # held once the reads below are answered
    view = store.attach_view(conn, session.run_id, image.step_id, image.index, upload and upload[0])
    run = held(view.run, ctx, session)
    changed: dict = {}  # the run's columns the attach changes: one UPDATE, the device note's when it writes
    result = _attach_held(conn, ctx, session, image, upload, view, run, changed)
    # The note takes the run as this job holds it (its writes keep it current): no read of its own.
    wrote_run = note is not None and note.write(conn, run, also=changed)
    if changed and not wrote_run:
        run_store.update_run(conn, run["id"], changed)
    return result


def _attach_held(
    conn: sqlite3.Connection,
    ctx: Context,
    session: Session,
    image: Image,
    upload,
    view: store.AttachView,
    run: dict,
    changed: dict,
) -> tuple:
    """The attach, once the run is read and held open; returns (the photo, the SHA-256 it replaced). The
    run's columns it changes are left in `changed` for the caller to write (see `refresh_photos`)."""
    if not ctx.media.remote and not ctx.media.blob_present(conn, image.sha256):  # remote: see _attach_remote
        raise BlobMissing()
    if upload is not None:
        if ctx.media.discards_locally:  # the part goes once this commits (else `tus` discards it after)
            after_commit(conn, ctx.media.discard, upload[0])
        row = view.upload
        if row is None and upload[2] is not None and upload[1] == 0:
            # Its first commit (see fresh_uploads), with the whole photo: its row is written finished.
            store.create_upload(conn, upload[2], attached_sha=image.sha256)
        elif row is None:
            raise NotFound("No such upload.")
        elif row["status"] == "attached":  # attached already: a retry changes nothing
            photo = store.get_photo(conn, run["id"], row["step_id"], row["photo_index"])
            if photo is None:
                raise NotFound("This upload finished; its photo has been removed since.")
            return photo, None
        elif row["upload_offset"] != upload[1]:
            raise BadRequest("The upload moved on meanwhile; ask HEAD for its offset.")
        else:
            store.finish_upload(conn, upload[0], image.sha256)
    if (
        view.step_skipped
        and image.step_id != tdl.SIGNATURE_STEP
        and tdl.takes_png_only(session.model, image.step_id)
    ):
        # A skipped step's signature would be stored beside "skipped" (the browser's pad stayed active).
        raise ValidationFailed(
            "This step is skipped: it takes no signature. Answer it again to sign.",
            details=[{"path": "step_id", "message": f"step '{image.step_id}' is skipped"}],
        )
    previous = view.previous
    if previous is not None and previous["sha256"] == image.sha256:
        return previous, None
    photo = {
        "step_id": image.step_id,
        "photo_index": image.index,
        "sha256": image.sha256,
        "bytes": image.size,
        "content_type": image.content_type,
        "created_at": now_iso(),
        "taken_at": image.taken_at,
    }
    before = view.step_photos
    store.put_photo(conn, run["id"], photo)
    history.append(conn, run["id"], [attached_entry(photo)])
    after = before + (previous is None)
    refresh_photos(conn, run, session.model, image.step_id, before, after, view.step_skipped, changed)
    return photo, previous["sha256"] if previous else None


def attached_entry(photo: dict) -> dict:
    """The history entry of a photo (or the signature) attached."""
    signature = photo["step_id"] == tdl.SIGNATURE_STEP
    return {
        "kind": "signature" if signature else "photo_attached",
        "step_id": None if signature else photo["step_id"],
        "value": {"photo_index": photo["photo_index"], "sha256": photo["sha256"], "bytes": photo["bytes"]},
    }


def described(ctx: Context, run_id: str, photo: dict) -> dict:
    return {
        "photo_index": photo["photo_index"],
        "url": media.signed_url(ctx, run_id, photo["step_id"], photo["photo_index"], photo["content_type"]),
        "sha256": photo["sha256"],
        "bytes": photo["bytes"],
        "taken_at": photo.get("taken_at"),
    }


async def put_photo(
    ctx: Context, session: Session, step_id: str, index: int, data: bytes, digest: str | None
) -> dict:
    session.require_open()
    image = await asyncio.to_thread(inspect, session.model, step_id, index, data, digest)
    return described(ctx, session.run_id, await attach(ctx, session, image))


async def delete_photo(ctx: Context, session: Session, step_id: str, index: int) -> None:
    session.require_open()
    photo_limit(session.model, step_id, index)
    sha = await ctx.db.write(_delete_job, ctx, session, step_id, index)
    await collect_unused(ctx, [sha])


def _delete_job(conn: sqlite3.Connection, ctx: Context, session: Session, step_id: str, index: int) -> str:
    run = guard(conn, ctx, session)
    photo = store.get_photo(conn, run["id"], step_id, index)
    if photo is None:
        raise NotFound("There is no photo at that index.")
    before = store.count_step_photos(conn, run["id"], step_id)
    store.delete_photo(conn, run["id"], step_id, index)
    history.append(
        conn, run["id"], [{"kind": "photo_removed", "step_id": step_id, "value": {"photo_index": index}}]
    )
    refresh_photos(conn, run, session.model, step_id, before, before - 1)
    return photo["sha256"]
