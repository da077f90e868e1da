"""`/v1/org`, `/v1/plans`, `/v1/api-keys` and `/v1/members`: the organisation and its credentials."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep, OrgDep, PagingDep
from server.api.responses import AUTH, INVALID, JSON, error_schema
from server.api.schemas.common import page_of
from server.api.schemas.org import (
    ApiKeyCreated,
    ApiKeyIn,
    ApiKeyList,
    MemberCreated,
    MemberIn,
    MemberList,
    OrgOut,
    OrgPatch,
    PlanList,
)
from server.services import org_admin, orgs

router = APIRouter(tags=["organisation"], route_class=TextCheckedRoute)


@router.get("/v1/org", response_class=JSON, responses={200: {"model": OrgOut}, **AUTH})
async def get_org(ctx: CtxDep, who: OrgDep):
    """The organisation: plan, this month's usage, run credits and settings."""
    return JSON(ctx.db.read(orgs.org_document, who.org_id))


@router.patch("/v1/org", response_class=JSON, responses={200: {"model": OrgOut}, **AUTH, **INVALID})
async def patch_org(ctx: CtxDep, who: OrgDep, body: OrgPatch):
    """Rename the organisation or change its default run expiry."""
    fields: dict[str, Any] = {}
    if body.name is not None:
        fields["name"] = body.name
    if body.settings is not None and body.settings.default_expires_in_hours is not None:
        fields["default_expires_in_hours"] = body.settings.default_expires_in_hours
    await org_admin.update_org(ctx, who.org_id, fields)
    return JSON(ctx.db.read(orgs.org_document, who.org_id))


@router.get("/v1/plans", response_class=JSON, responses={200: {"model": PlanList}, **AUTH})
async def list_plans(who: OrgDep, paging: PagingDep):
    """The plans and the runs each includes per calendar month (null: unlimited)."""
    plans = [{"id": key, **plan} for key, plan in orgs.PLANS.items()]
    return JSON(page_of(plans, paging.page, paging.per_page))


@router.get("/v1/api-keys", response_class=JSON, responses={200: {"model": ApiKeyList}, **AUTH})
async def list_api_keys(ctx: CtxDep, who: OrgDep, paging: PagingDep):
    """The organisation's API keys (never their plaintext), oldest first."""
    return JSON(page_of(org_admin.list_api_keys(ctx, who.org_id), paging.page, paging.per_page))


@router.post(
    "/v1/api-keys",
    status_code=201,
    response_class=JSON,
    responses={201: {"model": ApiKeyCreated}, **AUTH, **INVALID},
)
async def create_api_key(ctx: CtxDep, who: OrgDep, body: ApiKeyIn):
    """Create a key. The plaintext `key` is in this response only: Rundun keeps its SHA-256."""
    return JSON(await org_admin.create_api_key(ctx, who.org_id, body.name), status_code=201)


@router.delete(
    "/v1/api-keys/{key_id}",
    status_code=204,
    responses={204: {"description": "Revoked"}, **AUTH, 404: error_schema("No such key")},
)
async def revoke_api_key(ctx: CtxDep, who: OrgDep, key_id: str):
    """Revoke a key: requests with it are refused (401) from now on."""
    await org_admin.revoke_api_key(ctx, who.org_id, key_id)
    return Response(status_code=204)


@router.get("/v1/members", response_class=JSON, responses={200: {"model": MemberList}, **AUTH})
async def list_members(ctx: CtxDep, who: OrgDep, paging: PagingDep):
    """The organisation's members, oldest first."""
    return JSON(page_of(org_admin.list_members(ctx, who.org_id), paging.page, paging.per_page))


@router.post(
    "/v1/members",
    status_code=201,
    response_class=JSON,
    responses={201: {"model": MemberCreated}, **AUTH, **INVALID},
)
async def create_member(ctx: CtxDep, who: OrgDep, body: MemberIn):
    """Add a member. The `sign_in_token` (`rdm_…`) is in this response only."""
    return JSON(await org_admin.create_member(ctx, who.org_id, body.name, str(body.email)), status_code=201)


@router.delete(
    "/v1/members/{user_id}",
    status_code=204,
    responses={204: {"description": "Removed"}, **AUTH, 404: error_schema("No such member")},
)
async def delete_member(ctx: CtxDep, who: OrgDep, user_id: str):
    """Remove a member; their sign-in token stops working."""
    await org_admin.delete_member(ctx, who.org_id, user_id)
    return Response(status_code=204)
