"""A data dir `rundun-server` makes, and its database, are readable by their owner alone: the database holds
the server's secret (media URL signatures) and every webhook's secret, and under the usual umask they were
0755 and 0644, open to every user of the host. `serve`, `init` and `restore` make them so."""

from __future__ import annotations

import socket
import stat
from pathlib import Path

import pytest

from tests.support.server_process import ServerProcess, init_org, run_cli

pytestmark = pytest.mark.sqlite_only


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_makes_the_data_dir_and_its_database_private(tmp_path: Path):
    data_dir = tmp_path / "new" / "data"
    init_org(data_dir)
    assert mode(data_dir) == 0o700 and mode(data_dir / "rundun.db") == 0o600


def test_serve_makes_its_database_and_its_wal_private(tmp_path: Path):
    server = ServerProcess(tmp_path).start()  # an empty data dir: serve makes the database
    try:
        assert mode(tmp_path / "rundun.db") == 0o600
        assert mode(tmp_path / "rundun.db-wal") == 0o600  # SQLite gives its -wal the database's mode
    finally:
        server.stop()


def test_a_data_dir_serve_makes_is_private(tmp_path: Path):
    data_dir = tmp_path / "data"
    with socket.socket() as taken:  # serve makes the data dir (and takes its lock) before it binds
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = run_cli("serve", "--data-dir", str(data_dir), "--port", str(taken.getsockname()[1]))
    assert done.returncode == 2 and "cannot listen" in done.stderr
    assert mode(data_dir) == 0o700


def test_a_restored_data_dir_and_database_are_private(tmp_path: Path):
    init_org(tmp_path / "data")
    archive = tmp_path / "b.rdbk"
    assert run_cli("backup", "--data-dir", str(tmp_path / "data"), "--to", str(archive)).returncode == 0
    restored = tmp_path / "restored"
    done = run_cli("restore", "--data-dir", str(restored), "--from", str(archive))
    assert done.returncode == 0, done.stderr
    assert mode(restored) == 0o700 and mode(restored / "rundun.db") == 0o600
