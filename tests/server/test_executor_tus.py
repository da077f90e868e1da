"""tus 1.0 at `/v1/runs/{id}/uploads/`, in process: discovery, creation, HEAD, PATCH (offsets, content type,
checksum, cut bodies), termination, and attaching the finished file exactly once."""

from __future__ import annotations

import asyncio
import base64
import hashlib

import fastapi.routing
import httpx
import psycopg
import pytest

from server.media import files as files_store
from server.media.files import FileMediaStore
from server.services import tus as tus_service
from server.store import executor as upload_store
from tests.support.executor import Executor, bearer, content_digest, every_type, jpeg, png, sha256
from tests.support.fixtures import sql
from tests.support.media import has_blob, has_part, store_unacknowledged
from tests.support.org import Org

V = {"Tus-Resumable": "1.0.0"}


def metadata(**pairs: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in pairs.items())


def checksum(data: bytes, algorithm: str = "sha256") -> str:
    return f"{algorithm} {base64.b64encode(hashlib.new(algorithm, data).digest()).decode()}"


class Tus:
    def __init__(self, ex: Executor):
        self.ex = ex

    def create(self, length: int, step_id: str = "s-photo", index: str = "0", **headers):
        meta = metadata(step_id=step_id, photo_index=index, filename="car.jpg")
        return self.ex.call(
            "POST",
            "/uploads/",
            headers={**V, "Upload-Length": str(length), "Upload-Metadata": meta, **headers},
        )

    def create_with(self, data: bytes, body: bytes, index: str = "0", **headers):
        """creation-with-upload: the upload of `data` created with `body` (its first bytes) in the POST."""
        meta = metadata(step_id="s-photo", photo_index=index, sha256=sha256(data))
        headers = {
            **V,
            "Content-Type": "application/offset+octet-stream",
            "Upload-Length": str(len(data)),
            "Upload-Metadata": meta,
            **headers,
        }
        return self.ex.call("POST", "/uploads/", content=body, headers=headers)

    def new(self, data: bytes, **kw) -> str:
        r = self.create(len(data), **kw)
        assert r.status_code == 201, r.text
        return r.headers["Location"]

    def head(self, url: str):
        return self.ex.api.client.head(url, headers={**V, **bearer(self.ex.token)})

    def patch(self, url: str, chunk: bytes, offset: int, **headers):
        headers = {
            **V,
            **bearer(self.ex.token),
            "Content-Type": "application/offset+octet-stream",
            "Upload-Offset": str(offset),
            **headers,
        }
        return self.ex.api.client.patch(url, content=chunk, headers=headers)

    def offset(self, url: str) -> int:
        return int(self.head(url).headers["Upload-Offset"])


@pytest.fixture
def ex(api) -> Executor:
    return Executor.start(api)


@pytest.fixture
def up(ex) -> Tus:
    return Tus(ex)


def test_options_advertise_the_server(api, ex):
    r = ex.call("OPTIONS", "/uploads/")
    assert r.status_code == 204
    assert r.headers["Tus-Resumable"] == "1.0.0" and r.headers["Tus-Version"] == "1.0.0"
    assert set(r.headers["Tus-Extension"].split(",")) == {
        "creation",
        "creation-with-upload",
        "termination",
        "checksum",
    }
    assert r.headers["Tus-Checksum-Algorithm"] == "sha256"
    assert int(r.headers["Tus-Max-Size"]) == api.ctx.settings.max_photo_bytes
    r = api.client.options(f"/v1/runs/{ex.run_id}/uploads/")
    assert r.status_code == 401 and r.headers["Tus-Resumable"] == "1.0.0"


def test_discovery_says_the_runs_status_so_a_page_left_open_learns_it_was_cancelled(api, ex):
    """The browser runner's probe is this request: a cancelled run answered it as an open one."""
    assert ex.call("OPTIONS", "/uploads/").headers["Rundun-Run-Status"] == "pending"
    api.post(f"/v1/runs/{ex.run_id}/cancel")
    r = ex.call("OPTIONS", "/uploads/")
    assert r.status_code == 204 and r.headers["Rundun-Run-Status"] == "cancelled"


def test_a_whole_upload_attaches_the_photo(api, ex, up):
    data = jpeg(300_000)
    url = up.new(data)
    assert url.startswith(f"/v1/runs/{ex.run_id}/uploads/upl_")
    head = up.head(url)
    assert head.status_code == 200 and head.headers["Upload-Offset"] == "0"
    assert head.headers["Upload-Length"] == str(len(data)) and head.headers["Cache-Control"] == "no-store"
    assert head.headers["Tus-Resumable"] == "1.0.0"
    assert [u["offset"] for u in ex.state()["uploads"]] == [0]
    r = up.patch(url, data[:100_000], 0)
    assert r.status_code == 204 and r.headers["Upload-Offset"] == "100000"
    assert up.offset(url) == 100_000 and ex.state()["photos"] == []
    r = up.patch(url, data[100_000:], 100_000, **{"Upload-Checksum": checksum(data[100_000:])})
    assert r.status_code == 204 and r.headers["Upload-Offset"] == str(len(data))
    photos = ex.state()["photos"]
    assert photos == [
        {"step_id": "s-photo", "photo_index": 0, "sha256": sha256(data), "bytes": len(data), "taken_at": None}
    ]
    assert ex.state()["uploads"] == []
    assert up.offset(url) == len(data)
    assert not has_part(api, url.rsplit("/", 1)[1])
    doc = api.get(f"/v1/runs/{ex.run_id}").json()
    assert doc["progress"]["answered"] == 1 and doc["answers"]["s-photo"]["photos"][0]["sha256"] == sha256(
        data
    )


