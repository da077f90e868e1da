"""tus uploads on the real server (issue 13, point 5): a cap on unfinished uploads per run, abandoned
uploads expired with their bytes, and part files left by a crash removed at start-up."""

from __future__ import annotations

import base64
import sqlite3
import time
from pathlib import Path

import httpx

from tests.support.executor import jpeg
from tests.support.samples import minimal
from tests.support.server_process import ServerProcess, init_org

TUS = {"Tus-Resumable": "1.0.0"}
DEADLINE_S = 60.0
PHOTO_TEMPLATE = minimal("Photos")
PHOTO_TEMPLATE["sections"][0]["steps"] = [
    {"id": "s-photo", "type": "photo", "label": "Photo", "config": {"min": 0, "max": 2}}
]
CAP = 2 * (2 + 1)  # the default 2 per photo slot: the step's 2 and the run's signature


class Uploads:
    """One opened run's tus endpoint on a real server."""

    def __init__(self, server: ServerProcess, key: str):
        self.url = server.url
        auth = {"Authorization": f"Bearer {key}"}
        tid = httpx.post(f"{self.url}/v1/templates", json=PHOTO_TEMPLATE, headers=auth, timeout=60).json()[
            "id"
        ]
        self.run_id = httpx.post(f"{self.url}/v1/runs", json={"template_id": tid}, headers=auth).json()[
            "run_id"
        ]
        token = httpx.post(f"{self.url}/v1/runs/{self.run_id}/open", json={}).json()["executor_token"]
        self.headers = {**TUS, "Authorization": f"Bearer {token}"}

    def create(self, length: int, index: int = 0) -> httpx.Response:
        meta = f"step_id {base64.b64encode(b's-photo').decode()},photo_index {base64.b64encode(str(index).encode()).decode()}"
        return httpx.post(
            f"{self.url}/v1/runs/{self.run_id}/uploads/",
            headers={**self.headers, "Upload-Length": str(length), "Upload-Metadata": meta},
        )

    def patch(self, location: str, offset: int, data: bytes) -> httpx.Response:
        headers = {
            **self.headers,
            "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream",
        }
        return httpx.patch(f"{self.url}{location}", content=data, headers=headers)

    def head(self, location: str) -> httpx.Response:
        return httpx.head(f"{self.url}{location}", headers=self.headers)

    def delete(self, location: str) -> httpx.Response:
        return httpx.delete(f"{self.url}{location}", headers=self.headers)

    def open_count(self) -> int:
        return len(
            httpx.get(f"{self.url}/v1/runs/{self.run_id}/state", headers=self.headers).json()["uploads"]
        )


def _part(data_dir: Path, location: str) -> Path:
    return data_dir / "uploads" / f"{location.rsplit('/', 1)[1]}.part"


def _wait(condition, what: str) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_open_uploads_per_run_are_capped(tmp_path):
    key = init_org(tmp_path)
    server = ServerProcess(tmp_path, env={"RUNDUN_RATE_LIMIT": "100000"}).start(timeout=60)
    try:
        uploads = Uploads(server, key)
        created = [uploads.create(20 * 1024 * 1024) for _ in range(CAP)]
        assert [r.status_code for r in created] == [201] * CAP
        refused = uploads.create(20 * 1024 * 1024)
        assert refused.status_code == 409 and refused.json()["error"] == "conflict"
        assert refused.headers["Tus-Resumable"] == "1.0.0"
        assert uploads.open_count() == CAP
        assert uploads.delete(created[0].headers["Location"]).status_code == 204
        assert uploads.create(1000).status_code == 201  # room again
    finally:
        server.stop()


def test_an_abandoned_upload_is_removed_with_its_bytes(tmp_path):
    key = init_org(tmp_path)
    env = {"RUNDUN_UPLOAD_TTL_HOURS": "0.0005", "RUNDUN_PRUNE_INTERVAL": "0.5", "RUNDUN_RATE_LIMIT": "100000"}
    server = ServerProcess(tmp_path, env=env).start(timeout=60)
    try:
        uploads = Uploads(server, key)
        location = uploads.create(10_000).headers["Location"]
        assert uploads.patch(location, 0, b"x" * 100).status_code == 204
        assert _part(tmp_path, location).exists() or uploads.head(location).status_code == 404
        # The record goes first, then its bytes (a crash between leaves a part file the next start removes).
        _wait(
            lambda: uploads.head(location).status_code == 404 and not _part(tmp_path, location).exists(),
            "the abandoned upload or its bytes were never removed",
        )
        assert uploads.open_count() == 0
    finally:
        server.stop()


