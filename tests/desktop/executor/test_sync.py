"""The sync engine against the real embedded server, headless (asyncio.run, no Qt): batches, op-id replays,
refusals for one op and for the whole run, `complete` held back by a refused change, backoff and probing."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import os
import random
import socket
import subprocess
import sys
import threading
from collections.abc import Callable

import httpx
import pytest

from rundun_desktop import i18n
from rundun_desktop.embedded import EmbeddedServer, bootstrap
from rundun_desktop.executor import headless
from rundun_desktop.executor import store as st
from rundun_desktop.executor.opening import open_into
from rundun_desktop.executor.protocol import ProtocolError, tus_metadata
from rundun_desktop.executor.sync import (
    Backoff,
    SyncConfig,
    SyncEngine,
    SyncStatus,
    closed_words,
    refusal_words,
)
from rundun_desktop.executor.worker import StoreWorker
from tests.desktop.executor.conftest import FAST
from tests.server.tdl.test_tdl_languages import car_check
from tests.support.executor import every_type, jpeg, many_steps
from tests.support.org import Org


def open_headless(root, link: str) -> str:
    return asyncio.run(open_into(root, link))


def sync_all(root, config: SyncConfig = FAST, timeout: float = 30) -> SyncEngine:
    async def go() -> SyncEngine:
        engine = SyncEngine(root, config=config)
        engine.start()
        assert await engine.drain(timeout), engine.status
        await engine.stop()
        return engine

    return asyncio.run(go())


def upload_events(root) -> list[dict]:
    """Drain the store; the engine's "upload" events."""
    events: list[dict] = []

    async def go() -> None:
        engine = SyncEngine(
            root, config=FAST, listener=lambda e, d: events.append(d) if e == "upload" else None
        )
        engine.start()
        assert await engine.drain(10)
        await engine.stop()

    asyncio.run(go())
    return events


def drain_seeing_creations(root, config: SyncConfig, created: Callable[[], None]) -> None:
    """Drain the store with `config`, `created()` called as each upload's creation request goes."""

    async def go() -> None:
        engine = SyncEngine(root, config=config)

        async def sent(url: str, headers: dict[str, str]) -> None:
            if url.endswith("/uploads/"):  # a creation (a PATCH goes to the upload's own URL)
                created()

        assert engine.uploads is not None  # the photos go through their own client (issue 16)
        engine.uploads.request_hooks.append(sent)
        engine.start()
        assert await engine.drain(60), engine.status
        await engine.stop()

    asyncio.run(go())


def two_photos_queued(org, root) -> tuple[str, st.LocalStore, list[bytes]]:
    """A run of `every_type` opened into `root`, a photo queued for each of its two photo steps (`s-photo`,
    `s-geo`): its id, the store and the photos' bytes."""
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    taken = [jpeg(40_000), jpeg(50_000)]
    for step, data in zip(("s-photo", "s-geo"), taken, strict=True):
        store.add_photo(run_id, step, st.write_photo(root, data))
    return run_id, store, taken


@pytest.fixture
def org(live_server):
    o = Org(live_server.url, live_server.api_key)
    yield o
    o.http.close()


def test_a_thousand_answers_go_in_four_requests_each_applied_once(org, tmp_path):
    root = tmp_path / "exe"
    body = {
        "name": "1000 readings",
        "sections": [
            {
                "id": f"g-{n}",
                "title": f"Part {n}",
                "steps": many_steps(1000)["sections"][0]["steps"][n * 500 : (n + 1) * 500],
            }
            for n in range(2)
        ],
    }
    run_id = open_headless(root, org.dispatch(body))
    store = st.LocalStore(root)
    for i in range(1000):
        store.set_answer(run_id, f"s-{i}", i)
    engine = sync_all(root)
    assert engine.sent_requests == 4  # 250 a batch
    values = org.values(run_id)
    assert len(values) == 1000 and all(values[f"s-{i}"] == i for i in range(1000))
    assert store.ops() == [] and store.run(run_id)["server_status"] == "in_progress"
    store.close()


def test_a_replayed_op_id_changes_nothing(org, tmp_path):
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    op = store.set_answer(run_id, "s-num", 42)
    sync_all(root)
    # A crash after the server applied the batch but before the ack: the same op is sent again.
    replay = json.dumps({**op.body, "value": 7})  # were it applied again, 7 would win (same `at`)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO outbox (run_id, op_id, kind, step_id, body, created_at) VALUES (?,?,?,?,?,?)",
            (run_id, op.op_id, "answer", "s-num", replay, op.body["at"]),
        )
    sync_all(root)
    assert org.values(run_id)["s-num"] == 42 and store.ops() == []
    store.close()


