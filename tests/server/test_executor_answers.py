"""SPEC §5 answers: `PUT …/answers/{step_id}` for every type, last `at` wins, skips, events; and `/sync`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.clock import iso, parse_iso
from server.services.executor import FUTURE_TOLERANCE, parse_at
from server.store import events as event_store
from tests.support.executor import NOW, Executor, every_type, many_steps

EARLIER = "2026-05-22T08:00:00Z"
LATER = "2026-05-22T09:00:00Z"

VALID = [
    ("s-bool", True),
    ("s-bool", False),
    ("s-num", 0),
    ("s-num", 99.5),
    ("s-num", 100),
    ("s-text", "All fine"),
    ("s-choice", "o-b"),
    ("s-multi", ["o-x"]),
    ("s-multi", ["o-y", "o-z"]),
    ("s-rate", 1),
    ("s-rate", 5),
    ("s-date", "2026-05-22"),
    ("s-time", "08:31"),
    ("s-time", "23:59"),
    ("s-photo", None),
    ("s-sig", None),
    ("s-bool", None),  # null clears an answer
]
INVALID = [
    ("s-bool", "yes", "value"),
    ("s-bool", 1, "value"),
    ("s-num", "12", "value"),
    ("s-num", 100.5, "value"),
    ("s-num", 1.25, "value"),
    ("s-num", -1, "value"),
    ("s-num", True, "value"),
    ("s-text", "", "value"),
    ("s-text", "x" * 21, "value"),
    ("s-text", 5, "value"),
    ("s-choice", "o-x", "value"),
    ("s-choice", ["o-a"], "value"),
    ("s-multi", [], "value"),
    ("s-multi", ["o-x", "o-y", "o-z"], "value"),
    ("s-multi", ["o-x", "o-x"], "value[1]"),
    ("s-multi", "o-x", "value"),
    ("s-multi", ["o-q"], "value[0]"),
    ("s-rate", 0, "value"),
    ("s-rate", 6, "value"),
    ("s-rate", 2.5, "value"),
    ("s-date", "2025-12-31", "value"),
    ("s-date", "22/05/2026", "value"),
    ("s-date", "2026-02-30", "value"),
    ("s-time", "24:00", "value"),
    ("s-time", "8:31", "value"),
    ("s-photo", "picture", "value"),
    ("s-sig", True, "value"),
    ("s-info", None, "step_id"),
    ("s-nope", True, "step_id"),
]


def step_events(api, run_id: str) -> list[dict]:
    return [
        body
        for _, body in api.ctx.db.read(event_store.events_after, api.org["id"], 0)
        if body["run_id"] == run_id and body["event"] == "step.completed"
    ]


@pytest.fixture
def ex(api) -> Executor:
    return Executor.start(api, executor_ref="ref-7")


@pytest.mark.parametrize(("step_id", "value"), VALID)
def test_valid_answers_are_stored(api, ex, step_id, value):
    r = ex.answer(step_id, value)
    assert r.status_code == 200, r.text
    answer = r.json()["answer"]
    assert answer["value"] == value and answer["at"] == NOW and answer["skipped"] is False
    assert api.get(f"/v1/runs/{ex.run_id}").json()["answers"][step_id]["value"] == value


@pytest.mark.parametrize(("step_id", "value", "path"), INVALID)
def test_invalid_answers_are_422_with_details(api, ex, step_id, value, path):
    r = ex.answer(step_id, value)
    assert r.status_code == 422 and r.json()["error"] == "validation_error", r.text
    assert path in [d["path"] for d in r.json()["details"]]
    assert step_id not in api.get(f"/v1/runs/{ex.run_id}").json()["answers"]


def test_geo_is_checked(ex):
    good = {"lat": 51.5, "lng": -0.12, "accuracy_m": 5}
    assert ex.answer("s-geo", True, geo=good).json()["answer"]["geo"] == good
    r = ex.answer("s-geo", True, geo={"lat": 91, "lng": 0}, at=LATER)
    assert r.status_code == 422 and r.json()["details"][0]["path"] == "geo.lat"


def test_a_geo_without_accuracy_is_stored_with_accuracy_m_null(api, ex):
    """SPEC §3: `geo` is `{lat, lng, accuracy_m}`. An answer may leave `accuracy_m` out (a position without an
    estimate); the run document, /state, the webhook's answer and a /sync op then carry `accuracy_m: null`.
    Before, the key was missing from every document, and a customer reading `geo["accuracy_m"]` failed."""
    whole = {"lat": 51.5, "lng": -0.12, "accuracy_m": None}
    r = ex.answer("s-geo", True, geo={"lng": -0.12, "lat": 51.5})
    assert r.status_code == 200 and r.json()["answer"]["geo"] == whole, r.text
    assert list(r.json()["answer"]["geo"]) == ["lat", "lng", "accuracy_m"]
    assert api.get(f"/v1/runs/{ex.run_id}").json()["answers"]["s-geo"]["geo"] == whole
    assert ex.state()["answers"]["s-geo"]["geo"] == whole
    op = {"op_id": "op-geo", "step_id": "s-geo", "value": False, "geo": {"lat": 1, "lng": 2}, "at": LATER}
    result = ex.sync([op]).json()["results"][0]
    assert result["status"] == "applied" and result["answer"]["geo"] == {
        "lat": 1,
        "lng": 2,
        "accuracy_m": None,
    }
    # the same op sent again is a duplicate, and the same answer without accuracy_m is not a new one
    assert ex.sync([op]).json()["results"][0]["status"] == "duplicate"


def test_missing_fields_are_400_and_bad_at_422(ex):
    r = ex.call("PUT", "/answers/s-bool", json={"value": True})
    assert r.status_code == 400 and r.json()["details"][0]["path"] == "at"
    r = ex.call("PUT", "/answers/s-bool", json={"at": NOW})
    assert r.status_code == 400 and r.json()["details"][0]["path"] == "value"
    for at in ("yesterday", "2026-05-22", "2026-13-01T00:00:00Z"):
        r = ex.answer("s-bool", True, at=at)
        assert r.status_code == 422 and r.json()["details"][0]["path"] == "at", at
    r = ex.call("PUT", "/answers/s-bool", json={"value": True, "at": 5})
    assert r.status_code == 422
    r = ex.call("PUT", "/answers/s-bool", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400


def test_first_answer_moves_the_run_to_in_progress(api, ex):
    assert ex.state()["status"] == "pending"
    ex.answer("s-bool", True)
    doc = api.get(f"/v1/runs/{ex.run_id}").json()
    assert doc["status"] == "in_progress"
    assert doc["progress"] == {"total": 11, "answered": 1, "skipped": 0}
    assert doc["updated_at"] >= doc["opened_at"]


def test_last_at_wins(api, ex):
    assert ex.answer("s-text", "second", at=LATER).status_code == 200
    older = ex.answer("s-text", "first", at=EARLIER)
    assert older.status_code == 200
    assert older.json()["answer"]["value"] == "second" and older.json()["answer"]["at"] == LATER
    newer = ex.answer("s-text", "third", at="2026-05-22T09:00:01Z")
    assert newer.json()["answer"]["value"] == "third"
    assert api.get(f"/v1/runs/{ex.run_id}").json()["answers"]["s-text"]["value"] == "third"
    # Sub-second order counts although documents show seconds.
    ex.answer("s-text", "fourth", at="2026-05-22T09:00:01.900Z")
    assert ex.answer("s-text", "stale", at="2026-05-22T09:00:01.200Z").json()["answer"]["value"] == "fourth"


def test_step_completed_fires_only_when_the_answer_changes(api, ex):
    ex.answer("s-bool", True, at=EARLIER)
    ex.answer("s-bool", True, at=EARLIER)  # a replay
    ex.answer("s-bool", False, at="2026-05-22T07:00:00Z")  # older: ignored
    ex.answer("s-bool", True, at=LATER)  # same value, newer: nothing changes
    ex.answer("s-bool", False, at=LATER)
    fired = step_events(api, ex.run_id)
    assert [e["data"]["answer"]["value"] for e in fired] == [True, False]
    first = fired[0]["data"]
    assert first["step_id"] == "s-bool" and first["executor_ref"] == "ref-7"
    assert set(first["answer"]) == {"value", "photos", "geo", "at", "by", "skipped", "flagged"}


def test_a_far_future_at_is_clamped_to_the_tolerance_and_keeps_the_order(api, ex):
    """Clamped to now, a far-future `at` lost to a later one that was nearer (20:30 sent at 20:20 was
    stored as 20:20, then beaten by 20:22): clamped to now + FUTURE_TOLERANCE, the order is kept."""
    start = datetime.now(UTC)
    far = "9999-12-31T23:59:59Z"
    stored = parse_iso(ex.answer("s-text", "far", at=far).json()["answer"]["at"])
    assert start + FUTURE_TOLERANCE - timedelta(seconds=1) <= stored <= datetime.now(UTC) + FUTURE_TOLERANCE
    assert (
        ex.answer("s-text", "ahead", at=iso(start + timedelta(minutes=30))).json()["answer"]["value"]
        == "ahead"
    )
    within = ex.answer("s-text", "within", at=iso(start + timedelta(minutes=4)))
    assert within.json()["answer"]["value"] == "ahead"  # earlier than the clamped one: stale
    # The same wrong clock again, later: clamped again, to a limit as late or later, so it is applied.
    assert ex.answer("s-text", "corrected", at=far).json()["answer"]["value"] == "corrected"
    outcomes = [e["outcome"] for e in api.get(f"/v1/runs/{ex.run_id}/history").json()["data"]]
    assert outcomes == ["applied", "applied", "stale", "applied"]
    near = iso(datetime.now(UTC) + timedelta(minutes=2))
    assert ex.answer("s-bool", True, at=near).json()["answer"]["at"] == near  # small skew is kept


def test_the_same_answer_again_with_a_later_at_makes_an_older_one_stale(api, ex):
    """5 @10:00, 5 @10:05, then 7 @10:03 (late, out of order) ended 7: the second 5 changed nothing, so the
    stored `at` stayed 10:00. Its `at` is stored now, and 7 @10:03 is stale, by PUT and by /sync."""
    assert ex.answer("s-num", 5, at="2026-12-06T10:00:00Z").status_code == 200
    again = ex.answer("s-num", 5, at="2026-12-06T10:05:00Z").json()["answer"]
    assert again["value"] == 5 and again["at"] == "2026-12-06T10:05:00Z"
    late = ex.answer("s-num", 7, at="2026-12-06T10:03:00Z").json()["answer"]
    assert (late["value"], late["at"]) == (5, "2026-12-06T10:05:00Z")
    doc = api.get(f"/v1/runs/{ex.run_id}").json()["answers"]["s-num"]
    assert (doc["value"], doc["at"]) == (5, "2026-12-06T10:05:00Z")
    history = api.get(f"/v1/runs/{ex.run_id}/history").json()["data"]
    assert [(e["value"], e["at"], e["outcome"]) for e in history] == [
        (5, "2026-12-06T10:00:00Z", "applied"),
        (5, "2026-12-06T10:05:00Z", "applied"),
        (7, "2026-12-06T10:03:00Z", "stale"),
    ]
    assert [e["data"]["answer"]["value"] for e in step_events(api, ex.run_id)] == [5]  # one change, one event
    ops = [
        op("a", "s-rate", 2, "2026-12-06T10:00:00Z"),
        op("b", "s-rate", 2, "2026-12-06T10:05:00Z"),
        op("c", "s-rate", 4, "2026-12-06T10:03:00Z"),
    ]
    results = ex.sync(ops).json()["results"]
    assert [x["status"] for x in results] == ["applied", "applied", "stale"]
    stored = ex.state()["answers"]["s-rate"]
    assert (stored["value"], stored["at"]) == (2, "2026-12-06T10:05:00Z")
    # …and the later `at` is what a new batch compares with, not only the batch that stored it.
    assert ex.sync([op("d", "s-rate", 4, "2026-12-06T10:04:00Z")]).json()["results"][0]["status"] == "stale"


def test_skipping_needs_allow_skip(api):
    ex = Executor.start(api, every_type())
    r = ex.call("PUT", "/answers/s-text", json={"skipped": True, "at": NOW})
    assert r.status_code == 422 and r.json()["error"] == "skip_not_allowed"
    assert ex.state()["answers"] == {}
    ok = Executor.start(api, every_type(allow_skip=True))
    r = ok.call("PUT", "/answers/s-text", json={"skipped": True, "at": NOW})
    assert r.status_code == 200 and r.json()["answer"]["skipped"] is True
    assert r.json()["progress"] == {"total": 11, "answered": 0, "skipped": 1}
    r = ok.call("PUT", "/answers/s-num", json={"value": 5, "skipped": True, "at": NOW})
    assert r.status_code == 422 and r.json()["details"][0]["path"] == "value"


def test_answers_on_a_closed_run_are_409(api, ex):
    assert api.post(f"/v1/runs/{ex.run_id}/cancel").status_code == 200
    r = ex.answer("s-bool", True)
    assert r.status_code == 409 and r.json()["error"] == "run_closed"
    assert ex.sync([{"op_id": "1", "step_id": "s-bool", "value": True, "at": NOW}]).status_code == 409
    assert ex.state()["status"] == "cancelled"  # reading stays possible


# -- /sync -------------------------------------------------------------------------------------------------
def op(op_id: str, step_id: str, value, at: str = NOW, **extra) -> dict:
    return {"op_id": op_id, "step_id": step_id, "value": value, "at": at, **extra}


def test_sync_applies_in_order_with_a_result_per_op(api, ex):
    r = ex.sync(
        [
            op("1", "s-bool", True),
            op("2", "s-num", 42),
            op("3", "s-text", "a", EARLIER),
            op("4", "s-text", "b", LATER),
        ]
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert [x["status"] for x in body["results"]] == ["applied"] * 4
    assert body["results"][1]["answer"]["value"] == 42
    assert body["status"] == "in_progress" and body["progress"]["answered"] == 3
    answers = api.get(f"/v1/runs/{ex.run_id}").json()["answers"]
    assert answers["s-text"]["value"] == "b" and answers["s-num"]["value"] == 42
    assert len(step_events(api, ex.run_id)) == 4


def test_sync_replays_are_duplicates(api, ex):
    first = ex.sync([op("a", "s-bool", True), op("b", "s-rate", 4)]).json()
    again = ex.sync(
        [op("a", "s-bool", False, LATER), op("b", "s-rate", 2, LATER), op("c", "s-time", "10:00")]
    ).json()
    assert [x["status"] for x in first["results"]] == ["applied", "applied"]
    assert [x["status"] for x in again["results"]] == ["duplicate", "duplicate", "applied"]
    assert again["results"][0]["answer"]["value"] is True  # the stored answer, untouched
    answers = api.get(f"/v1/runs/{ex.run_id}").json()["answers"]
    assert answers["s-bool"]["value"] is True and answers["s-rate"]["value"] == 4
    within = ex.sync([op("d", "s-num", 1), op("d", "s-num", 2, LATER)]).json()
    assert [x["status"] for x in within["results"]] == ["applied", "duplicate"]
    assert len(step_events(api, ex.run_id)) == 4


def test_sync_rejects_an_invalid_op_alone(api):
    ex = Executor.start(api, every_type())
    ops = [
        op("ok-1", "s-bool", True),
        op("bad-value", "s-rate", 9),
        op("bad-step", "s-nope", 1),
        {"op_id": "no-at", "step_id": "s-num", "value": 3},
        op("bad-at", "s-num", 3, "soon"),
        op("skip", "s-text", None, skipped=True),
        op("bad-type", 17, True),
        op("ok-2", "s-num", 3),
    ]
    results = {x["op_id"]: x for x in ex.sync(ops).json()["results"]}
    assert results["ok-1"]["status"] == results["ok-2"]["status"] == "applied"
    expected = {
        "bad-value": "validation_error",
        "bad-step": "validation_error",
        "no-at": "bad_request",
        "bad-at": "validation_error",
        "skip": "skip_not_allowed",
        "bad-type": "validation_error",
    }
    for op_id, error in expected.items():
        assert results[op_id]["status"] == "rejected" and results[op_id]["error"] == error, results[op_id]
        assert "answer" not in results[op_id]
    assert results["bad-value"]["details"][0]["path"] == "value"
    answers = api.get(f"/v1/runs/{ex.run_id}").json()["answers"]
    assert set(answers) == {"s-bool", "s-num"}
    # A rejected op is not remembered: fixed and resent under its id, it applies.
    fixed = ex.sync([op("bad-value", "s-rate", 3)]).json()["results"][0]
    assert fixed["status"] == "applied"


def test_sync_reports_stale_ops(api, ex):
    ex.answer("s-text", "newest", at=LATER)
    r = ex.sync(
        [op("s1", "s-text", "older", EARLIER), op("s2", "s-text", "older still", "2026-01-01T00:00:00Z")]
    )
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["stale", "stale"]
    assert results[0]["answer"]["value"] == "newest"
    assert ex.sync([op("s1", "s-text", "older", EARLIER)]).json()["results"][0]["status"] == "duplicate"


def test_sync_envelope_limits(api, ex):
    too_many = [op(str(i), "s-bool", True) for i in range(501)]
    assert ex.sync(too_many).status_code == 422
    for bad in ("", "x" * 101):
        r = ex.sync([op(bad, "s-bool", True)])
        assert r.status_code == 422 and r.json()["details"][0]["path"].startswith("ops[0].op_id")
    assert ex.sync([{"step_id": "s-bool", "value": True, "at": NOW}]).status_code == 400
    assert ex.call("POST", "/sync", json={}).status_code == 400
    empty = ex.sync([]).json()
    assert empty["results"] == [] and empty["status"] == "pending"


def test_sync_of_500_ops_is_one_batch(api):
    ex = Executor.start(api, many_steps(100))
    ops = [
        op(f"op-{i}", f"s-{i % 100}", i, iso(datetime(2026, 5, 22, tzinfo=UTC) + timedelta(seconds=i)))
        for i in range(500)
    ]
    body = ex.sync(ops).json()
    assert all(x["status"] == "applied" for x in body["results"])
    assert body["progress"] == {"total": 100, "answered": 100, "skipped": 0}
    answers = api.get(f"/v1/runs/{ex.run_id}").json()["answers"]
    assert answers["s-0"]["value"] == 400 and answers["s-99"]["value"] == 499


def test_a_sync_batch_stores_its_answers_and_its_ops_in_one_statement_each(api, monkeypatch):
    """Issue 16: 500 ops were 1,000 statements (an answer upsert and an op record each), 1,000 round trips
    on PostgreSQL; each kind is now one executemany on SQLite, and on PostgreSQL (deferred row by row, sent
    with the COMMIT) one statement (the ops) or one executemany (the answers: a step answered twice in the
    batch cannot be upserted twice by one statement), the later answer of a step winning. Counted as each
    reaches its driver (psycopg's `Connection.execute` goes through its cursor's)."""
    import psycopg

    from server.store.db import Conn

    ex = Executor.start(api, many_steps(100))
    calls: list[str] = []
    for cls, name in (
        (Conn, "execute"),
        (Conn, "executemany"),
        (psycopg.Cursor, "execute"),
        (psycopg.Cursor, "executemany"),
    ):
        real = getattr(cls, name)

        def counting(self, sql, *args, _real=real, **kwargs):
            if str(sql).startswith(("INSERT INTO answers", "INSERT INTO sync_ops")):
                calls.append(str(sql).split(" (")[0])
            return _real(self, sql, *args, **kwargs)

        monkeypatch.setattr(cls, name, counting)
    ops = [
        op(f"op-{i}", f"s-{i % 100}", i, iso(datetime(2026, 5, 22, tzinfo=UTC) + timedelta(seconds=i)))
        for i in range(500)
    ]
    assert ex.sync(ops).status_code == 200
    monkeypatch.undo()
    assert sorted(calls) == ["INSERT INTO answers", "INSERT INTO sync_ops"]
    answers = api.get(f"/v1/runs/{ex.run_id}").json()["answers"]
    assert answers["s-0"]["value"] == 400 and answers["s-99"]["value"] == 499
    assert [x["status"] for x in ex.sync(ops[:3]).json()["results"]] == ["duplicate"] * 3  # the ops recorded


@settings(max_examples=300, deadline=None)
@given(
    when=st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2026, 1, 1), timezones=st.just(UTC)),
    digits=st.integers(min_value=0, max_value=6),
    offset_minutes=st.sampled_from([None, 0, 90, -330]),
)
def test_an_at_is_stored_as_the_utc_second_whatever_its_spelling(when, digits, offset_minutes):
    """An `at` in UTC with "Z" (as executors send it, milliseconds and all) keeps its own first 19 characters
    (issue 16: not formatted again); every spelling of the same instant is stored as the same text, in
    milliseconds as its instant."""
    if offset_minutes is None:
        fraction = f".{when.microsecond:06d}"[: digits + 1] if digits else ""
        text = when.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z"
    else:
        text = when.astimezone(timezone(timedelta(minutes=offset_minutes))).isoformat()
    parsed = parse_iso(text)
    assert parse_at(text) == (iso(parsed), int(parsed.timestamp() * 1000))
    assert parse_at(text)[0] == iso(when)


@pytest.mark.parametrize("token", [b"NaN", b"Infinity", b"-Infinity"])
def test_a_number_json_has_not_is_400_on_the_executors_paths_too(api, token):
    """The answer and /sync bodies are parsed by hand (pydantic's parser, which reads NaN as a float): the same
    400 as any other body, and nothing is stored."""
    ex = Executor.start(api)
    bodies = {
        "/answers/s-num": b'{"value": ' + token + b', "at": "' + NOW.encode() + b'"}',
        "/sync": b'{"ops": [{"op_id": "a", "step_id": "s-num", "value": '
        + token
        + b', "at": "2026-05-22T08:00:00Z"}]}',
    }
    for path, raw in bodies.items():
        r = ex.call(
            "PUT" if "answers" in path else "POST",
            path,
            content=raw,
            headers={"Content-Type": "application/json"},
        )
        assert r.status_code == 400 and r.json()["error"] == "bad_request", (path, r.text)
        assert "is not a JSON number" in r.json()["details"][0]["message"]
    assert "s-num" not in ex.state()["answers"]
    dispatch = b'{"template_id": "t-x", "expires_in_hours": ' + token + b"}"
    r = api.post("/v1/runs", content=dispatch, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_request"
