"""Run rules: dispatch with quota, the run document, expiry, cancellation, the public preview."""

from __future__ import annotations

import math
import sqlite3
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from server import tdl
from server.clock import iso, iso_at, now_iso, parse_iso, utcnow
from server.errors import RunClosed, RundunError, RunExpired, RunNotFound, TemplateNotFound, ValidationFailed
from server.ids import new_ids
from server.services import media, orgs
from server.services.context import Context
from server.services.model_cache import SizedLru
from server.services.ssrf import webhook_url_problem
from server.services.templates import model_of_json, snapshot_json
from server.store import events as event_store
from server.store import runs as run_store
from server.store import templates as template_store
from server.store.device import device_of

OPEN = tdl.OPEN_STATUSES
UNSET = object()


# -- dispatch ----------------------------------------------------------------------------------------------
def check_webhook(webhook: dict | None, allow_private: bool) -> dict | None:
    """Normalise a dispatch's webhook config (events default to all) or raise 422 naming the field."""
    if webhook is None:
        return None
    problem = webhook_url_problem(webhook["url"], allow_private)
    if problem:
        raise ValidationFailed(
            "The webhook URL is not allowed.", details=[{"path": "webhook.url", "message": problem}]
        )
    events = webhook.get("events")
    return {
        "url": webhook["url"],
        "secret": webhook.get("secret"),
        "events": list(dict.fromkeys(events)) if events is not None else list(event_store.EVENT_TYPES),
    }


@dataclass(frozen=True)
class DispatchRequest:
    org_id: str
    template_id: str
    executor_ref: str | None
    webhook: dict | None  # as `check_webhook` returns it
    expires_in_hours: float | None | object  # UNSET: the org's default
    base_url: str
    language: str | None = None  # one of the template's languages; None: its first (SPEC §15)


def dispatch(conn: sqlite3.Connection, request: DispatchRequest) -> dict:
    """One dispatch in the caller's write job (the idempotent path); raises what `dispatch_many` returns."""
    outcome = dispatch_many(conn, [request])[0]
    if isinstance(outcome, RundunError):
        raise outcome
    return outcome


def dispatch_many(conn: sqlite3.Connection, requests: list[DispatchRequest]) -> list[dict | RundunError]:
    """Create a run per request, in one write job (see `Database.write_grouped`): each is checked in order
    as if alone (its template live and the org's, the quota charged) and fails alone; then all the new runs
    and the usage are written in a statement or two. A run's snapshot is its template's current version,
    kept by reference (versions never change). Returns per request its document or its error."""
    now = int(time.time())  # second precision, as the API's times
    quota = orgs.Quota(conn)
    facts_of: dict[tuple[str, str], sqlite3.Row | None] = {}
    runs: list[dict] = []
    outcomes: list[dict | RundunError] = []
    run_ids = iter(new_ids("r", len(requests)))
    for request in requests:
        key = (request.org_id, request.template_id)
        if key not in facts_of:
            facts_of[key] = run_store.dispatch_facts(conn, *key)
        facts = facts_of[key]
        try:
            if facts is None:
                raise TemplateNotFound()
            language = _run_language(conn, request, facts["v"])
            quota.charge(facts)
        except RundunError as exc:
            outcomes.append(exc)
            continue
        hours = (
            facts["default_expires_in_hours"]
            if request.expires_in_hours is UNSET
            else request.expires_in_hours
        )
        # Rounded UP to the second (documents show seconds): cut down, a link lived up to a second less than
        # asked, and `expires_in_hours: 0.0001` made a run expired on arrival (`expires_at` == `created_at`).
        # At least a second: `1e-300` hours is > 0 but vanishes in the float sum, and `now` is whole.
        expires_at = (
            iso_at(max(now + 1, math.ceil(now + float(hours) * 3600)))  # type: ignore[arg-type]
            if hours is not None
            else None
        )
        run = {
            "id": next(run_ids),
            "org_id": request.org_id,
            "template_id": request.template_id,
            "template_v": facts["v"],
            "template_name": facts["name"],
            "executor_ref": request.executor_ref,
            "webhook": request.webhook,
            "created_at": iso_at(now),
            "expires_at": expires_at,
            "progress_total": _initial_total(conn, request.template_id, facts["v"]),
            "language": language,
        }
        runs.append(run)
        outcomes.append(
            {
                "run_id": run["id"],
                "link": f"{request.base_url}/r/{run['id']}",
                "expires_at": expires_at,
                "assigned_to": None,
            }
        )
    quota.write()
    run_store.insert_runs(conn, runs)
    return outcomes


def _run_language(conn: sqlite3.Connection, request: DispatchRequest, v: int) -> str:
    """The language a dispatch asks for, checked against the template version's (422 when it has not it)."""
    model = version_model(conn, request.template_id, v)
    if request.language is None:
        return tdl.template_languages(model)[0]
    return checked_language(model, request.language)


