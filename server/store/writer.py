"""Group commit, whatever the database: one writer thread per process runs every write job.

The writer takes every job waiting in its queue, runs each inside its own SAVEPOINT of one transaction and
commits them together: one commit (one fsync) serves a whole batch, while a job that raises rolls back
alone. The engines (`server.store.db` for SQLite, `server.store.postgres` for PostgreSQL) supply the
connections, how a transaction begins and what happens between batches; the store's functions receive
the connection and never learn which engine it is (`conn.dialect` says it, for the few queries that
must differ: read it only inside `server.store`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger("rundun.db")
T = TypeVar("T")
MAX_BATCH = 256


async def in_thread(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`asyncio.to_thread`, except that a cancelled caller still waits for the thread to finish: a read goes on
    in its thread whatever the caller does, and the shutdown that cancelled it (the webhook worker's query of
    due deliveries, cancelled as the app stops) then closed the reading connection under it, a segfault in
    SQLite (seen once in 15 runs of tests/server/test_background_cancel.py)."""
    running = asyncio.ensure_future(asyncio.to_thread(call, *args, **kwargs))
    try:
        return await asyncio.shield(running)
    except asyncio.CancelledError:
        await asyncio.wait([running])  # moments: one read
        if not running.cancelled():
            running.exception()  # its outcome goes with the cancelled caller (not "never retrieved")
        raise


