"""`/v1/runs`: dispatch, the run document, filters, preview, cancel, expiry, the link page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.fixtures import sql
from tests.support.samples import minimal, str_turnover, vehicle_inspection


def template(api, body=None) -> str:
    r = api.post("/v1/templates", json=body or vehicle_inspection())
    assert r.status_code == 201, r.text
    return r.json()["id"]


def dispatch(api, tid, **extra):
    r = api.post("/v1/runs", json={"template_id": tid, **extra})
    assert r.status_code == 201, r.text
    return r.json()


def expires_within(api, tid: str, hours: float, **body) -> bool:
    """Dispatch and check `expires_at` is `hours` after the request (bracketed by the clock before and
    after it, so a slow machine cannot fail it; the server stores whole seconds)."""
    before = datetime.now(UTC).replace(microsecond=0)
    out = dispatch(api, tid, **body)
    after = datetime.now(UTC)
    expires = datetime.fromisoformat(out["expires_at"])
    return before + timedelta(hours=hours) <= expires <= after + timedelta(hours=hours, seconds=1)


def test_dispatch_returns_the_reference_shape(api):
    tid = template(api)
    out = dispatch(api, tid, executor_ref="booking_9f2a3b", expires_in_hours=24)
    assert set(out) == {"run_id", "link", "expires_at", "assigned_to"}
    assert re.fullmatch(r"r-[0-9a-f-]{36}", out["run_id"])
    assert out["link"] == f"http://testserver/r/{out['run_id']}"
    assert out["assigned_to"] is None
    assert expires_within(api, tid, 24, expires_in_hours=24)


def test_expiry_defaults_to_the_org_setting_and_null_means_never(api):
    tid = template(api)
    assert expires_within(api, tid, 72)
    assert dispatch(api, tid, expires_in_hours=None)["expires_at"] is None
    api.patch("/v1/org", json={"settings": {"default_expires_in_hours": 2}})
    assert expires_within(api, tid, 2)


def test_expiry_bounds(api):
    tid = template(api)
    for bad in (0, -1, 8761, "soon", "24", True):  # a JSON number: `true` is not one hour
        r = api.post("/v1/runs", json={"template_id": tid, "expires_in_hours": bad})
        assert r.status_code == 422, bad
        assert r.json()["details"][0]["path"] == "expires_in_hours"
    assert api.get("/v1/runs").json()["pagination"]["total"] == 0
    assert api.get("/v1/org").json()["usage"]["runs_used_this_month"] == 0


@pytest.mark.parametrize("hours", [0.0001, 1e-300])
def test_a_tiny_expiry_is_rounded_up_to_the_next_second(api, hours):
    """Times are shown to the second; cut down, 0.0001 h gave `expires_at` == `created_at`: dead on arrival.
    1e-300 h (> 0, so accepted) still did: it vanished in the float sum and the whole `now` was not rounded up
    (the run was dispatched and charged, and its preview answered 410 at once)."""
    run_id = dispatch(api, template(api), expires_in_hours=hours)["run_id"]
    doc = api.get(f"/v1/runs/{run_id}").json()
    assert doc["expires_at"] > doc["created_at"]


def test_a_bad_include_is_named_as_a_query_parameter(api):
    run_id = dispatch(api, template(api))["run_id"]
    r = api.get(f"/v1/runs/{run_id}", params={"include": "bogus"})
    assert r.status_code == 422 and r.json()["error"] == "validation_error"
    assert "query parameter" in r.json()["message"] and "body" not in r.json()["message"]
    assert r.json()["details"] == [{"path": "include", "message": "must be 'template'"}]


def test_the_run_snapshots_the_template(api):
    tid = template(api)
    run = dispatch(api, tid)
    api.patch(f"/v1/templates/{tid}", json={"name": "Renamed"})
    doc = api.get(f"/v1/runs/{run['run_id']}", params={"include": "template"}).json()
    assert doc["template_v"] == 1
    assert doc["template"]["name"] == "Vehicle pre-rental inspection"
    assert doc["template"]["sections"] == api.get(f"/v1/templates/{tid}", params={"v": 1}).json()["sections"]
    assert (
        "template" not in api.get(f"/v1/runs/{run['run_id']}").json()
        or api.get(f"/v1/runs/{run['run_id']}").json()["template"] is None
    )


def test_run_document_fields(api):
    tid = template(api)
    run = dispatch(api, tid, executor_ref="booking_1")
    doc = api.get(f"/v1/runs/{run['run_id']}").json()
    for key in (
        "run_id",
        "status",
        "template_id",
        "template_v",
        "executor_ref",
        "created_at",
        "completed_at",
        "expires_at",
        "assigned_to",
        "executor_identity",
        "progress",
        "answers",
    ):
        assert key in doc
    assert doc["status"] == "pending"
    assert doc["answers"] == {}
    # Visible steps only: the damage description is hidden until damage is reported; no instruction steps.
    assert doc["progress"] == {"total": 4, "answered": 0, "skipped": 0}


def test_list_filters_and_order(api):
    t1, t2 = template(api), template(api, str_turnover())
    a = dispatch(api, t1, executor_ref="A")
    b = dispatch(api, t2, executor_ref="B")
    c = dispatch(api, t1, executor_ref="C")
    api.post(f"/v1/runs/{b['run_id']}/cancel")
    listed = api.get("/v1/runs").json()
    assert [r["run_id"] for r in listed["data"]] == [c["run_id"], b["run_id"], a["run_id"]]
    assert "answers" not in listed["data"][0]
    assert listed["data"][0]["template_name"] == "Vehicle pre-rental inspection"
    assert {r["run_id"] for r in api.get("/v1/runs", params={"template_id": t1}).json()["data"]} == {
        a["run_id"],
        c["run_id"],
    }
    assert [r["run_id"] for r in api.get("/v1/runs", params={"status": "cancelled"}).json()["data"]] == [
        b["run_id"]
    ]
    assert [r["run_id"] for r in api.get("/v1/runs", params={"executor_ref": "A"}).json()["data"]] == [
        a["run_id"]
    ]
    oldest_first = api.get("/v1/runs", params={"sort": "created_at"}).json()["data"]
    assert oldest_first[0]["run_id"] == a["run_id"]
    future = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert api.get("/v1/runs", params={"updated_since": future}).json()["data"] == []
    assert api.get("/v1/runs", params={"updated_since": "yesterday"}).status_code == 422
    assert api.get("/v1/runs", params={"status": "lost"}).status_code == 422


def test_preview_needs_no_key(api):
    run = dispatch(api, template(api), expires_in_hours=24)
    r = api.get(f"/v1/runs/{run['run_id']}/preview", auth=False)
    assert r.status_code == 200
    assert r.json() == {
        "run_id": run["run_id"],
        "status": "pending",
        "template_name": "Vehicle pre-rental inspection",
        "step_count": 4,
        "created_by_name": "Acme",
        "expires_at": run["expires_at"],
        "language": "en",
        "languages": ["en"],
    }
    assert api.get("/v1/runs/r-00000000-0000-4000-8000-000000000000/preview", auth=False).status_code == 404


def _backdate(api, run_id, **fields):
    for column, value in fields.items():
        sql(api, f"UPDATE runs SET {column} = ? WHERE id = ?", (value, run_id))


def test_expired_on_access_fires_once_and_preview_is_gone(api):
    run = dispatch(api, template(api), expires_in_hours=1, webhook={"url": "https://hooks.example.com/x"})
    _backdate(api, run["run_id"], expires_at="2020-01-01T00:00:00Z")
    r = api.get(f"/v1/runs/{run['run_id']}/preview", auth=False)
    assert r.status_code == 410 and r.json()["error"] == "run_expired"
    doc = api.get(f"/v1/runs/{run['run_id']}")
    assert doc.status_code == 200 and doc.json()["status"] == "expired"  # the owner still reads it
    api.get(f"/v1/runs/{run['run_id']}")
    events = api.ctx.db.read(
        lambda c: c.execute("SELECT event FROM events WHERE run_id = ?", (run["run_id"],)).fetchall()
    )
    assert [e[0] for e in events] == ["run.expired"]
    page = api.get(f"/r/{run['run_id']}", auth=False)
    assert page.status_code == 410


def test_the_sweeper_expires_due_runs(api):
    from server.services import runs as run_service

    tid = template(api)
    due = dispatch(api, tid, expires_in_hours=1)
    fresh = dispatch(api, tid, expires_in_hours=1)
    opened = dispatch(api, tid, expires_in_hours=1)
    _backdate(api, due["run_id"], expires_at="2020-01-01T00:00:00Z")
    # Opened before expiry: it stays open for its executor during the offline grace (168 h).
    past = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    _backdate(api, opened["run_id"], expires_at=past, opened_at=past)
    assert api.ctx.db.write_sync(run_service.sweep, api.ctx.settings.offline_grace_hours) == 1
    statuses = {r["run_id"]: r["status"] for r in api.get("/v1/runs").json()["data"]}
    assert statuses == {due["run_id"]: "expired", fresh["run_id"]: "pending", opened["run_id"]: "pending"}


def test_a_due_run_is_listed_and_counted_as_expired_before_the_sweeper_passes(api):
    """`GET /v1/runs/{id}` said `expired` for a run past its `expires_at`, while `GET /v1/runs` still listed it
    (and `?status=pending` found it) as `pending` and the stats counted it pending, until the sweeper's next
    pass (every 30 s): a customer polling the list for expired runs to re-dispatch missed it."""
    tid = template(api)
    due = dispatch(api, tid, expires_in_hours=1, executor_ref="due")
    opened = dispatch(api, tid, expires_in_hours=1, executor_ref="opened")
    _backdate(api, due["run_id"], expires_at="2020-01-01T00:00:00Z")
    past = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    _backdate(api, opened["run_id"], expires_at=past, opened_at=past)  # within the offline grace: still open
    pending = api.get("/v1/runs", params={"status": "pending"}).json()["data"]
    assert [r["executor_ref"] for r in pending] == ["opened"]
    expired = api.get("/v1/runs", params={"status": "expired"}).json()["data"]
    assert [r["run_id"] for r in expired] == [due["run_id"]]
    assert api.get("/v1/stats/runs").json()["totals"]["by_status"]["expired"] == 1
    events = sql(api, "SELECT event FROM events WHERE run_id = ?", (due["run_id"],))
    assert [e[0] for e in events] == ["run.expired"]  # fired once, however often the list is read


def test_cancel(api):
    run = dispatch(
        api, template(api), webhook={"url": "https://hooks.example.com/x", "events": ["run.cancelled"]}
    )
    r = api.post(f"/v1/runs/{run['run_id']}/cancel")
    assert (
        r.status_code == 200 and r.json()["status"] == "cancelled" and r.json()["cancel_reason"] == "revoked"
    )
    again = api.post(f"/v1/runs/{run['run_id']}/cancel")
    assert again.status_code == 409 and again.json()["error"] == "run_closed"
    deliveries = api.ctx.db.read(lambda c: c.execute("SELECT count(*) FROM webhook_deliveries").fetchone()[0])
    assert deliveries == 1


def test_webhook_config_is_validated(api):
    tid = template(api)
    cases = [
        ({"url": "ftp://x.example.com"}, "webhook.url"),
        ({"url": "not a url"}, "webhook.url"),
        ({"url": "http://127.0.0.1:9/h"}, "webhook.url"),
        ({"url": "http://10.1.2.3/h"}, "webhook.url"),
        ({"url": "http://[::1]/h"}, "webhook.url"),
        ({"url": "http://169.254.169.254/latest"}, "webhook.url"),
        # IPv4 shorthands the resolver reads as loopback: a 201, then every delivery refused as 127.0.0.1.
        ({"url": "http://127.1:8990/h"}, "webhook.url"),
        ({"url": "http://2130706433/h"}, "webhook.url"),
        ({"url": "http://0x7f000001/h"}, "webhook.url"),
        ({"url": "http://0177.0.0.1/h"}, "webhook.url"),
        ({"url": "http://localhost./h"}, "webhook.url"),  # the same name, fully qualified
        ({"url": "https://ok.example.com", "events": ["run.exploded"]}, "webhook.events[0]"),
        ({"url": "https://ok.example.com", "colour": "red"}, "webhook.colour"),
        # An empty secret signed nothing and an empty list delivered nothing, both accepted (201)
        ({"url": "https://ok.example.com", "secret": ""}, "webhook.secret"),
        ({"url": "https://ok.example.com", "events": []}, "webhook.events"),
    ]
    for webhook, path in cases:
        r = api.post("/v1/runs", json={"template_id": tid, "webhook": webhook})
        assert r.status_code == 422, webhook
        assert r.json()["details"][0]["path"] == path, (webhook, r.json())
    assert api.get("/v1/runs").json()["pagination"]["total"] == 0
    assert api.get("/v1/org").json()["usage"]["runs_used_this_month"] == 0


def test_a_422_names_every_problem_of_a_dispatch_at_once(api):
    """SPEC §1: `details` names every problem found. A URL that is no http(s) URL was named only once the other
    fields were right."""
    tid = template(api)
    body = {"template_id": tid, "expires_in_hours": -1, "executor_ref": 5, "webhook": {"url": "x"}}
    r = api.post("/v1/runs", json=body)
    assert r.status_code == 422
    details = {d["path"]: d["message"] for d in r.json()["details"]}
    assert set(details) == {"expires_in_hours", "executor_ref", "webhook.url"}
    assert details["webhook.url"] == "must be an absolute http(s) URL"
    assert api.get("/v1/runs").json()["pagination"]["total"] == 0


def test_private_webhooks_allowed_when_configured(api_factory):
    api = api_factory(webhook_allow_private=True)
    tid = template(api)
    dispatch(api, tid, webhook={"url": "http://127.0.0.1:9/h"})


def test_missing_template_id_is_400(api):
    r = api.post("/v1/runs", json={"executor_ref": "x"})
    assert r.status_code == 400 and r.json()["details"][0]["path"] == "template_id"


def test_another_orgs_run_is_not_found(api):
    run = dispatch(api, template(api))
    other = api.second_org()
    for method, url in [("GET", ""), ("POST", "/cancel")]:
        r = other.request(method, f"/v1/runs/{run['run_id']}{url}")
        assert r.status_code == 404 and r.json()["error"] == "run_not_found"
    assert other.get("/v1/runs").json()["data"] == []
    assert api.get(f"/v1/runs/{run['run_id']}").json()["status"] == "pending"


def test_the_link_page_deep_links_into_the_app(api):
    run = dispatch(api, template(api, minimal("Boiler <check>")))
    page = api.get(f"/r/{run['run_id']}", auth=False)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'href="rundun://r/{run["run_id"]}"' in page.text
    assert "Boiler &lt;check&gt;" in page.text
    assert api.get("/r/r-nope", auth=False).status_code == 404
