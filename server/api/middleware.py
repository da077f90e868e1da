"""Pure ASGI middleware (no per-request task overhead): body size limits and per-key rate limits.

Rate limits and several server processes (SPEC §9, issue 15): the buckets below live in each process, so N
processes on one PostgreSQL allow a key up to N × RUNDUN_RATE_LIMIT today. The decision for sharing them is
a table, not a library: the deployment has PostgreSQL and nothing else shared (no Redis for a library such
as `limits` to count in), and a round trip per request would cost the hot path what the bench measures as
its whole budget. So each process is to lease a share of a key's tokens from a `rate_leases` row at a time
(one upsert per lease, not per request), keeping the in-memory bucket on the hot path; the overshoot is at
most one unspent lease per process. Not built yet: it needs a migration number of its own.
"""

from __future__ import annotations

import math
import time

from starlette.exceptions import HTTPException

from server.api.responses import error_response
from server.errors import PayloadTooLarge, RateLimited
from server.services.auth import valid_key_hash

PHOTO_PATH_MARKERS = ("/photos/", "/signature", "/uploads")


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


class TokenBucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, tokens: float, stamp: float):
        self.tokens, self.stamp = tokens, stamp


class RateLimit:
    """A token bucket per API key (per client address without a live one); `X-RateLimit-*` on every response.

    A bucket is keyed by the SHA-256 of a key once the key is known to be live, else by the client address
    (the socket's peer, or the forwarded one only from RUNDUN_TRUSTED_PROXIES: see server/serving.py). So a
    stream of made-up keys shares one bucket and gets 429, and no plaintext key is held as a dict key."""

    MAX_BUCKETS = 100_000

    def __init__(self, app, per_minute: int):
        self.app = app
        self.capacity = float(per_minute)
        self.refill_per_s = per_minute / 60.0
        self.limit_header = str(per_minute).encode()
        self.buckets: dict[str, TokenBucket] = {}

    def _bucket_key(self, scope) -> str:
        for name, value in scope["headers"]:
            if name == b"authorization":
                key_hash = valid_key_hash(scope["app"].state.ctx, value.decode("latin-1"))
                if key_hash is not None:
                    return "key:" + key_hash
                break
        client = scope.get("client")
        return "addr:" + (client[0] if client else "?")

    def _take(self, key: str, now: float) -> tuple[bool, TokenBucket]:
        bucket = self.buckets.get(key)
        if bucket is None:
            if len(self.buckets) >= self.MAX_BUCKETS:
                self._forget_full(now)
            bucket = self.buckets[key] = TokenBucket(self.capacity, now)
        else:
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.stamp) * self.refill_per_s)
            bucket.stamp = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return True, bucket
        return False, bucket

    def _forget_full(self, now: float) -> None:
        """Drop buckets that have refilled completely: they carry no information."""
        full_after = self.capacity / self.refill_per_s
        for key in [k for k, b in self.buckets.items() if now - b.stamp >= full_after]:
            del self.buckets[key]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        now = time.monotonic()
        allowed, bucket = self._take(self._bucket_key(scope), now)
        reset = math.ceil((self.capacity - bucket.tokens) / self.refill_per_s)
        headers = [
            (b"x-ratelimit-limit", self.limit_header),
            (b"x-ratelimit-remaining", str(int(bucket.tokens)).encode()),
            (b"x-ratelimit-reset", str(reset).encode()),
        ]
        if not allowed:
            retry_after = max(1, math.ceil((1.0 - bucket.tokens) / self.refill_per_s))
            error = RateLimited(f"Rate limit of {int(self.capacity)} requests per minute exceeded.")
            response = error_response(error)
            response.headers["Retry-After"] = str(retry_after)
            for name, value in headers:
                response.headers[name.decode()] = value.decode()
            return await response(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
