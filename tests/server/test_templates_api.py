"""`/v1/templates`: the reference's contract plus SPEC §3 (filters, versions, merge rules, delete)."""

from __future__ import annotations

import re

import pytest

from tests.support.samples import minimal, str_turnover, vehicle_inspection


def create(api, body=None, **kw):
    r = api.post("/v1/templates", json=body or str_turnover(), **kw)
    assert r.status_code == 201, r.text
    return r.json()


def test_create_returns_the_reference_fields(api):
    doc = create(api)
    assert re.fullmatch(r"t-[0-9a-f-]{36}", doc["id"])
    assert doc["v"] == 1
    assert doc["org_id"] == api.org["id"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", doc["created_at"])
    assert doc["name"] == "STR turnover check"
    assert [s["id"] for s in doc["sections"]] == ["g-kit1", "g-bed1"]
    step = doc["sections"][0]["steps"][0]
    assert step["config"] == {"true_label": "Yes", "false_label": "No"}
    assert step["hint"] is None and step["condition"] is None  # defaults filled in


def test_server_assigned_fields_in_the_body_are_ignored(api):
    body = {**str_turnover(), "id": "t-mine", "v": 9, "org_id": "org-x"}
    doc = create(api, body)
    assert doc["id"] != "t-mine" and doc["v"] == 1 and doc["org_id"] == api.org["id"]


def test_get_returns_the_full_tdl(api):
    doc = create(api, vehicle_inspection())
    got = api.get(f"/v1/templates/{doc['id']}")
    assert got.status_code == 200
    assert got.json() == doc
    dm02 = got.json()["sections"][0]["steps"][3]
    assert dm02["condition"] == {"when": {"step": "s-dm01", "op": "eq", "value": True}}


def test_list_paginates_and_filters(api):
    for i in range(3):
        create(api, {**minimal(f"Kitchen {i}"), "tags": ["food"]})
    create(api, {**minimal("Garage"), "description": "Tyres and oil", "tags": ["car"]})
    page = api.get("/v1/templates", params={"per_page": 2}).json()
    assert page["pagination"] == {"total": 4, "page": 1, "per_page": 2, "next_page": 2}
    assert set(page["data"][0]) == {"id", "v", "name", "description", "tags", "created_at", "updated_at"}
    last = api.get("/v1/templates", params={"per_page": 2, "page": 2}).json()
    assert last["pagination"]["next_page"] is None and len(last["data"]) == 2
    assert [t["name"] for t in api.get("/v1/templates", params={"q": "tyres"}).json()["data"]] == ["Garage"]
    assert len(api.get("/v1/templates", params={"tag": "food"}).json()["data"]) == 3
    assert api.get("/v1/templates", params={"tag": "foo"}).json()["data"] == []
    assert api.get("/v1/templates", params={"q": "%"}).json()["data"] == []  # LIKE wildcards are literal


def test_search_finds_a_template_by_every_word_typed_in_any_order(api):
    """A designer typed "move in" for "Move-in inspection" and found nothing: the search looked for the words
    as one phrase, hyphen and all (the library's search took every word on its own). Every word typed must be
    in the name or the description, in any order, as the library's search does."""
    create(api, {**minimal("Move-in inspection"), "description": "Before the keys are handed over"})
    create(api, {**minimal("Move-out inspection")})

    def found(q: str) -> list[str]:
        return sorted(t["name"] for t in api.get("/v1/templates", params={"q": q}).json()["data"])

    assert "Move-in inspection" in found("move in")  # (and "Move-out": "in" is in "inspection")
    assert found("INSPECTION  move") == ["Move-in inspection", "Move-out inspection"]
    assert found("keys move") == ["Move-in inspection"]  # one word in the description, one in the name
    assert found("move-in") == ["Move-in inspection"]
    assert found("move garage") == []
    assert found("   ") == ["Move-in inspection", "Move-out inspection"]


def test_per_page_above_200_is_a_validation_error(api):
    r = api.get("/v1/templates", params={"per_page": 201})
    assert r.status_code == 422 and r.json()["error"] == "validation_error"
    assert r.json()["details"][0]["path"] == "per_page"


def test_patch_merges_and_bumps_the_version(api):
    doc = create(api)
    r = api.patch(
        f"/v1/templates/{doc['id']}", json={"name": "STR turnover check v2", "settings": {"est_minutes": 20}}
    )
    assert r.status_code == 200, r.text
    new = r.json()
    assert new["v"] == 2 and new["name"] == "STR turnover check v2"
    assert new["settings"] == {**doc["settings"], "est_minutes": 20}  # merged key by key
    assert new["sections"] == doc["sections"]
    assert api.get(f"/v1/templates/{doc['id']}", params={"v": 1}).json()["name"] == "STR turnover check"
    versions = api.get(f"/v1/templates/{doc['id']}/versions").json()
    assert [v["v"] for v in versions["data"]] == [2, 1]


def test_patch_replaces_sections_whole(api):
    doc = create(api)
    new_sections = minimal()["sections"]
    new = api.patch(f"/v1/templates/{doc['id']}", json={"sections": new_sections}).json()
    assert [s["id"] for s in new["sections"]] == ["g-1"]


def test_invalid_patch_changes_nothing(api):
    doc = create(api)
    r = api.patch(f"/v1/templates/{doc['id']}", json={"name": "", "settings": {"est_minutes": -3}})
    assert r.status_code == 422
    paths = {d["path"] for d in r.json()["details"]}
    assert {"name", "settings.est_minutes"} <= paths
    assert api.get(f"/v1/templates/{doc['id']}").json() == doc


def test_patch_with_a_stale_if_match_is_a_conflict(api):
    doc = create(api)
    api.patch(f"/v1/templates/{doc['id']}", json={"name": "B"})
    r = api.patch(f"/v1/templates/{doc['id']}", json={"name": "C"}, headers={"If-Match": '"1"'})
    assert r.status_code == 409 and r.json()["error"] == "version_conflict"
    assert api.get(f"/v1/templates/{doc['id']}").json()["name"] == "B"
    ok = api.patch(f"/v1/templates/{doc['id']}", json={"name": "C"}, headers={"If-Match": '"2"'})
    assert ok.status_code == 200 and ok.json()["v"] == 3


def test_an_empty_patch_keeps_the_version(api):
    doc = create(api)
    assert api.patch(f"/v1/templates/{doc['id']}", json={}).json()["v"] == 1


def test_delete_hides_the_template(api):
    doc = create(api)
    assert api.delete(f"/v1/templates/{doc['id']}").status_code == 204
    for method, url in [("GET", ""), ("PATCH", ""), ("DELETE", ""), ("GET", "/versions")]:
        r = api.request(method, f"/v1/templates/{doc['id']}{url}", json={} if method == "PATCH" else None)
        assert r.status_code == 404 and r.json()["error"] == "template_not_found", (method, url)
    r = api.post("/v1/runs", json={"template_id": doc["id"]})
    assert r.status_code == 404 and r.json()["error"] == "template_not_found"


def test_every_problem_is_reported_at_once_with_paths(api):
    body = vehicle_inspection()
    steps = body["sections"][0]["steps"]
    steps[0]["config"]["decimal"] = 9
    steps[1]["config"]["options"] = []
    steps[3]["condition"] = {"when": {"step": "s-cl01", "op": "eq", "value": 3}}  # a later step
    body["sections"][1]["steps"][0]["id"] = "s-od01"  # duplicate id
    r = api.post("/v1/templates", json=body)
    assert r.status_code == 422
    assert r.json()["error"] == "validation_error"
    paths = [d["path"] for d in r.json()["details"]]
    assert "sections[0].steps[0].config.decimal" in paths
    assert "sections[0].steps[1].config.options" in paths
    assert any(p.startswith("sections[0].steps[3].condition") for p in paths)
    assert any(p.startswith("sections[1].steps[0].id") for p in paths)
    assert api.get("/v1/templates").json()["pagination"]["total"] == 0


def test_missing_name_is_400_and_malformed_json_is_400(api):
    body = str_turnover()
    del body["name"]
    r = api.post("/v1/templates", json=body)
    assert r.status_code == 400 and r.json()["error"] == "bad_request"
    assert any(d["path"] == "name" for d in r.json()["details"])
    r = api.post("/v1/templates", content=b'{"name": ', headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_request" and r.json()["details"]
    r = api.post("/v1/templates", json=[1, 2])
    assert r.status_code == 400


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_malformed_json_is_the_whole_bodys_problem_not_a_path(api, method):
    """FastAPI's parser put the character offset where the path goes: `{bad` came back with the path `[1]`,
    as if the body's second item were wrong (the runs and executor bodies said `""`)."""
    url = "/v1/templates" if method == "POST" else f"/v1/templates/{create(api)['id']}"
    r = api.request(method, url, content=b'{"name": "x", }', headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_request"
    [detail] = r.json()["details"]
    assert detail["path"] == ""
    assert (
        detail["message"].startswith("the body is not valid JSON: ")
        and "at character 14" in detail["message"]
    )


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b'{"name": "x", "est_minutes": NaN, "sections": []}', "NaN is not a JSON number"),
        (b'{"name": "x", "est_minutes": -Infinity, "sections": []}', "-Infinity is not a JSON number"),
        (b'{"name": "x", "est_minutes": ' + b"9" * 5000 + b', "sections": []}', "more digits than"),
        (b'{"name": "x", "sections": ' + b"[" * 5000 + b"]" * 5000 + b"}", "deeper than this server reads"),
    ],
)
def test_a_body_that_is_no_json_is_400_saying_why_and_stores_nothing(api, raw, said):
    """NaN and Infinity are no JSON, though Python's parser reads them (a NaN reached the checks as a number and
    came back 422 "must be a whole number"); a 5,000-digit number and a 5,000-deep nesting got FastAPI's "There
    was an error parsing the body" without `details` (SPEC §1: every 400 names its problems)."""
    r = api.post("/v1/templates", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_request"
    [detail] = r.json()["details"]
    assert said in detail["message"] and detail["message"].startswith("the body is not valid JSON")
    assert api.get("/v1/templates").json()["pagination"]["total"] == 0
    # A word inside a string is text, and passes.
    assert (
        api.post("/v1/templates", json={**minimal("NaN Infinity"), "description": "NaN"}).status_code == 201
    )


def test_another_orgs_template_is_not_found(api):
    doc = create(api)
    other = api.second_org()
    for method in ("GET", "DELETE"):
        r = other.request(method, f"/v1/templates/{doc['id']}")
        assert r.status_code == 404 and r.json()["error"] == "template_not_found"
    assert other.get("/v1/templates").json()["data"] == []
    assert other.post("/v1/runs", json={"template_id": doc["id"]}).status_code == 404
    assert api.get(f"/v1/templates/{doc['id']}").status_code == 200


def test_unknown_version_is_not_found(api):
    doc = create(api)
    assert api.get(f"/v1/templates/{doc['id']}", params={"v": 7}).status_code == 404


def test_generate_returns_a_valid_template_that_saves(api):
    prompt = (
        "Vehicle pre-rental inspection checklist for a car rental company. Include exterior condition, "
        "interior cleanliness, fuel level, odometer, and customer signature."
    )
    r = api.post("/v1/templates/generate", json={"prompt": prompt})
    assert r.status_code == 200, r.text
    assert r.headers["Rundun-Generator"] == "offline"
    generated = r.json()
    assert "id" not in generated and generated["settings"]["signature_on_complete"] is True
    types = {s["label"]: s["type"] for sec in generated["sections"] for s in sec["steps"]}
    assert types["Fuel level"] == "choice" and types["Odometer reading"] == "number"
    saved = api.post("/v1/templates", json=generated)
    assert saved.status_code == 201
    assert {
        k: v for k, v in saved.json().items() if k not in ("id", "v", "org_id", "created_at", "updated_at")
    } == generated
    again = api.post("/v1/templates/generate", json={"prompt": prompt}).json()
    assert again == generated  # deterministic


def test_generate_prompt_bounds(api):
    for body in ({"prompt": ""}, {"prompt": "   "}, {"prompt": "x" * 4001}, {}):
        r = api.post("/v1/templates/generate", json=body)
        assert r.status_code == 400 and r.json()["error"] == "bad_request", body
    assert api.post("/v1/templates/generate", json={"prompt": 7}).status_code == 422
    assert (
        api.post("/v1/templates/generate", json={"prompt": "a fridge temperature"}, auth=False).status_code
        == 401
    )
    assert api.post("/v1/templates/generate", json={"prompt": "x" * 4000}).status_code == 200
