"""Dependencies as `Annotated` aliases: the context, the authenticated org, paging."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Query, Request

from server.services import device
from server.services.auth import Principal, authenticate
from server.services.context import Context
from server.services.executor import Session
from server.services.executor import authenticate as authenticate_executor
from server.tdl.device import HEADER as DEVICE_HEADER


# Dependencies are `async def` on purpose: FastAPI runs plain `def` ones in the thread pool, a costly hop.
async def get_ctx(request: Request) -> Context:
    return request.app.state.ctx


CtxDep = Annotated[Context, Depends(get_ctx)]


async def get_principal(request: Request) -> Principal:
    """The API key's org. (The OpenAPI security scheme is added in app._openapi: a FastAPI security
    dependency here would cost a dependency resolution on every request.)"""
    return authenticate(request.app.state.ctx, request.headers.get("authorization"))


OrgDep = Annotated[Principal, Depends(get_principal)]


async def get_executor(request: Request, run_id: str) -> Session:
    """The run's executor, by `Authorization: Bearer rde_…` (from `POST /v1/runs/{id}/open`); what its
    `Rundun-Device` header says is kept on the run (SPEC §10)."""
    ctx = request.app.state.ctx
    session = await authenticate_executor(ctx, run_id, request.headers.get("authorization"))
    await device.note(ctx, session.run, request.headers.get(DEVICE_HEADER))
    return session


ExecutorDep = Annotated[Session, Depends(get_executor)]


async def get_uploader(request: Request, run_id: str) -> Session:
    """The same check for the tus requests that write an upload: their service notes the device in the
    upload's own write job (`device.Note`), one commit where there were two; the run's unfinished uploads
    (a creation's cap) are counted in the same read."""
    return await authenticate_executor(
        request.app.state.ctx, run_id, request.headers.get("authorization"), open_uploads=True
    )


UploaderDep = Annotated[Session, Depends(get_uploader)]


async def get_executor_later(request: Request, run_id: str) -> Callable[[], Awaitable[Session]]:
    """The same check, for routes with a JSON body to await once FastAPI has validated it (it resolves
    dependencies first), so a malformed body is 400/422 whatever state the run is in."""
    return lambda: get_executor(request, run_id)


ExecutorLaterDep = Annotated[Callable[[], Awaitable[Session]], Depends(get_executor_later)]


class Paging:
    def __init__(self, page: int, per_page: int):
        self.page, self.per_page = page, per_page


async def get_paging(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
    per_page: Annotated[int, Query(ge=1, le=200, description="Items per page, at most 200.")] = 50,
) -> Paging:
    return Paging(page, per_page)


PagingDep = Annotated[Paging, Depends(get_paging)]
