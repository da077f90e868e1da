"""tus 1.0 resumable photo uploads at `/v1/runs/{id}/uploads/` (core, creation, creation-with-upload,
termination, checksum).

Every response carries `Tus-Resumable: 1.0.0`, errors included (a route class adds it); every request
needs the run's executor token. The rules live in `server.services.tus`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep, ExecutorDep, UploaderDep, get_uploader
from server.api.errors import validation_details
from server.api.responses import Responses, error_response, error_schema
from server.errors import BadRequest, PayloadTooLarge, RundunError
from server.services import tus
from server.services.context import Context
from server.services.executor import Session


class TusRoute(TextCheckedRoute):
    """Adds `Tus-Resumable` to every response of the route, errors included."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def tus_handler(request: Request) -> Response:
            return await tus_response(handler, request)

        return tus_handler


async def tus_response(handler: Callable[[Request], Awaitable[Response]], request: Request) -> Response:
    """`handler`'s response, or its error's, with `Tus-Resumable`."""
    try:
        response = await handler(request)
    except RundunError as exc:
        response = error_response(exc)
    except RequestValidationError as exc:
        response = error_response(
            BadRequest("A tus header is malformed.", details=validation_details(exc)[1])
        )
    except StarletteHTTPException as exc:
        if exc.status_code != 413:
            raise
        response = error_response(PayloadTooLarge(str(exc.detail)))
    response.headers.update(tus.RESUMABLE)
    return response


router = APIRouter(tags=["uploads"], route_class=TusRoute)

BASE = "/v1/runs/{run_id}/uploads/"
UPLOAD = "/v1/runs/{run_id}/uploads/{upload_id}"
TOKEN: Responses = {
    401: error_schema("Missing or invalid executor token"),
    404: error_schema("No such run or upload"),
}
GONE: Responses = {410: error_schema("The run has expired")}
VERSION: Responses = {412: error_schema("Tus-Resumable is not 1.0.0")}
RUN_STATUS = "Rundun-Run-Status"
TusResumable = Annotated[str | None, Header(alias="Tus-Resumable", description="Must be 1.0.0.")]


DISCOVERED: Responses = {
    204: {
        "description": "tus capabilities, and the run's status",
        "headers": {
            RUN_STATUS: {
                "description": "The run's status (`pending`, `in_progress`, `completed`, `cancelled`): a "
                "page kept open learns that its run was cancelled or completed elsewhere without fetching "
                "its state.",
                "schema": {"type": "string"},
            }
        },
    }
}


@router.options(BASE, status_code=204, responses={**DISCOVERED, **TOKEN, **GONE})
@router.options(BASE.rstrip("/"), status_code=204, include_in_schema=False)
async def discover(ctx: CtxDep, session: ExecutorDep):
    """tus discovery: version, extensions, checksum algorithm and the largest upload; and the run's status,
    for the browser runner's reachability probe (a cancelled run answered it as an open one: the page kept
    saying all was well until it was shown again)."""
    return Response(
        status_code=204, headers={**tus.discovery_headers(ctx.settings), RUN_STATUS: session.run["status"]}
    )