def test_retrying_a_finished_upload_attaches_nothing_twice(api, ex, up):
    data = jpeg()
    url = up.new(data)
    assert up.patch(url, data, 0).status_code == 204
    before = api.get(f"/v1/runs/{ex.run_id}").json()
    assert up.patch(url, b"", len(data)).status_code == 204  # a client that lost the response
    again = up.patch(url, data, 0)
    assert again.status_code == 409 and again.headers["Tus-Resumable"] == "1.0.0"
    after = api.get(f"/v1/runs/{ex.run_id}").json()
    assert after["answers"] == before["answers"] and after["updated_at"] == before["updated_at"]
    assert len(ex.state()["photos"]) == 1


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Tus-Resumable": "0.2.2"}, 412),
        ({"Upload-Length": "abc"}, 400),
        # A digit that is no decimal digit ("²": `str.isdigit` says yes, `int` refuses it) was a 500.
        ({"Upload-Metadata": metadata(step_id="s-photo", photo_index="\u00b2")}, 422),
        ({"Upload-Length": "0"}, 400),
        ({"Upload-Metadata": metadata(step_id="s-photo")}, 400),
        ({"Upload-Metadata": metadata(photo_index="0")}, 400),
        ({"Upload-Metadata": "step_id !!!,photo_index MA=="}, 400),
        ({"Upload-Metadata": metadata(step_id="s-photo", photo_index="x")}, 422),
        ({"Upload-Metadata": metadata(step_id="s-photo", photo_index="2")}, 422),
        ({"Upload-Metadata": metadata(step_id="s-bool", photo_index="0")}, 422),
        ({"Upload-Length": str(21 * 1024 * 1024)}, 413),
    ],
)
def test_creation_errors(ex, up, headers, status):
    r = up.create(1000, **headers)
    assert r.status_code == status, r.text
    assert r.headers["Tus-Resumable"] == "1.0.0"
    if status == 412:
        assert r.headers["Tus-Version"] == "1.0.0"
    assert ex.state()["uploads"] == []


def test_requests_without_tus_resumable_are_412(ex, up):
    url = up.new(jpeg())
    r = ex.api.client.head(url, headers=bearer(ex.token))
    assert r.status_code == 412
    r = ex.api.client.patch(
        url,
        content=b"x",
        headers={**bearer(ex.token), "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    assert r.status_code == 412 and up.offset(url) == 0


def test_patch_errors_keep_the_offset(ex, up):
    data = jpeg(10_000)
    url = up.new(data)
    assert up.patch(url, data[:1000], 0).status_code == 204
    cases = [
        (up.patch(url, data[1000:2000], 0), 409),  # wrong offset
        (up.patch(url, data[1000:2000], 1000, **{"Content-Type": "application/octet-stream"}), 415),
        (up.patch(url, data[1000:2000], 1000, **{"Upload-Checksum": checksum(b"other")}), 460),
        (up.patch(url, data[1000:], 1000, **{"Upload-Checksum": checksum(b"other")}), 460),  # the last one
        (up.patch(url, data[1000:2000], 1000, **{"Upload-Checksum": checksum(data[1000:2000], "sha1")}), 400),
        (up.patch(url, data[1000:] + b"extra", 1000), 400),  # past Upload-Length
        (up.patch(url, data[1000:2000], "x"), 400),
    ]
    for r, status in cases:
        assert r.status_code == status, (status, r.text)
        assert r.headers["Tus-Resumable"] == "1.0.0"
    assert up.offset(url) == 1000
    assert up.patch(url, data[1000:], 1000).status_code == 204
    assert ex.state()["photos"][0]["sha256"] == sha256(data)


def test_a_patch_with_a_malformed_or_mismatched_content_digest_is_400_as_a_photos_put_is(api, ex, up):
    """A PATCH's `Content-Digest` was not read at all (`garbage`, or the digest of other bytes, and the chunk
    was stored and acknowledged), where `PUT …/photos/{i}` refuses both (SPEC: a mismatch is 400 and nothing is
    stored). Now the same 400 `bad_request` naming Content-Digest; the chunk is dropped, the offset unchanged,
    and the upload resumes from there; a matching digest is taken (the last chunk's too)."""
    data = jpeg(10_000)
    url = up.new(data)
    assert up.patch(url, data[:1000], 0, **{"Content-Digest": content_digest(data[:1000])}).status_code == 204
    chunk, last = data[1000:2000], data[1000:]
    for body, header in (
        (chunk, "garbage"),
        (chunk, "sha-256=:not base64!:"),
        (chunk, "sha-256=:AAAA:"),  # not 32 bytes: no chunk's digest
        (chunk, content_digest(b"other")),
        (last, content_digest(b"other")),  # the chunk that would finish the file
        (last, f"sha-512=:AAAA:, {content_digest(data)}"),  # the whole file's, not this chunk's
    ):
        r = up.patch(url, body, 1000, **{"Content-Digest": header})
        assert r.status_code == 400 and r.json()["error"] == "bad_request", (header, r.text)
        assert r.json()["details"][0]["path"] == "Content-Digest", (header, r.text)
        assert r.headers["Tus-Resumable"] == "1.0.0"
        assert up.offset(url) == 1000, header
    assert not has_blob(api, sha256(data)) and ex.state()["photos"] == []
    assert up.patch(url, chunk, 1000, **{"Content-Digest": content_digest(chunk)}).status_code == 204
    assert up.patch(url, data[2000:], 2000, **{"Content-Digest": "sha-512=:AAAA:"}).status_code == 204
    assert ex.state()["photos"][0]["sha256"] == sha256(data)
    # creation-with-upload reads it the same way: the chunk dropped, the upload kept at 0
    r = up.create_with(data, data[:5_000], index="1", **{"Content-Digest": content_digest(b"other")})
    assert (
        r.status_code == 400 and r.json()["error"] == "bad_request" and up.offset(r.headers["Location"]) == 0
    )


def test_uploads_belong_to_their_run(api, ex, up):
    url = up.new(jpeg())
    other = Executor.start(api)
    foreign = url.replace(ex.run_id, other.run_id)
    r = other.api.client.head(foreign, headers={**V, **bearer(other.token)})
    assert r.status_code == 404
    r = api.client.head(url, headers={**V, **bearer(other.token)})
    assert r.status_code == 401


def test_termination(api, ex, up):
    data = jpeg()
    url = up.new(data)
    up.patch(url, data[:100], 0)
    upload_id = url.rsplit("/", 1)[1]
    assert has_part(api, upload_id)
    r = api.client.delete(url, headers={**V, **bearer(ex.token)})
    assert r.status_code == 204 and r.headers["Tus-Resumable"] == "1.0.0"
    assert not has_part(api, upload_id)
    assert up.head(url).status_code == 404
    assert up.patch(url, data[100:], 100).status_code == 404
    assert api.client.delete(url, headers={**V, **bearer(ex.token)}).status_code == 404


def test_a_finished_file_that_is_no_image_is_415_and_terminated(api, ex, up):
    data = b"definitely not an image" * 10
    url = up.new(data)
    r = up.patch(url, data, 0)
    assert r.status_code == 415 and r.json()["error"] == "unsupported_media_type"
    assert up.head(url).status_code == 404 and ex.state()["photos"] == []


def test_a_file_that_is_no_image_is_415_however_its_bytes_came(api, ex, up):
    """The image check reads the file's first bytes: kept as they arrive when the body starts the file, read
    back from the store when they came in an earlier PATCH (and for a PNG-only slot alike)."""
    image = jpeg(200_000)
    for first, rest in (
        (b"not an image" + image[12:50_000], image[50_000:]),
        (image[:50_000], image[50_000:]),
    ):
        data = first + rest
        url = up.new(data)
        assert up.patch(url, first, 0).status_code == 204
        r = up.patch(url, rest, len(first))
        if first.startswith(b"not"):
            assert r.status_code == 415 and up.head(url).status_code == 404, r.text
        else:
            assert r.status_code == 204, r.text
    assert [p["sha256"] for p in ex.state()["photos"]] == [sha256(image)]
    url = up.new(image, step_id="s-sig")
    assert up.patch(url, image[:1000], 0).status_code == 204
    assert up.patch(url, image[1000:], 1000).status_code == 415  # a signature must be a PNG


def test_signature_slots_take_only_png(api, ex, up):
    url = up.new(jpeg(), step_id="s-sig")
    assert up.patch(url, jpeg(), 0).status_code == 415
    data = png()
    url = up.new(data, step_id="_signature")
    assert up.patch(url, data, 0).status_code == 204
    assert ex.state()["signature"]["sha256"] == sha256(data)


def test_closed_runs_refuse_uploads(api, ex, up):
    data = jpeg()
    url = up.new(data)
    api.post(f"/v1/runs/{ex.run_id}/cancel")
    assert up.create(100).status_code == 409
    r = up.patch(url, data, 0)
    assert r.status_code == 409 and r.json()["error"] == "run_closed"
    assert ex.state()["photos"] == []


def test_completion_discards_unfinished_uploads(api):
    ex = Executor.start(
        api,
        {
            "name": "One photo",
            "sections": [
                {
                    "id": "g-1",
                    "title": "A",
                    "steps": [
                        {"id": "s-p", "type": "photo", "label": "Photo", "config": {"min": 1, "max": 2}}
                    ],
                }
            ],
        },
    )
    up = Tus(ex)
    assert ex.photo("s-p", 0, jpeg()).status_code == 200
    url = up.new(jpeg(), step_id="s-p", index="1")
    up.patch(url, b"\xff\xd8\xff", 0)
    assert ex.complete().status_code == 200
    upload_id = url.rsplit("/", 1)[1]
    assert not has_part(api, upload_id)
    assert up.head(url).status_code == 404


# -- cut bodies, straight through the ASGI app -------------------------------------------------------------
def asgi_scope(url: str, headers: dict, method: str = "PATCH") -> dict:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": url,
        "raw_path": url.encode(),
        "query_string": b"",
        "root_path": "",
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "state": {},
    }


def asgi_patch(
    api,
    url: str,
    token: str,
    offset: int,
    chunks: list[bytes],
    total: int,
    extra: dict | None = None,
    method: str = "PATCH",
):
    """PATCH (or `method`) with a body that stops after `chunks` (then the client is gone), as a broken
    connection does."""
    headers = {
        **V,
        **bearer(token),
        "Content-Type": "application/offset+octet-stream",
        "Upload-Offset": str(offset),
        "Content-Length": str(total),
        **(extra or {}),
    }
    scope = asgi_scope(url, headers, method)
    messages = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]
    sent: list[dict] = []

    async def receive():
        if messages:
            return messages.pop(0)
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    asyncio.run(api.client.app(scope, receive, send))
    return sent


