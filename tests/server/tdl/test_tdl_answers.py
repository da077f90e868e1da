"""check_answer: each type's accepted and refused values, skipping, geo, unknown steps."""

from __future__ import annotations

import pytest

from server.tdl import check_answer, normalize_template, skip_allowed, validate_template


@pytest.fixture
def tmpl(make_body, make_step):
    return validate_template(
        make_body(
            make_step("s-b", "boolean"),
            make_step("s-n", "number"),  # 0..100, 1 decimal place
            make_step("s-n2", "number", config={"decimal": 0}),
            make_step("s-n3", "number", config={}),  # no bounds, up to 6 places
            make_step("s-t", "text"),  # max_length 20
            make_step("s-t2", "text", config={}),  # max_length 10,000
            make_step("s-c", "choice"),
            make_step("s-m", "multi_choice"),  # select 1..2
            make_step("s-m2", "multi_choice", config={"options": [{"id": "o-only", "label": "Only"}]}),
            make_step("s-r", "rating"),  # 1..5
            make_step("s-p", "photo"),
            make_step("s-d", "date"),  # 2026
            make_step("s-d2", "date", config={}),
            make_step("s-h", "time"),
            make_step("s-s", "signature"),
            make_step("s-i", "instruction"),
        )
    )


ACCEPTED = [
    ("s-b", True),
    ("s-b", False),
    ("s-n", 0),
    ("s-n", 100),
    ("s-n", 42.5),
    ("s-n", 7.0),
    ("s-n", 99.9),
    ("s-n2", 42150),
    ("s-n2", 3.0),
    ("s-n3", -1e9),
    ("s-n3", 0.123456),
    ("s-t", "ok"),
    ("s-t", "x" * 20),
    ("s-t2", "x" * 10_000),
    ("s-c", "o-green-c"),
    ("s-m", ["o-red-m"]),
    ("s-m", ["o-blue-m", "o-red-m"]),
    ("s-m2", []),
    ("s-m2", ["o-only"]),
    ("s-r", 1),
    ("s-r", 5),
    ("s-d", "2026-01-01"),
    ("s-d", "2026-12-31"),
    ("s-d2", "1999-02-28"),
    ("s-d2", "2024-02-29"),
    ("s-h", "00:00"),
    ("s-h", "23:59"),
    ("s-h", "09:05"),
    ("s-n3", 9_007_199_254_740_991),
    ("s-n3", -9_007_199_254_740_991),
    ("s-p", None),
    ("s-s", None),
    # null clears an answer, for any answerable type
    ("s-b", None),
    ("s-n", None),
    ("s-m", None),
    ("s-d", None),
]


@pytest.mark.parametrize(("step_id", "value"), ACCEPTED)
def test_accepted_values(tmpl, step_id, value):
    assert check_answer(tmpl, step_id, value) == []


REFUSED = [
    ("s-b", 1, "must be true or false"),
    ("s-b", "true", "must be true or false"),
    ("s-n", True, "must be a number"),
    ("s-n", "5", "must be a number"),
    ("s-n", float("nan"), "must be a number"),
    ("s-n", float("inf"), "must be a number"),
    ("s-n", -0.5, "must be at least 0"),
    ("s-n", 100.1, "must be at most 100"),
    ("s-n", 1.25, "must have at most 1 decimal place"),
    ("s-n2", 1.5, "must be a whole number"),
    ("s-n3", 0.1234567, "must have at most 6 decimal places"),
    ("s-n3", 1e-7, "must have at most 6 decimal places"),
    # past what every client holds exactly (a phone changed its last digits; past 64 bits, refused whole)
    ("s-n3", 9_007_199_254_740_992, "must be at most 9007199254740991"),
    ("s-n3", -9_007_199_254_740_992, "must be at least -9007199254740991"),
    ("s-n3", 1e300, "must be at most 9007199254740991"),
    ("s-t", "", "must be a non-empty string (send null to clear the answer)"),
    ("s-t", "   ", "must be a non-empty string (send null to clear the answer)"),
    ("s-t", 5, "must be a non-empty string (send null to clear the answer)"),
    ("s-t", "x" * 21, "must be at most 20 characters"),
    ("s-t2", "x" * 10_001, "must be at most 10000 characters"),
    (
        "s-c",
        "o-purple",
        "must be one of this step's option ids (o-red-c, o-green-c, o-blue-c); got 'o-purple'",
    ),
    ("s-c", "o-red-m", "must be one of this step's option ids"),
    ("s-c", ["o-red-c"], "must be one of this step's option ids"),
    ("s-m", "o-red-m", "must be a list of option ids"),
    ("s-m", [], "must select at least 1 option"),
    ("s-m", ["o-red-m", "o-blue-m", "o-green-m"], "must select at most 2 options"),
    ("s-r", 0, "must be a whole number from 1 to 5"),
    ("s-r", 6, "must be a whole number from 1 to 5"),
    ("s-r", 3.0, "must be a whole number from 1 to 5"),
    ("s-r", True, "must be a whole number from 1 to 5"),
    ("s-p", "photo.jpg", "must be null; the photos are the answer"),
    ("s-s", True, "must be null; the photos are the answer"),
    ("s-d", "2025-12-31", "must be on or after 2026-01-01"),
    ("s-d", "2027-01-01", "must be on or before 2026-12-31"),
    ("s-d2", "2023-02-29", "must be a date written YYYY-MM-DD"),
    ("s-d2", "2026-5-1", "must be a date written YYYY-MM-DD"),
    ("s-d2", "2026-05-01T10:00:00Z", "must be a date written YYYY-MM-DD"),
    ("s-h", "24:00", "must be a time written HH:MM, from 00:00 to 23:59"),
    ("s-h", "9:05", "must be a time written HH:MM, from 00:00 to 23:59"),
    ("s-h", "09:60", "must be a time written HH:MM, from 00:00 to 23:59"),
    ("s-h", "09:05:00", "must be a time written HH:MM, from 00:00 to 23:59"),
]


