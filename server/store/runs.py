"""Runs, their answers and photo records."""

from __future__ import annotations

import base64
import re
import sqlite3
from typing import Any

import orjson

from server.store import templates as template_store
from server.store.rows import dialect, dumps, execute_later, execute_many_later, loads
from server.tdl.status import OPEN_STATUSES, RunStatus

SUMMARY_COLUMNS = (
    "id, status, template_id, template_v, template_name, executor_ref, created_at, updated_at, opened_at, "
    "completed_at, expires_at, assigned_to, executor_identity, closed_reason, "
    "progress_total, progress_answered, progress_skipped, flagged, language, "
    "device_contact_at, device_pending_ops, device_pending_bytes, device_failed_ops, device_app"
)
# Every column but the snapshot: what the executor's per-request checks read (the snapshot never changes, so
# its parsed model is cached per template version instead of decoded on each request).
RUN_COLUMNS = f"{SUMMARY_COLUMNS}, org_id, webhook, executor_token_hash"
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

# Each sort as its keys for keyset paging: (column, descending, nulls last). They list the rows exactly as
# `SORTS` does (SQLite puts NULLs first ascending and last descending; `expires_at` puts them last both
# ways). `rowid` ends every key, so a cursor names one row.
ASC, DESC = False, True
KEYS: dict[str, tuple[tuple[str, bool, bool], ...]] = {
    "created_at": (("created_at", ASC, False), ("rowid", ASC, False)),
    "-created_at": (("created_at", DESC, False), ("rowid", DESC, False)),
    "updated_at": (("updated_at", ASC, False), ("rowid", ASC, False)),
    "-updated_at": (("updated_at", DESC, False), ("rowid", DESC, False)),
    "expires_at": (("expires_at", ASC, True), ("rowid", ASC, False)),
    "-expires_at": (("expires_at", DESC, True), ("rowid", DESC, False)),
    "status": (("status", ASC, False), ("created_at", DESC, False), ("rowid", DESC, False)),
    "-status": (("status", DESC, False), ("created_at", DESC, False), ("rowid", DESC, False)),
    "executor_ref": (("executor_ref", ASC, False), ("created_at", DESC, False), ("rowid", DESC, False)),
    "-executor_ref": (("executor_ref", DESC, True), ("created_at", DESC, False), ("rowid", DESC, False)),
}
NULLABLE = frozenset({"expires_at", "executor_ref"})
STEPPED = frozenset({"-status"})  # read one leading value at a time: see _stepped
STEPPED_ARMS = frozenset({"TRUE", "status < ?"})
_NULLABLE_ORDER = re.compile(r"\b(executor_ref|expires_at) (ASC|DESC)\b")


def dispatch_facts(conn: sqlite3.Connection, org_id: str, template_id: str) -> sqlite3.Row | None:
    """What a dispatch checks, in one read: the live template's current `v` and `name`, and its org's `id`,
    `plan`, `run_credits` and `default_expires_in_hours`; None when the template is absent, deleted or
    another org's."""
    # On PostgreSQL the org's row stays locked to the commit: dispatches on other processes charge the
    # same quota one after another (on SQLite the single writer does that already).
    lock = " FOR UPDATE OF o" if dialect(conn) == "postgresql" else ""
    return conn.execute(
        "SELECT t.v, t.name, o.id, o.plan, o.run_credits, o.default_expires_in_hours "
        "FROM templates t JOIN orgs o ON o.id = t.org_id WHERE t.id = ? AND t.org_id = ? AND t.deleted_at IS NULL"
        + lock,
        (template_id, org_id),
    ).fetchone()


def _in_dialect(conn: sqlite3.Connection, order: str) -> str:
    """An ORDER BY as SQLite means it: PostgreSQL sorts NULLs last ascending (SQLite first), so the
    nullable columns say it explicitly there."""
    if dialect(conn) != "postgresql":
        return order
    return _NULLABLE_ORDER.sub(lambda m: f"{m[0]} {'NULLS FIRST' if m[2] == 'ASC' else 'NULLS LAST'}", order)


ROWS_PER_INSERT = 500  # 13 values a row, well under SQLite's 32,766 bound parameters


