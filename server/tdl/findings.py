"""Findings (SPEC §14): which answers are a problem someone must act on.

One truth for the server, the editor preview and both runners: `is_finding` says whether one answer is a
finding, `finding_step_ids` which visible steps of a run hold one (the run's `flagged` count). A hidden,
skipped or unanswered step is never a finding; a step's `flag` (see `flags.py`) names the values that are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .flags import FlagRange
from .models import Step, iter_steps
from .values import is_number
from .visibility import Answers, TemplateLike, coerce_template, visible_step_ids


def _flag_data(flag: Any) -> Any:
    return flag.model_dump() if isinstance(flag, FlagRange) else flag


def value_is_finding(step_type: str, flag: Any, value: Any) -> bool:
    """Whether an answered value of a step of `step_type` with this `flag` is a finding (visibility and
    skipping aside: see `is_finding`). A value that does not fit the type is never one."""
    flag = _flag_data(flag)
    if flag is None or value is None:
        return False
    if step_type == "boolean":
        return isinstance(value, bool) and isinstance(flag, bool) and value is flag
    if step_type == "choice":
        return isinstance(value, str) and isinstance(flag, list) and value in flag
    if step_type == "multi_choice":
        return isinstance(value, list) and isinstance(flag, list) and any(item in flag for item in value)
    if step_type in ("number", "rating") and isinstance(flag, Mapping) and is_number(value):
        below, above = flag.get("below"), flag.get("above")
        return (below is not None and value < below) or (above is not None and value > above)
    return False


def is_finding(step: Step, answer: Mapping[str, Any] | None, *, visible: bool = True) -> bool:
    """Whether `answer` (`{"value", "skipped", …}` or None) to `step` (a `Step`) is a finding: never for a
    hidden, skipped or unanswered step."""
    if not visible or answer is None or answer.get("skipped"):
        return False
    return value_is_finding(step.type, step.flag, answer.get("value"))


def finding_step_ids(template: TemplateLike, answers: Answers | None) -> set[str]:
    """The visible steps whose answer is a finding, for a run's answer map."""
    t = coerce_template(template)
    if not answers:
        return set()
    flagged_steps = [step for _, _, step in iter_steps(t) if step.flag is not None and step.id in answers]
    if not flagged_steps:
        return set()
    visible = visible_step_ids(t, answers)
    return {
        step.id
        for step in flagged_steps
        if is_finding(step, answers.get(step.id), visible=step.id in visible)
    }


def answer_is_finding(template: TemplateLike, step_id: str, answers: Answers | None) -> bool:
    """Whether the answer to one step is a finding among these answers; conditions are evaluated only
    when the step has a `flag` at all (most do not), so a runner may ask on every keystroke."""
    t = coerce_template(template)
    step = t.steps_by_id().get(step_id)
    if step is None or step.flag is None or not isinstance(answers, Mapping):
        return False
    return is_finding(step, answers.get(step_id), visible=step_id in visible_step_ids(t, answers))