OCTET_BODY = {
    "requestBody": {
        "required": True,
        "content": {tus.OFFSET_OCTET_STREAM: {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.post(
    BASE,
    status_code=201,
    responses={
        201: {
            "description": "Created; `Location` is the upload's URL, and with a body (creation-with-upload) "
            "`Upload-Offset` the bytes stored"
        },
        400: error_schema(
            "Upload-Length or Upload-Metadata missing or malformed, a Content-Digest malformed or not matching "
            "the body, or a body past Upload-Length"
        ),
        **TOKEN,
        409: error_schema("The run is completed or cancelled"),
        **GONE,
        **VERSION,
        413: error_schema("Upload-Length is over the photo limit"),
        415: error_schema(
            "A body not sent as application/offset+octet-stream, or a whole file that is not an image"
        ),
        422: error_schema("The step takes no photo at that index, or taken_at is not an ISO 8601 time"),
        460: error_schema("Upload-Checksum or the file's sha256 does not match"),
    },
    openapi_extra={"requestBody": {**OCTET_BODY["requestBody"], "required": False}},
)
@router.post(BASE.rstrip("/"), status_code=201, include_in_schema=False)
async def create_upload(
    ctx: CtxDep,
    session: UploaderDep,
    request: Request,
    tus_resumable: TusResumable = None,
    upload_length: Annotated[str | None, Header(alias="Upload-Length")] = None,
    upload_metadata: Annotated[
        str | None,
        Header(
            alias="Upload-Metadata",
            description="Base64 pairs; step_id and photo_index required; optional sha256 (the file's, checked "
            "when it is complete) and taken_at (ISO 8601 with an offset: when the photo was taken).",
        ),
    ] = None,
):
    """Create an upload for one photo slot (`step_id`, `photo_index` in Upload-Metadata). With a body sent
    as `application/offset+octet-stream` (tus creation-with-upload) its bytes are stored as a PATCH at
    offset 0 would store them (an `Upload-Checksum` header is checked as on a PATCH), the whole photo
    attached when they are all of it; an error once the upload exists carries its `Location` while it can
    still be resumed."""
    return await _create(ctx, session, request)


async def create_upload_hot(request: Request) -> Response:
    """`create_upload` served by `HotPaths` (issue 16: FastAPI's routing and dependency resolution cost a
    photo sent whole as much as a fifth of the server's own work on it); the route above documents it."""

    async def handle(request: Request) -> Response:
        session = await get_uploader(request, request.path_params["run_id"])
        return await _create(request.app.state.ctx, session, request)

    return await tus_response(handle, request)


async def _create(ctx: Context, session: Session, request: Request) -> Response:
    tus.check_version(request.headers.get("tus-resumable"))
    upload_id, offset = await tus.create_with_upload(
        ctx,
        session,
        request.headers.get("upload-length"),
        request.headers.get("upload-metadata"),
        request.headers,
        request.receive,
    )
    headers = {"Location": tus.upload_url(session.run_id, upload_id)}
    if offset is not None:
        headers["Upload-Offset"] = str(offset)
    return Response(status_code=201, headers=headers)


@router.head(
    UPLOAD, responses={200: {"description": "Upload-Offset and Upload-Length"}, **TOKEN, **GONE, **VERSION}
)
async def upload_offset(
    ctx: CtxDep, session: ExecutorDep, upload_id: str, tus_resumable: TusResumable = None
):
    """Where to resume: the bytes the server holds (`Upload-Offset`) of `Upload-Length`."""
    tus.check_version(tus_resumable)
    return Response(status_code=200, headers=tus.describe(tus.get(ctx, session, upload_id)))


@router.patch(
    UPLOAD,
    status_code=204,
    responses={
        204: {"description": "Stored; Upload-Offset is the new offset"},
        400: error_schema(
            "A malformed header, a Content-Digest that does not match the chunk (the chunk was discarded), or "
            "past Upload-Length"
        ),
        **TOKEN,
        409: error_schema("Upload-Offset does not match, or the run is finished"),
        **GONE,
        **VERSION,
        413: error_schema("Larger than the photo limit"),
        415: error_schema("Not application/offset+octet-stream, or the finished file is not an image"),
        422: error_schema("The step takes no photo at that index"),
        460: error_schema("Upload-Checksum mismatch; the chunk was discarded"),
    },
    openapi_extra=OCTET_BODY,
)
async def append(
    ctx: CtxDep,
    session: UploaderDep,
    request: Request,
    upload_id: str,
    tus_resumable: TusResumable = None,
    upload_offset: Annotated[str | None, Header(alias="Upload-Offset")] = None,
    upload_checksum: Annotated[
        str | None, Header(alias="Upload-Checksum", description="`sha256 <base64>`")
    ] = None,
):
    """Append the raw body (`Content-Type: application/offset+octet-stream`) at `Upload-Offset`. The last
    byte attaches the photo exactly as `PUT …/photos/{i}` would."""
    tus.check_version(tus_resumable)
    offset = await tus.patch(ctx, session, upload_id, request.headers, request.receive)
    return Response(status_code=204, headers={"Upload-Offset": str(offset)})


@router.delete(
    UPLOAD, status_code=204, responses={204: {"description": "Terminated"}, **TOKEN, **GONE, **VERSION}
)
async def terminate(ctx: CtxDep, session: ExecutorDep, upload_id: str, tus_resumable: TusResumable = None):
    """Terminate the upload and free its partial bytes (a photo it already attached stays)."""
    tus.check_version(tus_resumable)
    await tus.terminate(ctx, session, upload_id)
    return Response(status_code=204)
