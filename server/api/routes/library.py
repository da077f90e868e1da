"""`/v1/library`: the curated starting templates (SPEC §12), read-only and the same for every organisation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from server import tdl
from server.api.deps import OrgDep, PagingDep
from server.api.responses import JSON, error_schema
from server.api.schemas.common import pagination
from server.api.schemas.library import LibraryList
from server.errors import NotFound
from server.services import library

router = APIRouter(prefix="/v1/library", tags=["library"])

AUTH: dict[int | str, dict[str, Any]] = {401: error_schema("Missing or invalid API key")}


@router.get("", response_class=JSON, responses={200: {"model": LibraryList}, **AUTH})
async def list_library(
    who: OrgDep,
    paging: PagingDep,
    q: Annotated[
        str | None, Query(max_length=200, description="Words to find in name, description and tags.")
    ] = None,
    tag: Annotated[str | None, Query(max_length=50, description="Only templates with this tag.")] = None,
):
    """The library's templates, by name: `slug`, `name`, `description`, `tags` and `step_count`."""
    rows = library.list_templates(q=q, tag=tag)
    start = (paging.page - 1) * paging.per_page
    page = rows[start : start + paging.per_page]
    return JSON({"data": page, "pagination": pagination(len(rows), paging.page, paging.per_page)})


@router.get(
    "/{slug}",
    response_class=JSON,
    responses={
        200: {"model": tdl.Template, "description": "A valid TDL object without id, ready to edit and save"},
        **AUTH,
        404: error_schema("No library template with that slug"),
    },
)
async def get_library_template(who: OrgDep, slug: str):
    """One library template as TDL without `id`: `POST /v1/templates` saves it as your own."""
    document = library.template_copy(slug)
    if document is None:
        raise NotFound("No library template with that slug.")
    return JSON(document)
