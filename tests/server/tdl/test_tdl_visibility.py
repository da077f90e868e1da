"""Condition evaluation and which steps are visible, including hiding that cascades."""

from __future__ import annotations

import pytest

from server.tdl import (
    AllOf,
    StepCondition,
    evaluate_condition,
    hidden_step_ids,
    normalize_template,
    validate_template,
    visible_step_ids,
)


@pytest.fixture
def tmpl(make_body, make_step):
    """One step of each answerable type (s-b boolean, s-n number, …) and a text step s-x to hang conditions on."""
    return validate_template(
        make_body(
            make_step("s-b", "boolean"),
            make_step("s-n", "number"),
            make_step("s-t", "text"),
            make_step("s-c", "choice"),
            make_step("s-m", "multi_choice"),
            make_step("s-r", "rating"),
            make_step("s-p", "photo"),
            make_step("s-d", "date"),
            make_step("s-h", "time"),
            make_step("s-s", "signature"),
            make_step("s-x", "text"),
        )
    )


def ev(tmpl, node, answers):
    return evaluate_condition({"when": node}, answers, tmpl)


def val(v):
    return {"value": v, "photos": [], "skipped": False, "geo": None}


@pytest.mark.parametrize(
    ("step", "op", "value", "answer", "expected"),
    [
        ("s-b", "eq", True, True, True),
        ("s-b", "eq", True, False, False),
        ("s-b", "neq", True, False, True),
        ("s-n", "eq", 1, 1.0, True),
        ("s-n", "gt", 10, 10.5, True),
        ("s-n", "gt", 10, 10, False),
        ("s-n", "gte", 10, 10, True),
        ("s-n", "lt", 10, 9.99, True),
        ("s-n", "lte", 10, 10.01, False),
        ("s-n", "in", [1, 2, 3], 2, True),
        ("s-n", "not_in", [1, 2, 3], 4, True),
        ("s-n", "not_in", [1, 2, 3], 3, False),
        ("s-t", "eq", "ok", "ok", True),
        ("s-t", "eq", "ok", "OK", False),
        ("s-t", "contains", "leak", "small leak under sink", True),
        ("s-t", "contains", "leak", "all dry", False),
        ("s-t", "in", ["a", "b"], "b", True),
        ("s-c", "eq", "o-red-c", "o-red-c", True),
        ("s-c", "neq", "o-red-c", "o-blue-c", True),
        ("s-c", "in", ["o-red-c", "o-blue-c"], "o-green-c", False),
        ("s-m", "contains", "o-red-m", ["o-blue-m", "o-red-m"], True),
        ("s-m", "contains", "o-red-m", ["o-blue-m"], False),
        ("s-m", "contains", "o-red-m", [], False),
        ("s-r", "lte", 2, 2, True),
        ("s-r", "gt", 2, 1, False),
        ("s-d", "gt", "2026-05-01", "2026-05-22", True),
        ("s-d", "lt", "2026-05-01", "2026-04-30", True),
        ("s-d", "gte", "2026-05-22", "2026-05-21", False),
        ("s-d", "eq", "2026-05-22", "2026-05-22", True),
        ("s-h", "eq", "08:30", "08:30", True),
        ("s-h", "in", ["08:30", "09:00"], "09:01", False),
        ("s-t", "answered", None, "x", True),
        ("s-t", "not_answered", None, "x", False),
    ],
)
def test_ops_on_answered_steps(tmpl, step, op, value, answer, expected):
    assert ev(tmpl, {"step": step, "op": op, "value": value}, {step: val(answer)}) is expected


def test_true_is_not_one(tmpl):
    # An answer stored with the wrong type never matches by Python's True == 1.
    assert ev(tmpl, {"step": "s-n", "op": "eq", "value": 1}, {"s-n": val(True)}) is False
    assert ev(tmpl, {"step": "s-b", "op": "eq", "value": True}, {"s-b": val(1)}) is False


@pytest.mark.parametrize("op", ["eq", "neq", "gt", "gte", "lt", "lte", "in", "not_in", "answered"])
def test_unanswered_makes_every_op_false(tmpl, op):
    value = [5] if op in ("in", "not_in") else (None if op == "answered" else 5)
    node = {"step": "s-n", "op": op, "value": value}
    for answers in ({}, {"s-n": {}}, {"s-n": val(None)}, {"s-n": {"value": 5, "skipped": True}}, None):
        assert ev(tmpl, node, answers) is False, answers


@pytest.mark.parametrize(
    "answers", [{}, {"s-n": val(None)}, {"s-n": {"value": 3, "skipped": True}}, {"s-x": val(3)}]
)
def test_not_answered_is_true_when_unanswered_or_skipped(tmpl, answers):
    assert ev(tmpl, {"step": "s-n", "op": "not_answered"}, answers) is True


