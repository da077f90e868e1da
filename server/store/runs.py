"""Runs, their answers and photo records."""

from __future__ import annotations

import sqlite3

from server.store.rows import dumps, loads, page_query

SUMMARY_COLUMNS = (
    "id, status, template_id, template_v, template_name, executor_ref, created_at, updated_at, opened_at, "
    "completed_at, expires_at, assigned_to, executor_identity, closed_reason, "
    "progress_total, progress_answered, progress_skipped"
)
SORTS = {
    "created_at": "created_at ASC, rowid ASC",
    "-created_at": "created_at DESC, rowid DESC",
    "updated_at": "updated_at ASC, rowid ASC",
    "-updated_at": "updated_at DESC, rowid DESC",
    "expires_at": "expires_at IS NULL, expires_at ASC, rowid ASC",
    "-expires_at": "expires_at IS NULL, expires_at DESC, rowid DESC",
    "status": "status ASC, created_at DESC, rowid DESC",
    "-status": "status DESC, created_at DESC, rowid DESC",
    "executor_ref": "executor_ref ASC, created_at DESC, rowid DESC",
    "-executor_ref": "executor_ref DESC, created_at DESC, rowid DESC",
}
OPEN_STATUSES = ("pending", "in_progress")


def insert_run(conn: sqlite3.Connection, run: dict) -> None:
    conn.execute(
        "INSERT INTO runs (id, org_id, template_id, template_v, template_name, snapshot, status, executor_ref, "
        "webhook, created_at, updated_at, expires_at, progress_total) "
        "VALUES (:id, :org_id, :template_id, :template_v, :template_name, :snapshot, 'pending', :executor_ref, "
        ":webhook, :created_at, :created_at, :expires_at, :progress_total)",
        {**run, "snapshot": dumps(run["snapshot"]), "webhook": dumps(run["webhook"]) if run["webhook"] else None},
    )


def get_run(conn: sqlite3.Connection, run_id: str, org_id: str | None = None) -> dict | None:
    """The run row with JSON columns decoded; scoped to `org_id` when given."""
    if org_id is None:
        row = conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
    else:
        row = conn.execute("SELECT * FROM runs WHERE id = ? AND org_id = ?", (run_id, org_id)).fetchone()
    if row is None:
        return None
    run = dict(row)
    for column in ("snapshot", "webhook", "executor_identity"):
        run[column] = loads(run[column])
    return run


def get_run_summary(conn: sqlite3.Connection, run_id: str, org_id: str) -> dict | None:
    """The run without its snapshot and webhook (the hot `GET /v1/runs/{id}` path needs neither)."""
    row = conn.execute(
        f"SELECT org_id, {SUMMARY_COLUMNS} FROM runs WHERE id = ? AND org_id = ?", (run_id, org_id)
    ).fetchone()
    if row is None:
        return None
    run = dict(row)
    run["executor_identity"] = loads(run["executor_identity"])
    return run


def get_answers(conn: sqlite3.Connection, run_id: str) -> dict[str, dict]:
    """`{step_id: {value, geo, at, by, skipped, photos: [photo rows]}}` including photo-only steps."""
    answers: dict[str, dict] = {}
    for row in conn.execute("SELECT step_id, value, geo, at, by, skipped FROM answers WHERE run_id = ?", (run_id,)):
        answers[row["step_id"]] = {
            "value": loads(row["value"]),
            "geo": loads(row["geo"]),
            "at": row["at"],
            "by": row["by"],
            "skipped": bool(row["skipped"]),
            "photos": [],
        }
    for photo in get_photos(conn, run_id):
        entry = answers.setdefault(
            photo["step_id"], {"value": None, "geo": None, "at": photo["created_at"], "by": None, "skipped": False, "photos": []}
        )
        entry["photos"].append(photo)
    return answers


def get_photos(conn: sqlite3.Connection, run_id: str) -> list[dict]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT step_id, photo_index, sha256, bytes, content_type, created_at FROM photos WHERE run_id = ? "
            "ORDER BY step_id, photo_index",
            (run_id,),
        )
    ]


def update_run(conn: sqlite3.Connection, run_id: str, fields: dict) -> None:
    encoded = {k: (dumps(v) if k in ("executor_identity", "webhook") and v is not None else v) for k, v in fields.items()}
    assignments = ", ".join(f"{column} = :{column}" for column in encoded)
    conn.execute(f"UPDATE runs SET {assignments} WHERE id = :_id", {**encoded, "_id": run_id})


def list_runs(
    conn: sqlite3.Connection,
    org_id: str,
    *,
    status: str | None = None,
    template_id: str | None = None,
    executor_ref: str | None = None,
    updated_since: str | None = None,
    sort: str = "-created_at",
    page: int = 1,
    per_page: int = 50,
) -> tuple[list[dict], int]:
    where = ["org_id = ?"]
    params: list = [org_id]
    if status:
        where.append("status = ?")
        params.append(status)
    if template_id:
        where.append("template_id = ?")
        params.append(template_id)
    if executor_ref:
        where.append("executor_ref = ?")
        params.append(executor_ref)
    if updated_since:
        where.append("updated_at >= ?")
        params.append(updated_since)
    rows, total = page_query(
        conn, f"SELECT {SUMMARY_COLUMNS} FROM runs", " AND ".join(where), params, SORTS[sort], page, per_page
    )
    out = []
    for row in rows:
        item = dict(row)
        item["executor_identity"] = loads(item["executor_identity"])
        out.append(item)
    return out, total


def due_for_expiry(conn: sqlite3.Connection, now: str, grace_cutoff: str, limit: int = 500) -> list[str]:
    """Ids of runs to expire: unopened past `expires_at`, or opened with `expires_at` before `grace_cutoff`."""
    rows = conn.execute(
        "SELECT id FROM runs WHERE status IN ('pending', 'in_progress') AND expires_at IS NOT NULL AND ("
        " (opened_at IS NULL AND expires_at <= ?) OR (opened_at IS NOT NULL AND expires_at <= ?)) LIMIT ?",
        (now, grace_cutoff, limit),
    ).fetchall()
    return [r[0] for r in rows]
