"""`/v1/library`: the curated starting templates (SPEC §12), read-only and the same for every organisation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query

from server import tdl
from server.api.deps import OrgDep, PagingDep
from server.api.responses import JSON, error_schema, language_headers
from server.api.schemas.common import pagination
from server.api.schemas.library import LibraryList
from server.errors import NotFound
from server.services import library

router = APIRouter(prefix="/v1/library", tags=["library"])

AUTH: dict[int | str, dict[str, Any]] = {401: error_schema("Missing or invalid API key")}
LANG_TEXT = (
    "The language to answer in (SPEC §15), which wins over Accept-Language: the library's best match for it "
    "(`de-AT` is `de`); a tag the library lacks falls back to Accept-Language's best match, then to English."
)
Lang = Annotated[str | None, Query(min_length=1, max_length=100, description=LANG_TEXT)]
AcceptLanguage = Annotated[
    str | None,
    Header(alias="Accept-Language", max_length=1000, description="Best match among the library's languages."),
]


@router.get("", response_class=JSON, responses={200: {"model": LibraryList}, **AUTH})
async def list_library(
    who: OrgDep,
    paging: PagingDep,
    q: Annotated[
        str | None, Query(max_length=200, description="Words to find in name, description and tags.")
    ] = None,
    tag: Annotated[str | None, Query(max_length=50, description="Only templates with this tag.")] = None,
    lang: Lang = None,
    accept_language: AcceptLanguage = None,
):
    """The library's templates, by name: `slug`, `name`, `description`, `tags`, `step_count` and `languages`.
    Names and descriptions are in the language `lang` names, else the one `Accept-Language` asks for, among
    the library's (a template without it: English); which one is in `Content-Language`. `q` finds words in
    English and in that language."""
    language = library.choose_language(lang, accept_language)
    rows = library.list_templates(q=q, tag=tag, language=language)
    start = (paging.page - 1) * paging.per_page
    page = rows[start : start + paging.per_page]
    return JSON(
        {"data": page, "pagination": pagination(len(rows), paging.page, paging.per_page)},
        headers=language_headers(language),
    )


@router.get(
    "/{slug}",
    response_class=JSON,
    responses={
        200: {"model": tdl.Template, "description": "A valid TDL object without id, ready to edit and save"},
        **AUTH,
        404: error_schema("No library template with that slug"),
    },
)
async def get_library_template(
    who: OrgDep, slug: str, lang: Lang = None, accept_language: AcceptLanguage = None
):
    """One library template as TDL without `id`, with its `languages` and `translations` (English first):
    `POST /v1/templates` saves it as your own. With `lang`, re-based on that language among the template's
    (else Accept-Language's best match, else English): its texts in that language first, the others,
    English among them, as its translations; which language is first is in `Content-Language`."""
    if lang is None:
        document = library.template_copy(slug)
        if document is None:
            raise NotFound("No library template with that slug.")
        return JSON(document)
    found = library.template_in(slug, lang, accept_language)
    if found is None:
        raise NotFound("No library template with that slug.")
    document, language = found
    return JSON(document, headers=language_headers(language))
