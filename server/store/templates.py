"""Templates: the current version on `templates`, every version in `template_versions`."""

from __future__ import annotations

import sqlite3

from server.clock import now_iso
from server.ids import new_id
from server.store.rows import dialect, dumps, loads, page_query

SUMMARY = "SELECT id, v, name, description, tags, created_at, updated_at FROM templates"


def _summary(row: sqlite3.Row) -> dict:
    out = dict(row)
    out["tags"] = loads(out["tags"])
    return out


def insert_template(conn: sqlite3.Connection, org_id: str, body: dict) -> dict:
    now = now_iso()
    tid = new_id("t")
    conn.execute(
        "INSERT INTO templates (id, org_id, v, name, description, tags, body, created_at, updated_at) "
        "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
        (
            tid,
            org_id,
            body["name"],
            body.get("description"),
            dumps(body.get("tags", [])),
            dumps(body),
            now,
            now,
        ),
    )
    conn.execute(
        "INSERT INTO template_versions (template_id, v, body, created_at) VALUES (?, 1, ?, ?)",
        (tid, dumps(body), now),
    )
    return get_template(conn, org_id, tid)  # type: ignore[return-value]


def get_template(
    conn: sqlite3.Connection, org_id: str, template_id: str, v: int | None = None
) -> dict | None:
    """The template document (version `v`, default current), or None when absent, deleted or another org's."""
    row = conn.execute(
        "SELECT id, org_id, v, body, created_at, updated_at FROM templates "
        "WHERE id = ? AND org_id = ? AND deleted_at IS NULL",
        (template_id, org_id),
    ).fetchone()
    if row is None:
        return None
    body, version, updated_at = row["body"], row["v"], row["updated_at"]
    if v is not None and v != row["v"]:
        old = conn.execute(
            "SELECT body, created_at FROM template_versions WHERE template_id = ? AND v = ?", (template_id, v)
        ).fetchone()
        if old is None:
            return None
        body, version, updated_at = old["body"], v, old["created_at"]
    return _document(row, version, updated_at, body)


def _document(row: sqlite3.Row, v: int, updated_at: str, body: str) -> dict:
    """A template version as the API shows it: the server's fields, then the body's."""
    server_fields = {"id": row["id"], "v": v, "org_id": row["org_id"], "created_at": row["created_at"]}
    return {**server_fields, "updated_at": updated_at, **loads(body)}


def current_version(conn: sqlite3.Connection, org_id: str, template_id: str) -> sqlite3.Row | None:
    """`(v, name)` of a live template of this org (what a dispatch needs: the body is kept by reference)."""
    return conn.execute(
        "SELECT v, name FROM templates WHERE id = ? AND org_id = ? AND deleted_at IS NULL",
        (template_id, org_id),
    ).fetchone()


def version_document(conn: sqlite3.Connection, template_id: str, v: int) -> dict | None:
    """Version `v` exactly as `get_template(…, v)` shows it, deleted template or not: a run's snapshot.
    (A version's `created_at` is the template's `updated_at` while it was current.)"""
    row = conn.execute(
        "SELECT t.id, t.org_id, t.created_at, tv.body, tv.created_at AS updated_at FROM templates t "
        "JOIN template_versions tv ON tv.template_id = t.id WHERE t.id = ? AND tv.v = ?",
        (template_id, v),
    ).fetchone()
    return None if row is None else _document(row, v, row["updated_at"], row["body"])


def update_template(conn: sqlite3.Connection, org_id: str, template_id: str, new_v: int, body: dict) -> dict:
    now = now_iso()
    conn.execute(
        "UPDATE templates SET v = ?, name = ?, description = ?, tags = ?, body = ?, updated_at = ? "
        "WHERE id = ? AND org_id = ?",
        (
            new_v,
            body["name"],
            body.get("description"),
            dumps(body.get("tags", [])),
            dumps(body),
            now,
            template_id,
            org_id,
        ),
    )
    conn.execute(
        "INSERT INTO template_versions (template_id, v, body, created_at) VALUES (?, ?, ?, ?)",
        (template_id, new_v, dumps(body), now),
    )
    return get_template(conn, org_id, template_id)  # type: ignore[return-value]


def delete_template(conn: sqlite3.Connection, org_id: str, template_id: str) -> bool:
    cur = conn.execute(
        "UPDATE templates SET deleted_at = ? WHERE id = ? AND org_id = ? AND deleted_at IS NULL",
        (now_iso(), template_id, org_id),
    )
    return cur.rowcount == 1


def list_templates(
    conn: sqlite3.Connection, org_id: str, *, q: str | None, tag: str | None, page: int, per_page: int
) -> tuple[list[dict], int]:
    where = ["org_id = ?", "deleted_at IS NULL"]
    params: list = [org_id]
    like = "ILIKE" if dialect(conn) == "postgresql" else "LIKE"  # SQLite's LIKE ignores ASCII case
    for word in (q or "").split():  # every word, in any order ("move in" finds "Move-in inspection")
        where.append(f"(name {like} ? ESCAPE '\\' OR description {like} ? ESCAPE '\\')")
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [pattern, pattern]
    if tag:
        where.append(
            "EXISTS (SELECT 1 FROM jsonb_array_elements_text(templates.tags::jsonb) AS tag(value) WHERE tag.value = ?)"
            if dialect(conn) == "postgresql"
            else "EXISTS (SELECT 1 FROM json_each(templates.tags) WHERE json_each.value = ?)"
        )
        params.append(tag)
    rows, total = page_query(
        conn, SUMMARY, " AND ".join(where), params, "updated_at DESC, id", page, per_page
    )
    return [_summary(r) for r in rows], total


def list_versions(
    conn: sqlite3.Connection, org_id: str, template_id: str, page: int, per_page: int
) -> tuple[list[dict], int] | None:
    exists = conn.execute(
        "SELECT 1 FROM templates WHERE id = ? AND org_id = ? AND deleted_at IS NULL", (template_id, org_id)
    ).fetchone()
    if exists is None:
        return None
    rows, total = page_query(
        conn,
        "SELECT v, created_at FROM template_versions",
        "template_id = ?",
        [template_id],
        "v DESC",
        page,
        per_page,
    )
    return [dict(r) for r in rows], total
