"""Conditions in a template: references only to earlier steps, operators and values that fit."""

from __future__ import annotations

import pytest

from server.tdl import OPS, OPS_BY_TYPE, STEP_TYPES, validate_template

# One valid value per (type, op) for the sample configs of conftest; steps are "s-r" (referred).
FITTING = {
    "boolean": True,
    "number": 2.5,
    "text": "abc",
    "choice": "o-red-r",
    "multi_choice": "o-blue-r",
    "rating": 3,
    "date": "2026-05-22",
    "time": "08:30",
}
COND = "sections[0].steps[1].condition.when"


def with_condition(make_body, make_step, when, ref_type="boolean", **ref):
    return make_body(make_step("s-r", ref_type, **ref), make_step("s-x", "text", condition={"when": when}))


def leaf(op, value=None, step="s-r", *, omit_value=False):
    node = {"step": step, "op": op}
    if not omit_value:
        node["value"] = value
    return node


def fitting_value(step_type, op):
    if op in ("answered", "not_answered"):
        return None
    if op in ("in", "not_in"):
        return [FITTING[step_type]]
    return FITTING[step_type]


@pytest.mark.parametrize(
    ("step_type", "op"),
    [(t, op) for t in STEP_TYPES if t != "instruction" for op in OPS_BY_TYPE[t]],
)
def test_every_supported_op_validates(make_body, make_step, step_type, op):
    validate_template(with_condition(make_body, make_step, leaf(op, fitting_value(step_type, op)), step_type))


@pytest.mark.parametrize(
    ("step_type", "op"),
    [(t, op) for t in STEP_TYPES if t != "instruction" for op in OPS if op not in OPS_BY_TYPE[t]],
)
def test_unsupported_op_is_reported_at_op(problems, make_body, make_step, step_type, op):
    value = FITTING.get(step_type, "x")
    found = problems(with_condition(make_body, make_step, leaf(op, value), step_type))
    assert list(found) == [f"{COND}.op"]
    message = found[f"{COND}.op"][0]
    assert message.startswith(f"'{op}' cannot be used with {step_type} step 's-r'; use one of: ")
    assert ", ".join(OPS_BY_TYPE[step_type]) in message


def test_ops_by_type_matches_the_spec():
    assert OPS_BY_TYPE["multi_choice"] == ("contains", "answered", "not_answered")
    assert OPS_BY_TYPE["photo"] == OPS_BY_TYPE["signature"] == ("answered", "not_answered")
    assert OPS_BY_TYPE["instruction"] == ()
    assert {t for t in STEP_TYPES if "gt" in OPS_BY_TYPE[t]} == {"number", "rating", "date"}
    assert {t for t in STEP_TYPES if "contains" in OPS_BY_TYPE[t]} == {"multi_choice", "text"}
    assert {t for t in STEP_TYPES if "in" in OPS_BY_TYPE[t]} == {
        "choice",
        "number",
        "text",
        "rating",
        "date",
        "time",
    }
    assert {t for t in STEP_TYPES if "eq" in OPS_BY_TYPE[t]} == {
        "boolean",
        "number",
        "text",
        "choice",
        "rating",
        "date",
        "time",
    }


def test_self_reference(problems, make_body, make_step):
    body = make_body(make_step("s-x", "boolean", condition={"when": leaf("eq", True, step="s-x")}))
    assert problems(body) == {
        "sections[0].steps[0].condition.when.step": [
            "cannot refer to its own step; a condition may only refer to a step that comes before this one"
        ]
    }


def test_forward_reference_across_sections(problems, make_step):
    body = {
        "name": "T",
        "sections": [
            {
                "id": "g-1",
                "title": "A",
                "steps": [make_step("s-a", "text", condition={"when": leaf("answered", step="s-b")})],
            },
            {"id": "g-2", "title": "B", "steps": [make_step("s-b", "text")]},
        ],
    }
    assert problems(body) == {
        "sections[0].steps[0].condition.when.step": [
            (
                "refers to 's-b', which comes later (at sections[1].steps[0]); "
                "a condition may only refer to a step that comes before this one"
            )
        ]
    }


