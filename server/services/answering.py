"""Answers: `PUT /runs/{id}/answers/{step_id}` and the batched `/sync`, with "last `at` wins".

Both check each answer with the TDL domain outside the writer (pure work), then apply it in one write job:
an answer whose `at` is older than the stored one changes nothing (`stale`); an answer equal to the stored
one changes only the stored `at`, when its own is later (so that an older answer arriving after it is
stale); any other answer is stored and fires `step.completed`. `/sync` runs its whole
batch in ONE write job (one commit, one progress computation), and records each applied or stale op id so
that replaying it is a no-op (`duplicate`). A rejected op is not recorded: replaying it is judged again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

import orjson

from server import tdl
from server.errors import BadRequest, RundunError, SkipNotAllowed, ValidationFailed
from server.services import runs
from server.services.context import Context
from server.services.executor import Session, guard, held, parse_at, public_answer, refresh
from server.store import executor as store
from server.store import history
from server.store import runs as run_store


@dataclass(frozen=True)
class Checked:
    """An answer that passed every check, ready to apply."""

    step_id: str
    value: Any
    geo: Any
    skipped: bool
    at: str
    at_ms: int


def check(model: tdl.Template, step_id: Any, fields: dict) -> Checked:
    """Check one answer given as its sent fields (absent keys are absent): 400, 422 `skip_not_allowed`
    or 422 `validation_error` naming every problem."""
    skipped = fields.get("skipped", False)
    missing = [] if "at" in fields else ["at"]
    if "value" not in fields and skipped is not True:
        missing.append("value")
    if missing:
        raise BadRequest(
            "The answer misses a required field.",
            details=[{"path": f, "message": "is required"} for f in missing],
        )
    problems: list[dict] = []
    if skipped is None:
        skipped = False
    if not isinstance(skipped, bool):
        problems.append({"path": "skipped", "message": "must be true or false"})
        skipped = False
    if skipped and not tdl.skip_allowed(model):
        raise SkipNotAllowed()
    at, at_ms = "", 0
    try:
        at, at_ms = parse_at(fields["at"])
    except ValidationFailed as exc:
        problems.extend(exc.details or [])
    if not isinstance(step_id, str):
        problems.append({"path": "step_id", "message": "must be the id of a step of this template"})
    else:
        value, geo = fields.get("value"), fields.get("geo")
        problems.extend(tdl.check_answer(model, step_id, value, skipped=skipped, geo=geo))
    if problems:
        raise ValidationFailed("The answer is not valid for this step.", details=problems)
    return Checked(step_id, fields.get("value"), whole_geo(fields.get("geo")), skipped, at, at_ms)


def whole_geo(geo: Any) -> Any:
    """A checked `geo` as documents carry it, `{lat, lng, accuracy_m}` always: `accuracy_m` may be left out
    of an answer (a position without an estimate), and is then null rather than missing."""
    if geo is None:
        return None
    return {"lat": geo["lat"], "lng": geo["lng"], "accuracy_m": geo.get("accuracy_m")}


def _same_json(a: Any, b: Any) -> bool:
    """JSON text comparison: true and 1 differ, as they do for the executor. orjson first (a /sync batch
    compares hundreds); the standard library for what orjson cannot write (an integer outside 64 bits,
    refused with the body since, but a value that reached here must never make a 500)."""
    try:
        return orjson.dumps(a) == orjson.dumps(b)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(a) == json.dumps(b)


def _same(stored: dict, item: Checked) -> bool:
    return (
        _same_json(stored["value"], item.value)
        and _same_json(stored["geo"], item.geo)
        and stored["skipped"] == item.skipped
    )


class _Batch:
    """One run's answers inside a write job: applies checked answers, keeping the in-memory map current."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        ctx: Context,
        run: dict,
        source: str,
        step_id: str | None = None,
        view: store.SyncView | None = None,
    ):
        """`view`: the run's answers and their stamps, read already (else read here; of `step_id` alone when
        given)."""
        self.conn, self.ctx, self.run, self.source = conn, ctx, run, source
        self.received: list[dict] = []  # the history entries of this write (SPEC §10), appended by `finish`
        if view is not None:
            self.answers, self.stamps = view.answers, view.stamps
        else:
            self.answers = run_store.get_answers(conn, run["id"])
            self.stamps = store.answer_stamps(conn, run["id"], step_id)
        self.by = run["assigned_to"]
        self.changed = False
        self.upserts: list[
            tuple[str, dict, int]
        ] = []  # stored by `finish` in one statement (nothing reads them before)

    def note(self, item: Checked, outcome: str, op_id: str | None = None) -> None:
        """Keep a history entry of an answer received (whatever became of it)."""
        self.received.append(
            {
                "kind": "answer",
                "step_id": item.step_id,
                "value": item.value,
                "skipped": item.skipped,
                "at": item.at,
                "op_id": op_id,
                "source": self.source,
                "outcome": outcome,
            }
        )

    def apply(self, item: Checked, op_id: str | None = None) -> str:
        """`applied` or `stale`; stores and fires `step.completed` only when the stored answer changes."""
        outcome = self._apply(item)
        self.note(item, outcome, op_id)
        return outcome

    def _apply(self, item: Checked) -> str:
        sid = item.step_id
        stamp = self.stamps.get(sid)
        if stamp is not None and item.at_ms < stamp:
            return "stale"
        current = self.answers.get(sid)
        if stamp is not None and current is not None and _same(current, item):
            if item.at_ms > stamp:
                # The same answer given again later is the latest now: its `at` is stored, so that an answer
                # older than it (delivered late) is stale, as SPEC §5's "last `at` wins" says. Nothing
                # else changed: no `step.completed`.
                self._restamp(current, item)
            return "applied"
        entry = {"value": item.value, "geo": item.geo, "at": item.at, "by": self.by, "skipped": item.skipped}
        self.upserts.append((sid, entry, item.at_ms))
        self.stamps[sid] = item.at_ms
        # The mark as stored now (the upsert keeps a row's, a new row's is 0): `finish` writes only the marks
        # that change (issue 16: 250 UPDATEs a /sync batch rewrote marks as they were); the event carries the
        # new one.
        stored_mark = current["flagged"] if current else False
        self.answers[sid] = {**entry, "flagged": stored_mark, "photos": current["photos"] if current else []}
        flagged = tdl.answer_is_finding(runs.model_for(self.conn, self.run), sid, self.answers)
        runs.emit(
            self.conn,
            self.run,
            "step.completed",
            {
                "step_id": sid,
                "answer": public_answer(
                    self.ctx, self.run["id"], sid, {**self.answers[sid], "flagged": flagged}
                ),
            },
        )
        self.changed = True
        return "applied"

    def _restamp(self, current: dict, item: Checked) -> None:
        entry = {"value": current["value"], "geo": current["geo"], "at": item.at, "by": self.by}
        self.upserts.append((item.step_id, {**entry, "skipped": current["skipped"]}, item.at_ms))
        self.stamps[item.step_id] = item.at_ms
        self.answers[item.step_id] = {**current, "at": item.at, "by": self.by}
        self.changed = True  # the run's document changed (the answer's `at`): `updated_at` moves

    def answer(self, step_id: Any) -> dict | None:
        if isinstance(step_id, str) and step_id in self.answers:
            return public_answer(self.ctx, self.run["id"], step_id, self.answers[step_id])
        return None

    def finish(self) -> dict:
        """Store the answers applied, append the history, recompute progress once if anything changed;
        returns the run's progress."""
        store.upsert_answers(self.conn, self.run["id"], self.upserts)
        self.upserts = []
        history.append(self.conn, self.run["id"], self.received)
        if self.changed:
            return refresh(self.conn, self.run, self.answers)
        return runs.progress_of(self.run)


