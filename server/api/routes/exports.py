"""`GET /v1/templates/{template_id}/runs.csv`: the runs of a template version with their answers, as CSV."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from starlette.responses import StreamingResponse

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep, OrgDep
from server.api.responses import json_error_schema
from server.api.schemas.runs import Status
from server.services import export

router = APIRouter(tags=["runs"], route_class=TextCheckedRoute)


class CsvStream(StreamingResponse):
    media_type = "text/csv; charset=utf-8"


@router.get(
    "/v1/templates/{template_id}/runs.csv",
    response_class=CsvStream,
    responses={
        200: {
            "description": "CSV, streamed: a header row, then one row per run, oldest first.",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        401: json_error_schema("Missing or invalid API key"),
        404: json_error_schema("No such template or version in your organisation"),
        422: json_error_schema("Bad version or status"),
    },
)
async def runs_csv(
    ctx: CtxDep,
    who: OrgDep,
    template_id: Annotated[str, Path(max_length=100)],
    v: Annotated[
        int | None, Query(ge=1, le=1_000_000_000, description="The version (default: the latest).")
    ] = None,
    status: Annotated[Status | None, Query(description="Only runs in this status.")] = None,
):
    """Every run of one template version with its answers: the run's columns (`run_id`, `status`,
    `template_v`, `executor_ref`, `executor`, the times, `answered`/`skipped`/`total`, `findings`), then one
    column per step (`Label (step_id)`) in readable words (option labels, the unit after a number, yes/no,
    photo URLs separated by spaces, `(skipped)`), then `signature`. Streamed: any number of runs."""
    template, chunks = await export.runs_csv(ctx, who.org_id, template_id, v, status)
    filename = f"runs-{template_id}-v{template['v']}.csv"
    return CsvStream(chunks, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
