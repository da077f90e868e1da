"""SPEC §1 conventions: auth, errors, limits, rate limits, idempotency, OpenAPI."""

from __future__ import annotations

import json
import threading
import time

import pytest

from tests.support.samples import minimal


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer",
        "Basic abc",
        "Bearer rdk_live_short",
        "Bearer rdk_live_" + "0" * 32,
        "Bearer rdk_test_" + "a" * 32,
    ],
)
def test_bad_credentials_are_401(api, header):
    r = api.get("/v1/templates", auth=False, headers={"Authorization": header} if header else {})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized" and r.json()["message"]


def test_health_and_openapi_need_no_key(api):
    assert api.get("/v1/health", auth=False).json()["status"] == "ok"
    spec = api.get("/v1/openapi.json", auth=False).json()
    paths = spec["paths"]
    for path in (
        "/v1/templates",
        "/v1/templates/{template_id}",
        "/v1/runs",
        "/v1/runs/{run_id}",
        "/v1/runs/{run_id}/preview",
        "/v1/runs/{run_id}/cancel",
        "/v1/org",
        "/v1/api-keys",
        "/v1/members",
    ):
        assert path in paths
    assert "Template" in spec["components"]["schemas"]
    assert api.get("/docs", auth=False).status_code == 200


def test_unknown_route_and_method(api):
    r = api.get("/v1/nothing")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    r = api.put("/v1/templates")
    assert r.status_code == 405 and r.json()["error"] == "method_not_allowed"


def test_generate_with_another_method_is_405_allowing_post(api):
    """It answered 404 `template_not_found`, "generate" taken for a template's id."""
    for method in ("GET", "PATCH", "DELETE", "PUT", "OPTIONS"):  # OPTIONS: schemathesis, Allow listed all
        r = api.request(method, "/v1/templates/generate")
        assert r.status_code == 405 and r.json()["error"] == "method_not_allowed", (method, r.text)
        assert r.headers["allow"] == "POST"
    assert api.get("/v1/templates/t-nope").json()["error"] == "template_not_found"  # ids still reach GET


