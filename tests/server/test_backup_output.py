"""Where `rundun-server backup` writes: its own temporary file beside the target, and the database's temporary
copy there too (not `$TMPDIR`); a full disk there is one line naming it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from server.backup.commands import _output
from server.backup.sealed import BackupError
from tests.support.server_process import init_org, run_cli
from tests.support.small_fs import small_tmpfs


def test_two_backups_to_the_same_target_at_once_each_write_their_own_file(tmp_path: Path):
    target = tmp_path / "b.rdbk"
    with _output(str(target)) as first:
        first.write(b"A" * 100_000)
        with _output(str(target)) as second:  # a second backup starts while the first is being written
            second.write(b"B" * 10)
        assert target.read_bytes() == b"B" * 10
    assert target.read_bytes() == b"A" * 100_000  # whole: the last one to finish, nothing of the other's
    assert [p.name for p in tmp_path.iterdir()] == ["b.rdbk"]  # no temporary file left


def test_a_directory_as_target_is_refused_before_anything_is_written(tmp_path: Path):
    with pytest.raises(BackupError, match="is a directory"), _output(str(tmp_path)):
        raise AssertionError("the archive was being written")
    assert list(tmp_path.iterdir()) == []


def big_install(data_dir: Path) -> None:
    """An install whose database is a few MB (more than the small filesystems below hold)."""
    data_dir.mkdir()
    init_org(data_dir)
    conn = sqlite3.connect(data_dir / "rundun.db")
    conn.execute("CREATE TABLE ballast (b BLOB)")
    conn.execute("INSERT INTO ballast VALUES (randomblob(3000000))")
    conn.commit()
    conn.close()


def test_a_small_tmpdir_does_not_matter(tmp_path: Path):
    big_install(tmp_path / "d")
    with small_tmpfs(tmp_path / "small", 1) as small:
        done = run_cli(
            "backup",
            "--data-dir",
            str(tmp_path / "d"),
            "--to",
            str(tmp_path / "b.rdbk"),
            env={"TMPDIR": str(small)},
        )
        assert done.returncode == 0, done.stderr
        assert list(small.iterdir()) == []
    assert "Traceback" not in done.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rundun-backup-")]


def test_no_room_beside_the_target_is_one_line_naming_it(tmp_path: Path):
    big_install(tmp_path / "d")
    with small_tmpfs(tmp_path / "small", 1) as small:
        done = run_cli("backup", "--data-dir", str(tmp_path / "d"), "--to", str(small / "b.rdbk"))
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith(f"error: backup failed: no space left in {small}"), done.stderr
        assert list(small.iterdir()) == []  # nothing left behind
