"""`rundun-server backup` and `restore`: files, passphrases, progress and messages around `archive`."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from server.backup.archive import Summary, create_backup, restore_backup
from server.backup.sealed import BackupError, BackupRefused
from server.durable import written_beside
from server.services.storage import is_out_of_space


def read_passphrase(path: Path | None) -> bytes | None:
    """The passphrase file's content without its final newline; an empty one is refused."""
    if path is None:
        return None
    try:
        passphrase = path.read_bytes().rstrip(b"\r\n")
    except OSError as exc:
        raise BackupRefused(f"Cannot read the passphrase file {path}: {exc.strerror}.") from None
    if not passphrase:
        raise BackupRefused(f"The passphrase file {path} is empty.")
    return passphrase


@contextlib.contextmanager
def _output(target: str) -> Iterator[IO[bytes]]:
    """Standard output, or a new temporary file beside `target` renamed over it once the archive is whole and
    synced. Its name is unique (`<target>.<random>.partial`): two backups to the same `--to` at once shared one
    fixed `<target>.partial`, each truncating the other's, and the one that said "Backed up" could leave the
    other data dir's archive, or a corrupt one (an operator's audit)."""
    if target == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    final = Path(target)
    if final.is_dir():
        raise BackupRefused(f"{final} is a directory; --to names the backup file to write.")
    with written_beside(final) as out:
        yield out


def work_dir_for(target: str, data_dir: Path) -> Path | None:
    """Where the database's temporary copy goes: beside the backup (a small `$TMPDIR` made the backup of a
    bigger database die with a traceback), or in the data dir when the backup goes to standard output (or
    `$TMPDIR` when there is no data dir: a PostgreSQL backup)."""
    if target != "-":
        return Path(target).parent
    return data_dir if data_dir.is_dir() else None


def _progress(label: str):
    """A percentage on stderr when it is a terminal (a log stays clean otherwise)."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            print(f"\r{label} {percent}%", end="", file=sys.stderr, flush=True)

    return show


def _describe(summary: Summary) -> str:
    counts = summary.about["counts"]
    return (
        f"{counts['runs']} runs, {counts['answers']} answers, {summary.about['photo_files']} photo files, "
        f"schema {summary.about['schema_version']}"
    )


def _where(data_dir: Path, database_url: str | None, photos: str) -> str:
    """What was backed up or restored, in words (a database URL without its password)."""
    if not database_url:
        return str(data_dir)
    from server.backup.pgtools import redacted

    return f"{redacted(database_url)} and {photos}"


def _media_setting() -> str | None:
    """RUNDUN_MEDIA_STORE, read from the environment as the server reads it (`server.media.chosen_store`)."""
    return os.environ.get("RUNDUN_MEDIA_STORE")


def backup(data_dir: Path, target: str, passphrase_file: Path | None, database_url: str | None = None) -> int:
    from server.backup.stores import backup_media

    try:
        passphrase = read_passphrase(passphrase_file)
        with backup_media(_media_setting(), data_dir, database_url) as media, _output(target) as out:
            summary = create_backup(
                data_dir,
                out,
                passphrase,
                _progress("backing up"),
                database_url,
                media.source,
                work_dir_for(target, data_dir),
            )
    except BackupRefused as exc:
        print(f"error: backup refused, nothing was written: {exc}", file=sys.stderr)
        return REFUSED
    except (BackupError, OSError, sqlite3.Error) as exc:
        print(f"error: backup failed: {_in_words(exc, target, data_dir)}", file=sys.stderr)
        return 1
    encrypted = "encrypted" if passphrase else "not encrypted"
    print(
        f"Backed up {_where(data_dir, database_url, media.where)}: {_describe(summary)}; {summary.bytes} bytes "
        f"({encrypted}) in {summary.seconds:.1f} s to {target}.",
        file=sys.stderr if target == "-" else sys.stdout,
    )
    if summary.missing_media:
        print(_missing_in_words(summary.missing_media, media.where, target), file=sys.stderr)
        return INCOMPLETE
    return 0


# `backup`'s exit code when the archive is written but photos the database refers to were not there to put in
# it: distinct from 1 (nothing usable written) and 2 (refused before starting), so that a cron job or a
# systemd timer sees it. It was 0 with a warning per photo, and a scheduled backup missing photos went unseen.
INCOMPLETE = 3
REFUSED = 2  # bad arguments or configuration, before anything was read or written
MISSING_NAMED = 5  # the first few missing photos named on the line; the rest counted


def _missing_in_words(missing: list[str], where: str, target: str) -> str:
    named = ", ".join(missing[:MISSING_NAMED])
    more = f" and {len(missing) - MISSING_NAMED} more" if len(missing) > MISSING_NAMED else ""
    photos = "photo is" if len(missing) == 1 else "photos are"
    return (
        f"error: backup incomplete: {len(missing)} {photos} referenced but not found in {where}: {named}{more}; "
        f"everything else is in {'the archive' if target == '-' else target} (exit code {INCOMPLETE})"
    )


def _in_words(exc: BaseException, target: str, data_dir: Path) -> str:
    """A failure in one line; a full disk names the disk (the backup and the database's temporary copy are
    both written beside the target)."""
    if is_out_of_space(exc):
        where = work_dir_for(target, data_dir) or tempfile.gettempdir()
        return (
            f"no space left in {where}: a backup needs room there for one copy of the database, and for the "
            f"backup itself ({exc})"
        )
    return str(exc)


def restore(
    data_dir: Path, source: str, passphrase_file: Path | None, database_url: str | None = None
) -> int:
    from server.backup.stores import restore_media

    try:
        passphrase = read_passphrase(passphrase_file)
        media = restore_media(_media_setting(), database_url)
        with contextlib.ExitStack() as stack:
            src = sys.stdin.buffer if source == "-" else stack.enter_context(open(source, "rb"))
            summary = restore_backup(src, data_dir, passphrase, _progress("restoring"), database_url, media)
    except (BackupError, OSError) as exc:
        print(f"error: restore refused, nothing was written: {exc}", file=sys.stderr)
        return REFUSED if isinstance(exc, BackupRefused) else 1
    photos = f"its media store ({_media_setting() or 'the default'})"
    print(
        f"Restored into {_where(data_dir, database_url, photos)}: {_describe(summary)} "
        f"(backup of {summary.about['created_at']})."
    )
    return 0
