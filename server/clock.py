"""Time in the API's one format: ISO 8601 UTC with `Z`, second precision."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import overload


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@overload
def iso(dt: datetime) -> str: ...
@overload
def iso(dt: None) -> None: ...
def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    # Not strftime(FORMAT): glibc writes the year 373 as "373", which neither sorts nor parses as ISO 8601.
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


FORMAT = "%Y-%m-%dT%H:%M:%SZ"


_formatted: tuple[int, str] = (-1, "")  # (second, its text): hot paths ask for now many times a second


def now_iso() -> str:
    global _formatted
    second = int(time.time())
    if _formatted[0] != second:
        _formatted = (second, time.strftime(FORMAT, time.gmtime(second)))
    return _formatted[1]


def now_stamp() -> str:
    """Now to the microsecond, ISO 8601 UTC with `Z`: an order of things made within one second (which of a
    photo slot's uploads was created first). It sorts with `FORMAT`'s stamps of other seconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def iso_at(epoch_seconds: float) -> str:
    """`iso()` of a Unix time, without building a datetime (the dispatch path formats two per run)."""
    return time.strftime(FORMAT, time.gmtime(epoch_seconds))


def current_month() -> str:
    """`YYYY-MM` of the current UTC month."""
    return time.strftime("%Y-%m", time.gmtime())


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 timestamp; naive ones are taken as UTC."""
    dt = datetime.fromisoformat(text)  # Python 3.11 reads a trailing Z
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def plus_hours(text: str, hours: float) -> str:
    return iso(parse_iso(text) + timedelta(hours=hours))