def test_reference_to_earlier_section_is_fine(make_step):
    validate_template(
        {
            "name": "T",
            "sections": [
                {"id": "g-1", "title": "A", "steps": [make_step("s-a", "boolean")]},
                {
                    "id": "g-2",
                    "title": "B",
                    "steps": [make_step("s-b", "text", condition={"when": leaf("eq", False, step="s-a")})],
                },
            ],
        }
    )


@pytest.mark.parametrize("ref", ["s-nope", "g-main", "o-red-r"])
def test_unknown_step(problems, make_body, make_step, ref):
    found = problems(with_condition(make_body, make_step, leaf("answered", step=ref), "choice"))
    if ref.startswith("s-"):
        assert found == {f"{COND}.step": [f"refers to '{ref}', which is not a step of this template"]}
    else:
        assert list(found) == [f"{COND}.step"]  # not even a step id


def test_reference_to_instruction_step(problems, make_body, make_step):
    found = problems(with_condition(make_body, make_step, leaf("answered"), "instruction"))
    assert found == {
        f"{COND}.step": ["cannot refer to instruction step 's-r'; instruction steps are never answered"]
    }


@pytest.mark.parametrize(
    ("ref_type", "op", "value", "path_suffix", "message_start"),
    [
        ("boolean", "eq", 1, "value", "must be true or false; 's-r' is a boolean step"),
        ("boolean", "neq", "true", "value", "must be true or false"),
        ("number", "gt", "5", "value", "must be a number; 's-r' is a number step"),
        ("number", "eq", True, "value", "must be a number"),
        ("number", "in", [1, "2"], "value[1]", "must be a number"),
        ("text", "eq", 5, "value", "must be a string"),
        ("text", "contains", "", "value", "must be a non-empty string"),
        ("text", "contains", ["a"], "value", "must be a non-empty string"),
        (
            "choice",
            "eq",
            "o-nope",
            "value",
            "must be an option id of step 's-r' (one of: o-red-r, o-green-r, o-blue-r)",
        ),
        ("choice", "in", ["o-red-r", "o-green"], "value[1]", "must be an option id of step 's-r'"),
        ("multi_choice", "contains", ["o-red-r"], "value", "must be an option id of step 's-r'"),
        ("multi_choice", "contains", "o-other", "value", "must be an option id"),
        ("rating", "gte", 6, "value", "must be a whole number from 1 to 5"),
        ("rating", "eq", 2.5, "value", "must be a whole number from 1 to 5"),
        ("date", "lt", "22/05/2026", "value", "must be a date written YYYY-MM-DD"),
        ("date", "in", ["2026-02-30"], "value[0]", "must be a date written YYYY-MM-DD"),
        ("time", "eq", "8:30", "value", "must be a time written HH:MM"),
        ("time", "not_in", ["24:00"], "value[0]", "must be a time written HH:MM"),
        ("number", "in", [], "value", "must be a non-empty list for 'in'"),
        ("choice", "not_in", "o-red-r", "value", "must be a non-empty list for 'not_in'"),
        ("text", "answered", "x", "value", "must be absent or null for 'answered'"),
        ("photo", "not_answered", 0, "value", "must be absent or null for 'not_answered'"),
        ("boolean", "eq", None, "value", "must not be null for 'eq'"),
    ],
)
def test_value_must_fit_the_referred_step(
    problems, make_body, make_step, ref_type, op, value, path_suffix, message_start
):
    found = problems(with_condition(make_body, make_step, leaf(op, value), ref_type))
    assert list(found) == [f"{COND}.{path_suffix}"]
    assert found[f"{COND}.{path_suffix}"][0].startswith(message_start)


def test_rating_value_range_follows_the_referred_config(make_body, make_step, problems):
    body = with_condition(make_body, make_step, leaf("eq", 0), "rating", config={"min": 0, "max": 3})
    validate_template(body)
    body["sections"][0]["steps"][1]["condition"]["when"]["value"] = 4
    assert list(problems(body)) == [f"{COND}.value"]


