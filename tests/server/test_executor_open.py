"""SPEC §5 `POST /v1/runs/{id}/open`: identity modes, the executor token, re-opening, expiry and grace."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from server.clock import iso
from server.services import runs
from server.store import events as event_store
from server.store import runs as run_store
from tests.support.executor import NOW, Executor, bearer, dispatch, every_type, open_run, with_execution
from tests.support.samples import minimal


def events(api, run_id: str) -> list[dict]:
    return [
        body
        for _, body in api.ctx.db.read(event_store.events_after, api.org["id"], 0)
        if body["run_id"] == run_id
    ]


def member(api, name: str = "Mia", email: str = "mia@example.com") -> tuple[str, str]:
    r = api.post("/v1/members", json={"name": name, "email": email})
    assert r.status_code == 201, r.text
    return r.json()["user_id"], r.json()["sign_in_token"]


def backdate(api, run_id: str, **fields) -> None:
    api.ctx.db.write_sync(run_store.update_run, run_id, fields)


def hours_from_now(hours: float) -> str:
    return iso(datetime.now(UTC) + timedelta(hours=hours))  # type: ignore[return-value]


# -- identity modes ----------------------------------------------------------------------------------------
def test_anonymous_open_returns_token_template_and_state(api):
    run_id = dispatch(api, minimal(), executor_ref="b-1")
    out = open_run(api, run_id)
    assert re.fullmatch(r"rde_[0-9a-f]{32}", out["executor_token"])
    assert out["run_id"] == run_id and out["status"] == "pending" and out["template_v"] == 1
    assert out["template"]["sections"][0]["steps"][0]["id"] == "s-1"
    assert out["answers"] == {} and out["progress"] == {"total": 1, "answered": 0, "skipped": 0}
    assert out["executor_identity"] == {"mode": "anonymous"} and out["assigned_to"] is None
    doc = api.get(f"/v1/runs/{run_id}").json()
    assert doc["opened_at"] and doc["executor_identity"] == {"mode": "anonymous"}
    opened = [e for e in events(api, run_id) if e["event"] == "run.opened"]
    assert len(opened) == 1
    assert opened[0]["data"]["executor_ref"] == "b-1"
    assert opened[0]["data"]["executor_identity"] == {"mode": "anonymous"}


def test_only_the_token_hash_is_stored(api):
    run_id = dispatch(api)
    token = open_run(api, run_id)["executor_token"]
    row = api.ctx.db.read(run_store.get_run, run_id)
    assert token not in str(row) and row["executor_token_hash"] != token
    assert len(row["executor_token_hash"]) == 64


def test_open_without_a_body_is_anonymous(api):
    run_id = dispatch(api)
    r = api.post(f"/v1/runs/{run_id}/open", auth=False)
    assert r.status_code == 200 and r.json()["executor_identity"] == {"mode": "anonymous"}


def test_external_identity_needs_name_and_email(api):
    body = with_execution(minimal(), identity_required="external")
    run_id = dispatch(api, body)
    for missing in ({}, {"name": "Jane"}, {"email": "jane@example.com"}):
        r = api.post(f"/v1/runs/{run_id}/open", json=missing, auth=False)
        assert r.status_code == 400 and r.json()["error"] == "bad_request", missing
        assert {d["path"] for d in r.json()["details"]} == {"name", "email"} - set(missing)
    for invalid, path in (
        ({"name": "Jane", "email": "not-an-email"}, "email"),
        ({"name": "", "email": "jane@example.com"}, "name"),
    ):
        r = api.post(f"/v1/runs/{run_id}/open", json=invalid, auth=False)
        assert r.status_code == 422 and r.json()["error"] == "validation_error"
        assert r.json()["details"][0]["path"] == path
    out = open_run(api, run_id, {"name": "Jane Smith", "email": "jane@example.com"})
    identity = {"mode": "external", "name": "Jane Smith", "email": "jane@example.com"}
    assert out["executor_identity"] == identity and out["assigned_to"] is None
    assert api.get(f"/v1/runs/{run_id}").json()["executor_identity"] == identity
    # External identities are not verifiable, so the same name and email cannot take the run over.
    again = api.post(
        f"/v1/runs/{run_id}/open", json={"name": "Jane Smith", "email": "jane@example.com"}, auth=False
    )
    assert again.status_code == 409 and again.json()["error"] == "run_already_opened"


def test_member_identity_needs_a_member_token_of_the_runs_org(api):
    run_id = dispatch(api, with_execution(minimal(), identity_required="member"))
    user_id, token = member(api)
    other = api.second_org()
    _, foreign = member(other, "Olaf", "olaf@example.com")
    for headers in (
        {},
        bearer("rdm_" + "0" * 32),
        bearer("rdm_short"),
        bearer(foreign),
        {"Authorization": api.headers["Authorization"]},
    ):
        r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers=headers)
        assert r.status_code == 401 and r.json()["error"] == "unauthorized", headers
    out = open_run(api, run_id, headers=bearer(token))
    assert out["executor_identity"] == {"mode": "member", "user_id": user_id}
    assert out["assigned_to"] == user_id
    doc = api.get(f"/v1/runs/{run_id}").json()
    assert doc["assigned_to"] == user_id
    assert [e["data"]["assigned_to"] for e in events(api, run_id) if e["event"] == "run.opened"] == [user_id]


def test_a_deleted_member_cannot_open(api):
    run_id = dispatch(api, with_execution(minimal(), identity_required="member"))
    user_id, token = member(api)
    assert api.delete(f"/v1/members/{user_id}").status_code == 204
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers=bearer(token))
    assert r.status_code == 401


@pytest.mark.parametrize("identity", ["none", "external"])
def test_org_scope_lets_only_members_open(api, identity):
    run_id = dispatch(api, with_execution(minimal(), scope="org", identity_required=identity))
    r = api.post(f"/v1/runs/{run_id}/open", json={"name": "Jane", "email": "jane@example.com"}, auth=False)
    assert r.status_code == 401
    user_id, token = member(api)
    out = open_run(api, run_id, headers=bearer(token))
    assert out["executor_identity"] == {"mode": "member", "user_id": user_id}


# -- who may open, and when ---------------------------------------------------------------------------------
def test_a_second_opener_gets_409(api):
    run_id = dispatch(api)
    open_run(api, run_id)
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False)
    assert r.status_code == 409 and r.json()["error"] == "run_already_opened"


def test_the_same_member_reopens_with_a_new_token_and_the_old_one_stops(api):
    run_id = dispatch(api, with_execution(every_type(), identity_required="member"))
    _, token = member(api)
    first = open_run(api, run_id, headers=bearer(token))["executor_token"]
    old = Executor(api, run_id, first)
    assert old.answer("s-bool", True).status_code == 200
    _, other_token = member(api, "Max", "max@example.com")
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers=bearer(other_token))
    assert r.status_code == 409 and r.json()["error"] == "run_already_opened"
    again = open_run(api, run_id, headers=bearer(token))
    assert again["executor_token"] != first
    assert again["answers"]["s-bool"]["value"] is True and again["status"] == "in_progress"
    assert old.answer("s-bool", False).status_code == 401
    assert old.call("GET", "/state").status_code == 401
    assert Executor(api, run_id, again["executor_token"]).answer("s-bool", False).status_code == 200
    assert [e["event"] for e in events(api, run_id)].count("run.opened") == 1  # only the first open fires


# -- a retried open (its answer lost) -----------------------------------------------------------------------
OPEN_KEY = "k" * 8 + "0123456789abcdef0123456789abcdef"


def keyed(key: str = OPEN_KEY, **headers) -> dict:
    return {"Idempotency-Key": key, **headers}


def test_an_open_retried_with_its_key_gets_the_same_token_and_fires_once(api):
    run_id = dispatch(api, every_type())
    first = open_run(api, run_id, headers=keyed())
    # What the device sent before the answer was lost is kept, and the retry's answer shows it.
    assert Executor(api, run_id, first["executor_token"]).answer("s-bool", True).status_code == 200
    again = open_run(api, run_id, headers=keyed())
    assert again["executor_token"] == first["executor_token"]
    assert again["answers"]["s-bool"]["value"] is True and again["status"] == "in_progress"
    assert [e["event"] for e in events(api, run_id)].count("run.opened") == 1
    row = api.ctx.db.read(run_store.get_run, run_id)
    assert first["executor_token"] not in str(row)  # still only its hash


def test_another_key_or_none_is_still_someone_else(api):
    run_id = dispatch(api)
    token = open_run(api, run_id, headers=keyed())["executor_token"]
    for headers in (keyed("x" * 40), {}):
        r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers=headers)
        assert r.status_code == 409 and r.json()["error"] == "run_already_opened"
    assert Executor(api, run_id, token).call("GET", "/state").status_code == 200


def test_the_same_key_gives_each_run_its_own_token(api):
    runs_ = [dispatch(api), dispatch(api)]
    tokens = {open_run(api, run_id, headers=keyed())["executor_token"] for run_id in runs_}
    assert len(tokens) == 2


@pytest.mark.parametrize("key", ["short-key", "k" * 256, "with a space " + "k" * 32, "é" * 40])
def test_a_key_that_could_be_guessed_or_is_not_a_header_value_is_refused(api, key):
    run_id = dispatch(api)
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers={"Idempotency-Key": key.encode()})
    assert r.status_code == 422 and r.json()["error"] == "validation_error"
    assert r.json()["details"][0]["path"] == "Idempotency-Key"
    assert api.get(f"/v1/runs/{run_id}").json()["opened_at"] is None  # nothing stored
    assert "run.opened" not in [e["event"] for e in events(api, run_id)]


def test_a_retry_past_expiry_is_the_opener_within_the_grace_only(api):
    run_id = dispatch(api, expires_in_hours=1)
    token = open_run(api, run_id, headers=keyed())["executor_token"]
    backdate(api, run_id, expires_at=hours_from_now(-24))  # within the 168 h grace
    assert open_run(api, run_id, headers=keyed())["executor_token"] == token
    backdate(api, run_id, expires_at=hours_from_now(-169))
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers=keyed())
    assert r.status_code == 410 and r.json()["error"] == "run_expired"


def test_a_retry_of_a_cancelled_run_is_told_it_is_closed(api):
    run_id = dispatch(api)
    open_run(api, run_id, headers=keyed())
    assert api.post(f"/v1/runs/{run_id}/cancel").status_code == 200
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers=keyed())
    assert r.status_code == 409 and r.json()["error"] == "run_closed"


def test_a_member_retrying_with_the_key_keeps_the_token_another_device_replaces_it(api):
    run_id = dispatch(api, with_execution(minimal(), identity_required="member"))
    _, token = member(api)
    first = open_run(api, run_id, headers=keyed(**bearer(token)))["executor_token"]
    assert open_run(api, run_id, headers=keyed(**bearer(token)))["executor_token"] == first
    other_device = open_run(api, run_id, headers=keyed("d" * 32, **bearer(token)))["executor_token"]
    assert other_device != first
    assert Executor(api, run_id, first).call("GET", "/state").status_code == 401


def test_unknown_run_is_404(api):
    r = api.post("/v1/runs/r-00000000-0000-4000-8000-000000000000/open", json={}, auth=False)
    assert r.status_code == 404 and r.json()["error"] == "run_not_found"


def test_nobody_opens_after_expires_at(api):
    run_id = dispatch(api, expires_in_hours=1)
    backdate(api, run_id, expires_at="2020-01-01T00:00:00Z")
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False)
    assert r.status_code == 410 and r.json()["error"] == "run_expired"
    assert api.get(f"/v1/runs/{run_id}").json()["status"] == "expired"


def test_even_the_same_member_cannot_reopen_after_expires_at(api):
    run_id = dispatch(api, with_execution(minimal(), identity_required="member"), expires_in_hours=1)
    _, token = member(api)
    open_run(api, run_id, headers=bearer(token))
    backdate(api, run_id, expires_at=hours_from_now(-1))
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers=bearer(token))
    assert r.status_code == 410 and r.json()["error"] == "run_expired"


def test_an_opened_run_stays_usable_through_the_grace_period(api):
    ex = Executor.start(api, expires_in_hours=1)
    backdate(api, ex.run_id, expires_at=hours_from_now(-24))  # past expiry, within the 168 h grace
    assert ex.answer("s-bool", True).status_code == 200
    assert ex.state()["status"] == "in_progress"
    backdate(api, ex.run_id, expires_at=hours_from_now(-169))  # past the grace too
    r = ex.answer("s-bool", False)
    assert r.status_code == 410 and r.json()["error"] == "run_expired"
    assert ex.call("GET", "/state").status_code == 410
    assert api.get(f"/v1/runs/{ex.run_id}").json()["status"] == "expired"


def test_grace_is_configurable(api_factory):
    api = api_factory(offline_grace_hours=0)
    ex = Executor.start(api, expires_in_hours=1)
    backdate(api, ex.run_id, expires_at=hours_from_now(-0.01))
    assert ex.answer("s-bool", True).status_code == 410


def test_closed_runs_refuse_opening(api):
    run_id = dispatch(api)
    assert api.post(f"/v1/runs/{run_id}/cancel").status_code == 200
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False)
    assert r.status_code == 409 and r.json()["error"] == "run_closed"


# -- the executor token ------------------------------------------------------------------------------------
def test_executor_calls_need_this_runs_token(api):
    a = Executor.start(api)
    b = Executor.start(api)
    calls = [
        ("GET", "/state", {}),
        ("PUT", "/answers/s-bool", {"json": {"value": True, "at": NOW}}),
        ("POST", "/sync", {"json": {"ops": []}}),
        ("PUT", "/answers/s-photo/photos/0", {"content": b"\xff\xd8\xff"}),
        ("DELETE", "/answers/s-photo/photos/0", {}),
        ("PUT", "/signature", {"content": b"\x89PNG\r\n\x1a\n"}),
        ("POST", "/complete", {"json": {"at": NOW}}),
        ("POST", "/exit", {"json": {}}),
    ]
    for token in (b.token, "rde_" + "f" * 32, "rde_nothex", api.key, None):
        for method, path, kwargs in calls:
            headers = bearer(token) if token else {}
            r = api.request(method, f"/v1/runs/{a.run_id}{path}", auth=False, headers=headers, **kwargs)
            assert r.status_code == 401 and r.json()["error"] == "unauthorized", (token, method, path)
    assert a.state()["status"] == "pending"  # nothing happened


def test_the_api_key_does_not_replace_the_executor_token(api):
    ex = Executor.start(api)
    r = api.put(f"/v1/runs/{ex.run_id}/answers/s-bool", json={"value": True, "at": NOW})
    assert r.status_code == 401


def test_state_for_resuming(api):
    ex = Executor.start(api)
    ex.answer("s-bool", True)
    state = ex.state()
    assert set(state) >= {
        "run_id",
        "status",
        "expires_at",
        "template_v",
        "answers",
        "progress",
        "photos",
        "signature",
    }
    assert state["answers"]["s-bool"]["value"] is True
    assert state["progress"]["answered"] == 1 and state["photos"] == [] and state["signature"] is None


def test_executor_requests_read_the_run_without_its_snapshot(api):
    """The per-request read leaves out only the (large, immutable) snapshot; its model is cached per version."""
    run_id = dispatch(api)
    open_run(api, run_id)
    full = api.ctx.db.read(run_store.get_run, run_id)
    light = api.ctx.db.read(run_store.get_run, run_id, snapshot=False)
    assert light == {k: v for k, v in full.items() if k != "snapshot"}
    model = api.ctx.db.read(runs.model_for, light)
    assert [s.id for s in model.steps_by_id().values()] == [
        s["id"] for section in full["snapshot"]["sections"] for s in section["steps"]
    ]


def test_a_run_handed_over_after_its_members_removal_fires_run_opened_with_who_had_it(api):
    run_id = dispatch(api, with_execution(minimal(), identity_required="member"))
    mia, mia_token = member(api)
    max_, max_token = member(api, "Max", "max@example.com")
    open_run(api, run_id, headers=bearer(mia_token))
    assert api.delete(f"/v1/members/{mia}").status_code == 204
    taken = open_run(api, run_id, headers=bearer(max_token))
    assert taken["assigned_to"] == max_
    opened = [e for e in events(api, run_id) if e["event"] == "run.opened"]
    assert [e["data"]["assigned_to"] for e in opened] == [mia, max_]
    assert opened[1]["data"]["previous_assigned_to"] == mia
    assert opened[1]["data"]["executor_identity"] == {"mode": "member", "user_id": max_}
    # Taken over, it is Max's as any run is its opener's: a third member is 409.
    _, third = member(api, "Ida", "ida@example.com")
    r = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False, headers=bearer(third))
    assert r.status_code == 409 and r.json()["error"] == "run_already_opened"
