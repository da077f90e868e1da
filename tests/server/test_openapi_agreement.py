"""The OpenAPI document says what the server does (issue 13, point 6: schemathesis found statuses, media types
and shapes the document did not declare). Each case checks the server's answer and the document together."""

from __future__ import annotations

import jsonschema_rs  # schemathesis's own validator (the test extra installs it)
import pytest

from tests.support.samples import minimal


@pytest.fixture
def doc(api) -> dict:
    return api.get("/v1/openapi.json", auth=False).json()


def _step_validator(doc: dict):
    return jsonschema_rs.validator_for({"$ref": "#/components/schemas/Step", "components": doc["components"]})


def _responses(doc: dict, method: str, path: str) -> dict:
    return doc["paths"][path][method]["responses"]


def test_a_time_step_with_min_and_max_is_refused_by_both(api, doc):
    step = {"id": "s-1", "type": "time", "label": "When", "config": {"min": "08:00", "max": "18:00"}}
    template = minimal()
    template["sections"][0]["steps"] = [step]
    assert api.post("/v1/templates", json=template).status_code == 422
    validator = _step_validator(doc)
    assert not validator.is_valid(step)
    assert validator.is_valid({**step, "config": {}}) and validator.is_valid({**step, "config": None})
    date = {"id": "s-2", "type": "date", "label": "Day", "config": {"min": "2026-01-01", "max": "2026-12-31"}}
    assert validator.is_valid(date)


def test_the_event_stream_answers_401_in_json_as_documented(api, doc):
    r = api.get("/v1/events", auth=False)
    assert r.status_code == 401 and r.headers["content-type"].startswith("application/json")
    assert list(_responses(doc, "get", "/v1/events")["401"]["content"]) == ["application/json"]


def test_a_made_up_cursor_is_a_documented_422(api, doc):
    r = api.get("/v1/runs", params={"after": "not-a-cursor"})
    assert r.status_code == 422 and r.json()["details"][0]["path"] == "after"
    assert "422" in _responses(doc, "get", "/v1/runs")


def test_a_reused_idempotency_key_is_a_documented_422(api, doc):
    tid = api.post("/v1/templates", json=minimal(), headers={"Idempotency-Key": "k"}).json()["id"]
    r = api.post("/v1/templates", json=minimal("Other"), headers={"Idempotency-Key": "k"})
    assert r.status_code == 422 and r.json()["error"] == "idempotency_key_reused"
    api.post("/v1/runs", json={"template_id": tid}, headers={"Idempotency-Key": "r"})
    r = api.post("/v1/runs", json={"template_id": tid, "executor_ref": "x"}, headers={"Idempotency-Key": "r"})
    assert r.status_code == 422 and r.json()["error"] == "idempotency_key_reused"
    for path in ("/v1/templates", "/v1/runs"):
        assert "422" in _responses(doc, "post", path)


def test_if_match_declares_the_pattern_the_server_enforces(api, doc):
    tid = api.post("/v1/templates", json=minimal()).json()["id"]
    [if_match] = [
        p
        for p in doc["paths"]["/v1/templates/{template_id}"]["patch"]["parameters"]
        if p["name"] == "If-Match"
    ]
    patterns = [
        s.get("pattern") for s in if_match["schema"].get("anyOf", [if_match["schema"]]) if s.get("pattern")
    ]
    assert patterns
    assert api.patch(f"/v1/templates/{tid}", json={"name": "x"}, headers={"If-Match": "abc"}).status_code in (
        400,
        422,
    )
    assert (
        api.patch(f"/v1/templates/{tid}", json={"name": "x"}, headers={"If-Match": '"1"'}).status_code == 200
    )