def test_photo_step_answered_needs_its_minimum(tmpl):
    node = {"step": "s-p", "op": "answered"}  # sample photo config: min 2
    assert ev(tmpl, node, {"s-p": {"photos": [{"photo_index": 0}]}}) is False
    assert ev(tmpl, node, {"s-p": {"photos": [{"photo_index": 0}, {"photo_index": 1}]}}) is True


def test_signature_answered_with_one_photo(tmpl):
    node = {"step": "s-s", "op": "answered"}
    assert ev(tmpl, node, {"s-s": {"value": None, "photos": []}}) is False
    assert ev(tmpl, node, {"s-s": {"value": None, "photos": [{"photo_index": 0}]}}) is True


def test_all_and_any_nesting(tmpl):
    node = {
        "all": [
            {"step": "s-b", "op": "eq", "value": True},
            {
                "any": [
                    {"step": "s-n", "op": "gt", "value": 50},
                    {"step": "s-c", "op": "eq", "value": "o-red-c"},
                ]
            },
        ]
    }
    assert ev(tmpl, node, {"s-b": val(True), "s-n": val(60)}) is True
    assert ev(tmpl, node, {"s-b": val(True), "s-n": val(10), "s-c": val("o-red-c")}) is True
    assert ev(tmpl, node, {"s-b": val(True), "s-n": val(10), "s-c": val("o-blue-c")}) is False
    assert ev(tmpl, node, {"s-b": val(False), "s-n": val(60)}) is False
    assert ev(tmpl, node, {"s-n": val(60)}) is False


def test_evaluate_accepts_models_nodes_and_none(tmpl):
    answers = {"s-b": val(True)}
    assert evaluate_condition(StepCondition(step="s-b", op="eq", value=True), answers, tmpl) is True
    assert (
        evaluate_condition(AllOf(all=[StepCondition(step="s-b", op="eq", value=False)]), answers, tmpl)
        is False
    )
    assert evaluate_condition({"step": "s-b", "op": "answered"}, answers, tmpl) is True
    assert evaluate_condition(None, answers, tmpl) is True


def test_evaluate_accepts_a_stored_template_dict(tmpl):
    stored = normalize_template(tmpl)
    assert (
        evaluate_condition({"when": {"step": "s-b", "op": "eq", "value": True}}, {"s-b": val(True)}, stored)
        is True
    )


@pytest.fixture
def chain(make_body, make_step):
    """s-a boolean → s-b shown when s-a is true → s-c shown when s-b answered → s-d when s-b not answered."""
    return validate_template(
        make_body(
            make_step("s-a", "boolean"),
            make_step("s-b", "number", condition={"when": {"step": "s-a", "op": "eq", "value": True}}),
            make_step("s-c", "text", condition={"when": {"step": "s-b", "op": "answered"}}),
            make_step("s-d", "text", condition={"when": {"step": "s-b", "op": "not_answered"}}),
            make_step("s-i", "instruction", condition={"when": {"step": "s-b", "op": "gt", "value": 5}}),
            make_step("s-e", "text"),
        )
    )


def test_visible_when_conditions_hold(chain):
    answers = {"s-a": val(True), "s-b": val(7)}
    assert visible_step_ids(chain, answers) == {"s-a", "s-b", "s-c", "s-i", "s-e"}
    assert hidden_step_ids(chain, answers) == {"s-d"}


def test_hiding_cascades_in_document_order(chain):
    # s-b keeps a stored answer, but s-a = false hides s-b, so s-c sees s-b as unanswered.
    answers = {"s-a": val(False), "s-b": val(7)}
    assert visible_step_ids(chain, answers) == {"s-a", "s-d", "s-e"}
    assert hidden_step_ids(chain, answers) == {"s-b", "s-c"}  # instruction steps are not answerable
    assert evaluate_condition({"step": "s-b", "op": "answered"}, answers, chain) is False
    assert evaluate_condition({"step": "s-b", "op": "answered"}, answers, chain, hidden=set()) is True


def test_nothing_answered(chain):
    assert visible_step_ids(chain, {}) == {"s-a", "s-d", "s-e"}


def test_vehicle_damage_description_shown_only_with_damage(vehicle_body):
    t = validate_template(vehicle_body)
    assert "s-dm02" not in visible_step_ids(t, {"s-dm01": val(False)})
    assert "s-dm02" in visible_step_ids(t, {"s-dm01": val(True)})
    assert hidden_step_ids(t, {}) == {"s-dm02"}
