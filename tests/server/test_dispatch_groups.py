"""Dispatches that arrive together reach the single writer as ONE job (`Database.write_grouped` with
`dispatch_many`), and so do the groups that queue up behind a busy writer: each request is still checked
in order as if alone and fails alone, the quota is never overspent, and a job that fails as a whole fails
every request of it and writes nothing. A statement a job sends later (`execute_later`: PostgreSQL's
pipelined writes) still fails that job alone, and what a job asks to run once it commits (`after_commit`)
runs only when it did."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

import pytest

from server.errors import QuotaExceeded, TemplateNotFound
from server.services import runs as run_service
from server.store import orgs as org_store
from server.store import runs as run_store
from server.store.rows import execute_later
from server.store.writer import after_commit
from tests.support.samples import minimal


def request(api, template_id: str, **fields) -> run_service.DispatchRequest:
    defaults = {"executor_ref": None, "webhook": None, "expires_in_hours": run_service.UNSET}
    return run_service.DispatchRequest(
        api.org["id"], template_id, **{**defaults, **fields}, base_url=api.ctx.settings.base_url
    )


def dispatch_together(api, requests: list) -> list:
    """Submit every request in the same event-loop iteration; return each one's result or exception."""

    async def go():
        return await asyncio.gather(
            *(api.ctx.db.write_grouped(run_service.dispatch_many, r) for r in requests),
            return_exceptions=True,
        )

    return asyncio.run(go())


@pytest.fixture
def groups(monkeypatch) -> list[int]:
    """The sizes of the groups `dispatch_many` was called with."""
    sizes: list[int] = []
    real = run_service.dispatch_many

    def spy(conn, requests):
        sizes.append(len(requests))
        return real(conn, requests)

    monkeypatch.setattr(run_service, "dispatch_many", spy)
    return sizes


def test_a_group_checks_each_request_in_order_and_fails_each_alone(api_factory, groups):
    api = api_factory(plan="starter")
    tid = api.post("/v1/templates", json=minimal()).json()["id"]
    other_tid = api.second_org().post("/v1/templates", json=minimal()).json()["id"]
    for _ in range(29):
        assert api.post("/v1/runs", json={"template_id": tid}).status_code == 201
    api.ctx.db.write_sync(org_store.add_credits, api.org["id"], 1)
    groups.clear()
    outcomes = dispatch_together(
        api,
        [
            request(api, tid, executor_ref="30th, the last included"),
            request(api, "t-00000000-0000-4000-8000-000000000000"),
            request(api, tid, executor_ref="paid by the credit", expires_in_hours=None),
            request(api, other_tid),  # another org's template: as absent
            request(api, tid, executor_ref="over quota"),
        ],
    )
    assert groups == [5]  # one job for the five
    kinds = [type(o).__name__ if isinstance(o, Exception) else "run" for o in outcomes]
    assert kinds == [
        "run",
        TemplateNotFound.__name__,
        "run",
        TemplateNotFound.__name__,
        QuotaExceeded.__name__,
    ]
    first, third = outcomes[0], outcomes[2]
    assert first["run_id"] != third["run_id"] and third["expires_at"] is None
    assert first["link"] == f"{api.ctx.settings.base_url}/r/{first['run_id']}"
    doc = api.get(f"/v1/runs/{first['run_id']}").json()
    assert doc["executor_ref"] == "30th, the last included" and doc["expires_at"] == first["expires_at"]
    usage = api.get("/v1/org").json()["usage"]
    assert usage["runs_used_this_month"] == 31 and usage["run_credits"] == 0
    assert api.get("/v1/runs").json()["pagination"]["total"] == 31


