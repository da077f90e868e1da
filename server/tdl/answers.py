"""Check one answer (value, geo, skipped) against its step, for `PUT /runs/{id}/answers/{step_id}`.

The server calls `skip_allowed` first (a refused skip is its own error code, `skip_not_allowed`),
then `check_answer`, whose details it returns as a 422 `validation_error`. The offline executor runs
the same checks before it queues an answer, so both sides agree on what an answer may be.

A null value is accepted for every answerable type: it clears the answer (the step then counts as
unanswered). Photo and signature steps only ever take null: their photos are the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .configs import (
    ChoiceConfig,
    DateConfig,
    MultiChoiceConfig,
    NumberConfig,
    RatingConfig,
    TextConfig,
)
from .errors import Loc, Problem, to_details
from .models import Step, Template, coerce_template
from .values import (
    DEFAULT_TEXT_MAX_LENGTH,
    MAX_DECIMAL_PLACES,
    decimal_places,
    fmt,
    is_hhmm,
    is_int,
    is_number,
    parse_iso_date,
)

# The largest whole number every client holds exactly (2**53 - 1: a phone's JavaScript number). A longer
# number typed into a step was changed silently on the phone, or, past 64 bits, refused with its whole batch.
LARGEST_EXACT = 9_007_199_254_740_991


def skip_allowed(template: Template | Mapping[str, Any]) -> bool:
    """Whether this template lets the executor skip steps (`settings.allow_skip`).

    Check it before `check_answer` when `skipped` is true: a refused skip answers 422
    `skip_not_allowed`, not `validation_error`.
    """
    return coerce_template(template).settings.allow_skip


def check_answer(
    template: Template | Mapping[str, Any],
    step_id: str,
    value: Any,
    *,
    skipped: bool = False,
    geo: Any = None,
) -> list[dict[str, str]]:
    """Every problem with this answer as `{"path", "message"}` (paths `step_id`, `value`, `skipped`, `geo…`)."""
    t = coerce_template(template)
    step = t.steps_by_id().get(step_id)
    if step is None:
        return to_details([Problem(("step_id",), f"'{step_id}' is not a step of this template")])
    if not step.answerable:
        return to_details(
            [Problem(("step_id",), f"'{step_id}' is an instruction step; it cannot be answered")]
        )
    problems: list[Problem] = []
    if skipped:
        if not t.settings.allow_skip:
            problems.append(Problem(("skipped",), "this template does not allow skipping steps"))
        if value is not None:
            problems.append(Problem(("value",), "must be null when the step is skipped"))
    elif value is not None:
        problems.extend(Problem(("value",) + loc, message) for loc, message in value_problems(step, value))
    if geo is not None:
        problems.extend(Problem(("geo",) + loc, message) for loc, message in geo_problems(geo))
    return to_details(problems)


def value_problems(step: Step, value: Any) -> list[tuple[Loc, str]]:
    """Why a non-null `value` is not an answer to `step` (locs relative to the value)."""
    check = _CHECKS.get(step.type)
    if check is None:  # photo, signature
        return [((), "must be null; the photos are the answer")]
    return check(step, value)


def _boolean(step: Step, value: Any) -> list[tuple[Loc, str]]:
    return [] if isinstance(value, bool) else [((), "must be true or false")]


def _number(step: Step, value: Any) -> list[tuple[Loc, str]]:
    if not is_number(value):
        return [((), "must be a number")]
    assert isinstance(step.config, NumberConfig)
    cfg = step.config
    out: list[tuple[Loc, str]] = []
    if cfg.min is not None and value < cfg.min:
        out.append(((), f"must be at least {cfg.min}"))
    elif value < -LARGEST_EXACT:
        out.append(((), f"must be at least {-LARGEST_EXACT}"))
    if cfg.max is not None and value > cfg.max:
        out.append(((), f"must be at most {cfg.max}"))
    elif value > LARGEST_EXACT:
        out.append(((), f"must be at most {LARGEST_EXACT}"))
    places = MAX_DECIMAL_PLACES if cfg.decimal is None else cfg.decimal
    if decimal_places(value) > places:
        unit = "decimal place" if places == 1 else "decimal places"
        out.append(((), "must be a whole number" if places == 0 else f"must have at most {places} {unit}"))
    return out


def _text(step: Step, value: Any) -> list[tuple[Loc, str]]:
    if not isinstance(value, str) or not value.strip():
        return [((), "must be a non-empty string (send null to clear the answer)")]
    assert isinstance(step.config, TextConfig)
    limit = step.config.max_length or DEFAULT_TEXT_MAX_LENGTH
    return [((), f"must be at most {limit} characters")] if len(value) > limit else []


def _choice(step: Step, value: Any) -> list[tuple[Loc, str]]:
    assert isinstance(step.config, ChoiceConfig)
    ids = [o.id for o in step.config.options]
    if isinstance(value, str) and value in ids:
        return []
    return [((), f"must be one of this step's option ids ({', '.join(ids)}); got {fmt(value)}")]


def _multi_choice(step: Step, value: Any) -> list[tuple[Loc, str]]:
    if not isinstance(value, list):
        return [((), "must be a list of option ids")]
    assert isinstance(step.config, MultiChoiceConfig)
    cfg = step.config
    ids = [o.id for o in cfg.options]
    out: list[tuple[Loc, str]] = []
    seen: set[str] = set()
    for k, item in enumerate(value):
        if not (isinstance(item, str) and item in ids):
            out.append(((k,), f"must be one of this step's option ids ({', '.join(ids)}); got {fmt(item)}"))
        elif item in seen:
            out.append(((k,), f"'{item}' is selected more than once"))
        else:
            seen.add(item)
    if len(value) < cfg.min_selected:
        out.append(
            ((), f"must select at least {cfg.min_selected} option{'s' if cfg.min_selected != 1 else ''}")
        )
    if cfg.max_selected is not None and len(value) > cfg.max_selected:
        out.append(
            ((), f"must select at most {cfg.max_selected} option{'s' if cfg.max_selected != 1 else ''}")
        )
    return out


def _rating(step: Step, value: Any) -> list[tuple[Loc, str]]:
    assert isinstance(step.config, RatingConfig)
    low, high = step.config.min, step.config.max
    if not is_int(value) or not low <= value <= high:
        return [((), f"must be a whole number from {low} to {high}")]
    return []


def _date(step: Step, value: Any) -> list[tuple[Loc, str]]:
    day = parse_iso_date(value)
    if day is None:
        return [((), "must be a date written YYYY-MM-DD")]
    assert isinstance(step.config, DateConfig)
    cfg = step.config
    out: list[tuple[Loc, str]] = []
    if cfg.min is not None and value < cfg.min:
        out.append(((), f"must be on or after {cfg.min}"))
    if cfg.max is not None and value > cfg.max:
        out.append(((), f"must be on or before {cfg.max}"))
    return out


def _time(step: Step, value: Any) -> list[tuple[Loc, str]]:
    return [] if is_hhmm(value) else [((), "must be a time written HH:MM, from 00:00 to 23:59")]


_CHECKS = {
    "boolean": _boolean,
    "number": _number,
    "text": _text,
    "choice": _choice,
    "multi_choice": _multi_choice,
    "rating": _rating,
    "date": _date,
    "time": _time,
}

_GEO_RANGES = {"lat": (-90.0, 90.0), "lng": (-180.0, 180.0)}


def geo_problems(geo: Any) -> list[tuple[Loc, str]]:
    """Why `geo` is not `{lat, lng, accuracy_m?}` (locs relative to geo)."""
    if not isinstance(geo, Mapping):
        return [((), 'must be an object {"lat", "lng", "accuracy_m"} or null')]
    out: list[tuple[Loc, str]] = []
    for key, (low, high) in _GEO_RANGES.items():
        if key not in geo:
            out.append(((key,), "is required"))
        elif not is_number(geo[key]) or not low <= geo[key] <= high:
            out.append(((key,), f"must be a number from {low:g} to {high:g}"))
    accuracy = geo.get("accuracy_m")
    if accuracy is not None and (not is_number(accuracy) or accuracy < 0):
        out.append((("accuracy_m",), "must be a number of metres, 0 or more, or null"))
    for key in geo:
        if key not in ("lat", "lng", "accuracy_m"):
            out.append(((str(key),), "is not a known field (geo takes lat, lng and accuracy_m)"))
    return out