def test_a_stalled_patch_is_superseded_by_a_newer_one_and_keeps_what_it_received(api, ex, up):
    """A PATCH whose client stalled (its body waits for bytes that never come) is stopped by a newer PATCH
    of the same upload: the stalled one acknowledges what it received, the newer one is told that offset."""
    data = jpeg(50_000)
    url = up.new(data)
    headers = {
        **V,
        **bearer(ex.token),
        "Content-Type": "application/offset+octet-stream",
        "Upload-Offset": "0",
        "Content-Length": str(len(data)),
    }
    answers: dict[str, list[dict]] = {"stalled": [], "newer": []}

    async def go() -> None:
        first = [{"type": "http.request", "body": data[:10_000], "more_body": True}]
        stalled = asyncio.Event()

        async def receive_then_stall():
            if first:
                return first.pop()
            stalled.set()
            await asyncio.Future()  # never: the client went quiet

        async def newer_receive():
            return {"type": "http.request", "body": data, "more_body": False}

        def sender(name: str):
            async def send(message: dict) -> None:
                answers[name].append(message)

            return send

        app = api.client.app
        task = asyncio.ensure_future(app(asgi_scope(url, headers), receive_then_stall, sender("stalled")))
        await stalled.wait()
        await app(asgi_scope(url, headers), newer_receive, sender("newer"))
        await task
        # Each request gives its claim on the upload back in a task of its own, after its answer (on
        # PostgreSQL, a lock held in the database): done before this loop ends, which would cancel it and
        # leave the lock held, so that the PATCH below waited for it and was refused as busy.
        await asyncio.gather(*tus_service._releasing)

    asyncio.run(go())
    stalled_start, newer_start = answers["stalled"][0], answers["newer"][0]
    assert stalled_start["status"] == 204
    assert (b"upload-offset", b"10000") in stalled_start["headers"]
    assert newer_start["status"] == 409
    assert b"the upload is at 10000" in answers["newer"][1]["body"]
    assert up.patch(url, data[10_000:], 10_000).status_code == 204
    assert ex.state()["photos"][0]["sha256"] == sha256(data)


