"""A full disk under a real server process on a real small filesystem (a tmpfs this test mounts): every
write refused for lack of space is a 507 `storage_full` with Retry-After (never a 500), health says
`degraded` and why, reads keep working, and everything recovers by itself once space returns."""

from __future__ import annotations

import base64
import time

import httpx
import pytest

from tests.support.executor import every_type, jpeg
from tests.support.server_process import ServerProcess, init_org
from tests.support.small_fs import fill, free_space, small_tmpfs

DEADLINE_S = 60


@pytest.fixture
def full_disk_server(tmp_path):
    with small_tmpfs(tmp_path / "fs", size_mb=24) as mount:
        data_dir = mount / "data"
        data_dir.mkdir()
        key = init_org(data_dir)
        server = ServerProcess(
            data_dir, env={"RUNDUN_STORAGE_RESERVE_MB": "1", "RUNDUN_RATE_LIMIT": "1000000"}
        )
        server.start()
        client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
        try:
            yield mount, server, client
        finally:
            client.close()
            server.stop()


def _dispatch(client: httpx.Client, template_id: str) -> httpx.Response:
    return client.post("/v1/runs", json={"template_id": template_id, "executor_ref": "x" * 200})


def _assert_storage_full(r: httpx.Response) -> None:
    assert r.status_code == 507, r.text
    body = r.json()
    assert body["error"] == "storage_full"
    assert "disk is full" in body["message"] or "free" in body["message"]
    assert int(r.headers["Retry-After"]) > 0


def test_full_disk_refuses_writes_with_507_and_recovers(full_disk_server):
    mount, _server, client = full_disk_server
    template_id = client.post("/v1/templates", json=every_type()).json()["id"]
    before = _dispatch(client, template_id)
    assert before.status_code == 201, before.text
    opened = client.post(f"/v1/runs/{before.json()['run_id']}/open", json={}).json()
    executor = {"Authorization": f"Bearer {opened['executor_token']}"}
    assert client.get("/v1/health").json()["status"] == "ok"

    fill(mount)
    acknowledged = [before.json()["run_id"]]
    refused = None
    deadline = time.monotonic() + DEADLINE_S
    while refused is None and time.monotonic() < deadline:  # the WAL's free pages absorb a few writes
        r = _dispatch(client, template_id)
        assert r.status_code in (201, 507), r.text  # never a 500
        if r.status_code == 201:
            acknowledged.append(r.json()["run_id"])
        else:
            refused = r
    assert refused is not None, "no write was ever refused on a full disk"
    _assert_storage_full(refused)

    health = client.get("/v1/health").json()
    assert health["status"] == "degraded" and "disk" in health["reason"], health
    assert client.get(f"/v1/runs/{acknowledged[0]}").status_code == 200  # reads keep working
    assert client.get("/v1/runs").status_code == 200

    run_base = f"/v1/runs/{before.json()['run_id']}"
    photo = client.put(f"{run_base}/answers/s-photo/photos/0", content=jpeg(256 * 1024), headers=executor)
    _assert_storage_full(photo)  # ENOSPC while writing the blob
    assert client.get(f"{run_base}/state", headers=executor).json()["answers"] == {}  # nothing attached
    meta = {"step_id": "s-photo", "photo_index": "1"}
    tus = client.post(
        f"{run_base}/uploads/",
        headers={
            **executor,
            "Tus-Resumable": "1.0.0",
            "Upload-Length": "5000000",
            "Upload-Metadata": ",".join(
                f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in meta.items()
            ),
        },
    )
    _assert_storage_full(tus)  # refused for its declared length, before its first byte

    free_space(mount)
    deadline = time.monotonic() + DEADLINE_S
    while client.get("/v1/health").json()["status"] != "ok":
        assert time.monotonic() < deadline, "health never recovered"
        time.sleep(0.2)
    after = _dispatch(client, template_id)
    assert after.status_code == 201, after.text
    for run_id in acknowledged:  # nothing acknowledged was lost
        assert client.get(f"/v1/runs/{run_id}").status_code == 200
