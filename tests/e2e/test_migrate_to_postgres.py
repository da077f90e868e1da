"""`rundun-server migrate --to postgresql://… [--media-to DIR|s3://…]` (SPEC §9) on a real SQLite install and
a real throwaway PostgreSQL: every table copied with its ids, the photos copied (by default into the
database's media tables) and verified, the install served from PostgreSQL as it was; a running server's data dir, a non-empty target and a newer schema are refused
with one line, writing nothing."""

from __future__ import annotations

import itertools
import sqlite3

import httpx
import psycopg
import pytest

from tests.support.executor import Executor, every_type, jpeg, sha256
from tests.support.hooks import HttpApi
from tests.support.server_process import ServerProcess, init_org, run_cli

pytestmark = pytest.mark.e2e
ENV = {"RUNDUN_RATE_LIMIT": "1000000"}
_names = itertools.count(1)


def empty_database(cluster) -> str:
    name = f"empty_{next(_names)}"
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return cluster.url(name)


def tables_of(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            )
        ]


@pytest.fixture
def sqlite_install(tmp_path):
    """A SQLite data dir with runs, answers, a photo and a cancelled run; the server stopped again."""
    data_dir = tmp_path / "sqlite"
    data_dir.mkdir()
    key = init_org(data_dir, env=ENV)
    server = ServerProcess(data_dir, env=ENV).start()
    try:
        api = HttpApi(server.url, key)
        executor = Executor.start(api, every_type())
        assert executor.answer("s-bool", True).status_code == 200
        assert executor.answer("s-num", 42).status_code == 200
        photo = jpeg(4096)
        assert executor.photo("s-photo", 0, photo).status_code in (200, 201)
        others = [
            api.post("/v1/runs", json={"template_id": _template_of(api, executor.run_id)}) for _ in range(3)
        ]
        cancelled = others[0].json()["run_id"]
        assert api.post(f"/v1/runs/{cancelled}/cancel").status_code == 200
        before = api.get("/v1/runs?per_page=100").json()["data"]
    finally:
        server.stop()
    return data_dir, key, executor.run_id, sha256(photo), before


def _template_of(api, run_id: str) -> str:
    return api.get(f"/v1/runs/{run_id}").json()["template_id"]


