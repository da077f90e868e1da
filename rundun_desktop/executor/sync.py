"""The sync engine (SPEC §8): drains the local outbox to the server, per run and in order.

Answers go in batches through `/sync` with their stable op ids (a replay is a no-op on the server); photos
go over tus, a few at once, the upload URL and acknowledged offset persisted so that a restart resumes
mid-file. Answers and photos commute, so a batch of answers and the photos queued up to the next op of
another kind go at once (issue 16); other ops keep their place in the order. `complete` goes last and only
once nothing before it is waiting or refused. Failures back off exponentially with jitter (1 s up to 5
min); while a server is unreachable a cheap health probe runs, and the moment it answers every run on it is
retried at once. A refusal for the whole run (expired, closed,
token no longer valid) stops that run and keeps its data.

Headless and Qt-free: it runs on any asyncio loop (qasync in the app, `asyncio.run` in a subprocess). The
store is used through its own connection on one worker thread, so no SQLite commit (an fsync) ever runs on
the event loop; photo chunks are read on worker threads too (a photo's first on the store's, with its op's own
store work: one trip). Observers get `listener(event, data)` calls
on the loop: "status" (a `SyncStatus`), "run" (`{run_id}` whose local state changed), "upload"
(`{run_id, op_id, offset, length, resumed}`).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import logging
import os
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx
from PySide6.QtCore import QCoreApplication

from rundun_desktop.executor import device_state
from rundun_desktop.executor import store as st
from rundun_desktop.executor.photo_words import too_large
from rundun_desktop.executor.protocol import (
    OFFLINE,
    REFUSED,
    REJECTED,
    ExecutorClient,
    ProtocolError,
    RunAuth,
    new_http,
    new_uploads,
)
from rundun_desktop.executor.worker import StoreWorker
from rundun_desktop.formatting import format_bytes, megabytes
from rundun_desktop.words import QT_TRANSLATE_NOOP, Counts
from server.allocator import keep_freed_pages
from server.http1 import FileRegion
from server.tdl import CLOSED_STATUSES, OPEN_STATUSES, RunStatus

log = logging.getLogger("rundun.executor.sync")
DAMAGED_PHOTO = QT_TRANSLATE_NOOP(
    "sync",
    "The photo's file on this computer is damaged (it no longer matches the photo taken); add the photo again.",
)
Listener = Callable[[str, Any], None]


@dataclass
class SyncConfig:
    batch_size: int = 250  # answers per /sync request (the server takes up to 500)
    chunk_size: int = 8 << 20  # bytes per tus PATCH at most; a cut one resumes from the server's offset
    photo_concurrency: int = 3  # photos of a run uploaded at once (each its own slot: order does not matter)
    photo_batch: int = 50  # consecutive photos taken from the outbox at once, `photo_concurrency` in flight
    offset_every: int = 4 << 20  # persist the upload's offset this often (the server's HEAD is the truth)
    backoff_base: float = 1.0
    backoff_cap: float = 300.0
    probe_interval: float = 2.0  # health probe of an unreachable server
    idle_probe_interval: float = 15.0  # health probe of the servers of unfinished runs, while idle
    request_timeout: float = 30.0
    # A request unanswered this long is said to be so ("no answer from the server for 8 s"), not "syncing…":
    # a hung server (connections taken, never answered) read "Online · syncing…" until the request timed out.
    slow_answer: float = 5.0


@dataclass
class SyncStatus:
    online: bool | None  # None until a server has been tried
    pending_ops: int = 0
    pending_bytes: int = 0
    failed_ops: int = 0
    unsent_ops: int = 0  # kept here, never to be sent: their run was refused (cancelled, expired…)
    # Answers held here as their step's checks refuse them ("✎ Not saved yet": 150 where 100 is the most), in
    # runs still open: saved nowhere but on screen and in the drafts, sent once put right. The bar said
    # "everything is synced" while one was.
    unsaved: int = 0
    syncing: bool = False
    retry_in: float | None = None
    last_error: str | None = None
    syncing_since: float | None = None  # `time.monotonic()` when the request now in flight was sent
    slow_after: float = 5.0  # `SyncConfig.slow_answer`

    def unanswered_for(self) -> float | None:
        """How long the request in flight has waited for its answer, once that is longer than `slow_after`."""
        if not self.syncing or self.syncing_since is None:
            return None
        waited = time.monotonic() - self.syncing_since
        return waited if waited >= self.slow_after else None

    def words(self) -> str:
        if self.online is None and not (
            self.pending_ops or self.failed_ops or self.unsent_ops or self.unsaved or self.syncing
        ):
            # Nothing has needed a server yet: "Not connected yet" read as a fault beside the status bar's
            # "Connected" on an empty Executor page.
            return QCoreApplication.translate("SyncStatus", "Nothing to send yet")
        state = {
            True: QCoreApplication.translate("SyncStatus", "Online"),
            False: QCoreApplication.translate("SyncStatus", "Offline"),
            None: QCoreApplication.translate("SyncStatus", "Not connected yet"),
        }[self.online]
        if self.pending_ops == 0 and self.unsent_ops:
            waiting = Counts.tr("%Ln change(s) not sent, in runs the server refused", "", self.unsent_ops)
        elif self.pending_ops == 0 and self.unsaved:  # not "everything is synced": these are not saved at all
            waiting = unsaved_words(self.unsaved)
        elif self.pending_ops == 0:
            waiting = (
                QCoreApplication.translate("SyncStatus", "everything is synced")
                if self.online
                else QCoreApplication.translate("SyncStatus", "nothing waiting")
            )
        else:
            waiting = Counts.tr("%Ln change(s) waiting", "", self.pending_ops)
            if self.pending_bytes >= 10_000:
                waiting += f" ({format_bytes(self.pending_bytes)})"
            if self.unsent_ops:
                waiting += " · " + Counts.tr(
                    "%Ln change(s) not sent, in runs the server refused", "", self.unsent_ops
                )
        if self.unsaved and (self.pending_ops or self.unsent_ops):
            waiting += " · " + unsaved_words(self.unsaved)
        parts = [state, waiting]
        if (waited := self.unanswered_for()) is not None:  # "Online" is what the last answer said
            parts = [
                QCoreApplication.translate("SyncStatus", "No answer from the server for {0} s").format(
                    int(waited)
                ),
                waiting,
            ]
        elif self.syncing:
            parts.append(QCoreApplication.translate("SyncStatus", "syncing…"))
        elif self.retry_in is not None and self.pending_ops:
            parts.append(
                QCoreApplication.translate("SyncStatus", "next try in {0} s").format(
                    max(1, round(self.retry_in))
                )
            )
        if self.failed_ops:
            parts.append(
                QCoreApplication.translate("SyncStatus", "{0} refused by the server").format(self.failed_ops)
            )
        return " · ".join(parts)


def unsaved_words(count: int) -> str:
    """Answers their checks refuse, kept on screen and never sent (`SyncStatus.unsaved`), and what to do."""
    return Counts.tr("%Ln answer(s) not saved: put it right to send it", "", count)


class Backoff:
    """Exponential backoff with jitter: the n-th failure waits a random time in [c/2, c], c = base·2ⁿ ≤ cap."""

    def __init__(self, base: float, cap: float, rng: random.Random):
        self.base, self.cap, self.rng = base, cap, rng
        self.failures = 0
        self.next_at = 0.0

    def fail(self, now: float, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * 2**self.failures)
        self.failures += 1
        delay = self.rng.uniform(ceiling / 2, ceiling)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.cap))
        self.next_at = now + delay
        return delay

    def reset(self) -> None:
        self.failures, self.next_at = 0, 0.0


def closed_words(message: str | None) -> str:
    """Why a closed run takes nothing more, in the app's language: the server's `run_closed` says the run's
    status in English ("The run is already cancelled."), which read in English inside a German sentence."""
    text = (message or "").lower()
    if "cancelled" in text:
        return QCoreApplication.translate("sync", "the run is cancelled")
    if "completed" in text:
        return QCoreApplication.translate("sync", "the run is completed already")
    return QCoreApplication.translate("sync", "the run is closed")


def refused_status(exc: ProtocolError) -> dict[str, str]:
    """The run's status on the server that a refusal tells (`server_status=` for `_refuse`), if it tells one:
    a run cancelled while answers waited still read "In progress" in the Inbox and the export for ever."""
    if exc.code == "run_expired":
        return {"server_status": RunStatus.EXPIRED}
    if exc.code == "run_closed":  # "The run is already cancelled."
        text = (exc.message or "").lower()
        for status in CLOSED_STATUSES:
            if status in text:
                return {"server_status": status}
    return {}


def refusal_words(exc: ProtocolError) -> str:
    why = {
        "run_expired": QCoreApplication.translate("sync", "the run has expired"),
        "run_closed": closed_words(exc.message),
        "run_not_found": QCoreApplication.translate("sync", "the server no longer knows this run"),
        "unauthorized": QCoreApplication.translate(
            "sync",
            "the server no longer accepts this computer's token for the run (was it opened again elsewhere?)",
        ),
    }.get(exc.code, exc.message or QCoreApplication.translate("sync", "it answered {0}").format(exc.status))
    return QCoreApplication.translate(
        "sync",
        "The server refused this run: {0}. Its answers and photos stay on this computer; you can export them.",
    ).format(why)


@dataclass
class _Server:
    online: bool | None = None
    probe_at: float = 0.0
    check_due: bool = False  # answered a probe: its open runs are asked how they stand after the next pass


@dataclass
class _RunState:
    backoff: Backoff
    last_error: str | None = None
    base_url: str = ""


@dataclass
class _ReadAhead:
    """The photo the lanes send next (None: no more), its first chunk being read (or its file opened) and its
    op marked as having its upload created (`begin_upload`), or None when it resumes an upload instead."""

    op: st.Op | None
    first: asyncio.Future | None = None

    async def never_sent(self, engine: SyncEngine) -> None:
        """The lanes stopped before sending it (a failure): its op is marked as never created again, so the
        next attempt creates its upload without looking for one first (`_find_upload`). Cancelled (the
        engine stopping): left marked, which only costs that look."""
        if self.first is None or self.op is None:
            return
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            if not self.first.cancel() and self.first.exception() is None:  # read already: close its file
                close_piece(self.first.result()[0])
            return
        try:
            chunk, _ = await self.first
        except Exception:  # noqa: BLE001 - its file gone, or the store failing: nothing was marked
            return
        close_piece(chunk)
        await engine._db(st.LocalStore.set_upload, self.op.op_id, None, 0)


class SyncEngine:
    """One engine per store. `start()` it on a running loop; `wake()` it after queueing an op."""

    def __init__(
        self,
        store_root: Path,
        *,
        config: SyncConfig | None = None,
        http: httpx.AsyncClient | None = None,
        listener: Listener | None = None,
        rng: random.Random | None = None,
    ):
        keep_freed_pages()  # each photo read and sent is a 2 MB block: not fresh pages each time (issue 16)
        self.store_root = Path(store_root)
        self.config = config or SyncConfig()
        self._own_http = http is None
        self.http = http or new_http(self.config.request_timeout)
        # The photos' own client (issue 16), unless the caller gave the client every request must go through.
        self.uploads = new_uploads(self.config.request_timeout) if self._own_http else None
        self.client = ExecutorClient(self.http, self.uploads)
        self.listeners: list[Listener] = [listener] if listener else []
        self.rng = rng or random.Random()
        self.store = StoreWorker(self.store_root, "rundun-sync-store")
        device_state.attach(
            self.http, self.store, self.uploads
        )  # `Rundun-Device` on every request (SPEC §10)
        self._wake = asyncio.Event()
        self._settled = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._servers: dict[str, _Server] = {}
        self._runs: dict[str, _RunState] = {}
        self.status = SyncStatus(online=None, slow_after=self.config.slow_answer)
        self._last_online: bool | None = None
        self._recount: asyncio.Task | None = None
        self._recount_again = False
        self.sent_requests = 0

    # -- life --------------------------------------------------------------------------------------------------
    def start(self) -> asyncio.Task:
        if self._task is None:
            self._task = asyncio.ensure_future(self.run())
        return self._task

    async def stop(self) -> None:
        for task in (self._task, self._recount):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._task = self._recount = None
        await self.store.close()
        if self._own_http:
            await self.http.aclose()
        if self.uploads is not None:
            self.uploads.close()

    def unreachable(self, base_url: str) -> None:
        """A request made outside the engine (opening a run) found `base_url` out of reach: a server watched here
        reads offline at once and is probed as one, instead of "Online" beside the "Cannot reach the server" of
        that open until its next idle probe."""
        server = self._servers.get(base_url.rstrip("/"))
        if server is None or server.online is False:
            return
        server.online = False
        server.probe_at = self._now() + self.config.probe_interval
        self._wake.set()  # the next round says so

    def wake(self, *, now: bool = False) -> None:
        """New work, or connectivity is back (`now`): try at once, whatever the backoff says."""
        if now:
            for state in self._runs.values():
                state.backoff.reset()
            for server in self._servers.values():
                server.probe_at = 0.0
        self._settled.clear()
        self._wake.set()
        self._count_soon()

    def _count_soon(self) -> None:
        """The status's counts of what is waiting read again now, not at the end of the round: a round waiting
        for a server that does not answer (up to `request_timeout`) said "everything is synced", or the count
        it began with, while the executor's new changes waited behind it."""
        if self._task is None:  # not started (or stopped): the first round counts
            return
        if self._recount is not None and not self._recount.done():
            self._recount_again = True  # the count under way may have read before this change
            return
        self._recount = asyncio.ensure_future(self._count_pending())

    async def _count_pending(self) -> None:
        self._recount_again = True
        while self._recount_again:
            self._recount_again = False
            try:
                totals = await self._db(st.LocalStore.pending_totals)
            except Exception:  # the local disk failing: the round's own count says it, in words
                log.warning("could not count the changes waiting", exc_info=True)
                return
            status = self.status
            counts = (
                status.pending_ops,
                status.pending_bytes,
                status.failed_ops,
                status.unsent_ops,
                status.unsaved,
            )
            if totals != counts:
                ops, size, failed, unsent, unsaved = totals
                self.status = replace(
                    status,
                    pending_ops=ops,
                    pending_bytes=size,
                    failed_ops=failed,
                    unsent_ops=unsent,
                    unsaved=unsaved,
                )
                self._emit("status", self.status)

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait until nothing is pending (failed and refused ops aside); False on timeout."""
        self.wake()
        return await wait_event(self._settled, timeout)

    # -- the loop ----------------------------------------------------------------------------------------------
    async def run(self) -> None:
        while True:
            try:
                await self._round()
            except Exception:  # a bug or a local disk failure: keep the engine alive, try again later
                log.exception("sync round failed")
                await asyncio.sleep(self.config.probe_interval)

    async def _round(self) -> None:
        """One pass over the runs with work, then wait for new work, a retry time or a probe."""
        self._wake.clear()
        await self._pass()
        idle = await self._settle_if_idle()
        if await self._checks_due():  # after the settle: what waited has gone, and "synced" says so at once
            idle = await self._settle_if_idle()
        timeout = await self._next_timeout(idle)
        if timeout is None or timeout > 0:
            await wait_event(self._wake, timeout)
        await self._probe()

    async def _pass(self) -> None:
        # The runs first, then the servers to watch: a run's server moved meanwhile (its base_url changed
        # between the two reads) is then never kept as a stale unreachable server that colours the status.
        runs = await self._db(st.LocalStore.runs_to_sync)
        active = set(await self._db(st.LocalStore.active_servers)) | {run["base_url"] for run in runs}
        for base_url in active:
            self._servers.setdefault(base_url, _Server())
        for base_url in set(self._servers) - active:  # its runs finished (or moved): no longer watched
            del self._servers[base_url]
        now = self._now()
        for run in runs:
            state = self._run_state(run)
            state.base_url = run["base_url"]  # it follows its server (see servers.follow)
            server = self._servers.setdefault(run["base_url"], _Server())
            if state.backoff.next_at > now or (server.online is False and server.probe_at > now):
                continue
            await self._drain_run(RunAuth(run["base_url"], run["run_id"], run["token"]), state)

    async def _next_timeout(self, idle: bool) -> float | None:
        now = self._now()
        waits = [s.backoff.next_at - now for s in self._runs.values() if s.backoff.failures]
        # Unreachable or not yet tried servers are probed on their schedule; reachable ones when idle.
        waits += [s.probe_at - now for s in self._servers.values() if s.online is not True or idle]
        if not waits:
            return None
        return max(0.0, min(waits))

    async def _probe(self) -> None:
        """Health-probe servers that are unreachable (or idle for a while); one that answers gets its runs now."""
        now = self._now()
        for base_url, server in list(self._servers.items()):
            if server.probe_at > now:
                continue
            reachable = await self.client.health(base_url)
            interval = self.config.probe_interval if not reachable else self.config.idle_probe_interval
            server.probe_at = self._now() + interval
            if reachable and server.online is not True:
                for state in self._runs.values():
                    if state.base_url == base_url:
                        state.backoff.reset()
            changed, server.online = server.online is not reachable, reachable
            server.check_due = server.check_due or reachable
            if changed:
                await self._publish()

    async def _settle_if_idle(self) -> bool:
        """Publish the status; when nothing waits any more, say so to `drain`. Returns whether idle."""
        idle = await self._publish()
        if idle:
            self._settled.set()
        return idle

    async def _checks_due(self) -> bool:
        """The open runs of the servers that answered a probe, asked how they stand once the pass after it
        has sent what waited: as at the engine's start, the changes go first (issue 16: a server back after
        an outage was asked about every open run, a `GET …/state` each, before any change went; 9 ms before
        the first photo for one run, after the server's restart). A run closed there meanwhile is refused by
        its own first request, or by this check if nothing of it waited. Returns whether it checked any."""
        due = [url for url, server in self._servers.items() if server.check_due and server.online]
        for base_url in due:
            self._servers[base_url].check_due = False
            await self._check_runs(base_url)
        return bool(due)

    async def _check_runs(self, base_url: str) -> None:
        """Ask the server how its open runs stand (`GET …/state`), so that a run cancelled or expired there
        shows as refused before the executor fills it in vain, and server progress stays current."""
        for run in await self._db(st.LocalStore.open_runs, base_url):
            auth = RunAuth(run["base_url"], run["run_id"], run["token"])
            try:
                state = await self.client.state(auth)
            except ProtocolError as exc:
                if exc.kind == REFUSED:
                    await self._refuse(auth, refusal_words(exc), **refused_status(exc))
                continue
            if state["status"] in OPEN_STATUSES:
                if (state["status"], state["progress"]) != (run["server_status"], run["server_progress"]):
                    await self._db(
                        st.LocalStore.update_run,
                        auth.run_id,
                        server_status=state["status"],
                        server_progress=state["progress"],
                    )
                    self._emit("run", {"run_id": auth.run_id})
            else:
                closed = ProtocolError(
                    409,
                    "run_closed",
                    QCoreApplication.translate("SyncEngine", "The run is {0}.").format(state["status"]),
                )
                await self._refuse(auth, refusal_words(closed), server_status=state["status"])

    async def _refuse(self, run: RunAuth, words: str, **fields: Any) -> None:
        """The server will take nothing more for this run: stop syncing it, keep its data."""
        await self._db(
            st.LocalStore.update_run,
            run.run_id,
            local_state=st.REFUSED,
            refusal=words,
            last_error=None,
            **fields,
        )
        self._emit("run", {"run_id": run.run_id})

    async def _publish(self) -> bool:
        ops, size, failed, unsent, unsaved = await self._db(st.LocalStore.pending_totals)
        online = [s.online for s in self._servers.values() if s.online is not None]
        if online:
            self._last_online = all(online)
        # No server watched any more (every run finished, say just after a successful sync): what was
        # last known still holds, rather than "not connected yet".
        retry = [s.backoff.next_at for s in self._runs.values() if s.backoff.failures]
        errors = [s.last_error for s in self._runs.values() if s.last_error]
        self.status = SyncStatus(
            online=self._last_online,
            pending_ops=ops,
            pending_bytes=size,
            failed_ops=failed,
            unsent_ops=unsent,
            unsaved=unsaved,
            syncing=False,
            retry_in=max(0.0, min(retry) - self._now()) if retry else None,
            last_error=errors[-1] if errors else None,
            slow_after=self.config.slow_answer,
        )
        self._emit("status", self.status)
        return ops == 0

    # -- one run -----------------------------------------------------------------------------------------------
    async def _drain_run(self, run: RunAuth, state: _RunState) -> None:
        server = self._servers[run.base_url]
        sent = False
        while True:
            ops = await self._db(
                st.LocalStore.head, run.run_id, self.config.batch_size, self.config.photo_batch
            )
            if not ops:
                if sent:  # the last request said its own change was waiting: say that none is now
                    await device_state.last_word(self.client, run)
                await self._cleared(run, state)  # nothing left unsent: no "not sent yet"
                return
            self._syncing(True)
            try:
                await self._send(run, ops)
            except ProtocolError as exc:
                if exc.kind == REJECTED:  # this op alone; go on with the next
                    await self._refused_op(run, ops[0], exc)
                    continue
                if exc.kind == REFUSED:
                    await self._refuse(run, refusal_words(exc), **refused_status(exc))
                    server.online = True
                    return
                server.online = exc.kind != OFFLINE
                if exc.kind == OFFLINE:
                    server.probe_at = self._now() + self.config.probe_interval
                delay = state.backoff.fail(self._now(), exc.retry_after)
                state.last_error = exc.words()
                log.info("sync of %s failed (%s); retrying in %.1f s", run.run_id, exc.words(), delay)
                await self._db(st.LocalStore.update_run, run.run_id, last_error=state.last_error)
                self._emit("run", {"run_id": run.run_id})
                return
            finally:
                self._syncing(False)
            sent = True
            server.online, server.probe_at = True, self._now() + self.config.idle_probe_interval
            await self._cleared(run, state)

    async def _cleared(self, run: RunAuth, state: _RunState) -> None:
        """The run's changes go through (or none is left): its backoff and its stored error end."""
        if state.backoff.failures or state.last_error:
            state.backoff.reset()
            state.last_error = None
            await self._db(st.LocalStore.update_run, run.run_id, last_error=None)
            self._emit("run", {"run_id": run.run_id})

    async def _send(self, run: RunAuth, ops: list[st.Op]) -> None:
        op = ops[0]
        self.sent_requests += 1
        if op.kind in (st.ANSWER, st.PHOTO):
            await self._send_answers_and_photos(run, ops)
        elif op.kind == st.SIGNATURE:
            data = await asyncio.to_thread((self.store_root / op.body["file"]).read_bytes)
            await self.client.put_signature(run, data)
            await self._ack(run, [op.op_id])
        elif op.kind == st.DELETE_PHOTO:
            await self.client.delete_photo(run, op.body["step_id"], op.body["photo_index"])
            await self._ack(run, [op.op_id])
        elif op.kind == st.COMPLETE:
            await self._complete(run, op)
        elif op.kind == st.EXIT:
            result = await self.client.exit(run, op.body.get("reason"))
            await self._ack(run, [op.op_id], local_state=st.EXITED, server_status=result["status"])
            self._emit("run", {"run_id": run.run_id})
        else:  # pragma: no cover - a newer app's op in an older app's store
            raise ProtocolError(
                0,
                "unknown_op",
                QCoreApplication.translate("SyncEngine", "This version cannot send a '{0}' change.").format(
                    op.kind
                ),
            )

    async def _ack(self, run: RunAuth, done: list[str], *, durable: bool = True, **fields: Any) -> list[str]:
        return await self._db(
            st.LocalStore.acknowledge, run.run_id, done, synced_at=st.now_iso(), durable=durable, **fields
        )

    async def _send_answers(self, run: RunAuth, ops: list[st.Op]) -> None:
        payload = [{"op_id": op.op_id, **op.body} for op in ops]
        sent_at = {op.op_id: op.body["at"] for op in ops}
        reply = await self.client.sync(run, payload)
        done, failed, adopt = [], [], []
        for result in reply["results"]:
            if result["status"] == "rejected":
                failed.append(
                    (
                        result["op_id"],
                        ProtocolError(
                            422,
                            result.get("error", ""),
                            result.get("message", ""),
                            result.get("details") or [],
                        ).words(of_answer=True),  # on the step's card: "value: …" read "…"
                    )
                )
                continue
            done.append(result["op_id"])
            if result["status"] == "stale" and result.get("answer"):
                answer = result["answer"]
                adopt.append((answer_step(payload, result["op_id"]), answer, sent_at[result["op_id"]]))
        changed = await self._db(
            st.LocalStore.acknowledge,
            run.run_id,
            done,
            failed,
            adopt,
            server_status=reply["status"],
            server_progress=reply["progress"],
            synced_at=st.now_iso(),
        )
        if failed or changed:
            self._emit("run", {"run_id": run.run_id, "steps": changed})

    async def _send_answers_and_photos(self, run: RunAuth, ops: list[st.Op]) -> None:
        """The answers at the run's head (`/sync` batches, one after another) and its photos, at once (issue
        16: the photos waited for the answers' round trips; the two commute, see `LocalStore.head`). A batch
        the server refuses whole marks its first answer, as any op refused alone; a photo it refuses is
        marked; the first other failure (offline…) of either stops the photo lanes and is raised once
        everything has stopped, what finished being acknowledged.

        The first photo goes first: the answers wait until its first chunk is read (issue 16: the photos are
        the long pole, and the first lane waited 5–7 ms behind the first batch's trips to the store's one
        thread and the loop's work of encoding it)."""
        fatal: list[BaseException] = []
        photos_away = asyncio.Event()

        async def answering(answers: list[st.Op]) -> None:
            """Batch after batch while the photos go (the next batch read once one is acknowledged)."""
            await photos_away.wait()
            while answers and not fatal:
                refused = functools.partial(self._refused_op, run, answers[0])
                if not await attempt(functools.partial(self._send_answers, run, answers), refused, fatal):
                    return
                head = await self._db(st.LocalStore.head, run.run_id, self.config.batch_size, 0)
                answers = [op for op in head if op.kind == st.ANSWER]
                self.sent_requests += bool(answers)

        photos = [op for op in ops if op.kind == st.PHOTO]

        async def sending_photos() -> None:
            try:
                await self._photo_lanes(run, photos, fatal, photos_away)
            finally:  # the answers never wait for lanes that ended before their first photo went
                photos_away.set()

        await asyncio.gather(sending_photos(), answering([op for op in ops if op.kind == st.ANSWER]))
        if fatal:
            raise fatal[0]

    async def _photo_lanes(
        self, run: RunAuth, ops: list[st.Op], fatal: list[BaseException], away: asyncio.Event | None = None
    ) -> None:
        """The consecutive photos at the run's head, `photo_concurrency` at once (distinct slots), each lane
        taking the next as soon as its photo is done (issue 16: a batch that waited for its slowest photo
        left the link idle). A photo the server refuses is marked; the first other failure (offline…) stops
        the lanes (and is added to `fatal`, where a failure of the answers sent meanwhile stops them too).

        As many photos as there are lanes are read ahead (`_ReadAhead`): the lane that takes one finds its
        first chunk read and its op marked, and sends at once; and a photo on the server is acknowledged in
        the store while its lane sends the next (every acknowledgement done before this returns, so the next
        look at the outbox sees them). Issue 16: a lane waited for those trips to the store's one thread,
        queued behind the other lanes' and the answers' (13–19% of a lane's time with one read ahead and each
        acknowledgement awaited)."""
        waiting = iter(ops)
        lanes = min(self.config.photo_concurrency, len(ops))
        ahead = collections.deque(self._read_ahead(run, next(waiting, None)) for _ in range(lanes))
        if away is not None:
            _set_once_taken(away, ahead[0].first if ahead else None)
        acknowledging: list[asyncio.Future] = []

        async def acknowledge(op: st.Op) -> None:
            # Not fsynced: lost to a power cut, the op is sent again and the server answers "attached already".
            try:
                await self._ack(run, [op.op_id], durable=False)
            except Exception as exc:  # noqa: BLE001 - the store failing: stops the lanes, raised by the caller
                fatal.append(exc)

        async def send(op: st.Op, first: asyncio.Future | None) -> None:
            if await self._upload(run, op, first):  # on the server: acknowledged while the lane goes on
                acknowledging.append(asyncio.ensure_future(acknowledge(op)))

        async def lane() -> None:
            while not fatal and (op := ahead[0].op) is not None:
                first = ahead.popleft().first
                ahead.append(self._read_ahead(run, next(waiting, None)))
                refused = functools.partial(self._refused_photo, run, op)
                if not await attempt(functools.partial(send, op, first), refused, fatal):
                    return

        try:
            await asyncio.gather(*(lane() for _ in range(lanes)))
        finally:
            for unsent in ahead:
                await unsent.never_sent(self)
            await asyncio.gather(*acknowledging)  # each one's failure joins `fatal`

    def _read_ahead(self, run: RunAuth, op: st.Op | None) -> _ReadAhead:
        if op is None or op.upload_url is not None:  # none left, or an upload to resume (asks the server)
            return _ReadAhead(op)
        path = self.store_root / op.body["file"]
        marker, from_file = uploads_url(run), self.client.sends_from_files(run.base_url)
        return _ReadAhead(
            op,
            asyncio.ensure_future(
                self._db(begin_upload, op, path, marker, self.config.chunk_size, from_file=from_file)
            ),
        )

    async def _refused_op(self, run: RunAuth, op: st.Op, exc: ProtocolError) -> None:
        await self._db(st.LocalStore.fail, op.op_id, exc.words())
        self._emit("run", {"run_id": run.run_id})

    async def _refused_photo(self, run: RunAuth, op: st.Op, exc: ProtocolError) -> None:
        words = exc.words()
        if exc.status == 413:  # a server whose limit is lower than known when it was added
            limit = await self.client.tus_max_size(run)
            words = (
                too_large(op.bytes, limit)
                if limit
                else QCoreApplication.translate(
                    "SyncEngine", "This photo is {0}; the server refused it as too large."
                ).format(megabytes(op.bytes))
            )
        await self._db(st.LocalStore.fail, op.op_id, words)
        self._emit("run", {"run_id": run.run_id})

    async def _upload(self, run: RunAuth, op: st.Op, first: asyncio.Future | None = None) -> bool:
        """One photo over tus: resume the known upload from the server's offset, else create one carrying the
        first chunk (creation-with-upload: a photo that fits goes in one request). `first`: that chunk being
        read ahead, its op marked (`begin_upload`). True once the photo is on the server (its op is the
        caller's to acknowledge); False when the op was superseded meanwhile (nothing to acknowledge)."""
        path = self.store_root / op.body["file"]
        length, url, offset = op.bytes, op.upload_url, 0
        from_file = self.client.sends_from_files(run.base_url)
        if url == uploads_url(run):  # sent with its creation, whose answer never came: find it
            url, offset = await self._find_upload(run, op)
        elif url is not None:
            known = await self.client.tus_offset(run, url)
            if known is None:
                url = None  # the server forgot it (finished run clean-up, lost part): start a new one
            else:
                offset = known
        if url is not None:
            self._progress(run, op, offset, url, resumed=True)
        mismatches = 0
        while offset < length:
            note: dict[str, str] = {}
            try:
                if url is None and first is not None:  # read ahead (taken once: a new creation reads anew)
                    reading, first = first, None
                    chunk, note = await reading
                elif url is None:  # read, marked as being created and its device note, in one trip
                    chunk, note = await self._db(
                        begin_upload, op, path, uploads_url(run), self.config.chunk_size, from_file=from_file
                    )
                else:
                    chunk = await asyncio.to_thread(
                        photo_piece, path, offset, self.config.chunk_size, from_file=from_file
                    )
            except FileNotFoundError:
                if await self._db(st.LocalStore.has_op, op.op_id):
                    raise ProtocolError(
                        0,
                        "file_missing",
                        QCoreApplication.translate(
                            "SyncEngine", "The photo file is missing on this computer; add the photo again."
                        ),
                    ) from None
                # Superseded meanwhile (a newer photo for the slot, or removed): its file went with it.
                return False
            if len(chunk) == 0:  # the file ends before the photo's recorded length: cut short on this disk
                close_piece(chunk)  # (an empty PATCH moves nothing: it was sent again and again, for ever)
                raise ProtocolError(460, "photo_damaged", QCoreApplication.translate("sync", DAMAGED_PHOTO))
            try:
                if url is None:
                    url, offset = await self._create_upload(run, op, path, chunk, note)
                else:
                    offset = await self.client.tus_patch(run, url, offset, chunk)
            except ProtocolError as exc:
                if exc.status == 460:  # the file did not arrive as taken: the server ended that upload
                    mismatches += 1
                    if mismatches > 2:  # every time: the file here no longer matches its recorded SHA-256
                        raise ProtocolError(
                            460, exc.code, QCoreApplication.translate("sync", DAMAGED_PHOTO)
                        ) from None
                    url, offset = None, 0
                    continue
                if url is not None and exc.status == 409 and exc.code == "conflict":  # behind or ahead: ask
                    known = await self.client.tus_offset(run, url)
                    if known is not None:
                        offset = known
                        continue
                if url is None and exc.never_sent:  # no upload was made: the next attempt creates one at once
                    await self._db(st.LocalStore.set_upload, op.op_id, None, 0)
                raise
            finally:
                close_piece(chunk)
            if offset < length and (
                offset // self.config.offset_every != (offset - len(chunk)) // self.config.offset_every
            ):
                await self._db(st.LocalStore.set_upload, op.op_id, url, offset)  # for "waiting" figures
            self._progress(run, op, offset, url, resumed=False)
        return True

    async def _create_upload(
        self, run: RunAuth, op: st.Op, path: Path, first: bytes | FileRegion, note: dict[str, str]
    ) -> tuple[str, int]:
        """A new upload carrying `first` (its op already marked as being created, see `begin_upload`);
        returns its URL and the offset the server acknowledged."""
        metadata = {
            "step_id": op.body["step_id"],
            "photo_index": str(op.body["photo_index"]),
            "filename": path.name,
            "sha256": op.body["sha256"],  # the server checks the finished file against it
        }
        if op.body.get("taken_at"):  # kept by the server as the photo's offline time (older ops have none)
            metadata["taken_at"] = op.body["taken_at"]
        url, offset = await self.client.tus_create(run, op.bytes, metadata, first, note)
        if offset < op.bytes:
            await self._db(st.LocalStore.set_upload, op.op_id, url, offset)
        return url, offset

    async def _find_upload(self, run: RunAuth, op: st.Op) -> tuple[str | None, int]:
        """The upload a creation-with-upload made for `op` when its answer never came, as (URL, offset): the
        server lists the run's unfinished uploads (slot and length) and HEAD tells each one's sha256. (None,
        the photo's length) when the photo is attached already (the request went through); (None, 0) when
        no upload holds it (it is sent anew)."""
        state = await self.client.state(run)
        slot = (op.body["step_id"], op.body["photo_index"])
        for photo in state.get("photos") or []:
            if (photo["step_id"], photo["photo_index"]) == slot and photo["sha256"] == op.body["sha256"]:
                return None, op.bytes
        for upload in reversed(state.get("uploads") or []):  # the newest first
            if (upload["step_id"], upload["photo_index"]) != slot or upload["length"] != op.bytes:
                continue
            url = urljoin(f"{run.base_url}/", upload["url"])
            head = await self.client.tus_head(run, url)
            if head is not None and head[1].get("sha256") == op.body["sha256"]:
                return url, head[0]
        return None, 0

    def _progress(self, run: RunAuth, op: st.Op, offset: int, url: str, *, resumed: bool) -> None:
        data = {
            "run_id": run.run_id,
            "op_id": op.op_id,
            "offset": offset,
            "length": op.bytes,
            "resumed": resumed,
        }
        self._emit("upload", {**data, "url": url})

    async def _complete(self, run: RunAuth, op: st.Op) -> None:
        refused = await self._db(st.LocalStore.failed_before, run.run_id, op.seq)
        if refused:
            local = await self._db(st.LocalStore.run, run.run_id) or {}
            labels = step_labels(local.get("snapshot") or {})
            words = Counts.tr(
                "%Ln change(s) refused by the server, so the run was not completed. Fix them and complete again:\n",
                "",
                len(refused),
            ) + "\n".join(f"• {describe_op(o, labels)}: {o.error}" for o in refused[:5])
            await self._db(st.LocalStore.fail, op.op_id, words, st.BLOCKED)
            await self._db(st.LocalStore.reopen, run.run_id, words)
            self._emit("run", {"run_id": run.run_id})
            return
        try:
            doc = await self.client.complete(run, op.body["at"])
        except ProtocolError as exc:
            if exc.kind != REJECTED:
                raise
            await self._db(st.LocalStore.fail, op.op_id, exc.words())
            await self._db(
                st.LocalStore.reopen,
                run.run_id,
                QCoreApplication.translate("SyncEngine", "The server did not complete the run:\n")
                + exc.words(),
            )
            self._emit("run", {"run_id": run.run_id})
            return
        await self._ack(
            run,
            [op.op_id],
            local_state=st.COMPLETED,
            server_status=doc["status"],
            server_progress=doc["progress"],
        )
        self._emit("run", {"run_id": run.run_id})

    # -- helpers -----------------------------------------------------------------------------------------------
    def _run_state(self, run: dict) -> _RunState:
        state = self._runs.get(run["run_id"])
        if state is None:
            backoff = Backoff(self.config.backoff_base, self.config.backoff_cap, self.rng)
            # The error a previous session stored (the runner's banner shows it) is this one's to clear.
            state = _RunState(backoff, last_error=run.get("last_error"), base_url=run["base_url"])
            self._runs[run["run_id"]] = state
        return state

    def _syncing(self, flag: bool) -> None:
        if self.status.syncing != flag:
            self.status.syncing = flag
            self.status.syncing_since = time.monotonic() if flag else None
            self._emit("status", self.status)

    def _emit(self, event: str, data: Any) -> None:
        for listener in self.listeners:
            try:
                listener(event, data)
            except Exception:  # an observer's bug must not stop syncing
                log.exception("sync listener failed on %s", event)

    @staticmethod
    def _now() -> float:
        return asyncio.get_running_loop().time()

    async def _db(self, fn: Callable, *args: Any, **kwargs: Any) -> Any:
        return await self.store.call(fn, *args, **kwargs)


