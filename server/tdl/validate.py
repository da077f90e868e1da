"""Validate a template body into a `Template`, or report every problem at once; normalize it back.

The Template model itself gathers every structural and semantic problem in one ValidationError
(see `Template._every_problem`); this module turns that into a `TdlError` with path strings.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .configs import STORED
from .errors import TdlError, problems_from_validation_error
from .models import Template


def validate_template(data: Any, *, stored: bool = False) -> Template:
    """The Template for a TDL body, or TdlError naming every structural and semantic problem. `stored`: a body
    the server validated in full when it stored it, parsed without its cross-field and cross-step checks
    (`configs.is_stored`)."""
    try:
        return Template.model_validate(data, context={STORED: True} if stored else None)
    except ValidationError as exc:
        raise TdlError.from_problems(problems_from_validation_error(exc)) from None


def normalize_template(t: Template) -> dict[str, Any]:
    """The canonical JSON-able body with every default filled in: what the server stores and returns."""
    return t.model_dump(mode="json")