def test_a_trailing_slash_is_404_json_not_a_redirect(api):
    """It was an empty-bodied 307 whose Location was built from the client's Host header."""
    template_id = api.post("/v1/templates", json=minimal()).json()["id"]
    for method, path in (
        ("GET", "/v1/runs/"),
        ("POST", "/v1/runs/"),
        ("GET", f"/v1/templates/{template_id}/"),
        ("GET", "/v1/org/"),
    ):
        r = api.request(method, path, headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.status_code == 404 and r.json()["error"] == "not_found", (method, path, r.text)
        assert "location" not in r.headers
    assert api.get(f"/v1/templates/{template_id}").status_code == 200


def test_json_body_limit(api):
    big = minimal()
    big["description"] = "x" * (1024 * 1024 + 10)
    r = api.post("/v1/templates", json=big)
    assert r.status_code == 413 and r.json()["error"] == "payload_too_large"


def test_every_json_body_documents_its_413(api):
    spec = api.client.get("/v1/openapi.json").json()
    takes_json = [
        (path, method, operation)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    ]
    assert len(takes_json) >= 10
    assert [f"{m} {p}" for p, m, o in takes_json if "413" not in o["responses"]] == []
    r = api.patch("/v1/org", json={"name": "x" * (1024 * 1024 + 10)})  # one of them, over the limit
    assert r.status_code == 413 and r.json()["error"] == "payload_too_large"
    assert api.get("/v1/org").json()["name"] == "Acme"


def test_streamed_body_over_the_limit(api):
    def chunks():
        yield b'{"name": "'
        for _ in range(300):
            yield b"y" * 4096
        yield b'"}'

    r = api.post("/v1/templates", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"] == "payload_too_large"


def test_rate_limit_headers_and_429(api_factory):
    api = api_factory(rate_limit=5)
    first = api.get("/v1/org")
    assert first.headers["X-RateLimit-Limit"] == "5"
    assert first.headers["X-RateLimit-Remaining"] == "4"
    assert int(first.headers["X-RateLimit-Reset"]) >= 1
    for _ in range(4):
        assert api.get("/v1/org").status_code == 200
    r = api.get("/v1/org")
    assert r.status_code == 429 and r.json()["error"] == "rate_limited"
    assert int(r.headers["Retry-After"]) >= 1
    assert r.headers["X-RateLimit-Remaining"] == "0"
    other = api.second_org()  # per key: another key still passes
    assert other.get("/v1/org").status_code == 200


def test_idempotent_dispatch_replays(api):
    tid = api.post("/v1/templates", json=minimal()).json()["id"]
    body = {"template_id": tid, "executor_ref": "b-1"}
    first = api.post("/v1/runs", json=body, headers={"Idempotency-Key": "k-1"})
    again = api.post("/v1/runs", json=body, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert api.get("/v1/runs").json()["pagination"]["total"] == 1
    assert api.get("/v1/org").json()["usage"]["runs_used_this_month"] == 1
    other_body = api.post(
        "/v1/runs", json={**body, "executor_ref": "b-2"}, headers={"Idempotency-Key": "k-1"}
    )
    assert other_body.status_code == 422 and other_body.json()["error"] == "idempotency_key_reused"
    # Keys are scoped per org: another org may use the same key.
    other = api.second_org()
    tid2 = other.post("/v1/templates", json=minimal()).json()["id"]
    assert (
        other.post("/v1/runs", json={"template_id": tid2}, headers={"Idempotency-Key": "k-1"}).status_code
        == 201
    )


def test_idempotent_template_create(api):
    a = api.post("/v1/templates", json=minimal(), headers={"Idempotency-Key": "t"})
    b = api.post("/v1/templates", json=minimal(), headers={"Idempotency-Key": "t"})
    assert a.json()["id"] == b.json()["id"] and b.headers["Idempotent-Replayed"] == "true"
    assert api.get("/v1/templates").json()["pagination"]["total"] == 1


def test_idempotency_key_in_flight_is_409(api, monkeypatch):
    """A second request with the key while the first still waits for its commit is refused."""
    tid = api.post("/v1/templates", json=minimal()).json()["id"]
    release = threading.Event()
    entered = threading.Event()
    engine = type(api.ctx.db)
    original = engine._run_batch

    def slow_batch(self, conn, batch):
        entered.set()
        release.wait(120)  # set once the second request has its answer; the bound only ends a broken test
        return original(self, conn, batch)

    monkeypatch.setattr(engine, "_run_batch", slow_batch)
    results = {}

    def first():
        results["first"] = api.post(
            "/v1/runs", json={"template_id": tid}, headers={"Idempotency-Key": "slow"}
        )

    t = threading.Thread(target=first)
    t.start()
    assert entered.wait(120)
    # The writer may have been entered by another write: wait until the first request holds its key too.
    deadline = time.monotonic() + 120
    while not any(key == "slow" for _org, key in api.ctx.idempotency_in_flight):
        assert time.monotonic() < deadline, "the first request never took its Idempotency-Key"
        time.sleep(0.01)
    second = api.post("/v1/runs", json={"template_id": tid}, headers={"Idempotency-Key": "slow"})
    release.set()
    t.join(120)
    assert second.status_code == 409 and second.json()["error"] == "idempotency_key_in_use"
    assert results["first"].status_code == 201


def test_idempotency_key_too_long(api):
    tid = api.post("/v1/templates", json=minimal()).json()["id"]
    r = api.post("/v1/runs", json={"template_id": tid}, headers={"Idempotency-Key": "k" * 256})
    assert r.status_code == 422


def test_errors_never_leak_tracebacks(api, monkeypatch):
    from server.services import orgs

    def broken(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(orgs, "org_document", broken)
    r = api.get("/v1/org")
    assert r.status_code == 500
    assert r.json() == {"error": "internal_error", "message": "Something went wrong on our side."}


def test_times_are_utc_seconds_with_z(api):
    doc = api.post("/v1/templates", json=minimal()).json()
    assert doc["created_at"].endswith("Z") and len(doc["created_at"]) == 20
    time.sleep(0)


@pytest.mark.parametrize("path", ["/v1/api-keys", "/v1/members", "/v1/plans"])
def test_every_collection_pages_as_spec_1_says(api, path):
    """SPEC §1: `?page=&per_page=` → `{"data": [...], "pagination": {total, page, per_page, next_page}}`. The
    organisation's keys and members and the plans answered `{"data": [...]}` whole, ignoring `per_page`."""
    for n in range(3):
        api.post("/v1/api-keys", json={"name": f"key {n}"})
        api.post("/v1/members", json={"name": f"Member {n}", "email": f"m{n}@example.com"})
    whole = api.get(path).json()
    total = whole["pagination"]["total"]
    assert total == len(whole["data"]) >= 3 and whole["pagination"]["next_page"] is None
    pages, page = [], 1
    while page:
        body = api.get(f"{path}?per_page=2&page={page}").json()
        assert body["pagination"]["total"] == total and body["pagination"]["per_page"] == 2
        assert len(body["data"]) == min(2, total - 2 * (page - 1))
        pages += body["data"]
        page = body["pagination"]["next_page"]
    assert pages == whole["data"]
    assert api.get(f"{path}?page=99").json() == {
        "data": [],
        "pagination": {"total": total, "page": 99, "per_page": 50, "next_page": None},
    }
    for bad in ("per_page=0", "per_page=201", "page=0", "page=x"):
        r = api.get(f"{path}?{bad}")
        assert r.status_code == 422 and r.json()["error"] == "validation_error", bad


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_a_json_body_sent_as_another_media_type_is_415_and_stores_nothing(api, content_type):
    """SPEC §1: writes send `Content-Type: application/json`; 415 for a type not accepted. FastAPI left such a
    body unparsed and answered 400 "Input should be a valid dictionary" to a customer whose JSON was right and
    whose header was not. The executor's hand-parsed bodies already answered 415."""
    body = json.dumps(minimal()).encode()
    r = api.post("/v1/templates", content=body, headers={"Content-Type": content_type})
    assert r.status_code == 415 and r.json()["error"] == "unsupported_media_type", r.text
    assert "application/json" in r.json()["message"]
    assert api.get("/v1/templates").json()["pagination"]["total"] == 0
    r = api.post("/v1/templates", content=body, headers={"Content-Type": "application/merge-patch+json"})
    assert r.status_code == 201, r.text  # a +json type is JSON


def test_a_json_body_sent_without_any_content_type_is_read_as_json_on_every_route(api):
    """A body with no Content-Type at all is read as JSON (`api.bodies`: lenient), on the routes FastAPI parses
    as on the hand-parsed ones. POST /v1/runs took it while POST /v1/templates answered 400 "Input should be a
    valid dictionary" for the same kind of body (FastAPI's strict default left it unparsed), as did the
    executor's answers, /sync, /complete and /exit."""

    def bare(method: str, url: str, doc: dict):
        return api.request(method, url, content=json.dumps(doc).encode())

    r = bare("POST", "/v1/templates", minimal())
    assert "content-type" not in r.request.headers
    assert r.status_code == 201, r.text
    tid = r.json()["id"]
    r = bare("PATCH", f"/v1/templates/{tid}", {"name": "Renamed"})
    assert r.status_code == 200 and r.json()["name"] == "Renamed", r.text
    r = bare("POST", "/v1/runs", {"template_id": tid})
    assert r.status_code == 201, r.text
    run = r.json()["run_id"]
    token = api.post(f"/v1/runs/{run}/open", auth=False, json={}).json()["executor_token"]
    answer = {"value": True, "at": "2026-05-22T08:31:00Z"}
    r = api.request(
        "PUT",
        f"/v1/runs/{run}/answers/s-1",
        auth=False,
        content=json.dumps(answer).encode(),
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200 and r.json()["answer"]["value"] is True, r.text
    r = bare("POST", "/v1/api-keys", {"name": "ci"})
    assert r.status_code == 201 and r.json()["key"].startswith("rdk_live_"), r.text
    r = bare("POST", "/v1/members", {"name": "Ann", "email": "ann@example.com"})
    assert r.status_code == 201, r.text
    r = bare("POST", "/v1/templates", {"name": ""})  # read as JSON: its problems are named, not its type
    assert r.status_code == 400 and r.json()["details"][0]["path"] != "", r.text
