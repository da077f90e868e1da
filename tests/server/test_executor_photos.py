"""SPEC §5 photos and signature: magic bytes, size, Content-Digest, slots, idempotence, DELETE, the blob
store, and the signed media URLs that serve them."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from server.services import media
from tests.support.executor import Executor, content_digest, every_type, heic, jpeg, png, sha256, webp
from tests.support.media import blob_bytes, has_blob


@pytest.fixture
def ex(api) -> Executor:
    return Executor.start(api)


def fetch(api, url: str):
    parts = urlsplit(url)
    return api.client.get(f"{parts.path}?{parts.query}" if parts.query else parts.path)


@pytest.mark.parametrize(
    ("make", "content_type", "ext"),
    [
        (jpeg, "image/jpeg", "jpg"),
        (png, "image/png", "png"),
        (webp, "image/webp", "webp"),
        (heic, "image/heic", "heic"),
    ],
)
def test_each_accepted_type_is_stored_and_served(api, ex, make, content_type, ext):
    data = make()
    r = ex.photo(
        "s-photo", 1, data, **{"Content-Type": "application/octet-stream"}
    )  # the header is not trusted
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["photo_index"] == 1 and out["sha256"] == sha256(data) and out["bytes"] == len(data)
    assert urlsplit(out["url"]).path == f"/media/{ex.run_id}/s-photo/1.{ext}"
    served = fetch(api, out["url"])
    assert served.status_code == 200 and served.content == data
    assert served.headers["content-type"] == content_type
    assert blob_bytes(api, out["sha256"]) == data


def test_heif_brands(api, ex):
    assert ex.photo("s-photo", 0, heic(brand=b"mif1")).json()["url"].split("?")[0].endswith(".heif")
    assert ex.photo("s-photo", 1, heic(brand=b"heix")).json()["url"].split("?")[0].endswith(".heic")
    assert ex.photo("s-photo", 1, heic(brand=b"avif")).status_code == 415


@pytest.mark.parametrize("data", [b"", b"GIF89a" + b"\0" * 100, b"%PDF-1.7", b"\xff\xd8", b"hello world"])
def test_other_bodies_are_415(api, ex, data):
    r = ex.photo("s-photo", 0, data, **{"Content-Type": "image/jpeg"})
    assert r.status_code == 415 and r.json()["error"] == "unsupported_media_type"
    assert ex.state()["photos"] == []


def test_too_large_is_413(api_factory):
    api = api_factory(max_photo_mb=0.01)
    ex = Executor.start(api)
    r = ex.photo("s-photo", 0, jpeg(11_000))
    assert r.status_code == 413 and r.json()["error"] == "payload_too_large"
    assert ex.photo("s-photo", 0, jpeg(9_000)).status_code == 200

    def chunks():  # no Content-Length: the limit applies while the body streams in
        yield jpeg(6_000)
        yield b"\0" * 6_000

    r = ex.call("PUT", "/answers/s-photo/photos/1", content=chunks())
    assert r.status_code == 413
    assert len(ex.state()["photos"]) == 1


def test_content_digest(api, ex):
    data = jpeg()
    ok = ex.photo("s-photo", 0, data, **{"Content-Digest": content_digest(data)})
    assert ok.status_code == 200
    other = jpeg()
    r = ex.photo("s-photo", 1, other, **{"Content-Digest": content_digest(data)})
    assert r.status_code == 400 and r.json()["error"] == "bad_request"
    assert not has_blob(api, sha256(other))  # nothing stored, not even the blob
    assert [p["photo_index"] for p in ex.state()["photos"]] == [0]
    # Malformed (`garbage` and the like were ignored, and the photo stored): 400, nothing stored
    for header in ("sha-256=:not base64!:", "sha-256=garbage", "garbage", "sha-512=AAAA", "md5=:AAAA:, x"):
        r = ex.photo("s-photo", 1, other, **{"Content-Digest": header})
        assert r.status_code == 400 and r.json()["details"][0]["path"] == "Content-Digest", (header, r.text)
        assert "malformed" in r.json()["message"] or "base64" in r.json()["message"]
    assert not has_blob(api, sha256(other)) and [p["photo_index"] for p in ex.state()["photos"]] == [0]
    # Several algorithms: sha-256 is the one checked; others alone are ignored.
    both = f"sha-512=:AAAA:, {content_digest(other)}"
    assert ex.photo("s-photo", 1, other, **{"Content-Digest": both}).status_code == 200
    assert ex.photo("s-photo", 1, jpeg(), **{"Content-Digest": "sha-512=:AAAA:"}).status_code == 200


def test_slots(api, ex):
    assert ex.photo("s-photo", 1, jpeg()).status_code == 200  # photo step: config.max is 2
    for step_id, index, path in [
        ("s-photo", 2, "photo_index"),
        ("s-geo", 2, "photo_index"),
        ("s-bool", 0, "step_id"),
        ("s-info", 0, "step_id"),
        ("s-nope", 0, "step_id"),
        ("s-sig", 1, "photo_index"),
    ]:
        r = ex.photo(step_id, index, jpeg())
        assert r.status_code == 422 and r.json()["details"][0]["path"] == path, (step_id, index)
    assert ex.photo("s-geo", 1, jpeg()).status_code == 200  # step-level photo {min: 1, max: 2}
    assert ex.call("PUT", "/answers/s-photo/photos/-1", content=jpeg()).status_code == 422


def test_signature_steps_take_one_png(api, ex):
    assert ex.photo("s-sig", 0, jpeg()).status_code == 415
    r = ex.photo("s-sig", 0, png())
    assert r.status_code == 200
    assert ex.state()["answers"]["s-sig"]["photos"][0]["photo_index"] == 0


def test_same_bytes_again_change_nothing_and_other_bytes_replace(api, ex):
    first, second = jpeg(), png()
    a = ex.photo("s-photo", 0, first).json()
    b = ex.photo("s-photo", 0, first).json()
    assert a == b
    assert len(ex.state()["photos"]) == 1
    c = ex.photo("s-photo", 0, second).json()
    assert c["sha256"] == sha256(second) and c["url"].split("?")[0].endswith("/0.png")
    assert ex.state()["photos"] == [
        {
            "step_id": "s-photo",
            "photo_index": 0,
            "sha256": sha256(second),
            "bytes": len(second),
            "taken_at": None,
        }
    ]
    assert not has_blob(api, sha256(first))  # no longer referenced: gone
    assert fetch(api, c["url"]).content == second


def test_a_blob_shared_by_two_runs_stays_while_one_uses_it(api):
    data = jpeg()
    one, two = Executor.start(api), Executor.start(api)
    assert one.photo("s-photo", 0, data).status_code == 200
    assert two.photo("s-photo", 0, data).status_code == 200
    assert one.call("DELETE", "/answers/s-photo/photos/0").status_code == 204
    assert has_blob(api, sha256(data))
    assert two.call("DELETE", "/answers/s-photo/photos/0").status_code == 204
    assert not has_blob(api, sha256(data))


def test_photos_count_towards_progress(api, ex):
    assert ex.photo("s-photo", 0, jpeg()).status_code == 200
    doc = api.get(f"/v1/runs/{ex.run_id}").json()
    assert doc["progress"]["answered"] == 1 and doc["status"] == "in_progress"
    assert doc["answers"]["s-photo"]["photos"][0]["photo_index"] == 0
    r = ex.call("DELETE", "/answers/s-photo/photos/0")
    assert r.status_code == 204
    assert api.get(f"/v1/runs/{ex.run_id}").json()["progress"]["answered"] == 0


def test_delete(api, ex):
    r = ex.call("DELETE", "/answers/s-photo/photos/0")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    url = ex.photo("s-photo", 0, jpeg()).json()["url"]
    assert ex.call("DELETE", "/answers/s-photo/photos/0").status_code == 204
    assert ex.call("DELETE", "/answers/s-photo/photos/0").status_code == 404
    assert fetch(api, url).status_code == 404
    assert ex.call("DELETE", "/answers/s-bool/photos/0").status_code == 422


def test_photos_on_a_closed_run_are_409(api, ex):
    ex.photo("s-photo", 0, jpeg())
    api.post(f"/v1/runs/{ex.run_id}/cancel")
    assert ex.photo("s-photo", 1, jpeg()).json()["error"] == "run_closed"
    assert ex.call("DELETE", "/answers/s-photo/photos/0").status_code == 409
    assert ex.call("PUT", "/signature", content=png()).status_code == 409


def test_run_signature_is_a_png(api):
    ex = Executor.start(api, every_type(signature_on_complete=True))
    r = ex.call("PUT", "/signature", content=jpeg())
    assert r.status_code == 415 and r.json()["error"] == "unsupported_media_type"
    data = png()
    r = ex.call("PUT", "/signature", content=data)
    assert r.status_code == 200 and r.json()["sha256"] == sha256(data)
    state = ex.state()
    assert state["signature"]["sha256"] == sha256(data) and state["photos"] == []
    assert "_signature" not in state["answers"]
    doc = api.get(f"/v1/runs/{ex.run_id}").json()
    assert doc["signature"]["sha256"] == sha256(data) and "_signature" not in doc["answers"]
    assert fetch(api, doc["signature"]["url"]).content == data
    r = ex.call("PUT", "/signature", content=png(), headers={"Content-Digest": content_digest(b"x")})
    assert r.status_code == 400


# -- media URLs --------------------------------------------------------------------------------------------
def test_media_urls_must_be_signed_and_fresh(api, ex):
    url = ex.photo("s-photo", 0, jpeg()).json()["url"]
    parts = urlsplit(url)
    assert fetch(api, url).status_code == 200
    params = dict(p.split("=", 1) for p in parts.query.split("&"))
    refused = [
        parts.path,  # unsigned
        f"{parts.path}?exp={params['exp']}",
        f"{parts.path}?exp={params['exp']}&sig={'0' * 64}",  # tampered signature
        f"{parts.path}?exp={int(params['exp']) + 60}&sig={params['sig']}",  # extended expiry
        f"{parts.path.replace('/0.jpg', '/1.jpg')}?{parts.query}",  # another photo, same signature
        f"/media/r-00000000-0000-4000-8000-000000000000/s-photo/0.jpg?{parts.query}",
    ]
    for address in refused:
        r = api.client.get(address)
        assert r.status_code == 403 and r.json()["error"] == "forbidden", address
    expired_exp = int(time.time()) - 10
    expired_path = media.media_path(ex.run_id, "s-photo", 0, "image/jpeg")
    expired = f"{expired_path}?exp={expired_exp}&sig={media.sign(api.ctx, expired_path, expired_exp)}"
    assert api.client.get(expired).status_code == 403


def test_a_signed_url_for_a_missing_photo_is_404(api, ex):
    path = media.media_path(ex.run_id, "s-photo", 1, "image/jpeg")
    exp = int(time.time()) + 60
    assert api.client.get(f"{path}?exp={exp}&sig={media.sign(api.ctx, path, exp)}").status_code == 404


def test_media_urls_honour_the_ttl(api_factory):
    api = api_factory(media_url_ttl=120)
    ex = Executor.start(api)
    exp = int(
        dict(p.split("=") for p in urlsplit(ex.photo("s-photo", 0, jpeg()).json()["url"]).query.split("&"))[
            "exp"
        ]
    )
    assert time.time() + 60 <= exp <= time.time() + 120
