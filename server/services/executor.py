"""The executor's session on a run: opening it (three identity modes), the `rde_` token that authorises
every later call, the checks every executor write repeats inside its transaction, and the resume state.

Answers live in `answering.py`, photos in `photos.py`, tus uploads in `tus.py`, complete/exit in
`closing.py`; they all build on `Session`, `guard` and `refresh` from here.
"""

from __future__ import annotations

import hmac
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from server import tdl
from server.clock import iso, now_iso, parse_iso
from server.errors import (
    BadRequest,
    RunAlreadyOpened,
    RunClosed,
    RunExpired,
    RunNotFound,
    Unauthorized,
    ValidationFailed,
)
from server.ids import EXECUTOR_TOKEN_PREFIX, derived_secret, new_secret, sha256_hex
from server.services import fresh_uploads, runs
from server.services.auth import bearer_token
from server.services.context import Context
from server.store import executor as store
from server.store import orgs as org_store
from server.store import runs as run_store
from server.tdl.progress import counts_alone, is_answered_with

EXECUTOR_TOKEN_RE = re.compile(r"^rde_[0-9a-f]{32}$")
MEMBER_TOKEN_RE = re.compile(r"^rdm_[0-9a-f]{32}$")
# An `at` up to this far ahead of the server's clock is kept as sent (small clock skew keeps the device's own
# order); further ahead it is clamped to the server's now + this, so a device with a wrong clock can still sync.
# Clamped to that limit and not to now, so the clamp keeps the order: an `at` past the limit still beats every
# `at` within it (clamped to now, 20:30 lost to a later 20:22 sent at 20:20), and two clamped ones are ordered
# as they arrive (an equal `at` is applied, as ever).
FUTURE_TOLERANCE = timedelta(minutes=5)
# An `at` as executors send it (UTC, "Z", maybe a fraction): its first 19 characters and "Z" are what `iso` makes
UTC_AT = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d{1,6})?Z", re.ASCII)


@dataclass(frozen=True)
class Session:
    """An authenticated executor: the run as read when the request arrived and the hash of its token."""

    run: dict  # without its snapshot: the steps are in `model`
    token_hash: str
    model: tdl.Template
    open_uploads: int | None = None  # the run's unfinished tus uploads, read with it for a tus request

    @property
    def run_id(self) -> str:
        return self.run["id"]

    def require_open(self) -> None:
        """Fail fast, before reading a large body, when the run no longer takes writes."""
        if self.run["status"] not in runs.OPEN:
            raise RunClosed(f"The run is already {self.run['status']}.")


async def authenticate(
    ctx: Context, run_id: str, authorization: str | None, *, open_uploads: bool = False
) -> Session:
    """The session behind `Authorization: Bearer rde_…` for this run: 404, then 410, then 401.
    `open_uploads`: count the run's unfinished uploads in the same read (a tus request)."""
    run = await runs.load_run(ctx, run_id, snapshot=False, open_uploads=open_uploads)
    uploads = run.pop("open_uploads", None)
    if run["status"] == "expired":
        raise RunExpired()
    token = bearer_token(authorization)
    if token is None or not EXECUTOR_TOKEN_RE.match(token):
        raise Unauthorized("Send the executor token from /open as 'Authorization: Bearer rde_…'.")
    token_hash = sha256_hex(token)
    if not _same_token(run, token_hash):
        raise Unauthorized("That executor token is not valid for this run.")
    return Session(
        run=run, token_hash=token_hash, model=ctx.db.read(runs.model_for, run), open_uploads=uploads
    )


def _same_token(run: dict, token_hash: str) -> bool:
    stored = run["executor_token_hash"]
    return stored is not None and hmac.compare_digest(stored, token_hash)


def guard(conn: sqlite3.Connection, ctx: Context, session: Session) -> dict:
    """Inside a write job: the run as it is now, still held by this token and still open; else raise."""
    return held(run_store.get_run(conn, session.run_id, snapshot=False), ctx, session)


