"""HEAD wherever GET is served (RFC 9110 §9.3.2), on the real server process: GET's status and headers, no
body, for documents, streams (the event stream, a CSV export), photos and pages alike; it was 405. A 405's
`Allow` names HEAD where GET is allowed; the tus uploads' HEAD keeps its own meaning."""

from __future__ import annotations

import base64
import socket
from collections.abc import Iterator

import httpx
import pytest

from tests.support.executor import jpeg

pytestmark = pytest.mark.sqlite_only

# What differs between any two answers whatever their method, and the framing of a streamed GET's body
# (uvicorn sends no `Transfer-Encoding: chunked` for a HEAD: RFC 9110 lets it omit what only the content decides)
VARYING = {"date", "x-ratelimit-remaining", "x-ratelimit-reset", "transfer-encoding"}
PHOTOS = {
    "name": "Van",
    "sections": [
        {
            "id": "g-1",
            "title": "Van",
            "steps": [
                {"id": "s-ok", "type": "boolean", "label": "OK?"},
                {"id": "s-photo", "type": "photo", "label": "Photo", "config": {"min": 0, "max": 1}},
            ],
        }
    ],
}


@pytest.fixture
def owner(server_process) -> Iterator[httpx.Client]:
    server, key = server_process
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
        yield c


def same_but_body(owner: httpx.Client, url: str, **kw) -> httpx.Response:
    got, head = owner.get(url, **kw), owner.head(url, **kw)
    assert head.status_code == got.status_code, (url, head.status_code, got.status_code)
    assert head.content == b""
    assert {k: v for k, v in head.headers.items() if k not in VARYING} == {
        k: v for k, v in got.headers.items() if k not in VARYING
    }, url
    return head


def test_every_kind_of_get_answers_head_with_its_status_and_headers_and_no_body(owner):
    template_id = owner.post("/v1/templates", json=PHOTOS).json()["id"]
    run_id = owner.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]
    token = owner.post(f"/v1/runs/{run_id}/open", json={}).json()["executor_token"]
    executor = {"Authorization": f"Bearer {token}"}
    photo = jpeg(5000)
    put = owner.put(f"/v1/runs/{run_id}/answers/s-photo/photos/0", content=photo, headers=executor)
    assert put.status_code in (200, 201), put.text
    photo_url = owner.get(f"/v1/runs/{run_id}").json()["answers"]["s-photo"]["photos"][0]["url"]
    for url in (
        "/v1/health",
        "/v1/org",
        "/v1/runs",
        f"/v1/runs/{run_id}",  # served by HotPaths, not the router
        f"/v1/runs/{run_id}/history",
        f"/v1/templates/{template_id}",
        "/v1/templates",
        "/v1/library",
        f"/v1/runs/{run_id}/preview",
        f"/r/{run_id}",
        "/v1/openapi.json",
        "/docs",
        f"/v1/templates/{template_id}/runs.csv",
        "/v1/runs/r-00000000-0000-4000-8000-000000000000",  # 404 `run_not_found`
        "/v1/nothing",  # 404 `not_found`
    ):
        same_but_body(owner, url)
    same_but_body(owner, f"/v1/runs/{run_id}/state", headers=executor)
    head = same_but_body(owner, photo_url)
    assert head.headers["content-length"] == str(len(photo))
    assert owner.head("/v1/org", headers={"Authorization": "Bearer rdk_live_" + "0" * 32}).status_code == 401


def test_head_of_the_event_stream_ends_at_its_headers(server_process, owner):
    """A stream that would never end is cut after its headers, and the connection serves on."""
    server, key = server_process
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as raw:
        raw.sendall(
            f"HEAD /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n\r\n"
            "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        )
        seen = b""
        while b'{"status":"ok"' not in seen:  # the second answer, on the same connection, after the first
            chunk = raw.recv(65536)
            assert chunk, seen
            seen += chunk
    first, rest = seen.split(b"\r\n\r\n", 1)
    assert first.startswith(b"HTTP/1.1 200") and b"text/event-stream" in first, first
    assert rest.startswith(b"HTTP/1.1 200"), rest  # nothing of a body between the two


def test_405_allows_head_where_get_is_allowed_and_tus_head_keeps_its_meaning(owner):
    refused = owner.put("/v1/templates")
    assert refused.status_code == 405 and refused.headers["allow"] == "GET, HEAD, POST"
    cancel = owner.head("/v1/runs/r-00000000-0000-4000-8000-000000000000/cancel")
    assert cancel.status_code == 405 and cancel.headers["allow"] == "POST" and cancel.content == b""
    assert owner.head("/v1/templates/generate").headers["allow"] == "POST"

    template_id = owner.post("/v1/templates", json=PHOTOS).json()["id"]
    run_id = owner.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]
    token = owner.post(f"/v1/runs/{run_id}/open", json={}).json()["executor_token"]
    tus = {"Tus-Resumable": "1.0.0", "Authorization": f"Bearer {token}"}
    meta = (
        "step_id " + base64.b64encode(b"s-photo").decode() + ",photo_index " + base64.b64encode(b"0").decode()
    )
    created = owner.post(
        f"/v1/runs/{run_id}/uploads/", headers={**tus, "Upload-Length": "5000", "Upload-Metadata": meta}
    )
    assert created.status_code == 201, created.text
    head = owner.head(created.headers["Location"], headers=tus)
    assert (
        head.status_code == 200
        and head.headers["Upload-Offset"] == "0"
        and head.headers["Upload-Length"] == "5000"
    )
    assert owner.get(created.headers["Location"], headers=tus).status_code == 405  # tus has no GET
