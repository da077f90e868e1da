"""`/v1/templates`: create, list, read (any version), patch, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Body, Header, Query, Request
from starlette.responses import Response

from server import tdl
from server.api.bodies import TextCheckedRoute, parse_body
from server.api.deps import CtxDep, OrgDep, PagingDep
from server.api.generator_headers import GENERATOR_HEADERS, generator_headers
from server.api.openapi import json_body
from server.api.responses import AUTH, JSON, KEY_IN_USE, Responses, error_schema, language_headers
from server.api.schemas.common import pagination
from server.api.schemas.templates import (
    TEMPLATE_IN_REF,
    GeneratePrompt,
    TemplateList,
    TemplateOut,
    VersionList,
)
from server.errors import BadRequest, MethodNotAllowed
from server.services import idempotency, listing
from server.services import templates as service

if TYPE_CHECKING:
    from server.services.generate import LlmConfig

router = APIRouter(prefix="/v1/templates", tags=["templates"], route_class=TextCheckedRoute)

NOT_FOUND: Responses = {404: error_schema("No such template in your organisation")}
INVALID: Responses = {
    400: error_schema("Malformed JSON or a missing field"),
    422: error_schema("Not valid TDL"),
}
TDL_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": TEMPLATE_IN_REF}}}}
TdlBody = Annotated[dict[str, Any], Body(include_in_schema=False)]


@router.post(
    "",
    status_code=201,
    response_class=JSON,
    responses={201: {"model": TemplateOut}, **AUTH, **INVALID, **KEY_IN_USE},
    openapi_extra=TDL_BODY,
)
async def create_template(
    ctx: CtxDep,
    who: OrgDep,
    body: TdlBody,
    idempotency_key: Annotated[
        str | None, Header(alias="Idempotency-Key", min_length=1, max_length=255)
    ] = None,
):
    """Create a template from a TDL body. The API assigns `id`, `v` and `org_id`."""
    checked = service.checked_body(body)
    status, doc, replayed = await idempotency.run_once(
        ctx,
        who.org_id,
        idempotency_key,
        "POST /v1/templates",
        body,
        lambda conn: (201, service.create(conn, who.org_id, checked)),
    )
    return JSON(doc, status_code=status, headers={"Idempotent-Replayed": "true"} if replayed else None)


@router.post(
    "/generate",
    response_class=JSON,
    responses={
        200: {
            "model": tdl.Template,
            "description": "A valid TDL object without id, ready to review and save",
            "headers": GENERATOR_HEADERS,
        },
        400: error_schema("Missing, empty or over-long prompt"),
        **AUTH,
        415: error_schema("The body is not JSON"),
        422: error_schema("prompt is not a string"),
    },
    openapi_extra=json_body("#/components/schemas/GenerateIn"),
)
async def generate_template(request: Request, ctx: CtxDep, who: OrgDep):
    """Generate a template from a natural-language prompt (1–4,000 characters). Offline and deterministic by
    default; with `RUNDUN_LLM_BASE_URL` set, an OpenAI-compatible model is asked first and its answer validated,
    with the offline generator as the fallback. The result is not saved: review it, then `POST /v1/templates`."""
    from server.services import (
        generate,
    )  # the generator (lexicons, regexes, httpx): on first use, not at start

    body = await parse_body(request, GeneratePrompt)
    problem = generate.validate_prompt(body.prompt)
    if problem:
        raise BadRequest("The prompt cannot be used.", details=[{"path": "prompt", "message": problem}])
    result = await generate.generate_template(body.prompt, _llm_config(ctx.settings))
    return JSON(result.template, headers=generator_headers(result))


@router.api_route(
    "/generate", methods=["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"], include_in_schema=False
)
async def generate_other_methods():
    """405 with `Allow: POST`: without it `/{template_id}` took the path, and a GET answered 404
    `template_not_found` as if "generate" were a template's id."""
    raise MethodNotAllowed(headers={"Allow": "POST"})


def _llm_config(settings) -> LlmConfig | None:
    from server.services.generate import LlmConfig

    if not settings.llm_base_url:
        return None
    return LlmConfig(
        base_url=settings.llm_base_url,
        model=settings.llm_model or "default",
        api_key=settings.llm_api_key,
        timeout_s=settings.llm_timeout,
    )


