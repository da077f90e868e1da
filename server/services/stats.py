"""The supervisor's numbers (SPEC §14): runs per day or week by status, findings, completion rate and time,
and each step's answers for one template version.

A run counts in the bucket of its `created_at` in the zone asked for, with its current status. Day bounds
are turned into UTC instants once per request; counts then come per quarter hour from the rollups
(migration 0008) and fall into buckets by comparing texts. Percentiles are nearest-rank: the smallest value
with at least p % of the values at or below it (always a value that occurred).
"""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from server.clock import iso
from server.errors import RundunError, TemplateNotFound, ValidationFailed
from server.services.context import Context
from server.services.runs import expire_due_in_org, version_model
from server.services.step_stats import step_stats
from server.store import stats as store
from server.tdl.values import parse_iso_date

STATUSES = ("pending", "in_progress", "completed", "cancelled", "expired")
BUCKETS = ("day", "week")
MAX_DAYS = 366
DEFAULT_DAYS = 30


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def _bad(param: str, message: str) -> RundunError:
    return ValidationFailed(
        f"The query parameter {param} is not valid.", details=[{"path": f"query.{param}", "message": message}]
    )


@dataclass(frozen=True)
class Period:
    """The days asked for (inclusive, in `tz`) and their bounds as UTC texts `YYYY-MM-DDTHH:MM:SSZ`."""

    first: date
    last: date
    tz: str
    bucket: str
    day_starts: list[str]  # UTC start of each day first … last + 1 (the last is the end of the range)

    @property
    def start(self) -> str:
        return self.day_starts[0]

    @property
    def end(self) -> str:
        return self.day_starts[-1]

    def aligned(self, minutes: int) -> bool:
        """Whether every day starts on a multiple of `minutes` (UTC), so a slot that long never straddles two."""
        return all(s[17:19] == "00" and int(s[14:16]) % minutes == 0 for s in self.day_starts)

    def bucket_starts(self) -> list[date]:
        if self.bucket == "day":
            return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]
        monday = self.first - timedelta(days=self.first.weekday())
        return [monday + timedelta(days=7 * i) for i in range((self.last - monday).days // 7 + 1)]

    def bucket_of_day(self, i: int) -> int:
        if self.bucket == "day":
            return i
        return (i + self.first.weekday()) // 7


def parse_period(from_: str | None, to: str | None, tz: str | None, bucket: str | None = "day") -> Period:
    """The period of a stats query, or 422 naming the parameter (`query.from`, …): every problem at once."""
    problems: list[dict] = []

    def note(exc: RundunError) -> None:
        problems.extend(exc.details or [])

    zone_name = "UTC" if tz is None else tz
    zone: zoneinfo.ZoneInfo | None = None
    if zone_name not in _zones():
        note(_bad("tz", "must be an IANA time zone such as Europe/Berlin or UTC"))
    else:
        zone = zoneinfo.ZoneInfo(zone_name)
    if bucket is None:
        bucket = "day"
    if bucket not in BUCKETS:
        note(_bad("bucket", "must be day or week"))
    first = last = None
    if from_ is not None and (first := parse_iso_date(from_)) is None:
        note(_bad("from", "must be a date written YYYY-MM-DD"))
    if to is not None and (last := parse_iso_date(to)) is None:
        note(_bad("to", "must be a date written YYYY-MM-DD"))
    bad_dates = (from_ is not None and first is None) or (to is not None and last is None)
    if not bad_dates and zone is not None:
        if last is None:
            last = datetime.now(zone).date() if first is None else first + timedelta(days=DEFAULT_DAYS - 1)
        if first is None:
            first = last - timedelta(days=DEFAULT_DAYS - 1)
        if first > last:
            note(_bad("from", f"must not be after to ({last.isoformat()})"))
        elif (last - first).days + 1 > MAX_DAYS:
            note(_bad("to", f"must be at most {MAX_DAYS} days from from (inclusive)"))
        elif last >= date.max - timedelta(days=1) or first <= date.min + timedelta(days=7):
            note(_bad("to" if last >= date.max - timedelta(days=1) else "from", "is out of range"))
    if problems:
        raise ValidationFailed("The query parameters are not valid.", details=problems)
    assert first is not None and last is not None and zone is not None
    starts = [_day_start(first + timedelta(days=i), zone) for i in range((last - first).days + 2)]
    return Period(first, last, zone_name, bucket, starts)


def _day_start(day: date, zone: zoneinfo.ZoneInfo) -> str:
    """The first instant of `day` in `zone`, as UTC text (where midnight is skipped, the end of the gap)."""
    return iso(datetime.combine(day, time(0), tzinfo=zone))


def nearest_rank(values: list, share: tuple[int, int]) -> Any:
    """The nearest-rank percentile of sorted `values` (`share` = (90, 100) for p90); None when empty."""
    if not values:
        return None
    num, den = share
    return values[max(1, -(-num * len(values) // den)) - 1]


def _empty_counts() -> dict[str, Any]:
    return {"created": 0, "by_status": dict.fromkeys(STATUSES, 0), "flagged_runs": 0}


def _add(into: dict, status: str, runs: int, flagged: int) -> None:
    into["created"] += runs
    into["by_status"][status] = into["by_status"].get(status, 0) + runs
    into["flagged_runs"] += flagged


def _counts(conn: Any, period: Period, f: store.RunFilter) -> Iterable[tuple[int, str, int, int]]:
    """`(day index, status, runs, flagged runs)`: from the rollups where every day starts on a quarter hour
    (every zone today), else from the runs."""
    if f.executor_ref is None and period.aligned(15):
        return store.rollup_counts(conn, f, period.day_starts)
    return store.run_counts(conn, f, period.day_starts)


async def run_stats(
    ctx: Context, org_id: str, period: Period, template_id: str | None, executor_ref: str | None
) -> dict:
    """`GET /v1/stats/runs`: every bucket of the period (empty ones too), totals, completion rate and time."""
    f = store.RunFilter(org_id, period.start, period.end, template_id, None, executor_ref)
    await expire_due_in_org(ctx, org_id)  # counted with the status `GET /v1/runs/{id}` gives them
    counts, seconds = await ctx.db.read_async(_read_run_stats, period, f)
    starts = period.bucket_starts()
    buckets = [{"start": s.isoformat(), **_empty_counts()} for s in starts]
    totals = _empty_counts()
    for day, status, runs, flagged in counts:
        _add(buckets[period.bucket_of_day(day)], status, runs, flagged)
        _add(totals, status, runs, flagged)
    completed = totals["by_status"]["completed"]
    return {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "bucket": period.bucket,
        "tz": period.tz,
        "buckets": buckets,
        "totals": totals,
        "completion_rate": completed / totals["created"] if totals["created"] else None,
        "time_to_complete_s": {"p50": seconds[(50, 100)], "p90": seconds[(90, 100)]},
    }


def _read_run_stats(conn: Any, period: Period, f: store.RunFilter) -> tuple[list, dict]:
    """Counts and completion times in one read transaction, so they agree with each other."""
    conn.execute("BEGIN")
    try:
        return list(_counts(conn, period, f)), percentiles(conn, f, PERCENTILES)
    finally:
        conn.execute("COMMIT")


PERCENTILES = ((50, 100), (90, 100))


def completion_bucket(seconds: int) -> tuple[int, int]:
    """`[lo, hi)` of the bucket of migration 0016 holding `seconds`: below 100 one second wide, above the
    values sharing its first two significant digits (259200 → [250000, 260000))."""
    if seconds < 100:
        return seconds, seconds + 1
    width = 10 ** (len(str(seconds)) - 2)
    lo = seconds // width * width
    return lo, lo + width


def percentiles(conn: Any, f: store.RunFilter, shares: Iterable[tuple[int, int]]) -> dict:
    """The nearest-rank percentiles of the completion times of the filter's runs, exactly, reading no more
    than the period's bucket counts and the values of the buckets that hold the ranks.

    The whole UTC days inside the period count per bucket (`run_completions`); the part days at its ends
    (a zone's day bounds are rarely UTC midnights) and, with `executor_ref`, everything, are read as
    values. Walking the buckets in order finds the one holding each rank; only its values are then read.
    """
    shares = list(shares)
    first = _next_midnight(f.start)
    end = f.end[:10] + "T00:00:00Z"
    if f.executor_ref is not None or first >= end:
        values = store.completion_seconds(conn, f)
        return {share: nearest_rank(values, share) for share in shares}
    ends = store.completion_seconds(conn, replace(f, end=first)) + store.completion_seconds(
        conn, replace(f, start=end)
    )
    counts: dict[int, int] = {}
    for seconds in ends:
        lo = completion_bucket(seconds)[0]
        counts[lo] = counts.get(lo, 0) + 1
    for lo, runs in store.completion_buckets(conn, f, first[:10], end[:10]):
        counts[lo] = counts.get(lo, 0) + runs
    total = sum(counts.values())
    if not total:
        return dict.fromkeys(shares)
    wanted: dict[tuple[int, int], tuple[int, int]] = {}  # share → (bucket, rank within the bucket)
    below = 0
    for lo in sorted(counts):
        for num, den in shares:
            rank = max(1, -(-num * total // den))
            if below < rank <= below + counts[lo]:
                wanted[(num, den)] = (lo, rank - below)
        below += counts[lo]
    buckets = sorted({completion_bucket(lo) for lo, _ in wanted.values()})
    inner = store.completion_seconds(conn, replace(f, start=first, end=end), buckets)
    values = sorted(inner + [s for s in ends if completion_bucket(s) in buckets])
    out = {}
    for share, (lo, rank) in wanted.items():
        in_bucket = [v for v in values if completion_bucket(v)[0] == lo]
        out[share] = in_bucket[rank - 1]
    return out


def _next_midnight(stamp: str) -> str:
    """The first UTC midnight at or after a UTC text `YYYY-MM-DDTHH:MM:SSZ`."""
    day = stamp[:10] + "T00:00:00Z"
    if stamp == day:
        return day
    return (date.fromisoformat(stamp[:10]) + timedelta(days=1)).isoformat() + "T00:00:00Z"


# -- one template ------------------------------------------------------------------------------------------
async def template_stats(ctx: Context, org_id: str, template_id: str, v: str | None, period: Period) -> dict:
    """`GET /v1/templates/{id}/stats`: runs of version `v` (default the latest) created in the period, and
    per step how its answers fell. 404 for another org's template or a version it never had."""
    version = _parse_v(v)
    await expire_due_in_org(ctx, org_id)
    return await ctx.db.read_async(_template_stats, org_id, template_id, version, period)


def _parse_v(v: str | None) -> int | None:
    if v is None:
        return None
    if not (v.isascii() and v.isdigit()) or not 1 <= int(v) <= 1_000_000_000:
        raise _bad("v", "must be a version number (1 or more)")
    return int(v)


def _template_stats(conn: Any, org_id: str, template_id: str, v: int | None, period: Period) -> dict:
    latest = store.latest_version(conn, org_id, template_id)
    if latest is None or (v is not None and not 1 <= v <= latest):
        raise TemplateNotFound()
    v = latest if v is None else v
    model = version_model(conn, template_id, v)
    f = store.RunFilter(org_id, period.start, period.end, template_id, v)
    conn.execute("BEGIN")
    try:
        counts = list(_counts(conn, period, f))
        groups = store.answer_groups(conn, f)
        photos = store.photo_steps_answered(conn, f)
    finally:
        conn.execute("COMMIT")
    by_status = dict.fromkeys(STATUSES, 0)
    for _, status, runs, _ in counts:
        by_status[status] += runs
    steps = step_stats(model, groups, photos)
    return {
        "template_id": template_id,
        "v": v,
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "tz": period.tz,
        "runs": sum(by_status.values()),
        "by_status": by_status,
        "steps": steps,
    }
