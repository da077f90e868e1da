"""A tus upload whose process froze mid-PATCH (SIGSTOP: a stopped process, a paused VM) resumes on another
process (PostgreSQL, SPEC §9). The frozen process holds the upload's claim; its kernel keeps its database
link alive, so the claim used to stay until it woke up, and every PATCH on another process answered 409
meanwhile. Now a process waiting for the claim takes it once its holder has been quiet
`RUNDUN_UPLOAD_CLAIM_TIMEOUT` seconds (ending the holder's session), and the holder writes the upload's
bytes on that very session, so when the frozen process wakes and goes on with its request it writes nothing:
its PATCH answers 409, the photo is attached once, byte-identical."""

from __future__ import annotations

import hashlib
import os
import signal
import time
from urllib.parse import urlsplit

import httpx
import psycopg
import pytest

from tests.support.executor import every_type, jpeg
from tests.support.server_process import init_org, started_processes
from tests.support.tus_http import TUS, new_upload, photo_metadata, stalled_patch, wait_until_claimed

pytestmark = pytest.mark.e2e


def test_an_upload_held_by_a_frozen_process_resumes_on_another_and_is_attached_once(tmp_path, pg_cluster):
    database = pg_cluster.new_database()
    env = {
        "RUNDUN_DATABASE_URL": database,
        "RUNDUN_RATE_LIMIT": "1000000",
        "RUNDUN_UPLOAD_CLAIM_TIMEOUT": "1",
    }
    key = init_org(tmp_path / "a", env=env)
    auth = {"Authorization": f"Bearer {key}"}
    with started_processes(tmp_path, ("a", "b"), env) as (a, b):
        tid = httpx.post(f"{a.url}/v1/templates", json=every_type(), headers=auth, timeout=30).json()["id"]
        data = jpeg(2_500_000)
        sha = hashlib.sha256(data).hexdigest()
        run_id, path, token = new_upload(a.url, key, tid, len(data), photo_metadata(sha))
        executor = {**TUS, "Authorization": f"Bearer {token}"}

        # The phone's PATCH on A: its first bytes sent, the rest held back (a link gone quiet).
        sent = 600_000
        stalled = stalled_patch(a.port, path, token, data, sent)
        try:
            wait_until_claimed(database, path)
            assert a.proc is not None
            os.kill(a.proc.pid, signal.SIGSTOP)  # A freezes holding the upload's claim
            try:
                # The phone gives up on A and resumes on B from the offset the server acknowledged.
                offset = int(
                    httpx.head(f"{b.url}{path}", headers=executor, timeout=30).headers["Upload-Offset"]
                )
                done = patch_until_taken(f"{b.url}{path}", executor, offset, data[offset:])
                assert done.status_code == 204, done.text
                assert done.headers["Upload-Offset"] == str(len(data))
            finally:
                os.kill(a.proc.pid, signal.SIGCONT)
            # A wakes and its request goes on: the rest of the body arrives. It may write none of it.
            stalled.sendall(data[sent:])
            answer = stalled.recv(65536).decode(errors="replace")
            assert answer.startswith("HTTP/1.1 409"), answer
            assert "Traceback" not in answer
        finally:
            stalled.close()

        doc = httpx.get(f"{a.url}/v1/runs/{run_id}", headers=auth, timeout=30).json()
        [photo] = doc["answers"]["s-photo"]["photos"]  # attached once
        assert photo["sha256"] == sha and photo["bytes"] == len(data)
        media = urlsplit(photo["url"])
        assert httpx.get(f"{a.url}{media.path}?{media.query}", timeout=60).content == data
        history = httpx.get(f"{a.url}/v1/runs/{run_id}/history", headers=auth, timeout=30).json()["data"]
        assert [entry["kind"] for entry in history].count("photo_attached") == 1
        upload_id = path.rstrip("/").rsplit("/", 1)[-1]
        with psycopg.connect(database) as conn:  # no chunk of the upload left behind by the woken process
            left = conn.execute("SELECT count(*) FROM media_chunks WHERE owner = %s", (upload_id,)).fetchone()
            assert left == (0,)
        assert httpx.get(f"{a.url}/v1/health", timeout=30).status_code == 200  # A serves again


def patch_until_taken(
    url: str, headers: dict, offset: int, body: bytes, timeout: float = 60.0
) -> httpx.Response:
    """PATCH as a tus client retries one: again after each 409 (the upload still held elsewhere), within
    `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        r = httpx.patch(
            url,
            content=body,
            headers={
                **headers,
                "Content-Type": "application/offset+octet-stream",
                "Upload-Offset": str(offset),
            },
            timeout=120,
        )
        if r.status_code != 409 or time.monotonic() >= deadline:
            return r
