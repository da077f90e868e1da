"""Dependencies as `Annotated` aliases: the context, the authenticated org, paging."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from server.services.auth import Principal, authenticate
from server.services.context import Context

bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer rdk_live_…`")


def get_ctx(request: Request) -> Context:
    return request.app.state.ctx


CtxDep = Annotated[Context, Depends(get_ctx)]


def get_principal(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Principal:
    return authenticate(request.app.state.ctx, request.headers.get("authorization"))


OrgDep = Annotated[Principal, Depends(get_principal)]


class Paging:
    def __init__(
        self,
        page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
        per_page: Annotated[int, Query(ge=1, le=200, description="Items per page, at most 200.")] = 50,
    ):
        self.page, self.per_page = page, per_page


PagingDep = Annotated[Paging, Depends()]
