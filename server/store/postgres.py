"""PostgreSQL: the same store over psycopg 3, chosen by `RUNDUN_DATABASE_URL=postgresql://…`.

The store's SQL is written once, in SQLite's words (`?` and `:name` parameters); `PgConn` gives every
store function a connection with sqlite3's shape (`execute` → a cursor whose rows read by index and by
name, `executemany`, `rowcount`) and turns the parameters into psycopg's (`%s`, `%(name)s`). The few
queries whose SQL must differ ask `conn.dialect`, inside `server.store` only: the services never learn
which engine is underneath.

Writes keep SQLite's shape too (`server.store.writer`): one writer thread per process commits batches of
jobs, each in its own savepoint. Several processes each have their writer, and every batch holds
`WRITE_LOCK` from its BEGIN to its COMMIT: write transactions follow one another across processes as they
do within one, so the store's every read-then-write holds as on SQLite (an event's `seq` is its commit
order, a run's history is numbered without a repeat, the later `at` wins, an op is applied once, a run
closes once). What runs in parallel is everything else: requests, checks, photo bytes, reads. Row and
advisory locks a job takes (an org's row while its quota is charged, an Idempotency-Key's, a blob's) come
after it, in one order everywhere. Acknowledged writes are durable: `synchronous_commit=on`.

Readers: one connection per reading thread (autocommit, so each statement sees the latest commits), as
on SQLite; a thread-local connection costs no pool checkout on the hot path.
"""

from __future__ import annotations

import asyncio
import contextlib
import decimal
import functools
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import orjson
import psycopg
from psycopg.adapt import Loader
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from rundun_migrations import RECORD, applied_numbers
from server.clock import now_iso
from server.store.backends import DatabaseUnavailable
from server.store.migrations import CREATE_MIGRATIONS, check_not_newer, migration_files, postgresql_types
from server.store.writer import Claim, ClaimLost, GroupCommitWriter, in_thread

log = logging.getLogger("rundun.db")
T = TypeVar("T")
CONNECT_TIMEOUT_S = 10
MIGRATION_LOCK = 0x52554E44  # 'RUND': one process migrates at a time
EVENTS_CHANNEL = "rundun_events"
DELIVERIES_WRITTEN = "deliveries"  # the NOTIFY payload of a commit that wrote webhook deliveries
LISTEN_RETRY_S = 1.0
LISTEN_POLL_S = 0.2  # how long the listener waits for a notification (it wakes at the first) before checking that it should stop
IDLE_KEPT = 8  # borrowed connections kept open for the next borrower
CLAIM_POLL_S = 0.05
CLAIM_KEEPALIVE_TICK_S = (
    0.25  # how often the claims held with `stale_s` are looked at (each touched at a third of it)
)


# -- parameters and rows -----------------------------------------------------------------------------------
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|(?<!:):([A-Za-z_]\w*)|%")


@functools.lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    """sqlite3's parameters in psycopg's: `?` → `%s`, `:name` → `%(name)s`, a literal `%` doubled."""

    def one(match: re.Match) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if match.group(1):
            return f"%({match.group(1)})s"
        return token.replace("%", "%%")  # a quoted string or name: psycopg reads `%` everywhere

    return _TOKEN.sub(one, sql)


@functools.lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type:
    index = {name: i for i, name in enumerate(names)}
    # `SELECT *` brings the explicit `rowid` column (migrations' docstring) that SQLite's hides: not a field.
    visible = tuple(name for name in names if name != "rowid")

    class Row(tuple):
        """A row read by position or by column name, and `dict(row)`-able, like sqlite3.Row."""

        __slots__ = ()

        def __getitem__(self, key: Any) -> Any:
            if isinstance(key, str):
                return tuple.__getitem__(self, index[key])
            return tuple.__getitem__(self, key)

        def keys(self) -> tuple[str, ...]:
            return visible

    return Row


def _rows(cursor: Any) -> Any:
    """The row class of a result, named from libpq's field names: `cursor.description` would build a
    `Column` object per column of every result, a measurable share of a hot read (bench/server_throughput.py)."""
    result = cursor.pgresult
    if result is None or not result.nfields:
        return tuple
    return _row_class(tuple(result.fname(i).decode() for i in range(result.nfields)))


