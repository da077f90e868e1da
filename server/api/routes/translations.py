"""`/v1/templates/{id}/translations/{tag}`: a translator's file of one language, out (GET) and back in (PUT)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep, OrgDep
from server.api.responses import AUTH, JSON, Responses, error_schema
from server.api.schemas.templates import TemplateOut
from server.services import translations as service
from server.tdl import translation_files as files

router = APIRouter(prefix="/v1/templates", tags=["templates"], route_class=TextCheckedRoute)

NOT_FOUND: Responses = {404: error_schema("No such template in your organisation")}
Tag = Annotated[str, Path(min_length=1, max_length=35, description="A BCP 47 tag, e.g. `de`.")]
Format = Annotated[Literal["xliff", "csv"], Query(description="`xliff` (XLIFF 1.2, default) or `csv`.")]
FILE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            files.MEDIA_TYPES["xliff"]: {"schema": {"type": "string"}},
            files.MEDIA_TYPES["csv"]: {"schema": {"type": "string"}},
        },
    }
}


@router.get(
    "/{template_id}/translations/{tag}",
    responses={
        200: {
            "description": "The file",
            "content": {t: {"schema": {"type": "string"}} for t in files.MEDIA_TYPES.values()},
        },
        **AUTH,
        **NOT_FOUND,
        422: error_schema("Not a language tag, or the template's first language"),
    },
)
async def export_translations(ctx: CtxDep, who: OrgDep, template_id: str, tag: Tag, format: Format = "xliff"):
    """Every text of the current version with its source and its translation into `tag`, for a translator:
    XLIFF 1.2 (one `trans-unit` per text, the key as its `id`) or CSV (`key,source,target`, UTF-8 with a BOM).
    A language the template does not have yet comes with empty targets, to start it."""
    data = ctx.db.read(service.export, who.org_id, template_id, tag, format)
    name = f"{template_id}.{tag}.{files.EXTENSIONS[format]}"
    return Response(
        data,
        media_type=f"{files.MEDIA_TYPES[format]}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.put(
    "/{template_id}/translations/{tag}",
    response_class=JSON,
    responses={
        200: {"model": TemplateOut},
        **AUTH,
        **NOT_FOUND,
        413: error_schema("Larger than the body limit"),
        422: error_schema(
            "Not a readable XLIFF 1.2 / CSV file, unknown keys or texts over a limit; nothing changed"
        ),
    },
    openapi_extra=FILE_BODY,
)
async def import_translations(
    request: Request, ctx: CtxDep, who: OrgDep, template_id: str, tag: Tag, format: Format = "xliff"
):
    """Import a translator's file for `tag` as a new template version: a non-empty target sets a translation,
    an empty one removes it, keys left out keep theirs; a new language is added to `languages`. A file that cannot
    be read as the format, unknown keys or texts that break their field's limit → 422 and nothing changes."""
    data = await request.body()
    doc = await ctx.db.write(service.import_file, who.org_id, template_id, tag, format, data)
    return JSON(doc, headers={"ETag": f'"{doc["v"]}"'})