async def attempt(
    send: Callable[[], Awaitable[None]],
    refused: Callable[[ProtocolError], Awaitable[None]],
    fatal: list[BaseException],
) -> bool:
    """`send()`; the server refusing it alone goes to `refused`; any other failure (offline, a local one,
    raised once every lane has stopped) joins `fatal`, and False says to stop."""
    try:
        await send()
    except ProtocolError as exc:
        if exc.kind != REJECTED:
            fatal.append(exc)
            return False
        await refused(exc)
    except Exception as exc:  # noqa: BLE001 - raised by the caller once everything has stopped
        fatal.append(exc)
        return False
    return True


async def wait_event(event: asyncio.Event, timeout: float | None) -> bool:
    """`event.wait()` for at most `timeout` seconds; True when it was set. Unlike `asyncio.wait_for` (whose
    3.11 version can lose a cancellation that races with the timeout, hanging `stop()`), it adds no task."""
    if timeout is None:
        await event.wait()
        return True
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    if event.is_set():
        return True
    timer = loop.call_later(timeout, event.set)
    try:
        await event.wait()
    finally:
        timer.cancel()
    return loop.time() < deadline


def _set_once_taken(event: asyncio.Event, first: asyncio.Future | None) -> None:
    """Set `event` once the lane waiting for `first` (the first photo's read ahead) has taken it, whatever its
    outcome: a callback added now runs before the lane's own wake-up, and the set is queued behind that, so
    the lane sends before whoever waits for `event` runs. No photo read ahead: set at once."""
    if first is None:
        event.set()
        return
    loop = asyncio.get_running_loop()
    first.add_done_callback(lambda _: loop.call_soon(event.set))


