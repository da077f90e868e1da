"""The executor's writes: answers with their precise times, photo rows, processed sync op ids, tus uploads."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from server.clock import now_iso
from server.store import runs as run_store
from server.store.rows import dialect, dumps, execute_later, execute_many_later, loads


# -- answers -----------------------------------------------------------------------------------------------
def answer_stamps(conn: sqlite3.Connection, run_id: str, step_id: str | None = None) -> dict[str, int]:
    """`{step_id: at_ms}` of the stored answers (of one step when given), for "last `at` wins"."""
    sql = "SELECT step_id, at_ms, at FROM answers WHERE run_id = ?"
    params: tuple = (run_id,)
    if step_id is not None:
        sql += " AND step_id = ?"
        params = (run_id, step_id)
    return {
        row["step_id"]: row["at_ms"] if row["at_ms"] is not None else 0 for row in conn.execute(sql, params)
    }


def upsert_answer(conn: sqlite3.Connection, run_id: str, step_id: str, answer: dict, at_ms: int) -> None:
    upsert_answers(conn, run_id, [(step_id, answer, at_ms)])


def upsert_answers(conn: sqlite3.Connection, run_id: str, rows: list[tuple[str, dict, int]]) -> None:
    """(step_id, answer, at_ms) rows, in order (a later row of a step wins), in one executemany: a /sync
    batch of 250 answers is not 250 round trips on PostgreSQL (issue 16), nor one of its own: it goes with
    the job's next statement."""
    execute_many_later(
        conn,
        "INSERT INTO answers (run_id, step_id, value, geo, at, by, skipped, at_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, step_id) DO UPDATE SET "
        "value = excluded.value, geo = excluded.geo, at = excluded.at, by = excluded.by, "
        "skipped = excluded.skipped, at_ms = excluded.at_ms",
        [
            (
                run_id,
                step_id,
                dumps(answer["value"]),
                dumps(answer["geo"]) if answer["geo"] is not None else None,
                answer["at"],
                answer["by"],
                int(answer["skipped"]),
                at_ms,
            )
            for step_id, answer, at_ms in rows
        ],
    )


def delete_steps(conn: sqlite3.Connection, run_id: str, step_ids: list[str]) -> list[str]:
    """Drop the answers and photo rows of these steps; return the sha256 of the photos dropped."""
    shas = delete_step_photos(conn, run_id, step_ids)
    if step_ids:
        marks = ", ".join("?" for _ in step_ids)
        conn.execute(f"DELETE FROM answers WHERE run_id = ? AND step_id IN ({marks})", (run_id, *step_ids))
    return shas


def delete_step_photos(conn: sqlite3.Connection, run_id: str, step_ids: list[str]) -> list[str]:
    """Drop the photo rows of these steps (their answers stay); return the sha256 of the photos dropped."""
    if not step_ids:
        return []
    marks = ", ".join("?" for _ in step_ids)
    shas = [
        r[0]
        for r in conn.execute(
            f"SELECT sha256 FROM photos WHERE run_id = ? AND step_id IN ({marks})", (run_id, *step_ids)
        )
    ]
    conn.execute(f"DELETE FROM photos WHERE run_id = ? AND step_id IN ({marks})", (run_id, *step_ids))
    return shas


