"""The executor protocol (`/v1/runs/{id}/open`, answers, sync, photos, signature, complete, exit, state).

None of these takes an API key: `open` checks the identity the template asks for and hands out the run's
executor token (`rde_…`), which every later call sends as `Authorization: Bearer`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Header, Path, Request
from starlette.responses import Response

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep, ExecutorDep, ExecutorLaterDep
from server.api.openapi import documented_params, header_param
from server.api.responses import INVALID, JSON, Responses, error_schema, language_headers
from server.api.schemas.executor import (
    AnswerIn,
    AnswerPutOut,
    CompleteIn,
    ExitIn,
    ExitOut,
    OpenIn,
    OpenOut,
    StateOut,
    SyncIn,
    SyncOut,
)
from server.api.schemas.runs import PhotoOut, RunOut
from server.clock import now_stamp
from server.errors import NotFound
from server.services import answering, closing, device, executor, photos, tus
from server.services.context import Context
from server.services.executor import Session
from server.tdl import IMAGE_TYPES, SIGNATURE_STEP
from server.tdl.device import HEADER as DEVICE_HEADER

router = APIRouter(tags=["executor"], route_class=TextCheckedRoute)

NOT_FOUND: Responses = {404: error_schema("No such run")}
TOKEN: Responses = {401: error_schema("Missing or invalid executor token"), **NOT_FOUND}
GONE: Responses = {410: error_schema("The run has expired")}
CLOSED: Responses = {409: error_schema("The run is completed or cancelled")}
IMAGE_BODY = {
    "requestBody": {
        "required": True,
        "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in IMAGE_TYPES},
    }
}
PNG_BODY = {
    "requestBody": {
        "required": True,
        "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}},
    }
}
PHOTO_ERRORS: Responses = {
    **TOKEN,
    **GONE,
    **CLOSED,
    400: error_schema("Content-Digest does not match"),
    413: error_schema("Larger than RUNDUN_MAX_PHOTO_MB"),
    415: error_schema("Not a JPEG, PNG, WebP, HEIC or HEIF image"),
    422: error_schema("The step takes no photo at that index"),
}
StepId = Annotated[str, Path(max_length=100)]
PhotoIndex = Annotated[int, Path(ge=0, le=1000)]
Digest = Annotated[
    str | None, Header(alias="Content-Digest", description="`sha-256=:<base64>:` of the body.")
]


def _open_key_param() -> dict:
    param = header_param(
        "Idempotency-Key",
        "A random secret of the device (32 to 255 printable characters), kept before asking: the token is "
        "derived from it, so a retry whose answer was lost gets the same token and no second `run.opened`.",
        255,
    )
    param["schema"].update(minLength=32, pattern=r"^[\x21-\x7e]+$")
    return param


@router.post(
    "/v1/runs/{run_id}/open",
    response_class=JSON,
    openapi_extra=documented_params(_open_key_param(), api_key=False),
    responses={
        200: {"model": OpenOut},
        **INVALID,
        401: error_schema("A member token is needed and missing or wrong"),
        **NOT_FOUND,
        409: error_schema("Opened by someone else, or finished"),
        **GONE,
    },
)
async def open_run(ctx: CtxDep, request: Request, run_id: str, body: Annotated[OpenIn | None, Body()] = None):
    """Open a run as its executor. By the template's `execution.identity_required`: `none` → `{}`;
    `external` → `{"name", "email"}`; `member` (or `scope: org`) → `Authorization: Bearer rdm_…` of a member
    of the run's org. Returns the executor token, the template snapshot and what is stored so far. The template
    comes resolved to `language` if given (one of the template's, else 422), else to the best match of
    `Accept-Language` among the template's languages, else to the run's language."""
    name, email = (body.name, body.email) if body else (None, None)
    language = executor.Language(body.language if body else None, request.headers.get("accept-language"))
    opened = await executor.open_run(
        ctx,
        run_id,
        request.headers.get("authorization"),
        name,
        email,
        language,
        open_key=request.headers.get("idempotency-key"),
    )
    await device.note(ctx, {"id": run_id}, request.headers.get(DEVICE_HEADER))
    return JSON(opened, headers=language_headers(opened["language"]))


@router.get(
    "/v1/runs/{run_id}/state", response_class=JSON, responses={200: {"model": StateOut}, **TOKEN, **GONE}
)
async def run_state(ctx: CtxDep, session: ExecutorDep):
    """What the executor needs to resume: status, answers, progress, photos, signature, unfinished uploads."""
    return JSON(executor.view(ctx, session.run))


@router.put(
    "/v1/runs/{run_id}/answers/{step_id}",
    response_class=JSON,
    responses={200: {"model": AnswerPutOut}, **INVALID, **TOKEN, **CLOSED, **GONE},
)
async def put_answer(ctx: CtxDep, executor_session: ExecutorLaterDep, step_id: StepId, body: AnswerIn):
    """Store one answer; the latest `at` wins (an older one changes nothing and gets the stored answer).
    An `at` more than 5 minutes ahead of the server's clock is taken as the server's now."""
    session = await executor_session()
    return JSON(await answering.put_answer(ctx, session, step_id, body.model_dump(exclude_unset=True)))


@router.post(
    "/v1/runs/{run_id}/sync",
    response_class=JSON,
    responses={200: {"model": SyncOut}, **INVALID, **TOKEN, **CLOSED, **GONE},
)
async def sync(ctx: CtxDep, executor_session: ExecutorLaterDep, body: SyncIn):
    """Many answers in one request and one transaction, each applied like the PUT, in order, with a result per
    op: `applied`, `stale` (an older `at`), `duplicate` (op_id seen before) or `rejected` (with the error)."""
    session = await executor_session()
    ops = [op.model_dump(exclude_unset=True) for op in body.ops]
    return JSON(await answering.sync(ctx, session, ops))


@router.put(
    "/v1/runs/{run_id}/answers/{step_id}/photos/{photo_index}",
    response_class=JSON,
    openapi_extra=IMAGE_BODY,
    responses={200: {"model": PhotoOut}, **PHOTO_ERRORS},
)
async def put_photo(
    ctx: CtxDep,
    session: ExecutorDep,
    request: Request,
    step_id: StepId,
    photo_index: PhotoIndex,
    digest: Digest = None,
):
    """Store the raw image as photo `photo_index` of the step (JPEG, PNG, WebP or HEIC by its magic bytes).
    Idempotent: the same bytes again change nothing; other bytes replace the photo."""
    return JSON(await _put_photo(ctx, session, request, step_id, photo_index, digest))


@router.delete(
    "/v1/runs/{run_id}/answers/{step_id}/photos/{photo_index}",
    status_code=204,
    responses={
        204: {"description": "Removed"},
        **TOKEN,
        **CLOSED,
        **GONE,
        422: error_schema("No such photo slot"),
    },
)
async def delete_photo(ctx: CtxDep, session: ExecutorDep, step_id: StepId, photo_index: PhotoIndex):
    """Remove a photo (404 when there is none at that index)."""
    began = now_stamp()
    try:
        await photos.delete_photo(ctx, session, step_id, photo_index)
    except NotFound:  # none attached there yet, but an upload begun before the removal is as obsolete
        await tus.drop_superseded(ctx, session, step_id, photo_index, began)
        raise
    await tus.drop_superseded(ctx, session, step_id, photo_index, began)
    return Response(status_code=204)


@router.put(
    "/v1/runs/{run_id}/signature",
    response_class=JSON,
    openapi_extra=PNG_BODY,
    responses={200: {"model": PhotoOut}, **PHOTO_ERRORS},
)
async def put_signature(ctx: CtxDep, session: ExecutorDep, request: Request, digest: Digest = None):
    """The executor's signature as a PNG; templates with `signature_on_complete` need it before completion."""
    return JSON(await _put_photo(ctx, session, request, SIGNATURE_STEP, 0, digest))


async def _put_photo(
    ctx: Context, session: Session, request: Request, step_id: str, index: int, digest: str | None
) -> dict:
    """The request's image stored at (step, index); the slot's tus uploads begun before it then go (an older
    photo, `tus.drop_superseded`)."""
    session.require_open()
    began = now_stamp()
    data = await request.body()
    photo = await photos.put_photo(ctx, session, step_id, index, data, digest)
    await tus.drop_superseded(ctx, session, step_id, index, began)
    return photo


@router.post(
    "/v1/runs/{run_id}/complete",
    response_class=JSON,
    responses={
        200: {"model": RunOut},
        400: error_schema("Malformed JSON or a missing field"),
        422: error_schema("run_incomplete: a detail per missing step; or an invalid `at`"),
        **TOKEN,
        **CLOSED,
        **GONE,
    },
)
async def complete(ctx: CtxDep, executor_session: ExecutorLaterDep, body: CompleteIn):
    """Complete the run: every visible required step answered (or skipped where allowed), photo minimums and
    the signature met. Answers of hidden steps are dropped. Completing again answers with the same document."""
    return JSON(await closing.complete(ctx, await executor_session(), body.at))


@router.post(
    "/v1/runs/{run_id}/exit",
    response_class=JSON,
    responses={200: {"model": ExitOut}, **INVALID, **TOKEN, **CLOSED, **GONE},
)
async def exit_run(
    ctx: CtxDep, executor_session: ExecutorLaterDep, body: Annotated[ExitIn | None, Body()] = None
):
    """The executor gives up: the run becomes `cancelled` (reason `executor_exited`)."""
    return JSON(await closing.exit_run(ctx, await executor_session(), body.reason if body else None))
