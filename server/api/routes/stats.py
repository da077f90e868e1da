"""`/v1/stats/runs` and `/v1/templates/{id}/stats`: the supervisor's numbers (SPEC §14).

Query parameters are taken as text and checked by the service, so that every problem is reported at once
with the path `query.<name>` the specification gives.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from server.api.deps import CtxDep, OrgDep
from server.api.responses import AUTH, JSON, Responses, error_schema
from server.api.schemas.stats import RunStats, TemplateStats
from server.services import stats as service

router = APIRouter(tags=["stats"])

BAD_QUERY: Responses = {422: error_schema("A query parameter is not valid (details name it: query.from, …)")}
DATE = {"format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

FromParam = Annotated[
    str | None,
    Query(
        alias="from",
        description="First day, YYYY-MM-DD in `tz`, inclusive; default 29 days before `to`.",
        json_schema_extra=DATE,
    ),
]
ToParam = Annotated[
    str | None,
    Query(
        description="Last day, inclusive (at most 366 days in all); default today in `tz`.",
        json_schema_extra=DATE,
    ),
]
TzParam = Annotated[
    str | None, Query(description="IANA time zone of the days, e.g. Europe/Berlin; default UTC.")
]


@router.get(
    "/v1/stats/runs",
    response_class=JSON,
    response_model_by_alias=True,
    responses={200: {"model": RunStats}, **AUTH, **BAD_QUERY},
)
async def run_stats(
    ctx: CtxDep,
    who: OrgDep,
    from_: FromParam = None,
    to: ToParam = None,
    bucket: Annotated[
        str | None,
        Query(
            description="`day` (default) or `week` (weeks start on Monday).",
            json_schema_extra={"enum": ["day", "week"]},
        ),
    ] = None,
    template_id: Annotated[str | None, Query(description="Only runs of this template.")] = None,
    executor_ref: Annotated[str | None, Query(description="Only runs with this executor reference.")] = None,
    tz: TzParam = None,
):
    """Runs created per day or week by current status, with findings, completion rate and time to complete.

    A run counts in the bucket of its `created_at` in `tz`, with the status it has now. Every bucket of the
    range is listed, empty ones included, oldest first.
    """
    period = service.parse_period(from_, to, tz, bucket)
    return JSON(await service.run_stats(ctx, who.org_id, period, template_id, executor_ref))


@router.get(
    "/v1/templates/{template_id}/stats",
    response_class=JSON,
    responses={
        200: {"model": TemplateStats},
        **AUTH,
        404: error_schema("No such template (or version) in your organisation"),
        **BAD_QUERY,
    },
)
async def template_stats(
    ctx: CtxDep,
    who: OrgDep,
    template_id: str,
    v: Annotated[
        str | None,
        Query(
            description="The version; default the latest.",
            json_schema_extra={"pattern": r"^[1-9][0-9]{0,8}$"},
        ),
    ] = None,
    from_: FromParam = None,
    to: ToParam = None,
    tz: TzParam = None,
):
    """How the runs of one template version created in the range went, and each step's answers."""
    period = service.parse_period(from_, to, tz)
    return JSON(await service.template_stats(ctx, who.org_id, template_id, v, period))