def held(run: dict | None, ctx: Context, session: Session) -> dict:
    """`guard` of the run as a write job read it (without its snapshot)."""
    if run is None:
        raise RunNotFound()
    if not _same_token(run, session.token_hash):  # re-opened meanwhile: the old token stopped working
        raise Unauthorized("That executor token is not valid for this run.")
    if run["status"] == "expired" or runs.is_due(run, now_iso(), ctx.settings.offline_grace_hours):
        raise RunExpired()
    if run["status"] not in runs.OPEN:
        raise RunClosed(f"The run is already {run['status']}.")
    return run


def refresh(conn: sqlite3.Connection, run: dict, answers: dict[str, dict] | None = None) -> dict:
    """After a change: recompute progress, bump `updated_at`, move `pending` to `in_progress`. Returns progress."""
    if answers is None:
        answers = run_store.get_answers(conn, run["id"])
    model = runs.model_for(conn, run)
    progress = tdl.compute_progress(model, answers)
    runs.update_findings(conn, run, model, answers)
    fields: dict[str, Any] = {
        "progress_total": progress["total"],
        "progress_answered": progress["answered"],
        "progress_skipped": progress["skipped"],
        "updated_at": now_iso(),
    }
    if run["status"] == "pending":
        fields["status"] = "in_progress"
    run_store.update_run(conn, run["id"], fields)
    run.update(fields)
    return progress


def refresh_photos(
    conn: sqlite3.Connection,
    run: dict,
    model: tdl.Template,
    step_id: str,
    before: int,
    after: int,
    skipped: bool | None = None,
    into: dict | None = None,
) -> None:
    """After the photos of ONE step changed from `before` to `after`: `refresh`, but without re-reading every
    answer when nothing else can move (issue 16: it was most of a photo attach's time on a long run). A
    step that `counts_alone` changes the stored progress by its own answered state only; any other step
    (a condition reads it, it has one, it flags findings) takes the full recompute. `skipped`: whether
    the step is skipped, when the caller has read it already. `into`: the run's columns this job writes
    in one UPDATE of its own at its end; the changed columns are added there rather than written here
    (issue 16: a photo's attach and its device note each rewrote the run's row, every index of it)."""
    if not counts_alone(model, step_id):
        refresh(conn, run)
        return
    step = model.steps_by_id()[step_id]
    if skipped is None:
        skipped = store.step_skipped(conn, run["id"], step_id)
    was, now = is_answered_with(step, before, skipped), is_answered_with(step, after, skipped)
    fields: dict[str, Any] = {"updated_at": now_iso()}
    if was != now:
        fields["progress_answered"] = run["progress_answered"] + (1 if now else -1)
    if run["status"] == "pending":
        fields["status"] = "in_progress"
    if into is None:
        run_store.update_run(conn, run["id"], fields)
    else:
        into.update(fields)
    run.update(fields)


def parse_at(value: Any, path: str = "at") -> tuple[str, int]:
    """An executor's `at` as (ISO text, milliseconds), clamped when far in the future; 422 when not a time."""
    try:
        if not isinstance(value, str) or "T" not in value or len(value) > 64:
            raise ValueError
        when = parse_iso(value)
    except ValueError:
        raise ValidationFailed(
            "The time is not an ISO 8601 time.",
            details=[{"path": path, "message": "must be an ISO 8601 time such as 2026-05-22T08:31:00Z"}],
        ) from None
    limit = datetime.now(UTC) + FUTURE_TOLERANCE
    if when > limit:
        when = limit
    elif utc := UTC_AT.fullmatch(value):  # not formatted again: 250 in a /sync batch (issue 16)
        return f"{utc[1]}Z", int(when.timestamp() * 1000)
    return iso(when), int(when.timestamp() * 1000)


# -- opening -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Language:
    """What an open asks of the language: `{"language"}` in the body, else the `Accept-Language` header."""

    requested: str | None = None
    accept_language: str | None = None

    def choose(self, snapshot: dict, run_language: str) -> str:
        if self.requested is None:
            return tdl.negotiate_language(snapshot, self.accept_language, run_language)
        return runs.checked_language(snapshot, self.requested)