# -- sync op ids -------------------------------------------------------------------------------------------
def _seen_queries(conn: sqlite3.Connection, run_id: str, op_ids: list[str]) -> list[tuple[str, tuple]]:
    """The reads of which of `op_ids` the run has processed already. On PostgreSQL the ids go as one JSON
    array (issue 16: an IN list of 250 parameters was a new query for psycopg to parse and PostgreSQL to
    plan each batch, 1 ms of the writer thread's CPU and 4–7 ms of the database's; the array, 0.5 ms)."""
    if dialect(conn) == "postgresql":
        listed = "SELECT op_id FROM sync_ops WHERE run_id = ? AND op_id IN (SELECT json_array_elements_text(?::json))"
        return [(listed, (run_id, dumps(op_ids)))]
    queries = []
    for start in range(0, len(op_ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = op_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        queries.append(
            (f"SELECT op_id FROM sync_ops WHERE run_id = ? AND op_id IN ({marks})", (run_id, *chunk))
        )
    return queries


@dataclass
class SyncView:
    """What a /sync batch's write job reads first, as it is inside the job."""

    run: dict | None
    answers: dict[str, dict]  # as `runs.get_answers` gives them
    stamps: dict[str, int]  # as `answer_stamps` gives them
    seen: set[str]  # the batch's op ids the run has processed already


def sync_view(conn: sqlite3.Connection, run_id: str, op_ids: list[str]) -> SyncView:
    """Every read of a /sync batch's job in one round trip on PostgreSQL, where each was one (issue 16: five,
    then three more for its writes, made a batch of 250 answers wait 22 ms on the writer, 9 on SQLite)."""
    run_sql, run_params = run_store.run_query(run_id, snapshot=False)
    run, answer_rows, photo_rows, *seen = conn.fetch_together(  # type: ignore[attr-defined]
        [
            (run_sql, run_params),
            (f"SELECT {run_store.ANSWER_COLUMNS}, at_ms FROM answers WHERE run_id = ?", (run_id,)),
            (run_store.PHOTOS_QUERY, (run_id,)),
            *_seen_queries(conn, run_id, op_ids),
        ]
    )
    return SyncView(
        run=run_store.run_from_row(conn, run[0] if run else None, snapshot=False),
        answers=run_store.answers_from(
            [tuple(row)[:-1] for row in answer_rows], [dict(r) for r in photo_rows]
        ),
        stamps={row[0]: row[-1] if row[-1] is not None else 0 for row in answer_rows},
        seen={row[0] for rows in seen for row in rows},
    )


def record_ops(conn: sqlite3.Connection, run_id: str, rows: list[tuple[str, str, str]]) -> None:
    """(op_id, step_id, status) rows of a /sync batch, in one executemany (with the job's next statement)."""
    created = now_iso()
    execute_many_later(
        conn,
        "INSERT INTO sync_ops (run_id, op_id, step_id, status, created_at) VALUES (?, ?, ?, ?, ?)",
        [(run_id, op_id, step_id, status, created) for op_id, step_id, status in rows],
    )


# -- photos ------------------------------------------------------------------------------------------------
PHOTO_QUERY = (
    "SELECT step_id, photo_index, sha256, bytes, content_type, created_at, taken_at FROM photos "
    "WHERE run_id = ? AND step_id = ? AND photo_index = ?"
)
STEP_PHOTOS_QUERY = "SELECT COUNT(*) FROM photos WHERE run_id = ? AND step_id = ?"
SKIPPED_QUERY = "SELECT skipped FROM answers WHERE run_id = ? AND step_id = ?"


def get_photo(conn: sqlite3.Connection, run_id: str, step_id: str, index: int) -> dict | None:
    row = conn.execute(PHOTO_QUERY, (run_id, step_id, index)).fetchone()
    return dict(row) if row else None


def put_photo(conn: sqlite3.Connection, run_id: str, photo: dict) -> None:
    execute_later(
        conn,
        "INSERT INTO photos (run_id, step_id, photo_index, sha256, bytes, content_type, created_at, taken_at) "
        "VALUES (:run_id, :step_id, :photo_index, :sha256, :bytes, :content_type, :created_at, :taken_at) "
        "ON CONFLICT (run_id, step_id, photo_index) DO UPDATE SET sha256 = excluded.sha256, "
        "bytes = excluded.bytes, content_type = excluded.content_type, created_at = excluded.created_at, "
        "taken_at = excluded.taken_at",
        {"taken_at": None, **photo, "run_id": run_id},
    )


def delete_photo(conn: sqlite3.Connection, run_id: str, step_id: str, index: int) -> None:
    conn.execute(
        "DELETE FROM photos WHERE run_id = ? AND step_id = ? AND photo_index = ?", (run_id, step_id, index)
    )


def count_step_photos(conn: sqlite3.Connection, run_id: str, step_id: str) -> int:
    return conn.execute(STEP_PHOTOS_QUERY, (run_id, step_id)).fetchone()[0]


def step_skipped(conn: sqlite3.Connection, run_id: str, step_id: str) -> bool:
    return _skipped(conn.execute(SKIPPED_QUERY, (run_id, step_id)).fetchone())


def _skipped(row: Any) -> bool:
    return bool(row and row[0])


@dataclass
class AttachView:
    """What attaching a photo to (step, index) reads first, as it is inside the write job."""

    run: dict | None
    upload: dict | None  # the tus upload's row (None without one, or when it has none yet)
    previous: dict | None  # the photo at (step, index)
    step_photos: int  # how many photos the step holds
    step_skipped: bool


def attach_view(
    conn: sqlite3.Connection, run_id: str, step_id: str, index: int, upload_id: str | None
) -> AttachView:
    """Every read of a photo's attach in one round trip on PostgreSQL, where each was one (issue 16)."""
    run_sql, run_params = run_store.run_query(run_id, snapshot=False)
    statements = [
        (run_sql, run_params),
        (PHOTO_QUERY, (run_id, step_id, index)),
        (STEP_PHOTOS_QUERY, (run_id, step_id)),
        (SKIPPED_QUERY, (run_id, step_id)),
    ]
    if upload_id is not None:
        statements.append((UPLOAD_QUERY, (upload_id, run_id)))
    run, photo, count, skipped, *upload = conn.fetch_together(statements)  # type: ignore[attr-defined]
    return AttachView(
        run=run_store.run_from_row(conn, run[0] if run else None, snapshot=False),
        upload=_upload_from_row(upload[0][0] if upload and upload[0] else None),
        previous=dict(photo[0]) if photo else None,
        step_photos=count[0][0],
        step_skipped=_skipped(skipped[0] if skipped else None),
    )


def blob_in_use(conn: sqlite3.Connection, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM photos WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone() is not None


def lock_blob(conn: sqlite3.Connection, sha256: str, *, exclusive: bool) -> None:
    """Inside a write job: serialise the jobs that attach a photo (shared) with those that delete it once no
    row uses it (exclusive), until the transaction ends. SQLite: one writer thread already does, nothing to
    take. PostgreSQL: several processes' writers, so a transaction-scoped advisory lock on the SHA-256."""
    if dialect(conn) != "postgresql":
        return
    how = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    # Sent with the job's next statement, which runs once the lock is held: the caller's next step must be
    # a statement, not a look at files (issue 16: a round trip a photo).
    execute_later(conn, f"SELECT {how}(hashtextextended(?, 1))", (sha256,))


def referenced_blobs(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """`(sha256, bytes)` of every photo a row refers to, each once, in SHA-256 order (backups, migrations)."""
    return [
        (r[0], int(r[1]))
        for r in conn.execute("SELECT sha256, MAX(bytes) FROM photos GROUP BY sha256 ORDER BY sha256")
    ]


# -- tus uploads -------------------------------------------------------------------------------------------
def create_upload(
    conn: sqlite3.Connection, upload: dict, offset: int = 0, attached_sha: str | None = None
) -> None:
    """The row of an upload, written with its first acknowledged bytes (`offset`; see fresh_uploads).
    `attached_sha`: the upload's whole photo arrived with its creation and is attached in this same job, so
    the row is written finished (issue 16: an INSERT then an UPDATE of every index of it, per photo)."""
    now = now_iso()
    status, offset = ("receiving", offset) if attached_sha is None else ("attached", upload["length"])
    execute_later(
        conn,
        "INSERT INTO uploads (id, run_id, step_id, photo_index, length, upload_offset, metadata, status, "
        "sha256, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            upload["id"],
            upload["run_id"],
            upload["step_id"],
            upload["photo_index"],
            upload["length"],
            offset,
            dumps(upload["metadata"]),
            status,
            attached_sha,
            upload.get("created_at", now),
            now,
        ),
    )


UPLOAD_QUERY = "SELECT * FROM uploads WHERE id = ? AND run_id = ?"


def get_upload(conn: sqlite3.Connection, run_id: str, upload_id: str) -> dict | None:
    return _upload_from_row(conn.execute(UPLOAD_QUERY, (upload_id, run_id)).fetchone())


def _upload_from_row(row: Any) -> dict | None:
    if row is None:
        return None
    upload = dict(row)
    upload["metadata"] = loads(upload["metadata"])
    return upload


def open_uploads(conn: sqlite3.Connection, run_id: str) -> list[dict]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT id, step_id, photo_index, length, upload_offset FROM uploads "
            "WHERE run_id = ? AND status = 'receiving' ORDER BY created_at, id",
            (run_id,),
        )
    ]


def slot_uploads_before(
    conn: sqlite3.Connection, run_id: str, step_id: str, index: int, before: str
) -> list[str]:
    """The unfinished uploads of a photo slot created before `before` (a photo attached or removed since)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM uploads WHERE run_id = ? AND status = 'receiving' AND step_id = ? "
            "AND photo_index = ? AND created_at < ?",
            (run_id, step_id, index, before),
        )
    ]


def count_open_uploads(conn: sqlite3.Connection, run_id: str) -> int:
    return conn.execute(run_store.OPEN_UPLOADS_QUERY, (run_id,)).fetchone()[0]


def advance_upload(conn: sqlite3.Connection, upload_id: str, from_offset: int, to_offset: int) -> bool:
    """Move the acknowledged offset forward, only from where the caller started (False if it moved)."""
    cur = conn.execute(
        "UPDATE uploads SET upload_offset = ?, updated_at = ? "
        "WHERE id = ? AND upload_offset = ? AND status = 'receiving'",
        (to_offset, now_iso(), upload_id, from_offset),
    )
    return cur.rowcount == 1


def finish_upload(conn: sqlite3.Connection, upload_id: str, sha256: str) -> None:
    execute_later(
        conn,
        "UPDATE uploads SET upload_offset = length, status = 'attached', sha256 = ?, updated_at = ? WHERE id = ?",
        (sha256, now_iso(), upload_id),
    )


def delete_upload(conn: sqlite3.Connection, upload_id: str) -> None:
    conn.execute("DELETE FROM uploads WHERE id = ?", (upload_id,))


def delete_run_uploads(conn: sqlite3.Connection, run_id: str) -> list[str]:
    """Forget a closed run's unfinished uploads; return their ids (their partial files can go)."""
    ids = [
        r[0]
        for r in conn.execute("SELECT id FROM uploads WHERE run_id = ? AND status = 'receiving'", (run_id,))
    ]
    conn.execute("DELETE FROM uploads WHERE run_id = ? AND status = 'receiving'", (run_id,))
    return ids
