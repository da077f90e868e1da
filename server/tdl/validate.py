"""Validate a template body into a `Template`, or report every problem at once; normalize it back.

The structural (pydantic) pass stops looking inside a part once that part is broken, and its
model-level checks only run on fully valid parts. So after a failed pydantic pass the cross-field and
cross-step rules are recomputed from the raw body, and a designer sees every problem in one go.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .errors import Problem, TdlError, problems_from_validation_error
from .models import Template
from .semantics import semantic_problems


def validate_template(data: Any) -> Template:
    """The Template for a TDL body, or TdlError naming every structural and semantic problem."""
    try:
        return Template.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_validation_error(exc, keep_semantic=False)
        problems.extend(semantic_problems(data))
        if not problems:  # pragma: no cover - would mean a semantic rule only the model knows
            problems = problems_from_validation_error(exc)
        raise TdlError.from_problems(sorted(problems, key=_document_order)) from None


def _document_order(problem: Problem) -> tuple[tuple[int, int], ...]:
    # List indexes order; keys do not (the sort is stable, so within one object the order in which
    # the checks found the problems stays). The result groups problems section by section, step by step.
    return tuple((0, item) if isinstance(item, int) else (1, 0) for item in problem.loc)


def normalize_template(t: Template) -> dict[str, Any]:
    """The canonical JSON-able body with every default filled in: what the server stores and returns."""
    return t.model_dump(mode="json")
