"""U+0000 (NUL) in a request: a clear 4xx on either database, never a 500, nothing stored by halves.

PostgreSQL's text cannot hold NUL (SQLite's can): on PostgreSQL a run id, a template id, a filter or an op id
holding one failed as a 500 with a traceback. In a path it names nothing (404); in a query it is a bad
parameter (422, named); anywhere in a JSON body it is refused before anything is written (422 naming each
path), on either database: SQLite stored what PostgreSQL refused, and the same API must answer the same.
"""

from __future__ import annotations

from tests.support.executor import NOW, Executor, every_type
from tests.support.fixtures import sql
from tests.support.samples import minimal

NUL = "a\u0000b"


def test_a_nul_in_a_path_names_nothing_there_is(api):
    ex = Executor.start(api)
    for method, path in (
        ("GET", "/v1/runs/a%00b"),
        ("GET", "/v1/runs/a%00b/history"),
        ("POST", "/v1/runs/a%00b/cancel"),
        ("GET", "/v1/templates/a%00b"),
        ("DELETE", "/v1/api-keys/a%00b"),
        ("POST", "/v1/webhook-deliveries/a%00b/redeliver"),
    ):
        r = api.request(method, path)
        assert r.status_code == 404 and r.json()["error"] == "not_found", (path, r.text)
    r = ex.call("GET", "/answers/a%00b/photos/0")
    assert r.status_code == 404, r.text
    r = api.request(
        "PATCH", f"/v1/runs/{ex.run_id}/uploads/upl_a%00b", auth=False, headers={"Tus-Resumable": "1.0.0"}
    )
    assert r.status_code == 404 and r.headers["Tus-Resumable"] == "1.0.0", r.text
    assert ex.state()["run_id"] == ex.run_id  # the run, and the server, as they were


def test_a_nul_in_a_query_parameter_is_refused_by_name(api):
    Executor.start(api)
    for path, name in (
        ("/v1/runs", "executor_ref"),
        ("/v1/runs", "template_id"),
        ("/v1/templates", "q"),
        ("/v1/templates", "tag"),
        ("/v1/stats/runs", "query.executor_ref"),  # the stats name theirs `query.<name>` (SPEC §14)
    ):
        r = api.get(path, params={name.removeprefix("query."): NUL, "per_page": "5"})
        assert r.status_code == 422, (path, name, r.text)
        body = r.json()
        assert body["error"] == "validation_error" and [d["path"] for d in body["details"]] == [name], body
    assert (
        api.get("/v1/runs", params={"executor_ref": "a%00b as typed"}).status_code == 200
    )  # text, not a NUL


def test_a_nul_in_any_text_of_a_body_is_refused_by_path_on_either_database(api):
    ex = Executor.start(api, every_type())
    runs = sql(api, "SELECT count(*) FROM runs")
    template_id = api.get("/v1/templates").json()["data"][0]["id"]
    _refused(
        api.post("/v1/runs", json={"template_id": template_id, "executor_ref": "a\u0000b"}), "executor_ref"
    )
    _refused(api.post("/v1/templates", json=minimal("Quick\u0000check")), "name")
    assert sql(api, "SELECT count(*) FROM runs") == runs
    _refused(ex.answer("s-text", "line\u0000end"), "value")
    ops = [
        {"op_id": "op-1", "step_id": "s-text", "value": "first", "at": NOW},
        {"op_id": "a\u0000b", "step_id": "s-num", "value": 3, "at": NOW},
    ]
    _refused(ex.sync(ops), "ops[1].op_id")
    answers = ex.state()["answers"]
    assert "s-text" not in answers and "s-num" not in answers  # nothing of the batch
    assert api.get(f"/v1/runs/{ex.run_id}/history").json()["data"] == []


def _refused(r, *paths: str) -> None:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "validation_error" and "U+0000" in body["details"][0]["message"], body
    assert [d["path"] for d in body["details"]] == list(paths), body
