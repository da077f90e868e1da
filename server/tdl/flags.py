"""A step's `flag` (SPEC §14): its shape and the rules that tie it to the step's type and options.

`findings.py` says which answers are findings; this module only says which flags are valid. The flag names the answers
that are findings: `boolean` → the value (`true`/`false`); `choice`/`multi_choice` → a non-empty list of
its option ids; `number`/`rating` → `{"below": x, "above": y}`, at least one (a finding when the value is
< below or > above).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, StrictFloat, StrictInt, WrapValidator
from pydantic_core import PydanticCustomError

from .configs import TdlModel, option_ids
from .errors import NESTED_RULE, Loc, Problem
from .values import fmt, is_number

FLAG_TYPES: tuple[str, ...] = ("boolean", "choice", "multi_choice", "number", "rating")
_FLAG_SHAPES = {
    "boolean": "true or false (the answer that is a finding)",
    "choice": "a non-empty list of this step's option ids",
    "multi_choice": "a non-empty list of this step's option ids",
    "number": 'an object {"below": x, "above": y} with at least one of the two',
    "rating": 'an object {"below": x, "above": y} with at least one of the two',
}
Number = StrictInt | StrictFloat


class FlagRange(TdlModel):
    """`{"below": x, "above": y}` of a number or rating step: a value outside is a finding."""

    below: Number | None = None
    above: Number | None = None


def _validate_flag(v: Any, _handler: Any) -> bool | list[str] | FlagRange | None:
    """Shape only (bool, list of strings, range object). Its error is a nested rule: inside a Template,
    `flag_problems` (which sees the step's type and options) reports every bad flag in words that fit the
    step, once."""
    if v is None or isinstance(v, bool | FlagRange):
        return v
    if isinstance(v, list) and all(isinstance(item, str) for item in v):
        return list(v)
    if isinstance(v, dict) and set(v) <= {"below", "above"} and all(_number_or_none(x) for x in v.values()):
        return FlagRange.model_validate(v)
    raise PydanticCustomError(
        NESTED_RULE, "must be null, true, false, a list of option ids or {below, above}", {}
    )


def _number_or_none(v: Any) -> bool:
    return v is None or is_number(v)


StepFlag = Annotated[
    bool | list[str] | FlagRange | None,
    WrapValidator(_validate_flag),
    Field(description="Which answers of this step are a finding (SPEC §14); null: none."),
]


def flag_problems(loc: Loc, step_type: str | None, flag: Any, config: Mapping[str, Any]) -> list[Problem]:
    """Why a raw step's `flag` does not fit the step, or []. Every problem is at `<step>.flag` (SPEC §14). `step_type` None: the
    type itself is broken and reported elsewhere."""
    if flag is None or step_type is None:
        return []
    at = loc + ("flag",)
    if step_type not in FLAG_TYPES:
        kinds = ", ".join(FLAG_TYPES)
        return [Problem(at, f"must be null for a {step_type} step; only {kinds} steps can flag a finding")]
    shape = _FLAG_SHAPES[step_type]
    if step_type == "boolean":
        return [] if isinstance(flag, bool) else [Problem(at, f"must be {shape}")]
    if step_type in ("choice", "multi_choice"):
        return _options_problems(at, flag, option_ids(dict(config)), shape)
    return _range_problems(at, flag, shape)


def _options_problems(at: Loc, flag: Any, ids: list[str], shape: str) -> list[Problem]:
    if not isinstance(flag, list) or not flag or not all(isinstance(item, str) for item in flag):
        return [Problem(at, f"must be {shape}")]
    out: list[Problem] = []
    seen: set[str] = set()
    for k, item in enumerate(flag):
        if item in seen:
            out.append(Problem(at, f"repeats option {fmt(item)} (item {k})"))
        elif item not in ids:
            out.append(
                Problem(
                    at, f"names {fmt(item)}, which is not an option of this step (one of: {', '.join(ids)})"
                )
            )
        seen.add(item)
    return out


def _range_problems(at: Loc, flag: Any, shape: str) -> list[Problem]:
    if not isinstance(flag, Mapping) or not set(flag) <= {"below", "above"}:
        return [Problem(at, f"must be {shape}")]
    out = [
        Problem(at, f"{key} must be a number")
        for key in ("below", "above")
        if not _number_or_none(flag.get(key))
    ]
    if out:
        return out
    below, above = flag.get("below"), flag.get("above")
    if below is None and above is None:
        return [Problem(at, f"must be {shape}; an empty object flags nothing")]
    if below is not None and above is not None and below > above:
        return [Problem(at, f"below ({fmt(below)}) must not be greater than above ({fmt(above)})")]
    return []
