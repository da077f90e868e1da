"""`rundun-server serve` on PostgreSQL makes on this machine's disk only what it uses: nothing with the photos
in the database (it made an empty data dir, the per-user default one when none was given), the data dir
with `media/` and its user's alone (0700) with the files media store."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import httpx

from tests.support.fixtures import wait_for
from tests.support.server_process import SERVER_BIN, free_port


def _serve_until_healthy(tmp_path: Path, data_dir: Path, env: dict) -> dict:
    port = free_port()
    args = ["serve", "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", str(port)]
    with open(tmp_path / "server.log", "wb") as log:
        proc = subprocess.Popen([*SERVER_BIN, *args], stdout=log, stderr=subprocess.STDOUT, env=env)
    try:

        def healthy() -> bool:
            assert proc.poll() is None, (tmp_path / "server.log").read_text()
            try:
                return httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=5).status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(healthy, "the server did not become healthy")
        return httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=5).json()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_on_postgresql_with_photos_in_it_makes_no_data_dir(pg_cluster, tmp_path: Path):
    data_dir = tmp_path / "home" / "rundun" / "server"
    env = {**os.environ, "RUNDUN_DATABASE_URL": pg_cluster.new_database(), "RUNDUN_LOG_LEVEL": "warning"}
    health = _serve_until_healthy(tmp_path, data_dir, env)
    assert health["status"] == "ok", health
    assert not (tmp_path / "home").exists()


def test_serve_on_postgresql_with_the_files_store_makes_a_private_data_dir(pg_cluster, tmp_path: Path):
    data_dir = tmp_path / "server"
    env = {
        **os.environ,
        "RUNDUN_DATABASE_URL": pg_cluster.new_database(),
        "RUNDUN_MEDIA_STORE": "files",
        "RUNDUN_LOG_LEVEL": "warning",
    }
    old = os.umask(0o022)  # the usual one: it made the data dir 0755
    try:
        _serve_until_healthy(tmp_path, data_dir, env)
    finally:
        os.umask(old)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert (data_dir / "media" / "ff").is_dir()
