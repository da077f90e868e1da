"""The tus uploads one process receives at once are bounded (PostgreSQL, `RUNDUN_UPLOAD_CONNECTIONS`): each
holds a database connection of its own while its bytes arrive (its claim), and 200 uploads stalled across
three processes took 400 connections, more than the cluster allowed, so that every process's requests were
refused ("too many clients"; bench/pg_upload_connections.py). One more upload than the bound waits for a
free connection, and is answered 503 `service_unavailable` with `Retry-After` if none frees within 10 s; the
process's other requests are served meanwhile."""

from __future__ import annotations

import concurrent.futures

import httpx
import psycopg
import pytest

from tests.support.executor import every_type, jpeg
from tests.support.server_process import init_org, started_processes
from tests.support.tus_http import TUS, new_upload, photo_metadata, stalled_patch, wait_until_claimed

pytestmark = pytest.mark.e2e


def test_uploads_beyond_the_bound_wait_for_a_connection_then_get_503(tmp_path, pg_cluster):
    database = pg_cluster.new_database()
    env = {"RUNDUN_DATABASE_URL": database, "RUNDUN_RATE_LIMIT": "1000000", "RUNDUN_UPLOAD_CONNECTIONS": "2"}
    key = init_org(tmp_path / "a", env=env)
    auth = {"Authorization": f"Bearer {key}"}
    with started_processes(tmp_path, ("a",), env) as (a,):
        tid = httpx.post(f"{a.url}/v1/templates", json=every_type(), headers=auth, timeout=30).json()["id"]
        data = jpeg(2_000_000)

        def patch(path: str, token: str) -> httpx.Response:
            return httpx.patch(
                f"{a.url}{path}",
                content=data,
                headers={
                    **TUS,
                    "Authorization": f"Bearer {token}",
                    "Content-Type": "application/offset+octet-stream",
                    "Upload-Offset": "0",
                },
                timeout=120,
            )

        stalled = []
        try:
            for _ in range(2):  # two PATCHes whose bodies stop coming: each holds its upload's connection
                _, path, token = new_upload(a.url, key, tid, len(data), photo_metadata())
                stalled.append(stalled_patch(a.port, path, token, data, 300_000))
                wait_until_claimed(database, path)
            # A third waits for one of the two connections; none frees: 503, with Retry-After.
            _, *third = new_upload(a.url, key, tid, len(data), photo_metadata())
            refused = patch(*third)
            assert refused.status_code == 503, refused.text
            assert refused.json()["error"] == "service_unavailable"
            assert int(refused.headers["Retry-After"]) >= 1
            assert httpx.get(f"{a.url}/v1/health", timeout=30).status_code == 200  # the rest is served
            dispatched = httpx.post(f"{a.url}/v1/runs", json={"template_id": tid}, headers=auth, timeout=30)
            assert dispatched.status_code == 201
            with psycopg.connect(database) as conn:
                holding = conn.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                ).fetchone()
                assert holding == (2,)  # the two stalled uploads' claims, no third

            # Sent again, it waits; a stalled one's client goes, its connection frees, and the third is received.
            with concurrent.futures.ThreadPoolExecutor(1) as pool:
                again = pool.submit(patch, *third)
                stalled.pop().close()
                done = again.result(timeout=120)
            assert done.status_code == 204, done.text
            assert done.headers["Upload-Offset"] == str(len(data))
        finally:
            for s in stalled:
                s.close()
