"""Webhooks and the event stream against the real `rundun-server` process and a real receiver on loopback:
at-least-once across SIGKILL, the connect-time SSRF guard on `localhost`, the whole life of a run, and a
shutdown that open streams do not hold up."""

from __future__ import annotations

import base64
import json
import signal
import struct
import zlib

import httpx
import pytest

from tests.support.hooks import (
    SECRET,
    HttpApi,
    cancel,
    dispatch,
    next_events,
    open_event_stream,
    settled,
    verify_signature,
    wait_deliveries,
)
from tests.support.server_process import ServerProcess, init_org

pytestmark = pytest.mark.e2e
ALLOW = {"RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1"}


@pytest.fixture
def serve(tmp_path, db_env):
    """Start the real server on tmp_path with extra RUNDUN_* variables; returns (process, api)."""
    started: list[ServerProcess] = []

    def start(**env) -> tuple[ServerProcess, HttpApi]:
        key = init_org(tmp_path, env=db_env)
        env = {"RUNDUN_RATE_LIMIT": "100000", "RUNDUN_WEBHOOK_RETRY_SCHEDULE": "0.2,0.2,0.2", **db_env, **env}
        server = ServerProcess(tmp_path, env=env).start()
        started.append(server)
        return server, HttpApi(server.url, key)

    yield start
    for server in started:
        server.stop()


def test_sigkill_with_the_delivery_in_flight_then_restart_delivers_the_same_event(serve, receiver):
    server, api = serve(**ALLOW)
    receiver.released.clear()  # the receiver takes the request and does not answer
    run_id = dispatch(api, receiver.url(), secret=SECRET)
    cancel(api, run_id)
    [held] = receiver.wait_count(1)
    server.kill()  # after the state change, before the delivery completed
    receiver.released.set()
    server.start()
    got = receiver.wait_count(2)[1]
    assert got.body == held.body and got.event_id == held.event_id
    assert got.headers["rundun-event-id"] == held.event_id
    verify_signature(got.body, got.headers["rundun-signature"])
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "delivered" and delivery["event_id"] == held.event_id
    assert delivery["attempts"] == 1  # the killed attempt was never recorded; it was simply made again


def test_sigkill_right_after_the_state_change_then_restart_delivers_it(serve, receiver):
    server, api = serve(**ALLOW)
    receiver.stop()  # refusing connections
    run_id = dispatch(api, receiver.url(), secret=SECRET)
    cancel(api, run_id)
    server.kill()
    receiver.start()
    server.start()
    [got] = receiver.wait_count(1)
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "delivered" and delivery["event_id"] == got.event_id
    assert got.json["event"] == "run.cancelled" and got.json["run_id"] == run_id
    verify_signature(got.body, got.headers["rundun-signature"])


def test_localhost_is_refused_at_connect_time_unless_private_addresses_are_allowed(serve, receiver):
    server, api = serve(**ALLOW)
    run_id = dispatch(api, receiver.url(host="localhost"))  # accepted while private addresses are allowed
    server.stop()
    server.env.pop("RUNDUN_WEBHOOK_ALLOW_PRIVATE")
    server.start()
    cancel(api, run_id)
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "failed" and delivery["attempts"] == 4
    assert all("refused to connect to localhost" in a["error"] for a in delivery["attempts_log"])
    assert receiver.received == []
    server.stop()
    server.env.update(ALLOW)
    server.start()
    assert api.post(f"/v1/webhook-deliveries/{delivery['id']}/redeliver").status_code == 200
    [got] = receiver.wait_count(1)
    assert got.event_id == delivery["event_id"]
    [delivery] = wait_deliveries(api, run_id, settled)
    assert delivery["status"] == "delivered"


def test_a_state_change_and_its_event_reach_the_receiver_and_the_stream_alike(serve, receiver):
    server, api = serve(**ALLOW)
    messages, close = open_event_stream(server.url, api)
    try:
        run_id = dispatch(api, receiver.url(), secret=SECRET)
        cancel(api, run_id)
        [streamed] = next_events(messages, 1)
        [got] = receiver.wait_count(1)
        assert streamed["id"] == got.event_id and streamed["data"].encode() == got.body
        assert streamed["event"] == "run.cancelled"
    finally:
        close()


