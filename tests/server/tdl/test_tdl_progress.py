"""compute_progress and completion_problems: visible steps only, photo and geo minimums, signatures."""

from __future__ import annotations

import pytest

from server.tdl import completion_problems, compute_progress, normalize_template, validate_template


def val(v, photos=0, geo=None, skipped=False):
    return {"value": v, "photos": [{"photo_index": k} for k in range(photos)], "geo": geo, "skipped": skipped}


GEO = {"lat": 1.0, "lng": 2.0, "accuracy_m": 3}


@pytest.fixture
def vehicle(vehicle_body):
    return validate_template(vehicle_body)


def complete_vehicle_answers(damage: bool):
    answers = {"s-od01": val(42150), "s-fu01": val("o-fu2"), "s-dm01": val(damage), "s-cl01": val(4)}
    if damage:
        answers["s-dm02"] = val("Scratch on the rear bumper", photos=1)
    return answers


def test_progress_of_reference_vehicle(vehicle):
    assert compute_progress(vehicle, {}) == {"total": 4, "answered": 0, "skipped": 0}  # s-dm02 hidden
    assert compute_progress(vehicle, {"s-dm01": val(True)}) == {"total": 5, "answered": 1, "skipped": 0}
    assert compute_progress(vehicle, complete_vehicle_answers(True)) == {
        "total": 5,
        "answered": 5,
        "skipped": 0,
    }


def test_progress_counts_photo_steps_by_photos(str_body):
    t = validate_template(str_body)  # s-kp01: photo step, min 1
    assert compute_progress(t, {"s-kp01": val(None)}) == {"total": 3, "answered": 0, "skipped": 0}
    assert compute_progress(t, {"s-kp01": val(None, photos=1)}) == {"total": 3, "answered": 1, "skipped": 0}


def test_progress_excludes_instructions_and_counts_skips(make_body, make_step):
    t = validate_template(
        make_body(
            make_step("s-i", "instruction"),
            make_step("s-a", "text"),
            make_step("s-b", "text"),
            make_step("s-p", "photo", config={"min": 0, "max": 2}),
            make_step("s-s", "signature"),
            settings={"allow_skip": True},
        )
    )
    answers = {
        "s-a": val("x"),
        "s-b": val(None, skipped=True),
        "s-p": val(None, photos=0),  # min 0 still needs one photo to count as answered
        "s-s": val(None, photos=1),
        "s-i": val("ignored"),
    }
    assert compute_progress(t, answers) == {"total": 4, "answered": 2, "skipped": 1}
    assert compute_progress(normalize_template(t), answers) == {"total": 4, "answered": 2, "skipped": 1}


def test_progress_does_not_count_hidden_skips(vehicle):
    answers = {"s-dm01": val(False), "s-dm02": val(None, skipped=True)}
    assert compute_progress(vehicle, answers) == {"total": 4, "answered": 1, "skipped": 0}


def test_vehicle_complete_without_damage(vehicle):
    assert completion_problems(vehicle, complete_vehicle_answers(False), has_run_signature=True) == []


def test_vehicle_needs_run_signature(vehicle):
    assert completion_problems(vehicle, complete_vehicle_answers(False), has_run_signature=False) == [
        {"path": "signature", "message": "this template needs the executor's signature before completion"}
    ]


def test_vehicle_missing_answers_are_named(vehicle):
    answers = {"s-dm01": val(True), "s-dm02": val("Dent")}
    assert completion_problems(vehicle, answers, has_run_signature=True) == [
        {"path": "answers.s-od01", "message": "'Odometer reading' needs an answer"},
        {"path": "answers.s-fu01", "message": "'Fuel level' needs an answer"},
        {"path": "answers.s-dm02", "message": "'Describe the damage' needs at least 1 photo"},
        {"path": "answers.s-cl01", "message": "'Interior cleanliness' needs an answer"},
    ]


def test_hidden_required_step_does_not_block(vehicle):
    answers = complete_vehicle_answers(False)
    answers["s-dm02"] = val(None)  # stored, but hidden: irrelevant
    assert completion_problems(vehicle, answers, has_run_signature=True) == []


