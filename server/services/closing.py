"""Ending a run from the executor's side: `complete` (idempotent) and `exit`.

Completing checks `tdl.completion_problems`, drops the answers (and detaches the photos) of hidden steps,
and fires `run.completed` with the public answers, all in one write job. Afterwards the blobs nobody uses
any more and the partial files of unfinished tus uploads are removed.
"""

from __future__ import annotations

import sqlite3

from server import tdl
from server.clock import now_iso, parse_iso
from server.errors import RunIncomplete
from server.services import fresh_uploads, runs, tus
from server.services.context import Context
from server.services.executor import Session, guard, parse_at
from server.services.photos import collect_unused
from server.store import executor as store
from server.store import history
from server.store import runs as run_store

EXITED = "executor_exited"


async def complete(ctx: Context, session: Session, at: object) -> dict:
    """Complete the run (422 `run_incomplete` with a detail per missing step); a completed run answers
    again with its document. `completed_at` is the executor's `at` (clamped like every `at`)."""
    completed_at, _ = parse_at(at)
    doc, dropped, uploads = await ctx.db.write(_complete_job, ctx, session, completed_at)
    fresh_uploads.forget_run(session.run_id)
    await _clean_up(ctx, dropped, uploads)
    return doc


def not_before(completed_at: str, opened_at: str | None) -> str:
    """The completion's time, never before the run was opened: an executor's clock behind the server's put
    `completed_at` before `opened_at` (and before `created_at`), a run finished before it began, and 0 s in
    the time-to-complete figures. Its `at` stays as sent in the run's history."""
    if opened_at and parse_iso(completed_at) < parse_iso(opened_at):
        return opened_at
    return completed_at


def _complete_job(conn: sqlite3.Connection, ctx: Context, session: Session, completed_at: str) -> tuple:
    current = run_store.get_run(conn, session.run_id)
    if (
        current is not None and current["status"] == "completed"
    ):  # the token was checked; it cannot change now
        return runs.run_document(ctx, current, run_store.get_answers(conn, current["id"])), [], []
    run = guard(conn, ctx, session)
    model = runs.model_for(conn, run)
    answers = run_store.get_answers(conn, run["id"])
    signature = answers.get(runs.SIGNATURE_STEP)
    problems = tdl.completion_problems(
        model, answers, has_run_signature=bool(signature and signature["photos"])
    )
    if problems:
        raise RunIncomplete(
            f"{len(problems)} thing(s) still stand between this run and completion.", details=problems
        )
    sent_at, completed_at = completed_at, not_before(completed_at, run["opened_at"])
    hidden = sorted(tdl.hidden_step_ids(model, answers) & answers.keys())
    dropped = store.delete_steps(conn, run["id"], hidden)
    # A skipped signature step keeps no signature (signed, then skipped): no run reads skipped and signed.
    unsigned = sorted(
        step_id
        for step_id, answer in answers.items()
        if answer.get("skipped")
        and answer.get("photos")
        and step_id != runs.SIGNATURE_STEP
        and step_id not in hidden
        and tdl.takes_png_only(model, step_id)
    )
    dropped += store.delete_step_photos(conn, run["id"], unsigned)
    if hidden or unsigned:
        answers = run_store.get_answers(conn, run["id"])
    progress = tdl.compute_progress(model, answers)
    runs.update_findings(conn, run, model, answers)  # hidden steps' answers are gone: never findings
    run_store.update_run(
        conn,
        run["id"],
        {
            "status": "completed",
            "completed_at": completed_at,
            "updated_at": now_iso(),
            "progress_total": progress["total"],
            "progress_answered": progress["answered"],
            "progress_skipped": progress["skipped"],
        },
    )
    uploads = store.delete_run_uploads(conn, run["id"])
    history.append(conn, run["id"], [{"kind": "complete", "at": sent_at}])
    done = run_store.get_run(conn, run["id"])
    assert done is not None
    doc = runs.run_document(ctx, done, answers)
    runs.emit(
        conn,
        done,
        "run.completed",
        {
            "status": "completed",
            "completed_at": completed_at,
            "executor_identity": done["executor_identity"],
            "progress": progress,
            "flagged": done["flagged"],
            "answers": doc["answers"],
            "signature": doc["signature"],
        },
    )
    return doc, dropped, uploads


async def exit_run(ctx: Context, session: Session, reason: str | None) -> dict:
    """The executor gives up: `cancelled`, `run.cancelled` with reason `executor_exited` (and theirs, if any)."""
    uploads = await ctx.db.write(_exit_job, ctx, session, reason)
    fresh_uploads.forget_run(session.run_id)
    await _clean_up(ctx, [], uploads)
    return {"run_id": session.run_id, "status": "cancelled", "cancel_reason": EXITED}


def _exit_job(conn: sqlite3.Connection, ctx: Context, session: Session, reason: str | None) -> list[str]:
    run = guard(conn, ctx, session)
    run_store.update_run(
        conn, run["id"], {"status": "cancelled", "closed_reason": EXITED, "updated_at": now_iso()}
    )
    data = {"status": "cancelled", "reason": EXITED}
    if reason:
        data["executor_reason"] = reason
    runs.emit(conn, run, "run.cancelled", data)
    history.append(conn, run["id"], [{"kind": "exit", "value": {"reason": reason} if reason else None}])
    return store.delete_run_uploads(conn, run["id"])


async def _clean_up(ctx: Context, dropped_shas: list[str], upload_ids: list[str]) -> None:
    if dropped_shas:
        await collect_unused(ctx, dropped_shas)
    for upload_id in upload_ids:
        await tus.discard_part(ctx, upload_id)