def insert_runs(conn: sqlite3.Connection, runs: list[dict]) -> None:
    """New runs, `pending`; a run's snapshot is its template version, kept by reference (migration 0005).
    One multi-row INSERT rather than `executemany`: the sqlite3 module lets go of the GIL around every row's
    step, and on the writer thread each take-back waits for the busy event loop."""
    for start in range(0, len(runs), ROWS_PER_INSERT):
        chunk = runs[start : start + ROWS_PER_INSERT]
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(chunk))
        params: list = []
        for run in chunk:
            params += (
                run["id"],
                run["org_id"],
                run["template_id"],
                run["template_v"],
                run["template_name"],
                RunStatus.PENDING,
                run["executor_ref"],
                dumps(run["webhook"]) if run["webhook"] else None,
                run["created_at"],
                run["created_at"],
                run["expires_at"],
                run["progress_total"],
                run.get("language", "en"),  # the column's default: runs before SPEC §15
            )
        execute_later(  # on PostgreSQL: with the COMMIT, not in a round trip of its own
            conn,
            "INSERT INTO runs (id, org_id, template_id, template_v, template_name, status, executor_ref, webhook, "
            f"created_at, updated_at, expires_at, progress_total, language) VALUES {values}",
            params,
        )


def get_run(
    conn: sqlite3.Connection,
    run_id: str,
    org_id: str | None = None,
    *,
    snapshot: bool = True,
    open_uploads: bool = False,
) -> dict | None:
    """The run row with JSON columns decoded; scoped to `org_id` when given; without the `snapshot` key when
    `snapshot` is False; with `open_uploads` (its unfinished tus uploads) when asked."""
    sql, params = run_query(run_id, org_id, snapshot=snapshot, open_uploads=open_uploads)
    return run_from_row(conn, conn.execute(sql, params).fetchone(), snapshot=snapshot)


OPEN_UPLOADS_QUERY = "SELECT COUNT(*) FROM uploads WHERE run_id = ? AND status = 'receiving'"


def run_query(
    run_id: str, org_id: str | None = None, *, snapshot: bool = True, open_uploads: bool = False
) -> tuple[str, tuple]:
    """`get_run`'s statement, for a read sent together with others (`fetch_together`)."""
    # Named, not `*`: the generated stats column (migration 0008) is no part of a run.
    columns = f"{RUN_COLUMNS}, snapshot" if snapshot else RUN_COLUMNS
    if open_uploads:  # a tus creation's cap, read with its authentication (issue 16: a round trip saved)
        columns += f", ({OPEN_UPLOADS_QUERY.replace('?', 'runs.id')}) AS open_uploads"
    if org_id is None:
        return f"SELECT {columns} FROM runs WHERE id = ?", (run_id,)
    return f"SELECT {columns} FROM runs WHERE id = ? AND org_id = ?", (run_id, org_id)


def run_from_row(conn: sqlite3.Connection, row: Any, *, snapshot: bool = True) -> dict | None:
    """The run of `run_query`'s row, its JSON columns decoded (None without a row)."""
    if row is None:
        return None
    run = dict(row)
    for column in ("webhook", "executor_identity"):
        run[column] = loads(run[column])
    if snapshot:
        run["snapshot"] = _snapshot(conn, run)
    return run


def _snapshot(conn: sqlite3.Connection, run: dict) -> dict:
    if run["snapshot"] is not None:  # dispatched before snapshots were kept by reference
        return loads(run["snapshot"])
    document = template_store.version_document(conn, run["template_id"], run["template_v"])
    assert document is not None, "template versions are never deleted"
    return document


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


ANSWER_COLUMNS = "step_id, value, geo, at, by, skipped, flagged"
PHOTO_COLUMNS = "step_id, photo_index, sha256, bytes, content_type, created_at, taken_at"
# PostgreSQL: the summary, the answers and the photos of a run in one round trip (three on the event loop's
# thread were most of `GET /v1/runs/{id}`'s time there: bench/server_throughput.py). Rows come as JSON.
_RUN_AND_ANSWERS_PG = (
    f"SELECT (SELECT row_to_json(r) FROM (SELECT org_id, {SUMMARY_COLUMNS} FROM runs "
    "WHERE id = :run_id AND org_id = :org_id) r), "
    f"(SELECT json_agg(json_build_array({ANSWER_COLUMNS})) FROM answers WHERE run_id = :run_id), "
    f"(SELECT json_agg(p ORDER BY p.step_id, p.photo_index) FROM (SELECT {PHOTO_COLUMNS} FROM photos "
    "WHERE run_id = :run_id) p)"
)


