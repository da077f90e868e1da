"""Which steps are shown for a run's answers: condition evaluation, in document order.

A step whose condition is false is hidden. A condition that refers to a hidden step sees it as
unanswered, and since conditions refer only to earlier steps one pass in document order settles
every step (hiding cascades). Answers come as the run's answer map
`{step_id: {"value", "photos", "skipped", "geo"}}`; missing keys read as None / [] / False.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from .conditions import NODE_ADAPTER, AllOf, AnyOf, Condition, StepCondition
from .configs import PhotoConfig
from .models import Step, Template, coerce_template, iter_steps
from .values import is_number, values_equal

Answers = Mapping[str, Any]
TemplateLike = Template | Mapping[str, Any]
Node = StepCondition | AllOf | AnyOf


@dataclass(frozen=True, slots=True)
class AnswerView:
    """One entry of the answer map, read defensively."""

    value: Any = None
    photos: list[Any] = field(default_factory=list)
    skipped: bool = False
    geo: Any = None


def answer_of(answers: Answers | None, step_id: str) -> AnswerView:
    entry = answers.get(step_id) if isinstance(answers, Mapping) else None
    if not isinstance(entry, Mapping):
        return AnswerView()
    photos = entry.get("photos")
    if not isinstance(photos, list):  # read-only: a stored list is shared, not copied (progress reads many)
        photos = list(photos) if isinstance(photos, tuple) else []
    return AnswerView(
        value=entry.get("value"),
        photos=photos,
        skipped=bool(entry.get("skipped")),
        geo=entry.get("geo"),
    )


def photos_needed(step: Step) -> int:
    """Photos that make a photo step answered (at least one, even where config.min is 0)."""
    if step.type == "photo" and isinstance(step.config, PhotoConfig):
        return max(1, step.config.min)
    return 1 if step.type == "signature" else 0


def is_answered(step: Step, answer: AnswerView) -> bool:
    """Answered (not skipped): photo steps by their photos, signatures by their image, others by value."""
    if answer.skipped or not step.answerable:
        return False
    if step.type in ("photo", "signature"):
        return len(answer.photos) >= photos_needed(step)
    return answer.value is not None


def evaluate_condition(
    cond: Condition | Node | Mapping[str, Any] | None,
    answers: Answers | None,
    template: TemplateLike,
    *,
    hidden: Collection[str] | None = None,
) -> bool:
    """Whether `cond` (a step's condition, or one node of it) holds for these answers.

    `hidden` lists steps to treat as unanswered; by default the template's hidden steps for these
    answers. A missing condition (None) holds.
    """
    if cond is None:
        return True
    t = coerce_template(template)
    if hidden is None:
        hidden = {s.id for _, _, s in iter_steps(t)} - visible_step_ids(t, answers)
    return _evaluate(_node_of(cond), answers, t.steps_by_id(), hidden)


def visible_step_ids(template: TemplateLike, answers: Answers | None) -> set[str]:
    """Ids of the steps shown for these answers (instruction steps included)."""
    t = coerce_template(template)
    steps = t.steps_by_id()
    hidden: set[str] = set()
    visible: set[str] = set()
    for _, _, step in iter_steps(t):
        if step.condition is None or _evaluate(step.condition.when, answers, steps, hidden):
            visible.add(step.id)
        else:
            hidden.add(step.id)
    return visible


def hidden_step_ids(template: TemplateLike, answers: Answers | None) -> set[str]:
    """Ids of answerable steps that are hidden: their stored answers are dropped on completion."""
    t = coerce_template(template)
    visible = visible_step_ids(t, answers)
    return {s.id for _, _, s in iter_steps(t) if s.answerable and s.id not in visible}


def _node_of(cond: Condition | Node | Mapping[str, Any]) -> Node:
    if isinstance(cond, Condition):
        return cond.when
    if isinstance(cond, StepCondition | AllOf | AnyOf):
        return cond
    if "when" in cond:
        return Condition.model_validate(dict(cond)).when
    return NODE_ADAPTER.validate_python(dict(cond))


def _evaluate(
    node: Node, answers: Answers | None, steps: Mapping[str, Step], hidden: Collection[str]
) -> bool:
    if isinstance(node, AllOf):
        return all(_evaluate(child, answers, steps, hidden) for child in node.all)
    if isinstance(node, AnyOf):
        return any(_evaluate(child, answers, steps, hidden) for child in node.any)
    step = steps.get(node.step)
    answer = answer_of(answers, node.step)
    if step is None or node.step in hidden or not is_answered(step, answer):
        # Unanswered is not a value: only not_answered holds (neq and not_in do not).
        return node.op == "not_answered"
    return compare(node.op, answer.value, node.value)


def compare(op: str, actual: Any, expected: Any) -> bool:
    """Apply `op` to an answer value that is present. Mismatched types compare false, never raise."""
    if op == "answered":
        return True
    if op == "not_answered":
        return False
    if op == "eq":
        return values_equal(actual, expected)
    if op == "neq":
        return not values_equal(actual, expected)
    if op in ("in", "not_in"):
        if not isinstance(expected, list):
            return False
        found = any(values_equal(actual, item) for item in expected)
        return found if op == "in" else not found
    if op == "contains":
        if isinstance(actual, list):
            return any(values_equal(item, expected) for item in actual)
        return isinstance(actual, str) and isinstance(expected, str) and expected in actual
    return _ordered(op, actual, expected)


def _ordered(op: str, actual: Any, expected: Any) -> bool:
    # Numbers compare numerically; dates are ISO strings, so string order is date order.
    if not (
        (is_number(actual) and is_number(expected)) or (isinstance(actual, str) and isinstance(expected, str))
    ):
        return False
    if op == "gt":
        return bool(actual > expected)
    if op == "gte":
        return bool(actual >= expected)
    if op == "lt":
        return bool(actual < expected)
    if op == "lte":
        return bool(actual <= expected)
    return False
