"""`/v1/runs`: dispatch, list, read, cancel, and the public preview."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Path, Query, Request

from server.api.bodies import TextCheckedRoute, parse_body
from server.api.deps import CtxDep, OrgDep, PagingDep
from server.api.openapi import documented_params, header_param, json_body, path_param, query_param
from server.api.responses import AUTH, JSON, KEY_IN_USE, Responses, error_schema, language_headers
from server.api.schemas.common import pagination
from server.api.schemas.runs import DispatchIn, DispatchOut, HistoryList, PreviewOut, RunList, RunOut, Status
from server.clock import iso, parse_iso
from server.errors import ValidationFailed
from server.services import history, idempotency, listing
from server.services import runs as service
from server.services.auth import authenticate

router = APIRouter(tags=["runs"], route_class=TextCheckedRoute)

RUN_NOT_FOUND: Responses = {404: error_schema("No such run in your organisation")}
Sort = Literal[listing.RUN_SORTS]  # type: ignore[valid-type]


@router.post(
    "/v1/runs",
    status_code=201,
    response_class=JSON,
    responses={
        201: {"model": DispatchOut},
        400: error_schema("Malformed JSON or a missing field"),
        **AUTH,
        402: error_schema("Quota exceeded"),
        404: error_schema("No such template"),
        **KEY_IN_USE,
        415: error_schema("The body is not JSON"),
        422: error_schema("Validation error"),
    },
    openapi_extra={
        **documented_params(header_param("Idempotency-Key", "Replays the first response for 24 h.", 255)),
        **json_body("#/components/schemas/DispatchIn"),
    },
)
async def dispatch_run(request: Request):
    """Dispatch a run of a template: the template is snapshotted now; later edits do not affect it."""
    # Hot path: parsed by hand like get_run (FastAPI's dependency resolution costs more than the work).
    ctx = request.app.state.ctx
    who = authenticate(ctx, request.headers.get("authorization"))
    body = await parse_body(request, DispatchIn)
    idempotency_key = request.headers.get("idempotency-key")
    webhook = service.check_webhook(
        body.webhook.model_dump() if body.webhook else None, ctx.settings.webhook_allow_private
    )
    expires = body.expires_in_hours if "expires_in_hours" in body.model_fields_set else service.UNSET
    dispatch = service.DispatchRequest(
        who.org_id,
        body.template_id,
        body.executor_ref,
        webhook,
        expires,
        ctx.settings.base_url,
        body.language,
    )
    if idempotency_key is None:  # the usual case: one writer job with the other dispatches of this moment
        return JSON(await ctx.db.write_grouped(service.dispatch_many, dispatch), status_code=201)
    status, doc, replayed = await idempotency.run_once(
        ctx,
        who.org_id,
        idempotency_key,
        "POST /v1/runs",
        lambda: body.model_dump(mode="json", exclude_unset=True),
        lambda conn: (201, service.dispatch(conn, dispatch)),
    )
    return JSON(doc, status_code=status, headers={"Idempotent-Replayed": "true"} if replayed else None)


@router.get(
    "/v1/runs",
    response_class=JSON,
    responses={200: {"model": RunList}, **AUTH, 422: error_schema("Bad filter, sort or cursor")},
)
async def list_runs(
    ctx: CtxDep,
    who: OrgDep,
    paging: PagingDep,
    status: Annotated[Status | None, Query()] = None,
    template_id: Annotated[str | None, Query(max_length=100)] = None,
    executor_ref: Annotated[str | None, Query(max_length=255)] = None,
    executor_ref_prefix: Annotated[
        str | None,
        Query(
            max_length=255,
            description="Only runs whose executor reference starts with this text, as typed: case counts, "
            "and `%` or `_` are themselves (no wildcards).",
        ),
    ] = None,
    updated_since: Annotated[
        str | None,
        Query(
            description="Runs updated at or after this time (RFC 3339, e.g. 2026-05-22T08:31:00Z).",
            json_schema_extra={"format": "date-time"},
        ),
    ] = None,
    flagged: Annotated[
        bool | None,
        Query(description="true: only runs with at least one finding; false: only runs without."),
    ] = None,
    template_v: Annotated[
        int | None, Query(ge=1, le=1_000_000_000, description="Only runs of this template version.")
    ] = None,
    waiting_on_device: Annotated[
        bool | None,
        Query(
            description="true: only runs whose device last reported changes not yet sent; false: the others."
        ),
    ] = None,
    created_since: Annotated[
        str | None,
        Query(
            description="Runs created at or after this time (RFC 3339).",
            json_schema_extra={"format": "date-time"},
        ),
    ] = None,
    created_before: Annotated[
        str | None,
        Query(
            description="Runs created before this time (RFC 3339).", json_schema_extra={"format": "date-time"}
        ),
    ] = None,
    sort: Annotated[
        Sort, Query(description="Order; '-' for descending. Default newest first.")
    ] = "-created_at",
    after: Annotated[
        str | None,
        Query(
            max_length=1000,
            description="A `pagination.next_cursor` from the previous page (same sort): the rows after it, "
            "as fast deep in the list as at the top. Not with `page` > 1.",
        ),
    ] = None,
    include_total: Annotated[
        bool, Query(description="false skips counting the matches: `pagination.total` is then null.")
    ] = True,
):
    """Run summaries (no answers), newest first unless `sort` says otherwise.

    Page by number (`page`) or by cursor (`after` = the previous page's `pagination.next_cursor`).
    """
    since = _rfc3339(updated_since) if updated_since is not None else None
    created = (
        _rfc3339(created_since, "created_since") if created_since is not None else None,
        _rfc3339(created_before, "created_before") if created_before is not None else None,
    )
    keys = None
    if after is not None:
        if paging.page > 1:
            raise ValidationFailed(
                "Use either after or page, not both.",
                details=[{"path": "after", "message": "cannot be combined with page > 1"}],
            )
        keys = listing.run_cursor(sort, after)
    summaries, total, next_cursor, more = await listing.run_page(
        ctx,
        who.org_id,
        status=status,
        template_id=template_id,
        executor_ref=executor_ref,
        executor_ref_prefix=executor_ref_prefix,
        updated_since=since,
        flagged=flagged,
        created=created,
        template_v=template_v,
        waiting_on_device=waiting_on_device,
        sort=sort,
        page=paging.page,
        per_page=paging.per_page,
        after=keys,
        include_total=include_total,
    )
    if total is not None:
        page_info = pagination(total, paging.page, paging.per_page)
    else:
        page_info = {"total": None, "page": paging.page, "per_page": paging.per_page, "next_page": None}
        page_info["next_page"] = paging.page + 1 if more else None
    if after is not None:
        page_info["next_page"] = None  # a page number means nothing after a cursor: follow next_cursor
    page_info["next_cursor"] = next_cursor
    return JSON({"data": summaries, "pagination": page_info})


@router.get(
    "/v1/runs/{run_id}",
    response_class=JSON,
    responses={200: {"model": RunOut}, **AUTH, **RUN_NOT_FOUND, 422: error_schema("Bad include")},
    openapi_extra=documented_params(
        path_param("run_id", "The run's ID (r-{uuid})."),
        query_param("include", "`template` adds the snapshot.", enum=["template"]),
    ),
)
async def get_run(request: Request):
    """The full run: status, progress, answers with photo URLs, executor identity."""
    # The hottest read: parameters are read by hand, as FastAPI's dependency resolution costs more than the
    # whole lookup (see bench/server_throughput.py). The OpenAPI entry is declared above instead.
    ctx = request.app.state.ctx
    who = authenticate(ctx, request.headers.get("authorization"))
    include = request.query_params.get("include") if request.scope["query_string"] else None
    if include not in (None, "template"):
        raise ValidationFailed(
            "The query parameter include is not valid.",
            details=[{"path": "include", "message": "must be 'template'"}],
        )
    return JSON(
        await service.get_document(ctx, who.org_id, request.path_params["run_id"], include == "template")
    )


@router.post(
    "/v1/runs/{run_id}/cancel",
    response_class=JSON,
    responses={
        200: {"model": RunOut},
        **AUTH,
        **RUN_NOT_FOUND,
        409: error_schema("The run is already finished"),
    },
)
async def cancel_run(ctx: CtxDep, who: OrgDep, run_id: str):
    """Revoke a run that is not finished: it becomes `cancelled` with reason `revoked`."""
    await ctx.db.write(service.cancel, who.org_id, run_id, "revoked")
    return JSON(await service.get_document(ctx, who.org_id, run_id, False))


@router.get(
    "/v1/runs/{run_id}/history",
    response_class=JSON,
    responses={200: {"model": HistoryList}, **AUTH, **RUN_NOT_FOUND, 422: error_schema("Bad page or cursor")},
)
async def run_history(
    ctx: CtxDep,
    who: OrgDep,
    paging: PagingDep,
    run_id: Annotated[str, Path(max_length=100)],
    after: Annotated[
        int | None,
        Query(
            ge=0,
            le=10**12,
            description="A `pagination.next_cursor`: the entries after it. Not with `page` > 1.",
        ),
    ] = None,
):
    """Every write the server received for the run, oldest first: each answer (PUT or /sync; `applied`,
    `stale` or `duplicate`), photo attached or removed, signature, complete and exit. Never rewritten."""
    if after is not None and paging.page > 1:
        raise ValidationFailed(
            "Use either after or page, not both.",
            details=[{"path": "after", "message": "cannot be combined with page > 1"}],
        )
    return JSON(
        await history.history_page(
            ctx, who.org_id, run_id, page=paging.page, per_page=paging.per_page, after=after
        )
    )


@router.get(
    "/v1/runs/{run_id}/preview",
    response_class=JSON,
    responses={
        200: {"model": PreviewOut},
        404: error_schema("No such run"),
        410: error_schema("The run has expired"),
    },
)
async def preview_run(
    ctx: CtxDep,
    run_id: str,
    accept_language: Annotated[
        str | None,
        Header(
            alias="Accept-Language", max_length=1000, description="Best match among the template's languages."
        ),
    ] = None,
):
    """A lightweight public preview for the link's fallback page; the run ID is the credential. The name is in
    the template's language that best fits `Accept-Language` (quality values honoured), else the run's; which
    one is in `Content-Language`, and `Vary: Accept-Language` keeps a cache from serving it for another."""
    preview = await listing.run_preview(ctx, run_id, accept_language)
    return JSON(preview, headers=language_headers(preview["language"]))


RFC3339 = re.compile(r"^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$")


def _rfc3339(text: str, name: str = "updated_since") -> str:
    """A time parameter in the stored format, or 422 naming the parameter."""
    try:
        if not RFC3339.match(text):
            raise ValueError(text)
        return iso(parse_iso(text.upper()))
    except ValueError:
        raise ValidationFailed(
            f"{name} must be an RFC 3339 time.",
            details=[{"path": name, "message": "must be a time such as 2026-05-22T08:31:00Z"}],
        ) from None