def get_run_and_answers(
    conn: sqlite3.Connection, run_id: str, org_id: str
) -> tuple[dict | None, dict[str, dict]]:
    """`get_run_summary` and `get_answers` together (the answers only when the run is the org's)."""
    if dialect(conn) != "postgresql":
        run = get_run_summary(conn, run_id, org_id)
        return run, get_answers(conn, run_id) if run is not None else {}
    found, answer_rows, photos = conn.execute(
        _RUN_AND_ANSWERS_PG, {"run_id": run_id, "org_id": org_id}
    ).fetchone()
    if found is None:
        return None, {}
    found["executor_identity"] = loads(found["executor_identity"])
    return found, answers_from(answer_rows or [], photos or [])


def get_answers(conn: sqlite3.Connection, run_id: str) -> dict[str, dict]:
    """`{step_id: {value, geo, at, by, skipped, photos: [photo rows]}}` including photo-only steps."""
    rows = conn.execute(f"SELECT {ANSWER_COLUMNS} FROM answers WHERE run_id = ?", (run_id,))
    return answers_from(rows, get_photos(conn, run_id))


def answers_from(rows, photos: list[dict]) -> dict[str, dict]:
    """`get_answers` of the rows read (`ANSWER_COLUMNS`, in order) and the photo rows (`PHOTOS_QUERY`)."""
    answers: dict[str, dict] = {}
    for (
        step_id,
        value,
        geo,
        at,
        by,
        skipped,
        flagged,
    ) in rows:  # unpacked: by-name access costs on every progress update
        answers[step_id] = {
            "value": loads(value),
            "geo": loads(geo),
            "at": at,
            "by": by,
            "skipped": bool(skipped),
            "flagged": bool(flagged),
            "photos": [],
        }
    for photo in photos:
        entry = answers.setdefault(
            photo["step_id"],
            {
                "value": None,
                "geo": None,
                "at": photo["created_at"],
                "by": None,
                "skipped": False,
                "flagged": False,
                "photos": [],
            },
        )
        entry["photos"].append(photo)
    return answers


PHOTOS_QUERY = f"SELECT {PHOTO_COLUMNS} FROM photos WHERE run_id = ? ORDER BY step_id, photo_index"


def get_photos(conn: sqlite3.Connection, run_id: str) -> list[dict]:
    return [dict(r) for r in conn.execute(PHOTOS_QUERY, (run_id,))]


def update_run(conn: sqlite3.Connection, run_id: str, fields: dict) -> None:
    encoded = {
        k: (dumps(v) if k in ("executor_identity", "webhook") and v is not None else v)
        for k, v in fields.items()
    }
    assignments = ", ".join(f"{column} = :{column}" for column in encoded)
    execute_later(conn, f"UPDATE runs SET {assignments} WHERE id = :_id", {**encoded, "_id": run_id})


def list_runs(
    conn: sqlite3.Connection,
    org_id: str,
    *,
    status: str | None = None,
    template_id: str | None = None,
    executor_ref: str | None = None,
    executor_ref_prefix: str | None = None,
    updated_since: str | None = None,
    flagged: bool | None = None,
    created: tuple[str | None, str | None] = (None, None),
    template_v: int | None = None,
    waiting_on_device: bool | None = None,
    sort: str = "-created_at",
    page: int = 1,
    per_page: int = 50,
    after: list | None = None,
    include_total: bool = True,
) -> tuple[list[dict], int | None, str | None, bool]:
    """One page of run summaries: `(rows, total, next_cursor, more)`.

    Page 1 and `after` (a decoded cursor) use keyset queries, as fast at the millionth row as at the
    first; later numbered pages use OFFSET, as they always did. `total` is None unless `include_total`.
    """
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
    if executor_ref_prefix:
        clause, values = prefix_condition(conn, "executor_ref", executor_ref_prefix)
        where.append(clause)
        params += values
    if updated_since:
        where.append("updated_at >= ?")
        params.append(updated_since)
    if flagged is not None:  # `flagged > 0` as written matches the partial index runs_org_flagged (0008)
        where.append("flagged > 0" if flagged else "flagged = 0")
    if waiting_on_device is not None:  # as written, matches the partial index of migration 0009
        where.append("device_pending_ops > 0" if waiting_on_device else "coalesce(device_pending_ops, 0) = 0")
    if template_v is not None:
        where.append("template_v = ?")
        params.append(template_v)
    for bound, op in zip(created, (">=", "<"), strict=True):  # the dashboard's buckets: [since, before)
        if bound is not None:
            where.append(f"created_at {op} ?")
            params.append(bound)
    condition = " AND ".join(where)
    total = None
    if include_total:
        total = conn.execute(f"SELECT count(*) FROM runs WHERE {condition}", params).fetchone()[0]
    if after is not None or page == 1:
        rows = _keyset(conn, condition, params, sort, after, per_page + 1)
    else:
        rows = conn.execute(
            f"SELECT {SUMMARY_COLUMNS}, rowid AS _rowid FROM runs WHERE {condition} ORDER BY {_in_dialect(conn, SORTS[sort])} "
            "LIMIT ? OFFSET ?",
            [*params, per_page + 1, (page - 1) * per_page],
        ).fetchall()
    more = len(rows) > per_page
    out = []
    for row in rows[:per_page]:
        item = dict(row)
        item["executor_identity"] = loads(item["executor_identity"])
        out.append(item)
    cursor = encode_cursor(sort, out[-1]) if more else None
    for item in out:
        item.pop("_rowid", None)
    return out, total, cursor, more


