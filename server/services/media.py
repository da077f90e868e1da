"""Signed media URLs: `{public_url}/media/{run}/{step}/{index}.{ext}?exp=…&sig=…`, HMAC-SHA256 with the
server's secret, refused when unsigned, tampered with or expired."""

from __future__ import annotations

import hashlib
import hmac
import re
import time

from server.services.context import Context

EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/heic": "heic",
    "image/heif": "heif",
}


def media_path(run_id: str, step_id: str, index: int, content_type: str) -> str:
    return f"/media/{run_id}/{step_id}/{index}.{EXTENSIONS.get(content_type, 'bin')}"


def sign(ctx: Context, path: str, expires: int) -> str:
    return hmac.new(ctx.server_secret, f"{path}\n{expires}".encode(), hashlib.sha256).hexdigest()


def expiry(ttl: int, now: float) -> int:
    """When a URL signed at `now` expires: never later than `now + ttl` (RUNDUN_MEDIA_URL_TTL is a maximum),
    rounded DOWN to a step of up to a minute (at most half the TTL) so that documents fetched close
    together carry identical URLs. A URL thus lives between half the TTL and the TTL."""
    step = max(1, min(60, ttl // 2))
    return int(now + ttl) // step * step


def signed_url(ctx: Context, run_id: str, step_id: str, index: int, content_type: str) -> str:
    path = media_path(run_id, step_id, index, content_type)
    expires = expiry(ctx.settings.media_url_ttl, time.time())
    return f"{ctx.settings.base_url}{path}?exp={expires}&sig={sign(ctx, path, expires)}"


def verify(ctx: Context, path: str, exp: str | None, sig: str | None) -> bool:
    """A media URL's signature and expiry hold. An expiry further away than the TTL (signed under a
    longer TTL before a restart) is refused too: no URL outlives the TTL in force."""
    if not exp or not sig or not exp.isdigit() or len(exp) > 12:
        return False
    now = time.time()
    if not now <= int(exp) <= now + ctx.settings.media_url_ttl:
        return False
    return hmac.compare_digest(sign(ctx, path, int(exp)), sig)


# A signed media URL as a JSON body holds it: the value of a "url" key (inside a JSON string a quote is
# escaped, so text an executor typed cannot look like one), split into the part before the path, the path,
# its expiry and its signature.
BODY_MEDIA_URL = re.compile(r'"url":"([^"]*?)(/media/[^"?]+)\?exp=(\d{1,12})&sig=([0-9a-f]{64})"')


def fresh_urls(ctx: Context, body: str, run_id: str) -> str:
    """`body` (a webhook's, as stored at event time) with each media URL of `run_id` signed again now, for a
    fresh TTL: a delivery is retried for days and redelivered at any time, long after URLs signed with the
    event expired (RUNDUN_MEDIA_URL_TTL, an hour by default). Only a URL whose signature this server made is
    signed again (its expiry aside), with the public URL in force."""
    if "/media/" not in body:
        return body
    prefix = f"/media/{run_id}/"
    expires = expiry(ctx.settings.media_url_ttl, time.time())

    def again(match: re.Match) -> str:
        path, exp, sig = match[2], int(match[3]), match[4]
        if not path.startswith(prefix) or not hmac.compare_digest(sign(ctx, path, exp), sig):
            return match[0]
        return f'"url":"{ctx.settings.base_url}{path}?exp={expires}&sig={sign(ctx, path, expires)}"'

    return BODY_MEDIA_URL.sub(again, body)
