"""The two hottest endpoints, `GET /v1/runs/{run_id}` and `POST /v1/runs`, served without FastAPI's router.

FastAPI's route matching and dependency resolution cost more than these endpoints' own work (measured
with bench/server_throughput.py). Their handlers already read everything from the `Request` by hand, so
this middleware calls the very same handler functions directly; the FastAPI routes stay registered and
documented (OpenAPI), and every other path goes through FastAPI as usual. It sits inside the rate and
body limits, and errors are rendered by the app's own exception handlers.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from server.api import errors

Endpoint = Callable[[Request], Awaitable[Response]]


class HotPaths:
    def __init__(self, app, routes: list[tuple[str, str, Endpoint]]):
        self.app = app
        self.routes = [
            (method, re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path) + "$"), endpoint)
            for method, path, endpoint in routes
        ]

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            for method, pattern, endpoint in self.routes:
                if scope["method"] != method:
                    continue
                match = pattern.match(scope["path"])
                if match:
                    scope["path_params"] = match.groupdict()
                    request = Request(scope, receive)
                    try:
                        response = await endpoint(request)
                    except Exception as exc:  # noqa: BLE001 - rendered like every other error
                        response = await errors.response_for(request, exc)
                    return await response(scope, receive, send)
        await self.app(scope, receive, send)
