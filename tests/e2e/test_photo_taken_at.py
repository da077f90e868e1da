"""A photo's offline time reaches the server (issue 12): the desktop keeps when a photo was taken (its EXIF,
else when it was added) and sends it as the tus upload's `taken_at`; the real server stores it (migration
0012) and shows it on the photo in the run's documents. A malformed `taken_at` is a 422 that stores nothing;
one in the future beyond the skew is clamped to the server's now."""

from __future__ import annotations

import asyncio
import base64
import io
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from PIL import Image

from rundun_desktop.executor import photo_prep
from rundun_desktop.executor import store as st
from rundun_desktop.executor.opening import open_into
from rundun_desktop.executor.sync import SyncConfig, SyncEngine
from tests.support.org import Org
from tests.support.server_process import ServerProcess, init_org

pytestmark = pytest.mark.e2e

TEMPLATE = {
    "name": "Two photos",
    "sections": [
        {
            "id": "g-1",
            "title": "Main",
            "steps": [{"id": "s-photo", "type": "photo", "label": "Meter", "config": {"min": 1, "max": 2}}],
        }
    ],
}


@pytest.fixture
def server(tmp_path):
    key = init_org(tmp_path / "server")
    process = ServerProcess(tmp_path / "server", env={"RUNDUN_RATE_LIMIT": "1000000"}).start()
    org = Org(process.url, key)
    yield org, process
    org.http.close()
    process.stop()


def camera_jpeg(taken: str, offset: str | None) -> bytes:
    """A JPEG whose EXIF says when (and, with `offset`, in which zone) a camera took it."""
    image = Image.new("RGB", (64, 48), (120, 80, 40))
    exif = image.getexif()
    inner = exif.get_ifd(photo_prep.EXIF_IFD)
    inner[photo_prep.DATETIME_ORIGINAL] = taken
    if offset:
        inner[photo_prep.OFFSET_TIME_ORIGINAL] = offset
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_the_time_a_photo_was_taken_travels_to_the_server(server, tmp_path):
    org, process = server
    root = tmp_path / "exe"
    run_id = asyncio.run(open_into(root, org.dispatch(TEMPLATE)))
    store = st.LocalStore(root)
    taken = camera_jpeg("2026:05:22 08:31:00", "+02:00")
    plain = b"\xff\xd8\xff\xe0" + bytes(2048)  # no EXIF: the time it was added here
    added = datetime(2026, 5, 23, 9, 0, tzinfo=UTC).timestamp()
    assert photo_prep.taken_at(taken) == "2026-05-22T08:31:00+02:00"
    store.add_photo(run_id, "s-photo", st.write_photo(root, taken), 0, taken_at=photo_prep.taken_at(taken))
    store.add_photo(
        run_id, "s-photo", st.write_photo(root, plain), 1, taken_at=photo_prep.taken_at(plain, added)
    )

    async def sync() -> None:
        engine = SyncEngine(root, config=SyncConfig(backoff_base=0.05, probe_interval=0.1))
        engine.start()
        assert await engine.drain(60)
        await engine.stop()

    asyncio.run(sync())
    photos = org.run_doc(run_id)["answers"]["s-photo"]["photos"]
    assert [(p["photo_index"], p["taken_at"]) for p in photos] == [
        (0, "2026-05-22T06:31:00Z"),  # stored in UTC
        (1, "2026-05-23T09:00:00Z"),
    ]
    token = store.run(run_id)["token"]
    state = httpx.get(f"{process.url}/v1/runs/{run_id}/state", headers={"Authorization": f"Bearer {token}"})
    assert [p["taken_at"] for p in state.json()["photos"]] == ["2026-05-22T06:31:00Z", "2026-05-23T09:00:00Z"]
    store.close()


def meta(**pairs: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in pairs.items())


@pytest.mark.parametrize("bad", ["yesterday", "2026-05-22", "2026-05-22T08:31:00", "2026-13-40T99:00:00Z"])
def test_a_malformed_taken_at_is_422_and_stores_nothing(server, tmp_path, bad):
    org, process = server
    run_id = asyncio.run(open_into(tmp_path / "exe", org.dispatch(TEMPLATE)))
    store = st.LocalStore(tmp_path / "exe")
    auth = {"Authorization": f"Bearer {store.run(run_id)['token']}", "Tus-Resumable": "1.0.0"}
    store.close()
    base = f"{process.url}/v1/runs/{run_id}"
    r = httpx.post(
        f"{base}/uploads/",
        headers={
            **auth,
            "Upload-Length": "100",
            "Upload-Metadata": meta(step_id="s-photo", photo_index="0", taken_at=bad),
        },
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "validation_error"
    assert r.json()["details"][0]["path"] == "Upload-Metadata.taken_at"
    assert httpx.get(f"{base}/state", headers=auth).json()["uploads"] == []


def test_a_taken_at_in_the_future_is_clamped_to_the_servers_now(server, tmp_path):
    org, process = server
    run_id = asyncio.run(open_into(tmp_path / "exe", org.dispatch(TEMPLATE)))
    store = st.LocalStore(tmp_path / "exe")
    auth = {"Authorization": f"Bearer {store.run(run_id)['token']}", "Tus-Resumable": "1.0.0"}
    store.close()
    data = b"\xff\xd8\xff\xe0" + bytes(1000)
    ahead = (datetime.now(UTC) + timedelta(days=3)).isoformat(timespec="seconds")
    base = f"{process.url}/v1/runs/{run_id}"
    r = httpx.post(
        f"{base}/uploads/",
        headers={
            **auth,
            "Upload-Length": str(len(data)),
            "Upload-Metadata": meta(step_id="s-photo", photo_index="0", taken_at=ahead),
        },
    )
    assert r.status_code == 201, r.text
    patch = {**auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"}
    assert (
        httpx.patch(f"{process.url}{r.headers['Location']}", content=data, headers=patch).status_code == 204
    )
    taken = org.run_doc(run_id)["answers"]["s-photo"]["photos"][0]["taken_at"]
    assert datetime.fromisoformat(taken) <= datetime.now(UTC) + timedelta(minutes=5)
    assert datetime.fromisoformat(taken) >= datetime.now(UTC) - timedelta(minutes=10)
