"""Findings (SPEC §14): a step's `flag` fits its type or is refused at `sections[i].steps[j].flag`, and one
function says whether an answer is a finding (never a hidden, skipped or unanswered one)."""

from __future__ import annotations

import pytest

from server.tdl import (
    STEP_TYPES,
    TdlError,
    answer_is_finding,
    finding_step_ids,
    is_finding,
    normalize_template,
    validate_template,
    value_is_finding,
)

OPTIONS = [
    {"id": "o-ok", "label": "OK"},
    {"id": "o-worn", "label": "Worn"},
    {"id": "o-torn", "label": "Torn"},
]
CONFIGS = {
    "choice": {"options": OPTIONS},
    "multi_choice": {"options": [{**o, "id": o["id"].replace("o-", "o-m-")} for o in OPTIONS]},
    "rating": {"min": 1, "max": 5},
    "instruction": {"body": "Read"},
}
FITTING = {
    "boolean": False,
    "choice": ["o-torn"],
    "multi_choice": ["o-m-worn", "o-m-torn"],
    "number": {"below": 1.5, "above": 3},
    "rating": {"below": 2},
}


def body(*steps: dict, allow_skip: bool = False) -> dict:
    return {
        "name": "Tyres",
        "settings": {"allow_skip": allow_skip},
        "sections": [{"id": "g-1", "title": "All", "steps": list(steps)}],
    }


def step(step_type: str, flag=None, sid: str = "s-1", **extra) -> dict:
    out = {"id": sid, "type": step_type, "label": "Check", **extra}
    if step_type in CONFIGS:
        out["config"] = CONFIGS[step_type]
    if flag is not None:
        out["flag"] = flag
    return out


def problems(data: dict) -> list[dict]:
    with pytest.raises(TdlError) as caught:
        validate_template(data)
    return caught.value.details


@pytest.mark.parametrize("step_type", sorted(FITTING))
def test_a_fitting_flag_is_kept_and_normalized(step_type):
    normal = normalize_template(validate_template(body(step(step_type, FITTING[step_type]))))
    flag = normal["sections"][0]["steps"][0]["flag"]
    expected = FITTING[step_type]
    if isinstance(expected, dict):
        expected = {"below": None, "above": None, **expected}
    assert flag == expected


@pytest.mark.parametrize("step_type", STEP_TYPES)
def test_no_flag_is_null_on_every_type(step_type):
    normal = normalize_template(validate_template(body(step(step_type))))
    assert normal["sections"][0]["steps"][0]["flag"] is None


@pytest.mark.parametrize("step_type", sorted(set(STEP_TYPES) - set(FITTING)))
def test_a_flag_on_a_type_that_cannot_have_one_is_refused(step_type):
    found = problems(body(step("boolean", sid="s-0"), step(step_type, True)))
    assert [d["path"] for d in found] == ["sections[0].steps[1].flag"]
    assert f"must be null for a {step_type} step" in found[0]["message"]


@pytest.mark.parametrize(
    ("step_type", "flag", "words"),
    [
        ("boolean", "false", "true or false"),
        ("boolean", ["o-ok"], "true or false"),
        ("boolean", {"below": 1}, "true or false"),
        ("choice", [], "non-empty list"),
        ("choice", "o-ok", "non-empty list"),
        ("choice", [1], "non-empty list"),
        ("choice", ["o-nope"], "'o-nope', which is not an option"),
        ("multi_choice", ["o-m-ok", "o-m-ok"], "repeats option 'o-m-ok'"),
        ("multi_choice", True, "non-empty list"),
        ("number", {}, "an empty object flags nothing"),
        ("number", {"below": None, "above": None}, "an empty object flags nothing"),
        ("number", {"below": 5, "above": 1}, "below (5) must not be greater than above (1)"),
        ("number", {"below": "5"}, "below must be a number"),
        ("number", {"above": True}, "above must be a number"),
        ("number", {"under": 1}, "at least one of the two"),
        ("number", [1, 2], "at least one of the two"),
        ("rating", 3, "at least one of the two"),
        ("rating", False, "at least one of the two"),
    ],
)
def test_a_flag_that_does_not_fit_is_refused_at_its_path(step_type, flag, words):
    found = problems(body(step("text", sid="s-0"), step(step_type, flag)))
    assert {d["path"] for d in found} == {"sections[0].steps[1].flag"}
    assert any(words in d["message"] for d in found), found