def test_a_refused_change_is_kept_in_words_and_holds_back_complete(org, tmp_path):
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(many_steps(2)))
    store = st.LocalStore(root)
    store.set_answer(run_id, "s-0", "not a number")  # the runner never queues this; an older app might
    store.set_answer(run_id, "s-1", 5)
    store.request_complete(run_id)
    sync_all(root)
    failed = store.ops(run_id, (st.FAILED,))
    assert [o.step_id for o in failed] == ["s-0"] and "must be a number" in failed[0].error
    blocked = store.ops(run_id, (st.BLOCKED,))
    assert [o.kind for o in blocked] == ["complete"] and "1 change was refused" in blocked[0].error
    run = store.run(run_id)
    assert run["local_state"] == st.OPEN and "the answer to 'Reading 0'" in run["attention"]  # its label
    assert "must be a number" in run["attention"]
    assert org.values(run_id) == {"s-1": 5}
    store.set_answer(run_id, "s-0", 4)  # fixed: the refused op is superseded and completing works
    store.request_complete(run_id)
    sync_all(root)
    assert store.run(run_id)["local_state"] == st.COMPLETED and org.run_doc(run_id)["status"] == "completed"
    store.close()


def test_a_complete_held_back_by_refused_changes_says_so_in_the_apps_language(org, tmp_path, speak):
    """Counted in the language's forms: in German it read "Vom Server abgelehnte Änderungen: 2 … Beheben Sie
    them", the English pronoun glued into the German sentence."""
    speak("de")
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(many_steps(3)))
    store = st.LocalStore(root)
    store.set_answer(run_id, "s-0", "not a number")
    store.set_answer(run_id, "s-1", "nor this")
    store.request_complete(run_id)
    sync_all(root)
    (blocked,) = store.ops(run_id, (st.BLOCKED,))
    first_line = blocked.error.splitlines()[0]
    assert first_line.startswith("2 Änderungen wurden vom Server abgelehnt"), first_line
    assert "Beheben Sie sie" in first_line and not {"them", "it"} & set(first_line.split()), first_line
    store.close()


def test_a_run_cancelled_on_the_server_is_refused_and_keeps_its_data(org, tmp_path):
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    store.set_answer(run_id, "s-text", "kept")
    org.http.post(f"/v1/runs/{run_id}/cancel").raise_for_status()
    engine = sync_all(root)
    run = store.run(run_id)
    assert run["local_state"] == st.REFUSED and "cancelled" in run["refusal"] and "export" in run["refusal"]
    assert [o.step_id for o in store.ops(run_id)] == ["s-text"]  # nothing dropped
    # Refused while sending its answer: the run is what the server says it is, not "in progress" for ever,
    # and the answer kept unsent is counted, not "everything is synced".
    assert run["server_status"] == "cancelled"
    assert engine.status.unsent_ops == 1 and engine.status.pending_ops == 0
    assert "everything is synced" not in engine.status.words()
    assert "not sent, in runs the server refused" in engine.status.words()
    doc = (store.export(run_id, tmp_path / "out")).read_text()
    assert '"kept"' in doc and json.loads(doc)["status"]["server"] == "cancelled"
    store.close()


def test_a_run_cancelled_on_the_server_shows_as_refused_before_anything_is_filled(org, tmp_path):
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    org.http.post(f"/v1/runs/{run_id}/cancel").raise_for_status()
    store = st.LocalStore(root)

    async def go() -> None:
        engine = SyncEngine(root, config=FAST)
        engine.start()
        # The first probe finds the server and asks it about the runs still open here.
        while store.run(run_id)["local_state"] != st.REFUSED:
            await asyncio.sleep(0.05)
        await engine.stop()

    asyncio.run(asyncio.wait_for(go(), 60))  # a guard, not a duration
    run = store.run(run_id)
    assert run["server_status"] == "cancelled" and "the run is cancelled" in run["refusal"]
    store.close()


@pytest.mark.parametrize(
    ("language", "cancelled", "completed"),
    [
        ("en", "the run is cancelled", "the run is completed already"),
        ("de", "der Durchlauf wurde storniert", "der Durchlauf ist bereits abgeschlossen"),
        ("ar", "أُلغيت المهمة", "اكتملت المهمة بالفعل"),
    ],
)
def test_a_closed_runs_refusal_says_why_in_the_apps_language(qapp, language, cancelled, completed):
    """The server's run_closed says the status in English ("The run is already cancelled."): the refusal
    names it in the app's words (a German app said "… refused this run: the run is already cancelled.")."""
    with i18n.words_in(language):
        assert closed_words("The run is already cancelled.") == cancelled
        assert closed_words("The run is already completed.") == completed
        said = refusal_words(ProtocolError(409, "run_closed", "The run is already cancelled."))
    assert cancelled in said and "already cancelled" not in said


def test_an_expired_run_is_refused(tmp_path):
    data = tmp_path / "server"
    key = bootstrap(data).api_key
    server = EmbeddedServer(data, offline_grace_hours=0)
    server.start()
    try:
        org = Org(server.url, key)
        root = tmp_path / "exe"
        # Expiry has second precision: `expires_at` = the dispatch's whole second + 2 s, so the run is still
        # open for at least one second after the dispatch (one second could leave only a few ms to open it).
        run_id = open_headless(root, org.dispatch(every_type(), expires_in_hours=2 / 3600))
        store = st.LocalStore(root)
        store.set_answer(run_id, "s-bool", True)
        asyncio.run(asyncio.sleep(2.2))
        sync_all(root)
        assert store.run(run_id)["local_state"] == st.REFUSED
        assert "expired" in store.run(run_id)["refusal"]
        store.close()
        org.http.close()
    finally:
        server.stop()