def uploads_url(run: RunAuth) -> str:
    """Where uploads are created: kept as a photo's upload URL while its creation's answer is awaited."""
    return f"{run.path}/uploads/"


def begin_upload(
    store: st.LocalStore, op: st.Op, path: Path, marker: str, size: int, *, from_file: bool
) -> tuple[bytes | FileRegion, dict]:
    """On the store's thread, one trip where there were three (issue 16): the photo's first chunk read (or its
    file opened, `from_file`: see `photo_piece`), its op
    marked as having its upload created (`marker`: persisted before any byte is sent, so should the answer,
    the upload's URL, be lost, a restart looks the upload up on the server, `_find_upload`, and resumes it,
    never starts another), and the request's `Rundun-Device` note (else read by the request hook)."""
    chunk = photo_piece(path, 0, size, from_file=from_file)
    store.set_upload(op.op_id, marker, 0)
    return chunk, {device_state.HEADER: device_state.header_for(store, op.run_id)}


def photo_piece(path: Path, offset: int, size: int, *, from_file: bool) -> bytes | FileRegion:
    """Up to `size` bytes of the photo from `offset`: its file opened, as a region the request sends from the
    file (`from_file`, issue 16: no copy into memory), else read. The caller closes it (`close_piece`)."""
    if not from_file:
        return read_chunk(path, offset, size)
    file = open(path, "rb")  # noqa: SIM115 - closed by `close_piece` once its request is done
    try:
        count = max(0, min(size, os.fstat(file.fileno()).st_size - offset))
    except BaseException:
        file.close()
        raise
    return FileRegion(file, offset, count)


