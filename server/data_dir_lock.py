"""One `serve` per SQLite data dir: an advisory lock on `<data dir>/serve.lock`, held for the process's life.

Two servers on one SQLite file ran two webhook workers (double deliveries) and two sets of in-memory rate
limits. The lock is `flock` on a file of its own, taken before the server touches the database: the kernel
releases it when the process ends in any way (`kill -9` too), so a crashed server never leaves a stale lock,
and nothing else is refused. A check for open connections to `rundun.db` instead (commit 5453d16 reverted it)
refused a start while a `sqlite3` shell or a test script had the file open. PostgreSQL, served by several
processes by design (SPEC §9), takes no lock. The holder's pid is written into the file, for the words of a
refusal.

Standard library only and no server state: the desktop reads `holder` to say why its embedded server did not
start (see the import contracts in pyproject.toml). Without `fcntl` (Windows) there is no lock.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: no advisory lock
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "serve.lock"
_held: list[IO[str]] = []  # the open lock files of this process: closed, a lock would end


class DataDirInUse(Exception):
    """Another process holds the data dir's lock."""

    def __init__(self, data_dir: Path, pid: int | None):
        self.data_dir, self.pid = data_dir, pid
        by = f"another rundun-server (process {pid})" if pid else "another rundun-server"
        super().__init__(
            f"the data dir {data_dir} is in use by {by}: one server per SQLite data dir; stop that one first"
        )


class DataDirUnusable(Exception):
    """The data dir cannot be made or written (a path through a file, a folder of another user, a read-only
    disk): said in one line, where it was a traceback."""

    def __init__(self, data_dir: Path, exc: OSError):
        super().__init__(
            f"cannot use the data dir {data_dir}: {exc.strerror or exc} ({exc.filename}); give a folder this "
            "user can create or write (--data-dir, RUNDUN_DATA_DIR)"
        )


def hold(data_dir: Path) -> None:
    """Take the data dir's lock for the rest of this process's life, or raise `DataDirInUse` (or
    `DataDirUnusable`)."""
    if fcntl is None:
        return
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)  # as server.durable.PRIVATE_DIR
        lock = open(data_dir / LOCK_NAME, "a+", encoding="ascii")  # noqa: SIM115 - open as long as the process
    except OSError as exc:
        raise DataDirUnusable(data_dir, exc) from None
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = _pid_in(lock)
        lock.close()
        raise DataDirInUse(data_dir, pid) from None
    lock.seek(0)
    lock.truncate()
    lock.write(f"{os.getpid()}\n")
    lock.flush()
    _held.append(lock)


def holder(data_dir: Path) -> int | None:
    """The pid of the process holding the data dir's lock (0 when it is held but names no process), or None
    when it is free. Takes the lock for an instant when it is free: not while a server of ours is starting."""
    if fcntl is None:
        return None
    try:
        lock = open(data_dir / LOCK_NAME, encoding="ascii")  # noqa: SIM115
    except OSError:
        return None
    with lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _pid_in(lock) or 0
        return None


def _pid_in(lock: IO[str]) -> int | None:
    lock.seek(0)
    text = lock.read(32).strip()
    return int(text) if text.isdigit() else None
