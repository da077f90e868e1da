"""Two dispatches with one `Idempotency-Key` at once, on the real server (SPEC §1): the one that finds the key
still in flight gets 409 `idempotency_key_in_use` with a `Retry-After` saying when to ask again, and asking
again then replays the first's run."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import psycopg

from server.services.idempotency import IN_USE_RETRY_AFTER_S
from tests.support.fixtures import first_org_id
from tests.support.samples import minimal
from tests.support.server_process import ServerProcess

KEY = "dispatch-booking-42"


@contextmanager
def first_request_held(server: ServerProcess, database_url: str | None, org_id: str) -> Iterator[None]:
    """Hold whichever request takes the key inside its write: on SQLite the test holds the write lock (the
    server's writer waits for it), on PostgreSQL the key's own advisory lock (`server.store.idempotency`)."""
    if database_url:
        with psycopg.connect(database_url, autocommit=True) as conn:
            lock = "hashtextextended(%s, 0)"
            conn.execute(f"SELECT pg_advisory_lock({lock})", (f"{org_id}\n{KEY}",))
            try:
                yield
            finally:
                conn.execute(f"SELECT pg_advisory_unlock({lock})", (f"{org_id}\n{KEY}",))
        return
    conn = sqlite3.connect(server.data_dir / "rundun.db", isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()


def test_a_key_still_in_flight_is_409_with_retry_after_and_the_retry_replays(server_process, database_url):
    server, key = server_process
    auth = {"Authorization": f"Bearer {key}"}
    template_id = httpx.post(f"{server.url}/v1/templates", json=minimal(), headers=auth, timeout=60).json()[
        "id"
    ]
    org_id = first_org_id(server.data_dir, {"RUNDUN_DATABASE_URL": database_url} if database_url else {})
    body = {"template_id": template_id, "executor_ref": "booking-42"}

    async def the_pair() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        headers = {**auth, "Idempotency-Key": KEY}
        async with httpx.AsyncClient(base_url=server.url, headers=headers, timeout=60) as http:
            with first_request_held(server, database_url, org_id):
                sent = [asyncio.create_task(http.post("/v1/runs", json=body)) for _ in range(2)]
                # While the write is held, the request holding the key cannot finish: the first answer is
                # the other one's.
                done, waiting = await asyncio.wait(sent, return_when=asyncio.FIRST_COMPLETED)
                refused = done.pop().result()
            (kept,) = await asyncio.gather(*waiting)
            retried = await http.post("/v1/runs", json=body)
        return refused, kept, retried

    refused, kept, retried = asyncio.run(the_pair())
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"] == "idempotency_key_in_use"
    assert refused.headers["Retry-After"] == str(IN_USE_RETRY_AFTER_S) == "1"
    assert kept.status_code == 201, kept.text
    assert retried.status_code == 201 and retried.headers["Idempotent-Replayed"] == "true"
    assert retried.json() == kept.json()
    listed = httpx.get(f"{server.url}/v1/runs", headers=auth, timeout=60).json()
    assert [r["run_id"] for r in listed["data"]] == [kept.json()["run_id"]]
