"""Where `rundun-server backup` writes: its own temporary file beside the target, and the database's temporary
copy there too (not `$TMPDIR`); a full disk there is one line naming it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from server.backup.commands import _output
from server.backup.sealed import BackupError
from tests.support.backups import populated_install
from tests.support.server_process import free_port, init_org, run_cli
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


def test_photos_missing_from_the_data_dir_make_the_backup_exit_3_naming_them(tmp_path: Path):
    """A cron job must see a backup that lacks photos: the archive of everything else is written, one line
    counts the missing photos and names the first five, and the exit code is 3 (it was 0, a warning each)."""
    data_dir = tmp_path / "data"
    _key, _docs, photos = populated_install(data_dir, {"RUNDUN_RATE_LIMIT": "1000000"}, 5)
    shas = sorted({sha for _, sha in photos})
    assert len(shas) == 7
    kept, lost = shas[0], shas[1:]
    for sha in lost:
        (data_dir / "media" / sha[:2] / sha).unlink()
    archive = tmp_path / "b.rdbk"
    done = run_cli("backup", "--data-dir", str(data_dir), "--to", str(archive))
    assert done.returncode == 3, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("error: backup incomplete: 6 photos are referenced but not found in "), line
    assert [sha for sha in shas if sha in line] == lost[:5] and line.count("and 1 more") == 1, line
    assert str(archive) in line and "Traceback" not in done.stderr
    assert "1 photo files" in done.stdout, done.stdout  # what the archive holds, said as before
    restored = run_cli("restore", "--data-dir", str(tmp_path / "restored"), "--from", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert [p.name for p in (tmp_path / "restored" / "media").rglob("*") if p.is_file()] == [kept]


def test_backup_help_names_its_exit_codes():
    done = run_cli("backup", "--help")
    assert done.returncode == 0
    assert "3 written, but photos the database refers to are missing" in " ".join(done.stdout.split())


def test_a_backup_refused_for_its_arguments_exits_2_as_documented(tmp_path: Path):
    """Exit code 2 is "refused before starting (bad arguments or configuration)"; a mistyped --data-dir, an
    empty passphrase file or a --to that is a folder exited 1, as a backup that failed midway, and a cron job
    could not tell the two apart. Nothing is written."""
    init_org(tmp_path / "data")
    (tmp_path / "empty").write_text("")
    out = tmp_path / "out"
    out.mkdir()
    for args, said in (
        (("--data-dir", str(tmp_path / "typo"), "--to", str(out / "b.rdbk")), "No Rundun database in"),
        (
            (
                "--data-dir",
                str(tmp_path / "data"),
                "--to",
                str(out / "b.rdbk"),
                "--passphrase-file",
                str(tmp_path / "empty"),
            ),
            "is empty",
        ),
        (("--data-dir", str(tmp_path / "data"), "--to", str(out)), "is a directory"),
    ):
        done = run_cli("backup", *args)
        assert done.returncode == 2, done.stderr
        [line] = done.stderr.splitlines()
        assert line.startswith("error: backup refused, nothing was written: ") and said in line, line
        assert list(out.iterdir()) == []


def test_restore_help_names_its_exit_codes():
    """Only backup's help said what its exit codes mean; a script restoring had to guess restore's."""
    done = run_cli("restore", "--help")
    assert done.returncode == 0
    assert "Exit codes: 0 restored; 1 refused, nothing written" in " ".join(done.stdout.split())


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_a_database_that_cannot_be_reached_is_refused_with_exit_2(tmp_path: Path, command):
    """A PostgreSQL that does not answer (down, a wrong host or port) is bad configuration: exit code 2, as the
    help says, in one line; it exited 1, as a backup that failed midway. The same with RUNDUN_MEDIA_STORE
    naming no store. Nothing is written."""
    (tmp_path / "in.rdbk").write_bytes(b"not read")
    where = {"backup": ("--to", str(tmp_path / "out.rdbk")), "restore": ("--from", str(tmp_path / "in.rdbk"))}
    for env, said in (
        (
            {"RUNDUN_DATABASE_URL": f"postgresql://rundun@127.0.0.1:{free_port()}/gone"},
            "nothing was written: Cannot use the database postgresql://rundun@127.0.0.1:",
        ),
        ({"RUNDUN_MEDIA_STORE": "ftp://x"}, "nothing was written: RUNDUN_MEDIA_STORE must be files"),
    ):
        done = run_cli(command, "--data-dir", str(tmp_path / "data"), *where[command], env=env)
        assert done.returncode == 2, done.stderr
        [line] = done.stderr.splitlines()
        assert line.startswith(f"error: {command} refused, {said}"), line
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.rdbk"]
