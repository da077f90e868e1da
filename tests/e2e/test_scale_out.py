"""Two real `rundun-server` processes on one PostgreSQL database (SPEC §9): the guarantees of §5–§7 hold
across them — the quota never overspends, an Idempotency-Key gives one run, a key revoked through one is
refused by the other, one run's writes through both at once are all kept in one history numbered without a
repeat and end as they would through one, a stream on one process sees what the other caused, webhook events
are delivered in order per run by whichever process claims them (a SIGKILLed process leaves nothing stuck),
a process stalled in the middle of a write batch does not stop the others' writes — and `serve --workers 2`
serves from two processes."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import httpx
import psycopg
import pytest

from server.store.postgres import WRITE_LOCK
from tests.support.executor import jpeg
from tests.support.hooks import (
    SECRET,
    HttpApi,
    cancel,
    dispatch,
    new_template,
    next_events,
    open_event_stream,
    settled,
    wait_deliveries,
)
from tests.support.samples import minimal
from tests.support.server_process import ServerProcess, init_org

pytestmark = pytest.mark.e2e
STEPS_AT_ONCE = 40  # photos and as many answers, of one run, sent at once
RUNS_AT_ONCE = 6
REVOKED_EVERYWHERE_WITHIN_S = (
    30  # a generous bound on KEY_RECHECK_S for a busy machine: a condition waited for
)
FAST = {
    "RUNDUN_RATE_LIMIT": "1000000",
    "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1",
    "RUNDUN_WEBHOOK_RETRY_SCHEDULE": "0.2,0.2,0.2",
}


@pytest.fixture
def two_processes(tmp_path, pg_cluster):
    """Processes A and B (each its own data dir) on one fresh database; yields (a, b, key, env)."""
    env = {"RUNDUN_DATABASE_URL": pg_cluster.new_database(), **FAST}
    key = init_org(tmp_path / "a", plan="starter", env=env)
    started = []
    try:
        for name in ("a", "b"):
            (tmp_path / name).mkdir(exist_ok=True)
            started.append(ServerProcess(tmp_path / name, env=env).start())
        yield started[0], started[1], key, env
    finally:
        for server in started:
            server.stop()


def test_a_hundred_concurrent_dispatches_through_two_processes_never_overspend(two_processes):
    a, b, key, _ = two_processes
    auth = {"Authorization": f"Bearer {key}"}
    template = httpx.post(f"{a.url}/v1/templates", json=minimal(), headers=auth, timeout=30).json()

    async def dispatch_all() -> list[httpx.Response]:
        async with httpx.AsyncClient(headers=auth, timeout=60) as http:
            return await asyncio.gather(
                *(
                    http.post(f"{(a, b)[i % 2].url}/v1/runs", json={"template_id": template["id"]})
                    for i in range(100)
                )
            )

    codes = Counter(r.status_code for r in asyncio.run(dispatch_all()))
    assert codes == {201: 30, 402: 70}
    for server in (a, b):  # both see the same 30 runs and the same usage
        listed = httpx.get(f"{server.url}/v1/runs?per_page=100", headers=auth, timeout=30).json()
        assert len(listed["data"]) == 30
        usage = httpx.get(f"{server.url}/v1/org", headers=auth, timeout=30).json()["usage"]
        assert usage["runs_used_this_month"] == 30


def test_the_same_idempotency_key_through_both_processes_gives_one_run(two_processes):
    a, b, key, _ = two_processes
    plain = {"Authorization": f"Bearer {key}"}
    auth = {**plain, "Idempotency-Key": "once-across-processes"}
    tid = httpx.post(f"{a.url}/v1/templates", json=minimal(), headers=plain, timeout=30).json()["id"]

    async def send_all() -> list[httpx.Response]:
        async with httpx.AsyncClient(headers=auth, timeout=60) as http:
            return await asyncio.gather(
                *(http.post(f"{(a, b)[i % 2].url}/v1/runs", json={"template_id": tid}) for i in range(20))
            )

    responses = asyncio.run(send_all())
    # 409 idempotency_key_in_use: the same key still in flight on that process; never a second run
    assert {r.status_code for r in responses} <= {201, 409}
    run_ids = {r.json()["run_id"] for r in responses if r.status_code == 201}
    assert len(run_ids) == 1
    assert len(httpx.get(f"{b.url}/v1/runs", headers=plain, timeout=30).json()["data"]) == 1
    again = httpx.post(f"{b.url}/v1/runs", json={"template_id": tid}, headers=auth, timeout=30)
    assert again.status_code == 201 and again.json()["run_id"] in run_ids


def test_one_runs_writes_through_both_processes_at_once_are_all_kept_in_one_history(two_processes):
    """Photos and answers of the same run sent at once, alternately to each process: every write is kept
    (before, two processes numbering the run's history at once made the same `seq`, one write a 500) and
    the history numbers them 1, 2, 3… without a gap or a repeat."""
    a, b, key, _ = two_processes
    auth = {"Authorization": f"Bearer {key}"}
    steps = [{"id": f"s-p{i}", "type": "photo", "label": f"Photo {i}"} for i in range(STEPS_AT_ONCE)]
    steps += [{"id": f"s-n{i}", "type": "number", "label": f"Reading {i}"} for i in range(STEPS_AT_ONCE)]
    body = {"name": "Both at once", "sections": [{"id": "g-1", "title": "All", "steps": steps}]}
    tid = httpx.post(f"{a.url}/v1/templates", json=body, headers=auth, timeout=30).json()["id"]

    async def one_run(http: httpx.AsyncClient) -> tuple[str, Counter]:
        run_id = (await http.post(f"{a.url}/v1/runs", json={"template_id": tid}, headers=auth)).json()[
            "run_id"
        ]
        token = (await http.post(f"{b.url}/v1/runs/{run_id}/open", json={})).json()["executor_token"]
        executor = {"Authorization": f"Bearer {token}"}

        async def photo(i: int) -> int:
            url = f"{(a, b)[i % 2].url}/v1/runs/{run_id}/answers/s-p{i}/photos/0"
            return (await http.put(url, content=jpeg(4096), headers=executor)).status_code

        async def answer(i: int) -> int:
            url = f"{(b, a)[i % 2].url}/v1/runs/{run_id}/answers/s-n{i}"
            at = "2026-05-22T08:00:00Z"
            return (await http.put(url, json={"value": i, "at": at}, headers=executor)).status_code

        codes = await asyncio.gather(
            *(photo(i) for i in range(STEPS_AT_ONCE)), *(answer(i) for i in range(STEPS_AT_ONCE))
        )
        return run_id, Counter(codes)

    async def all_runs() -> list[tuple[str, Counter]]:
        async with httpx.AsyncClient(timeout=60) as http:
            return [await one_run(http) for _ in range(RUNS_AT_ONCE)]

    for run_id, codes in asyncio.run(all_runs()):
        assert codes == {200: 2 * STEPS_AT_ONCE}
        history = httpx.get(
            f"{b.url}/v1/runs/{run_id}/history?per_page=100", headers=auth, timeout=30
        ).json()["data"]
        assert [entry["seq"] for entry in history] == list(range(1, 2 * STEPS_AT_ONCE + 1))
        assert Counter(entry["kind"] for entry in history) == {
            "photo_attached": STEPS_AT_ONCE,
            "answer": STEPS_AT_ONCE,
        }


def test_racing_writes_to_one_run_through_both_processes_end_as_through_one(two_processes):
    """The same /sync batch sent to both processes at once (a retry that reached the other process while
    the first still ran) applies each op once, the other answer saying `duplicate`, never a 500; two answers
    to one step sent at once keep the later `at`, whichever process commits last (before, each process read
    the run as it was before the other's write)."""
    a, b, key, _ = two_processes
    auth = {"Authorization": f"Bearer {key}"}
    steps = [{"id": f"s-n{i}", "type": "number", "label": f"Reading {i}"} for i in range(STEPS_AT_ONCE)]
    body = {"name": "Raced", "sections": [{"id": "g-1", "title": "All", "steps": steps}]}
    tid = httpx.post(f"{a.url}/v1/templates", json=body, headers=auth, timeout=30).json()["id"]

    async def one_run(http: httpx.AsyncClient, n: int) -> None:
        run_id = (await http.post(f"{a.url}/v1/runs", json={"template_id": tid}, headers=auth)).json()[
            "run_id"
        ]
        token = (await http.post(f"{b.url}/v1/runs/{run_id}/open", json={})).json()["executor_token"]
        executor = {"Authorization": f"Bearer {token}"}
        at = "2026-05-22T08:00:00.000Z"
        ops = [
            {"op_id": f"op_{n:08x}{i:024x}", "step_id": f"s-n{i}", "value": i, "at": at, "skipped": False}
            for i in range(STEPS_AT_ONCE)
        ]
        replies = await asyncio.gather(
            *(
                http.post(f"{p.url}/v1/runs/{run_id}/sync", json={"ops": ops}, headers=executor)
                for p in (a, b)
            )
        )
        assert [r.status_code for r in replies] == [200, 200]
        outcomes = Counter(result["status"] for r in replies for result in r.json()["results"])
        assert outcomes == {"applied": STEPS_AT_ONCE, "duplicate": STEPS_AT_ONCE}

        async def answer(process: ServerProcess, value: int, at: str) -> int:
            url = f"{process.url}/v1/runs/{run_id}/answers/s-n0"
            return (await http.put(url, json={"value": value, "at": at}, headers=executor)).status_code

        earlier, later = "2026-05-22T09:00:00.000Z", "2026-05-22T09:00:01.000Z"
        assert await asyncio.gather(answer(a, -1, earlier), answer(b, -2, later)) == [200, 200]
        run = (await http.get(f"{a.url}/v1/runs/{run_id}", headers=auth)).json()
        assert run["answers"]["s-n0"]["value"] == -2
        history = (await http.get(f"{b.url}/v1/runs/{run_id}/history?per_page=100", headers=auth)).json()
        applied = [e for e in history["data"] if e["outcome"] == "applied" and e["source"] == "sync"]
        assert len(applied) == STEPS_AT_ONCE  # each op once

    async def all_runs() -> None:
        async with httpx.AsyncClient(timeout=60) as http:
            for n in range(RUNS_AT_ONCE):
                await one_run(http, n)

    asyncio.run(all_runs())


def test_a_key_revoked_through_one_process_is_refused_by_the_other(two_processes):
    """A key in use on A, revoked through B: B refuses it at once, A as soon as its cache looks again (within
    `KEY_RECHECK_S`; before, A accepted it until A restarted), and then for good."""
    a, b, key, _ = two_processes
    admin = {"Authorization": f"Bearer {key}"}
    made = httpx.post(f"{a.url}/v1/api-keys", json={"name": "Leaked"}, headers=admin, timeout=30).json()
    leaked = {"Authorization": f"Bearer {made['key']}"}
    assert httpx.get(f"{a.url}/v1/templates", headers=leaked, timeout=30).status_code == 200  # cached on A
    assert httpx.delete(f"{b.url}/v1/api-keys/{made['id']}", headers=admin, timeout=30).status_code == 204
    assert httpx.get(f"{b.url}/v1/templates", headers=leaked, timeout=30).status_code == 401
    deadline = time.monotonic() + REVOKED_EVERYWHERE_WITHIN_S
    while httpx.get(f"{a.url}/v1/templates", headers=leaked, timeout=30).status_code != 401:
        assert time.monotonic() < deadline, "A still accepts the revoked key"
        time.sleep(0.05)
    assert httpx.get(f"{a.url}/v1/templates", headers=leaked, timeout=30).status_code == 401
    assert httpx.get(f"{a.url}/v1/templates", headers=admin, timeout=30).status_code == 200


def test_a_stream_on_one_process_sees_what_the_other_caused(two_processes, receiver):
    a, b, key, _ = two_processes
    api_a, api_b = HttpApi(a.url, key), HttpApi(b.url, key)
    messages, close = open_event_stream(a.url, api_a)
    try:
        run_id = dispatch(api_b, receiver.url(), secret=SECRET)
        cancel(api_b, run_id)
        [streamed] = next_events(messages, 1)
        assert streamed["event"] == "run.cancelled"
        [got] = receiver.wait_count(1)
        assert got.event_id == streamed["id"]  # one delivery of it, by whichever process claimed it
    finally:
        close()


def test_a_sigkilled_process_leaves_every_webhook_event_to_the_other_in_order(two_processes, receiver):
    a, b, key, _ = two_processes
    api_a, api_b = HttpApi(a.url, key), HttpApi(b.url, key)
    tid = new_template(api_a)
    runs = [dispatch((api_a, api_b)[i % 2], receiver.url(), tid=tid, secret=SECRET) for i in range(6)]
    for i, run_id in enumerate(runs):
        cancel((api_b, api_a)[i % 2], run_id)
    a.kill()  # maybe in the middle of an attempt: its claims end with its connections

    def delivered_by_run(items) -> dict[str, list[str]]:
        ok = [r for r in items if 200 <= r.status < 300]
        return {run_id: [r.event_id for r in ok if r.json["run_id"] == run_id] for run_id in runs}

    # Wait for every run's event, not for six deliveries: at least once means an event A delivered but never
    # recorded comes again from B, and such a second copy counted towards six before another run's first.
    got = receiver.wait_for(lambda items: all(delivered_by_run(items).values()), timeout=60)
    by_run = delivered_by_run(got)
    assert all(len(set(ids)) == 1 for ids in by_run.values()), by_run  # each run's one event, maybe twice
    for run_id in runs:
        log = wait_deliveries(
            api_b, run_id, settled, timeout=60
        )  # an attempt A made but never recorded is redone
        assert [d["status"] for d in log] == ["delivered"]


def test_serve_with_two_workers_answers_from_one_port(tmp_path, pg_cluster):
    env = {"RUNDUN_DATABASE_URL": pg_cluster.new_database(), "RUNDUN_WORKERS": "2", **FAST}
    key = init_org(tmp_path, env=env)
    server = ServerProcess(tmp_path, env=env).start()
    try:
        auth = {"Authorization": f"Bearer {key}"}
        tid = httpx.post(f"{server.url}/v1/templates", json=minimal(), headers=auth, timeout=30).json()["id"]
        for _ in range(10):
            r = httpx.post(f"{server.url}/v1/runs", json={"template_id": tid}, headers=auth, timeout=30)
            assert r.status_code == 201, r.text
        assert len(httpx.get(f"{server.url}/v1/runs", headers=auth, timeout=30).json()["data"]) == 10
    finally:
        server.stop()
    assert server.proc is not None and server.proc.returncode == 0  # SIGTERM stopped both workers cleanly


def test_a_keys_rate_limit_holds_across_both_processes(tmp_path, pg_cluster):
    """RUNDUN_RATE_LIMIT=12 and 40 requests of one key split over A and B: 12 pass between them (one more
    for each 5 s the burst took, the bucket's refill), the rest are 429 `rate_limited` with Retry-After."""
    limit = 12
    env = {**FAST, "RUNDUN_DATABASE_URL": pg_cluster.new_database(), "RUNDUN_RATE_LIMIT": str(limit)}
    key = init_org(tmp_path / "a", env=env)
    started = []
    try:
        for name in ("a", "b"):
            (tmp_path / name).mkdir(exist_ok=True)
            started.append(ServerProcess(tmp_path / name, env=env).start())
        a, b = started

        async def burst() -> list[httpx.Response]:
            async with httpx.AsyncClient(headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
                return await asyncio.gather(*(http.get(f"{(a, b)[i % 2].url}/v1/org") for i in range(40)))

        began = time.monotonic()
        responses = asyncio.run(burst())
        refilled = int((time.monotonic() - began) * limit / 60)  # tokens the bucket regained meanwhile
    finally:
        for server in started:
            server.stop()
    passed = [r for r in responses if r.status_code == 200]
    refused = [r for r in responses if r.status_code != 200]
    assert limit <= len(passed) <= limit + refilled, (len(passed), refilled)
    assert {r.status_code for r in refused} == {429}
    for r in refused:
        assert r.json()["error"] == "rate_limited"
        assert int(r.headers["Retry-After"]) >= 1
        assert r.headers["X-RateLimit-Limit"] == str(limit) and r.headers["X-RateLimit-Remaining"] == "0"


def test_a_process_stalled_holding_the_write_lock_is_cut_off_and_the_writes_go_on(tmp_path, pg_cluster):
    """A process that stopped between two round trips of a write batch (frozen, its host gone, cut off from
    the database) holds the write lock idle in its transaction, and no process could write until its link
    timed out, hours later: once a write has waited RUNDUN_WRITE_LOCK_STALE_S, that connection is ended
    and the write goes through. The stalled writer here is a connection that sent what a batch's first
    round trip sends, then nothing."""
    url = pg_cluster.new_database()
    env = {"RUNDUN_DATABASE_URL": url, **FAST, "RUNDUN_WRITE_LOCK_STALE_S": "1"}
    key = init_org(tmp_path / "a", env=env)
    (tmp_path / "a").mkdir(exist_ok=True)
    server = ServerProcess(tmp_path / "a", env=env).start()
    auth = {"Authorization": f"Bearer {key}"}
    try:
        with psycopg.connect(url, autocommit=True) as stalled:
            with stalled.pipeline():
                stalled.execute("BEGIN")
                stalled.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            stalled_pid = stalled.info.backend_pid
            r = httpx.post(f"{server.url}/v1/templates", json=minimal(), headers=auth, timeout=300)
            assert r.status_code == 201, r.text
            with pytest.raises(psycopg.OperationalError):
                stalled.execute("SELECT 1")
        listed = httpx.get(f"{server.url}/v1/templates", headers=auth, timeout=30).json()["data"]
        assert [t["id"] for t in listed] == [r.json()["id"]]
        log = (tmp_path / "a" / "server.log").read_text()
        assert f"ended the database connection {stalled_pid}" in log
    finally:
        server.stop()
