"""`GET /v1/events`: the org's events as server-sent events, for live monitors."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import APIRouter, Header, Request
from starlette.responses import StreamingResponse

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep, OrgDep
from server.services.auth import valid_key_hash
from server.services.events import live_events

router = APIRouter(tags=["events"], route_class=TextCheckedRoute)

EXAMPLE = (
    "retry: 3000\n: connected\n\n"
    'id: evt_1f0c…\nevent: run.completed\ndata: {"id":"evt_1f0c…","event":"run.completed",…}\n\n'
    ": heartbeat\n\n"
)


class EventStream(StreamingResponse):
    media_type = "text/event-stream"


@router.get(
    "/v1/events",
    response_class=EventStream,
    responses={
        200: {
            "description": "An endless `text/event-stream`: one message per event (`id`, `event`, `data`).",
            "content": {"text/event-stream": {"schema": {"type": "string"}, "example": EXAMPLE}},
        },
        # An error is JSON like every other one (not the stream's media type FastAPI would give it).
        401: {
            "description": "Missing or invalid API key",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
        },
    },
)
async def stream_events(
    request: Request,
    ctx: CtxDep,
    who: OrgDep,
    last_event_id: Annotated[
        str | None,
        Header(
            alias="Last-Event-ID",
            max_length=200,
            description="Resume after this event id. An unknown id (or none) streams from now on.",
        ),
    ] = None,
):
    """Your organisation's events as server-sent events, as they happen: `id:` is the event id, `event:` its
    type and `data:` the webhook body, byte for byte. Reconnect with `Last-Event-ID` to receive everything
    after that event, without loss or duplicates; an id the server does not know streams from now on. A
    comment line arrives first once the stream is live, and every 15 s of quiet (a heartbeat). The stream
    ends once its API key is revoked: before the next event, or at the next heartbeat."""
    authorization = request.headers.get("authorization")

    def key_live() -> bool:  # the cached key check every request makes (`auth._known_key`)
        return valid_key_hash(ctx, authorization) is not None

    frames = _frames(request.app.state.event_hub, ctx, who.org_id, last_event_id, key_live)
    return EventStream(frames, headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def _frames(
    hub, ctx, org_id: str, last_event_id: str | None, key_live: Callable[[], bool]
) -> AsyncIterator[bytes]:
    first = True
    async with contextlib.aclosing(live_events(hub, ctx, org_id, last_event_id)) as events:
        async for event in events:
            if not key_live():  # revoked while the stream was open: not one more event (a reconnect is 401)
                return
            if event is None:
                yield b"retry: 3000\n: connected\n\n" if first else b": heartbeat\n\n"
                first = False
            else:
                yield b"id: %s\nevent: %s\ndata: %s\n\n" % (
                    event.id.encode(),
                    event.event.encode(),
                    event.body.encode(),
                )