class _WholeNumbers(Loader):
    """`sum()` over integers is NUMERIC in PostgreSQL: read whole numbers as int (as SQLite gives them)."""

    def load(self, data: Any) -> Any:
        text = bytes(data).decode()
        if "." not in text and "e" not in text.lower() and text not in ("NaN", "Infinity", "-Infinity"):
            return int(text)
        return float(decimal.Decimal(text))


class PgConn:
    """A psycopg connection in sqlite3's shape, for the store's functions.

    `defer` queues a statement whose result nobody reads (a BEGIN, a SAVEPOINT, an UPDATE whose rowcount
    is not asked for): it reaches the server in one pipeline with the next `execute`, so a dispatch's batch
    costs two round trips (BEGIN with its read, its writes with the COMMIT) instead of five. Each round
    trip is a wake-up of a PostgreSQL backend and of the writer thread: on a busy machine, scheduling
    latency, not the work, was most of a batch's time (bench/server_throughput.py). A deferred statement's
    error is raised by the `execute` that sends it, which is still inside the same write job (the writer's
    RELEASE or COMMIT), so a failure is still its job's alone."""

    dialect = "postgresql"
    events_written = False
    deliveries_written = False

    def __init__(self, raw: psycopg.Connection):
        self.raw = raw
        self._deferred: list[tuple[str, Any]] = []
        self._deferred_last: list[tuple[str, Any]] = []

    def defer(self, sql: str, params: Any = None, *, last: bool = False) -> None:
        """`last`: after every other statement deferred until the next send, for a statement that only needs
        the ones deferred before it done (a webhook delivery names its event): a /sync batch's events then
        form one run, sent as one statement, where each delivery between two events broke it (issue 16)."""
        (self._deferred_last if last else self._deferred).append((translate(sql), params if params else ()))

    def execute(self, sql: str, params: Any = None, *, binary: bool = False) -> psycopg.Cursor:
        """`binary`: results in PostgreSQL's binary format (bytea as its bytes, not twice as many in hex):
        the media chunks' reads (server.store.media_chunks)."""
        cursor = self.raw.cursor(row_factory=_rows)
        if not self._deferred and not self._deferred_last:
            cursor.execute(translate(sql), params if params else (), binary=binary)
        elif (
            sql == "ROLLBACK"
        ):  # what was never sent needs no undoing; a transaction begun on the server does
            self._deferred.clear()
            self._deferred_last.clear()
            if self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                cursor.execute(sql)
        else:
            with self._pipeline():
                cursor.execute(translate(sql), params if params else (), binary=binary)
        return cursor

    def executemany(self, sql: str, seq: Any) -> psycopg.Cursor:
        cursor = self.raw.cursor()
        params = list(seq)
        if params:
            with self._pipeline():
                cursor.executemany(translate(sql), params)
        return cursor

    def fetch_together(self, statements: list[tuple[str, Any]]) -> list[list[Any]]:
        """Each read's rows, in order: the reads (after the deferred statements) sent in one pipeline, one
        round trip for all of them where each was one (issue 16: a photo's attach job made seven)."""
        cursors = []
        with self._pipeline():
            for sql, params in statements:
                cursor = self.raw.cursor(row_factory=_rows)
                cursor.execute(translate(sql), params if params else ())
                cursors.append(cursor)
        return [cursor.fetchall() for cursor in cursors]

    @contextlib.contextmanager
    def _pipeline(self) -> Iterator[None]:
        """The deferred statements, then what the block sends, in one pipeline (one round trip). A run of the
        same statement goes as one `executemany` (issue 16: a /sync batch defers 250 event rows and 250
        history rows; psycopg's per-`execute` work, a cursor and a query each, was twice its cost)."""
        deferred = self._deferred + self._deferred_last
        self._deferred, self._deferred_last = [], []
        with self.raw.pipeline():
            for query, rows in _runs_of_the_same(deferred):
                if len(rows) == 1:
                    self.raw.execute(query, rows[0])
                elif (merged := _multi_row_insert(query, rows)) is not None:
                    self.raw.execute(*merged)
                else:
                    self.raw.cursor().executemany(query, rows)
            yield

    @property
    def in_transaction(self) -> bool:
        """Inside a transaction on the server, or with statements (a deferred BEGIN) still to send."""
        return (
            bool(self._deferred or self._deferred_last)
            or self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE
        )

    def close(self) -> None:
        self.raw.close()


