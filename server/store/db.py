"""The database: WAL SQLite with `synchronous=FULL`, one connection per reading thread and one writer thread.

All writes go through the writer thread (datasette's pattern). It takes every job waiting in its queue,
runs each inside its own SAVEPOINT of one `BEGIN IMMEDIATE` transaction and commits them together: one
fsync serves a whole batch (group commit), while a job that raises rolls back alone.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from server.store.migrations import migrate

log = logging.getLogger("rundun.db")
T = TypeVar("T")
MAX_BATCH = 256
CHECKPOINT_EVERY_S = 0.5


class Conn(sqlite3.Connection):
    """A connection that remembers whether the current batch wrote events, so listeners wake only then."""

    events_written = False


def connect(path: Path | str) -> Conn:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, factory=Conn, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


class Database:
    """Reads run on the caller's thread; writes are queued to the single writer thread."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
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

    def _checkpoint_loop(self) -> None:
        """Copy the WAL into the database from a thread of its own. SQLite's automatic checkpoint would run
        inside a writer's COMMIT and stall every write queued behind it (tens of ms with synchronous=FULL);
        a PASSIVE checkpoint here never blocks the writer."""
        conn = connect(self.path)
        try:
            while not self._stop_checkpoints.wait(CHECKPOINT_EVERY_S):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:
                    log.exception("WAL checkpoint failed; the next one retries")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave a small WAL behind on a clean close
        except sqlite3.Error:
            log.exception("final WAL checkpoint failed")
        finally:
            conn.close()

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
                if stop:
                    return
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
        except BaseException as exc:
            log.exception("write batch failed")
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            outcomes = [(future, loop, exc) for fn, args, future, loop in batch]
        _settle_all(outcomes)
        if conn.events_written:
            for listener in self._event_listeners:
                listener()


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