@pytest.mark.parametrize(("step_id", "value", "message"), REFUSED)
def test_refused_values(tmpl, step_id, value, message):
    details = check_answer(tmpl, step_id, value)
    assert len(details) == 1
    assert details[0]["path"] == "value"
    assert details[0]["message"].startswith(message)


def test_multi_choice_item_problems_are_pathed(tmpl):
    details = check_answer(tmpl, "s-m", ["o-red-m", "o-red-m", "o-nope"])
    assert details == [
        {"path": "value[1]", "message": "'o-red-m' is selected more than once"},
        {
            "path": "value[2]",
            "message": "must be one of this step's option ids (o-red-m, o-green-m, o-blue-m); got 'o-nope'",
        },
        {"path": "value", "message": "must select at most 2 options"},
    ]


def test_unknown_step(tmpl):
    assert check_answer(tmpl, "s-zz", True) == [
        {"path": "step_id", "message": "'s-zz' is not a step of this template"}
    ]


def test_instruction_step_cannot_be_answered(tmpl):
    details = check_answer(tmpl, "s-i", None)
    assert details == [{"path": "step_id", "message": "'s-i' is an instruction step; it cannot be answered"}]


def test_skip_refused_without_allow_skip(tmpl):
    assert skip_allowed(tmpl) is False
    details = check_answer(tmpl, "s-b", None, skipped=True)
    assert details == [{"path": "skipped", "message": "this template does not allow skipping steps"}]


def test_skip_allowed_with_allow_skip(make_body, make_step):
    t = validate_template(make_body(make_step("s-b", "boolean"), settings={"allow_skip": True}))
    assert skip_allowed(t) is True
    assert skip_allowed(normalize_template(t)) is True
    assert check_answer(t, "s-b", None, skipped=True) == []
    assert check_answer(t, "s-b", True, skipped=True) == [
        {"path": "value", "message": "must be null when the step is skipped"}
    ]


@pytest.mark.parametrize(
    "geo",
    [
        {"lat": 51.507, "lng": -0.127, "accuracy_m": 5},
        {"lat": -90, "lng": 180},
        {"lat": 0, "lng": 0, "accuracy_m": None},
        {"lat": 0.0, "lng": 0.0, "accuracy_m": 0},
    ],
)
def test_geo_accepted(tmpl, geo):
    assert check_answer(tmpl, "s-b", True, geo=geo) == []


@pytest.mark.parametrize(
    ("geo", "path", "message"),
    [
        ({"lat": 90.1, "lng": 0}, "geo.lat", "must be a number from -90 to 90"),
        ({"lat": 0, "lng": -180.5}, "geo.lng", "must be a number from -180 to 180"),
        ({"lat": "51", "lng": 0}, "geo.lat", "must be a number from -90 to 90"),
        ({"lat": True, "lng": 0}, "geo.lat", "must be a number from -90 to 90"),
        ({"lng": 0}, "geo.lat", "is required"),
        (
            {"lat": 0, "lng": 0, "accuracy_m": -1},
            "geo.accuracy_m",
            "must be a number of metres, 0 or more, or null",
        ),
        (
            {"lat": 0, "lng": 0, "alt": 3},
            "geo.alt",
            "is not a known field (geo takes lat, lng and accuracy_m)",
        ),
        ([51.5, -0.1], "geo", 'must be an object {"lat", "lng", "accuracy_m"} or null'),
    ],
)
def test_geo_refused(tmpl, geo, path, message):
    assert check_answer(tmpl, "s-b", True, geo=geo) == [{"path": path, "message": message}]


def test_value_and_geo_problems_together(tmpl):
    details = check_answer(tmpl, "s-r", 9, geo={"lat": 100, "lng": 0})
    assert [d["path"] for d in details] == ["value", "geo.lat"]


def test_check_answer_accepts_a_stored_template_dict(tmpl):
    stored = normalize_template(tmpl)
    assert check_answer(stored, "s-c", "o-red-c") == []
    assert check_answer(stored, "s-c", "o-red") != []


def test_reference_vehicle_answers(vehicle_body):
    t = validate_template(vehicle_body)
    assert check_answer(t, "s-od01", 42150) == []
    assert check_answer(t, "s-od01", 42150.5)[0]["message"] == "must be a whole number"
    assert check_answer(t, "s-od01", -1)[0]["message"] == "must be at least 0"
    assert check_answer(t, "s-fu01", "o-fu2") == []
    assert check_answer(t, "s-cl01", 4) == []