@router.get("", response_class=JSON, responses={200: {"model": TemplateList}, **AUTH})
async def list_templates(
    ctx: CtxDep,
    who: OrgDep,
    paging: PagingDep,
    q: Annotated[str | None, Query(max_length=200, description="Search in name and description.")] = None,
    tag: Annotated[str | None, Query(max_length=50, description="Only templates with this tag.")] = None,
):
    """List the organisation's templates, most recently updated first."""
    rows, total = await listing.template_page(
        ctx, who.org_id, q=q, tag=tag, page=paging.page, per_page=paging.per_page
    )
    return JSON({"data": rows, "pagination": pagination(total, paging.page, paging.per_page)})


@router.get(
    "/{template_id}", response_class=JSON, responses={200: {"model": TemplateOut}, **AUTH, **NOT_FOUND}
)
async def get_template(
    ctx: CtxDep,
    who: OrgDep,
    template_id: str,
    v: Annotated[int | None, Query(ge=1, le=1_000_000_000, description="A past version.")] = None,
    lang: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="Resolve to this language (SPEC §15): its texts, falling back to the first language's; "
            "no `translations`. A tag the template lacks falls back to Accept-Language's best match, then to "
            "the first language.",
        ),
    ] = None,
    accept_language: Annotated[str | None, Header(alias="Accept-Language", max_length=1000)] = None,
):
    """The full TDL of the current version, or of version `v`; with `lang`, resolved to one language (the
    language chosen is in `Content-Language`)."""
    doc = ctx.db.read(service.get, who.org_id, template_id, v)
    headers = {"ETag": f'"{doc["v"]}"'}
    if lang is not None:
        doc, language = service.resolved(doc, lang, accept_language)
        headers.update(language_headers(language))
    return JSON(doc, headers=headers)


@router.get(
    "/{template_id}/versions",
    response_class=JSON,
    responses={200: {"model": VersionList}, **AUTH, **NOT_FOUND},
)
async def list_versions(ctx: CtxDep, who: OrgDep, template_id: str, paging: PagingDep):
    """Every version of the template, newest first."""
    rows, total = listing.version_page(ctx, who.org_id, template_id, paging.page, paging.per_page)
    return JSON({"data": rows, "pagination": pagination(total, paging.page, paging.per_page)})


@router.patch(
    "/{template_id}",
    response_class=JSON,
    responses={
        200: {"model": TemplateOut},
        **AUTH,
        **NOT_FOUND,
        **INVALID,
        409: error_schema("If-Match names an older version"),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TemplatePatch"}}},
        }
    },
)
async def patch_template(
    ctx: CtxDep,
    who: OrgDep,
    template_id: str,
    body: TdlBody,
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            pattern=r'^(W/)?"?[0-9]{1,9}"?$',
            description='The version you edited, e.g. "3"; 409 if the template moved on.',
        ),
    ] = None,
):
    """Merge a partial TDL (top-level fields replace; `settings` and `execution` merge key by key; `sections`
    replaces whole) into version v + 1. The result must validate as a whole, or nothing changes."""
    doc = await ctx.db.write(service.patch, who.org_id, template_id, body, _version_of(if_match))
    return JSON(doc, headers={"ETag": f'"{doc["v"]}"'})


@router.delete(
    "/{template_id}", status_code=204, responses={204: {"description": "Deleted"}, **AUTH, **NOT_FOUND}
)
async def delete_template(ctx: CtxDep, who: OrgDep, template_id: str):
    """Delete the template; runs keep their snapshots."""
    await ctx.db.write(service.delete, who.org_id, template_id)
    return Response(status_code=204)


def _version_of(if_match: str | None) -> int | None:
    if if_match is None:
        return None
    text = if_match.strip().removeprefix("W/").strip('"')
    if not text.isdigit():
        raise BadRequest(
            'If-Match must be a template version such as "3".',
            details=[{"path": "If-Match", "message": "must be a version number"}],
        )
    return int(text)