def test_a_cut_body_keeps_the_bytes_received(api, ex, up):
    data = jpeg(50_000)
    url = up.new(data)
    asgi_patch(api, url, ex.token, 0, [data[:10_000], data[10_000:25_000]], len(data))
    assert up.offset(url) == 25_000
    assert up.patch(url, data[25_000:], 25_000).status_code == 204
    assert ex.state()["photos"][0]["sha256"] == sha256(data)


def test_a_cut_checksummed_chunk_is_dropped_whole(api, ex, up):
    data = jpeg(50_000)
    url = up.new(data)
    asgi_patch(api, url, ex.token, 0, [data[:10_000]], len(data), {"Upload-Checksum": checksum(data)})
    assert up.offset(url) == 0
    assert up.patch(url, data, 0, **{"Upload-Checksum": checksum(data)}).status_code == 204


def test_an_unacknowledged_tail_is_cut_off(api, ex, up):
    """After a crash the part may hold bytes the DB never acknowledged: the next PATCH drops them."""
    data = jpeg(5_000)
    url = up.new(data)
    assert up.patch(url, data[:2_000], 0).status_code == 204
    store_unacknowledged(api, url.rsplit("/", 1)[1], 2_000, b"garbage never acknowledged")
    assert up.offset(url) == 2_000
    assert up.patch(url, data[2_000:], 2_000).status_code == 204
    assert ex.state()["photos"][0]["sha256"] == sha256(data)


def test_lost_part_data_ends_the_upload(api, ex, up):
    data = jpeg(5_000)
    url = up.new(data)
    up.patch(url, data[:2_000], 0)
    api.ctx.media.discard(url.rsplit("/", 1)[1])
    assert up.patch(url, data[2_000:], 2_000).status_code == 404
    assert api.ctx.db.read(upload_store.open_uploads, ex.run_id) == []


def create_with_sha(up: Tus, data: bytes, sha: str):
    meta = metadata(step_id="s-photo", photo_index="0", sha256=sha)
    return up.ex.call(
        "POST", "/uploads/", headers={**V, "Upload-Length": str(len(data)), "Upload-Metadata": meta}
    )


def test_the_finished_file_is_checked_against_the_sha256_sent_at_creation(api, ex, up):
    data = jpeg(40_000)
    damaged = data[:20_000] + bytes([data[20_000] ^ 0xFF]) + data[20_001:]  # never the same byte
    url = create_with_sha(up, data, sha256(data)).headers["Location"]
    assert up.patch(url, damaged[:20_000], 0).status_code == 204
    r = up.patch(url, damaged[20_000:], 20_000)
    assert r.status_code == 460 and r.json()["error"] == "checksum_mismatch"
    assert "start a new one" in r.json()["message"] and r.headers["Tus-Resumable"] == "1.0.0"
    assert up.head(url).status_code == 404  # terminated: nothing of it is kept
    assert ex.state()["photos"] == [] and ex.state()["uploads"] == []
    assert not has_part(api, url.rsplit("/", 1)[1])
    url = create_with_sha(up, data, sha256(data)).headers["Location"]
    assert up.patch(url, data, 0).status_code == 204
    assert ex.state()["photos"][0]["sha256"] == sha256(data)


@pytest.mark.parametrize("sha", ["abc", "A" * 64, "g" * 64, ""])
def test_a_malformed_sha256_in_the_metadata_is_400(ex, up, sha):
    r = create_with_sha(up, jpeg(1_000), sha)
    assert r.status_code == 400 and r.json()["details"][0]["path"] == "Upload-Metadata.sha256"
    assert ex.state()["uploads"] == []


def test_the_running_hash_is_rebuilt_from_disk_after_a_restart(api, ex, up):
    """The file's SHA-256 is carried from PATCH to PATCH in memory; a restarted server (an empty cache)
    rehashes the acknowledged bytes, so the blob's address and the check stay right."""
    data = jpeg(60_000)
    url = create_with_sha(up, data, sha256(data)).headers["Location"]
    assert up.patch(url, data[:25_000], 0).status_code == 204
    tus_service._hashes.clear()
    assert up.patch(url, data[25_000:50_000], 25_000).status_code == 204
    assert up.patch(url, data[50_000:], 50_000).status_code == 204
    photo = ex.state()["photos"][0]
    assert photo["sha256"] == sha256(data) and photo["bytes"] == len(data)
    served = api.client.get(api.get(f"/v1/runs/{ex.run_id}").json()["answers"]["s-photo"]["photos"][0]["url"])
    assert served.content == data


def test_a_long_body_is_acknowledged_at_checkpoints(api, ex, up, monkeypatch):
    """Within one PATCH the offset advances every CHECKPOINT_BYTES (at most once per interval), so a body cut
    later keeps what was acknowledged even if the cut itself is never seen (a crash)."""
    monkeypatch.setattr(tus_service, "CHECKPOINT_BYTES", 10_000)
    monkeypatch.setattr(tus_service, "CHECKPOINT_INTERVAL_S", 0.0)
    data = jpeg(50_000)
    url = up.new(data)
    advanced = []
    real = upload_store.advance_upload

    def spy(conn, upload_id, start, end):
        advanced.append(end)
        return real(conn, upload_id, start, end)

    monkeypatch.setattr(upload_store, "advance_upload", spy)
    asgi_patch(api, url, ex.token, 0, [data[i : i + 5_000] for i in range(0, 35_000, 5_000)], len(data))
    assert advanced == [10_000, 20_000, 30_000, 35_000]  # three checkpoints, then the cut keeps the rest
    assert up.offset(url) == 35_000