async def open_run(
    ctx: Context,
    run_id: str,
    authorization: str | None,
    name: str | None,
    email: str | None,
    language: Language | None = None,
    open_key: str | None = None,
) -> dict:
    """`POST /runs/{id}/open`: check the identity the template asks for, issue a fresh token, fire `run.opened`
    on the first open. Only a member can open again (their token replaces the old one); with `scope: org`
    only members of the run's org may open, whatever `identity_required` says.

    `open_key` (the request's `Idempotency-Key`, a secret the device keeps before it asks) makes the token
    derived from it rather than random: an open retried after its answer was lost (the network dropped it,
    the database died during the COMMIT) presents the same key, so the same token, and gets the run back as
    it is, with no second `run.opened`. Without it such a retry was 409 `run_already_opened` for ever, the
    executor locked out of a run they had opened. Only the token's hash is stored, as always."""
    token = _open_token(run_id, open_key)
    run = await runs.load_run(ctx, run_id)
    if run["status"] == "expired":
        raise RunExpired()
    if run["status"] not in runs.OPEN:
        raise RunClosed(f"The run is already {run['status']}.")
    chosen = (language or Language()).choose(run["snapshot"], run["language"])
    identity = _identity(ctx, run, authorization, name, email)
    run = await ctx.db.write(_open_job, run_id, identity, sha256_hex(token), ctx.settings.offline_grace_hours)
    return {
        **view(ctx, run),
        "executor_token": token,
        "template": tdl.resolve_template(run["snapshot"], chosen),
        "language": chosen,
        "languages": tdl.template_languages(run["snapshot"]),
    }


OPEN_KEY_LENGTHS = (32, 255)
OPEN_KEY_RE = re.compile(r"^[\x21-\x7e]+$")  # printable ASCII, no spaces


def _open_token(run_id: str, open_key: str | None) -> str:
    """A fresh random token, or the one `open_key` derives for this run. The key stands for the token (whoever
    holds it can open again), so it must be as hard to guess: at least 32 characters, a device's random."""
    if open_key is None:
        return new_secret(EXECUTOR_TOKEN_PREFIX)
    shortest, longest = OPEN_KEY_LENGTHS
    if not shortest <= len(open_key) <= longest or not OPEN_KEY_RE.match(open_key):
        raise ValidationFailed(
            "The Idempotency-Key header is not valid.",
            details=[
                {
                    "path": "Idempotency-Key",
                    "message": f"must be {shortest} to {longest} printable characters without spaces "
                    "(a random secret of the device, as it stands for the executor token)",
                }
            ],
        )
    return derived_secret(EXECUTOR_TOKEN_PREFIX, open_key, f"rundun-open:{run_id}")


def _identity(
    ctx: Context, run: dict, authorization: str | None, name: str | None, email: str | None
) -> dict:
    execution = ctx.db.read(runs.model_for, run).execution
    if execution.scope == "org" or execution.identity_required == "member":
        return {"mode": "member", "user_id": _member(ctx, run, authorization)}
    if execution.identity_required == "external":
        missing = [field for field, given in (("name", name), ("email", email)) if given is None]
        if missing:
            raise BadRequest(
                "This run asks the executor for a name and an email.",
                details=[{"path": field, "message": "is required"} for field in missing],
            )
        return {"mode": "external", "name": name, "email": email}
    return {"mode": "anonymous"}


def _member(ctx: Context, run: dict, authorization: str | None) -> str:
    token = bearer_token(authorization)
    if token is None or not MEMBER_TOKEN_RE.match(token):
        raise Unauthorized(
            "Only a member of the organisation may open this run: send 'Authorization: Bearer rdm_…'."
        )
    member = ctx.db.read(org_store.member_by_token_hash, sha256_hex(token))
    if member is None or member["org_id"] != run["org_id"]:
        raise Unauthorized("That member token is unknown, revoked, or of another organisation.")
    return member["user_id"]