def checked_language(template: Any, language: str) -> str:
    """`language`, when the template (a model or a snapshot) is written in it; else 422 at `language`.
    A dispatch's `language` and an open's are checked alike."""
    problem = tdl.language_choice_problem(template, language)
    if problem:
        raise ValidationFailed(
            "The template is not written in that language.",
            details=[{"path": "language", "message": problem}],
        )
    return language


_totals: dict[tuple[str, int], int] = {}


def _initial_total(conn: sqlite3.Connection, template_id: str, v: int) -> int:
    """Steps counted in a fresh run's progress; fixed per template version, so computed once."""
    key = (template_id, v)
    if key not in _totals:
        if len(_totals) > 4096:
            _totals.clear()
        _totals[key] = tdl.compute_progress(version_model(conn, template_id, v), {})["total"]
    return _totals[key]


# -- expiry ------------------------------------------------------------------------------------------------
def is_due(run: dict, now: str, grace_hours: float) -> bool:
    """Unopened runs expire at `expires_at`; opened ones stay for their executor for the offline grace."""
    if run["status"] not in OPEN or run["expires_at"] is None:
        return False
    if run["opened_at"] is None:
        return run["expires_at"] <= now
    return iso(parse_iso(run["expires_at"]) + timedelta(hours=grace_hours)) <= now


def expire(conn: sqlite3.Connection, run_id: str, grace_hours: float) -> bool:
    """Expire one run if it is still due (checked again inside the write); fire `run.expired` once."""
    run = run_store.get_run(conn, run_id)
    now = now_iso()
    if run is None or not is_due(run, now, grace_hours):
        return False
    run_store.update_run(
        conn, run_id, {"status": tdl.RunStatus.EXPIRED, "updated_at": now, "closed_reason": "expired"}
    )
    emit(conn, run, "run.expired", {"status": tdl.RunStatus.EXPIRED})
    return True


def sweep(conn: sqlite3.Connection, grace_hours: float) -> int:
    now = utcnow()
    cutoff = iso(now - timedelta(hours=grace_hours))
    return sum(
        expire(conn, run_id, grace_hours) for run_id in run_store.due_for_expiry(conn, iso(now), cutoff)
    )


async def expire_due_in_org(ctx: Context, org_id: str) -> None:
    """Expire the org's due runs now, before a listing shows them: the sweeper passes only every
    `sweep_interval` seconds, and a run that `GET /v1/runs/{id}` calls expired must not be listed (or
    counted) as pending meanwhile. One indexed read when nothing is due."""
    grace = ctx.settings.offline_grace_hours
    now = utcnow()
    due = ctx.db.read(run_store.due_for_expiry, iso(now), iso(now - timedelta(hours=grace)), org_id=org_id)
    if due:
        await ctx.db.write(lambda conn: [expire(conn, run_id, grace) for run_id in due])


async def load_run(
    ctx: Context, run_id: str, org_id: str | None = None, *, snapshot: bool = True, open_uploads: bool = False
) -> dict:
    """A run, expired on the spot when it is due (every access checks), or `RunNotFound`. Without its
    snapshot when `snapshot` is False (use `model_for` for the steps); `open_uploads`: see `get_run`."""
    shape = {"snapshot": snapshot, "open_uploads": open_uploads}
    run = ctx.db.read(run_store.get_run, run_id, org_id, **shape)
    if run is None:
        raise RunNotFound()
    if is_due(run, now_iso(), ctx.settings.offline_grace_hours):
        await ctx.db.write(expire, run_id, ctx.settings.offline_grace_hours)
        run = ctx.db.read(run_store.get_run, run_id, org_id, **shape)
        assert run is not None
    return run


# Parsed versions kept: about 100 MB of models at most (they take up to 25× their JSON), and as many as
# 1,024 of the usual templates of a few KB.
MODELS_KEPT, MODELS_JSON_BYTES = 1024, 4 << 20
_models: SizedLru[tdl.Template] = SizedLru(entries=MODELS_KEPT, weight=MODELS_JSON_BYTES)


def version_model(conn: sqlite3.Connection, template_id: str, v: int) -> tdl.Template:
    """The TDL model of a template version, cached: a version never changes, and runs of it share it."""
    key = (template_id, v)
    model = _models.get(key)
    if model is None:
        document = template_store.version_document(conn, template_id, v)
        if document is None:
            raise TemplateNotFound()
        text = snapshot_json(document)
        model = model_of_json(text)
        _models.put(key, model, weight=len(text))
    return model


def model_for(conn: sqlite3.Connection, run: dict) -> tdl.Template:
    """The TDL model of a run's snapshot, which is its template version verbatim: executor requests neither
    decode nor re-validate it (`run` may come without its snapshot)."""
    return version_model(conn, run["template_id"], run["template_v"])


# -- documents ---------------------------------------------------------------------------------------------
def progress_of(run: dict) -> dict:
    return {
        "total": run["progress_total"],
        "answered": run["progress_answered"],
        "skipped": run["progress_skipped"],
    }


