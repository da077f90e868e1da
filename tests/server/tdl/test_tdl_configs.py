"""Each step type's config: defaults, field rules and cross-field rules, pathed under `…config.<field>`."""

from __future__ import annotations

import pytest

from server.tdl import STEP_TYPES, validate_template

OPTS = [{"id": "o-1", "label": "One"}, {"id": "o-2", "label": "Two"}, {"id": "o-3", "label": "Three"}]


@pytest.mark.parametrize(
    ("step_type", "config"),
    [
        ("boolean", {"true_label": "Done", "false_label": "Not done"}),
        ("number", {"unit": "°C", "min": -40, "max": 60.5, "decimal": 1}),
        ("number", {"min": 3, "max": 3}),
        ("text", {"multiline": True, "placeholder": "Say", "max_length": 10000}),
        ("choice", {"options": OPTS}),
        ("multi_choice", {"options": OPTS, "min_selected": 3, "max_selected": 3}),
        ("multi_choice", {"options": OPTS, "min_selected": 0}),
        ("rating", {"min": 0, "max": 10, "low_label": "Bad", "high_label": "Good"}),
        ("photo", {"min": 0, "max": 20}),
        ("date", {"min": "2024-02-29", "max": "2024-02-29"}),
        ("time", {}),
        ("signature", {}),
        ("instruction", {"body": "Wear gloves." * 100}),
    ],
)
def test_valid_configs(make_body, step_type, config):
    t = validate_template(make_body({"id": "s-a", "type": step_type, "label": "A", "config": config}))
    assert t.sections[0].steps[0].config.model_dump(exclude_defaults=True).items() <= config.items()


CASES = [
    # boolean
    ("boolean", {"true_label": ""}, "true_label", "must not be empty"),
    ("boolean", {"yes": "Y"}, "yes", "is not a known field (check the spelling)"),
    # number
    ("number", {"min": 10, "max": 2}, "min", "must not be greater than max (2)"),
    ("number", {"min": "0"}, "min", "must be a number"),
    ("number", {"max": True}, "max", "must be a number"),
    ("number", {"decimal": 7}, "decimal", "must be at most 6"),
    ("number", {"decimal": -1}, "decimal", "must be at least 0"),
    ("number", {"decimal": 1.5}, "decimal", "must be a whole number"),
    ("number", {"unit": ""}, "unit", "must not be empty"),
    # text
    ("text", {"max_length": 0}, "max_length", "must be at least 1"),
    ("text", {"max_length": 10001}, "max_length", "must be at most 10000"),
    ("text", {"multiline": "yes"}, "multiline", "must be true or false"),
    ("text", {"multline": True}, "multline", "is not a known field (check the spelling)"),
    # choice
    ("choice", {}, "options", "is required"),
    ("choice", {"options": []}, "options", "must have at least 1 item"),
    (
        "choice",
        {"options": [{"id": f"o-{k}", "label": str(k)} for k in range(201)]},
        "options",
        "must have at most 200 items",
    ),
    ("choice", {"options": [{"id": "o-1"}]}, "options[0].label", "is required"),
    (
        "choice",
        {"options": [{"id": "o-1", "label": "x" * 201}]},
        "options[0].label",
        "must be at most 200 characters",
    ),
    (
        "choice",
        {"options": [{"id": "o-1", "label": "A", "value": 1}]},
        "options[0].value",
        "is not a known field (check the spelling)",
    ),
    ("choice", {"options": "o-1,o-2"}, "options", "must be a list"),
    # multi_choice
    (
        "multi_choice",
        {"options": OPTS, "min_selected": 3, "max_selected": 2},
        "min_selected",
        "must not be greater than max_selected (2)",
    ),
    (
        "multi_choice",
        {"options": OPTS, "max_selected": 4},
        "max_selected",
        "must not be greater than the number of options (3)",
    ),
    (
        "multi_choice",
        {"options": OPTS, "min_selected": 4},
        "min_selected",
        "must not be greater than the number of options (3)",
    ),
    ("multi_choice", {"options": OPTS, "min_selected": -1}, "min_selected", "must be at least 0"),
    ("multi_choice", {"options": OPTS, "max_selected": 0}, "max_selected", "must be at least 1"),
    ("multi_choice", {"min_selected": 1}, "options", "is required"),
    # rating
    ("rating", {"min": 2}, "min", "must be at most 1"),
    ("rating", {"max": 11}, "max", "must be at most 10"),
    ("rating", {"max": 1}, "max", "must be at least 2"),
    ("rating", {"min": True}, "min", "must be a whole number"),
    ("rating", {"low_label": ""}, "low_label", "must not be empty"),
    # photo
    ("photo", {"min": 6}, "min", "must not be greater than max (5)"),
    ("photo", {"min": 3, "max": 2}, "min", "must not be greater than max (2)"),
    ("photo", {"max": 21}, "max", "must be at most 20"),
    ("photo", {"max": 0}, "max", "must be at least 1"),
    ("photo", {"min": -1}, "min", "must be at least 0"),
    # date
    ("date", {"min": "2026-05-02", "max": "2026-05-01"}, "min", "must not be after max (2026-05-01)"),
    ("date", {"min": "2026-02-30"}, "min", "must be a date written YYYY-MM-DD"),
    ("date", {"max": "20260501"}, "max", "must be a date written YYYY-MM-DD"),
    ("date", {"max": "2026-05-01T00:00:00Z"}, "max", "must be a date written YYYY-MM-DD"),
    ("date", {"min": 20260501}, "min", "must be a date written YYYY-MM-DD"),
    # time, signature: nothing to configure
    ("time", {"format": "24h"}, "format", "is not a known field (check the spelling)"),
    ("signature", {"min": 1}, "min", "is not a known field (check the spelling)"),
    # instruction
    ("instruction", {"body": "x" * 10001}, "body", "must be at most 10000 characters"),
    ("instruction", {"body": None}, "body", "must be a string"),
]