def test_a_group_that_fails_as_a_whole_fails_every_request_and_writes_nothing(api, groups, monkeypatch):
    tid = api.post("/v1/templates", json=minimal()).json()["id"]

    def broken(conn, runs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(run_store, "insert_runs", broken)
    outcomes = dispatch_together(api, [request(api, tid) for _ in range(4)])
    assert groups == [4]
    assert all(isinstance(o, sqlite3.OperationalError) for o in outcomes)
    monkeypatch.undo()
    assert api.get("/v1/org").json()["usage"]["runs_used_this_month"] == 0
    assert api.get("/v1/runs").json()["pagination"]["total"] == 0


def test_the_endpoint_groups_concurrent_dispatches(api, groups):
    """Through HTTP: concurrent requests without an Idempotency-Key share writer jobs; each gets its own run."""
    tid = api.post("/v1/templates", json=minimal()).json()["id"]

    async def go():
        import httpx

        transport = httpx.ASGITransport(app=api.client.app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers=api.headers
        ) as http:
            return await asyncio.gather(
                *(http.post("/v1/runs", json={"template_id": tid}) for _ in range(20))
            )

    responses = asyncio.run(go())
    assert [r.status_code for r in responses] == [201] * 20
    assert len({r.json()["run_id"] for r in responses}) == 20
    assert sum(groups) == 20 and len(groups) < 20  # some requests were served by one job
    assert api.get("/v1/org").json()["usage"]["runs_used_this_month"] == 20


def _behind_a_busy_writer(db, submit_rounds: list) -> list:
    """Hold the writer with a job, submit each round's writes in its own event-loop iteration (so each is
    its own group, or its own jobs), wait until all of them are queued, then let the writer go; returns every
    write's result or exception, in submission order."""
    busy, release = threading.Event(), threading.Event()

    def hold(conn):
        busy.set()
        release.wait(60)

    async def go():
        blocker = asyncio.ensure_future(db.write(hold))
        await asyncio.to_thread(busy.wait, 60)
        pending = []
        for submit in submit_rounds:
            pending += [asyncio.ensure_future(write) for write in submit()]
            await asyncio.sleep(0)  # the round's group leaves in this iteration (call_soon)
        while db._jobs.qsize() < len(submit_rounds):  # every round queued behind the held job
            await asyncio.sleep(0)
        release.set()
        await blocker
        return await asyncio.gather(*pending, return_exceptions=True)

    return asyncio.run(go())


def test_groups_queued_behind_a_busy_writer_merge_into_one_job_and_each_fails_alone(api_factory, groups):
    """Each event-loop iteration sends its own group; the groups that wait for the writer meanwhile are run
    as ONE job (on PostgreSQL every job costs round trips), still checked in order and answered each."""
    api = api_factory(plan="starter")
    tid = api.post("/v1/templates", json=minimal()).json()["id"]
    for _ in range(28):
        assert api.post("/v1/runs", json={"template_id": tid}).status_code == 201
    groups.clear()
    db, many = api.ctx.db, run_service.dispatch_many
    outcomes = _behind_a_busy_writer(
        db,
        [
            lambda: [db.write_grouped(many, request(api, tid)), db.write_grouped(many, request(api, tid))],
            lambda: [
                db.write_grouped(many, request(api, "t-none")),
                db.write_grouped(many, request(api, tid)),
            ],
        ],
    )
    assert groups == [4]
    assert [type(o) for o in outcomes] == [dict, dict, TemplateNotFound, QuotaExceeded]
    assert api.get("/v1/org").json()["usage"]["runs_used_this_month"] == 30


def test_a_statement_sent_later_fails_its_own_job_alone(api):
    """`execute_later` (on PostgreSQL: sent with the job's next statement, at the latest its RELEASE or
    COMMIT): its failure is still its own job's, and the other jobs of the batch commit."""

    def good(conn):
        execute_later(conn, "INSERT INTO server_meta (key, value) VALUES (?, ?)", ("later-good", "1"))

    def bad(conn):
        execute_later(conn, "INSERT INTO server_meta (key, value) VALUES (?, ?)", ("later-bad", None))

    db = api.ctx.db
    outcomes = _behind_a_busy_writer(db, [lambda: [db.write(good)], lambda: [db.write(bad)]])
    assert outcomes[0] is None
    assert isinstance(outcomes[1], Exception) and "null" in str(outcomes[1]).lower()
    stored = db.read(
        lambda conn: [r[0] for r in conn.execute("SELECT key FROM server_meta WHERE key LIKE 'later-%'")]
    )
    assert stored == ["later-good"]
    alone = asyncio.run(_alone(db, bad))  # a batch of one job: the failure comes with its COMMIT
    assert isinstance(alone, Exception)
    assert (
        db.write_sync(
            lambda conn: conn.execute("SELECT count(*) FROM server_meta WHERE key = 'later-bad'").fetchone()[
                0
            ]
        )
        == 0
    )


async def _alone(db, job):
    try:
        return await db.write(job)
    except Exception as exc:  # noqa: BLE001 - the outcome under test
        return exc


def test_after_commit_runs_for_committed_jobs_alone_before_their_callers_hear(api, monkeypatch, caplog):
    """`after_commit` (issue 16: a finished upload's part removed on the writer thread): what a committed job
    asked for has run when its caller is answered; a job rolled back, alone or in a batch, or a batch whose
    commit fails, asked for nothing; a step that fails is logged and its job's result still stands."""
    ran: list[str] = []

    def asking(name: str, fail: bool = False):
        def job(conn):
            after_commit(conn, ran.append, name)
            if fail:
                raise TemplateNotFound("no")
            return name

        return job

    def broken_step(conn):
        after_commit(conn, lambda: 1 / 0)
        return "kept"

    async def answered_after_its_step(job):
        result = await db.write(job)
        return result, list(ran)

    db = api.ctx.db
    outcomes = _behind_a_busy_writer(
        db,
        [
            lambda: [db.write(asking("a"))],
            lambda: [db.write(asking("b", fail=True))],
            lambda: [db.write(broken_step)],
            lambda: [db.write(asking("c"))],
        ],
    )
    assert outcomes[0] == "a" and isinstance(outcomes[1], TemplateNotFound) and outcomes[2:] == ["kept", "c"]
    assert ran == ["a", "c"] and "after-commit step" in caplog.text
    ran.clear()
    assert isinstance(asyncio.run(_alone(db, asking("d", fail=True))), TemplateNotFound)  # a batch of one
    assert asyncio.run(answered_after_its_step(asking("e"))) == ("e", ["e"])
    ran.clear()

    def failing_commit(conn):  # the batch that asked for steps (not the one holding the writer)
        if conn.committed:
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(db, "_before_commit", failing_commit)
    outcomes = _behind_a_busy_writer(db, [lambda: [db.write(asking("f"))], lambda: [db.write(asking("g"))]])
    assert all(isinstance(o, sqlite3.OperationalError) for o in outcomes) and ran == []
