"""HEAD wherever GET is served (RFC 9110 §9.3.2): GET's status and headers, no body.

FastAPI's routes answer only the methods they name, so `HEAD /v1/runs/{id}`, `/v1/health` or a photo URL was
405 (a load balancer's or a link checker's HEAD among them). This middleware serves a HEAD that no route takes
as itself (the tus uploads' own HEAD, Starlette's documentation routes) as a GET, passes on its start (status
and headers, `Content-Length` included) and ends the response there: no body is sent, and a streamed one
(`/v1/events`, a CSV export) is told the client has gone, so it stops. It sits just outside `HotPaths`, so the
hot `GET /v1/runs/{id}` serves HEAD too, inside the rate and body limits, which count it as the HEAD it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute]):
        self.app = app
        self.routes = routes  # the app's own list: lazy routers match (and import) only under their prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD" or self._served_as_head(scope):
            await self.app(scope, receive, send)
            return
        ended = False

        async def send_head(message: Message) -> None:
            nonlocal ended
            if ended or message["type"] != "http.response.start":
                return  # the body, never sent
            await send(message)
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            ended = True

        async def receive_head() -> Message:
            if ended:  # a streamed body still being made: the client has what it asked for
                return {"type": "http.disconnect"}
            return await receive()

        # A copy: the server's own scope stays HEAD, so it sends no body and expects none.
        await self.app({**scope, "method": "GET"}, receive_head, send_head)

    def _served_as_head(self, scope: Scope) -> bool:
        """A route takes HEAD itself (tus' HEAD, which answers an upload's offset)."""
        return any(route.matches(scope)[0] == Match.FULL for route in self.routes)