# Only a database of one process keeps such uploads in memory: processes sharing PostgreSQL write the row
# at creation, so that any of them takes the first PATCH (tests/e2e/test_media_across_processes.py).
@pytest.mark.sqlite_only
def test_an_upload_without_bytes_has_no_row_until_its_first_acknowledged_bytes(api, ex, up):
    """Issue 16: creating an upload commits nothing; HEAD and /state know it from memory, and its row is
    written by the first checkpoint (or the attach of a whole file, as in the first test)."""
    from server.services import fresh_uploads

    data = jpeg(20_000)
    url = up.new(data)
    upload_id = url.rsplit("/", 1)[1]
    assert api.ctx.db.read(upload_store.get_upload, ex.run_id, upload_id) is None
    assert up.offset(url) == 0 and [u["url"] for u in ex.state()["uploads"]] == [url]
    assert up.patch(url, data[:5_000], 0).headers["Upload-Offset"] == "5000"
    row = api.ctx.db.read(upload_store.get_upload, ex.run_id, upload_id)
    assert row["upload_offset"] == 5_000 and fresh_uploads.lookup(ex.run_id, upload_id) is None
    fresh = up.new(data, index="1")
    fresh_uploads.forget(fresh.rsplit("/", 1)[1])  # what a restart does to an upload holding nothing
    assert up.head(fresh).status_code == 404  # the client creates another, as for any forgotten upload
    assert up.patch(url, data[5_000:], 5_000).status_code == 204
    assert ex.state()["uploads"] == [] and len(ex.state()["photos"]) == 1


# -- creation-with-upload (issue 16) ---------------------------------------------------------------------
def test_creation_with_upload_attaches_a_whole_photo_in_one_request(api, ex, up):
    data = jpeg(300_000)
    r = up.create_with(data, data)
    assert r.status_code == 201, r.text
    assert r.headers["Upload-Offset"] == str(len(data)) and r.headers["Tus-Resumable"] == "1.0.0"
    url = r.headers["Location"]
    assert url.startswith(f"/v1/runs/{ex.run_id}/uploads/upl_")
    assert [(p["photo_index"], p["sha256"]) for p in ex.state()["photos"]] == [(0, sha256(data))]
    assert ex.state()["uploads"] == [] and up.offset(url) == len(data)
    assert up.patch(url, b"", len(data)).status_code == 204  # a client that lost the answer: nothing twice
    assert len(ex.state()["photos"]) == 1
    assert not has_part(api, url.rsplit("/", 1)[1])


def test_a_photo_sent_whole_at_creation_is_one_write_on_either_database(api, ex, up, monkeypatch):
    """Issue 16: creation-with-upload writes the upload's row in its attach job, also when processes share a
    PostgreSQL database (the row written at creation was a commit of its own, a photo), and does not look
    for the upload it has just made in the database; a plain creation there still writes its row at once,
    since its first PATCH may reach another process."""
    jobs, write = [], api.ctx.db.write

    def spy(fn, *args):
        jobs.append(fn)
        return write(fn, *args)

    monkeypatch.setattr(api.ctx.db, "write", spy)
    looked_up, real_get = [], upload_store.get_upload

    def get_upload(*args):
        looked_up.append(args[1:])
        return real_get(*args)

    monkeypatch.setattr(upload_store, "get_upload", get_upload)
    data = jpeg(20_000)
    r = up.create_with(data, data)
    assert r.status_code == 201, r.text
    assert len(jobs) == 1, jobs  # the attach, with the upload's row
    assert looked_up == []  # the upload it made is not looked for in the database (a round trip there)
    assert [p["sha256"] for p in ex.state()["photos"]] == [sha256(data)]
    assert up.offset(r.headers["Location"]) == len(data)
    plain = up.new(data, index="1").rsplit("/", 1)[1]
    stored = api.ctx.db.read(upload_store.get_upload, ex.run_id, plain)
    assert (stored is not None) == api.ctx.db.shared_across_processes


def test_start_up_cleaning_keeps_the_part_of_an_upload_being_received(api, ex, database_url):
    """A part with no row is a crash's leftover, unless a request is receiving it: a creation that carries
    bytes has no row until its first bytes are acknowledged, so neither this process's start-up cleaning
    nor another's (which finds the upload claimed in the shared database) may take its part."""
    here, elsewhere, leftover = ("upl_" + c * 32 for c in "abc")
    for upload_id in (here, elsewhere, leftover):
        store_unacknowledged(api, upload_id, 0, jpeg(5_000))
    tus_service._writers[here] = object()  # its writer: this process is receiving it
    other = None
    if database_url is not None:  # another process's session holds the upload's claim
        other = psycopg.connect(database_url, autocommit=True)
        other.execute("SELECT pg_advisory_lock(hashtextextended(%s, 2))", (f"upload:{elsewhere}",))
    try:
        removed = asyncio.run(tus_service.remove_leftover_parts(api.ctx))
        kept = {here} if other is None else {here, elsewhere}
        assert {u for u in (here, elsewhere, leftover) if has_part(api, u)} == kept
        assert removed == 3 - len(kept)
    finally:
        del tus_service._writers[here]
        if other is not None:
            other.close()
    assert asyncio.run(tus_service.remove_leftover_parts(api.ctx)) == len(kept)  # received no more
    assert not any(has_part(api, u) for u in (here, elsewhere, leftover))


