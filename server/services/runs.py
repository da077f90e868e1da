"""Run rules: dispatch with quota, the run document, expiry, cancellation, the public preview."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from server import tdl
from server.clock import iso, now_iso, parse_iso, utcnow
from server.errors import RunClosed, RunExpired, RunNotFound, TemplateNotFound, ValidationFailed
from server.ids import new_id
from server.services import media, orgs
from server.services.context import Context
from server.services.ssrf import webhook_url_problem
from server.services.templates import model_of
from server.store import events as event_store
from server.store import orgs as org_store
from server.store import runs as run_store
from server.store import templates as template_store

OPEN = ("pending", "in_progress")
UNSET = object()


# -- dispatch ----------------------------------------------------------------------------------------------
def check_webhook(webhook: dict | None, allow_private: bool) -> dict | None:
    """Normalise a dispatch's webhook config (events default to all) or raise 422 naming the field."""
    if webhook is None:
        return None
    problem = webhook_url_problem(webhook["url"], allow_private)
    if problem:
        raise ValidationFailed("The webhook URL is not allowed.", details=[{"path": "webhook.url", "message": problem}])
    events = webhook.get("events")
    return {
        "url": webhook["url"],
        "secret": webhook.get("secret"),
        "events": list(dict.fromkeys(events)) if events is not None else list(event_store.EVENT_TYPES),
    }


def dispatch(
    conn: sqlite3.Connection,
    org_id: str,
    template_id: str,
    *,
    executor_ref: str | None,
    webhook: dict | None,
    expires_in_hours: float | None | object,
    base_url: str,
) -> dict:
    """Snapshot the template, charge the quota and create the run: one transaction (the caller's job)."""
    template = template_store.get_template(conn, org_id, template_id)
    if template is None:
        raise TemplateNotFound()
    org = org_store.get_org(conn, org_id)
    assert org is not None
    if expires_in_hours is UNSET:
        expires_in_hours = org["default_expires_in_hours"]
    now = utcnow()
    expires_at = iso(now + timedelta(hours=float(expires_in_hours))) if expires_in_hours is not None else None  # type: ignore[arg-type]
    orgs.charge_run(conn, org)
    total = _initial_total(template)
    run_id = new_id("r")
    run_store.insert_run(
        conn,
        {
            "id": run_id,
            "org_id": org_id,
            "template_id": template_id,
            "template_v": template["v"],
            "template_name": template["name"],
            "snapshot": template,
            "executor_ref": executor_ref,
            "webhook": webhook,
            "created_at": iso(now),
            "expires_at": expires_at,
            "progress_total": total,
        },
    )
    return {"run_id": run_id, "link": f"{base_url}/r/{run_id}", "expires_at": expires_at, "assigned_to": None}


_totals: dict[tuple[str, int], int] = {}


def _initial_total(template: dict) -> int:
    """Steps counted in a fresh run's progress; fixed per template version, so computed once."""
    key = (template["id"], template["v"])
    if key not in _totals:
        if len(_totals) > 4096:
            _totals.clear()
        _totals[key] = tdl.compute_progress(model_of(template), {})["total"]
    return _totals[key]


# -- expiry ------------------------------------------------------------------------------------------------
def is_due(run: dict, now: str, grace_hours: float) -> bool:
    """Unopened runs expire at `expires_at`; opened ones stay for their executor for the offline grace."""
    if run["status"] not in OPEN or run["expires_at"] is None:
        return False
    if run["opened_at"] is None:
        return run["expires_at"] <= now
    return iso(parse_iso(run["expires_at"]) + timedelta(hours=grace_hours)) <= now  # type: ignore[operator]


def expire(conn: sqlite3.Connection, run_id: str, grace_hours: float) -> bool:
    """Expire one run if it is still due (checked again inside the write); fire `run.expired` once."""
    run = run_store.get_run(conn, run_id)
    now = now_iso()
    if run is None or not is_due(run, now, grace_hours):
        return False
    run_store.update_run(conn, run_id, {"status": "expired", "updated_at": now, "closed_reason": "expired"})
    emit(conn, run, "run.expired", {"status": "expired"})
    return True


