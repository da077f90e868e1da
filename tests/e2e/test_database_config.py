"""A bad database configuration stops `rundun-server` at start with one clear line (exit 2), never a
traceback, and changes nothing: unreachable, wrong credentials, a newer schema, SQLite with workers."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from tests.support.postgres import PASSWORD
from tests.support.server_process import free_port, run_cli

pytestmark = pytest.mark.e2e


def _one_line_error(done) -> str:
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def test_an_unreachable_database_is_one_line(tmp_path):
    url = f"postgresql://rundun:secret@127.0.0.1:{free_port()}/rundun"
    line = _one_line_error(
        run_cli("serve", "--data-dir", str(tmp_path), "--database-url", url, "--port", "0")
    )
    assert "cannot use the database" in line and "secret" not in line  # the password is never printed


def test_wrong_credentials_are_one_line(tmp_path, pg_cluster):
    url = pg_cluster.url(password="not-" + PASSWORD)
    line = _one_line_error(run_cli("init", "--data-dir", str(tmp_path), "--org", "A", "--database-url", url))
    assert "password authentication failed" in line


def test_a_postgresql_database_of_a_newer_schema_is_refused(tmp_path, pg_cluster):
    url = pg_cluster.new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO migrations (id, name, applied_at) VALUES (9999, '9999_future.sql', 'x')")
    line = _one_line_error(run_cli("init", "--data-dir", str(tmp_path), "--org", "A", "--database-url", url))
    assert "schema version 9999" in line
    with psycopg.connect(url) as conn:  # nothing written
        assert conn.execute("SELECT count(*) FROM orgs").fetchone()[0] == 0


def test_a_sqlite_database_of_a_newer_schema_is_refused(tmp_path):
    assert run_cli("init", "--data-dir", str(tmp_path), "--org", "A").returncode == 0
    with sqlite3.connect(tmp_path / "rundun.db") as conn:
        conn.execute("INSERT INTO migrations (id, name, applied_at) VALUES (9999, '9999_future.sql', 'x')")
    line = _one_line_error(run_cli("serve", "--data-dir", str(tmp_path), "--port", "0"))
    assert "schema version 9999" in line


def test_sqlite_with_two_workers_is_refused(tmp_path):
    line = _one_line_error(run_cli("serve", "--data-dir", str(tmp_path), "--workers", "2", "--port", "0"))
    assert "needs a PostgreSQL database" in line
    assert not (tmp_path / "rundun.db").exists()


def test_backup_and_restore_of_an_unreachable_postgresql_are_one_line(tmp_path):
    env = {"RUNDUN_DATABASE_URL": f"postgresql://rundun:secret@127.0.0.1:{free_port()}/rundun"}
    for done in (
        run_cli("backup", "--data-dir", str(tmp_path), "--to", str(tmp_path / "b"), env=env),
        run_cli("restore", "--data-dir", str(tmp_path / "r"), "--from", "-", env=env),
    ):
        assert done.returncode == 2 and "Traceback" not in done.stderr
        line = done.stderr.strip()
        assert "\n" not in line and "Cannot use the database" in line and "secret" not in line
    assert not (tmp_path / "b").exists() and not (tmp_path / "r").exists()


def test_a_database_url_that_is_not_postgresql_is_refused(tmp_path):
    line = _one_line_error(
        run_cli("init", "--data-dir", str(tmp_path), "--org", "A", "--database-url", "mysql://x@y/z")
    )
    assert "must start with postgresql://" in line