def summary(run: dict) -> dict:
    return {
        "run_id": run["id"],
        "status": run["status"],
        "template_id": run["template_id"],
        "template_v": run["template_v"],
        "template_name": run["template_name"],
        "executor_ref": run["executor_ref"],
        "created_at": run["created_at"],
        "updated_at": run["updated_at"],
        "opened_at": run["opened_at"],
        "completed_at": run["completed_at"],
        "expires_at": run["expires_at"],
        "assigned_to": run["assigned_to"],
        "executor_identity": run["executor_identity"],
        "cancel_reason": run["closed_reason"] if run["status"] == tdl.RunStatus.CANCELLED else None,
        "progress": progress_of(run),
        "flagged": run["flagged"],
        "language": run["language"],
        "device": device_of(run),
    }


def answers_document(ctx: Context, run_id: str, answers: dict[str, dict]) -> dict:
    """The public answers map: photo rows become signed URLs."""
    out = {}
    for step_id, answer in answers.items():
        out[step_id] = {
            "value": answer["value"],
            "photos": [
                {
                    "photo_index": p["photo_index"],
                    "url": media.signed_url(ctx, run_id, step_id, p["photo_index"], p["content_type"]),
                    "sha256": p["sha256"],
                    "bytes": p["bytes"],
                    "taken_at": p.get("taken_at"),
                }
                for p in answer["photos"]
            ],
            "geo": answer["geo"],
            "at": answer["at"],
            "by": answer["by"],
            "skipped": answer["skipped"],
            "flagged": answer.get("flagged", False),
        }
    return out


def run_document(ctx: Context, run: dict, answers: dict[str, dict], include_template: bool = False) -> dict:
    doc = summary(run)
    signature = answers.pop(SIGNATURE_STEP, None)
    doc["answers"] = answers_document(ctx, run["id"], answers)
    doc["signature"] = (
        answers_document(ctx, run["id"], {SIGNATURE_STEP: signature})[SIGNATURE_STEP]["photos"][0]
        if signature and signature["photos"]
        else None
    )
    if include_template:
        doc["template"] = run["snapshot"]
    return doc


SIGNATURE_STEP = tdl.SIGNATURE_STEP


async def get_document(ctx: Context, org_id: str, run_id: str, include_template: bool) -> dict:
    run, answers = await ctx.db.read_hot(run_store.get_run_and_answers, run_id, org_id)
    if run is None or include_template or is_due(run, now_iso(), ctx.settings.offline_grace_hours):
        run = await load_run(ctx, run_id, org_id)
    return run_document(ctx, run, answers, include_template)


def preview(run: dict, org_name: str, accept_language: str | None = None) -> dict:
    """The public preview in the language `Accept-Language` asks for among the template's (else the run's)."""
    if run["status"] == tdl.RunStatus.EXPIRED:
        raise RunExpired()
    snapshot = run["snapshot"]  # `load_run` with its snapshot
    language = tdl.negotiate_language(snapshot, accept_language, run["language"])
    return {
        "run_id": run["id"],
        "status": run["status"],
        "template_name": tdl.resolve_template(snapshot, language)["name"],
        "language": language,
        "languages": tdl.template_languages(snapshot),
        "step_count": run["progress_total"],
        "created_by_name": org_name,
        "expires_at": run["expires_at"],
    }


# -- findings ----------------------------------------------------------------------------------------------
def update_findings(
    conn: sqlite3.Connection, run: dict, model: tdl.Template, answers: dict[str, dict]
) -> int:
    """After answers changed: mark each stored answer `flagged` or not and store the run's count of visible
    steps holding a finding (server.tdl decides); `answers` and `run` are updated in place. Returns the count."""
    findings = tdl.finding_step_ids(model, answers)
    changed = {}
    for step_id, answer in answers.items():
        mark = step_id in findings
        if answer.get("flagged") is not mark:
            answer["flagged"] = mark
            changed[step_id] = mark
    run_store.set_flags(conn, run["id"], len(findings), changed)
    run["flagged"] = len(findings)
    return len(findings)


# -- state changes -----------------------------------------------------------------------------------------
def emit(conn: sqlite3.Connection, run: dict, event: str, data: dict) -> dict:
    return event_store.emit(
        conn,
        org_id=run["org_id"],
        run_id=run["id"],
        event=event,
        data={"executor_ref": run["executor_ref"], "language": run["language"], **data},
        webhook=run["webhook"],
    )


def cancel(conn: sqlite3.Connection, org_id: str, run_id: str, reason: str) -> None:
    """Close an unfinished run as `cancelled`; a finished (or expired) one is `run_closed`."""
    run = run_store.get_run(conn, run_id, org_id)
    if run is None:
        raise RunNotFound()
    if run["status"] not in OPEN:
        raise RunClosed(f"The run is already {run['status']}.")
    now = now_iso()
    run_store.update_run(
        conn, run_id, {"status": tdl.RunStatus.CANCELLED, "closed_reason": reason, "updated_at": now}
    )
    emit(conn, run, "run.cancelled", {"status": tdl.RunStatus.CANCELLED, "reason": reason})