def test_leftover_part_files_are_removed_at_start_up(tmp_path):
    key = init_org(tmp_path)
    server = ServerProcess(tmp_path, env={"RUNDUN_RATE_LIMIT": "100000"}).start(timeout=60)
    photo = jpeg()
    try:
        uploads = Uploads(server, key)
        attached = uploads.create(len(photo), index=0).headers["Location"]
        assert uploads.patch(attached, 0, photo).status_code == 204
        receiving = uploads.create(len(photo), index=1).headers["Location"]
        assert uploads.patch(receiving, 0, photo[:100]).status_code == 204
    finally:
        server.kill()
    # What a SIGKILL between attaching a photo and removing its part file leaves, and a stray part file.
    _part(tmp_path, attached).write_bytes(photo)
    stray = tmp_path / "uploads" / "upl_00000000000000000000000000000000.part"
    stray.write_bytes(b"x" * 1000)
    server = ServerProcess(tmp_path, env={"RUNDUN_RATE_LIMIT": "100000"}, port=server.port).start(timeout=60)
    try:
        _wait(lambda: not _part(tmp_path, attached).exists() and not stray.exists(), "leftovers stayed")
        assert _part(tmp_path, receiving).exists()  # an unfinished upload keeps its bytes and resumes
        head = uploads.head(receiving)
        assert head.status_code == 200 and head.headers["Upload-Offset"] == "100"
        assert uploads.patch(receiving, 100, photo[100:]).status_code == 204
    finally:
        server.stop()


def test_retaking_photos_over_a_link_that_drops_never_fills_the_cap(tmp_path):
    """Issue 16's churn soak: each retake leaves the older photo's cut upload behind (its client dropped
    it); once the newer photo fills the slot, that upload goes with its bytes, so the run never reaches its
    cap, however many retakes a day brings."""
    key = init_org(tmp_path)
    server = ServerProcess(tmp_path, env={"RUNDUN_RATE_LIMIT": "100000"}).start(timeout=60)
    try:
        uploads = Uploads(server, key)
        left_behind = []
        for retake in range(CAP + 2):
            photo = jpeg(20_000 + 1_000 * retake)
            cut = uploads.create(len(photo))
            assert cut.status_code == 201, cut.text  # the cap never refuses it
            assert uploads.patch(cut.headers["Location"], 0, photo[:5_000]).status_code == 204
            left_behind.append(cut.headers["Location"])
            retaken = jpeg(10_000 + 1_000 * retake)
            whole = uploads.create(len(retaken)).headers["Location"]
            assert uploads.patch(whole, 0, retaken).status_code == 204
            assert uploads.open_count() == 0
        for location in left_behind:
            assert uploads.head(location).status_code == 404 and not _part(tmp_path, location).exists()
    finally:
        server.stop()


def _upload_rows(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "rundun.db") as conn:
        return conn.execute("SELECT count(*) FROM uploads").fetchone()[0]


def test_finished_uploads_do_not_pile_up_and_their_photos_stay(tmp_path):
    """A soak of photos sent over tus on the real server: each finished upload's row is forgotten once
    RUNDUN_UPLOAD_TTL_HOURS has passed since it finished (a finished row was kept for ever, one per photo
    ever sent), so the table holds no more than the last round's; HEAD and a retried last PATCH then answer
    404, as tus clients expect of an upload the server no longer knows, and every photo stays attached."""
    key = init_org(tmp_path)
    env = {"RUNDUN_UPLOAD_TTL_HOURS": "0.0005", "RUNDUN_PRUNE_INTERVAL": "0.5", "RUNDUN_RATE_LIMIT": "100000"}
    server = ServerProcess(tmp_path, env=env).start(timeout=60)
    try:
        rounds, per_round = 5, 6
        first = None
        for round_ in range(rounds):
            for i in range(per_round):
                uploads = Uploads(server, key)  # a run of its own each: two photo slots
                photo = jpeg(2000 + 100 * round_ + i)
                location = uploads.create(len(photo), index=i % 2).headers["Location"]
                assert uploads.patch(location, 0, photo).status_code == 204
                first = first or (uploads, location, photo)
            # The rows of earlier rounds go: the table never holds more than one round's.
            _wait(lambda: _upload_rows(tmp_path) <= per_round, "finished uploads piled up")
        _wait(lambda: _upload_rows(tmp_path) == 0, "the last round's finished uploads stayed")
        uploads, location, photo = first
        assert uploads.head(location).status_code == 404
        assert uploads.patch(location, len(photo), b"").status_code == 404
        auth = {"Authorization": f"Bearer {key}"}
        run = httpx.get(f"{server.url}/v1/runs/{uploads.run_id}", headers=auth).json()
        [kept] = run["answers"]["s-photo"]["photos"]
        assert httpx.get(kept["url"]).content == photo  # still attached, its bytes served
    finally:
        server.stop()
