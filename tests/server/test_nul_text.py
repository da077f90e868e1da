"""U+0000 (NUL) in a request: a clear 4xx on either database, never a 500, nothing stored by halves.

PostgreSQL's text cannot hold NUL (SQLite's can): on PostgreSQL a run id, a template id, a filter or an op id
holding one failed as a 500 with a traceback. In a path it names nothing (404); in a query it is a bad
parameter (422, named); in a JSON body's id or name it is refused where the database cannot take it (422 on
PostgreSQL, the write undone; SQLite keeps the text as sent). Answer values are stored as JSON, NUL escaped,
and keep it on either database.
"""

from __future__ import annotations

from tests.support.executor import NOW, Executor, every_type
from tests.support.fixtures import sql

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
        ("/v1/stats/runs", "executor_ref"),
    ):
        r = api.get(path, params={name: NUL, "per_page": "5"})
        assert r.status_code == 422, (path, name, r.text)
        body = r.json()
        assert body["error"] == "validation_error" and [d["path"] for d in body["details"]] == [name], body
    assert (
        api.get("/v1/runs", params={"executor_ref": "a%00b as typed"}).status_code == 200
    )  # text, not a NUL


def test_a_nul_in_an_id_of_a_body_is_a_clear_error_or_kept_whole_and_never_a_500(api, backend):
    ex = Executor.start(api)
    runs_before = sql(api, "SELECT count(*) FROM runs")
    template_id = api.get("/v1/templates").json()["data"][0]["id"]
    r = api.post("/v1/runs", json={"template_id": template_id, "executor_ref": NUL})
    if backend == "postgresql":
        assert r.status_code == 422 and r.json()["error"] == "validation_error", r.text
        assert "U+0000" in r.json()["message"]
        assert sql(api, "SELECT count(*) FROM runs") == runs_before
    else:
        assert r.status_code == 201, r.text
        assert api.get(f"/v1/runs/{r.json()['run_id']}").json()["executor_ref"] == NUL
    ops = [
        {"op_id": "op-1", "step_id": "s-text", "value": "first", "at": NOW},
        {"op_id": NUL, "step_id": "s-num", "value": 3, "at": NOW},
    ]
    r = ex.sync(ops)
    assert r.status_code < 500, r.text
    answers = ex.state()["answers"]
    if backend == "postgresql":  # the batch is one write: none of it, and the op may be sent again
        assert r.status_code == 422 and "s-text" not in answers and "s-num" not in answers, r.text
        ops[1]["op_id"] = "op-2"
        assert [x["status"] for x in ex.sync(ops).json()["results"]] == ["applied", "applied"]
    else:
        assert r.status_code == 200 and answers["s-num"]["value"] == 3, r.text


def test_a_nul_inside_an_answers_text_is_kept_on_either_database(api):
    ex = Executor.start(api, every_type())
    r = ex.sync([{"op_id": "op-1", "step_id": "s-text", "value": "line\u0000end", "at": NOW}])
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.text
    assert ex.state()["answers"]["s-text"]["value"] == "line\u0000end"
    history = api.get(f"/v1/runs/{ex.run_id}/history").json()["data"]
    assert history[-1]["value"] == "line\u0000end"
