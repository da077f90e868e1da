"""The database: WAL SQLite with `synchronous=FULL`, one connection per reading thread and one writer thread.

All writes go through the writer thread (datasette's pattern). It takes every job waiting in its queue,
runs each inside its own SAVEPOINT of one `BEGIN IMMEDIATE` transaction and commits them together: one
fsync serves a whole batch (group commit), while a job that raises rolls back alone.

The WAL stays bounded (issue 21: a PASSIVE checkpoint alone never resets a WAL that writers keep
appending to and readers keep reading from — "checkpoint starvation": 6.9 GB in 3 minutes):
- a checkpoint thread copies the WAL into the database every `CHECKPOINT_EVERY_S` (every
  `CHECKPOINT_BUSY_EVERY_S` while it holds more than 4 MB; PASSIVE: never blocks the writer), so little is
  left to copy when the WAL has to be reset;
- the writer, between two batches, once the WAL file has passed `WAL_RESTART_BYTES`, runs a RESTART
  checkpoint itself (no lock to fight for: it is the only writer), waiting at most `RESTART_WAIT_MS` for
  readers still on the old WAL; its next commit then starts the WAL from its beginning and
  `journal_size_limit` cuts the file back to `WAL_KEEP_BYTES`;
- once writes stop, the checkpoint thread TRUNCATEs the WAL to zero bytes.
Measured in bench/: `server_throughput.py` (dispatch rate and p99 no worse than with
the unbounded WAL) and `soak.py` (the WAL's size minute by minute under a mixed load).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from server.durable import PRIVATE_DIR, PRIVATE_FILE
from server.store.migrations import migrate
from server.store.writer import GroupCommitWriter

log = logging.getLogger("rundun.db")
BUSY_TIMEOUT_MS = 30000
CHECKPOINT_EVERY_S = 0.5
CHECKPOINT_BUSY_EVERY_S = 0.05
WAL_RESTART_BYTES = 32 << 20  # the writer resets the WAL past this size (the bound is 64 MB)
# journal_size_limit: the WAL file is cut back to this at each reset. As large as the restart size: a WAL
# rewritten in place costs a commit's fsync less than one that grows again from small (file metadata).
WAL_KEEP_BYTES = WAL_RESTART_BYTES
RESTART_WAIT_MS = 10  # a RESTART's or the idle TRUNCATE's wait for readers to leave the old WAL
RESTART_URGENT_WAIT_MS = 250  # the same wait once the WAL is 1.5× the restart size
RESTART_RETRY_S = 0.02
IDLE_TRUNCATE_TICKS = 2  # checkpoint ticks without a commit before the WAL is truncated to zero


class Conn(sqlite3.Connection):
    """A connection that remembers whether the current batch wrote events (and webhook deliveries), so
    listeners wake only then, and names its engine for the few queries that differ
    (`server.store.postgres.PgConn` is the other)."""

    events_written = False
    deliveries_written = False
    dialect = "sqlite"

    def defer(self, sql: str, params: Any = ()) -> None:
        """A statement whose result nobody reads: run now (PostgreSQL's `PgConn.defer` sends it later, with
        the next statement; in process there is no round trip to save)."""
        self.execute(sql, params)

    def fetch_together(self, statements: list[tuple[str, Any]]) -> list[list[Any]]:
        """Each read's rows, in order (PostgreSQL's `PgConn.fetch_together` answers them in one round trip)."""
        return [self.execute(sql, params).fetchall() for sql, params in statements]


def connect(path: Path | str) -> Conn:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, factory=Conn, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA journal_size_limit={WAL_KEEP_BYTES}")
    return conn


class Database(GroupCommitWriter):
    """SQLite: reads run on the caller's thread; writes are queued to the single writer thread."""

    BEGIN = "BEGIN IMMEDIATE"
    dialect = "sqlite"

    def __init__(self, path: Path | str):
        super().__init__()
        self.path = Path(path)
        self.path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        with contextlib.suppress(
            FileExistsError
        ):  # a new database is its owner's alone (its -wal and -shm follow)
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        self.wal_path = Path(f"{self.path}-wal")
        self._next_restart = 0.0
        setup = connect(self.path)
        try:
            migrate(setup)
        finally:
            setup.close()
        self._all_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._writer.start()
        self._stop_checkpoints = threading.Event()
        self._checkpointer = threading.Thread(
            target=self._checkpoint_loop, name="rundun-db-checkpoint", daemon=True
        )
        self._checkpointer.start()

    # -- reading -------------------------------------------------------------------------------------------
    def reader(self) -> Conn:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            conn.execute("PRAGMA query_only=ON")
            self._local.conn = conn
            with self._readers_lock:
                self._all_readers.append(conn)
        return conn

    def close(self) -> None:
        self._stop_writer()
        self._stop_checkpoints.set()
        self._checkpointer.join(timeout=10)
        with self._readers_lock:
            for conn in self._all_readers:
                try:
                    conn.close()
                except sqlite3.ProgrammingError:
                    pass  # closed from another thread's perspective; the process frees it
            self._all_readers.clear()

    def wal_bytes(self) -> int:
        """The WAL file's size now (0 when there is none)."""
        try:
            return os.stat(self.wal_path).st_size
        except FileNotFoundError:
            return 0

    def _checkpoint_loop(self) -> None:
        """Copy the WAL into the database from a thread of its own. SQLite's automatic checkpoint would run
        inside a writer's COMMIT and stall every write queued behind it (tens of ms with synchronous=FULL);
        a PASSIVE checkpoint here never blocks the writer. When no batch committed for a few ticks the WAL
        is truncated to zero (a short busy timeout: a write that arrives meanwhile waits at most that)."""
        conn = connect(self.path)
        conn.execute(f"PRAGMA busy_timeout={RESTART_WAIT_MS}")
        seen, idle = -1, 0
        try:
            while not self._stop_checkpoints.wait(self._checkpoint_pause()):
                commits = self._commits
                idle = idle + 1 if commits == seen else 0
                seen = commits
                mode = "TRUNCATE" if idle >= IDLE_TRUNCATE_TICKS and self.wal_bytes() > 0 else "PASSIVE"
                try:
                    conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
                except sqlite3.Error as exc:
                    _log_failure("WAL checkpoint failed; the next one retries", exc)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave a small WAL behind on a clean close
        except sqlite3.Error:
            log.exception("final WAL checkpoint failed")
        finally:
            conn.close()

    def _checkpoint_pause(self) -> float:
        """Checkpoint often while the WAL is large, so that the writer's RESTART finds little left to copy."""
        return CHECKPOINT_BUSY_EVERY_S if self.wal_bytes() > (4 << 20) else CHECKPOINT_EVERY_S

    def _restart_wal_if_large(self, conn: Conn) -> None:
        """Between batches: past `WAL_RESTART_BYTES`, make the next commit start the WAL over (see the
        module's docstring). It waits at most `RESTART_WAIT_MS` (reads take well under that): a reader
        still on the old WAL, or the checkpoint thread in the middle of a copy, makes it answer busy, and
        the writer tries again after a later batch (waiting longer once the WAL is well past the size)."""
        size = self.wal_bytes()
        if time.monotonic() < self._next_restart or size <= WAL_RESTART_BYTES:
            return
        # Long reads can keep a short wait failing; well past the restart size the bound comes first.
        wait_ms = RESTART_WAIT_MS if size < WAL_RESTART_BYTES * 3 // 2 else RESTART_URGENT_WAIT_MS
        conn.execute(f"PRAGMA busy_timeout={wait_ms}")
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(RESTART)").fetchone()[0]
        except sqlite3.Error as exc:
            busy = getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY
            if not busy:
                _log_failure("WAL restart failed; a later batch retries", exc)
        finally:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self._next_restart = time.monotonic() + RESTART_RETRY_S if busy else 0.0

    def _open_writer(self) -> Conn:
        conn = connect(self.path)
        conn.execute("PRAGMA wal_autocheckpoint=0")  # the checkpoint thread does it (see _checkpoint_loop)
        return conn

    def _between_batches(self, conn: Conn) -> Conn:
        self._restart_wal_if_large(conn)
        return conn

    def _failed(self, what: str, exc: BaseException) -> None:
        _log_failure(what, exc)


# SQLite's unix VFS keeps a shared lock on this byte of `<db>-shm` for as long as a connection is open (its
# "dead man switch"): taking it exclusively tells whether any process has the database open right now.
SHM_DMS_BYTE = 128


def open_elsewhere(path: Path) -> bool:
    """True when another process has the SQLite database at `path` open (a running server, `migrate`).

    Ask only from a process that does not have it open itself: POSIX locks are per process, so our own
    connections' lock would not be seen, and taking then dropping the byte would drop theirs."""
    import errno
    import fcntl

    shm = Path(f"{path}-shm")
    if not shm.exists():
        return False  # no connection open: the last one to close removes it
    try:
        with open(shm, "rb+") as handle:
            try:
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    return True
                raise
            fcntl.lockf(handle, fcntl.LOCK_UN, 1, SHM_DMS_BYTE)
    except FileNotFoundError:
        return False  # closed meanwhile
    return False


def _log_failure(what: str, exc: BaseException) -> None:
    """A full disk is an operator's matter, said in one line (callers get 507); anything else is a bug."""
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        log.warning("%s: the disk is full (%s)", what, exc)
    else:
        log.error("%s", what, exc_info=exc)
