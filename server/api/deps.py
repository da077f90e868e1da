"""Dependencies as `Annotated` aliases: the context, the authenticated org, paging."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from server.services.auth import Principal, authenticate
from server.services.context import Context


# Dependencies are `async def` on purpose: FastAPI runs plain `def` ones in the thread pool, a costly hop.
async def get_ctx(request: Request) -> Context:
    return request.app.state.ctx


CtxDep = Annotated[Context, Depends(get_ctx)]


async def get_principal(request: Request) -> Principal:
    """The API key's org. (The OpenAPI security scheme is added in app._openapi: a FastAPI security
    dependency here would cost a dependency resolution on every request.)"""
    return authenticate(request.app.state.ctx, request.headers.get("authorization"))


OrgDep = Annotated[Principal, Depends(get_principal)]


class Paging:
    def __init__(self, page: int, per_page: int):
        self.page, self.per_page = page, per_page


async def get_paging(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
    per_page: Annotated[int, Query(ge=1, le=200, description="Items per page, at most 200.")] = 50,
) -> Paging:
    return Paging(page, per_page)


PagingDep = Annotated[Paging, Depends(get_paging)]