def test_null_value_is_unanswered(vehicle):
    answers = complete_vehicle_answers(False)
    answers["s-od01"] = val(None)
    problems = completion_problems(vehicle, answers, has_run_signature=True)
    assert problems == [{"path": "answers.s-od01", "message": "'Odometer reading' needs an answer"}]


@pytest.fixture
def mixed(make_body, make_step):
    return lambda **settings: validate_template(
        make_body(
            make_step("s-a", "text", label="Notes"),
            make_step(
                "s-o", "text", label="Optional notes", required=False, geo=True, photo={"min": 1, "max": 2}
            ),
            make_step("s-p", "photo", label="Meter photo"),  # min 2
            make_step("s-q", "photo", label="Extra photos", required=False),  # min 2
            make_step("s-s", "signature", label="Customer signature"),
            make_step("s-g", "boolean", label="Gate locked", geo=True),
            make_step("s-i", "instruction", label="Read me"),
            settings=settings,
        )
    )


def test_every_missing_thing_reported(mixed):
    t = mixed()
    problems = completion_problems(t, {}, has_run_signature=False)
    assert problems == [
        {"path": "answers.s-a", "message": "'Notes' needs an answer"},
        {"path": "answers.s-p", "message": "'Meter photo' needs at least 2 photos"},
        {"path": "answers.s-s", "message": "'Customer signature' needs a signature"},
        {"path": "answers.s-g", "message": "'Gate locked' needs an answer"},
    ]


def test_answered_steps_need_their_photos_and_geo(mixed):
    t = mixed()
    answers = {
        "s-a": val("fine"),
        "s-o": val("also fine"),  # optional, but answered: its photo minimum and geo apply
        "s-p": val(None, photos=2),
        "s-q": val(None, photos=1),  # optional photo step begun but short of its minimum
        "s-s": val(None, photos=1),
        "s-g": val(True),
    }
    assert completion_problems(t, answers, has_run_signature=False) == [
        {"path": "answers.s-o", "message": "'Optional notes' needs at least 1 photo"},
        {"path": "answers.s-o", "message": "'Optional notes' needs a location"},
        {"path": "answers.s-q", "message": "'Extra photos' needs at least 2 photos"},
        {"path": "answers.s-g", "message": "'Gate locked' needs a location"},
    ]
    answers["s-o"] = val("also fine", photos=1, geo=GEO)
    answers["s-q"] = val(None, photos=2)
    answers["s-g"] = val(True, geo=GEO)
    assert completion_problems(t, answers, has_run_signature=False) == []


def test_skips_count_only_where_allowed(mixed):
    skipped_everything = {sid: val(None, skipped=True) for sid in ("s-a", "s-o", "s-p", "s-q", "s-s", "s-g")}
    assert completion_problems(mixed(allow_skip=True), skipped_everything, has_run_signature=False) == []
    problems = completion_problems(mixed(), skipped_everything, has_run_signature=False)
    assert {p["path"] for p in problems} == {"answers.s-a", "answers.s-p", "answers.s-s", "answers.s-g"}
    assert problems[0]["message"] == "'Notes' needs an answer; this template does not allow skipping"


def test_signature_on_complete_met(make_body, make_step):
    t = validate_template(make_body(make_step("s-a", "boolean"), settings={"signature_on_complete": True}))
    answers = {"s-a": val(False)}
    assert completion_problems(t, answers, has_run_signature=True) == []
    assert [p["path"] for p in completion_problems(t, answers, has_run_signature=False)] == ["signature"]


def test_str_turnover_completion(str_body):
    t = validate_template(str_body)
    answers = {"s-kc01": val(True), "s-kp01": val(None, photos=1), "s-bl01": val(True)}
    assert completion_problems(t, answers, has_run_signature=False) == []
    answers["s-kp01"] = val(None)
    assert completion_problems(t, answers, has_run_signature=False) == [
        {"path": "answers.s-kp01", "message": "'Photo of clean kitchen' needs at least 1 photo"}
    ]
