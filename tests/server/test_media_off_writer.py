"""What a media store's disk and network calls may hold up (issue 15's media remainders).

S3 (moto's server mode, a stand-in for a real S3: tests/support/s3.py): an attach's existence check and a
collect's delete are S3 calls, made around the write jobs, never on the writer thread (there they would
hold up every write of the process); the guarantees stay: a photo attached is served, a replaced or
deleted one leaves S3 once no row uses it, one still used by another run stays.

The free-space check before a tus upload asks the disks the media store fills on this machine: the files
store's folders; none for media in PostgreSQL or S3 (a data dir short of space refuses nothing there).
"""

from __future__ import annotations

import base64
import secrets
import threading
from urllib.parse import urlsplit

import pytest

from tests.support.executor import Executor, bearer, jpeg, sha256
from tests.support.fixtures import make_api

V = {"Tus-Resumable": "1.0.0"}
WRITER_THREAD = "rundun-db-writer"


@pytest.fixture
def s3_url(s3_server, monkeypatch) -> str:
    for key, value in s3_server.env().items():
        monkeypatch.setenv(key, value)
    return f"s3://{s3_server.new_bucket('b' + secrets.token_hex(6))}/rundun"


class ThreadsOfCalls:
    """The S3 client, recording on which thread each of its calls was made."""

    def __init__(self, client):
        self._client = client
        self.calls: list[tuple[str, str]] = []  # (method, thread name)

    def __getattr__(self, name: str):
        attr = getattr(self._client, name)
        if not callable(attr):
            return attr

        def recorded(*args, **kwargs):
            self.calls.append((name, threading.current_thread().name))
            return attr(*args, **kwargs)

        return recorded


@pytest.fixture(params=["sqlite", "postgresql"])
def s3_api(request, tmp_path, s3_url):
    overrides = {"media_store": s3_url}
    if request.param == "postgresql":
        overrides["database_url"] = request.getfixturevalue("pg_cluster").new_database()
    made = make_api(tmp_path, **overrides)
    api = next(made)
    store = api.client.app.state.ctx.media
    recorder = store.client = ThreadsOfCalls(store.client)
    yield api, store, recorder
    made.close()


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def served(ex: Executor, step_id: str, index: int) -> bytes:
    photos = ex.state()["answers"][step_id]["photos"]
    photo = next(p for p in photos if p["photo_index"] == index)
    url = urlsplit(photo["url"])
    r = ex.api.client.get(f"{url.path}?{url.query}")
    assert r.status_code == 200, r.text
    return r.content


def test_with_s3_no_media_call_is_made_on_the_writer_thread_and_unused_photos_leave(s3_api):
    api, store, recorder = s3_api
    first, second, kept = jpeg(3000), jpeg(3001), jpeg(3002)
    ex, other = Executor.start(api), Executor.start(api)
    assert other.photo("s-photo", 0, kept).status_code == 200
    assert ex.photo("s-photo", 0, kept).status_code == 200  # the same bytes, used by two runs
    assert ex.photo("s-photo", 1, first).status_code == 200
    assert ex.photo("s-photo", 1, second).status_code == 200  # replaces `first`: unused now
    assert ex.call("DELETE", "/answers/s-photo/photos/0").status_code == 204  # `kept`: still the other's

    assert served(ex, "s-photo", 1) == second
    assert served(other, "s-photo", 0) == kept
    assert store.has_blob(sha256(first)) is None
    assert store.has_blob(sha256(kept)) is not None
    assert {"head_object", "put_object", "delete_object"} <= {method for method, _ in recorder.calls}
    assert [call for call in recorder.calls if call[1] == WRITER_THREAD] == []


def test_with_s3_a_finished_tus_upload_attaches_off_the_writer_thread(s3_api):
    api, _, recorder = s3_api
    ex = Executor.start(api)
    data = jpeg(40_000)
    meta = f"step_id {b64('s-photo')},photo_index {b64('0')},sha256 {b64(sha256(data))}"
    r = api.client.post(
        f"/v1/runs/{ex.run_id}/uploads/",
        headers={**V, **bearer(ex.token), "Upload-Length": str(len(data)), "Upload-Metadata": meta},
    )
    assert r.status_code == 201, r.text
    patch = api.client.patch(
        r.headers["Location"],
        content=data,
        headers={
            **V,
            **bearer(ex.token),
            "Content-Type": "application/offset+octet-stream",
            "Upload-Offset": "0",
        },
    )
    assert patch.status_code == 204, patch.text
    assert served(ex, "s-photo", 0) == data
    assert [call for call in recorder.calls if call[1] == WRITER_THREAD] == []


@pytest.mark.parametrize("media", ["files", "postgresql", "s3"])
def test_the_free_space_check_of_an_upload_asks_the_disks_the_media_store_fills(media, tmp_path, request):
    """A reserve larger than any disk: the data dir's disk would refuse every upload. Only the files store
    puts an upload's bytes there (507); chunks in PostgreSQL and S3 objects do not (201)."""
    overrides: dict = {"storage_reserve_mb": 2**40}
    if media != "files":
        overrides["database_url"] = request.getfixturevalue("pg_cluster").new_database()
        overrides["media_store"] = request.getfixturevalue("s3_url") if media == "s3" else "postgresql"
    made = make_api(tmp_path, **overrides)
    api = next(made)
    try:
        ex = Executor.start(api)
        meta = f"step_id {b64('s-photo')},photo_index {b64('0')}"
        r = api.client.post(
            f"/v1/runs/{ex.run_id}/uploads/",
            headers={**V, **bearer(ex.token), "Upload-Length": "4096", "Upload-Metadata": meta},
        )
        assert r.status_code == (507 if media == "files" else 201), r.text
    finally:
        made.close()
