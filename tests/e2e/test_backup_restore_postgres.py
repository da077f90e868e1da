"""`rundun-server backup` of a PostgreSQL deployment while its real server takes writes, then `restore` into
a new, empty database and data dir: a server on them serves the same runs, answers, history and
byte-identical photos. Refused, each with one clear line and nothing written to the database or the data
dir: a wrong passphrase, a flipped byte, a newer schema, a database that is not empty, and a SQLite backup
into PostgreSQL or the reverse. The database's password shows in no message."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import psycopg
import pytest

from server.backup.pgtools import connection
from tests.support.backups import (
    NOW,
    assert_serves_the_photos,
    comparable,
    photos_of,
    populate,
    populated_install,
)
from tests.support.postgres import PASSWORD
from tests.support.server_process import ServerProcess, init_org, run_cli

pytestmark = pytest.mark.e2e
FAST = {"RUNDUN_RATE_LIMIT": "1000000"}


def _tables(url: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        ).fetchone()[0]


def _refused(done, *words: str) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and PASSWORD not in done.stderr + done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: restore refused, nothing was written"), done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _nothing_written(url: str, data_dir: Path) -> None:
    assert _tables(url) == 0
    assert not data_dir.exists()
    assert [p.name for p in data_dir.parent.iterdir() if "restoring" in p.name] == []


@pytest.fixture(scope="module")
def source(pg_cluster, tmp_path_factory):
    """A PostgreSQL deployment with runs, answers and photos, served by a real server; yields
    (server, key, env, data dir, the run documents)."""
    data_dir = tmp_path_factory.mktemp("pg-source")
    env = {"RUNDUN_DATABASE_URL": pg_cluster.new_database(), **FAST}
    key = init_org(data_dir, env=env)
    server = ServerProcess(data_dir, env=env).start()
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            run_ids = populate(c, 6)
            docs = {run_id: c.get(f"/v1/runs/{run_id}").json() for run_id in run_ids}
        yield server, key, env, data_dir, docs
    finally:
        server.stop()


@pytest.fixture(scope="module")
def archive(source, tmp_path_factory):
    """An encrypted backup of the source (taken while nothing writes), and its passphrase file."""
    _, _, env, data_dir, _ = source
    work = tmp_path_factory.mktemp("pg-archive")
    passphrase = work / "pass.txt"
    passphrase.write_text("correct horse battery staple\n")
    done = run_cli(
        "backup", "--data-dir", str(data_dir), "--to", str(work / "b.rdbk"), "--passphrase-file", str(passphrase),
        env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return work / "b.rdbk", passphrase


def test_backup_while_serving_writes_restores_into_an_empty_database(source, pg_cluster, tmp_path):
    server, key, env, data_dir, before = source
    photos = photos_of(before)
    template_id = next(iter(before.values()))["template_id"]
    writes, stop, first_write = [], threading.Event(), threading.Event()

    def keep_writing() -> None:  # the server serves writes during the whole backup
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            while not stop.is_set():
                writes.append(c.post("/v1/runs", json={"template_id": template_id}).status_code)
                first_write.set()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        assert first_write.wait(timeout=60)  # so the snapshot holds at least one run written meanwhile
        archive = tmp_path / "backup.rdbk"
        done = run_cli("backup", "--data-dir", str(data_dir), "--to", str(archive), env=env)
    finally:
        stop.set()
        writer.join()
    assert done.returncode == 0, done.stderr
    assert "runs" in done.stdout and PASSWORD not in done.stdout
    # The photos are rows of the dump (the default `postgresql` media store): none is named missing, and
    # the archive's media part is empty (no second copy).
    assert "warning" not in done.stderr and "0 photo files" in done.stdout, (done.stdout, done.stderr)
    assert writes and set(writes) == {201}  # writes went on, and every one was acknowledged

    target = {"RUNDUN_DATABASE_URL": pg_cluster.empty_database(), **FAST}
    restored_dir = tmp_path / "restored"
    done = run_cli("restore", "--data-dir", str(restored_dir), "--from", str(archive), env=target)
    assert done.returncode == 0, done.stderr
    restored = ServerProcess(restored_dir, env=target).start()
    try:
        with httpx.Client(base_url=restored.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            for run_id, doc in before.items():
                again = c.get(f"/v1/runs/{run_id}").json()
                assert comparable(again) == comparable(doc)
                history = c.get(f"/v1/runs/{run_id}/history").json()
                assert any(entry.get("step_id") == "s-num" for entry in history["data"]), history
                for p in again["answers"]["s-photo"]["photos"]:
                    assert httpx.get(p["url"]).content == photos[(run_id, p["sha256"])]  # byte-identical
            listed = c.get("/v1/runs?per_page=100").json()["data"]
            assert len(listed) >= len(before) + 1  # the runs written during the backup, up to its snapshot
            assert c.get("/v1/health").json()["status"] == "ok"
            assert c.post("/v1/runs", json={"template_id": template_id}).status_code == 201  # and it writes
    finally:
        restored.stop()


def test_an_encrypted_backup_restores_with_its_passphrase_and_refuses_a_wrong_one(
    archive, pg_cluster, tmp_path
):
    path, passphrase = archive
    url = pg_cluster.empty_database()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase")
    new_dir = tmp_path / "new"
    for extra, words in (
        (["--passphrase-file", str(wrong)], ["Wrong passphrase"]),
        ([], ["encrypted"]),
    ):
        done = run_cli(
            "restore", "--data-dir", str(new_dir), "--from", str(path), *extra, "--database-url", url
        )
        _refused(done, *words)
        _nothing_written(url, new_dir)
    done = run_cli(
        "restore", "--data-dir", str(new_dir), "--from", str(path), "--passphrase-file", str(passphrase),
        "--database-url", url,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _tables(url) > 0 and not any((new_dir / "media").rglob("*"))  # the photos came with the dump
    with psycopg.connect(url) as conn:
        stored = conn.execute("SELECT count(*) FROM media_blobs").fetchone()[0]
        referenced = conn.execute("SELECT count(DISTINCT sha256) FROM photos").fetchone()[0]
    assert stored == referenced > 0


def test_a_photo_missing_from_the_media_tables_is_named_by_the_backup(pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    env = {"RUNDUN_DATABASE_URL": url, **FAST}
    populated_install(tmp_path / "src", env, 1)
    with psycopg.connect(url, autocommit=True) as conn:
        lost = conn.execute("SELECT min(sha256) FROM photos").fetchone()[0]
        conn.execute("DELETE FROM media_chunks WHERE owner = %s", (lost,))
        conn.execute("DELETE FROM media_blobs WHERE sha256 = %s", (lost,))
    done = run_cli("backup", "--data-dir", str(tmp_path / "src"), "--to", str(tmp_path / "b.rdbk"), env=env)
    assert done.returncode == 3, done.stderr  # written, but incomplete: a cron job sees it
    [line] = done.stderr.splitlines()
    assert line.startswith("error: backup incomplete: 1 photo is referenced"), line
    assert lost in line and "in the database" in line, line


def test_any_damaged_byte_is_refused_and_nothing_is_written(archive, pg_cluster, tmp_path):
    path, passphrase = archive
    data = path.read_bytes()
    url = pg_cluster.empty_database()
    new_dir = tmp_path / "new"
    for position in (len(data) // 3, len(data) // 2, len(data) - 40):  # in the dump, a photo, the manifest
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        (tmp_path / "damaged.rdbk").write_bytes(bytes(damaged))
        done = run_cli(
            "restore", "--data-dir", str(new_dir), "--from", str(tmp_path / "damaged.rdbk"),
            "--passphrase-file", str(passphrase), "--database-url", url,
        )  # fmt: skip
        _refused(done, "damaged")
        _nothing_written(url, new_dir)


def test_a_database_that_is_not_empty_is_refused(archive, pg_cluster, tmp_path):
    path, passphrase = archive
    url = pg_cluster.new_database()  # migrated: what `rundun-server init` or a first `serve` leaves
    done = run_cli(
        "restore", "--data-dir", str(tmp_path / "new"), "--from", str(path), "--passphrase-file", str(passphrase),
        "--database-url", url,
    )  # fmt: skip
    _refused(done, "is not empty", "***")
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM orgs").fetchone()[0] == 0
    assert not (tmp_path / "new").exists()


def test_a_newer_schema_is_refused(pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    init_org(tmp_path / "src", env={"RUNDUN_DATABASE_URL": url})
    with psycopg.connect(url, autocommit=True) as conn:  # as a newer server would leave it
        conn.execute(
            "INSERT INTO migrations (id, name, applied_at) VALUES (9999, '9999_future.sql', %s)", (NOW,)
        )
    archive = tmp_path / "future.rdbk"
    done = run_cli("backup", "--data-dir", str(tmp_path / "src"), "--to", str(archive), "--database-url", url)
    assert done.returncode == 0, done.stderr
    target = pg_cluster.empty_database()
    done = run_cli(
        "restore", "--data-dir", str(tmp_path / "new"), "--from", str(archive), "--database-url", target
    )
    _refused(done, "newer Rundun", "9999")
    _nothing_written(target, tmp_path / "new")


def test_a_backup_of_the_other_engine_is_refused(archive, pg_cluster, tmp_path):
    pg_archive, passphrase = archive
    sqlite_dir = tmp_path / "sqlite"
    init_org(sqlite_dir)
    sqlite_archive = tmp_path / "sqlite.rdbk"
    assert run_cli("backup", "--data-dir", str(sqlite_dir), "--to", str(sqlite_archive)).returncode == 0

    url = pg_cluster.empty_database()
    done = run_cli(
        "restore", "--data-dir", str(tmp_path / "a"), "--from", str(sqlite_archive), "--database-url", url
    )
    _refused(done, "SQLite data dir", "without a database URL")
    _nothing_written(url, tmp_path / "a")

    done = run_cli(
        "restore",
        "--data-dir",
        str(tmp_path / "b"),
        "--from",
        str(pg_archive),
        "--passphrase-file",
        str(passphrase),
    )  # no database URL: a SQLite data dir
    _refused(done, "PostgreSQL database", "--database-url")
    assert not (tmp_path / "b").exists()


def test_the_password_stays_out_of_argv_and_messages(pg_cluster, tmp_path):
    conninfo, env = connection(pg_cluster.url())
    assert PASSWORD not in conninfo and env["PGPASSWORD"] == PASSWORD  # pg_dump's argv holds no password
    wrong = pg_cluster.url(password="hunter2-wrong")
    done = run_cli(
        "backup", "--data-dir", str(tmp_path), "--to", str(tmp_path / "b.rdbk"), "--database-url", wrong
    )
    assert done.returncode == 2 and "hunter2" not in done.stderr + done.stdout  # configuration: refused
    assert "password authentication failed" in done.stderr
    assert not (tmp_path / "b.rdbk").exists() and not (tmp_path / "b.rdbk.partial").exists()


def test_photo_files_of_a_backup_restore_into_the_default_media_tables(pg_cluster, tmp_path):
    """A backup made with RUNDUN_MEDIA_STORE=files holds the photos as files; restored where the default
    store is used, they are written into the restored database's media tables once it is installed."""
    files = {"RUNDUN_DATABASE_URL": pg_cluster.new_database(), "RUNDUN_MEDIA_STORE": "files", **FAST}
    data_dir = tmp_path / "src"
    key, _, photos = populated_install(data_dir, files, 1)
    archive = tmp_path / "b.rdbk"
    done = run_cli("backup", "--data-dir", str(data_dir), "--to", str(archive), env=files)
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
    assert f"{len({sha for _, sha in photos})} photo files" in done.stdout, done.stdout

    target = {"RUNDUN_DATABASE_URL": pg_cluster.empty_database(), **FAST}
    restored_dir = tmp_path / "restored"
    done = run_cli("restore", "--data-dir", str(restored_dir), "--from", str(archive), env=target)
    assert done.returncode == 0, done.stderr
    assert not any((restored_dir / "media").rglob("*"))
    assert_serves_the_photos(restored_dir, target, key, photos)  # byte-identical


def test_photos_in_the_dump_restore_into_files_when_the_restoring_side_uses_them(
    source, archive, pg_cluster, tmp_path
):
    """A backup made with the default store (photos as rows of the dump) restored with
    RUNDUN_MEDIA_STORE=files: the photos are also written as files, where that server reads them."""
    _, key, _, _, docs = source
    path, passphrase = archive
    files = {"RUNDUN_DATABASE_URL": pg_cluster.empty_database(), "RUNDUN_MEDIA_STORE": "files", **FAST}
    restored_dir = tmp_path / "restored"
    done = run_cli(
        "restore", "--data-dir", str(restored_dir), "--from", str(path), "--passphrase-file", str(passphrase),
        env=files,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    photos = photos_of(docs)
    assert {p.name for p in (restored_dir / "media").rglob("*") if p.is_file()} == {sha for _, sha in photos}
    assert_serves_the_photos(restored_dir, files, key, photos)
