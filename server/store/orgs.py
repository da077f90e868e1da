"""Organisations, their monthly usage, API keys and members."""

from __future__ import annotations

import sqlite3

from server.clock import now_iso
from server.ids import API_KEY_PREFIX, MEMBER_TOKEN_PREFIX, new_id, new_secret, sha256_hex
from server.store.rows import execute_later


def _insert(conn: sqlite3.Connection, table: str, row: dict) -> None:
    columns = ", ".join(row)
    marks = ", ".join(f":{column}" for column in row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", row)


def create_org(conn: sqlite3.Connection, name: str, plan: str, default_expires_in_hours: float = 72) -> dict:
    org = {
        "id": new_id("org"),
        "name": name,
        "plan": plan,
        "run_credits": 0,
        "default_expires_in_hours": default_expires_in_hours,
        "created_at": now_iso(),
    }
    _insert(conn, "orgs", org)
    return org


def get_org(conn: sqlite3.Connection, org_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM orgs WHERE id = ?", (org_id,)).fetchone()
    return dict(row) if row else None


def list_orgs(conn: sqlite3.Connection) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT * FROM orgs ORDER BY created_at")]


def update_org(conn: sqlite3.Connection, org_id: str, fields: dict) -> None:
    if fields:
        assignments = ", ".join(f"{column} = :{column}" for column in fields)
        conn.execute(f"UPDATE orgs SET {assignments} WHERE id = :_id", {**fields, "_id": org_id})


# A balance stays a whole number a JSON reader keeps exactly (2**53 - 1): past SQLite's INTEGER it turned into
# a REAL, and `GET /v1/org` showed 9.223372036854776e+18.
MAX_CREDITS = 2**53 - 1


def add_credits(conn: sqlite3.Connection, org_id: str, count: int) -> int | None:
    """The new balance, or None (nothing changed) when it would pass MAX_CREDITS."""
    done = conn.execute(
        "UPDATE orgs SET run_credits = run_credits + ? WHERE id = ? AND run_credits <= ? - ?",
        (count, org_id, MAX_CREDITS, count),
    )
    if done.rowcount == 0:
        return None
    return conn.execute("SELECT run_credits FROM orgs WHERE id = ?", (org_id,)).fetchone()[0]


def runs_used(conn: sqlite3.Connection, org_id: str, month: str) -> int:
    row = conn.execute(
        "SELECT runs_used FROM usage_months WHERE org_id = ? AND month = ?", (org_id, month)
    ).fetchone()
    return row[0] if row else 0


def count_runs(conn: sqlite3.Connection, org_id: str, month: str, runs: int, credits_spent: int) -> None:
    """Add `runs` dispatched runs to the month's usage, `credits_spent` of them paid by run credits.
    Written later (`rows.execute_later`): on PostgreSQL they ride with the dispatch's COMMIT, not in round trips of their own."""
    execute_later(
        conn,
        "INSERT INTO usage_months (org_id, month, runs_used) VALUES (?, ?, ?) "
        "ON CONFLICT (org_id, month) DO UPDATE SET runs_used = usage_months.runs_used + excluded.runs_used",
        (org_id, month, runs),
    )
    if credits_spent:
        execute_later(
            conn, "UPDATE orgs SET run_credits = run_credits - ? WHERE id = ?", (credits_spent, org_id)
        )


# -- API keys ----------------------------------------------------------------------------------------------
def create_api_key(conn: sqlite3.Connection, org_id: str, name: str) -> tuple[dict, str]:
    """Store a new key's hash; return its public row and the plaintext, which is never kept."""
    plaintext = new_secret(API_KEY_PREFIX)
    row = {
        "id": new_id("key"),
        "org_id": org_id,
        "name": name,
        "prefix": plaintext[: len(API_KEY_PREFIX) + 4],
        "key_hash": sha256_hex(plaintext),
        "created_at": now_iso(),
        "last_used_at": None,
        "revoked_at": None,
    }
    _insert(conn, "api_keys", row)
    return row, plaintext


def key_by_hash(conn: sqlite3.Connection, key_hash: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, org_id, key_hash, revoked_at FROM api_keys WHERE key_hash = ?", (key_hash,)
    ).fetchone()


def list_api_keys(conn: sqlite3.Connection, org_id: str) -> list[dict]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_keys "
            "WHERE org_id = ? ORDER BY created_at, rowid",  # rowid: the order they were made in, within a second
            (org_id,),
        )
    ]


