"""Findings through the API (SPEC §14): `flagged` on answers, run documents, summaries and `run.completed`,
`GET /v1/runs?flagged=`, and `GET /v1/templates/{id}/stats` — all checked against a brute-force reading of
the answers the executor sent, on random runs with hidden steps, skips, rewrites and completions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.executor import Executor, open_run
from tests.support.fixtures import sql

FLAGS = {
    "s-ok": False,
    "s-temp": {"below": 2, "above": 8},
    "s-tyre": ["o-c"],
    "s-seat": ["o-z"],
    "s-rate": {"below": 2},
}


def inspection() -> dict:
    """Every type that can flag, one step hidden unless s-ok is true, and a text step that cannot flag."""

    def options(*ids):
        return {"options": [{"id": i, "label": i.upper()} for i in ids]}

    steps = [
        {"id": "s-ok", "type": "boolean", "label": "Brakes OK?"},
        {
            "id": "s-temp",
            "type": "number",
            "label": "Disc temperature",
            "config": {"decimal": 1},
            "condition": {"when": {"step": "s-ok", "op": "eq", "value": True}},
        },
        {"id": "s-tyre", "type": "choice", "label": "Tyre", "config": options("o-a", "o-b", "o-c")},
        {"id": "s-seat", "type": "multi_choice", "label": "Seats", "config": options("o-x", "o-y", "o-z")},
        {"id": "s-rate", "type": "rating", "label": "Clean", "config": {"min": 1, "max": 5}},
        {"id": "s-note", "type": "text", "label": "Notes"},
    ]
    for s in steps:
        s["required"] = False
        if s["id"] in FLAGS:
            s["flag"] = FLAGS[s["id"]]
    return {
        "name": "Brakes",
        "settings": {"allow_skip": True},
        "sections": [{"id": "g-1", "title": "All", "steps": steps}],
    }


VALUES = {
    "s-ok": st.booleans(),
    "s-temp": st.sampled_from([0, 1.5, 2, 5, 8, 8.5, 12]),
    "s-tyre": st.sampled_from(["o-a", "o-b", "o-c"]),
    "s-seat": st.sampled_from([["o-x"], ["o-z"], ["o-x", "o-y"], ["o-y", "o-z"]]),
    "s-rate": st.integers(1, 5),
    "s-note": st.sampled_from(["fine", "squeaks"]),
}
ORDER = list(VALUES)
# Per step: None (not answered), ("value", v) or ("skip",)
answer_plan = st.fixed_dictionaries(
    {
        sid: st.one_of(st.none(), st.just(("skip",)), strat.map(lambda v: ("value", v)))
        for sid, strat in VALUES.items()
    }
)
run_plan = st.tuples(answer_plan, st.booleans(), st.booleans())  # answers, rewrite s-ok at the end, complete


def is_finding(sid, value) -> bool:
    flag = FLAGS.get(sid)
    if flag is None:
        return False
    if isinstance(flag, bool):
        return value is flag
    if isinstance(flag, list):
        return value in flag if isinstance(value, str) else any(v in flag for v in value)
    return (flag.get("below") is not None and value < flag["below"]) or (
        flag.get("above") is not None and value > flag["above"]
    )


def expected_answers(plan: dict, completed: bool) -> dict:
    """The answers stored at the end, each with whether it is a finding."""
    stored = {sid: a for sid, a in plan.items() if a is not None}
    ok = stored.get("s-ok")
    visible = {sid for sid in ORDER if sid != "s-temp" or ok == ("value", True)}
    if completed:
        stored = {sid: a for sid, a in stored.items() if sid in visible}
    return {
        sid: {
            "skipped": a[0] == "skip",
            "value": a[1] if a[0] == "value" else None,
            "flagged": a[0] == "value" and sid in visible and is_finding(sid, a[1]),
        }
        for sid, a in stored.items()
    }


def play(api, plan: dict, rewrite: bool, complete: bool) -> tuple[str, dict]:
    executor = Executor(api, "", "")
    run_id = api.post("/v1/runs", json={"template_id": api.template_id}).json()["run_id"]
    executor.run_id, executor.token = run_id, open_run(api, run_id)["executor_token"]
    at = datetime(2026, 5, 22, 8, 0, tzinfo=UTC)
    ops = []
    for n, sid in enumerate(ORDER):
        a = plan[sid]
        if a is None:
            continue
        when = (at + timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
        op = {"op_id": f"{run_id}-{n}", "step_id": sid, "at": when}
        op.update({"value": None, "skipped": True} if a[0] == "skip" else {"value": a[1]})
        ops.append(op)
    if ops:
        assert executor.sync(ops).status_code == 200
    if rewrite and plan["s-ok"] is not None:  # a PUT that may hide or show s-temp after the fact
        flipped = ("value", not plan["s-ok"][1]) if plan["s-ok"][0] == "value" else ("value", True)
        assert executor.answer("s-ok", flipped[1], at="2026-05-22T09:00:00Z").status_code == 200
        plan = {**plan, "s-ok": flipped}
    if complete:
        assert executor.complete().status_code == 200, executor.complete().text
    return run_id, plan


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(runs=st.lists(run_plan, min_size=1, max_size=6))
def test_findings_and_template_stats_equal_a_brute_force_reading(api, runs):
    org = api.second_org()
    org.template_id = org.post("/v1/templates", json=inspection()).json()["id"]
    expected_runs = {}
    for plan, rewrite, complete in runs:
        run_id, final_plan = play(org, plan, rewrite, complete)
        expected_runs[run_id] = expected_answers(final_plan, complete)

    for run_id, answers in expected_runs.items():
        doc = org.get(f"/v1/runs/{run_id}").json()
        assert {sid: a["flagged"] for sid, a in doc["answers"].items()} == {
            sid: a["flagged"] for sid, a in answers.items()
        }
        assert doc["flagged"] == sum(a["flagged"] for a in answers.values())
    listed = org.get("/v1/runs", params={"flagged": "true", "per_page": 200}).json()["data"]
    assert {r["run_id"] for r in listed} == {
        rid for rid, a in expected_runs.items() if any(x["flagged"] for x in a.values())
    }
    assert all(r["flagged"] > 0 for r in listed)
    unflagged = org.get("/v1/runs", params={"flagged": "false", "per_page": 200}).json()["data"]
    assert len(listed) + len(unflagged) == len(expected_runs)

    for run_id, body in sql(
        api, "SELECT run_id, body FROM events WHERE event = 'run.completed' AND org_id = ?", (org.org["id"],)
    ):
        data = json.loads(body)["data"]
        assert data["flagged"] == sum(a["flagged"] for a in expected_runs[run_id].values())
        assert {sid: a["flagged"] for sid, a in data["answers"].items()} == {
            sid: a["flagged"] for sid, a in expected_runs[run_id].items()
        }

    today = datetime.now(UTC).date()
    r = org.get(
        f"/v1/templates/{org.template_id}/stats",
        params={
            "from": (today - timedelta(days=1)).isoformat(),
            "to": (today + timedelta(days=1)).isoformat(),
        },
    )
    assert r.status_code == 200, r.text
    stats = r.json()
    assert stats["runs"] == len(expected_runs) and stats["v"] == 1
    assert sum(stats["by_status"].values()) == len(expected_runs)
    assert stats["by_status"]["completed"] == sum(complete for _, _, complete in runs)
    assert [s["step_id"] for s in stats["steps"]] == ORDER
    for entry in stats["steps"]:
        sid = entry["step_id"]
        stored = [a[sid] for a in expected_runs.values() if sid in a]
        values = [a["value"] for a in stored if not a["skipped"]]
        assert entry["answered"] == len(values), sid
        assert entry["skipped"] == sum(a["skipped"] for a in stored), sid
        assert entry["flagged"] == sum(a["flagged"] for a in stored), sid
        assert entry["values"] == brute_values(sid, values), sid


def brute_values(sid: str, values: list):
    if sid == "s-ok":
        return {"true": values.count(True), "false": values.count(False)}
    if sid == "s-tyre":
        return {o: values.count(o) for o in ("o-a", "o-b", "o-c")}
    if sid == "s-seat":
        return {o: sum(o in v for v in values) for o in ("o-x", "o-y", "o-z")}
    if sid in ("s-temp", "s-rate"):
        if not values:
            return {"min": None, "max": None, "mean": None, "p50": None, "histogram": []}
        ordered = sorted(values)
        out = {
            "min": ordered[0],
            "max": ordered[-1],
            "mean": float(sum(map(_exact, values)) / len(values)),
            "p50": ordered[(len(values) + 1) // 2 - 1],
        }
        if sid == "s-rate":
            out["histogram"] = [{"from": k, "to": k, "count": values.count(k)} for k in range(1, 6)]
        elif ordered[0] == ordered[-1]:
            out["histogram"] = [{"from": ordered[0], "to": ordered[0], "count": len(values)}]
        else:
            # Exact rationals from the values as written: equal tenths of the range, a value on an inner
            # edge in the bin it starts, the largest in the last.
            low, high = _exact(ordered[0]), _exact(ordered[-1])
            edges = [low + i * (high - low) / 10 for i in range(11)]
            counts = [0] * 10
            for v in values:
                counts[min(sum(e <= _exact(v) for e in edges[1:]), 9)] += 1
            out["histogram"] = [
                {"from": float(edges[i]), "to": float(edges[i + 1]), "count": counts[i]} for i in range(10)
            ]
        return out
    return None


def _exact(value: float) -> Fraction:
    """A number as written in JSON (0.1 is one tenth, not the double nearest to it)."""
    return Fraction(repr(value))


def test_template_stats_are_404_for_another_org_a_missing_version_or_template(api):
    tid = api.post("/v1/templates", json=inspection()).json()["id"]
    other = api.second_org()
    assert other.get(f"/v1/templates/{tid}/stats").status_code == 404
    assert api.get(f"/v1/templates/{tid}/stats", params={"v": "2"}).status_code == 404
    assert api.get("/v1/templates/t-00000000-0000-4000-8000-000000000000/stats").status_code == 404
    assert api.get(f"/v1/templates/{tid}/stats", params={"v": "1"}).status_code == 200
    for params, path in (
        ({"v": "0"}, "query.v"),
        ({"v": "x"}, "query.v"),
        ({"from": "2026-01-02", "to": "2026-01-01"}, "query.from"),
    ):
        r = api.get(f"/v1/templates/{tid}/stats", params=params)
        assert r.status_code == 422 and [d["path"] for d in r.json()["details"]] == [path]
    assert api.delete(f"/v1/templates/{tid}").status_code == 204
    assert api.get(f"/v1/templates/{tid}/stats").status_code == 404


def test_a_bad_flag_is_422_at_its_path_and_nothing_is_stored(api):
    body = inspection()
    body["sections"][0]["steps"][5]["flag"] = True  # a text step
    body["sections"][0]["steps"][2]["flag"] = ["o-nope"]
    r = api.post("/v1/templates", json=body)
    assert r.status_code == 422
    assert sorted(d["path"] for d in r.json()["details"]) == [
        "sections[0].steps[2].flag",
        "sections[0].steps[5].flag",
    ]
    assert api.get("/v1/templates").json()["pagination"]["total"] == 0


def test_flags_reach_the_openapi_document(api):
    spec = api.get("/v1/openapi.json", auth=False).json()
    assert "/v1/stats/runs" in spec["paths"] and "/v1/templates/{template_id}/stats" in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/v1/runs"]["get"]["parameters"]}
    assert "flagged" in params
    assert "flagged" in spec["components"]["schemas"]["RunSummary"]["properties"]
    assert "flagged" in spec["components"]["schemas"]["AnswerOut"]["properties"]


def test_the_runs_list_filters_by_created_range_and_version_for_the_dashboard(api):
    tid = api.post("/v1/templates", json=inspection()).json()["id"]
    first = api.post("/v1/runs", json={"template_id": tid}).json()["run_id"]
    body = inspection()
    body["name"] = "Brakes, v2"
    assert api.patch(f"/v1/templates/{tid}", json=body).status_code == 200
    second = api.post("/v1/runs", json={"template_id": tid}).json()["run_id"]

    def ids(**params):
        r = api.get("/v1/runs", params=params)
        assert r.status_code == 200, r.text
        return {row["run_id"] for row in r.json()["data"]}

    assert ids(template_v=1) == {first} and ids(template_v=2) == {second}
    created = api.get(f"/v1/runs/{first}").json()["created_at"]
    assert ids(created_since=created) == {first, second}
    assert ids(created_before=created) == set()
    assert ids(created_since="2000-01-01T00:00:00Z", created_before="2000-01-02T00:00:00Z") == set()
    for name in ("created_since", "created_before"):
        r = api.get("/v1/runs", params={name: "yesterday"})
        assert r.status_code == 422 and r.json()["details"][0]["path"] == name