def test_every_bad_flag_is_reported_at_once_with_other_problems():
    found = problems(
        body(step("text", "x", sid="s-0"), step("number", {}, label=""), step("choice", ["o-x"], sid="s-2"))
    )
    paths = [d["path"] for d in found]
    assert "sections[0].steps[0].flag" in paths
    assert "sections[0].steps[1].flag" in paths
    assert "sections[0].steps[1].label" in paths
    assert "sections[0].steps[2].flag" in paths


def test_equal_bounds_are_allowed():
    validate_template(body(step("number", {"below": 2, "above": 2})))


@pytest.mark.parametrize(
    ("step_type", "flag", "value", "finding"),
    [
        ("boolean", False, False, True),
        ("boolean", False, True, False),
        ("boolean", True, True, True),
        ("boolean", False, 0, False),  # never confuses 0 with false
        ("choice", ["o-torn"], "o-torn", True),
        ("choice", ["o-torn"], "o-ok", False),
        ("multi_choice", ["o-torn"], ["o-ok", "o-torn"], True),
        ("multi_choice", ["o-torn"], ["o-ok"], False),
        ("multi_choice", ["o-torn"], [], False),
        ("number", {"below": 1.5, "above": 3}, 1.4, True),
        ("number", {"below": 1.5, "above": 3}, 1.5, False),  # on a bound: not a finding
        ("number", {"below": 1.5, "above": 3}, 3, False),
        ("number", {"below": 1.5, "above": 3}, 3.01, True),
        ("number", {"above": 3}, -100, False),
        ("number", {"below": 0}, -0.5, True),
        ("number", {"below": 0}, True, False),  # a boolean is not a number
        ("rating", {"below": 2, "above": None}, 1, True),
        ("rating", {"below": 2, "above": None}, 5, False),
        ("text", None, "anything", False),
        ("number", None, 1000, False),
        ("boolean", False, None, False),  # unanswered
    ],
)
def test_value_is_finding_over_every_type(step_type, flag, value, finding):
    assert value_is_finding(step_type, flag, value) is finding


def test_skipped_hidden_and_unanswered_answers_are_never_findings():
    t = validate_template(body(step("boolean", False), allow_skip=True))
    s = t.steps_by_id()["s-1"]
    assert is_finding(s, {"value": False})
    assert not is_finding(s, {"value": False, "skipped": True})
    assert not is_finding(s, {"value": False}, visible=False)
    assert not is_finding(s, None)
    assert not is_finding(s, {"value": None})


def test_the_run_count_holds_visible_steps_only():
    t = validate_template(
        body(
            step("boolean", False, sid="s-ok"),
            step(
                "number",
                {"above": 10},
                sid="s-temp",
                condition={"when": {"step": "s-ok", "op": "eq", "value": True}},
            ),
            step("choice", ["o-torn"], sid="s-tyre"),
            step("multi_choice", ["o-m-torn"], sid="s-seat"),
        )
    )
    answers = {
        "s-ok": {"value": True},
        "s-temp": {"value": 12},
        "s-tyre": {"value": "o-torn"},
        "s-seat": {"value": ["o-m-ok"]},
    }
    assert finding_step_ids(t, answers) == {"s-temp", "s-tyre"}
    answers["s-ok"] = {"value": False}  # s-temp is hidden now; s-ok itself is a finding
    assert finding_step_ids(t, answers) == {"s-ok", "s-tyre"}
    assert not answer_is_finding(t, "s-temp", answers)
    assert answer_is_finding(t, "s-tyre", answers)
    assert not answer_is_finding(t, "s-unknown", answers)
    assert finding_step_ids(t, {}) == set()
    assert finding_step_ids(t, None) == set()


def test_a_template_without_flags_never_evaluates_conditions():
    t = validate_template(
        body(
            step("number", sid="s-a"),
            step("text", sid="s-b", condition={"when": {"step": "s-a", "op": "gt", "value": 1}}),
        )
    )
    assert finding_step_ids(t, {"s-a": {"value": 5}, "s-b": {"value": "x"}}) == set()


def test_the_domain_package_exports_one_answer():
    """The editor, both runners and the server import the same function (no second copy to drift)."""
    from server.tdl import findings

    assert is_finding is findings.is_finding