def test_sigterm_is_not_held_up_by_open_streams(serve):
    server, api = serve()
    messages, close = open_event_stream(server.url, api)
    server.stop()  # SIGTERM; a process still running 15 s later is SIGKILLed
    # Ended by the SIGTERM (uvicorn re-raises it once shut down): with no graceful-shutdown bound, a stream
    # that held it would have had it SIGKILLed.
    assert server.proc.returncode == -signal.SIGTERM
    assert list(messages) == []  # the stream ended cleanly
    close()


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


LIFE = {
    "name": "Handover",
    "sections": [
        {
            "id": "g-1",
            "title": "Main",
            "steps": [
                {"id": "s-clean", "type": "boolean", "label": "Clean?"},
                {"id": "s-note", "type": "text", "label": "Notes", "config": {"max_length": 200}},
                {"id": "s-pic", "type": "photo", "label": "The room", "config": {"min": 1, "max": 2}},
            ],
        }
    ],
}


def test_the_whole_life_of_a_run_arrives_signed_in_order(serve, receiver):
    server, api = serve(**ALLOW)
    r = api.post("/v1/templates", json=LIFE)
    assert r.status_code == 201, r.text
    run_id = dispatch(api, receiver.url(), r.json()["id"], secret=SECRET)
    opened = httpx.post(f"{server.url}/v1/runs/{run_id}/open", json={})
    assert opened.status_code == 200, opened.text
    executor = {"Authorization": f"Bearer {opened.json()['executor_token']}"}
    at = "2026-05-22T08:31:00Z"
    for step_id, value in (("s-clean", True), ("s-note", "All fine")):
        put = httpx.put(
            f"{server.url}/v1/runs/{run_id}/answers/{step_id}",
            json={"value": value, "at": at},
            headers=executor,
        )
        assert put.status_code == 200, put.text
    png = _png()
    digest = "sha-256=:" + base64.b64encode(__import__("hashlib").sha256(png).digest()).decode() + ":"
    photo = httpx.put(
        f"{server.url}/v1/runs/{run_id}/answers/s-pic/photos/0",
        content=png,
        headers={**executor, "Content-Type": "image/png", "Content-Digest": digest},
    )
    assert photo.status_code == 200, photo.text
    done = httpx.post(f"{server.url}/v1/runs/{run_id}/complete", json={"at": at}, headers=executor)
    assert done.status_code == 200, done.text

    got = receiver.wait_for(lambda items: any(r.json["event"] == "run.completed" for r in items))
    events = [r.json["event"] for r in got]
    assert events[0] == "run.opened" and events[-1] == "run.completed"
    assert events.count("step.completed") >= 2
    for r in got:
        verify_signature(r.body, r.headers["rundun-signature"])
        assert r.headers["rundun-event-id"] == r.json["id"] and r.json["run_id"] == run_id
    completed = got[-1].json["data"]
    assert (
        completed["status"] == "completed"
        and completed["completed_at"]
        and completed["executor_ref"] == "booking_1"
    )
    assert completed["progress"]["answered"] == completed["progress"]["total"] == 3
    assert completed["answers"]["s-clean"]["value"] is True
    assert completed["answers"]["s-note"]["value"] == "All fine"
    [pic] = completed["answers"]["s-pic"]["photos"]
    assert (
        pic["url"].startswith(f"{server.url}/media/")
        and pic["sha256"] == __import__("hashlib").sha256(png).hexdigest()
    )
    fetched = httpx.get(pic["url"])
    assert fetched.status_code == 200 and fetched.content == png
    log = wait_deliveries(api, run_id, lambda found: settled(found) and len(found) == len(got))
    assert [d["event_id"] for d in log] == [r.event_id for r in got]
    assert json.loads(got[-1].body)["data"]["executor_identity"] == completed["executor_identity"]