def sweep(conn: sqlite3.Connection, grace_hours: float) -> int:
    now = utcnow()
    cutoff = iso(now - timedelta(hours=grace_hours))
    return sum(expire(conn, run_id, grace_hours) for run_id in run_store.due_for_expiry(conn, iso(now), cutoff))  # type: ignore[arg-type]


async def load_run(ctx: Context, run_id: str, org_id: str | None = None, *, snapshot: bool = True) -> dict:
    """A run, expired on the spot when it is due (every access checks), or `RunNotFound`. Without its
    snapshot when `snapshot` is False (use `model_for` for the steps)."""
    run = ctx.db.read(run_store.get_run, run_id, org_id, snapshot=snapshot)
    if run is None:
        raise RunNotFound()
    if is_due(run, now_iso(), ctx.settings.offline_grace_hours):
        await ctx.db.write(expire, run_id, ctx.settings.offline_grace_hours)
        run = ctx.db.read(run_store.get_run, run_id, org_id, snapshot=snapshot)
        assert run is not None
    return run


_models: dict[tuple[str, int], tdl.Template] = {}
MODELS_KEPT = 1024


def model_for(conn: sqlite3.Connection, run: dict) -> tdl.Template:
    """The TDL model of a run's snapshot. A snapshot is its template version verbatim and never changes, so
    the model is cached per (template, version): executor requests neither decode nor re-validate it. `run`
    may come without its snapshot; it is read only on a miss."""
    key = (run["template_id"], run["template_v"])
    model = _models.get(key)
    if model is None:
        snapshot = run["snapshot"] if "snapshot" in run else run_store.get_snapshot(conn, run["id"])
        model = model_of(snapshot)
        if len(_models) >= MODELS_KEPT:
            _models.clear()
        _models[key] = model
    return model


# -- documents ---------------------------------------------------------------------------------------------
def progress_of(run: dict) -> dict:
    return {"total": run["progress_total"], "answered": run["progress_answered"], "skipped": run["progress_skipped"]}


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
        "cancel_reason": run["closed_reason"] if run["status"] == "cancelled" else None,
        "progress": progress_of(run),
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
                }
                for p in answer["photos"]
            ],
            "geo": answer["geo"],
            "at": answer["at"],
            "by": answer["by"],
            "skipped": answer["skipped"],
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


SIGNATURE_STEP = "_signature"


async def get_document(ctx: Context, org_id: str, run_id: str, include_template: bool) -> dict:
    run = ctx.db.read(run_store.get_run_summary, run_id, org_id)
    if run is None or include_template or is_due(run, now_iso(), ctx.settings.offline_grace_hours):
        run = await load_run(ctx, run_id, org_id)
    answers = ctx.db.read(run_store.get_answers, run_id)
    return run_document(ctx, run, answers, include_template)


def preview(ctx: Context, run: dict, org_name: str) -> dict:
    if run["status"] == "expired":
        raise RunExpired()
    return {
        "run_id": run["id"],
        "status": run["status"],
        "template_name": run["template_name"],
        "step_count": run["progress_total"],
        "created_by_name": org_name,
        "expires_at": run["expires_at"],
    }


# -- state changes -----------------------------------------------------------------------------------------
def emit(conn: sqlite3.Connection, run: dict, event: str, data: dict) -> dict:
    return event_store.emit(
        conn,
        org_id=run["org_id"],
        run_id=run["id"],
        event=event,
        data={"executor_ref": run["executor_ref"], **data},
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
    run_store.update_run(conn, run_id, {"status": "cancelled", "closed_reason": reason, "updated_at": now})
    emit(conn, run, "run.cancelled", {"status": "cancelled", "reason": reason})
