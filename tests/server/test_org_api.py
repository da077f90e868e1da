"""Org usage and quota, API keys and members."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from server.store import orgs as org_store
from tests.support.fixtures import all_text, sql
from tests.support.samples import minimal


def _template(api) -> str:
    return api.post("/v1/templates", json=minimal()).json()["id"]


def test_org_document(api):
    doc = api.get("/v1/org").json()
    assert doc["id"] == api.org["id"] and doc["name"] == "Acme" and doc["plan"] == "unlimited"
    usage = doc["usage"]
    assert usage["runs_included"] is None and usage["runs_used_this_month"] == 0 and usage["run_credits"] == 0
    assert usage["period_start"].endswith("-01T00:00:00Z") and usage["period_end"].endswith("-01T00:00:00Z")
    assert doc["settings"] == {"default_expires_in_hours": 72}


def test_org_patch_renames_sets_the_default_expiry_and_refuses_bad_values(api):
    doc = api.patch(
        "/v1/org", json={"name": "Acme Rentals", "settings": {"default_expires_in_hours": 24}}
    ).json()
    assert doc["name"] == "Acme Rentals" and doc["settings"] == {"default_expires_in_hours": 24}
    bad_bodies = [
        {"name": None},  # may be left out, not nulled: an org always has a name
        {"name": ""},
        {"settings": None},
        {"settings": {"default_expires_in_hours": True}},  # not read as 1 hour (schemathesis found this)
        {"settings": {"default_expires_in_hours": None}},
        {"settings": {"default_expires_in_hours": 0}},
        {"settings": {"default_expires_in_hours": "24"}},
        {"settings": {"default_expires_in_hours": 24, "colour": "red"}},
    ]
    for body in bad_bodies:
        r = api.patch("/v1/org", json=body)
        assert r.status_code == 422 and r.json()["error"] == "validation_error", body
    doc = api.get("/v1/org").json()
    assert doc["name"] == "Acme Rentals" and doc["settings"] == {"default_expires_in_hours": 24}


def test_quota_then_credits_then_402(api_factory):
    api = api_factory(plan="starter")
    tid = _template(api)
    for _ in range(30):
        assert api.post("/v1/runs", json={"template_id": tid}).status_code == 201
    r = api.post("/v1/runs", json={"template_id": tid})
    assert r.status_code == 402
    assert r.json() == {
        "error": "quota_exceeded",
        "message": "You have used all 30 runs included in your Starter plan this month. "
        "Upgrade or purchase a run pack to continue.",
    }
    api.ctx.db.write_sync(org_store.add_credits, api.org["id"], 2)
    assert api.post("/v1/runs", json={"template_id": tid}).status_code == 201
    usage = api.get("/v1/org").json()["usage"]
    assert usage["run_credits"] == 1 and usage["runs_used_this_month"] == 31 and usage["runs_included"] == 30
    assert api.post("/v1/runs", json={"template_id": tid}).status_code == 201
    assert api.post("/v1/runs", json={"template_id": tid}).status_code == 402
    assert api.get("/v1/runs").json()["pagination"]["total"] == 32


def test_concurrent_dispatches_never_overspend(api_factory):
    api = api_factory(plan="starter")
    tid = _template(api)
    api.ctx.db.write_sync(org_store.add_credits, api.org["id"], 5)
    with ThreadPoolExecutor(16) as pool:
        codes = list(
            pool.map(lambda _: api.post("/v1/runs", json={"template_id": tid}).status_code, range(60))
        )
    assert codes.count(201) == 35 and codes.count(402) == 25
    assert api.get("/v1/org").json()["usage"]["run_credits"] == 0


def test_api_keys_lifecycle(api):
    r = api.post("/v1/api-keys", json={"name": "CI"})
    assert r.status_code == 201
    created = r.json()
    assert re.fullmatch(r"rdk_live_[0-9a-f]{32}", created["key"])
    assert created["prefix"] == created["key"][:13]
    listed = api.get("/v1/api-keys").json()["data"]
    assert {k["name"] for k in listed} == {"Default", "CI"}
    assert all("key" not in k and "key_hash" not in k for k in listed)
    new = {"Authorization": f"Bearer {created['key']}"}
    assert api.get("/v1/templates", auth=False, headers=new).status_code == 200
    assert api.delete(f"/v1/api-keys/{created['id']}").status_code == 204
    r = api.get("/v1/templates", auth=False, headers=new)
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    revoked = next(k for k in api.get("/v1/api-keys").json()["data"] if k["id"] == created["id"])
    assert revoked["revoked_at"] is not None
    assert api.second_org().delete(f"/v1/api-keys/{created['id']}").status_code == 404


def test_api_keys_made_in_one_second_are_listed_in_the_order_they_were_made(api):
    """A fleet's 20 integration keys, made by a script within a second, were listed in the random order of
    their ids (Settings → API keys read 1, 4, 5, 12, 15, …): ties of `created_at` now keep creation order."""
    names = [f"Depot integration {n}" for n in range(1, 11)]
    for name in names:
        assert api.post("/v1/api-keys", json={"name": name}).status_code == 201
    sql(api, "UPDATE api_keys SET created_at = ?", ("2026-05-22T08:30:00Z",))
    listed = [k["name"] for k in api.get("/v1/api-keys").json()["data"]]
    assert listed == ["Default", *names]


def test_only_the_key_hash_is_stored(api):
    created = api.post("/v1/api-keys", json={"name": "x"}).json()
    dump = all_text(api)
    assert created["key"] not in dump and created["id"] in dump  # the dump does read the keys table


def test_last_used_at_is_recorded(api):
    api.get("/v1/org")
    import time

    deadline = time.monotonic() + 60  # a guard, not a duration
    while time.monotonic() < deadline:
        keys = api.get("/v1/api-keys").json()["data"]
        if keys[0]["last_used_at"]:
            break
        time.sleep(0.05)
    assert keys[0]["last_used_at"] is not None


def test_members(api):
    r = api.post("/v1/members", json={"name": "Jane Smith", "email": "jane@example.com"})
    assert r.status_code == 201
    m = r.json()
    assert re.fullmatch(r"u-[0-9a-f-]{36}", m["user_id"]) and re.fullmatch(
        r"rdm_[0-9a-f]{32}", m["sign_in_token"]
    )
    listed = api.get("/v1/members").json()["data"]
    assert [x["email"] for x in listed] == ["jane@example.com"] and "sign_in_token" not in listed[0]
    assert api.post("/v1/members", json={"name": "No Mail", "email": "nope"}).status_code == 422
    assert api.post("/v1/members", json={"name": "No Mail"}).status_code == 400
    assert api.second_org().delete(f"/v1/members/{m['user_id']}").status_code == 404
    assert api.delete(f"/v1/members/{m['user_id']}").status_code == 204
    assert api.get("/v1/members").json()["data"] == []
    assert api.delete(f"/v1/members/{m['user_id']}").status_code == 404


def test_plans(api):
    plans = {p["id"]: p["runs_included"] for p in api.get("/v1/plans").json()["data"]}
    assert plans == {"starter": 30, "team": 1000, "business": 10000, "unlimited": None}
