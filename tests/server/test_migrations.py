"""Schema migrations on a database that already holds data: 0005 rebuilds `runs` (snapshots by reference)
keeping every row, its rowid and its children, and refuses to commit over dangling foreign keys."""

from __future__ import annotations

import sqlite3

import pytest

from server import tdl
from server.store import runs as run_store
from server.store import templates as template_store
from server.store.db import connect
from server.store.migrations import migrate
from tests.support.samples import minimal

ORG = "org-00000000-0000-4000-8000-000000000001"
NOW = "2026-11-01T08:00:00Z"


def v4_database(path) -> sqlite3.Connection:
    """A database as it was before 0005, with an org, a template and a run that stored its snapshot."""
    conn = connect(path)
    assert migrate(conn, upto=4)[-1] == "0004_runs_keyset.sql"
    conn.execute(
        "INSERT INTO orgs (id, name, plan, created_at) VALUES (?, 'Acme', 'unlimited', ?)", (ORG, NOW)
    )
    template = template_store.insert_template(conn, ORG, minimal())
    conn.execute(
        "INSERT INTO runs (id, org_id, template_id, template_v, template_name, snapshot, status, created_at, "
        "updated_at, expires_at) VALUES ('r-old', ?, ?, 1, ?, ?, 'pending', ?, ?, NULL)",
        (ORG, template["id"], template["name"], '{"name": "as stored then", "sections": []}', NOW, NOW),
    )
    conn.execute("INSERT INTO answers (run_id, step_id, value, at) VALUES ('r-old', 's-1', '1', ?)", (NOW,))
    return conn


def test_0005_keeps_every_run_and_new_runs_keep_their_snapshot_by_reference(tmp_path):
    conn = v4_database(tmp_path / "rundun.db")
    template_id = conn.execute("SELECT id FROM templates").fetchone()[0]
    rowid = conn.execute("SELECT rowid FROM runs WHERE id = 'r-old'").fetchone()[0]
    assert migrate(conn, upto=5) == ["0005_runs_snapshot_by_reference.sql"]
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = conn.execute("SELECT snapshot FROM runs WHERE id = 'r-old'").fetchone()[0]
    assert stored == '{"name": "as stored then", "sections": []}'  # kept as it was stored
    assert conn.execute("SELECT rowid FROM runs WHERE id = 'r-old'").fetchone()[0] == rowid  # keyset cursors
    assert conn.execute("SELECT count(*) FROM answers WHERE run_id = 'r-old'").fetchone()[0] == 1
    indexes = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs'")
    }
    assert {"runs_org_created", "runs_org_status", "runs_expiry", "runs_org_never_expires"} <= indexes
    # The store's code reads today's schema: the migrations after 0005 first, and the old run still reads
    # as it was stored.
    migrate(conn)
    assert run_store.get_run(conn, "r-old")["snapshot"] == {"name": "as stored then", "sections": []}
    run_store.insert_runs(
        conn,
        [
            {
                "id": "r-new",
                "org_id": ORG,
                "template_id": template_id,
                "template_v": 1,
                "template_name": "x",
                "executor_ref": None,
                "webhook": None,
                "created_at": NOW,
                "expires_at": None,
                "progress_total": 1,
            }
        ],
    )
    assert conn.execute("SELECT snapshot FROM runs WHERE id = 'r-new'").fetchone()[0] is None
    assert run_store.get_run(conn, "r-new")["snapshot"] == template_store.get_template(conn, ORG, template_id)
    with pytest.raises(sqlite3.IntegrityError):  # foreign keys are enforced again
        conn.execute(
            "INSERT INTO answers (run_id, step_id, value, at) VALUES ('r-none', 's-1', '1', ?)", (NOW,)
        )


def test_0005_rolls_back_over_dangling_foreign_keys(tmp_path):
    conn = v4_database(tmp_path / "rundun.db")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO answers (run_id, step_id, value, at) VALUES ('r-gone', 's-1', '1', ?)", (NOW,))
    conn.execute("PRAGMA foreign_keys=ON")
    with pytest.raises(sqlite3.IntegrityError, match="foreign keys"):
        migrate(conn)
    assert [r[0] for r in conn.execute("SELECT id FROM migrations ORDER BY id")] == [1, 2, 3, 4]
    notnull = {r["name"]: r["notnull"] for r in conn.execute("PRAGMA table_info(runs)")}
    assert notnull["snapshot"] == 1  # the old table, untouched
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_0008_gives_old_templates_flag_null_old_runs_flagged_0_and_counts_them_in_the_rollups(tmp_path):
    conn = v4_database(tmp_path / "rundun.db")
    assert migrate(conn, upto=5)[-1] == "0005_runs_snapshot_by_reference.sql"
    assert "0008_findings_and_rollups.sql" in migrate(conn)
    template_id = conn.execute("SELECT id FROM templates").fetchone()[0]
    document = template_store.get_template(conn, ORG, template_id)
    steps = [s for section in document["sections"] for s in section["steps"]]
    assert steps and all(s["flag"] is None for s in steps)
    assert [s["id"] for s in steps] == [
        s["id"] for section in minimal()["sections"] for s in section["steps"]
    ]
    assert run_store.get_run(conn, "r-old")["flagged"] == 0
    assert run_store.get_answers(conn, "r-old")["s-1"]["flagged"] is False
    rollups = conn.execute("SELECT slot, status, runs, flagged_runs FROM run_rollups").fetchall()
    assert [tuple(r) for r in rollups] == [("2026-11-01T08:00", "pending", 1, 0)]
    run_store.update_run(conn, "r-old", {"status": "cancelled"})
    run_store.set_flags(conn, "r-old", 2, {})
    rollups = conn.execute("SELECT status, runs, flagged_runs FROM run_rollups ORDER BY status").fetchall()
    assert [tuple(r) for r in rollups] == [("cancelled", 1, 1), ("pending", 0, 0)]