def _runs_of_the_same(statements: list[tuple[str, Any]]) -> list[tuple[str, list[Any]]]:
    """(query, the parameters of each, in order) for each run of consecutive statements of the same query
    with parameters to bind; a statement without any (BEGIN, a SAVEPOINT) is a run of its own."""
    runs: list[tuple[str, list[Any]]] = []
    for query, params in statements:
        if runs and params and runs[-1][0] == query and runs[-1][1][-1]:
            runs[-1][1].append(params)
        else:
            runs.append((query, [params]))
    return runs


# `INSERT INTO t (columns) VALUES (%s, …)` and what may follow it (an ON CONFLICT clause without parameters).
_INSERT_VALUES = re.compile(r"INSERT INTO (\w+) \(([^()]*)\) VALUES \((?:%s, )*%s\)([^%]*)", re.DOTALL)
_CONFLICT_TARGET = re.compile(r"ON CONFLICT \(([^()]*)\) DO UPDATE")
_INT_BOUND = 1 << 63


def _carried_alike(value: Any) -> bool:
    """Whether JSON brings `value` to PostgreSQL as a parameter would: text without NUL (which text cannot hold
    either way: psycopg refuses it, as before), a 64-bit whole number, NULL. Anything else (bytes, a float
    JSON would round or turn NaN into null, a bool) keeps the row-at-a-time path."""
    if value is None:
        return True
    kind = type(value)
    if kind is str:
        return "\x00" not in value
    return kind is int and -_INT_BOUND <= value < _INT_BOUND


def _multi_row_insert(query: str, rows: list[Any]) -> tuple[str, tuple[str]] | None:
    """A run of one `INSERT INTO t (…) VALUES (…)` as ONE statement, or None when it cannot be one.

    Issue 16: a /sync batch of 250 answers defers some 750 single-row INSERTs (its answers, ops and events);
    sent as an `executemany`, each row cost psycopg's per-statement work on the writer thread (most of the
    batch's COMMIT, 19–33 ms, while every photo's attach waited behind it) and PostgreSQL's on its backend.
    The rows go as one JSON array that PostgreSQL turns into rows of the table's own type
    (`json_populate_recordset`, in their order: an identity column numbers them as before): one short
    statement whatever their number, one shape for psycopg to prepare; a multi-row VALUES would be a new
    query text for each batch size, and an array a column costs psycopg more to send than the rows did.

    Only rows JSON carries unchanged (`_carried_alike`); an upsert (`ON CONFLICT (key) DO UPDATE`) only when
    no two rows share its key: one statement may not update a row twice, where a statement a row lets the
    later win."""
    found = _INSERT_VALUES.fullmatch(query)
    if found is None:
        return None
    table, column_list, tail = found.groups()
    names = [name.strip() for name in column_list.split(",")]
    if not all(isinstance(row, (tuple, list)) and all(map(_carried_alike, row)) for row in rows):
        return None
    if "DO UPDATE" in tail and not _keys_unique(names, tail, rows):
        return None
    try:
        body = orjson.dumps([dict(zip(names, row, strict=True)) for row in rows]).decode()
    except orjson.JSONEncodeError:  # a lone surrogate: psycopg says what it says of it, as before
        return None
    columns = ", ".join(names)
    merged = f"INSERT INTO {table} ({columns}) SELECT {columns} FROM json_populate_recordset(NULL::{table}, %s){tail}"
    return merged, (body,)


def _keys_unique(names: list[str], tail: str, rows: list[Any]) -> bool:
    target = _CONFLICT_TARGET.search(tail)
    if target is None:
        return False
    try:
        at = [names.index(name.strip()) for name in target.group(1).split(",")]
    except ValueError:
        return False
    return len({tuple(row[i] for i in at) for row in rows}) == len(rows)


# How a connection finds out that PostgreSQL's host is gone (a crash, a partition): TCP keepalives after 30 s of
# silence, three probes 10 s apart, and sent data unacknowledged for 60 s. Without them a dead host's
# connections looked alive for Linux's default of over two hours, and with them the webhook claims (session
# advisory locks) of a process cut off from the database. Settings in RUNDUN_DATABASE_URL win.
LINK_DEFAULTS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 60_000,
}


def link_conninfo(url: str) -> str:
    """`url` with `LINK_DEFAULTS` for what it does not set itself."""
    return make_conninfo("", **{**LINK_DEFAULTS, **conninfo_to_dict(url)})