def test_an_install_moves_to_postgresql_and_is_served_from_it_unchanged(sqlite_install, tmp_path, pg_cluster):
    data_dir, key, run_id, photo_sha, before = sqlite_install
    target = empty_database(pg_cluster)
    served_dir = tmp_path / "served"
    done = run_cli(
        "migrate",
        "--data-dir",
        str(data_dir),
        "--to",
        target,
        "--media-to",
        str(served_dir / "media"),
        env=ENV,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    assert "Verified: every table has as many rows" in done.stdout
    assert "Verified: all 1 photos read back with their SHA-256" in done.stdout
    assert "rundun-test" not in done.stdout  # the password is never printed
    assert (served_dir / "media" / photo_sha[:2] / photo_sha).is_file()
    assert f"RUNDUN_MEDIA_STORE=files and a data dir whose media/ is {served_dir / 'media'}" in done.stdout

    env = {**ENV, "RUNDUN_DATABASE_URL": target, "RUNDUN_MEDIA_STORE": "files"}
    server = ServerProcess(served_dir, env=env).start()
    try:
        api = HttpApi(server.url, key)  # the same key: keys, orgs and runs came along
        assert api.get("/v1/runs?per_page=100").json()["data"] == before
        run = api.get(f"/v1/runs/{run_id}").json()
        assert run["answers"]["s-num"]["value"] == 42
        [photo] = run["answers"]["s-photo"]["photos"]
        served = httpx.get(photo["url"], timeout=30)
        assert served.status_code == 200 and sha256(served.content) == photo_sha
        # Ids go on after the copied ones: a new run, a new event (its seq) and a new template version.
        tid = run["template_id"]
        assert api.post("/v1/runs", json={"template_id": tid}).status_code == 201
        new = api.post("/v1/runs", json={"template_id": tid}).json()["run_id"]
        assert api.post(f"/v1/runs/{new}/cancel").status_code == 200
        assert api.get("/v1/runs?per_page=100").json()["pagination"]["total"] == len(before) + 2
    finally:
        server.stop()


def test_by_default_the_photos_move_into_the_database_and_a_server_with_only_its_url_serves_them(
    sqlite_install, tmp_path, pg_cluster
):
    data_dir, key, run_id, photo_sha, _ = sqlite_install
    target = empty_database(pg_cluster)
    done = run_cli("migrate", "--data-dir", str(data_dir), "--to", target, env=ENV)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "Copied 1 photos into the PostgreSQL database" in done.stdout
    assert "Verified: all 1 photos read back with their SHA-256" in done.stdout
    with psycopg.connect(target) as conn:
        assert conn.execute("SELECT sha256 FROM media_blobs").fetchall() == [(photo_sha,)]

    served_dir = tmp_path / "elsewhere"  # a new data dir: nothing of the SQLite one is needed
    served_dir.mkdir()
    server = ServerProcess(served_dir, env={**ENV, "RUNDUN_DATABASE_URL": target}).start()
    try:
        [photo] = HttpApi(server.url, key).get(f"/v1/runs/{run_id}").json()["answers"]["s-photo"]["photos"]
        served = httpx.get(photo["url"], timeout=30)
        assert served.status_code == 200 and sha256(served.content) == photo_sha
    finally:
        server.stop()


def test_media_to_s3_puts_the_photos_in_the_bucket_and_a_server_using_it_serves_them(
    sqlite_install, tmp_path, pg_cluster, s3_server
):
    data_dir, key, run_id, photo_sha, _ = sqlite_install
    target = empty_database(pg_cluster)
    bucket = f"s3://{s3_server.new_bucket('migrated')}/rundun"
    env = {**ENV, **s3_server.env()}
    refused = run_cli(
        "migrate", "--data-dir", str(data_dir), "--to", target, "--media-to", "s3://nowhere", env=env
    )
    assert refused.returncode == 2 and "cannot use the S3 bucket 'nowhere'" in refused.stderr, refused.stderr
    assert tables_of(target) == []
    done = run_cli("migrate", "--data-dir", str(data_dir), "--to", target, "--media-to", bucket, env=env)
    assert done.returncode == 0, done.stderr + done.stdout
    assert f"Copied 1 photos into {bucket}" in done.stdout and f"RUNDUN_MEDIA_STORE={bucket}" in done.stdout
    assert "Verified: all 1 photos read back with their SHA-256" in done.stdout

    served_dir = tmp_path / "elsewhere"
    served_dir.mkdir()
    server = ServerProcess(
        served_dir, env={**env, "RUNDUN_DATABASE_URL": target, "RUNDUN_MEDIA_STORE": bucket}
    )
    server.start()
    try:
        [photo] = HttpApi(server.url, key).get(f"/v1/runs/{run_id}").json()["answers"]["s-photo"]["photos"]
        assert sha256(httpx.get(photo["url"], timeout=30).content) == photo_sha
    finally:
        server.stop()


def test_a_running_servers_data_dir_is_refused_and_nothing_is_written(sqlite_install, pg_cluster):
    data_dir, *_ = sqlite_install
    target = empty_database(pg_cluster)
    server = ServerProcess(data_dir, env=ENV).start()
    try:
        done = run_cli("migrate", "--data-dir", str(data_dir), "--to", target, env=ENV)
    finally:
        server.stop()
    assert done.returncode == 2
    assert "open in another process" in done.stderr and "Traceback" not in done.stderr
    assert tables_of(target) == []


def test_a_non_empty_target_is_refused(sqlite_install, pg_cluster, tmp_path):
    data_dir, *_ = sqlite_install
    target = pg_cluster.new_database()  # already holds Rundun's schema
    media = tmp_path / "media-out"
    done = run_cli("migrate", "--data-dir", str(data_dir), "--to", target, "--media-to", str(media), env=ENV)
    assert done.returncode == 2
    assert "is not empty" in done.stderr and "Traceback" not in done.stderr
    assert not media.exists()
    with psycopg.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 0


def test_a_newer_schema_is_refused_and_nothing_is_written(sqlite_install, pg_cluster):
    data_dir, *_ = sqlite_install
    conn = sqlite3.connect(data_dir / "rundun.db")
    with conn:  # a newer rundun-server's migration (closed after: an open connection is refused too)
        conn.execute(
            "INSERT INTO migrations (id, name, applied_at) VALUES (9999, 'future', '2030-01-01T00:00:00Z')"
        )
    conn.close()
    target = empty_database(pg_cluster)
    done = run_cli("migrate", "--data-dir", str(data_dir), "--to", target, env=ENV)
    assert done.returncode == 2
    assert "schema version 9999" in done.stderr and "Traceback" not in done.stderr
    assert tables_of(target) == []