def test_absent_value_is_invalid_not_missing(invalid, make_body, make_step):
    """Required only because of the operator: the JSON schema cannot say so, hence 422 rather than 400."""
    error = invalid(with_condition(make_body, make_step, leaf("eq", omit_value=True)))
    assert error.details == [{"path": f"{COND}.value", "message": "is required for 'eq'"}]
    assert error.missing is False


def test_answered_without_value_key_is_fine(make_body, make_step):
    validate_template(with_condition(make_body, make_step, leaf("answered", omit_value=True), "photo"))


def test_nested_paths(problems, make_body, make_step):
    when = {
        "all": [
            leaf("eq", True),
            {"any": [leaf("eq", "yes"), {"all": [leaf("gt", 1)]}]},
        ]
    }
    found = problems(with_condition(make_body, make_step, when))
    assert set(found) == {f"{COND}.all[1].any[0].value", f"{COND}.all[1].any[1].all[0].op"}


def test_structural_condition_errors(problems, make_body, make_step):
    when = {
        "all": [
            {"step": "s-r", "op": "equals", "value": True},
            {"any": []},
            "s-r",
            {"step": "s-r", "op": "eq", "value": True, "x": 1},
        ]
    }
    found = problems(with_condition(make_body, make_step, when))
    assert found == {
        f"{COND}.all[0].op": [
            "must be one of 'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'answered' or 'not_answered'"
        ],
        f"{COND}.all[1].any": ["must have at least 1 item"],
        f"{COND}.all[2]": [
            'must be a condition object: {"step", "op", "value"}, {"all": [...]} or {"any": [...]}'
        ],
        f"{COND}.all[3].x": ["is not a known field (check the spelling)"],
    }


def test_semantic_condition_errors_reported_next_to_structural_ones(problems, make_body, make_step):
    when = {
        "any": [{"step": "s-r", "op": "eq"}, {"step": "s-zz", "op": "answered"}, {"step": "s-r", "op": "wat"}]
    }
    found = problems(with_condition(make_body, make_step, when))
    assert set(found) == {f"{COND}.any[0].value", f"{COND}.any[1].step", f"{COND}.any[2].op"}


def nest(depth):
    node = leaf("eq", True)
    for k in range(depth - 1):
        node = {("all", "any")[k % 2]: [node]}
    return node


def test_depth_five_is_allowed(make_body, make_step):
    validate_template(with_condition(make_body, make_step, nest(5)))


def test_depth_six_is_too_deep(problems, make_body, make_step):
    found = problems(with_condition(make_body, make_step, nest(6)))
    ((path, messages),) = found.items()
    assert path == f"{COND}.all[0].any[0].all[0].any[0].all[0]"  # the sixth level: the leaf
    assert messages == ["is nested too deeply; conditions may nest at most 5 levels"]


def test_conditions_checked_even_when_other_steps_are_broken(problems, make_body, make_step):
    body = make_body(
        make_step("s-r", "boolean", label=""),
        make_step("s-x", "text", condition={"when": leaf("gt", 3)}),
        {"id": "s-y", "type": "nope", "label": "Y"},
        make_step("s-z", "text", condition={"when": leaf("eq", 1, step="s-y")}),
    )
    found = problems(body)
    assert set(found) == {
        "sections[0].steps[0].label",
        f"{COND}.op",
        "sections[0].steps[2].type",
    }


def test_condition_on_reference_template_is_fine(vehicle_body):
    t = validate_template(vehicle_body)
    assert t.steps_by_id()["s-dm02"].condition.when.value is True


def test_duplicate_step_id_reference_resolves_to_the_first(problems, make_body, make_step):
    # s-r appears twice; a condition after both refers to the first (earlier) one: only the
    # duplicate is reported, not a forward reference.
    body = make_body(
        make_step("s-r", "boolean"),
        make_step("s-x", "text", condition={"when": leaf("eq", True)}),
        make_step("s-r", "text"),
    )
    assert problems(body) == {
        "sections[0].steps[2].id": ["must be unique within the template; also used at sections[0].steps[0]"]
    }
