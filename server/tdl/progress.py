"""Progress of a run and what still stands between it and completion.

Both look only at visible steps and never at instruction steps, so a step hidden by a condition
neither counts towards the total nor blocks completion.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .conditions import AllOf, AnyOf
from .errors import Problem, to_details
from .models import Step, coerce_template, iter_steps
from .visibility import (
    Answers,
    AnswerView,
    TemplateLike,
    answer_of,
    is_answered,
    photos_needed,
    visible_step_ids,
)


def compute_progress(template: TemplateLike, answers: Answers | None) -> dict[str, int]:
    """`{"total", "answered", "skipped"}` over the visible, answerable steps."""
    t = coerce_template(template)
    visible = visible_step_ids(t, answers)
    total = answered = skipped = 0
    for _, _, step in iter_steps(t):
        if not step.answerable or step.id not in visible:
            continue
        total += 1
        answer = answer_of(answers, step.id)
        if answer.skipped:
            skipped += 1
        elif is_answered(step, answer):
            answered += 1
    return {"total": total, "answered": answered, "skipped": skipped}


def step_counts(template: TemplateLike) -> tuple[int, int]:
    """(steps a fresh run counts, answerable steps it does not show yet): the library listed "45 steps" for a
    checklist whose run shows 23, the other 22 following only on some answers."""
    t = coerce_template(template)
    at_start = compute_progress(t, {})["total"]
    return at_start, sum(1 for _, _, step in iter_steps(t) if step.answerable) - at_start


def completion_problems(
    template: TemplateLike, answers: Answers | None, *, has_run_signature: bool
) -> list[dict[str, str]]:
    """One `{"path", "message"}` per thing missing before the run may complete; empty when it may.

    Paths are `answers.<step_id>`, and `signature` for the run signature that
    `settings.signature_on_complete` asks for.
    """
    t = coerce_template(template)
    visible = visible_step_ids(t, answers)
    problems: list[Problem] = []
    for _, _, step in iter_steps(t):
        if step.answerable and step.id in visible:
            problems.extend(_step_problems(step, answers, t.settings.allow_skip))
    if t.settings.signature_on_complete and not has_run_signature:
        problems.append(
            Problem(("signature",), "this template needs the executor's signature before completion")
        )
    return to_details(problems)


def _step_problems(step: Step, answers: Answers | None, allow_skip: bool) -> list[Problem]:
    answer = answer_of(answers, step.id)
    loc = ("answers", step.id)
    name = f"'{step.label}'"
    if answer.skipped and allow_skip:
        return []
    if not is_answered(step, answer):
        started = step.type == "photo" and answer.photos and not answer.skipped
        if step.required or started:  # an optional photo step, once begun, must reach its minimum
            message = _unanswered_message(step, name)
            if answer.skipped:
                message += "; this template does not allow skipping"
            return [Problem(loc, message)]
        return []
    out: list[Problem] = []
    if len(answer.photos) < step.photo_min:
        out.append(Problem(loc, f"{name} needs at least {_photos(step.photo_min)}"))
    if step.geo and not isinstance(answer.geo, Mapping):
        out.append(Problem(loc, f"{name} needs a location"))
    return out


def _unanswered_message(step: Step, name: str) -> str:
    if step.type == "photo":
        return f"{name} needs at least {_photos(photos_needed(step))}"
    if step.type == "signature":
        return f"{name} needs a signature"
    return f"{name} needs an answer"


def _photos(n: int) -> str:
    return f"{n} photo" if n == 1 else f"{n} photos"


def counts_alone(template: TemplateLike, step_id: str) -> bool:
    """Whether a change to whether `step_id` is answered moves nothing but that step's own place in the
    progress: the step is shown unconditionally, no step's condition reads it and it flags no finding. Then
    a photo arriving for it updates the stored progress by one, without re-reading every answer."""
    t = coerce_template(template)
    step = t.steps_by_id().get(step_id)
    if step is None or not step.answerable or step.condition is not None or step.flag is not None:
        return False
    return all(
        step_id not in _condition_steps(other.condition.when)
        for _, _, other in iter_steps(t)
        if other.condition is not None
    )


def _condition_steps(node: Any) -> set[str]:
    if isinstance(node, AllOf):
        return set().union(*(_condition_steps(child) for child in node.all))
    if isinstance(node, AnyOf):
        return set().union(*(_condition_steps(child) for child in node.any))
    return {node.step}


def is_answered_with(step: Step, photos: int, skipped: bool) -> bool:
    """`is_answered` of a photo-bearing step holding `photos` photos (its value unchanged)."""
    return is_answered(step, AnswerView(photos=[None] * photos, skipped=skipped))