def connect(url: str) -> PgConn:
    try:
        raw = psycopg.connect(link_conninfo(url), autocommit=True)
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailable(_one_line(exc)) from None
    except psycopg.ProgrammingError as exc:  # libpq could not read the URL (a traceback, before)
        raise DatabaseUnavailable(f"not a URL libpq can read: {_one_line(exc)}") from None
    raw.adapters.register_loader("numeric", _WholeNumbers)
    raw.execute("SET synchronous_commit = on")
    return PgConn(raw)


def _one_line(exc: BaseException) -> str:
    """libpq's message on one line. Its last line alone was a database down at start's whole report ("Is the
    server running on that host and accepting TCP/IP connections?"): which host and port, and that the
    connection was refused, were on the line before."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return "; ".join(lines) if lines else type(exc).__name__


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


# -- migrations --------------------------------------------------------------------------------------------
def migrate(conn: PgConn, upto: int | None = None) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction, one process at a time (an
    advisory lock held while checking and applying)."""
    applied = []
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
        conn.execute(postgresql_types(CREATE_MIGRATIONS))
        done = applied_numbers(conn)
        check_not_newer(done)
        for migration in migration_files("postgresql"):
            if migration.number in done or (upto is not None and migration.number > upto):
                continue
            if migration.step is not None:
                migration.step(conn)
            else:
                conn.raw.execute(migration.sql.encode())  # one script: plpgsql bodies hold semicolons
            conn.execute(RECORD, (migration.number, migration.name, now_iso()))
            applied.append(migration.name)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return applied


# -- the database ------------------------------------------------------------------------------------------
WRITE_LOCK = 0x45564E54  # 'EVNT': the advisory lock every write batch holds (see the module's docstring)
WRITE_LOCK_STALE_S = 15.0  # RUNDUN_WRITE_LOCK_STALE_S: see `_free_stalled_write_lock`
# Backends holding WRITE_LOCK (a bigint key: classid its high half, objid its low one, objsubid 1) idle in
# their transaction for longer than the given seconds, ended: their transaction rolls back, the lock is free.
_END_STALLED_HOLDERS = (
    "SELECT a.pid, a.client_addr::text, a.application_name, pg_terminate_backend(a.pid) "
    "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = %s AND l.objsubid = 1 "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
    "AND a.state LIKE 'idle in transaction%%' AND a.state_change < now() - make_interval(secs => %s) "
    "AND a.pid <> %s"
)

# The session holding the advisory lock `claim` takes on a key (hashtextextended(key, 2): a bigint, its high
# half in `classid`, its low half in `objid`), ended when it has been idle `stale_s` seconds: a frozen holder.
_END_STALE_CLAIM = (
    "SELECT pg_terminate_backend(a.pid) "
    "FROM (SELECT hashtextextended(?, 2) AS h) k "
    "JOIN pg_locks l ON l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
    "AND l.classid = ((k.h >> 32) & 4294967295)::oid AND l.objid = (k.h & 4294967295)::oid "
    "JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
    "AND a.state LIKE 'idle%' AND a.state_change < now() - make_interval(secs => ?) "
    "AND a.pid <> pg_backend_pid()"
)


