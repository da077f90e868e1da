"""`GET /v1/events`: live server-sent events over real HTTP (uvicorn in a thread), resumable, org-scoped,
with heartbeats, ending when the client leaves or the server shuts down."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest

from server.bootstrap import init_org
from tests.support.hooks import (
    HttpApi,
    LiveApp,
    cancel,
    dispatch,
    emit,
    new_template,
    next_events,
    open_event_stream,
)


@pytest.fixture
def live(tmp_path):
    app = LiveApp(tmp_path, sse_heartbeat=0.3).start()
    yield app
    app.stop()


def org_api(live: LiveApp, name: str) -> HttpApi:
    org, key = init_org(live.app.state.ctx.db, name, "unlimited")
    return HttpApi(live.url, key, org)


def open_stream(live: LiveApp, api: HttpApi, last_event_id: str | None = None):
    return open_event_stream(live.url, api, last_event_id)


def fire(api: HttpApi, count: int, tid: str) -> list[str]:
    """Cancel `count` fresh runs; returns their run ids (one `run.cancelled` each)."""
    run_ids = [dispatch(api, None, tid) for _ in range(count)]
    for run_id in run_ids:
        cancel(api, run_id)
    return run_ids


def test_events_arrive_live_with_id_type_and_the_exact_body(live):
    api = org_api(live, "Acme")
    messages, close = open_stream(live, api)
    try:
        run_ids = fire(api, 3, new_template(api))
        got = next_events(messages, 3)
        assert [json.loads(m["data"])["run_id"] for m in got] == run_ids
        for m in got:
            body = json.loads(m["data"])
            assert m["event"] == "run.cancelled" == body["event"] and m["id"] == body["id"]
            stored = live.app.state.ctx.db.read(
                lambda c, i=m["id"]: c.execute("SELECT body FROM events WHERE id = ?", (i,)).fetchone()[0]
            )
            assert m["data"] == stored
    finally:
        close()


def test_last_event_id_resumes_without_loss_or_duplicates(live):
    api = org_api(live, "Acme")
    tid = new_template(api)
    messages, close = open_stream(live, api)
    fire(api, 2, tid)
    first = next_events(messages, 2)
    close()
    missed = fire(api, 3, tid)  # while nobody listens
    messages, close = open_stream(live, api, last_event_id=first[-1]["id"])
    try:
        replayed = next_events(messages, 3)
        assert [json.loads(m["data"])["run_id"] for m in replayed] == missed
        live_ones = fire(api, 2, tid)
        after = next_events(messages, 2)
        assert [json.loads(m["data"])["run_id"] for m in after] == live_ones
    finally:
        close()


def test_resuming_while_events_keep_coming_loses_and_repeats_nothing(live):
    api = org_api(live, "Acme")
    db = live.app.state.ctx.db
    run_id = dispatch(api, None)
    total = 300
    writer = threading.Thread(
        target=lambda: [emit(db, run_id, "step.completed", {"step_id": f"s-{i}"}) for i in range(total)]
    )
    seen: list[str] = []
    messages, close = open_stream(live, api)
    writer.start()
    while len(seen) < total:
        # take a few, drop the connection, come back after the last one seen
        for m in next_events(messages, min(37, total - len(seen))):
            seen.append(json.loads(m["data"])["data"]["step_id"])
        close()
        messages, close = open_stream(live, api, last_event_id=_last_id(db, run_id, seen[-1]))
    close()
    writer.join()
    assert seen == [f"s-{i}" for i in range(total)]


def _last_id(db, run_id: str, step_id: str) -> str:
    rows = db.read(lambda c: c.execute("SELECT id, body FROM events WHERE run_id = ?", (run_id,)).fetchall())
    return next(r[0] for r in rows if json.loads(r[1])["data"].get("step_id") == step_id)


def test_other_orgs_events_never_appear(live):
    acme, other = org_api(live, "Acme"), org_api(live, "Other")
    messages, close = open_stream(live, other)
    try:
        fire(acme, 3, new_template(acme))
        mine = fire(other, 1, new_template(other))
        [got] = next_events(messages, 1)
        assert json.loads(got["data"])["run_id"] == mine[0]
    finally:
        close()
    # resuming after an id of another org is "unknown": from now on, never the other org's backlog
    acme_first = live.app.state.ctx.db.read(
        lambda c: c.execute(
            "SELECT id FROM events WHERE org_id = ? ORDER BY seq", (acme.org["id"],)
        ).fetchone()[0]
    )
    messages, close = open_stream(live, other, last_event_id=acme_first)
    try:
        mine = fire(other, 1, new_template(other))
        [got] = next_events(messages, 1)
        assert json.loads(got["data"])["run_id"] == mine[0]
    finally:
        close()


def test_an_unknown_last_event_id_streams_from_now(live):
    api = org_api(live, "Acme")
    tid = new_template(api)
    fire(api, 2, tid)
    messages, close = open_stream(live, api, last_event_id="evt_unknown")
    try:
        now = fire(api, 1, tid)
        [got] = next_events(messages, 1)
        assert json.loads(got["data"])["run_id"] == now[0]
    finally:
        close()


def test_quiet_streams_get_heartbeats(live):
    api = org_api(live, "Acme")
    messages, close = open_stream(live, api)
    try:
        started = time.monotonic()
        assert next(messages) == {"comment": "heartbeat"}
        assert next(messages) == {"comment": "heartbeat"}
        assert time.monotonic() - started > 0.4  # two quiet intervals of 0.3 s: never sooner
    finally:
        close()


def test_the_stream_needs_an_api_key(live):
    r = httpx.get(f"{live.url}/v1/events")
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"


def test_a_client_leaving_unsubscribes(live):
    api = org_api(live, "Acme")
    hub = live.app.state.event_hub
    _, close = open_stream(live, api)
    assert sum(len(s) for s in hub._subs.values()) == 1
    close()
    deadline = time.monotonic() + 60  # a guard, not a duration
    while sum(len(s) for s in hub._subs.values()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sum(len(s) for s in hub._subs.values()) == 0


def test_shutdown_ends_open_streams_promptly(tmp_path):
    # An hour between heartbeats, and no graceful-shutdown bound: only the shutdown can end the stream, and
    # a server that waited for the stream would still be running at the guard below.
    live = LiveApp(tmp_path, sse_heartbeat=3600).start()
    api = org_api(live, "Acme")
    messages, close = open_stream(live, api)
    ended = threading.Event()

    def drain():
        for _ in messages:
            pass
        ended.set()

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    live.stop(timeout=60)  # a guard, not a duration
    assert not live.thread.is_alive()
    assert ended.wait(60)
    close()


def monitor_key(live: LiveApp, owner: HttpApi) -> tuple[HttpApi, str]:
    """A second API key of `owner`'s org (a live monitor's), and its id: the one the tests revoke."""
    r = owner.post("/v1/api-keys", json={"name": "Monitor"})
    assert r.status_code == 201, r.text
    return HttpApi(live.url, r.json()["key"], owner.org), r.json()["id"]


def revoke(owner: HttpApi, key_id: str) -> None:
    assert owner.delete(f"/v1/api-keys/{key_id}").status_code == 204


def test_a_revoked_keys_open_stream_ends_before_the_next_event(live):
    # A leaked key revoked while its stream was open went on receiving the org's events (answers, executor
    # names, photo URLs) for as long as the connection lasted.
    owner = org_api(live, "Acme")
    monitor, key_id = monitor_key(live, owner)
    messages, close = open_stream(live, monitor)
    try:
        tid = new_template(owner)
        fire(owner, 1, tid)
        next_events(messages, 1)  # the stream is live and delivering
        revoke(owner, key_id)
        fire(owner, 1, tid)
        # The stream ends: no event after the revocation.
        assert next((m for m in messages if "id" in m), None) is None
    finally:
        close()
    r = httpx.get(f"{live.url}/v1/events", headers=monitor.headers)
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"


def test_a_revoked_keys_quiet_stream_ends_at_its_next_heartbeat(live):
    owner = org_api(live, "Acme")
    monitor, key_id = monitor_key(live, owner)
    messages, close = open_stream(live, monitor)
    try:
        assert next(messages) == {"comment": "heartbeat"}
        revoke(owner, key_id)
        # At most the heartbeat already on its way; a stream still open would beat for ever (a guard).
        for count, _ in enumerate(messages):
            assert count < 2, "the revoked key's stream is still open"
    finally:
        close()
