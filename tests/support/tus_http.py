"""A tus upload driven over real HTTP against a real server process, for the tests that watch several processes
share one (PostgreSQL): a run dispatched and opened, an upload created, a PATCH whose body stalls."""

from __future__ import annotations

import base64
import socket
import time

import httpx
import psycopg

TUS = {"Tus-Resumable": "1.0.0"}


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def photo_metadata(sha256: str | None = None) -> str:
    """`Upload-Metadata` for the photo slot of `every_type()`'s `s-photo`."""
    meta = f"step_id {b64('s-photo')},photo_index {b64('0')}"
    return meta if sha256 is None else f"{meta},sha256 {b64(sha256)}"


def new_upload(url: str, api_key: str, template_id: str, length: int, meta: str) -> tuple[str, str, str]:
    """A run of the template dispatched and opened, and a tus upload created on it: (run id, the upload's
    path, the executor token)."""
    auth = {"Authorization": f"Bearer {api_key}"}
    run_id = httpx.post(f"{url}/v1/runs", json={"template_id": template_id}, headers=auth, timeout=30).json()[
        "run_id"
    ]
    token = httpx.post(f"{url}/v1/runs/{run_id}/open", json={}, timeout=30).json()["executor_token"]
    created = httpx.post(
        f"{url}/v1/runs/{run_id}/uploads/",
        headers={
            **TUS,
            "Authorization": f"Bearer {token}",
            "Upload-Length": str(length),
            "Upload-Metadata": meta,
        },
        timeout=30,
    )
    assert created.status_code == 201, created.text
    return run_id, created.headers["Location"], token


def stalled_patch(port: int, path: str, token: str, data: bytes, sent: int) -> socket.socket:
    """A PATCH of all of `data` from offset 0 whose body stops after its first `sent` bytes (a link gone
    quiet); the socket, to send the rest on or to close."""
    head = (
        f"PATCH {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nTus-Resumable: 1.0.0\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/offset+octet-stream\r\n"
        f"Upload-Offset: 0\r\nContent-Length: {len(data)}\r\n\r\n"
    ).encode()
    stalled = socket.create_connection(("127.0.0.1", port))
    stalled.sendall(head + data[:sent])
    return stalled


def wait_until_claimed(database: str, upload_path: str, timeout: float = 60.0) -> None:
    """Until some session holds the upload's claim (the advisory lock `claim` takes on `upload:<id>`): a
    PATCH of it has begun."""
    key = "upload:" + upload_path.rstrip("/").rsplit("/", 1)[-1]
    deadline = time.monotonic() + timeout
    with psycopg.connect(database, autocommit=True) as conn:
        while time.monotonic() < deadline:
            held = conn.execute(
                "SELECT count(*) FROM (SELECT hashtextextended(%s, 2) AS h) k JOIN pg_locks l "
                "ON l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                "AND l.classid = ((k.h >> 32) & 4294967295)::oid AND l.objid = (k.h & 4294967295)::oid",
                (key,),
            ).fetchone()
            if held and held[0]:
                return
            time.sleep(0.05)
    raise AssertionError(f"{key} was never claimed")