def close_piece(piece: bytes | FileRegion) -> None:
    if isinstance(piece, FileRegion):
        piece.file.close()


def read_chunk(path: Path, offset: int, size: int) -> bytes:
    """Up to `size` bytes from `offset`. Only what the file holds is asked for: `read(size)` makes a buffer of
    the whole `size` first (8 MB for a 2 MB photo, a fresh mapping each time) and then shrinks it."""
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(max(0, min(size, os.fstat(f.fileno()).st_size - offset)))


def answer_step(payload: list[dict], op_id: str) -> str:
    return next(op["step_id"] for op in payload if op["op_id"] == op_id)


def step_labels(snapshot: dict) -> dict[str, str]:
    """Step id → its label, from a run's snapshot (a person reads labels, not ids)."""
    return {
        step["id"]: step.get("label") or step["id"]
        for section in snapshot.get("sections") or []
        for step in section.get("steps") or []
    }


def describe_op(op: st.Op, labels: dict[str, str] | None = None) -> str:
    step = f"'{(labels or {}).get(op.step_id or '', op.step_id)}'"
    if op.kind == st.ANSWER:
        return QCoreApplication.translate("sync", "the answer to {0}").format(step)
    if op.kind in (st.PHOTO, st.SIGNATURE):
        return (
            "the signature"
            if op.kind == st.SIGNATURE
            else QCoreApplication.translate("sync", "photo {0} of {1}").format(
                (op.photo_index or 0) + 1, step
            )
        )
    return (
        QCoreApplication.translate("sync", "the {0} of {1}").format(op.kind.replace("_", " "), step)
        if op.step_id
        else op.kind
    )
