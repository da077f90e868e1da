"""Exception handlers: every failure leaves as `{"error", "message", "details"?}`, never a traceback."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response
from starlette.routing import Match

from server.api.lazy_routes import every_route
from server.api.responses import error_response
from server.errors import (
    BadRequest,
    InternalError,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    RundunError,
    ValidationFailed,
)
from server.services import database_down, storage
from server.tdl import path_of

log = logging.getLogger("rundun.api")


def validation_details(exc: RequestValidationError) -> tuple[bool, list[dict]]:
    details, malformed = [], False
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        where, rest = (loc[0], loc[1:]) if loc else ("body", ())
        # A missing field, broken JSON or a body that is not even an object is 400; anything else 422.
        if err.get("type") in ("missing", "json_invalid") or (where == "body" and not rest):
            malformed = True
        path = path_of(rest) if where == "body" else path_of(rest) or str(where)
        message = err.get("msg", "is not valid")
        if err.get("type") == "json_invalid":
            reason = (err.get("ctx") or {}).get("error")
            if rest and isinstance(rest[0], int):
                # FastAPI's own parser puts the character offset where a path goes (`[1]`, as if it were
                # the body's second item): the problem is the whole body's, the offset belongs to the reason.
                path = ""
                reason = f"{reason} at character {rest[0]}" if reason else None
            message = f"the body is not valid JSON: {reason}" if reason else "the body is not valid JSON"
        elif err.get("type") == "missing":
            message = "is required"
        elif err.get("type") == "value_error":  # a validator's own words, without pydantic's "Value error, "
            message = message.removeprefix("Value error, ")
        details.append({"path": path, "message": message})
    return malformed, details


def _methods_for(request: Request) -> set[str]:
    """Every method served at the path that matched (Starlette names only one route's methods). The first
    matching route decides the path, as in routing: `/v1/templates/generate` is not `/{template_id}`."""
    matched_path = None
    methods: set[str] = set()
    for route in every_route(request.app.state.api_routes):
        route_methods = getattr(route, "methods", None)
        if not route_methods:
            continue
        path = getattr(route, "path", None)
        if matched_path is None:
            match, _ = route.matches({**request.scope, "method": next(iter(route_methods))})
            if match == Match.NONE:
                continue
            matched_path = path
        if path == matched_path:
            methods |= set(route_methods)
    if "GET" in methods:
        methods.add("HEAD")  # served wherever GET is (api/head_requests.py)
    return methods


async def rundun_error(request: Request, exc: RundunError):
    return error_response(exc)


async def request_validation(request: Request, exc: RequestValidationError):
    malformed, details = validation_details(exc)
    if malformed:
        return error_response(
            BadRequest("The request is malformed or misses a required field.", details=details)
        )
    return error_response(ValidationFailed("The request failed validation.", details=details))


async def http_error(request: Request, exc: StarletteHTTPException):
    if exc.status_code == 404:
        return error_response(NotFound("There is nothing at this address."))
    if exc.status_code == 413:
        return error_response(PayloadTooLarge(str(exc.detail)))
    if exc.status_code == 405:
        allowed = ", ".join(sorted(_methods_for(request)))
        return error_response(MethodNotAllowed(headers={"Allow": allowed}))
    error = RundunError(str(exc.detail))
    error.status = exc.status_code
    return error_response(error)


async def storage_error(request: Request, exc: Exception):
    """SQLite and OS errors: a full disk is the operator's to fix, not a bug (507, no traceback). Handled
    here, in the exception middleware, and not by the catch-all: that one answers and then re-raises, which
    closes the client's connection."""
    if storage.is_out_of_space(exc):
        watch = request.app.state.ctx.storage
        log.warning(
            "%s %s refused: the disk of %s is full (%s)",
            request.method,
            request.url.path,
            watch.data_dir or "this machine",
            exc,
        )
        return error_response(watch.note_full())
    return await unexpected(request, exc)


async def client_gone(request: Request, exc: ClientDisconnect):
    """The client closed the connection before its body was complete (a Content-Length it did not send, a
    dropped link): nothing was stored, nobody is left to read the answer, and it is not a bug, so no
    traceback in the log (the catch-all would log one and re-raise)."""
    log.info("%s %s: the client left before its body was complete", request.method, request.url.path)
    return error_response(BadRequest("The connection closed before the request's body was complete."))


def database_unavailable(method: str, path: str, exc: BaseException) -> Response:
    """503 with a `Retry-After` and one log line, no traceback: the database will be back (see
    `server.services.database_down`)."""
    log.warning("%s %s: database unavailable: %s", method, path, database_down.in_one_line(exc))
    return error_response(database_down.refusal())


async def unexpected(request: Request, exc: Exception):
    if database_down.is_database_unavailable(exc):
        return database_unavailable(request.method, request.url.path, exc)
    if _text_with_nul(exc):
        return error_response(
            ValidationFailed("The request holds the character U+0000 (NUL), which text may not.")
        )
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(InternalError())


def _text_with_nul(exc: Exception) -> bool:
    """A refusal of text holding U+0000 (PostgreSQL's text cannot hold it; SQLite's can): psycopg's, of a
    parameter, or PostgreSQL's (`untranslatable_character`), of a JSON array's element (the store sends some
    rows and ids that way). JSON bodies are refused with a NUL before they are parsed, on either database
    (`server.api.bodies.check_text`); this is the net for text that reaches PostgreSQL another way. Told by
    name, so that a server on SQLite never imports psycopg."""
    if not type(exc).__module__.startswith("psycopg"):
        return False
    return "NUL (0x00)" in str(exc) or getattr(getattr(exc, "diag", None), "sqlstate", None) == "22P05"


# Each handler takes the exception class it is listed with (hence `Any`: Starlette types them all as Exception).
Handler = Callable[[Request, Any], Awaitable[Response]]
HANDLERS: list[tuple[type[Exception], Handler]] = [
    (RundunError, rundun_error),
    (RequestValidationError, request_validation),
    (StarletteHTTPException, http_error),
    (sqlite3.Error, storage_error),
    (OSError, storage_error),
    (ClientDisconnect, client_gone),
    (Exception, unexpected),
]


async def response_for(request: Request, exc: Exception):
    """The error response the app's handlers give for `exc` (used where FastAPI's routing is bypassed)."""
    for kind, handler in HANDLERS:
        if isinstance(exc, kind):
            return await handler(request, exc)
    raise exc


def install(app: FastAPI) -> None:
    for kind, handler in HANDLERS:
        app.add_exception_handler(kind, handler)
