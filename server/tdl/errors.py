"""Problems found in a template, their paths, and the one exception that carries them.

Every check in this package reports `Problem`s (a pydantic-style loc tuple, a message in words and
whether it is an absent required field). `TdlError` turns them into the API's `details` shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

Loc = tuple[str | int, ...]

# Error types this package raises from inside pydantic validators. NESTED_RULE marks a cross-field
# rule raised by a nested model (a config's min > max): the Template validator drops those from a
# failed run because it recomputes every such rule from the raw body, where it also finds them when
# the structure around them is broken. INVALID and MISSING carry finished messages.
NESTED_RULE = "tdl_nested_rule"
INVALID = "tdl_invalid"
MISSING = "tdl_missing"


class Problem(NamedTuple):
    """One thing wrong: where (a loc tuple), what (words), and whether a required field is absent."""

    loc: Loc
    message: str
    missing: bool = False


class TdlError(Exception):
    """A template (or answer) is not valid; `details` names every problem with its path.

    `missing` is True when at least one problem is a required field that is absent: the API answers
    400 `bad_request` for those and 422 `validation_error` otherwise. Fields required only because of
    a step's type (a choice's `options`) or a condition's operator (its `value`) count as invalid
    rather than missing: the published JSON schema cannot mark them required.
    """

    def __init__(self, details: list[dict[str, str]], missing: bool = False) -> None:
        self.details = details
        self.missing = missing
        shown = "; ".join(f"{d['path'] or '(template)'}: {d['message']}" for d in details[:5])
        more = f" (and {len(details) - 5} more)" if len(details) > 5 else ""
        super().__init__(f"{len(details)} problem(s): {shown}{more}")

    @classmethod
    def from_problems(cls, problems: Iterable[Problem]) -> TdlError:
        unique = dedupe(problems)
        missing = any(p.missing and not _depends_on_type(p.loc) for p in unique)
        return cls(to_details(unique), missing=missing)


def _depends_on_type(loc: Sequence[Any]) -> bool:
    return "config" in loc or "condition" in loc


def path_of(loc: Sequence[Any]) -> str:
    """`('sections', 0, 'steps', 1, 'config')` → `sections[0].steps[1].config`; `()` → `''`."""
    out = ""
    for item in loc:
        if isinstance(item, int) and not isinstance(item, bool):
            out += f"[{item}]"
        else:
            out += f".{item}" if out else str(item)
    return out


def to_details(problems: Iterable[Problem]) -> list[dict[str, str]]:
    return [{"path": path_of(p.loc), "message": p.message} for p in problems]


def dedupe(problems: Iterable[Problem]) -> list[Problem]:
    """Keep the first of each (path, message), in order."""
    seen: set[tuple[str, str]] = set()
    out: list[Problem] = []
    for p in problems:
        key = (path_of(p.loc), p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def custom_error(message: str) -> PydanticCustomError:
    """A pydantic error whose message is exactly `message` (braces in it are not a template)."""
    return PydanticCustomError(INVALID, "{message}", {"message": message})


def problems_error(title: str, problems: Sequence[Problem], *, nested_rule: bool = False) -> ValidationError:
    """One pydantic ValidationError holding every problem, each at its own loc."""
    line_errors: list[InitErrorDetails] = []
    for p in problems:
        kind = NESTED_RULE if nested_rule else (MISSING if p.missing else INVALID)
        line_errors.append(
            {
                "type": PydanticCustomError(kind, "{message}", {"message": p.message}),
                "loc": p.loc,
                "input": None,
            }
        )
    return ValidationError.from_exception_data(title, line_errors)


def raise_nested_rule(title: str, problems: Sequence[Problem]) -> None:
    """Raise a nested model's cross-field problems (if any) for the enclosing Template to recompute."""
    if problems:
        raise problems_error(title, problems, nested_rule=True)


def problems_from_validation_error(exc: ValidationError, *, drop_nested_rules: bool = False) -> list[Problem]:
    """Translate pydantic's errors into Problems with messages a template designer understands."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        kind = err["type"]
        if drop_nested_rules and kind == NESTED_RULE:
            continue
        message = humanize(kind, err.get("msg", ""), err.get("ctx") or {})
        out.append(Problem(tuple(err["loc"]), message, kind in ("missing", MISSING)))
    return out


def in_document_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems grouped section by section, step by step.

    List indexes order; keys do not, and the sort is stable, so within one object the problems stay
    in the order the checks found them.
    """
    return sorted(problems, key=lambda p: tuple((0, i) if isinstance(i, int) else (1, 0) for i in p.loc))


_ID_KINDS = {"g": "a section id", "s": "a step id", "o": "an option id"}


def humanize(kind: str, msg: str, ctx: dict[str, Any]) -> str:
    """Rewrite pydantic's standard messages ("Input should be ...") in the package's voice."""
    plural = "s" if ctx.get("min_length", ctx.get("max_length")) != 1 else ""
    simple = {
        "missing": "is required",
        "extra_forbidden": "is not a known field (check the spelling)",
        "string_type": "must be a string",
        "bool_type": "must be true or false",
        "int_type": "must be a whole number",
        "int_from_float": "must be a whole number",
        "float_type": "must be a number",
        "model_type": "must be an object",
        "model_attributes_type": "must be an object",
        "dict_type": "must be an object",
        "list_type": "must be a list",
    }
    if kind in simple:
        return simple[kind]
    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        return "must not be empty" if n == 1 else f"must be at least {n} characters"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length')} item{plural}"
    if kind == "too_long":
        return f"must have at most {ctx.get('max_length')} item{plural}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}"
    if kind == "greater_than":
        return f"must be greater than {ctx.get('gt')}"
    if kind == "less_than":
        return f"must be less than {ctx.get('lt')}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        prefix = pattern[1:2]
        if pattern.startswith("^") and prefix in _ID_KINDS and pattern[2:3] == "-":
            return f"must be {_ID_KINDS[prefix]}: '{prefix}-' followed by 1 to 64 letters, digits, '_' or '-'"
        return f"must match the pattern {pattern}"
    return msg
