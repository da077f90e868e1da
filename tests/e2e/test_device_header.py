"""SPEC §10 end to end: the desktop sync engine sends `Rundun-Device` to the REAL server process, which keeps
what it says on the run (`device` in the run document), while a photo is still on its way and once it is not."""

from __future__ import annotations

import asyncio
import os

import pytest

from rundun_desktop.executor import store as st
from rundun_desktop.executor.opening import open_into
from rundun_desktop.executor.sync import SyncConfig, SyncEngine
from tests.e2e.test_offline_sync import Server

pytestmark = pytest.mark.e2e
TEMPLATE = {
    "name": "Meter",
    "sections": [
        {
            "id": "g-1",
            "title": "Main",
            "steps": [
                {"id": "s-photo", "type": "photo", "label": "Meter", "config": {"min": 1, "max": 1}},
                {"id": "s-km", "type": "number", "label": "Km", "config": {"min": 0, "max": 10}},
            ],
        }
    ],
}


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path / "server")
    yield s
    s.close()


def test_the_engine_reports_work_on_the_device_and_then_that_none_is_left(server, tmp_path):
    root = tmp_path / "exe"
    run_id = asyncio.run(open_into(root, server.dispatch(TEMPLATE)))
    opened = server.run_doc(run_id)["device"]
    assert opened["pending_ops"] == 0 and opened["app"].startswith("rundun-desktop/")

    store = st.LocalStore(root)
    data = b"\xff\xd8\xff\xe0" + os.urandom(3 * 1024 * 1024)
    store.add_photo(run_id, "s-photo", st.write_photo(root, data), 0)
    store.set_answer(run_id, "s-km", 99)  # beyond the step's max: the server refuses it (a failed op)
    store.close()

    async def scenario() -> dict:
        midway = asyncio.Event()

        def listen(event: str, payload) -> None:
            if event == "upload" and payload["offset"] >= 1024 * 1024:
                midway.set()

        engine = SyncEngine(
            root, config=SyncConfig(chunk_size=64 * 1024, photo_concurrency=1), listener=listen
        )
        engine.start()
        await asyncio.wait_for(midway.wait(), 60)
        during = await asyncio.to_thread(server.run_doc, run_id)
        assert await engine.drain(60)
        await engine.stop()
        return during["device"]

    during = asyncio.run(scenario())
    assert during["pending_ops"] >= 1 and during["pending_bytes"] >= 1024 * 1024
    after = server.run_doc(run_id)
    assert after["answers"]["s-photo"]["photos"][0]["bytes"] == len(data)
    device = after["device"]
    assert (device["pending_ops"], device["pending_bytes"], device["failed_ops"]) == (0, 0, 1)
    assert device["last_contact_at"] >= opened["last_contact_at"]
