"""`create_app(settings)`: the Rundun `/v1` API as a FastAPI application."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
from collections.abc import AsyncIterator

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from server import tdl
from server.api import errors
from server.api.head_requests import HeadAsGet
from server.api.hot_paths import HotPaths
from server.api.lazy_routes import LazyRouter, every_route
from server.api.middleware import BodyLimit, DatabaseDown, NoNul, RateLimit
from server.api.openapi import require_tus_version, step_per_type
from server.api.routes import events as event_routes
from server.api.routes import org, public, runs
from server.services import database_down, upkeep
from server.services import events as event_service
from server.services import runs as run_service
from server.services import webhooks as webhook_service
from server.services.context import Context
from server.settings import Settings

log = logging.getLogger("rundun")
# Request models of hot endpoints that parse their body by hand (api/bodies.py): FastAPI cannot see them.
HAND_PARSED_BODIES = ["server.api.schemas.runs:DispatchIn", "server.api.schemas.templates:GenerateIn"]
TEMPLATES, RUNS_UNDER = ("/v1/templates",), ("/v1/runs/",)
# Routes match in order: the hot run endpoints first. What a client needs at once is imported at start; the
# rest on the first request under its paths (api/lazy_routes.py: the desktop's cold start waits for this).
ROUTERS: list[APIRouter | LazyRouter] = [
    runs.router,
    LazyRouter("server.api.routes.exports", TEMPLATES),
    LazyRouter("server.api.routes.templates", TEMPLATES),
    LazyRouter("server.api.routes.translations", TEMPLATES),
    org.router,
    public.router,
    LazyRouter("server.api.routes.webhooks", (*RUNS_UNDER, "/v1/webhook-deliveries/")),
    event_routes.router,
    LazyRouter("server.api.routes.executor", RUNS_UNDER),
    LazyRouter("server.api.routes.uploads", RUNS_UNDER),
    LazyRouter("server.api.routes.media", ("/media/",)),
    LazyRouter("server.api.routes.library", ("/v1/library",)),
    LazyRouter("server.api.routes.stats", ("/v1/stats/", *TEMPLATES)),
]


def create_app(settings: Settings, ctx: Context | None = None) -> FastAPI:
    """Build the app; it opens its database at start-up and runs the background workers while serving."""
    background: list = []

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.ctx = ctx or Context.open(settings)
        background.append(asyncio.create_task(_sweeper(app.state.ctx)))
        for start in app.state.starters:
            background.append(start(app.state.ctx))
        try:
            yield
        finally:
            for task in background:
                if isinstance(task, asyncio.Task):
                    task.cancel()
            await asyncio.gather(
                *[t for t in background if isinstance(t, asyncio.Task)], return_exceptions=True
            )
            if ctx is None:
                app.state.ctx.close()

    app = FastAPI(
        title="Rundun API",
        version="1",
        description="Dispatch checklist runs, read their answers and photos, and receive signed webhooks.",
        openapi_url="/v1/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        lifespan=lifespan,
        # A path with a trailing slash it does not serve is 404 `not_found` (JSON), not Starlette's empty 307 to
        # the path without it, whose Location was built from the client's own Host header.
        redirect_slashes=False,
        # Rundun does not export OpenTelemetry; left on, FastAPI asks the global tracer provider (reading the
        # environment) on every request, a few per cent of a dispatch's time on the event loop.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    if ctx is not None:
        app.state.ctx = ctx
    # Each router's routes, a lazy router standing for its own (see api/errors.py)
    app.state.api_routes = [route for router in ROUTERS for route in _routes_of(router)]
    app.state.starters = []  # callables ctx -> asyncio.Task, registered by feature modules
    # The event hub, then the webhook delivery worker that listens to it; both start with the app.
    hub = app.state.event_hub = event_service.EventHub()
    worker = app.state.webhook_worker = webhook_service.DeliveryWorker(hub)
    app.state.starters += [hub.start, worker.start]
    app.state.starters.append(upkeep.start)  # pruning, abandoned uploads, leftovers of a crash
    errors.install(app)
    # The routers' routes go in as they are, not through `include_router`: FastAPI (0.165) then builds every
    # route a second time, lazily, in the first request that walks past it (its dependants, a pydantic
    # TypeAdapter per parameter and response): the largest item py-spy found between the embedded server
    # listening and its answer to the desktop's first request (bench/desktop_startup.py). Our routers carry
    # their own prefix and tags, so including adds nothing.
    app.router.routes.extend(app.state.api_routes)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(
        HotPaths,
        routes=[
            ("GET", "/v1/runs/{run_id}", runs.get_run),
            ("POST", "/v1/runs", runs.dispatch_run),
            ("POST", "/v1/runs/{run_id}/uploads/", _create_upload),
            ("POST", "/v1/runs/{run_id}/uploads", _create_upload),
        ],
    )
    app.add_middleware(HeadAsGet, routes=app.router.routes)  # HEAD wherever GET is served
    app.add_middleware(NoNul)
    app.add_middleware(BodyLimit, json_bytes=settings.max_json_bytes, photo_bytes=settings.max_photo_bytes)
    app.add_middleware(RateLimit, per_minute=settings.rate_limit)
    app.add_middleware(DatabaseDown)
    return app


async def _create_upload(request: Request) -> Response:
    """A photo's upload, created with its bytes (issue 16: served by `HotPaths`); its module is imported by
    the first one, as its lazy router would be."""
    from server.api.routes import uploads

    return await uploads.create_upload_hot(request)


def _routes_of(router: APIRouter | LazyRouter) -> list[BaseRoute]:
    return [router] if isinstance(router, LazyRouter) else router.routes


async def _sweeper(ctx: Context) -> None:
    """Expire due runs (firing `run.expired` once each) every `sweep_interval` seconds."""
    while True:
        try:
            count = await ctx.db.write(run_service.sweep, ctx.settings.offline_grace_hours)
            if count:
                log.info("expired %d runs", count)
        except Exception as exc:  # noqa: BLE001 - logged (database_down.log_failure)
            database_down.log_failure(log, "expiry sweep failed", exc)
        await asyncio.sleep(ctx.settings.sweep_interval)


def _openapi(app: FastAPI) -> dict:
    """The generated document plus the TDL schema (templates take their body as raw JSON to report every
    problem at once, so FastAPI cannot see the model by itself)."""
    if app.openapi_schema:
        return app.openapi_schema
    routes = list(every_route(app.routes))
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    tdl_schema = tdl.Template.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in tdl_schema.pop("$defs", {}).items():
        components.setdefault(name, definition)
    components["Template"] = tdl_schema
    step_per_type(components, tdl.CONFIG_MODELS)
    # PATCH takes any subset of the top-level fields.
    components["TemplatePatch"] = {
        **{k: v for k, v in tdl_schema.items() if k != "required"},
        "title": "TemplatePatch",
        "description": "Top-level fields replace; settings and execution merge key by key; sections replace.",
    }
    for name in HAND_PARSED_BODIES:
        module, _, attribute = name.partition(":")
        model: type[BaseModel] = getattr(importlib.import_module(module), attribute)
        model_schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, definition in model_schema.pop("$defs", {}).items():
            components.setdefault(name, definition)
        components[model.__name__] = model_schema
    _declare_security(app, schema)
    _declare_body_limit(schema, app.state.settings)
    require_tus_version(schema)
    app.openapi_schema = schema
    return schema


def _declare_body_limit(schema: dict, settings: Settings) -> None:
    """Every operation that takes a JSON body may answer 413 (api/middleware.py's BodyLimit); the photo
    operations declare their own limit already."""
    too_large = {
        "description": f"The body is larger than {settings.max_json_bytes} bytes (RUNDUN_MAX_JSON_MB)",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
    }
    for operations in schema["paths"].values():
        for operation in operations.values():
            content = (
                operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
            )
            if "application/json" in content:
                operation["responses"].setdefault("413", too_large)


def _declare_security(app: FastAPI, schema: dict) -> None:
    """Mark each operation with the credential its dependencies check: an API key or an executor token."""
    from fastapi.routing import APIRoute

    from server.api.deps import get_executor, get_executor_later, get_principal

    schemes = schema["components"].setdefault("securitySchemes", {})
    schemes["ApiKey"] = {
        "type": "http",
        "scheme": "bearer",
        "description": "`Authorization: Bearer rdk_live_…`",
    }
    schemes["ExecutorToken"] = {
        "type": "http",
        "scheme": "bearer",
        "description": "`Authorization: Bearer rde_…`, from `POST /v1/runs/{run_id}/open`",
    }
    scheme_of = {get_principal: "ApiKey", get_executor: "ExecutorToken", get_executor_later: "ExecutorToken"}
    for route in every_route(app.state.api_routes):
        if not isinstance(route, APIRoute) or route.path not in schema["paths"]:
            continue
        names = {scheme_of[dep.call] for dep in route.dependant.dependencies if dep.call in scheme_of}
        for method in (route.methods or ()) if names else ():
            operation = schema["paths"][route.path].get(method.lower())
            if operation is not None:
                operation["security"] = [{name: []} for name in sorted(names)]