def test_an_unreachable_server_backs_off_probes_and_is_retried_at_once_when_back(org, tmp_path):
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    real = store.run(run_id)["base_url"]
    store.update_run(run_id, base_url="http://127.0.0.1:9")  # nothing listens there
    store.set_answer(run_id, "s-num", 3)

    async def go() -> None:
        engine = SyncEngine(root, config=SyncConfig(backoff_base=0.2, backoff_cap=2, probe_interval=0.1))
        engine.start()
        # Wait for the second failed attempt (the backoff schedule itself: test_backoff_doubles_with_jitter…);
        # the status was published after the first.
        deadline = asyncio.get_running_loop().time() + 30
        while run_id not in engine._runs or engine._runs[run_id].backoff.failures < 2:
            assert asyncio.get_running_loop().time() < deadline, "the unreachable server was not retried"
            await asyncio.sleep(0.02)
        status = engine.status
        assert status.online is False and status.pending_ops == 1 and "Cannot reach" in status.last_error
        assert "Offline" in status.words() and "1 change waiting" in status.words()
        await asyncio.to_thread(store.update_run, run_id, base_url=real)  # "the network is back"
        engine.wake(now=True)
        assert await engine.drain(30), engine.status
        assert engine.status.online is True and engine.status.last_error is None, engine.status
        await engine.stop()

    asyncio.run(go())
    assert org.values(run_id)["s-num"] == 3
    store.close()


def test_an_error_left_by_a_previous_session_goes_once_the_changes_do(org, tmp_path):
    """The app closed while the run's server was unreachable: the run kept its error ("Not sent yet", the
    runner's banner). The next session's engine sends the waiting change and clears it; another run whose
    error stands with nothing left to send is cleared too (nothing is unsent)."""
    root = tmp_path / "exe"
    waiting = open_headless(root, org.dispatch(every_type()))
    idle = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    store.set_answer(waiting, "s-num", 3)
    left = "Cannot reach the server at http://127.0.0.1:9."
    for run_id in (waiting, idle):
        store.update_run(run_id, last_error=left)

    async def go() -> None:
        engine = SyncEngine(root, config=FAST)
        engine.start()
        assert await engine.drain(30), engine.status
        deadline = asyncio.get_running_loop().time() + 30
        while any(store.run(r)["last_error"] for r in (waiting, idle)):
            assert asyncio.get_running_loop().time() < deadline, "an error of the last session stayed"
            await asyncio.sleep(0.02)
        assert engine.status.last_error is None, engine.status
        await engine.stop()

    asyncio.run(go())
    assert org.values(waiting)["s-num"] == 3
    store.close()


