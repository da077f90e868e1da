"""Signed media URLs: `{public_url}/media/{run}/{step}/{index}.{ext}?exp=…&sig=…`, HMAC-SHA256 with the
server's secret, refused when unsigned, tampered with or expired."""

from __future__ import annotations

import hashlib
import hmac
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


def signed_url(ctx: Context, run_id: str, step_id: str, index: int, content_type: str) -> str:
    path = media_path(run_id, step_id, index, content_type)
    # Round expiry up to the minute so documents fetched close together carry identical URLs.
    expires = (int(time.time()) + ctx.settings.media_url_ttl + 59) // 60 * 60
    return f"{ctx.settings.base_url}{path}?exp={expires}&sig={sign(ctx, path, expires)}"


def verify(ctx: Context, path: str, exp: str | None, sig: str | None) -> bool:
    if not exp or not sig or not exp.isdigit():
        return False
    if int(exp) < time.time():
        return False
    return hmac.compare_digest(sign(ctx, path, int(exp)), sig)