# -- PUT ---------------------------------------------------------------------------------------------------
async def put_answer(ctx: Context, session: Session, step_id: str, fields: dict) -> dict:
    """Upsert one answer; an older `at` answers 200 with the stored answer, unchanged."""
    item = check(session.model, step_id, fields)
    return await ctx.db.write(_put_job, ctx, session, item)


def _put_job(conn: sqlite3.Connection, ctx: Context, session: Session, item: Checked) -> dict:
    batch = _Batch(conn, ctx, guard(conn, ctx, session), "put", item.step_id)
    batch.apply(item)
    progress = batch.finish()
    return {"answer": batch.answer(item.step_id), "progress": progress}


# -- /sync -------------------------------------------------------------------------------------------------
async def sync(ctx: Context, session: Session, ops: list[dict]) -> dict:
    """Apply many answers in order, one result per op; an invalid op is rejected alone."""
    model = session.model
    prepared: list[tuple[dict, Checked | RundunError]] = []
    for op in ops:
        fields = {k: v for k, v in op.items() if k not in ("op_id", "step_id")}
        try:
            prepared.append((op, check(model, op.get("step_id"), fields)))
        except RundunError as exc:
            prepared.append((op, exc))
    return await ctx.db.write(_sync_job, ctx, session, prepared)


def _sync_job(conn: sqlite3.Connection, ctx: Context, session: Session, prepared: list) -> dict:
    view = store.sync_view(conn, session.run_id, list({op["op_id"] for op, _ in prepared}))
    run = held(view.run, ctx, session)
    batch = _Batch(conn, ctx, run, "sync", view=view)
    seen = view.seen
    results = []
    applied: list[tuple[str, str, str]] = []  # (op_id, step_id, status), recorded in one statement
    for op, item in prepared:
        op_id = op["op_id"]
        result: dict[str, Any] = {"op_id": op_id}
        if op_id in seen:
            result["status"] = "duplicate"
            if not isinstance(item, RundunError):
                batch.note(item, "duplicate", op_id)
        elif isinstance(item, RundunError):
            result.update(status="rejected", error=item.code, message=item.message)
            if item.details:
                result["details"] = item.details
        else:
            result["status"] = batch.apply(item, op_id)
            applied.append((op_id, item.step_id, result["status"]))
            seen.add(op_id)
        if result["status"] != "rejected":
            answer = batch.answer(op.get("step_id"))
            if answer is not None:
                result["answer"] = answer
        results.append(result)
    store.record_ops(conn, run["id"], applied)
    progress = batch.finish()
    return {"results": results, "progress": progress, "status": run["status"]}