class Gate:
    """A TCP forwarder on one loopback port to `target` ("host:port"): shut, nothing listens there (as a server
    that went away); opened again, on the same port, it forwards again."""

    def __init__(self, target: str):
        self.host, port = target.rsplit(":", 1)
        self.target_port = int(port)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.server: asyncio.Server | None = None
        self.pipes: set[asyncio.StreamWriter] = set()
        self.forwarding: set[asyncio.Task] = set()
        self.is_open = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def open(self) -> None:
        self.server = await asyncio.start_server(self._forward, "127.0.0.1", self.port)
        self.is_open = True

    async def shut(self) -> None:
        assert self.server is not None
        self.is_open = False
        self.server.close()
        for writer in self.pipes:
            writer.transport.abort()
        await asyncio.gather(*self.forwarding)  # each ends once its connections are cut
        await self.server.wait_closed()

    async def _forward(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self.forwarding.add(task)
        task.add_done_callback(self.forwarding.discard)
        try:
            up_reader, up_writer = await asyncio.open_connection(self.host, self.target_port)
        except ConnectionError:
            writer.transport.abort()
            return
        if not self.is_open:  # shut while this connection was being made
            writer.transport.abort()
            up_writer.transport.abort()
            return
        self.pipes |= {writer, up_writer}

        async def copy(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            while data := await source.read(65536):
                sink.write(data)
                await sink.drain()
            sink.close()

        with contextlib.suppress(ConnectionError):
            await asyncio.gather(copy(reader, up_writer), copy(up_reader, writer))
        self.pipes -= {writer, up_writer}


def test_a_server_back_gets_the_waiting_changes_before_it_is_asked_how_the_runs_stand(org, tmp_path):
    """Issue 16: a server that answers a probe again was asked about every open run (`GET …/state` each)
    before any waiting change went; now the changes go first, as at the engine's start, and the runs are
    asked after, once the outbox is empty ("synced" said at once)."""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    asked: list[str] = []

    async def note(request: httpx.Request) -> None:
        asked.append(f"{request.method} {request.url.path.rsplit('/', 1)[-1]}")

    async def go() -> None:
        gate = Gate(store.run(run_id)["base_url"].removeprefix("http://"))
        await gate.open()
        await asyncio.to_thread(store.update_run, run_id, base_url=gate.url)
        # No probe of its own until it is woken (as the app wakes it when the network is back).
        config = SyncConfig(backoff_base=0.2, backoff_cap=2, probe_interval=3600, idle_probe_interval=3600)
        engine = SyncEngine(root, config=config)
        engine.http.event_hooks["request"].append(note)
        engine.start()
        assert await engine.drain(30), engine.status
        deadline = asyncio.get_running_loop().time() + 30
        while engine.status.online is not True:  # its first probe answered (a drain needs none)
            assert asyncio.get_running_loop().time() < deadline, engine.status
            await asyncio.sleep(0.02)
        await gate.shut()  # the server goes away; a change waits
        await asyncio.to_thread(store.set_answer, run_id, "s-num", 3)
        engine.wake()
        while engine.status.online is not False or engine.status.pending_ops != 1:  # offline, it waits
            assert asyncio.get_running_loop().time() < deadline, engine.status
            await asyncio.sleep(0.02)
        asked.clear()
        await gate.open()  # back, at the same address
        engine.wake(now=True)
        assert await engine.drain(30), engine.status
        while "GET state" not in asked:  # the runs are still asked how they stand, after
            assert asyncio.get_running_loop().time() < deadline, asked
            await asyncio.sleep(0.02)
        await engine.stop()
        await gate.shut()

    asyncio.run(go())
    assert asked.index("POST sync") < asked.index("GET state"), asked
    assert org.values(run_id)["s-num"] == 3
    store.close()


def test_a_change_made_while_a_request_hangs_is_counted_at_once_not_when_the_request_gives_up(org, tmp_path):
    """A server that takes the request and never answers holds the engine's round for up to its request
    timeout; a change the executor makes meanwhile is in the status's count at once (it said "everything is
    synced", or the count the round began with, until the request gave up)."""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)

    async def go() -> None:
        asked = asyncio.Event()

        async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            asked.set()
            await reader.read()  # until the engine gives up on it

        silent = await asyncio.start_server(never_answer, "127.0.0.1", 0)
        port = silent.sockets[0].getsockname()[1]
        await asyncio.to_thread(store.update_run, run_id, base_url=f"http://127.0.0.1:{port}")
        await asyncio.to_thread(store.set_answer, run_id, "s-num", 3)
        engine = SyncEngine(root, config=dataclasses.replace(FAST, request_timeout=600))
        engine.start()
        await asyncio.wait_for(asked.wait(), 60)  # the round is waiting for the silent server
        await asyncio.to_thread(store.set_answer, run_id, "s-text", "later")
        engine.wake()
        deadline = asyncio.get_running_loop().time() + 60
        while engine.status.pending_ops != 2:
            assert asyncio.get_running_loop().time() < deadline, engine.status
            await asyncio.sleep(0.02)
        assert engine.status.syncing and "2 changes waiting" in engine.status.words()
        await engine.stop()
        silent.close()

    asyncio.run(go())
    store.close()


def test_backoff_doubles_with_jitter_up_to_the_cap():
    backoff = Backoff(1.0, 300.0, random.Random(1))
    delays = [backoff.fail(0.0) for _ in range(12)]
    for n, delay in enumerate(delays):
        ceiling = min(300.0, 2.0**n)
        assert ceiling / 2 <= delay <= ceiling
    assert max(delays) <= 300 and backoff.fail(0.0, retry_after=30) >= 30
    backoff.reset()
    assert backoff.failures == 0 and backoff.next_at == 0


class AnswersAndPhotosInterleaved(httpx.AsyncBaseTransport):
    """The real transport, holding requests so that they can only complete interleaved: each `/sync` goes once
    a first photo has been answered, and the photo of `last_length` bytes once two `/sync` have been. An
    engine that sends its answers before its photos, or the next batch of answers only after the photos,
    never gets there."""

    def __init__(self, last_length: int) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.last_length = str(last_length)
        self.photo_done, self.answers_done = asyncio.Event(), asyncio.Event()
        self.syncs = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        sync = request.url.path.endswith("/sync")
        photo = request.method == "POST" and request.url.path.endswith("/uploads/")
        if sync:
            await self.photo_done.wait()
        if photo and request.headers["Upload-Length"] == self.last_length:
            await self.answers_done.wait()
        response = await self.inner.handle_async_request(request)
        if photo:
            self.photo_done.set()
        if sync:
            self.syncs += 1
            if self.syncs == 2:
                self.answers_done.set()
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_the_photos_go_while_the_answers_before_them_are_on_their_way(org, tmp_path):
    """Issue 16: the answers' `/sync` batches and the photos queued with them go at once (they commute, see
    `LocalStore.head`), each acknowledged once the server has it; the photo removed meanwhile waits its
    turn."""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    store.set_answer(run_id, "s-num", 12.5)
    kept, removed, other = jpeg(50_000), jpeg(60_000), jpeg(70_000)
    store.add_photo(run_id, "s-photo", st.write_photo(root, kept))
    store.add_photo(run_id, "s-photo", st.write_photo(root, removed))
    store.set_answer(run_id, "s-text", "after")
    store.add_photo(run_id, "s-geo", st.write_photo(root, other))
    store.remove_photo(run_id, "s-photo", 1)  # its deletion goes after the others
    transport = AnswersAndPhotosInterleaved(len(other))

    async def go() -> None:
        async with httpx.AsyncClient(transport=transport, timeout=30) as http:
            engine = SyncEngine(root, config=dataclasses.replace(FAST, batch_size=1), http=http)
            engine.start()
            drained = await engine.drain(15)
            await engine.stop()
            assert drained, engine.status

    asyncio.run(go())
    assert transport.syncs == 2
    assert org.values(run_id) == {"s-num": 12.5, "s-text": "after", "s-photo": None, "s-geo": None}
    answers = org.run_doc(run_id)["answers"]
    assert [p["bytes"] for p in answers["s-photo"]["photos"]] == [len(kept)]
    assert [p["bytes"] for p in answers["s-geo"]["photos"]] == [len(other)]
    assert store.ops() == []
    store.close()


def test_a_photo_sent_whole_takes_one_store_trip_before_its_request_and_one_after(org, tmp_path, monkeypatch):
    """Issue 16: its first chunk read, its op marked as having its upload created and its device note, in one
    trip to the store's thread (`begin_upload`, three before: the mark, a read on another thread, the note
    by the request hook), then its acknowledgement; what the server attaches is the photo as taken."""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    taken = [jpeg(40_000), jpeg(50_000), jpeg(60_000)]
    for step, data in zip(("s-photo", "s-photo", "s-geo"), taken, strict=True):
        store.add_photo(run_id, step, st.write_photo(root, data))
    trips: list[str] = []
    real_call, real_to_thread = StoreWorker.call, asyncio.to_thread

    async def call(self, fn, *args, **kwargs):
        trips.append(fn.__name__)
        return await real_call(self, fn, *args, **kwargs)

    async def to_thread(fn, *args, **kwargs):
        trips.append(fn.__name__)
        return await real_to_thread(fn, *args, **kwargs)

    monkeypatch.setattr(StoreWorker, "call", call)
    monkeypatch.setattr(asyncio, "to_thread", to_thread)
    sync_all(root)
    assert trips.count("begin_upload") == 3 and trips.count("acknowledge") == 3
    assert "read_chunk" not in trips and "set_upload" not in trips
    answers = org.run_doc(run_id)["answers"]
    sent = [p["bytes"] for step in ("s-photo", "s-geo") for p in answers[step]["photos"]]
    assert sent == [len(data) for data in taken] and store.ops() == []
    store.close()


def test_the_next_photo_is_read_while_the_one_before_is_on_its_way(org, tmp_path, monkeypatch):
    """Issue 16: one photo beyond the lanes is read ahead, its op marked, so the lane that takes it sends at
    once (it waited for that trip to the store's thread, behind the answers' bookkeeping there). One lane
    here: the second photo's read is asked for before the first photo's request goes."""
    root = tmp_path / "exe"
    run_id, store, taken = two_photos_queued(org, root)
    seen: list[str] = []
    real_call = StoreWorker.call

    async def call(self, fn, *args, **kwargs):
        seen.append(fn.__name__)
        return await real_call(self, fn, *args, **kwargs)

    monkeypatch.setattr(StoreWorker, "call", call)
    drain_seeing_creations(
        root, dataclasses.replace(FAST, photo_concurrency=1), lambda: seen.append("request")
    )
    first_request = seen.index("request")
    assert seen[:first_request].count("begin_upload") == 2, seen
    answers = org.run_doc(run_id)["answers"]
    sent = [p["bytes"] for step in ("s-photo", "s-geo") for p in answers[step]["photos"]]
    assert sent == [len(data) for data in taken] and store.ops() == []
    store.close()


def test_each_lane_finds_its_next_photo_read_when_it_takes_it(org, tmp_path, monkeypatch):
    """Issue 16: as many photos as there are lanes are read ahead, so a lane that finishes never waits for
    a read behind the other lanes' trips to the store's thread (one photo ahead for all three lanes kept
    the second of two lanes finishing together waiting). Whenever a photo's request goes, the reads of the
    photos the lanes take next were asked for: sent + lanes of them, or all there are."""
    root = tmp_path / "exe"
    steps = [{"id": f"s-p{i}", "type": "photo", "label": f"Photo {i}"} for i in range(7)]
    run_id = open_headless(
        root, org.dispatch({"name": "Photos", "sections": [{"id": "g-1", "title": "Photos", "steps": steps}]})
    )
    store = st.LocalStore(root)
    for i in range(7):
        store.add_photo(run_id, f"s-p{i}", st.write_photo(root, jpeg(20_000)))
    reads, reads_when_sent = 0, []
    real_read_ahead = SyncEngine._read_ahead

    def read_ahead(self, run, op):
        nonlocal reads
        reads += op is not None
        return real_read_ahead(self, run, op)

    monkeypatch.setattr(SyncEngine, "_read_ahead", read_ahead)
    config = dataclasses.replace(FAST, photo_concurrency=3)
    drain_seeing_creations(root, config, lambda: reads_when_sent.append(reads))
    assert len(reads_when_sent) == 7, reads_when_sent
    for sent_before, asked in enumerate(reads_when_sent):
        assert asked >= min(sent_before + 1 + 3, 7), reads_when_sent
    answers = org.run_doc(run_id)["answers"]
    assert [len(answers[f"s-p{i}"]["photos"]) for i in range(7)] == [1] * 7 and store.ops() == []
    store.close()


def test_a_lane_sends_its_next_photo_while_the_last_ones_acknowledgement_is_being_written(
    org, tmp_path, monkeypatch
):
    """Issue 16: a photo on the server is acknowledged in the store while its lane sends the next (the lane
    waited for that trip to the store's thread, queued behind the other lanes' reads and the answers'
    commits). One lane, two photos: the first's acknowledgement is held until the second's request has
    gone; both leave the outbox, each attached once."""
    root = tmp_path / "exe"
    run_id, store, taken = two_photos_queued(org, root)
    second_sent, held = threading.Event(), []
    real_acknowledge = st.LocalStore.acknowledge

    def acknowledge(self, run_id, done, *args, **kwargs):
        if not held:  # the first photo's: held (on the store's thread) until the second photo has gone
            held.append(second_sent.wait(timeout=30))
        return real_acknowledge(self, run_id, done, *args, **kwargs)

    creations = 0

    def created() -> None:
        nonlocal creations
        creations += 1
        if creations == 2:
            second_sent.set()

    monkeypatch.setattr(st.LocalStore, "acknowledge", acknowledge)
    drain_seeing_creations(root, dataclasses.replace(FAST, photo_concurrency=1), created)
    assert held == [True], "the second photo waited for the first one's acknowledgement"
    answers = org.run_doc(run_id)["answers"]
    sent = [p["bytes"] for step in ("s-photo", "s-geo") for p in answers[step]["photos"]]
    assert sent == [len(data) for data in taken] and store.ops() == []
    store.close()


def test_a_photo_read_ahead_but_never_sent_is_not_left_marked_as_created(org, tmp_path):
    """The lanes stop at the first photo (its connection dropped under its request): the photo read ahead of
    it was never sent, so its op is not left marked as having its upload created (the next attempt would
    look for that upload on the server first); the first one's is, its request having perhaps arrived. (One
    whose connection could not even be made is not marked: `test_a_photo_that_could_not_connect_is_…`.)"""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    for step, data in zip(("s-photo", "s-geo"), (jpeg(40_000), jpeg(50_000)), strict=True):
        store.add_photo(run_id, step, st.write_photo(root, data))

    async def go() -> None:
        async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.read(1)  # a request came: dropped unanswered
            writer.transport.abort()

        dropping = await asyncio.start_server(hang_up, "127.0.0.1", 0)
        port = dropping.sockets[0].getsockname()[1]
        await asyncio.to_thread(store.update_run, run_id, base_url=f"http://127.0.0.1:{port}")
        config = dataclasses.replace(FAST, photo_concurrency=1, backoff_base=60, backoff_cap=60)
        engine = SyncEngine(root, config=config)
        engine.start()
        deadline = asyncio.get_running_loop().time() + 30
        while run_id not in engine._runs or not engine._runs[run_id].backoff.failures:
            assert asyncio.get_running_loop().time() < deadline, "the unreachable server was never tried"
            await asyncio.sleep(0.02)
        await engine.stop()
        dropping.close()

    asyncio.run(go())
    marks = {op.step_id: op.upload_url for op in store.ops()}
    assert marks["s-photo"] is not None and marks["s-photo"].endswith(f"/runs/{run_id}/uploads/"), marks
    assert marks["s-geo"] is None, marks
    store.close()


def test_the_last_word_is_a_discovery_that_builds_no_document(org, tmp_path):
    """Once the outbox is empty the engine tells the server so with `OPTIONS …/uploads/` (issue 16: the
    `GET …/state` it sent built the run's whole document, photo URLs signed, for nothing)."""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    store.set_answer(run_id, "s-num", 3)
    store.add_photo(run_id, "s-photo", st.write_photo(root, jpeg(20_000)))
    sent: list[tuple[str, str, str]] = []

    async def go() -> None:
        async def note(response: httpx.Response) -> None:
            request = response.request
            sent.append((request.method, request.url.path, request.headers.get("Rundun-Device", "")))

        async with httpx.AsyncClient(event_hooks={"response": [note]}, timeout=30) as http:
            engine = SyncEngine(root, config=FAST, http=http)
            engine.start()
            assert await engine.drain(15), engine.status
            await engine.stop()

    asyncio.run(go())
    last_post = max(i for i, (method, _, _) in enumerate(sent) if method == "POST")  # (a probe may follow)
    method, path, device = sent[last_post + 1]
    assert (method, path) == ("OPTIONS", f"/v1/runs/{run_id}/uploads/") and "pending-ops=0;" in device
    assert org.run_doc(run_id)["device"]["pending_ops"] == 0 and store.ops() == []
    store.close()


def test_photos_resume_an_upload_the_store_remembers(org, tmp_path):
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    data = jpeg(300_000)
    _, op = store.add_photo(run_id, "s-photo", st.write_photo(root, data))
    # An earlier session created the upload and sent the first 100 kB, then stopped.
    token = store.run(run_id)["token"]
    auth = {"Authorization": f"Bearer {token}", "Tus-Resumable": "1.0.0"}
    meta = tus_metadata({"step_id": "s-photo", "photo_index": "0"})
    r = httpx.post(
        f"{org.url}/v1/runs/{run_id}/uploads/",
        headers={**auth, "Upload-Length": str(len(data)), "Upload-Metadata": meta},
    )
    url = f"{org.url}{r.headers['Location']}"
    r = httpx.patch(
        url,
        content=data[:100_000],
        headers={**auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    assert r.headers["Upload-Offset"] == "100000"
    store.set_upload(op.op_id, url, 100_000)
    events = upload_events(root)
    assert events[0] == {
        "run_id": run_id,
        "op_id": op.op_id,
        "offset": 100_000,
        "length": len(data),
        "resumed": True,
        "url": url,
    }
    photos = org.run_doc(run_id)["answers"]["s-photo"]["photos"]
    assert [(p["photo_index"], p["bytes"]) for p in photos] == [(0, len(data))]
    store.close()


def test_a_photo_damaged_on_disk_is_refused_in_words_and_nothing_is_attached(org, tmp_path):
    """The server checks each finished file against the SHA-256 recorded when the photo was taken: a file
    damaged here afterwards is sent (a fresh upload each time) and refused three times, then the op fails in
    words; the server keeps neither a photo nor an upload."""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    data = jpeg(200_000)
    _, op = store.add_photo(run_id, "s-photo", st.write_photo(root, data))
    path = root / op.body["file"]
    path.write_bytes(data[:1000] + bytes([data[1000] ^ 0xFF]) + data[1001:])
    sync_all(root)
    failed = store.ops(run_id, (st.FAILED,))
    assert [o.op_id for o in failed] == [op.op_id] and "damaged" in failed[0].error
    assert "s-photo" not in org.run_doc(run_id)["answers"]
    token = store.run(run_id)["token"]
    state = httpx.get(
        f"{org.url}/v1/runs/{run_id}/state", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert state["uploads"] == [] and state["photos"] == []
    store.close()


def test_the_headless_engine_drains_the_store_and_says_so(org, tmp_path):
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    store.set_answer(run_id, "s-text", "no display")
    done = subprocess.run(
        [sys.executable, "-m", "rundun_desktop.executor.headless", "--store", str(root), "--timeout", "20"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "Online · everything is synced"
    assert org.values(run_id)["s-text"] == "no display" and store.ops() == []
    store.close()


def test_the_headless_engine_counts_in_the_apps_language(org, tmp_path):
    """Its words in the app's language setting, counted words in their forms: with no catalog it printed "1
    change(s) waiting". The server unreachable: the change waits, said in German."""
    root, home = tmp_path / "exe", tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "desktop.json").write_text(json.dumps({"language": "de"}))
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    store.set_answer(run_id, "s-text", "no display")
    store.update_run(run_id, base_url="http://127.0.0.1:9")  # nothing listens there
    store.close()
    watching = subprocess.Popen(
        [sys.executable, "-m", "rundun_desktop.executor.headless", "--store", str(root), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "RUNDUN_DESKTOP_HOME": str(home)},
    )
    try:
        said = []
        assert watching.stdout is not None
        for line in watching.stdout:  # until it says the change waits (the server was tried and not reached)
            said.append(line.strip())
            if "wartet" in line or "waiting" in line:
                break
    finally:
        watching.kill()
        watching.wait()
    assert said and said[-1].startswith("Offline · 1 Änderung wartet · nächster Versuch"), said
    assert "(s)" not in said[-1] and "Der Server unter http://127.0.0.1:9 ist nicht erreichbar" in said[-1], (
        said
    )


def test_a_run_opens_offline_in_the_executors_language(org, tmp_path):
    """SPEC §15: the executor's languages (Accept-Language) choose among the template's; the local store
    keeps the template in that one language, so the runner needs no network to show it."""
    root = tmp_path / "exe"
    link = org.dispatch(car_check(), language="de")
    run_id = asyncio.run(open_into(root, link, accept_language="ar-SA, en;q=0.5"))
    store = st.LocalStore(root)
    try:
        snapshot = store.run(run_id)["snapshot"]
    finally:
        store.close()
    assert snapshot["name"] == "فحص السيارة" and snapshot["languages"] == ["ar"]
    assert "translations" not in snapshot
    assert org.run_doc(run_id)["language"] == "de"  # the run's own language is the dispatcher's choice


def lost_creation(root, run_id: str, data: bytes, sent: bytes):
    """A photo queued, and an earlier session's creation-with-upload that carried `sent` of it and whose answer
    (the upload's URL) was lost: returns (op, run, headers, response)."""
    store = st.LocalStore(root)
    _, op = store.add_photo(run_id, "s-photo", st.write_photo(root, data))
    run = store.run(run_id)
    uploads = f"{run['base_url']}/v1/runs/{run_id}/uploads/"
    auth = {"Authorization": f"Bearer {run['token']}", "Tus-Resumable": "1.0.0"}
    store.set_upload(op.op_id, uploads, 0)  # as the engine keeps it while the creation is under way
    store.close()
    meta = tus_metadata({"step_id": "s-photo", "photo_index": "0", "sha256": op.body["sha256"]})
    headers = {
        **auth,
        "Upload-Length": str(len(data)),
        "Upload-Metadata": meta,
        "Content-Type": "application/offset+octet-stream",
    }
    r = httpx.post(uploads, content=sent, headers=headers)
    assert r.status_code == 201 and r.headers["Upload-Offset"] == str(len(sent))
    return op, run, auth, r


def test_a_photo_whose_creation_answer_was_lost_resumes_the_upload_it_made(org, tmp_path):
    """Issue 16: a photo goes with its tus creation (creation-with-upload); when that request's answer never
    came, the engine finds the upload it made (the server's unfinished uploads, the sha256 checked with HEAD)
    and resumes it from the server's offset: no second upload, no byte sent twice."""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    data = jpeg(300_000)
    op, run, auth, r = lost_creation(root, run_id, data, data[:100_000])
    made = f"{run['base_url']}{r.headers['Location']}"
    events = upload_events(root)
    assert events[0]["resumed"] and (events[0]["url"], events[0]["offset"]) == (made, 100_000)
    photos = org.run_doc(run_id)["answers"]["s-photo"]["photos"]
    assert [(p["photo_index"], p["sha256"]) for p in photos] == [(0, op.body["sha256"])]
    state = httpx.get(f"{run['base_url']}/v1/runs/{run_id}/state", headers=auth).json()
    store = st.LocalStore(root)
    assert state["uploads"] == [] and store.ops(run_id) == []
    store.close()


def test_a_photo_whose_creation_went_through_unanswered_is_not_sent_again(org, tmp_path):
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    data = jpeg(50_000)
    lost_creation(root, run_id, data, data)  # attached; the engine never saw this answer
    sent = []

    async def note(request: httpx.Request) -> None:
        sent.append(request.method)

    async def go() -> None:
        engine = SyncEngine(root, config=FAST)
        engine.http.event_hooks["request"].append(note)
        engine.start()
        assert await engine.drain(10)
        await engine.stop()

    asyncio.run(go())
    store = st.LocalStore(root)
    assert "POST" not in sent and "PATCH" not in sent and store.ops(run_id) == []
    assert len(org.run_doc(run_id)["answers"]["s-photo"]["photos"]) == 1
    store.close()


def test_a_photo_that_could_not_connect_is_created_at_once_when_the_server_is_back(org, tmp_path):
    """Issue 16: a photo's op is marked as having its upload created before its first byte goes (so that a
    creation whose answer is lost is looked up, not made twice). When no connection could even be made,
    nothing reached the server: the mark is taken back, and once the server is back the photo is created at
    once, with no look on the server for an upload it never made (a `GET …/state` a photo, each the first
    request of its run after a restart: 5–10 ms before any photo went, bench/executor_sync.py)."""
    root = tmp_path / "exe"
    run_id = open_headless(root, org.dispatch(every_type()))
    store = st.LocalStore(root)
    real = store.run(run_id)["base_url"]
    store.update_run(run_id, base_url="http://127.0.0.1:9")  # nothing listens there
    _, op = store.add_photo(run_id, "s-photo", st.write_photo(root, jpeg(40_000)))
    asked: list[str] = []

    async def note(request: httpx.Request) -> None:
        asked.append(f"{request.method} {request.url.path}")

    async def go() -> None:
        # No second try before the look below (a try marks the op until its connection fails).
        engine = SyncEngine(root, config=SyncConfig(backoff_base=60, backoff_cap=60, probe_interval=0.1))
        engine.http.event_hooks["request"].append(note)
        engine.start()
        deadline = asyncio.get_running_loop().time() + 30
        while run_id not in engine._runs or engine._runs[run_id].backoff.failures < 1:
            assert asyncio.get_running_loop().time() < deadline, "the photo was never tried"
            await asyncio.sleep(0.02)
        (waiting,) = await asyncio.to_thread(store.ops, run_id)
        assert waiting.op_id == op.op_id and waiting.upload_url is None  # tried, and not marked as made
        await asyncio.to_thread(store.update_run, run_id, base_url=real)  # "the network is back"
        asked.clear()
        engine.wake(now=True)
        assert await engine.drain(30), engine.status
        await engine.stop()

    asyncio.run(go())
    assert not [call for call in asked if call.startswith("HEAD")]  # no upload of the photo looked up
    photos = org.run_doc(run_id)["answers"]["s-photo"]["photos"]
    assert [p["sha256"] for p in photos] == [op.body["sha256"]] and store.ops(run_id) == []
    store.close()


def test_before_anything_needed_a_server_the_sync_bar_says_nothing_is_waiting_not_a_fault():
    """An empty Executor page beside the status bar's "Connected" read "Not connected yet · nothing
    waiting"; until a change waits, the bar says there is nothing to send."""
    assert SyncStatus(online=None).words() == "Nothing to send yet"
    assert SyncStatus(online=None, pending_ops=1).words() == "Not connected yet · 1 change waiting"
    assert SyncStatus(online=True).words() == "Online · everything is synced"


def test_the_headless_open_of_a_run_taken_already_says_why_in_words(org, tmp_path, capsys):
    """`python -m rundun_desktop.executor.headless --open LINK` of a run someone else had opened ended in a
    Python traceback (`ProtocolError: Someone else has already opened this run.`)."""
    link = org.dispatch(every_type())
    open_headless(tmp_path / "first", link)
    assert headless.main(["--store", str(tmp_path / "second"), "--open", link]) == 2
    assert capsys.readouterr().err.strip() == "Someone else has already opened this run."