@pytest.mark.parametrize(("step_type", "config", "field", "message"), CASES)
def test_config_errors(problems, make_body, step_type, config, field, message):
    body = make_body({"id": "s-a", "type": step_type, "label": "A", "config": config})
    assert problems(body) == {f"sections[0].steps[0].config.{field}": [message]}


def test_every_type_has_config_error_cases():
    assert {case[0] for case in CASES} == set(STEP_TYPES)


def test_config_is_judged_by_the_steps_type(problems, make_body):
    # Valid for a rating, not for a photo step, and the other way around.
    body = make_body(
        {"id": "s-a", "type": "photo", "label": "A", "config": {"low_label": "x"}},
        {"id": "s-b", "type": "rating", "label": "B", "config": {"min": 0, "max": 20}},
    )
    assert problems(body) == {
        "sections[0].steps[0].config.low_label": ["is not a known field (check the spelling)"],
        "sections[0].steps[1].config.max": ["must be at most 10"],
    }


def test_cross_field_rule_reported_even_with_other_config_errors(problems, make_body):
    body = make_body(
        {
            "id": "s-a",
            "type": "multi_choice",
            "label": "A",
            "config": {"options": OPTS + [{"id": "bad", "label": "x"}], "min_selected": 3, "max_selected": 2},
        }
    )
    found = problems(body)
    assert set(found) == {
        "sections[0].steps[0].config.options[3].id",
        "sections[0].steps[0].config.min_selected",
    }


def test_config_errors_in_many_steps_at_once(problems, make_body):
    body = make_body(
        {"id": "s-a", "type": "number", "label": "A", "config": {"decimal": 9}},
        {"id": "s-b", "type": "date", "label": "B", "config": {"min": "2026-13-01"}},
        {"id": "s-c", "type": "choice", "label": "C"},
    )
    assert set(problems(body)) == {
        "sections[0].steps[0].config.decimal",
        "sections[0].steps[1].config.min",
        "sections[0].steps[2].config.options",
    }


def test_photo_slots_count_each_step_kind_and_the_run_signature():
    """The cap on a run's unfinished uploads is so many per photo slot: a signature step holds one, a photo
    step its `max`, a step's photo requirement its `max`, any other step none, and the run-level signature
    one more."""
    steps = [
        {"id": "s-sign", "type": "signature", "label": "Sign"},
        {"id": "s-shots", "type": "photo", "label": "Shots", "config": {"min": 0, "max": 4}},
        {"id": "s-ok", "type": "boolean", "label": "OK?", "photo": {"min": 1, "max": 3}},
        {"id": "s-note", "type": "text", "label": "Note"},
    ]
    template = validate_template({"name": "Slots", "sections": [{"id": "g-1", "title": "G", "steps": steps}]})
    assert [template.steps_by_id()[s["id"]].photo_slots for s in steps] == [1, 4, 3, 0]
    assert template.photo_slots == 1 + 4 + 3 + 0 + 1