class GroupCommitWriter:
    """Reads run on the caller's thread (one connection per thread); writes are queued to the writer thread.
    Subclasses give `reader()`, `_open_writer()`, `BEGIN`, `_failed(exc)` and may add `_before_batch` and
    `_between_batches`."""

    BEGIN = "BEGIN"
    # Whether other server processes may use the same database (PostgreSQL): then what one process keeps in
    # memory alone (the rate limiter's buckets) must live in the database instead.
    shared_across_processes = False

    def __init__(self) -> None:
        self._local = threading.local()
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._groups: dict[tuple[Callable, asyncio.AbstractEventLoop], list[tuple[Any, asyncio.Future]]] = {}
        self._event_listeners: list[Callable[[bool], None]] = []
        self._commits = 0  # batches committed
        self._batch_since: float | None = None  # when the running batch began (monotonic), None between
        self._writer = threading.Thread(target=self._write_loop, name="rundun-db-writer", daemon=True)

    # -- reading -------------------------------------------------------------------------------------------
    def reader(self) -> Any:
        raise NotImplementedError

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn(conn, *args)` on this thread's read connection (for small, indexed reads)."""
        return fn(self.reader(), *args, **kwargs)

    async def read_async(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a heavier read on a worker thread so the event loop stays free."""
        return await in_thread(self.read, fn, *args, **kwargs)

    def unlogged(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(conn, *args)` at once on this thread's own connection, outside the writer's batches: for
        shared state that need not survive a crash (the rate limiter's UNLOGGED buckets), which must not
        wait behind a group commit's flush. Only engines that are `shared_across_processes` have it."""
        raise NotImplementedError("only a database shared across processes keeps unlogged state")

    async def read_hot(self, fn: Callable[..., T], *args: Any) -> T:
        """A small read on a hot path: at once on SQLite (microseconds, in process); PostgreSQL overrides it
        to wait for its round trip off the event loop, which meanwhile serves other requests."""
        return fn(self.reader(), *args)

    # -- writing -------------------------------------------------------------------------------------------
    async def write(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(conn, *args)` in the writer's transaction and wait for the commit."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future = loop.create_future()
        self._jobs.put((fn, args, future, loop))
        return await future

    async def write_grouped(self, fn: Callable[[Any, list], list], item: Any) -> Any:
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

    def _send_group(self, fn: Callable[[Any, list], list], loop: asyncio.AbstractEventLoop) -> None:
        group = self._groups.pop((fn, loop))
        done: asyncio.Future = loop.create_future()
        done.add_done_callback(lambda outcome: _hand_out(group, outcome))
        self._jobs.put((_Grouped(fn), ([item for item, _ in group],), done, loop))

    def write_sync(self, fn: Callable[..., T], *args: Any) -> T:
        """The same for threads without an event loop (the CLI, tests, worker threads)."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._jobs.put((fn, args, future, None))
        return future.result()

    async def claim(self, key: str, wait_s: float, *, stale_s: float | None = None) -> Claim | None:
        """Take `key` for this caller alone across every server process, waiting up to `wait_s`; None when
        another still holds it then. Give it back with `await Claim.release()`. One process (SQLite): the
        in-process locks of the callers suffice, so nothing to take. `stale_s` (PostgreSQL): this process
        keeps the claim alive while it holds it, and a claim whose holder has gone quiet that long (a frozen
        process) is taken from it, its session ended."""
        return Claim()

    def on_events_written(self, listener: Callable[[bool], None]) -> None:
        """Call `listener(deliveries)` (from the writer thread) after each commit that wrote outbox events;
        `deliveries`: whether it wrote webhook deliveries too (PostgreSQL: also for other processes' commits)."""
        self._event_listeners.append(listener)

    def close(self) -> None:
        raise NotImplementedError

    def _stop_writer(self) -> None:
        self._jobs.put(None)
        self._writer.join(timeout=10)

    # -- the writer thread ---------------------------------------------------------------------------------
    def _open_writer(self) -> Any:
        raise NotImplementedError

    def _before_batch(self, conn: Any) -> Any:
        """The connection a batch about to run uses (PostgreSQL: a new one where the link broke)."""
        return conn

    def _between_batches(self, conn: Any) -> Any:
        """Upkeep after a batch; returns the connection the next batch uses."""
        return conn

    def _begin(self, conn: Any) -> None:
        """A batch's first statements."""
        conn.defer(self.BEGIN)

    def _before_commit(self, conn: Any) -> None:
        """Last statements of a batch's transaction (PostgreSQL: one NOTIFY when the batch wrote events)."""

    def _failed(self, what: str, exc: BaseException) -> None:
        log.error("%s", what, exc_info=exc)

    def _write_loop(self) -> None:
        conn = self._open_writer()
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
                conn = self._before_batch(conn)
                self._batch_since = time.monotonic()
                try:
                    self._run_batch(conn, _merge_groups(batch))
                finally:
                    self._batch_since = None
                self._commits += 1
                if stop:
                    return
                conn = self._between_batches(conn)
        finally:
            self._close_writer(conn)

    def _close_writer(self, conn: Any) -> None:
        """The writer's connection closed, as its thread ends."""
        conn.close()

    def _run_batch(self, conn: Any, batch: list) -> None:
        outcomes: list[tuple[Any, Any, Any]] = []  # (future, loop, exception or _Ok)
        conn.events_written = conn.deliveries_written = False
        conn.committed = []  # what the batch's jobs ask to run once it commits (`after_commit`)
        try:
            self._begin(conn)  # PostgreSQL sends it with the batch's first statement (PgConn.defer)
            together = batch if len(batch) > 1 else []
            if not together:
                outcomes = self._run_alone(conn, *batch[0])
            for fn, args, future, loop in together:
                conn.defer("SAVEPOINT job")
                asked = len(conn.committed)
                try:
                    result = fn(conn, *args)
                    conn.execute(
                        "RELEASE job"
                    )  # sends the job's deferred statements: their failure is its own
                except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
                    del conn.committed[asked:]  # a job rolled back asked for nothing
                    conn.execute("ROLLBACK TO job")
                    conn.execute("RELEASE job")
                    outcomes.append((future, loop, exc))
                else:
                    outcomes.append((future, loop, _Ok(result)))
            if together:
                self._before_commit(conn)
                conn.execute("COMMIT")
        except BaseException as exc:  # noqa: BLE001 - the whole batch failed to commit
            conn.committed.clear()
            self._failed("write batch failed", exc)
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except Exception:  # noqa: BLE001 - the engine rolled back already (or the link is gone)
                    log.warning("rollback after a failed batch failed too")
            outcomes = [(future, loop, exc) for fn, args, future, loop in batch]
        self._after_commit(conn)
        self._settled(conn, outcomes)

    def _after_commit(self, conn: Any) -> None:
        """Run what the committed jobs asked for, before their callers hear of the commit (so that, once
        answered, they find it done). A failure is logged, never the job's: its rows are committed."""
        for fn, args in conn.committed:
            try:
                fn(*args)
            except Exception:  # logged with its trace: see above
                log.exception("after-commit step %s failed", getattr(fn, "__name__", fn))
        conn.committed.clear()

    def _run_alone(self, conn: Any, fn: Callable, args: tuple, future: Any, loop: Any) -> list:
        """A batch of one job needs no savepoint: its failure rolls the whole transaction back. On PostgreSQL
        that is two round trips fewer (SAVEPOINT, RELEASE) for each batch a quiet moment leaves alone
        (bench/server_throughput.py). Commits or rolls back; returns the job's outcome."""
        try:
            result = fn(conn, *args)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
            conn.execute("ROLLBACK")
            conn.events_written = conn.deliveries_written = False
            conn.committed.clear()
            return [(future, loop, exc)]
        self._before_commit(conn)
        conn.execute("COMMIT")
        return [(future, loop, _Ok(result))]

    def _settled(self, conn: Any, outcomes: list) -> None:
        _settle_all(_split_merged(outcomes))
        if conn.events_written:
            for listener in self._event_listeners:
                listener(conn.deliveries_written)


def after_commit(conn: Any, fn: Callable[..., Any], *args: Any) -> None:
    """From inside a write job: `fn(*args)` on the writer thread once the job's batch has committed, before
    the job's caller is answered; never when the job or its batch fails. Only for quick local work (a file
    unlinked): every write of the process waits behind it. Issue 16: a finished upload's part removed there
    cost no trip to a thread of its own."""
    conn.committed.append((fn, args))


class _Grouped:
    """The job `write_grouped` sends: `fn(conn, items)` for one event-loop iteration's items."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[Any, list], list]):
        self.fn = fn

    def __call__(self, conn: Any, items: list) -> list:
        return self.fn(conn, items)


class _Merged:
    """Where the outcomes of merged groups go: each group's waiting future, its loop and its item count."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[tuple[Any, Any, int]]):
        self.parts = parts


def _merge_groups(batch: list) -> list:
    """The groups of one grouped write that queued up while the writer was busy (one per event-loop
    iteration), as ONE job at the place of the first: on PostgreSQL each job costs round trips (its reads,
    its savepoint), which were most of a dispatch's time once several groups waited (bench/
    server_throughput.py). Each item still fails alone; the groups' order among the other jobs of the batch
    is no promise anyone was given (none of them has been answered yet)."""
    out: list = []
    first: dict[Any, int] = {}
    for job in batch:
        fn, args, future, loop = job
        if not isinstance(fn, _Grouped):
            out.append(job)
            continue
        at = first.get(fn.fn)
        if at is None:
            first[fn.fn] = len(out)
            out.append((fn, args, _Merged([(future, loop, len(args[0]))]), None))
            continue
        kept_fn, (items,), merged, _ = out[at]
        merged.parts.append((future, loop, len(args[0])))
        out[at] = (kept_fn, (items + args[0],), merged, None)
    return out


def _split_merged(outcomes: list) -> list:
    """Each merged group's share of its job's outcome: its slice of the results, or the job's exception."""
    split = []
    for future, loop, outcome in outcomes:
        if not isinstance(future, _Merged):
            split.append((future, loop, outcome))
            continue
        start = 0
        for part_future, part_loop, count in future.parts:
            share = _Ok(outcome.value[start : start + count]) if isinstance(outcome, _Ok) else outcome
            split.append((part_future, part_loop, share))
            start += count
    return split


class ClaimLost(Exception):
    """Work guarded by a claim was refused: another process took the claim, its holder having looked frozen
    (`GroupCommitWriter.claim`'s `stale_s`). Nothing of that work was written."""


class Claim:
    """What `GroupCommitWriter.claim` took (nothing, on one process)."""

    def lost(self) -> bool:
        """Whether the claim was taken from this process (its holder seen frozen by another): nothing it
        guarded may be written any more."""
        return False

    async def release(self) -> None:
        pass

    def release_now(self) -> None:
        """`release`, blocking, for a worker thread."""


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
