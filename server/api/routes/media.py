"""`/media/{run}/{step}/{index}.{ext}?exp=&sig=`: photos served from the blob store through signed URLs.

An unsigned, tampered or expired URL is 403 `forbidden` (the signature is checked before anything is looked
up, so a refused URL says nothing about what exists); a valid URL whose photo is gone is 404.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import iterate_in_threadpool
from starlette.responses import FileResponse, StreamingResponse

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep
from server.api.responses import error_schema
from server.errors import Forbidden
from server.services import media
from server.services.photos import served_photo

router = APIRouter(tags=["media"], route_class=TextCheckedRoute)


@router.get(
    "/media/{run_id}/{step_id}/{filename}",
    response_class=FileResponse,
    responses={
        200: {"description": "The image", "content": {t: {} for t in media.EXTENSIONS}},
        403: error_schema("Unsigned, tampered with or expired"),
        404: error_schema("No such photo"),
    },
)
async def get_media(
    ctx: CtxDep,
    request: Request,
    run_id: str,
    step_id: str,
    filename: str,
    exp: Annotated[str | None, Query(max_length=20, description="Expiry, unix seconds.")] = None,
    sig: Annotated[str | None, Query(max_length=128, description="HMAC-SHA256 signature.")] = None,
):
    """A photo, by the signed URL that run documents and webhooks carry."""
    if not media.verify(ctx, request.url.path, exp, sig):
        raise Forbidden("This media URL is unsigned, tampered with or expired.")
    blob, photo = served_photo(ctx, run_id, step_id, filename)
    headers = {
        # Cached no longer than the URL lives.
        "Cache-Control": f"private, max-age={min(300, ctx.settings.media_url_ttl)}",
        "ETag": f'"{photo["sha256"]}"',
        # The bytes were checked by their magic number only: a JPEG head with HTML after it must never
        # be sniffed into a page.
        "X-Content-Type-Options": "nosniff",
    }
    if blob.path is not None:  # a local file: served as before, by the file itself
        return FileResponse(blob.path, media_type=photo["content_type"], headers=headers)
    # Streamed from the store a piece at a time (PostgreSQL chunks, an S3 object): never whole in memory.
    headers["Content-Length"] = str(blob.size)
    return StreamingResponse(
        iterate_in_threadpool(blob.chunks()), media_type=photo["content_type"], headers=headers
    )
