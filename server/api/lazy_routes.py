"""Routers imported on the first request under their paths, not at every start.

The desktop app waits for its embedded server's start (issue 23's cold start, bench/desktop_startup.py), and
importing a router means its schemas, its services and FastAPI building each route (its dependencies, a
pydantic TypeAdapter per parameter and response). The routers a client needs at once (runs, the org, the
event stream, health) are imported at start; the others here, by module name and the path prefixes their
routes live under, when a request first reaches one: ~0.13 s of CPU, a fifth of the server's start
(interleaved A/B of the imports' CPU time).

Routes still match in the order of `server.app.ROUTERS`: a `LazyRouter` stands where its router would, and a
path outside its prefixes passes it without an import. `tests/server/test_server_start.py` checks that each
router's prefixes cover its routes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import Receive, Scope, Send


class LazyRouter(BaseRoute):
    def __init__(self, module: str, prefixes: tuple[str, ...]):
        self.module = module
        self.prefixes = prefixes
        self._routes: list[BaseRoute] | None = None

    @property
    def loaded(self) -> bool:
        return self._routes is not None

    @property
    def routes(self) -> list[BaseRoute]:
        """The router's routes, importing its module the first time."""
        if self._routes is None:
            self._routes = list(importlib.import_module(self.module).router.routes)
        return self._routes

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or not _route_path(scope).startswith(self.prefixes):
            return Match.NONE, {}
        partial: Scope | None = None
        for route in self.routes:
            match, child_scope = route.matches(scope)
            if match == Match.FULL:
                return match, child_scope  # names the route that matched: scope["route"], used by handle
            if match == Match.PARTIAL and partial is None:
                partial = child_scope
        return (Match.PARTIAL, partial) if partial is not None else (Match.NONE, {})

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await scope["route"].handle(scope, receive, send)

    def url_path_for(self, name: str, /, **path_params: Any):
        for route in self.routes:
            try:
                return route.url_path_for(name, **path_params)
            except NoMatchFound:
                pass
        raise NoMatchFound(name, path_params)


def every_route(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """The routes, each lazy router's in its place (importing it): for the OpenAPI document and 405s."""
    for route in routes:
        if isinstance(route, LazyRouter):
            yield from route.routes
        else:
            yield route


def _route_path(scope: Scope) -> str:
    path: str = scope["path"]
    root = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path