def test_a_photo_sent_whole_takes_one_trip_to_a_worker_thread(api, ex, up, monkeypatch):
    """Issue 16: a thread woken and the loop told back cost about as much as a small photo's own Python, so
    a photo sent whole makes one trip for its bytes: written, checked and stored as the blob (the part
    opened on the way). Its part is removed by the writer thread once the attach commits, before the answer
    (a store whose `discard` is not a local call takes a second trip for it); there were five trips, with
    one for the open-upload count on SQLite. The database's own (PostgreSQL's reads and claims, off the
    loop) are not counted."""
    trips: list[str] = []
    real = asyncio.to_thread

    async def to_thread(fn, *args, **kwargs):
        if not fn.__module__.startswith("server.store"):
            trips.append(fn.__qualname__)
        return await real(fn, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", to_thread)
    data = jpeg(300_000)
    r = up.create_with(data, data)
    assert r.status_code == 201
    assert trips[0] == "_Receiver._completed" and len(trips) == (
        1 if api.ctx.media.discards_locally else 2
    ), trips
    assert not has_part(api, r.headers["Location"].rsplit("/", 1)[1])
    assert [p["sha256"] for p in ex.state()["photos"]] == [sha256(data)]


def test_a_creation_is_served_without_fastapis_dependency_resolution(ex, up, monkeypatch):
    """Issue 16: `HotPaths` serves the tus creation (FastAPI's routing and dependency resolution cost a
    photo sent whole a fifth of the server's own work on it), its errors still tus responses."""
    solved: list[str] = []
    real = fastapi.routing.solve_dependencies

    async def solve(*args, **kwargs):
        solved.append("solved")
        return await real(*args, **kwargs)

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", solve)
    data = jpeg(10_000)
    r = up.create_with(data, data)
    assert r.status_code == 201 and r.headers["Tus-Resumable"] == "1.0.0", r.text
    r = up.create_with(data, data, index="1", **{"Tus-Resumable": "0.2.0"})
    assert r.status_code == 412 and r.headers["Tus-Resumable"] == "1.0.0"
    r = ex.api.client.post(f"/v1/runs/{ex.run_id}/uploads", headers={**V, "Upload-Length": "10"})
    assert r.status_code == 401 and r.headers["Tus-Resumable"] == "1.0.0"  # no token
    assert solved == [] and [p["sha256"] for p in ex.state()["photos"]] == [sha256(data)]


def test_creation_with_the_first_bytes_then_patches_for_the_rest(api, ex, up):
    data = jpeg(300_000)
    r = up.create_with(data, data[:100_000])
    assert r.status_code == 201 and r.headers["Upload-Offset"] == "100000"
    url = r.headers["Location"]
    assert up.offset(url) == 100_000 and ex.state()["photos"] == []
    assert [(u["url"], u["offset"]) for u in ex.state()["uploads"]] == [(url, 100_000)]
    assert up.patch(url, data[100_000:], 100_000).headers["Upload-Offset"] == str(len(data))
    assert ex.state()["photos"][0]["sha256"] == sha256(data)


def test_a_creation_without_a_body_says_no_offset_and_one_with_an_empty_body_says_zero(ex, up):
    data = jpeg(5_000)
    plain = up.create(len(data))
    assert plain.status_code == 201 and "Upload-Offset" not in plain.headers
    empty = up.create_with(data, b"", index="1")
    assert empty.status_code == 201 and empty.headers["Upload-Offset"] == "0"


def test_a_cut_creation_body_keeps_the_bytes_received_and_resumes_from_there(api, ex, up):
    data = jpeg(50_000)
    headers = {
        "Upload-Length": str(len(data)),
        "Upload-Metadata": metadata(step_id="s-photo", photo_index="0", sha256=sha256(data)),
    }
    asgi_patch(
        api, f"/v1/runs/{ex.run_id}/uploads/", ex.token, 0, [data[:20_000]], len(data), headers, "POST"
    )
    [upload] = ex.state()["uploads"]  # where a client that never saw the answer finds it: slot and length
    assert (upload["step_id"], upload["photo_index"], upload["length"], upload["offset"]) == (
        "s-photo",
        0,
        len(data),
        20_000,
    )
    head = up.head(upload["url"])  # and its sha256, to be sure it is the same file
    assert int(head.headers["Upload-Offset"]) == 20_000
    assert tus_service.parse_metadata(head.headers["Upload-Metadata"])["sha256"] == sha256(data)
    assert up.patch(upload["url"], data[20_000:], 20_000).status_code == 204
    assert ex.state()["photos"][0]["sha256"] == sha256(data)


def test_creation_with_upload_errors(api, ex, up):
    data = jpeg(20_000)
    # A body of another type: refused before any upload exists.
    r = up.create_with(data, data, **{"Content-Type": "image/jpeg"})
    assert r.status_code == 415 and "Location" not in r.headers and ex.state()["uploads"] == []
    # Bytes past Upload-Length: 400, and the upload (holding nothing) stays for the client to resume.
    r = up.create_with(data, data + b"more")
    assert r.status_code == 400 and r.headers["Tus-Resumable"] == "1.0.0"
    assert up.offset(r.headers["Location"]) == 0
    # A chunk whose Upload-Checksum does not match is dropped whole; the upload stays at 0.
    r = up.create_with(data, data[:5_000], index="1", **{"Upload-Checksum": checksum(b"other")})
    assert r.status_code == 460 and up.offset(r.headers["Location"]) == 0
    assert up.patch(r.headers["Location"], data, 0).status_code == 204  # resumed from there
    # A whole file that is no image (415), or not the file whose sha256 was announced (460): terminated,
    # so no Location.
    not_image = b"not an image" + data[12:]
    r = up.create_with(not_image, not_image)
    assert r.status_code == 415 and "Location" not in r.headers, r.text
    r = up.create_with(data, jpeg(len(data) - 11))
    assert r.status_code == 460 and "Location" not in r.headers, r.text
    assert [u["offset"] for u in ex.state()["uploads"]] == [0]  # only the one refused at 400 is left


def test_a_photo_and_its_device_note_are_one_write(api, ex, up, monkeypatch):
    """Issue 16: the request's `Rundun-Device` note rides in the upload's own write job (two commits were
    two fsyncs a photo)."""
    from server.services.device import _note_job
    from server.tdl.device import HEADER, format_device

    data = jpeg(20_000)
    url = up.new(data)
    jobs, write = [], api.ctx.db.write

    def spy(fn, *args):
        jobs.append(fn)
        return write(fn, *args)

    monkeypatch.setattr(api.ctx.db, "write", spy)
    r = up.patch(url, data, 0, **{HEADER: format_device(1, len(data), 0, "rundun-desktop/1.0")})
    assert r.status_code == 204
    assert _note_job not in jobs and len(jobs) == 1  # the attach, with the note
    device = api.get(f"/v1/runs/{ex.run_id}").json()["device"]
    assert (device["pending_ops"], device["pending_bytes"]) == (1, len(data))
    # A request that writes nothing of its own still notes the device (a refused one counts as contact).
    r = up.patch(url, data, 0, **{HEADER: format_device(0, 0, 0, "rundun-desktop/1.0")})
    assert r.status_code == 409
    assert api.get(f"/v1/runs/{ex.run_id}").json()["device"]["pending_ops"] == 0


def test_a_photo_whose_device_news_another_request_wrote_first_still_counts_in_the_run(
    api, ex, up, monkeypatch
):
    """Issue 16: the attach leaves the run's new progress and status to its device note's UPDATE (one write
    of the run's row a photo, not two). When another request has written the same device news meanwhile,
    the note writes nothing, and the attach writes them itself; the news is announced once."""
    from server.services import device
    from server.tdl.device import HEADER, format_device, parse_device

    data = jpeg(20_000)
    url = up.new(data)
    before = api.get(f"/v1/runs/{ex.run_id}").json()
    header = format_device(2, 9_000, 0, "rundun-desktop/1.0")
    write, raced = api.ctx.db.write, []

    async def another_request_first(fn, *args):
        if not raced:  # the request's first write job (its attach): another request says the same first
            raced.append(await write(device._note_job, ex.run_id, parse_device(header)))
        return await write(fn, *args)

    monkeypatch.setattr(api.ctx.db, "write", another_request_first)
    assert up.patch(url, data, 0, **{HEADER: header}).status_code == 204
    assert raced == [True]
    run = api.get(f"/v1/runs/{ex.run_id}").json()
    assert run["progress"]["answered"] == before["progress"]["answered"] + 1
    assert run["status"] == "in_progress" and run["updated_at"] >= before["updated_at"]
    assert run["device"]["pending_ops"] == 2 and run["device"]["pending_bytes"] == 9_000
    announced = sql(
        api, "SELECT count(*) FROM events WHERE run_id = ? AND event = 'run.device'", (ex.run_id,)
    )
    assert announced == [(1,)]


def test_start_up_cleaning_leaves_a_part_its_writer_holds(api_factory):
    """Issue 16: a creation that carries bytes takes no claim in the database before its first bytes are
    acknowledged (files store): its part file's lock, held while it is written, keeps another process's
    start-up cleaning off it (a lock on another open file here stands for another process's)."""
    api = api_factory(media_store="files")
    written, leftover = ("upl_" + c * 32 for c in "de")
    store_unacknowledged(api, leftover, 0, jpeg(5_000))
    part = api.ctx.media.open_part(written, 0)  # a request is receiving it
    try:
        part.append([jpeg(5_000)])
        part.commit()
        assert asyncio.run(tus_service.remove_leftover_parts(api.ctx)) == 1
        assert has_part(api, written) and not has_part(api, leftover)
    finally:
        part.close()
    assert asyncio.run(tus_service.remove_leftover_parts(api.ctx)) == 1  # its writer let go: a leftover
    assert not has_part(api, written)


def test_a_part_removed_between_its_opening_and_its_lock_is_made_anew(tmp_path, monkeypatch):
    """Start-up cleaning took a part that held nothing acknowledged just as its first write opened it: the
    writer makes it again rather than write into a file no name leads to any more."""
    media = FileMediaStore(tmp_path)
    upload_id = "upl_" + "f" * 32
    real_flock, raced = files_store.fcntl.flock, []

    def flock(fd, operation):
        if not raced:
            raced.append(upload_id)
            media.discard(upload_id)  # the cleaner's unlink, between the writer's open and its lock
        return real_flock(fd, operation)

    monkeypatch.setattr(files_store.fcntl, "flock", flock)
    part = media.open_part(upload_id, 0)
    try:
        part.append([b"first bytes"])
        part.commit()
    finally:
        part.close()
    assert raced and media.part_path(upload_id).read_bytes() == b"first bytes"


# -- a slot's superseded uploads (issue 16's churn soak) ------------------------------------------------------
def _upload_id(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_a_photo_that_fills_its_slot_ends_the_slots_older_unfinished_uploads(api, ex, up):
    """An executor who retakes a photo while its upload is cut drops the older photo: its upload, never to
    be resumed, no longer holds its bytes and a place in the run's cap until it expires."""
    older, newer = jpeg(40_000), jpeg(60_000)
    cut = up.new(older)
    assert up.patch(cut, older[:10_000], 0).status_code == 204  # a row and a part
    empty = up.new(older)  # created, no byte yet (kept in memory)
    elsewhere = up.new(older, index="1")
    assert up.patch(elsewhere, older[:5_000], 0).status_code == 204
    assert len(ex.state()["uploads"]) == 3
    r = up.create_with(newer, newer)
    assert r.status_code == 201, r.text
    assert [(p["photo_index"], p["sha256"]) for p in ex.state()["photos"]] == [(0, sha256(newer))]
    assert [u["url"] for u in ex.state()["uploads"]] == [elsewhere]  # another slot's stays
    assert up.head(cut).status_code == 404 and up.head(empty).status_code == 404
    assert not has_part(api, _upload_id(cut)) and has_part(api, _upload_id(elsewhere))
    assert up.patch(cut, older[10_000:], 10_000).status_code == 404  # its client would start anew


def test_an_upload_created_after_the_photo_that_fills_the_slot_stays(api, ex, up):
    first, second = jpeg(40_000), jpeg(60_000)
    earlier = up.new(first)
    assert up.patch(earlier, first[:10_000], 0).status_code == 204
    later = up.new(second)
    assert up.patch(later, second[:10_000], 0).status_code == 204
    assert up.patch(earlier, first[10_000:], 10_000).status_code == 204  # the earlier one finishes first
    assert [u["url"] for u in ex.state()["uploads"]] == [later] and up.offset(later) == 10_000
    assert up.patch(later, second[10_000:], 10_000).status_code == 204
    assert ex.state()["photos"][0]["sha256"] == sha256(second) and ex.state()["uploads"] == []


def test_an_older_upload_being_received_stays_when_a_newer_photo_fills_the_slot(api, ex, up, monkeypatch):
    older, newer = jpeg(40_000), jpeg(60_000)
    receiving = up.new(older)
    assert up.patch(receiving, older[:10_000], 0).status_code == 204
    writer = tus_service._Writer(api.ctx.db, _upload_id(receiving))  # what a request receiving it holds
    monkeypatch.setitem(tus_service._writers, _upload_id(receiving), writer)
    assert up.create_with(newer, newer).status_code == 201
    assert [u["url"] for u in ex.state()["uploads"]] == [receiving]  # its request decides
    monkeypatch.delitem(tus_service._writers, _upload_id(receiving))
    assert up.offset(receiving) == 10_000 and has_part(api, _upload_id(receiving))


def test_an_older_upload_another_process_is_receiving_stays(tmp_path, pg_cluster):
    """Processes sharing PostgreSQL: the upload's claim, held by the process receiving it, keeps it (this
    test holds the claim on a connection of its own, as that process would)."""
    from tests.support.fixtures import make_api

    made = make_api(tmp_path, database_url=pg_cluster.new_database())
    api = next(made)
    try:
        ex = Executor.start(api)
        up = Tus(ex)
        older, newer = jpeg(40_000), jpeg(60_000)
        receiving = up.new(older)
        assert up.patch(receiving, older[:10_000], 0).status_code == 204
        claim = asyncio.run(api.ctx.db.claim(f"upload:{_upload_id(receiving)}", 0))
        assert claim is not None
        try:
            assert up.create_with(newer, newer).status_code == 201
            assert [u["url"] for u in ex.state()["uploads"]] == [receiving]
        finally:
            asyncio.run(claim.release())
        assert up.offset(receiving) == 10_000 and has_part(api, _upload_id(receiving))
    finally:
        made.close()


@pytest.mark.parametrize("how", ["put", "delete"])
def test_a_photo_put_or_removed_ends_the_slots_older_unfinished_uploads(api, ex, up, how):
    photo, retaken = jpeg(30_000), jpeg(40_000)
    assert ex.photo("s-photo", 0, photo).status_code == 200
    cut = up.new(retaken)
    assert up.patch(cut, retaken[:10_000], 0).status_code == 204
    elsewhere = up.new(retaken, index="1")
    if how == "put":
        assert ex.photo("s-photo", 0, jpeg(50_000)).status_code == 200
    else:
        assert ex.call("DELETE", "/answers/s-photo/photos/0").status_code == 204
    assert [u["url"] for u in ex.state()["uploads"]] == [elsewhere]
    assert up.head(cut).status_code == 404 and not has_part(api, _upload_id(cut))


def test_removing_a_photo_whose_upload_never_finished_ends_that_upload(api, ex, up):
    """The executor adds a photo, its upload is cut, and they remove it: the removal finds no photo (404),
    and the upload it made obsolete goes all the same."""
    photo = jpeg(40_000)
    cut = up.new(photo)
    assert up.patch(cut, photo[:10_000], 0).status_code == 204
    assert ex.call("DELETE", "/answers/s-photo/photos/0").status_code == 404
    assert ex.state()["uploads"] == [] and not has_part(api, _upload_id(cut))


def test_finished_uploads_are_forgotten_after_the_upload_ttl_and_their_photos_stay(api, ex, up):
    """A finished upload's row was kept for ever: one per photo ever sent, for as long as the server ran. It
    goes RUNDUN_UPLOAD_TTL_HOURS after it finished; a retried HEAD or last PATCH then gets 404 (a tus client
    starts a new upload; the photo is attached once per slot), and the photo stays attached."""
    from server.services import upkeep

    old, recent, unfinished = jpeg(3000), jpeg(4000), jpeg(5000)
    old_url, recent_url, unfinished_url = up.new(old), up.new(recent, index="1"), up.new(unfinished)
    assert up.patch(old_url, old, 0).status_code == 204
    assert up.patch(recent_url, recent, 0).status_code == 204
    assert up.patch(unfinished_url, unfinished[:100], 0).status_code == 204  # after the old one: a retake
    old_id = old_url.rsplit("/", 1)[1]
    sql(api, "UPDATE uploads SET updated_at = '2020-01-01T00:00:00Z' WHERE id = ?", (old_id,))
    before = api.get(f"/v1/runs/{ex.run_id}").json()
    counts = asyncio.run(upkeep.prune_once(api.ctx))
    assert counts["finished_uploads"] == 1 and counts["uploads"] == 0
    assert sql(api, "SELECT id FROM uploads WHERE id = ?", (old_id,)) == []
    assert up.head(old_url).status_code == 404
    assert up.patch(old_url, b"", len(old)).status_code == 404  # a last PATCH retried too late
    assert api.get(f"/v1/runs/{ex.run_id}").json()["answers"] == before["answers"]  # both photos attached
    assert {p["sha256"] for p in ex.state()["photos"]} == {sha256(old), sha256(recent)}
    assert up.offset(recent_url) == len(recent)  # finished within the TTL: still answered
    assert up.offset(unfinished_url) == 100  # an unfinished one keeps its own limit


@pytest.mark.sqlite_only
def test_a_tus_number_header_with_a_digit_that_is_no_decimal_is_400(server_process):
    # Over real HTTP: a header's byte 0xB2 reaches the app as "²" ("isdigit", yet no number for `int`); it
    # was a 500 and a stack trace in the log for each such request. (TestClient sends such a value as UTF-8.)
    server, key = server_process
    org = Org(server.url, key)
    run_id = org.dispatch(every_type()).rsplit("/", 1)[-1]
    token = httpx.post(f"{server.url}/v1/runs/{run_id}/open", json={}).json()["executor_token"]
    headers = {**V, **bearer(token), "Upload-Metadata": metadata(step_id="s-photo", photo_index="0")}
    uploads = f"{server.url}/v1/runs/{run_id}/uploads/"
    r = httpx.post(uploads, headers={**headers, "Upload-Length": b"\xb2"})
    assert r.status_code == 400 and r.json()["details"][0]["path"] == "Upload-Length", r.text
    data = jpeg()
    url = httpx.post(uploads, headers={**headers, "Upload-Length": str(len(data))}).headers["Location"]
    patch = {
        **V,
        **bearer(token),
        "Content-Type": "application/offset+octet-stream",
        "Upload-Offset": b"\xb2",
    }
    r = httpx.patch(f"{server.url}{url}", content=data, headers=patch)
    assert r.status_code == 400 and r.json()["details"][0]["path"] == "Upload-Offset", r.text
