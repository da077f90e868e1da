"""Media every process reaches (SPEC §9, issue 15): two real `rundun-server` processes, each with its own
data dir, on one throwaway PostgreSQL database, their media in PostgreSQL itself (the default there) or in
S3 (moto's server mode on loopback: a stand-in for a real S3). A tus upload begun on process A resumes on
process B from the offset A acknowledged, is attached once, and A serves the photo byte-identical; neither
data dir holds a byte of it."""

from __future__ import annotations

import hashlib
import secrets
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.support.executor import every_type, jpeg
from tests.support.server_process import init_org, run_cli, started_processes
from tests.support.tus_http import TUS, new_upload, photo_metadata, stalled_patch

pytestmark = pytest.mark.e2e


@pytest.fixture(params=["postgresql", "s3"])
def two_processes(request, tmp_path, pg_cluster):
    """Processes A and B on one fresh database and one media store; yields (a, b, key, store)."""
    env = {"RUNDUN_DATABASE_URL": pg_cluster.new_database(), "RUNDUN_RATE_LIMIT": "1000000"}
    store: dict = {"kind": request.param}
    if request.param == "s3":
        s3 = request.getfixturevalue("s3_server")
        store["bucket"] = s3.new_bucket("b" + secrets.token_hex(6))
        store["client"] = s3.client()
        env.update(s3.env(), RUNDUN_MEDIA_STORE=f"s3://{store['bucket']}/rundun")
    key = init_org(tmp_path / "a", env=env)
    with started_processes(tmp_path, ("a", "b"), env) as (a, b):
        yield a, b, key, store


def patch(url: str, token: str, offset: int, body: bytes) -> httpx.Response:
    headers = {
        **TUS,
        "Authorization": f"Bearer {token}",
        "Content-Type": "application/offset+octet-stream",
        "Upload-Offset": str(offset),
    }
    return httpx.patch(url, content=body, headers=headers, timeout=120)


def no_media_in(data_dir: Path) -> bool:
    return not any(p.is_file() for folder in ("media", "uploads") for p in (data_dir / folder).rglob("*"))


def test_a_tus_upload_begun_on_one_process_resumes_on_the_other(two_processes):
    a, b, key, store = two_processes
    auth = {"Authorization": f"Bearer {key}"}
    tid = httpx.post(f"{a.url}/v1/templates", json=every_type(), headers=auth, timeout=30).json()["id"]
    data = jpeg(7_000_000)  # S3: more than one 5 MiB part
    sha = hashlib.sha256(data).hexdigest()
    run_id, path, token = new_upload(a.url, key, tid, len(data), photo_metadata(sha))
    half = 3_500_000
    assert patch(f"{a.url}{path}", token, 0, data[:half]).status_code == 204

    head = httpx.head(f"{b.url}{path}", headers={**TUS, "Authorization": f"Bearer {token}"}, timeout=30)
    assert head.status_code == 200 and head.headers["Upload-Offset"] == str(half)
    done = patch(f"{b.url}{path}", token, half, data[half:])
    assert done.status_code == 204 and done.headers["Upload-Offset"] == str(len(data))
    again = patch(f"{a.url}{path}", token, len(data), b"")  # A retries the last request: nothing more
    assert again.status_code == 204

    doc = httpx.get(f"{a.url}/v1/runs/{run_id}", headers=auth, timeout=30).json()
    [photo] = doc["answers"]["s-photo"]["photos"]  # attached once
    assert photo["sha256"] == sha and photo["bytes"] == len(data)
    media = urlsplit(photo["url"])
    served = httpx.get(f"{a.url}{media.path}?{media.query}", timeout=60)
    assert served.status_code == 200 and hashlib.sha256(served.content).hexdigest() == sha
    assert served.content == data
    history = httpx.get(f"{b.url}/v1/runs/{run_id}/history", headers=auth, timeout=30).json()["data"]
    assert [entry["kind"] for entry in history].count("photo_attached") == 1
    state = httpx.get(
        f"{b.url}/v1/runs/{run_id}/state", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    assert state.json()["uploads"] == []
    assert no_media_in(a.data_dir) and no_media_in(b.data_dir)
    if store["kind"] == "s3":
        client, bucket = store["client"], store["bucket"]
        keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
        assert keys == [f"rundun/blobs/{sha}"]  # the photo; the upload's object and tails are gone
        assert client.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ("postgresql", "set RUNDUN_DATABASE_URL too"),
        ("ftp://somewhere/media", "must be files, postgresql or s3://bucket/prefix"),
        ("s3://", "must name a bucket"),
        ("s3://no-such-bucket/rundun", "cannot use the S3 bucket 'no-such-bucket'"),
    ],
)
def test_a_bad_media_store_is_one_line_at_start(tmp_path, s3_server, setting, words):
    done = run_cli(
        "serve",
        "--data-dir",
        str(tmp_path),
        "--port",
        "0",
        env={**s3_server.env(), "RUNDUN_MEDIA_STORE": setting},
    )
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ") and words in line, line


@pytest.mark.parametrize("two_processes", ["postgresql"], indirect=True)
def test_a_patch_on_the_other_process_waits_while_one_is_still_receiving_and_nothing_mixes(two_processes):
    """A's PATCH is still receiving (its client stalled); B's PATCH of the same upload may not write beside
    it: B waits for A's claim on the upload, then answers 409 (A still holds it) and stores nothing. Once A's
    connection drops, A acknowledges what it received, and B resumes from there to a byte-identical photo."""
    a, b, key, _ = two_processes
    auth = {"Authorization": f"Bearer {key}"}
    tid = httpx.post(f"{a.url}/v1/templates", json=every_type(), headers=auth, timeout=30).json()["id"]
    data = jpeg(2_000_000)
    run_id, path, token = new_upload(a.url, key, tid, len(data), photo_metadata())
    sent = 600_000
    stalled = stalled_patch(a.port, path, token, data, sent)
    try:
        meanwhile = patch(f"{b.url}{path}", token, 0, b"\xff" * len(data))  # other bytes, same offset
        assert meanwhile.status_code == 409, meanwhile.text
    finally:
        stalled.close()
    offset = wait_for_offset(b.url + path, token, sent)
    done = patch(f"{b.url}{path}", token, offset, data[offset:])
    assert done.status_code == 204, done.text
    doc = httpx.get(f"{a.url}/v1/runs/{run_id}", headers=auth, timeout=30).json()
    media = urlsplit(doc["answers"]["s-photo"]["photos"][0]["url"])
    assert httpx.get(f"{b.url}{media.path}?{media.query}", timeout=60).content == data


def wait_for_offset(url: str, token: str, expected: int, timeout: float = 60.0) -> int:
    """HEAD until the upload's offset reaches `expected` (A acknowledges a cut body's bytes once it sees the
    connection drop)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = httpx.head(url, headers={**TUS, "Authorization": f"Bearer {token}"}, timeout=30)
        if int(r.headers["Upload-Offset"]) >= expected:
            return int(r.headers["Upload-Offset"])
        time.sleep(0.05)
    raise AssertionError(f"the offset never reached {expected}")
