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

import asyncio
import concurrent.futures
import logging
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from server.store.migrations import migrate

log = logging.getLogger("rundun.db")
T = TypeVar("T")
MAX_BATCH = 256
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
    """A connection that remembers whether the current batch wrote events, so listeners wake only then."""

    events_written = False


def connect(path: Path | str) -> Conn:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, factory=Conn, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA journal_size_limit={WAL_KEEP_BYTES}")
    return conn


class Database:
    """Reads run on the caller's thread; writes are queued to the single writer thread."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.wal_path = Path(f"{self.path}-wal")
        self._commits = 0  # batches committed: the checkpoint thread sees from it that writes stopped
        self._next_restart = 0.0
        setup = connect(self.path)
        try:
            migrate(setup)
        finally:
            setup.close()
        self._local = threading.local()
        self._all_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._groups: dict[tuple[Callable, asyncio.AbstractEventLoop], list[tuple[Any, asyncio.Future]]] = {}
        self._event_listeners: list[Callable[[], None]] = []
        self._writer = threading.Thread(target=self._write_loop, name="rundun-db-writer", daemon=True)
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

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn(conn, *args)` on this thread's read connection (for small, indexed reads)."""
        return fn(self.reader(), *args, **kwargs)

    async def read_async(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a heavier read on a worker thread so the event loop stays free."""
        return await asyncio.to_thread(self.read, fn, *args, **kwargs)

    # -- writing -------------------------------------------------------------------------------------------
    async def write(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(conn, *args)` in the writer's transaction and wait for the commit."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future = loop.create_future()
        self._jobs.put((fn, args, future, loop))
        return await future

    async def write_grouped(self, fn: Callable[[Conn, list], list], item: Any) -> Any:
        """Like `write`, but the items given for the same `fn` during one event-loop iteration reach the writer
        as ONE job, `fn(conn, items)`, which returns one outcome per item: a result, or an exception instance
        that fails that item alone. For hot, uniform writes (dispatch): the per-job costs (a savepoint, the
        reads it checks, each statement's round trip) are paid once per group instead of once per request;
        on the single writer they were what capped the rate."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future = loop.create_future()
        group = self._groups.get((fn, loop))
        if group is None:
            group = self._groups[(fn, loop)] = []
            loop.call_soon(self._send_group, fn, loop)
        group.append((item, future))
        return await future

    def _send_group(self, fn: Callable[[Conn, list], list], loop: asyncio.AbstractEventLoop) -> None:
        group = self._groups.pop((fn, loop))
        done: asyncio.Future = loop.create_future()
        done.add_done_callback(lambda outcome: _hand_out(group, outcome))
        self._jobs.put((fn, ([item for item, _ in group],), done, loop))

    def write_sync(self, fn: Callable[..., T], *args: Any) -> T:
        """The same for threads without an event loop (the CLI, tests, worker threads)."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._jobs.put((fn, args, future, None))
        return future.result()

    def on_events_written(self, listener: Callable[[], None]) -> None:
        """Call `listener()` (from the writer thread) after each commit that wrote outbox events."""
        self._event_listeners.append(listener)

    def close(self) -> None:
        self._jobs.put(None)
        self._writer.join(timeout=10)
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

    def _write_loop(self) -> None:
        conn = connect(self.path)
        conn.execute("PRAGMA wal_autocheckpoint=0")  # the checkpoint thread does it (see _checkpoint_loop)
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    return
                batch = [job]
                stop = False
                while len(batch) < MAX_BATCH:
                    try:
                        more = self._jobs.get_nowait()
                    except queue.Empty:
                        break
                    if more is None:
                        stop = True
                        break
                    batch.append(more)
                self._run_batch(conn, batch)
                self._commits += 1
                if stop:
                    return
                self._restart_wal_if_large(conn)
        finally:
            conn.close()

    def _run_batch(self, conn: Conn, batch: list) -> None:
        outcomes: list[tuple[Any, Any, Any]] = []  # (future, loop, exception or _Ok)
        conn.events_written = False
        try:
            conn.execute("BEGIN IMMEDIATE")
            for fn, args, future, loop in batch:
                conn.execute("SAVEPOINT job")
                try:
                    result = fn(conn, *args)
                except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
                    conn.execute("ROLLBACK TO job")
                    conn.execute("RELEASE job")
                    outcomes.append((future, loop, exc))
                else:
                    conn.execute("RELEASE job")
                    outcomes.append((future, loop, _Ok(result)))
            conn.execute("COMMIT")
        except BaseException as exc:  # noqa: BLE001 - the whole batch failed to commit
            _log_failure("write batch failed", exc)
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    log.warning("rollback after a failed batch failed too; SQLite rolled back already")
            outcomes = [(future, loop, exc) for fn, args, future, loop in batch]
        _settle_all(outcomes)
        if conn.events_written:
            for listener in self._event_listeners:
                listener()


def _log_failure(what: str, exc: BaseException) -> None:
    """A full disk is an operator's matter, said in one line (callers get 507); anything else is a bug."""
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        log.warning("%s: the disk is full (%s)", what, exc)
    else:
        log.error("%s", what, exc_info=exc)


class _Ok:
    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value


def _settle_all(outcomes: list[tuple[Any, asyncio.AbstractEventLoop | None, Any]]) -> None:
    """Hand each waiting caller its result: one wake-up per event loop for the whole batch (each
    `call_soon_threadsafe` writes to the loop's self-pipe), directly for callers without a loop."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[Any, Any]]] = {}
    for future, loop, outcome in outcomes:
        if loop is None:
            _apply(future, outcome)
        elif not loop.is_closed():
            by_loop.setdefault(loop, []).append((future, outcome))
    for loop, items in by_loop.items():
        loop.call_soon_threadsafe(_apply_many, items)


def _apply_many(items: list[tuple[Any, Any]]) -> None:
    for future, outcome in items:
        _apply(future, outcome)


def _hand_out(group: list[tuple[Any, asyncio.Future]], done: asyncio.Future) -> None:
    """Give each item of a grouped write its own outcome (the job's exception, if it failed as a whole)."""
    failure = done.exception()
    outcomes = [failure] * len(group) if failure is not None else done.result()
    for (_, future), outcome in zip(group, outcomes, strict=True):
        _apply(future, outcome if isinstance(outcome, BaseException) else _Ok(outcome))


def _apply(future: Any, outcome: Any) -> None:
    if future.done():
        return
    if isinstance(outcome, _Ok):
        future.set_result(outcome.value)
    else:
        future.set_exception(outcome)