class PostgresDatabase(GroupCommitWriter):
    """The PostgreSQL engine behind the same interface as `server.store.db.Database`."""

    BEGIN = "BEGIN"
    dialect = "postgresql"
    shared_across_processes = True

    def __init__(self, url: str, write_lock_stale_s: float = WRITE_LOCK_STALE_S):
        super().__init__()
        self.url = url
        self.write_lock_stale_s = write_lock_stale_s
        self._stale_checked = 0.0  # when `_free_stalled_write_lock` last looked (monotonic)
        self._writer_pid = 0  # the writer connection's backend, never ended by its own process
        setup = connect(url)
        try:
            migrate(setup)
        finally:
            setup.close()
        self._all_readers: list[PgConn] = []
        self._readers_lock = threading.Lock()
        self._idle: list[PgConn] = []
        self._idle_lock = threading.Lock()
        self._stop_listening = threading.Event()
        self._stop_channel = f"rundun_stop_{secrets.token_hex(8)}"  # this store's alone (see close)
        self._writer.start()
        self._listener = threading.Thread(target=self._listen_loop, name="rundun-db-listen", daemon=True)
        self._listener.start()
        self._kept_claims: set[AdvisoryClaim] = set()  # claims held with `stale_s`, kept alive
        self._kept_lock = threading.Lock()
        self._keeper: threading.Thread | None = None

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """As on SQLite, once more on a new connection when the thread's own broke while idle: PostgreSQL
        restarted since its last read, and each reading thread's first read after that failed (a 503 per
        thread once the database was back). Only a link found broken is retried: a read that failed on a
        live one (a bug, a refusal) is not run twice."""
        conn = self.reader()
        try:
            return fn(conn, *args, **kwargs)
        except psycopg.OperationalError:
            if not conn.raw.broken:
                raise
            return fn(self.reader(), *args, **kwargs)

    def reader(self) -> PgConn:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.raw.closed:
            conn = connect(self.url)
            self._local.conn = conn
            with self._readers_lock:
                self._all_readers.append(conn)
        return conn

    async def read_hot(self, fn: Callable[..., T], *args: Any) -> T:
        """Off the event loop: a round trip blocked it (~60% of its time under load on `GET /v1/runs/{id}`,
        py-spy), and the requests behind it waited; on a worker thread the loop serves them meanwhile and
        their reads overlap on the threads' own connections (bench/server_throughput.py)."""
        return await in_thread(self.read, fn, *args)

    def unlogged(self, fn: Callable[..., T], *args: Any) -> T:
        """On the thread's reading connection (autocommit: the statement is its own transaction)."""
        return fn(self.reader(), *args)

    @contextlib.contextmanager
    def borrow(self) -> Iterator[PgConn]:
        """A connection of the caller's alone while the block runs (autocommit: its own transactions), for
        work that spans threads or holds a session lock (the media store's chunks, `claim`). Kept idle for
        the next borrower unless broken or left inside a transaction."""
        with self._idle_lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None or conn.raw.closed:
            conn = connect(self.url)
        try:
            yield conn
        finally:
            kept = False
            if not (conn.raw.closed or conn.raw.broken or conn.in_transaction):
                with self._idle_lock:
                    if len(self._idle) < IDLE_KEPT:
                        self._idle.append(conn)
                        kept = True
            if not kept:
                conn.close()

    async def claim(self, key: str, wait_s: float, *, stale_s: float | None = None) -> Claim | None:
        return await asyncio.to_thread(self._claim, key, wait_s, stale_s)

    def _claim(self, key: str, wait_s: float, stale_s: float | None = None) -> Claim | None:
        """A session advisory lock on `key`, on a connection held until `release`: another process's claim
        waits up to `wait_s`, and a killed process's session gives its claims back. A frozen process's does
        not end by itself (its kernel keeps the link alive): with `stale_s`, the holder keeps its session
        busy (`_keep_claims_alive`), and a waiter ends the session of a holder idle that long."""
        borrowed = self.borrow()
        conn = borrowed.__enter__()
        now = time.monotonic()
        deadline, next_look = now + wait_s, now
        try:
            while not _try_lock(conn, key):
                now = time.monotonic()
                if stale_s is not None and now >= next_look:
                    next_look = now + max(stale_s / 4, CLAIM_POLL_S)
                    if conn.execute(_END_STALE_CLAIM, (key, stale_s)).fetchall():
                        log.warning("took over %s from a process idle on it for over %.0f s", key, stale_s)
                        continue  # its session ends, and its lock with it, in a moment
                if now >= deadline:
                    borrowed.__exit__(None, None, None)
                    return None
                time.sleep(CLAIM_POLL_S)
        except BaseException as exc:
            borrowed.__exit__(type(exc), exc, exc.__traceback__)
            raise
        claim = AdvisoryClaim(conn, key, borrowed, stale_s, self._kept_claims.discard)
        if stale_s is not None:
            self._keep_alive(claim)
        return claim

    def _keep_alive(self, claim: AdvisoryClaim) -> None:
        with self._kept_lock:
            self._kept_claims.add(claim)
            if self._keeper is None:
                self._keeper = threading.Thread(
                    target=self._keep_claims_alive, name="rundun-claims", daemon=True
                )
                self._keeper.start()

    def _keep_claims_alive(self) -> None:
        """Touch the session of every claim held with `stale_s` at least every third of it, so that no other
        process takes it while this one lives. Started by the first such claim (after `serve --workers`
        forked: no thread may run before)."""
        while not self._stop_listening.wait(CLAIM_KEEPALIVE_TICK_S):
            with self._kept_lock:
                claims = list(self._kept_claims)
            for claim in claims:
                claim.keep_alive()

    def _begin(self, conn: PgConn) -> None:
        """BEGIN, then the write lock (both sent with the batch's first statement). Before, only a batch that
        appended events took it, from its first event on: two processes' writes to one run read the same
        state (the same history `seq`, an op unseen, the older `at` taken as the newer) and one of them failed
        with a 500 or undid the other."""
        conn.defer(self.BEGIN)
        conn.defer("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))

    def _before_commit(self, conn: PgConn) -> None:
        """One NOTIFY per batch that wrote events, never one per row: NOTIFY takes a database-wide lock at
        commit. It only wakes the other processes; what they send comes from the events table. Its payload
        says whether the batch wrote webhook deliveries too (only then do their workers look for due ones)."""
        if conn.events_written:
            payload = f", '{DELIVERIES_WRITTEN}'" if conn.deliveries_written else ""
            conn.defer(f"NOTIFY {EVENTS_CHANNEL}{payload}")

    def _listen_loop(self) -> None:
        """Wake this process's listeners (the event hub, the webhook worker) when any process's commit wrote
        events (and deliveries). A lost link is made again; the wake-up after it covers whatever was missed
        meanwhile."""
        while not self._stop_listening.is_set():
            try:
                conn = psycopg.connect(link_conninfo(self.url), autocommit=True)
            except psycopg.OperationalError as exc:
                log.warning("cannot listen for other processes' events (%s); retrying", _one_line(exc))
                self._stop_listening.wait(LISTEN_RETRY_S)
                continue
            try:
                conn.execute(f"LISTEN {EVENTS_CHANNEL}; LISTEN {self._stop_channel}")
                self._wake_listeners(deliveries=True)
                while not self._stop_listening.is_set():
                    notes = list(conn.notifies(timeout=LISTEN_POLL_S, stop_after=1))
                    notes = [note for note in notes if note.channel == EVENTS_CHANNEL]
                    if notes:
                        self._wake_listeners(any(n.payload == DELIVERIES_WRITTEN for n in notes))
                    self._free_stalled_write_lock(conn)
            except psycopg.Error as exc:
                log.warning("listening for events stopped (%s); reconnecting", _one_line(exc))
            finally:
                conn.close()

    def _free_stalled_write_lock(self, conn: psycopg.Connection) -> None:
        """Between the listener's polls: once this process's writer has run one batch for `write_lock_stale_s`
        (waiting, most likely, for WRITE_LOCK), end the connection of any other process holding that lock idle
        in its transaction as long. Such a process stopped between two round trips of a batch (frozen,
        killed with its host, cut off from the database): until its link timed out, hours later, no process
        could write. `idle_in_transaction_session_timeout` cannot do this: a pipeline's last messages leave
        its timer unarmed (psycopg 3.3, PostgreSQL 15). A batch's own transactions are never idle for more
        than the time its jobs take between statements (milliseconds); the ended one's batch fails and
        its callers are told, as for any lost link. Costs nothing while batches are quick."""
        since, now = self._batch_since, time.monotonic()
        if since is None or now - since < self.write_lock_stale_s:
            return
        if now - self._stale_checked < self.write_lock_stale_s / 2:
            return
        self._stale_checked = now
        writer_pid = self._writer_pid
        ended = conn.execute(
            _END_STALLED_HOLDERS, (WRITE_LOCK, self.write_lock_stale_s, writer_pid)
        ).fetchall()
        for pid, address, application, _ in ended:
            log.warning(
                "ended the database connection %s (%s %s): it held the write lock idle in a transaction for "
                "over %.0f s, and every process's writes waited",
                pid,
                application or "client",
                address or "local",
                self.write_lock_stale_s,
            )

    def _wake_listeners(self, deliveries: bool) -> None:
        for listener in self._event_listeners:
            listener(deliveries)

    def _failed(self, what: str, exc: BaseException) -> None:
        """A lost link (PostgreSQL restarting, cut off) is no bug: one line, not a traceback per batch; its
        callers are answered 503 (server.services.database_down)."""
        if isinstance(exc, (psycopg.OperationalError, DatabaseUnavailable)):
            log.warning("%s: database unavailable: %s", what, _one_line(exc))
        else:
            super()._failed(what, exc)

    def _open_writer(self) -> PgConn:
        conn = connect(self.url)
        self._writer_pid = conn.raw.info.backend_pid
        return conn

    def _before_batch(self, conn: PgConn) -> PgConn:
        """A writer whose link broke (the server restarted, a failover) connects again for the batch about to
        run. After the batch: a link that broke while PostgreSQL was still down stayed broken, and the first
        batch after its return failed on it."""
        if not conn.raw.closed and not conn.raw.broken:
            return conn
        try:
            fresh = connect(self.url)
        except DatabaseUnavailable as exc:
            log.warning("the writer could not reconnect (%s); its batch fails, the next one tries again", exc)
            return conn
        self._writer_pid = fresh.raw.info.backend_pid
        return fresh

    def _close_writer(self, conn: PgConn) -> None:
        """When the store closes, the writer's last word ends the listener's wait for a notification at once:
        it waited up to LISTEN_POLL_S before it saw the stop (each server's stop, each test of this backend)."""
        if self._stop_listening.is_set() and not (conn.raw.closed or conn.raw.broken):
            with contextlib.suppress(psycopg.Error):
                conn.raw.execute(f"NOTIFY {self._stop_channel}")
        conn.close()

    def close(self) -> None:
        self._stop_listening.set()  # first: the writer's last word (`_close_writer`) wakes the listener to it
        self._stop_writer()
        # Long enough for a connection being made (CONNECT_TIMEOUT_S): the thread must be gone before `serve
        # --workers` forks (server/workers.py), or the lock it holds stays held in every worker.
        self._listener.join(timeout=CONNECT_TIMEOUT_S + LISTEN_RETRY_S + LISTEN_POLL_S * 2)
        with self._readers_lock:
            for conn in self._all_readers:
                conn.close()
            self._all_readers.clear()
        with self._idle_lock:
            for conn in self._idle:
                conn.close()
            self._idle.clear()

    def wal_bytes(self) -> int:
        return 0


def _try_lock(conn: PgConn, key: str) -> bool:
    row = conn.execute("SELECT pg_try_advisory_lock(hashtextextended(?, 2))", (key,)).fetchone()
    return bool(row and row[0])


class AdvisoryClaim(Claim):
    """A session advisory lock, and the session holding it. Work that must happen only while the claim is
    held runs on that same session (`fenced`): had another process taken the claim (this one frozen, see
    `PostgresDatabase._claim`), it ended this session, so the work fails there instead of writing beside
    the new holder, and no check can come too late."""

    def __init__(
        self,
        conn: PgConn,
        key: str,
        borrowed: contextlib.AbstractContextManager,
        stale_s: float | None = None,
        forget: Callable[[AdvisoryClaim], None] | None = None,
    ):
        self.conn, self.key, self.borrowed = conn, key, borrowed
        self.stale_s, self.forget = stale_s, forget
        self.using = threading.Lock()  # one thread at a time on the session: the work, or the keep-alive
        self.touched = time.monotonic()
        self._lost = False

    def lost(self) -> bool:
        return self._lost

    @contextlib.contextmanager
    def fenced(self) -> Iterator[PgConn]:
        """The claim's session, for work guarded by the claim; `ClaimLost` when the claim was taken."""
        with self.using:
            if self._lost:
                raise ClaimLost(self.key)
            try:
                yield self.conn
            except psycopg.OperationalError as exc:
                if not (self.conn.raw.closed or self.conn.raw.broken):
                    raise
                self._lost = True
                raise ClaimLost(self.key) from exc
            finally:
                self.touched = time.monotonic()

    def keep_alive(self) -> None:
        """From the keep-alive thread: a statement on the session when it has been quiet a third of
        `stale_s`, so that it never looks idle that long to another process. A session in use is not idle."""
        assert self.stale_s is not None
        if time.monotonic() - self.touched < self.stale_s / 3 or not self.using.acquire(blocking=False):
            return
        try:
            if not self._lost:
                self.conn.execute("SELECT 1")
                self.touched = time.monotonic()
        except psycopg.Error:
            if self.conn.raw.closed or self.conn.raw.broken:
                self._lost = True  # taken over while this process was stopped
        finally:
            self.using.release()

    async def release(self) -> None:
        await asyncio.to_thread(self.release_now)

    def release_now(self) -> None:
        if self.forget is not None:
            self.forget(self)
        with self.using:
            try:
                if self.conn.in_transaction:  # guarded work left unfinished (a part closed unpromoted)
                    self.conn.execute("ROLLBACK")
                self.conn.execute("SELECT pg_advisory_unlock(hashtextextended(?, 2))", (self.key,))
            except psycopg.Error:
                self.conn.close()  # the session, and the lock with it, ends
            self.borrowed.__exit__(None, None, None)
