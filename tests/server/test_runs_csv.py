"""`GET /v1/templates/{id}/runs.csv` (issue 17): one row per run, one column per step in readable words."""

from __future__ import annotations

import csv
import io

from server.services import export
from tests.support.executor import Executor, every_type, jpeg, template
from tests.support.fixtures import sql

LATER = "2026-05-22T09:00:00Z"


def rows_of(api, template_id: str, **params) -> list[dict]:
    r = api.get(f"/v1/templates/{template_id}/runs.csv", params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.text)))


def test_answers_read_as_words_and_photos_as_urls(api):
    body = every_type()
    for step in body["sections"][0]["steps"]:
        if step["id"] == "s-num":
            step["config"]["unit"] = "km"
    template_id = template(api, body)
    ex = Executor(
        api,
        api.post("/v1/runs", json={"template_id": template_id, "executor_ref": "csv-1"}).json()["run_id"],
        "",
    )
    ex.token = api.post(f"/v1/runs/{ex.run_id}/open", json={}, auth=False).json()["executor_token"]
    for step_id, value in (
        ("s-bool", False),
        ("s-num", 12.5),
        ("s-choice", "o-b"),
        ("s-multi", ["o-x", "o-z"]),
        ("s-text", 'a, "b"'),
    ):
        assert ex.answer(step_id, value).status_code == 200
    assert ex.photo("s-photo", 0, jpeg()).status_code == 200
    assert ex.photo("s-photo", 1, jpeg()).status_code == 200
    untouched = api.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]

    rows = rows_of(api, template_id)
    assert [row["run_id"] for row in rows] == [ex.run_id, untouched]  # oldest first
    row = rows[0]
    assert (
        row["executor_ref"] == "csv-1" and row["executor"] == "anonymous" and row["status"] == "in_progress"
    )
    assert row["OK? (s-bool)"] == "no"
    assert row["Km (s-num)"] == "12.5 km"
    assert row["Fuel (s-choice)"] == "B"
    assert row["Damage (s-multi)"] == "X; Z"
    assert row["Notes (s-text)"] == 'a, "b"'
    photos = row["Pictures (s-photo)"].split(" ")
    assert len(photos) == 2 and all("/media/" in u and "sig=" in u for u in photos)
    assert "Read this (s-info)" not in row  # an instruction holds no answer
    assert rows[1]["OK? (s-bool)"] == "" and rows[1]["findings"] == "0"


def test_nothing_an_executor_typed_runs_as_a_formula_in_a_spreadsheet(api):
    """An executor_ref or an answer that starts like a formula was written as it was: a spreadsheet opening
    the export ran `=HYPERLINK(…)`. Such cells start with an apostrophe; plain numbers stay numbers."""
    body = every_type()
    for step in body["sections"][0]["steps"]:
        if step["id"] == "s-num":
            step["config"]["min"] = -100
        if step["id"] == "s-text":
            step["config"]["max_length"] = 200
    template_id = template(api, body)
    run_id = api.post("/v1/runs", json={"template_id": template_id, "executor_ref": "=1+2"}).json()["run_id"]
    ex = Executor(api, run_id, "")
    ex.token = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False).json()["executor_token"]
    assert ex.answer("s-text", '=HYPERLINK("http://evil.example/x","Click me")').status_code == 200
    assert ex.answer("s-num", -5).status_code == 200
    plain = api.post("/v1/runs", json={"template_id": template_id, "executor_ref": "-42"}).json()["run_id"]

    rows = {row["run_id"]: row for row in rows_of(api, template_id)}
    assert rows[run_id]["executor_ref"] == "'=1+2"
    assert rows[run_id]["Notes (s-text)"] == '\'=HYPERLINK("http://evil.example/x","Click me")'
    assert rows[run_id]["Km (s-num)"] == "-5"  # a number is no formula
    assert rows[plain]["executor_ref"] == "-42"
    stored = api.get(f"/v1/runs/{run_id}").json()
    assert stored["executor_ref"] == "=1+2"  # only the spreadsheet's copy is marked


def test_the_export_pages_through_many_chunks_in_order(api, monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 3)
    template_id = template(api, every_type())
    made = [
        api.post("/v1/runs", json={"template_id": template_id, "executor_ref": f"r{i}"}).json()["run_id"]
        for i in range(8)
    ]
    assert [row["run_id"] for row in rows_of(api, template_id)] == made
    assert rows_of(api, template_id, status="completed") == []


def test_a_run_past_its_expiry_is_exported_as_expired(api):
    """The export read the stored status: a run past `expires_at` went out as `pending` (the run document said
    `expired`) until the sweeper's next pass."""
    template_id = template(api, every_type())
    run_id = api.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]
    sql(api, "UPDATE runs SET expires_at = ? WHERE id = ?", ("2020-01-01T00:00:00Z", run_id))
    assert [row["status"] for row in rows_of(api, template_id)] == ["expired"]
    assert rows_of(api, template_id, status="pending") == []


def test_versions_and_other_orgs(api):
    template_id = template(api, every_type())
    api.post("/v1/runs", json={"template_id": template_id})
    assert len(rows_of(api, template_id, v=1)) == 1
    assert api.get(f"/v1/templates/{template_id}/runs.csv", params={"v": 2}).status_code == 404
    assert api.second_org().get(f"/v1/templates/{template_id}/runs.csv").status_code == 404
    assert api.get(f"/v1/templates/{template_id}/runs.csv", auth=False).status_code == 401
    for bad in ({"v": 0}, {"v": "x"}, {"status": "nope"}):
        r = api.get(f"/v1/templates/{template_id}/runs.csv", params=bad)
        assert r.status_code == 422 and r.json()["error"] == "validation_error", bad