MAX_CHAR = 0x10FFFF


def prefix_bound(prefix: str) -> str | None:
    """The least text after every text that starts with `prefix`, in code point order (SQLite's BINARY
    collation and PostgreSQL's "C" on UTF-8): its last character raised by one, after dropping the trailing
    characters that cannot be; None when every character is the highest (no text is after them all)."""
    head = prefix.rstrip(chr(MAX_CHAR))
    if not head:
        return None
    following = ord(head[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:  # surrogates are not characters of UTF-8 text
        following = 0xE000
    return head[:-1] + chr(following)


def prefix_condition(conn: sqlite3.Connection, column: str, prefix: str) -> tuple[str, list]:
    """`column` starts with `prefix`, as a range of an index: `column >= prefix AND column < bound`. Every
    character counts as itself (a `%` or `_` is no wildcard, as it would be in LIKE) and case counts, as in
    the exact filter. On PostgreSQL the range is taken in the "C" collation (code points, as SQLite's
    BINARY): in a language's collation `van-0` and `van0` sort together, and the range would hold texts
    that do not start with the prefix and miss some that do; the index of migration 0020 is in "C" too."""
    if dialect(conn) == "postgresql":
        column = f'{column} COLLATE "C"'
    bound = prefix_bound(prefix)
    if bound is None:
        return f"{column} >= ?", [prefix]
    return f"{column} >= ? AND {column} < ?", [prefix, bound]


def encode_cursor(sort: str, row: dict) -> str:
    """The opaque `after` value naming `row`'s place in `sort`: url-safe base64 of its keys, no padding."""
    values = [row["_rowid"] if column == "rowid" else row[column] for column, _, _ in KEYS[sort]]
    return base64.urlsafe_b64encode(orjson.dumps([sort, *values])).decode().rstrip("=")


def decode_cursor(sort: str, text: str) -> list:
    """The keys in a cursor made by `encode_cursor` for `sort`; ValueError when it is not one."""
    try:
        decoded = orjson.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, TypeError):
        raise ValueError("not a cursor") from None
    keys = KEYS[sort]
    if not isinstance(decoded, list) or len(decoded) != len(keys) + 1 or decoded[0] != sort:
        raise ValueError("not a cursor for this sort")
    values = decoded[1:]
    for (column, _, _), value in zip(keys, values, strict=True):
        if column == "rowid":
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = isinstance(value, str) or (value is None and column in NULLABLE)
        if not ok:
            raise ValueError("not a cursor")
    return values


def _keyset(
    conn: sqlite3.Connection, condition: str, params: list, sort: str, after: list | None, limit: int
) -> list[sqlite3.Row]:
    """Up to `limit` rows after the cursor's keys (from the top when None), in `sort` order.

    The rows after a cursor are a few groups, each a range of one index: e.g. for `status`, the rest of the
    cursor's status (`status = ? AND (created_at, rowid) < (?, ?)`) and then the later statuses. Each
    group is its own query with its own ORDER BY and LIMIT, so SQLite seeks instead of scanning. (One OR'd
    WHERE would make SQLite scan from the top.)
    """
    keys = KEYS[sort]
    order = _in_dialect(conn, ", ".join(f"{column} {'DESC' if desc else 'ASC'}" for column, desc, _ in keys))
    arms: list[tuple[str, list]] = []
    if after is None:
        column, _, nulls_last = keys[0]
        arms = [(f"{column} IS NOT NULL", []), (f"{column} IS NULL", [])] if nulls_last else [("TRUE", [])]
    else:
        # The trailing keys that are never NULL and share a direction compare as one row value.
        tail = len(keys) - 1
        while tail > 0 and keys[tail - 1][0] not in NULLABLE and keys[tail - 1][1] == keys[-1][1]:
            tail -= 1
        columns = ", ".join(column for column, _, _ in keys[tail:])
        marks = ", ".join("?" for _ in keys[tail:])
        groups: list[list[tuple[str, list]]] = [
            [(f"({columns}) {'<' if keys[-1][1] else '>'} ({marks})", list(after[tail:]))]
        ]
        for level in range(tail - 1, -1, -1):
            column, desc, nulls_last = keys[level]
            value = after[level]
            if value is None:  # NULLs come last (no more of this column) or first (every value follows)
                groups.append([] if nulls_last else [(f"{column} IS NOT NULL", [])])
            else:
                groups.append([(f"{column} {'<' if desc else '>'} ?", [value])])
                if nulls_last:
                    groups[-1].append((f"{column} IS NULL", []))
        # The group for level L also keeps the keys before L equal to the cursor's.
        for level, group in zip(range(tail, -1, -1), groups, strict=True):
            same, same_params = [], []
            for (column, _, _), value in zip(keys[:level], after[:level], strict=True):
                same.append(f"{column} IS NULL" if value is None else f"{column} = ?")
                same_params += [] if value is None else [value]
            arms += [(" AND ".join([*same, cond]), [*same_params, *args]) for cond, args in group]
    # Arms run one after another, each stopping at the rows still wanted: most pages need only the first.
    select = f"SELECT {SUMMARY_COLUMNS}, rowid AS _rowid FROM runs WHERE {condition}"
    rows: list[sqlite3.Row] = []
    for cond, args in arms:
        if len(rows) >= limit:
            break
        if sort in STEPPED and cond in STEPPED_ARMS:
            rows += _stepped(conn, select, condition, params, order, args, limit - len(rows))
            continue
        rows += conn.execute(
            f"{select} AND {cond} ORDER BY {order} LIMIT ?", [*params, *args, limit - len(rows)]
        )
    return rows


def _stepped(
    conn: sqlite3.Connection, select: str, condition: str, params: list, order: str, args: list, limit: int
) -> list[sqlite3.Row]:
    """`-status` rows past a status (or from the top), one status at a time.

    runs_org_status ascends by status and descends by created_at: walked backwards it gives created_at
    ascending, so one query for "status < ?" would sort every run of a status (a fifth of the org). Within
    one status the index's own order is the sort's.
    """
    rows: list[sqlite3.Row] = []
    bound = args[0] if args else None
    while len(rows) < limit:
        below = "" if bound is None else " AND status < ?"
        found = conn.execute(
            f"SELECT status FROM runs WHERE {condition}{below} ORDER BY status DESC LIMIT 1",
            [*params, *([] if bound is None else [bound])],
        ).fetchone()
        if found is None:
            break
        bound = found[0]
        rows += conn.execute(
            f"{select} AND status = ? ORDER BY {order} LIMIT ?", [*params, bound, limit - len(rows)]
        )
    return rows


def set_flags(conn: sqlite3.Connection, run_id: str, flagged: int, changed: dict[str, bool]) -> None:
    """A run's finding count and the `flagged` mark of the answers whose mark changed (migration 0008); with
    the job's next statement on PostgreSQL."""
    execute_later(
        conn, "UPDATE runs SET flagged = ? WHERE id = ? AND flagged != ?", (flagged, run_id, flagged)
    )
    if changed:
        execute_many_later(
            conn,
            "UPDATE answers SET flagged = ? WHERE run_id = ? AND step_id = ?",
            [(int(mark), run_id, step_id) for step_id, mark in changed.items()],
        )


def due_for_expiry(
    conn: sqlite3.Connection, now: str, grace_cutoff: str, limit: int = 500, org_id: str | None = None
) -> list[str]:
    """Ids of runs to expire: unopened past `expires_at`, or opened with `expires_at` before `grace_cutoff`;
    only `org_id`'s when given."""
    in_org = " AND org_id = ?" if org_id is not None else ""
    rows = conn.execute(
        "SELECT id FROM runs WHERE status IN (?, ?) AND expires_at IS NOT NULL AND expires_at <= ? AND ("
        f" (opened_at IS NULL AND expires_at <= ?) OR (opened_at IS NOT NULL AND expires_at <= ?)){in_org} LIMIT ?",
        (*OPEN_STATUSES, now, now, grace_cutoff, *([org_id] if org_id is not None else []), limit),
    ).fetchall()
    return [r[0] for r in rows]
