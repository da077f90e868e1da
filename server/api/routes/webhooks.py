"""`/v1/runs/{id}/webhook-deliveries` and `/v1/webhook-deliveries/{id}/redeliver`: the delivery log."""

from __future__ import annotations

from fastapi import APIRouter, Request

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep, OrgDep, PagingDep
from server.api.responses import AUTH, JSON, error_schema
from server.api.schemas.common import page_of
from server.api.schemas.webhooks import DeliveryList, DeliveryOut
from server.services import webhooks as service

router = APIRouter(tags=["webhooks"], route_class=TextCheckedRoute)


@router.get(
    "/v1/runs/{run_id}/webhook-deliveries",
    response_class=JSON,
    responses={200: {"model": DeliveryList}, **AUTH, 404: error_schema("No such run in your organisation")},
)
async def list_deliveries(ctx: CtxDep, who: OrgDep, run_id: str, paging: PagingDep):
    """The run's webhook deliveries in event order, each with every attempt (status code, duration, error)
    and, while pending, when the next retry is due."""
    deliveries = await service.deliveries_of_run(ctx, who.org_id, run_id)
    return JSON(page_of(deliveries, paging.page, paging.per_page))


@router.post(
    "/v1/webhook-deliveries/{delivery_id}/redeliver",
    response_class=JSON,
    responses={
        200: {"model": DeliveryOut},
        **AUTH,
        404: error_schema("No such delivery in your organisation"),
    },
)
async def redeliver(request: Request, ctx: CtxDep, who: OrgDep, delivery_id: str):
    """Send the delivery's event again now: the same event id and body, with a fresh retry schedule."""
    worker = request.app.state.webhook_worker
    return JSON(await service.redeliver(ctx, worker, who.org_id, delivery_id))
