"""Pure ASGI middleware (no per-request task overhead): body size limits, per-key rate limits, no NUL in
a path or a query, and 503 for whatever failed because the database is down.

The rate limit's buckets are `server.services.rate_limits`' (in memory for one process; leased from the
database when several processes share it): this layer only picks the bucket's key and writes the headers.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException

from server.api import errors
from server.api.bodies import HOLDS_NUL
from server.api.responses import error_response
from server.errors import NotFound, PayloadTooLarge, RateLimited, RundunError, ValidationFailed
from server.services import database_down
from server.services.auth import valid_key_hash
from server.services.rate_limits import Limiter, limiter_for

PHOTO_PATH_MARKERS = ("/photos/", "/signature", "/uploads")


class NoNul:
    """U+0000 (`%00`) in the path: 404 `not_found` (no id, key or tag has one); in the query string: 422
    `validation_error` naming each parameter. PostgreSQL's text cannot hold it, so a lookup or a filter by
    it failed there as a 500 where SQLite found nothing (in a JSON body: `server.api.errors._text_with_nul`)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        error: RundunError | None = None
        if "\x00" in scope["path"]:
            error = NotFound("There is nothing at this address.")
        elif b"%00" in scope["query_string"]:
            named = [
                {"path": query_path(scope["path"], name), "message": HOLDS_NUL}
                for name, value in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
                if "\x00" in name or "\x00" in value
            ]
            if named:
                error = ValidationFailed("The request failed validation.", details=named)
        if error is None:
            return await self.app(scope, receive, send)
        response = error_response(error)
        if "/uploads" in scope["path"]:
            response.headers["Tus-Resumable"] = "1.0.0"  # tus clients expect it on every answer
        await response(scope, receive, send)


def query_path(path: str, name: str) -> str:
    """How a 422's details name query parameter `name`: `query.<name>` on the stats endpoints, as SPEC §14
    gives it (their own checks do, `server.services.stats`); bare elsewhere, as customers already read it."""
    return f"query.{name}" if path == "/v1/stats/runs" or path.endswith("/stats") else name


class BodyLimit:
    """413 `payload_too_large` past the limit: by Content-Length up front, or while the body streams in."""

    def __init__(self, app, json_bytes: int, photo_bytes: int):
        self.app, self.json_bytes, self.photo_bytes = app, json_bytes, photo_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            return await self.app(scope, receive, send)
        path = scope["path"]
        limit = self.photo_bytes if any(m in path for m in PHOTO_PATH_MARKERS) else self.json_bytes
        for name, value in scope["headers"]:
            if name == b"content-length":
                if value.isdigit() and int(value) > limit:
                    response = _too_large(limit)
                    if "/uploads" in path:
                        response.headers["Tus-Resumable"] = "1.0.0"  # tus clients expect it on every answer
                    return await response(scope, receive, send)
                break
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException passes through FastAPI's body parsing untouched; errors.py maps it.
                    raise HTTPException(413, detail=_too_large_error(limit).message)
            return message

        await self.app(scope, limited_receive, send)


def _too_large_error(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"The request body is larger than the limit of {limit} bytes.")


def _too_large(limit: int):
    return error_response(_too_large_error(limit))


class RateLimit:
    """A token bucket per API key (per client address without a live one); `X-RateLimit-*` on every response.

    A bucket is keyed by the SHA-256 of a key once the key is known to be live, else by the client address
    (the socket's peer, or the forwarded one only from RUNDUN_TRUSTED_PROXIES: see server/serving.py). So a
    stream of made-up keys shares one bucket and gets 429, and no plaintext key is held as a dict key."""

    def __init__(self, app, per_minute: int):
        self.app = app
        self.per_minute = per_minute
        self.limit_header = str(per_minute).encode()
        self.limiter: Limiter | None = None  # built on the first request, once the database is open

    @property
    def buckets(self) -> dict:
        return self.limiter.buckets if self.limiter is not None else {}

    def _bucket_key(self, scope) -> str:
        for name, value in scope["headers"]:
            if name == b"authorization":
                key_hash = valid_key_hash(scope["app"].state.ctx, value.decode("latin-1"))
                if key_hash is not None:
                    return "key:" + key_hash
                break
        client = scope.get("client")
        return "addr:" + (client[0] if client else "?")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if self.limiter is None:
            self.limiter = limiter_for(scope["app"].state.ctx.db, self.per_minute)
        try:
            decision = self.limiter.take(self._bucket_key(scope), time.monotonic())
        except Exception as exc:
            if not database_down.is_database_unavailable(exc):
                raise
            # The keys and the shared buckets are in the database that is down: the request goes on to meet
            # it there (a 503, or health's `degraded`), where a refusal here would say nothing true.
            return await self.app(scope, receive, send)
        headers = [
            (b"x-ratelimit-limit", self.limit_header),
            (b"x-ratelimit-remaining", str(decision.remaining).encode()),
            (b"x-ratelimit-reset", str(decision.reset_s).encode()),
        ]
        if not decision.allowed:
            error = RateLimited(f"Rate limit of {self.per_minute} requests per minute exceeded.")
            response = error_response(error)
            response.headers["Retry-After"] = str(decision.retry_after_s)
            for name, value in headers:
                response.headers[name.decode()] = value.decode()
            return await response(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class DatabaseDown:
    """503 `service_unavailable` for a request that failed because the database cannot be reached. A route's
    failure that no exception handler is keyed to (psycopg's classes cannot be named on a server that never
    imports psycopg) reached Starlette's last-resort handler, which answers 500 and re-raises: a traceback
    for every request while PostgreSQL restarted. The outermost of ours. A response already begun (an event
    stream) is cut as before."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watched_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as exc:
            if started or not database_down.is_database_unavailable(exc):
                raise
            response = errors.database_unavailable(scope["method"], scope["path"], exc)
            await response(scope, receive, send)
