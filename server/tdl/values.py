"""Predicates on JSON values shared by template checks, condition checks and answer checks.

JSON decoding gives Python `bool` for true/false, and `bool` is a subclass of `int`; every numeric
predicate here rejects booleans so `true` is never taken for `1`.
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_DECIMAL_PLACES = 6
DEFAULT_TEXT_MAX_LENGTH = 10_000

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v: Any) -> bool:
    """An int or a finite float, not a bool."""
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return True
    return isinstance(v, float) and math.isfinite(v)


def decimal_places(v: float) -> int:
    """How many decimal places `v` is written with once trailing zeros go (1.50 → 1, 2.0 → 0).

    Uses the shortest repr of the float, so 0.1 counts as one place, not fifty-odd binary digits.
    """
    try:
        exponent = Decimal(str(v)).normalize().as_tuple().exponent
    except InvalidOperation:  # pragma: no cover - is_number() excludes what Decimal cannot read
        return MAX_DECIMAL_PLACES + 1
    if not isinstance(exponent, int):  # NaN / infinity
        return MAX_DECIMAL_PLACES + 1
    return max(0, -exponent)


def parse_iso_date(v: Any) -> date | None:
    """The date for a strict `YYYY-MM-DD` string, else None."""
    if not isinstance(v, str) or not _DATE_RE.match(v):
        return None
    try:
        return date.fromisoformat(v)
    except ValueError:
        return None


def is_iso_date(v: Any) -> bool:
    return parse_iso_date(v) is not None


def is_hhmm(v: Any) -> bool:
    """A 24-hour `HH:MM` string from 00:00 to 23:59."""
    return isinstance(v, str) and bool(_TIME_RE.match(v))


def values_equal(a: Any, b: Any) -> bool:
    """Equality that never confuses true with 1 (but does treat 1 and 1.0 as equal)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return bool(a == b)


def fmt(v: Any) -> str:
    """A value as a designer would write it in JSON, for messages."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, str):
        return f"'{v}'"
    return str(v)