def _open_job(
    conn: sqlite3.Connection, run_id: str, identity: dict, token_hash: str, grace_hours: float
) -> dict:
    run = run_store.get_run(conn, run_id)
    if run is None:
        raise RunNotFound()
    now = now_iso()
    if run["opened_at"] is not None and _same_token(run, token_hash):
        # The same open again (the same Idempotency-Key): the executor who opened the run, as for any of
        # their calls (the offline grace included); nothing changes and nothing fires.
        if run["status"] == "expired" or runs.is_due(run, now, grace_hours):
            raise RunExpired()
        return run
    if run["status"] == "expired" or (run["expires_at"] is not None and run["expires_at"] <= now):
        raise RunExpired("This run has expired; it can no longer be opened.")
    if run["status"] not in runs.OPEN:
        raise RunClosed(f"The run is already {run['status']}.")
    if run["opened_at"] is not None and run["executor_token_hash"] is None:
        # Its member was removed (`store.orgs.delete_member` ended their tokens): another member takes it
        # over, answers as they stand, and becomes `assigned_to` (the answers keep who gave them in `by`).
        _take(conn, run, identity, token_hash, now, {"previous_assigned_to": run["assigned_to"]})
    elif run["opened_at"] is not None:
        same_member = identity["mode"] == "member" and run["assigned_to"] == identity["user_id"]
        if not same_member:
            raise RunAlreadyOpened()
        run_store.update_run(conn, run_id, {"executor_token_hash": token_hash, "updated_at": now})
    else:
        _take(conn, run, identity, token_hash, now)
    fresh = run_store.get_run(conn, run_id)
    assert fresh is not None
    return fresh


def _take(
    conn: sqlite3.Connection,
    run: dict,
    identity: dict,
    token_hash: str,
    now: str,
    handed_over: dict | None = None,
) -> None:
    """The run becomes the opener's: their identity, `assigned_to` and token, and `run.opened`. Its first
    open sets `opened_at`; a run handed over (its opener was removed from the org: `handed_over` says who had
    it, as `previous_assigned_to`) keeps the first open's, and `run.opened` fires again with the new identity,
    so that a backend that keeps `assigned_to` learns who holds the run now."""
    assigned_to = identity["user_id"] if identity["mode"] == "member" else None
    opened_at = run["opened_at"] or now
    run_store.update_run(
        conn,
        run["id"],
        {
            "opened_at": opened_at,
            "executor_identity": identity,
            "assigned_to": assigned_to,
            "executor_token_hash": token_hash,
            "updated_at": now,
        },
    )
    data = {
        "status": run["status"],
        "opened_at": opened_at,
        "executor_identity": identity,
        "assigned_to": assigned_to,
    }
    runs.emit(conn, run, "run.opened", {**data, **(handed_over or {})})


# -- the resume state --------------------------------------------------------------------------------------
def view(ctx: Context, run: dict) -> dict:
    """What the executor needs to (re)start: status, answers, progress, stored photos, unfinished uploads."""
    answers = ctx.db.read(run_store.get_answers, run["id"])
    signature = answers.pop(runs.SIGNATURE_STEP, None)
    photos = ctx.db.read(run_store.get_photos, run["id"])
    return {
        "run_id": run["id"],
        "status": run["status"],
        "expires_at": run["expires_at"],
        "template_v": run["template_v"],
        "assigned_to": run["assigned_to"],
        "executor_identity": run["executor_identity"],
        "answers": runs.answers_document(ctx, run["id"], answers),
        "progress": runs.progress_of(run),
        "photos": [
            {
                "step_id": p["step_id"],
                "photo_index": p["photo_index"],
                "sha256": p["sha256"],
                "bytes": p["bytes"],
                "taken_at": p["taken_at"],
            }
            for p in photos
            if p["step_id"] != runs.SIGNATURE_STEP
        ],
        "signature": _signature_entry(ctx, run["id"], signature),
        "uploads": [
            {
                "url": f"/v1/runs/{run['id']}/uploads/{u['id']}",
                "step_id": u["step_id"],
                "photo_index": u["photo_index"],
                "offset": u["upload_offset"],
                "length": u["length"],
            }
            for u in ctx.db.read(store.open_uploads, run["id"]) + fresh_uploads.of_run(run["id"])
        ],
    }


def _signature_entry(ctx: Context, run_id: str, signature: dict | None) -> dict | None:
    if not signature or not signature["photos"]:
        return None
    return runs.answers_document(ctx, run_id, {runs.SIGNATURE_STEP: signature})[runs.SIGNATURE_STEP][
        "photos"
    ][0]


def public_answer(ctx: Context, run_id: str, step_id: str, answer: dict) -> dict:
    """One stored answer in the shape of the run document (photo rows become signed URLs)."""
    return runs.answers_document(ctx, run_id, {step_id: answer})[step_id]
