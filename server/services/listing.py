"""Reading for the API's lists: pages of runs and templates, a template's versions, and a run's public
preview. The routers call these, never the store (import-linter holds them to it)."""

from __future__ import annotations

from server.errors import TemplateNotFound, ValidationFailed
from server.services import org_admin
from server.services import runs as run_service
from server.services.context import Context
from server.store import runs as run_store
from server.store import templates as template_store

RUN_SORTS = tuple(run_store.SORTS)  # the `sort` values GET /v1/runs takes


def run_cursor(sort: str, after: str) -> list:
    """The keys an `after` cursor names for `sort`, or 422 when it is not a `next_cursor` of that listing."""
    try:
        return run_store.decode_cursor(sort, after)
    except ValueError:
        raise ValidationFailed(
            "after is not a cursor from this listing.",
            details=[{"path": "after", "message": "must be a pagination.next_cursor for the same sort"}],
        ) from None


async def run_page(
    ctx: Context,
    org_id: str,
    *,
    status: str | None,
    template_id: str | None,
    executor_ref: str | None,
    updated_since: str | None,
    executor_ref_prefix: str | None = None,
    flagged: bool | None = None,
    created: tuple[str | None, str | None] = (None, None),
    template_v: int | None = None,
    waiting_on_device: bool | None = None,
    sort: str,
    page: int,
    per_page: int,
    after: list | None,
    include_total: bool,
) -> tuple[list[dict], int | None, str | None, bool]:
    """One page of run summaries as the API shows them: `(summaries, total, next_cursor, more)`."""
    await run_service.expire_due_in_org(ctx, org_id)
    found, total, cursor, more = await ctx.db.read_async(
        run_store.list_runs,
        org_id,
        status=status,
        template_id=template_id,
        executor_ref=executor_ref,
        executor_ref_prefix=executor_ref_prefix,
        updated_since=updated_since,
        flagged=flagged,
        created=created,
        template_v=template_v,
        waiting_on_device=waiting_on_device,
        sort=sort,
        page=page,
        per_page=per_page,
        after=after,
        include_total=include_total,
    )
    return [run_service.summary(row) for row in found], total, cursor, more


async def run_preview(ctx: Context, run_id: str, accept_language: str | None = None) -> dict:
    """The public preview of a run (the run id is the credential): 404 unknown, 410 expired; in the template's
    language that best fits `Accept-Language`, else the run's."""
    run = await run_service.load_run(ctx, run_id)
    return run_service.preview(run, org_admin.org_name(ctx, run["org_id"]), accept_language)


async def template_page(
    ctx: Context, org_id: str, *, q: str | None, tag: str | None, page: int, per_page: int
) -> tuple[list[dict], int]:
    """One page of the organisation's templates, most recently updated first: `(summaries, total)`."""
    return await ctx.db.read_async(
        template_store.list_templates, org_id, q=q, tag=tag, page=page, per_page=per_page
    )


def version_page(
    ctx: Context, org_id: str, template_id: str, page: int, per_page: int
) -> tuple[list[dict], int]:
    """One page of a template's versions, newest first, or 404."""
    found = ctx.db.read(template_store.list_versions, org_id, template_id, page, per_page)
    if found is None:
        raise TemplateNotFound()
    return found
