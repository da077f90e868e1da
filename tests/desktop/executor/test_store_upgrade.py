"""A store made by the last release (its schema counted in `PRAGMA user_version`) upgrades in place to the
one migration scheme (`rundun_migrations`, recorded in `migrations`): every run, answer, photo and outbox
entry is kept, and the actions that follow work on it. The old stores are built here from the old code's
own SQL, applied as it applied it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from rundun_desktop.executor import store as st
from tests.support.executor import every_type, jpeg

RUN = "r-00000000-0000-4000-8000-000000000001"
BASE = "http://127.0.0.1:9"
AT = "2026-11-01T08:00:00.000Z"

# The last release's migrations (rundun_desktop/executor/store/schema.py at dd498b4), verbatim: kept here, not read
# from the migration files, so that a later edit of those cannot change what an old store is.
OLD_MIGRATIONS = [
    """
    CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        base_url TEXT NOT NULL,
        token TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        template_name TEXT NOT NULL,
        identity TEXT,
        expires_at TEXT,
        server_status TEXT NOT NULL,
        server_progress TEXT,
        local_state TEXT NOT NULL DEFAULT 'open',
        refusal TEXT,
        attention TEXT,
        last_error TEXT,
        opened_at TEXT NOT NULL,
        synced_at TEXT
    );
    CREATE TABLE answers (
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        value TEXT,
        geo TEXT,
        skipped INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (run_id, step_id)
    );
    CREATE TABLE photos (
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        photo_index INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        file TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (run_id, step_id, photo_index)
    );
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        op_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        step_id TEXT,
        photo_index INTEGER,
        body TEXT NOT NULL,
        bytes INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending',
        upload_url TEXT,
        upload_offset INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX outbox_by_run ON outbox (run_id, state, seq);
    """,
    """
    ALTER TABLE runs ADD COLUMN server_id TEXT;
    CREATE INDEX runs_by_server ON runs (server_id);
    """,
]


def old_store(root, version: int) -> bytes:
    """A store as the last release left it at schema `version` (its `_migrate`, then its rows): a run with
    two answers, a photo (its file too), an answer op and a half-uploaded photo op. Returns the photo."""
    photo = jpeg(600)
    sha = hashlib.sha256(photo).hexdigest()
    (root / "photos" / sha[:2]).mkdir(parents=True)
    (root / "photos" / sha[:2] / f"{sha}.jpg").write_bytes(photo)
    conn = sqlite3.connect(root / st.DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    for number, script in enumerate(OLD_MIGRATIONS[:version], start=1):
        for statement in filter(str.strip, script.split(";")):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO runs (run_id, base_url, token, snapshot, template_name, identity, expires_at, server_status,"
        " server_progress, opened_at, synced_at) VALUES (?,?,?,?,?,NULL,NULL,'in_progress',?,?,?)",
        (RUN, BASE, "rde_" + "0" * 32, json.dumps(every_type()), "Every type", '{"total":12}', AT, AT),
    )
    conn.execute(
        "INSERT INTO answers (run_id, step_id, value, geo, skipped, at, at_ms) VALUES"
        " (?, 's-num', '12', NULL, 0, ?, 1), (?, 's-text', NULL, NULL, 1, ?, 2)",
        (RUN, AT, RUN, AT),
    )
    conn.execute(
        "INSERT INTO photos VALUES (?, 's-photo', 0, ?, ?, 'image/jpeg', ?, ?)",
        (RUN, sha, len(photo), f"photos/{sha[:2]}/{sha}.jpg", AT),
    )
    conn.execute(
        "INSERT INTO outbox (run_id, op_id, kind, step_id, body, created_at) VALUES (?, 'op_a', 'answer',"
        " 's-num', ?, ?)",
        (RUN, json.dumps({"value": 12, "at": AT}), AT),
    )
    conn.execute(
        "INSERT INTO outbox (run_id, op_id, kind, step_id, photo_index, body, bytes, upload_url, upload_offset,"
        " created_at) VALUES (?, 'op_p', 'photo', 's-photo', 0, ?, ?, ?, 100, ?)",
        (RUN, json.dumps({"sha256": sha}), len(photo), f"{BASE}/v1/runs/{RUN}/uploads/upl_1", AT),
    )
    conn.execute("COMMIT")
    conn.close()
    return photo


@pytest.mark.parametrize("version", [1, 2])
def test_a_store_of_the_last_release_keeps_every_run_answer_photo_and_outbox_entry(tmp_path, version):
    root = tmp_path / "exe"
    photo = old_store(root, version)
    store = st.LocalStore(root)
    try:
        assert store.schema_version() == 5
        recorded = store.conn.execute("SELECT id, name FROM migrations ORDER BY id").fetchall()
        assert [tuple(r) for r in recorded] == [
            (1, "0001_first_schema.sql"),
            (2, "0002_runs_server_id.sql"),
            (3, "0003_open_keys.sql"),
            (4, "0004_drafts.sql"),
            (5, "0005_photo_intake.sql"),
        ]
        run = store.run(RUN)
        assert run is not None and run["template_name"] == "Every type" and run["server_id"] is None
        assert run["snapshot"] == every_type() and run["server_progress"] == {"total": 12}
        answers = store.answers(RUN)
        assert answers["s-num"]["value"] == 12 and answers["s-text"]["skipped"] is True
        (kept,) = answers["s-photo"]["photos"]
        assert Path(kept["path"]).read_bytes() == photo
        ops = store.ops(RUN)
        assert [(o.op_id, o.kind) for o in ops] == [("op_a", "answer"), ("op_p", "photo")]
        assert ops[1].upload_offset == 100 and ops[1].upload_url.endswith("/uploads/upl_1")
        # Migration 2 at work on the kept run: bound to its server, it follows the server's new address,
        # the half-done upload's URL with it.
        assert [r["run_id"] for r in store.unbound_runs()] == [RUN]
        store.bind_server(RUN, "org-1", "http://127.0.0.1:10")
        assert store.move_server("org-1", "http://127.0.0.1:11") == [RUN]
        assert store.ops(RUN)[1].upload_url == f"http://127.0.0.1:11/v1/runs/{RUN}/uploads/upl_1"
        # New actions append after the old outbox (AUTOINCREMENT kept its count).
        new = store.set_answer(RUN, "s-bool", True)
        assert new.seq > ops[1].seq and store.integrity_check() == "ok"
    finally:
        store.close()
    again = st.LocalStore(root)  # reopening adopts and applies nothing twice
    try:
        assert again.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == 5
        assert len(again.ops(RUN)) == 3
    finally:
        again.close()


def test_a_fresh_store_records_its_migrations_in_the_migrations_table(tmp_path):
    store = st.LocalStore(tmp_path / "exe")
    try:
        assert store.schema_version() == len(st.schema_migrations()) == 5
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 0  # the old scheme is not written
    finally:
        store.close()


def test_a_store_of_a_newer_app_is_refused_in_words_and_left_as_it_is(tmp_path):
    root = tmp_path / "exe"
    st.LocalStore(root).close()
    with sqlite3.connect(root / st.DB_NAME) as conn:
        conn.execute("INSERT INTO migrations (id, name, applied_at) VALUES (9999, '9999_future.sql', 'x')")
    with pytest.raises(st.StoreError, match="newer Rundun"):
        st.LocalStore(root)
    with sqlite3.connect(root / st.DB_NAME) as conn:
        assert conn.execute("SELECT max(id) FROM migrations").fetchone()[0] == 9999
