"""Photos kept in PostgreSQL survive a crash of PostgreSQL itself (issue 16: every guarantee kept). A real
`rundun-server` process on a cluster of its own, its media in the database (the default there): photos
acknowledged whole, and the first part of a file acknowledged by its creation, then PostgreSQL stopped as a
crash stops it (nothing of its shared memory kept, no checkpoint), the server killed with it. On a restarted
PostgreSQL a new server serves every acknowledged photo byte-identical, attached once, and the cut upload
resumes from the offset acknowledged and attaches once.

A photo's own COMMIT no longer waits for the WAL flush: its attach's commit, which follows before anything
is acknowledged, flushes the WAL up to it. This checks the guarantee end to end; it cannot catch every
missing flush on its own (PostgreSQL's WAL writer writes an unflushed commit within moments anyway), the
round-trip test in tests/server/test_postgres_round_trips.py pins the order."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import urlsplit

import httpx
import pytest

from tests.support.executor import jpeg
from tests.support.postgres import start_cluster
from tests.support.server_process import ServerProcess, init_org

pytestmark = pytest.mark.e2e
TUS = {"Tus-Resumable": "1.0.0", "Content-Type": "application/offset+octet-stream"}
TEMPLATE = {
    "name": "Crash",
    "sections": [
        {
            "id": "g-photos",
            "title": "Photos",
            "steps": [
                {"id": f"s-p{i}", "type": "photo", "label": f"Photo {i}", "config": {"min": 1, "max": 1}}
                for i in range(4)
            ],
        }
    ],
}


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def create(server: ServerProcess, run_id: str, token: str, step_id: str, data: bytes, body: bytes):
    meta = f"step_id {b64(step_id)},photo_index {b64('0')},sha256 {b64(hashlib.sha256(data).hexdigest())}"
    headers = {
        **TUS,
        "Authorization": f"Bearer {token}",
        "Upload-Length": str(len(data)),
        "Upload-Metadata": meta,
    }
    return httpx.post(f"{server.url}/v1/runs/{run_id}/uploads/", content=body, headers=headers, timeout=60)


def test_acknowledged_photos_in_postgresql_survive_its_crash_and_a_cut_upload_resumes(tmp_path):
    cluster = start_cluster(in_memory=True)
    servers: list[ServerProcess] = []
    try:
        env = {"RUNDUN_DATABASE_URL": cluster.new_database(), "RUNDUN_RATE_LIMIT": "1000000"}
        key = init_org(tmp_path, env=env)
        server = ServerProcess(tmp_path, env=env).start()
        servers.append(server)
        auth = {"Authorization": f"Bearer {key}"}
        tid = httpx.post(f"{server.url}/v1/templates", json=TEMPLATE, headers=auth, timeout=30).json()["id"]
        run_id = httpx.post(
            f"{server.url}/v1/runs", json={"template_id": tid}, headers=auth, timeout=30
        ).json()["run_id"]
        token = httpx.post(f"{server.url}/v1/runs/{run_id}/open", json={}, timeout=30).json()[
            "executor_token"
        ]
        photos = {f"s-p{i}": jpeg(1_500_000 + i) for i in range(3)}  # two 1 MiB rows each
        for step_id, data in photos.items():
            r = create(server, run_id, token, step_id, data, data)
            assert r.status_code == 201 and r.headers["Upload-Offset"] == str(len(data)), r.text
        cut = jpeg(2_600_000)
        r = create(server, run_id, token, "s-p3", cut, cut[:1_200_000])
        assert r.status_code == 201 and r.headers["Upload-Offset"] == "1200000", r.text
        upload = r.headers["Location"]

        server.kill()
        cluster.crash_and_restart()
        server = ServerProcess(tmp_path, env=env).start()
        servers.append(server)

        executor = {"Authorization": f"Bearer {token}", **TUS}
        head = httpx.head(f"{server.url}{upload}", headers=executor, timeout=30)
        assert head.status_code == 200 and head.headers["Upload-Offset"] == "1200000"
        rest = {**executor, "Upload-Offset": "1200000"}
        done = httpx.patch(f"{server.url}{upload}", content=cut[1_200_000:], headers=rest, timeout=60)
        assert done.status_code == 204 and done.headers["Upload-Offset"] == str(len(cut)), done.text
        photos["s-p3"] = cut

        doc = httpx.get(f"{server.url}/v1/runs/{run_id}", headers=auth, timeout=30).json()
        for step_id, data in photos.items():
            [photo] = doc["answers"][step_id]["photos"]  # attached once
            assert photo["sha256"] == hashlib.sha256(data).hexdigest() and photo["bytes"] == len(data)
            media = urlsplit(photo["url"])
            served = httpx.get(f"{server.url}{media.path}?{media.query}", timeout=60)
            assert served.status_code == 200 and served.content == data, step_id
        history = httpx.get(f"{server.url}/v1/runs/{run_id}/history", headers=auth, timeout=30).json()["data"]
        assert [entry["kind"] for entry in history].count("photo_attached") == 4
    finally:
        for server in servers:
            server.stop()
        cluster.stop()
