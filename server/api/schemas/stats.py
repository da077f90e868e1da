"""Shapes of the supervisor's numbers (SPEC §14): `GET /v1/stats/runs` and `GET /v1/templates/{id}/stats`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ByStatus(BaseModel):
    pending: int
    in_progress: int
    completed: int
    cancelled: int
    expired: int


class Counts(BaseModel):
    created: int = Field(description="Runs created in the bucket (whatever their status now).")
    by_status: ByStatus = Field(description="The same runs by their current status.")
    flagged_runs: int = Field(description="Of them, the runs with at least one finding.")


class Bucket(Counts):
    start: str = Field(description="First day of the bucket, YYYY-MM-DD in `tz` (a Monday for weeks).")


class TimeToComplete(BaseModel):
    p50: int | None = Field(description="Median seconds from opened_at to completed_at (nearest rank).")
    p90: int | None = Field(description="90th percentile of the same, in seconds.")


class RunStats(BaseModel):
    from_: str = Field(alias="from", description="First day counted, YYYY-MM-DD in `tz`.")
    to: str = Field(description="Last day counted (inclusive).")
    bucket: str = Field(description="`day` or `week` (weeks start on Monday).")
    tz: str = Field(description="The IANA zone the days are in.")
    buckets: list[Bucket] = Field(description="Every bucket of the range, empty ones included, oldest first.")
    totals: Counts
    completion_rate: float | None = Field(description="completed ÷ created; null when none was created.")
    time_to_complete_s: TimeToComplete


class StepStats(BaseModel):
    step_id: str
    type: str
    answered: int = Field(description="Stored answers with a value (photo steps: runs with photos).")
    skipped: int
    flagged: int = Field(description="Answers that are findings.")
    values: dict[str, Any] | None = Field(
        description="boolean {true, false}; (multi_)choice {option_id: n}; number/rating "
        "{min, max, mean, p50, histogram: [{from, to, count}]}; null for the other types."
    )


class TemplateStats(BaseModel):
    template_id: str
    v: int
    from_: str = Field(alias="from")
    to: str
    tz: str
    runs: int = Field(description="Runs of this version created in the range.")
    by_status: ByStatus
    steps: list[StepStats] = Field(description="Every step, in document order.")
