"""tus uploads against the REAL server process: the tuspy client, a connection cut mid-body, and a SIGKILL
mid-upload followed by a restart. Each upload resumes from the server's `Upload-Offset` and ends with the
served photo byte-identical to the source, attached once."""

from __future__ import annotations

import hashlib
import io
import socket
import threading
import time
from urllib.parse import urlsplit

import h11
import httpx
import pytest
from tusclient import client as tus_client
from tusclient.uploader import Uploader

from tests.support.executor import every_type, jpeg

pytestmark = pytest.mark.e2e
TUS = {"Tus-Resumable": "1.0.0"}


class Sha256Uploader(Uploader):
    """tuspy checksums with sha1 by default; this server offers sha256."""

    CHECKSUM_ALGORITHM_PAIR = ("sha256", hashlib.sha256)


def start_run(url: str, key: str) -> tuple[str, str]:
    auth = {"Authorization": f"Bearer {key}"}
    tid = httpx.post(f"{url}/v1/templates", json=every_type(), headers=auth).json()["id"]
    run_id = httpx.post(f"{url}/v1/runs", json={"template_id": tid}, headers=auth).json()["run_id"]
    token = httpx.post(f"{url}/v1/runs/{run_id}/open", json={}).json()["executor_token"]
    return run_id, token


def executor_headers(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def served_photo(url: str, key: str, run_id: str, step_id: str = "s-photo", index: int = 0) -> bytes:
    doc = httpx.get(f"{url}/v1/runs/{run_id}", headers={"Authorization": f"Bearer {key}"}).json()
    photos = doc["answers"][step_id]["photos"]
    assert [p["photo_index"] for p in photos] == [index]  # attached once
    media = urlsplit(photos[0]["url"])
    r = httpx.get(f"{url}{media.path}?{media.query}")
    assert r.status_code == 200
    return r.content


def create_upload(url: str, run_id: str, token: str, length: int) -> str:
    import base64

    meta = f"step_id {base64.b64encode(b's-photo').decode()},photo_index {base64.b64encode(b'0').decode()}"
    r = httpx.post(
        f"{url}/v1/runs/{run_id}/uploads/",
        headers={**TUS, **executor_headers(token), "Upload-Length": str(length), "Upload-Metadata": meta},
    )
    assert r.status_code == 201, r.text
    return f"{url}{r.headers['Location']}"


def offset_of(upload_url: str, token: str) -> int:
    r = httpx.head(upload_url, headers={**TUS, **executor_headers(token)})
    assert r.status_code == 200, r.status_code
    return int(r.headers["Upload-Offset"])


def wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")


def resume_with_tuspy(url: str, run_id: str, token: str, data: bytes, upload_url: str) -> Uploader:
    client = tus_client.TusClient(f"{url}/v1/runs/{run_id}/uploads/", headers=executor_headers(token))
    uploader = client.uploader(file_stream=io.BytesIO(data), url=upload_url, chunk_size=256 * 1024)
    return uploader


def test_tuspy_uploads_a_photo(server_process):
    server, key = server_process
    run_id, token = start_run(server.url, key)
    data = jpeg(700_000)
    client = tus_client.TusClient(f"{server.url}/v1/runs/{run_id}/uploads/", headers=executor_headers(token))
    uploader = Sha256Uploader(
        file_stream=io.BytesIO(data),
        client=client,
        chunk_size=200_000,
        upload_checksum=True,
        metadata={"step_id": "s-photo", "photo_index": "0", "filename": "car.jpg"},
    )
    uploader.upload()
    assert uploader.offset == len(data)
    assert (
        hashlib.sha256(served_photo(server.url, key, run_id)).hexdigest() == hashlib.sha256(data).hexdigest()
    )
    # Uploading again through the same URL sends nothing and attaches nothing more.
    again = resume_with_tuspy(server.url, run_id, token, data, uploader.url)
    assert again.offset == len(data)
    again.upload()
    served_photo(server.url, key, run_id)


def test_a_connection_cut_mid_body_resumes_from_the_servers_offset(server_process):
    server, key = server_process
    run_id, token = start_run(server.url, key)
    data = jpeg(400_000)
    upload_url = create_upload(server.url, run_id, token, len(data))
    path = urlsplit(upload_url).path
    half = len(data) // 2
    head = (
        f"PATCH {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nTus-Resumable: 1.0.0\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/offset+octet-stream\r\n"
        f"Upload-Offset: 0\r\nContent-Length: {len(data)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(head + data[:half])
        time.sleep(0.3)  # let the server read what was sent before the connection breaks
    wait_for(lambda: offset_of(upload_url, token) == half)
    uploader = resume_with_tuspy(server.url, run_id, token, data, upload_url)
    assert uploader.offset == half  # tuspy asked the server where to resume
    uploader.upload()
    assert served_photo(server.url, key, run_id) == data


def test_sigkill_mid_upload_then_restart_resumes(server_process):
    server, key = server_process
    run_id, token = start_run(server.url, key)
    data = jpeg(6 * 1024 * 1024)
    upload_url = create_upload(server.url, run_id, token, len(data))
    sent = {"bytes": 0}
    acknowledged_enough, killed = threading.Event(), threading.Event()

    def slow_body():
        """Paced so that the server checkpoints as it goes (at most once per 0.2 s); once the test has seen
        enough acknowledged, or before the last chunk at the latest, it holds the rest back until the kill:
        a cut mid-upload however slow the machine (a timed pace alone once let the whole body through)."""
        for start in range(0, len(data), 256 * 1024):
            if acknowledged_enough.is_set() or start + 256 * 1024 >= len(data):
                killed.wait(60)
                return  # the server is gone: the rest is never sent
            chunk = data[start : start + 256 * 1024]
            sent["bytes"] += len(chunk)
            yield chunk
            time.sleep(0.05)

    def patch():
        headers = {
            **TUS,
            **executor_headers(token),
            "Content-Type": "application/offset+octet-stream",
            "Upload-Offset": "0",
            "Content-Length": str(len(data)),
        }
        try:
            httpx.patch(upload_url, content=slow_body(), headers=headers, timeout=30)
        except (httpx.HTTPError, h11.LocalProtocolError):
            pass  # the server died under it (and the body's rest was never sent)

    writer = threading.Thread(target=patch, daemon=True)
    writer.start()
    wait_for(lambda: offset_of(upload_url, token) >= 2 * 1024 * 1024)  # a few checkpoints acknowledged
    acknowledged_enough.set()
    acknowledged = offset_of(upload_url, token)
    server.kill()
    killed.set()
    writer.join(60)
    assert sent["bytes"] < len(data)  # really cut mid-upload
    server.start()
    resumed_at = offset_of(upload_url, token)
    assert acknowledged <= resumed_at < len(data)
    uploader = resume_with_tuspy(server.url, run_id, token, data, upload_url)
    assert uploader.offset == resumed_at
    uploader.upload()
    assert (
        hashlib.sha256(served_photo(server.url, key, run_id)).hexdigest() == hashlib.sha256(data).hexdigest()
    )
    state = httpx.get(f"{server.url}/v1/runs/{run_id}/state", headers=executor_headers(token)).json()
    assert len(state["photos"]) == 1 and state["uploads"] == []