def test_0011_keeps_templates_and_runs_as_single_language_english(tmp_path):
    conn = v4_database(tmp_path / "rundun.db")
    migrate(conn, upto=10)  # the last release's schema
    template_id = conn.execute("SELECT id FROM templates").fetchone()[0]
    conn.execute(
        "INSERT INTO runs (id, org_id, template_id, template_v, template_name, status, created_at, updated_at) "
        "VALUES ('r-ref', ?, ?, 1, 'Quick check', 'pending', ?, ?)",
        (ORG, template_id, NOW, NOW),
    )
    before = template_store.get_template(conn, ORG, template_id)
    assert "languages" not in before
    assert migrate(conn, upto=11) == ["0011_languages.sql"]
    after = template_store.get_template(conn, ORG, template_id)
    assert after == {**before, "languages": ["en"], "translations": {}}  # nothing else changed
    assert template_store.version_document(conn, template_id, 1) == after
    assert tdl.validate_template(
        {k: v for k, v in after.items() if k not in ("id", "v", "org_id", "created_at", "updated_at")}
    )
    migrate(conn)  # the store reads today's schema
    for run_id in ("r-old", "r-ref"):
        run = run_store.get_run(conn, run_id)
        assert run["language"] == "en" and tdl.template_languages(run["snapshot"]) == ["en"]
    assert run_store.get_run(conn, "r-old")["snapshot"] == {"name": "as stored then", "sections": []}
    assert run_store.get_answers(conn, "r-old")["s-1"]["value"] == 1


def test_0010_counts_old_runs_per_hour_and_its_triggers_follow_every_change(tmp_path):
    conn = v4_database(tmp_path / "rundun.db")
    migrate(conn, upto=8)
    assert "0010_hourly_rollups.sql" in migrate(conn)
    hourly = lambda: [
        tuple(r)
        for r in conn.execute(
            "SELECT slot, status, runs, flagged_runs FROM run_rollups_hourly ORDER BY status"
        )
    ]
    assert hourly() == [("2026-11-01T08", "pending", 1, 0)]  # backfilled from 0008's quarter hours
    run_store.update_run(conn, "r-old", {"status": "cancelled"})
    run_store.set_flags(conn, "r-old", 2, {})
    assert hourly() == [("2026-11-01T08", "cancelled", 1, 1), ("2026-11-01T08", "pending", 0, 0)]
    quarter = conn.execute("SELECT sum(runs), sum(flagged_runs) FROM run_rollups").fetchone()
    assert tuple(quarter) == (1, 1)  # both tables tell the same totals
    conn.execute("DELETE FROM answers WHERE run_id = 'r-old'")
    conn.execute("DELETE FROM photos WHERE run_id = 'r-old'")
    conn.execute("DELETE FROM runs WHERE id = 'r-old'")
    assert sum(r[2] for r in hourly()) == 0


def test_0016_counts_old_runs_per_day_and_completion_bucket_and_its_triggers_follow_every_change(tmp_path):
    conn = v4_database(tmp_path / "rundun.db")
    migrate(conn, upto=12)
    conn.execute(
        "UPDATE runs SET status = 'completed', opened_at = '2026-11-01T09:00:00Z', "
        "completed_at = '2026-11-01T09:04:19Z' WHERE id = 'r-old'"
    )
    assert "0016_daily_rollups.sql" in migrate(conn)

    def daily():
        return [
            tuple(r)
            for r in conn.execute(
                "SELECT day, status, runs, flagged_runs FROM run_rollups_daily WHERE runs > 0"
            )
        ]

    def buckets():
        return [
            tuple(r) for r in conn.execute("SELECT day, bucket, runs FROM run_completions WHERE runs > 0")
        ]

    assert daily() == [("2026-11-01", "completed", 1, 0)]  # backfilled from 0010's hours
    assert buckets() == [("2026-11-01", 250, 1)]  # 259 s: its first two digits
    run_store.update_run(conn, "r-old", {"completed_at": "2026-11-01T09:00:42Z"})
    assert buckets() == [("2026-11-01", 42, 1)]  # below 100 s, to the second
    run_store.set_flags(conn, "r-old", 1, {})
    assert daily() == [("2026-11-01", "completed", 1, 1)]
    run_store.update_run(conn, "r-old", {"status": "cancelled"})
    assert daily() == [("2026-11-01", "cancelled", 1, 1)] and buckets() == []
    run_store.update_run(conn, "r-old", {"status": "completed", "completed_at": "2026-11-04T10:00:00Z"})
    assert buckets() == [("2026-11-01", 260000, 1)]  # 262 800 s
    conn.execute("DELETE FROM answers WHERE run_id = 'r-old'")
    conn.execute("DELETE FROM photos WHERE run_id = 'r-old'")
    conn.execute("DELETE FROM runs WHERE id = 'r-old'")
    assert daily() == [] and buckets() == []
