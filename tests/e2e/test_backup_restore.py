"""`rundun-server backup` while a real server serves writes, then `restore` into a new data dir: a server
on the restored dir serves the same runs, answers, history and byte-identical photos. A wrong passphrase
or a newer schema is refused with a clear error and writes nothing."""

from __future__ import annotations

import sqlite3
import threading

import httpx
import pytest

from tests.support.backups import NOW, assert_serves_the_photos, photos_of, populate, populated_install
from tests.support.backups import comparable as _comparable
from tests.support.server_process import ServerProcess, init_org, run_cli

# SQLite's data dir; PostgreSQL's backup: test_backup_restore_postgres.py.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def serving(tmp_path):
    data_dir = tmp_path / "data"
    key = init_org(data_dir)
    server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "1000000"}).start()
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
    yield data_dir, server, client, key
    client.close()
    server.stop()


def test_backup_while_serving_writes_restores_the_same_runs_and_photos(serving, tmp_path):
    data_dir, server, client, key = serving
    run_ids = populate(client, 12)
    before = {run_id: client.get(f"/v1/runs/{run_id}").json() for run_id in run_ids}
    photos = photos_of(before)
    template_id = before[run_ids[0]]["template_id"]

    writes, stop = [], threading.Event()

    def keep_writing() -> None:  # the server serves writes during the whole backup
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            while not stop.is_set():
                r = c.post("/v1/runs", json={"template_id": template_id})
                writes.append(r.status_code)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        archive = tmp_path / "backup.rdbk"
        passphrase = tmp_path / "pass.txt"
        passphrase.write_text("correct horse battery staple\n")
        done = run_cli(
            "backup", "--data-dir", str(data_dir), "--to", str(archive), "--passphrase-file", str(passphrase)
        )
    finally:
        stop.set()
        writer.join()
    assert done.returncode == 0, done.stderr
    assert "12" in done.stdout or "runs" in done.stdout
    assert writes and set(writes) == {201}  # writes went on, and none failed
    assert not (tmp_path / "backup.rdbk.partial").exists()

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase")
    refused = run_cli(
        "restore",
        "--data-dir",
        str(tmp_path / "nope"),
        "--from",
        str(archive),
        "--passphrase-file",
        str(wrong),
    )
    assert refused.returncode == 1 and "Wrong passphrase" in refused.stderr
    no_passphrase = run_cli("restore", "--data-dir", str(tmp_path / "nope"), "--from", str(archive))
    assert no_passphrase.returncode == 1 and "encrypted" in no_passphrase.stderr
    assert not (tmp_path / "nope").exists()
    assert [p.name for p in tmp_path.iterdir() if "restoring" in p.name] == []

    restored_dir = tmp_path / "restored"
    done = run_cli(
        "restore",
        "--data-dir",
        str(restored_dir),
        "--from",
        str(archive),
        "--passphrase-file",
        str(passphrase),
    )
    assert done.returncode == 0, done.stderr
    restored = ServerProcess(restored_dir).start()
    try:
        with httpx.Client(base_url=restored.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            for run_id, doc in before.items():
                again = c.get(f"/v1/runs/{run_id}").json()
                assert _comparable(again) == _comparable(doc)
                for p in again["answers"]["s-photo"]["photos"]:
                    assert httpx.get(p["url"]).content == photos[(run_id, p["sha256"])]  # byte-identical
            assert c.get("/v1/health").json()["status"] == "ok"
            assert c.post("/v1/runs", json={"template_id": template_id}).status_code == 201  # and it writes
    finally:
        restored.stop()


def test_restore_refuses_a_newer_schema_and_writes_nothing(serving, tmp_path):
    data_dir, server, client, _ = serving
    populate(client, 1)
    server.stop()
    with sqlite3.connect(data_dir / "rundun.db") as conn:  # as a newer server would leave it
        conn.execute(
            "INSERT INTO migrations (id, name, applied_at) VALUES (9999, '9999_future.sql', ?)", (NOW,)
        )
    archive = tmp_path / "future.rdbk"
    assert run_cli("backup", "--data-dir", str(data_dir), "--to", str(archive)).returncode == 0
    refused = run_cli("restore", "--data-dir", str(tmp_path / "new"), "--from", str(archive))
    assert refused.returncode == 1
    assert "newer Rundun" in refused.stderr and "9999" in refused.stderr
    assert not (tmp_path / "new").exists()
    assert [p.name for p in tmp_path.iterdir() if "restoring" in p.name] == []


def test_restore_refuses_a_data_dir_in_use(serving, tmp_path):
    data_dir, _server, client, _ = serving
    archive = tmp_path / "b.rdbk"
    assert run_cli("backup", "--data-dir", str(data_dir), "--to", str(archive)).returncode == 0
    refused = run_cli("restore", "--data-dir", str(data_dir), "--from", str(archive))
    assert refused.returncode == 1 and "not empty" in refused.stderr
    assert client.get("/v1/health").json()["status"] == "ok"


def test_photos_in_s3_go_into_the_archive_and_are_restored_into_the_configured_bucket(s3_server, tmp_path):
    """RUNDUN_MEDIA_STORE=s3://…: the backup streams each object into the archive; the restore writes them
    into the bucket the restoring side configures (here another one), where a server finds them."""
    fast = {"RUNDUN_RATE_LIMIT": "1000000", **s3_server.env()}
    source = {**fast, "RUNDUN_MEDIA_STORE": f"s3://{s3_server.new_bucket('backup-source')}/rundun"}
    data_dir = tmp_path / "data"
    key, _, photos = populated_install(data_dir, source, 2)
    assert photos and not any((data_dir / "media").rglob("*"))  # every photo is in the bucket
    archive = tmp_path / "b.rdbk"
    done = run_cli("backup", "--data-dir", str(data_dir), "--to", str(archive), env=source)
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
    assert f"{len({sha for _, sha in photos})} photo files" in done.stdout, done.stdout

    target = {**fast, "RUNDUN_MEDIA_STORE": f"s3://{s3_server.new_bucket('backup-target')}/again"}
    restored_dir = tmp_path / "restored"
    done = run_cli("restore", "--data-dir", str(restored_dir), "--from", str(archive), env=target)
    assert done.returncode == 0, done.stderr
    assert not any((restored_dir / "media").rglob("*"))  # staged, then written into the bucket
    assert_serves_the_photos(restored_dir, target, key, photos)  # byte-identical