def revoke_api_key(conn: sqlite3.Connection, org_id: str, key_id: str) -> str | None:
    """Revoke and return the key's hash, or None when the org has no such key."""
    row = conn.execute(
        "SELECT key_hash, revoked_at FROM api_keys WHERE id = ? AND org_id = ?", (key_id, org_id)
    ).fetchone()
    if row is None:
        return None
    if row["revoked_at"] is None:
        conn.execute("UPDATE api_keys SET revoked_at = ? WHERE id = ?", (now_iso(), key_id))
    return row["key_hash"]


def touch_api_key(conn: sqlite3.Connection, key_id: str, when: str) -> None:
    conn.execute("UPDATE api_keys SET last_used_at = ? WHERE id = ?", (when, key_id))


# -- members -----------------------------------------------------------------------------------------------
MEMBER_COLUMNS = "id AS user_id, name, email, created_at"


def create_member(conn: sqlite3.Connection, org_id: str, name: str, email: str) -> tuple[dict, str]:
    token = new_secret(MEMBER_TOKEN_PREFIX)
    row = {
        "id": new_id("u"),
        "org_id": org_id,
        "name": name,
        "email": email,
        "token_hash": sha256_hex(token),
        "created_at": now_iso(),
        "deleted_at": None,
    }
    _insert(conn, "users", row)
    return {"user_id": row["id"], "name": name, "email": email, "created_at": row["created_at"]}, token


def list_members(conn: sqlite3.Connection, org_id: str) -> list[dict]:
    return [
        dict(r)
        for r in conn.execute(
            f"SELECT {MEMBER_COLUMNS} FROM users WHERE org_id = ? AND deleted_at IS NULL ORDER BY created_at, id",
            (org_id,),
        )
    ]


def delete_member(conn: sqlite3.Connection, org_id: str, user_id: str) -> bool:
    """Remove a member: their sign-in token stops working, and so does every executor token they were given
    (the runs they opened keep their answers, `assigned_to` and identity until another member opens them:
    `services.executor`). In one transaction: no answer of theirs is taken after the 204."""
    cur = conn.execute(
        "UPDATE users SET deleted_at = ? WHERE id = ? AND org_id = ? AND deleted_at IS NULL",
        (now_iso(), user_id, org_id),
    )
    if cur.rowcount != 1:
        return False
    conn.execute(
        "UPDATE runs SET executor_token_hash = NULL "
        "WHERE org_id = ? AND assigned_to = ? AND executor_token_hash IS NOT NULL",
        (org_id, user_id),
    )
    return True


def member_by_token_hash(conn: sqlite3.Connection, token_hash: str) -> dict | None:
    row = conn.execute(
        f"SELECT {MEMBER_COLUMNS}, org_id FROM users WHERE token_hash = ? AND deleted_at IS NULL",
        (token_hash,),
    ).fetchone()
    return dict(row) if row else None


# -- server-wide secrets -----------------------------------------------------------------------------------
def meta_get_or_create(conn: sqlite3.Connection, key: str, make) -> str:
    """The stored value of `key`, made and stored the first time. Processes starting together on one
    PostgreSQL database (`serve --workers 2`) may both find none: the first insert wins, and every process
    reads the value that won (the other's insert does nothing instead of failing its start-up)."""
    row = conn.execute("SELECT value FROM server_meta WHERE key = ?", (key,)).fetchone()
    if row:
        return row[0]
    conn.execute(
        "INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", (key, make())
    )
    return conn.execute("SELECT value FROM server_meta WHERE key = ?", (key,)).fetchone()[0]
