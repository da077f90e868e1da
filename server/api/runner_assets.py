"""The browser runner's static files (SPEC §11): ES modules and CSS shipped in the package, no build step.

The files live in `server/api/runner/` (package data). They are read once at import; their SHA-256 names the
version, which is in every asset URL (`/r/static/{version}/{name}`, cached a year and immutable) and in the
service worker (`/r/sw.js`, never cached by HTTP), so a new server ships a new worker that caches the new files.
Every page and file goes out with a strict Content-Security-Policy: no inline script or style, nothing from
another origin. Compressed copies are kept for clients that accept gzip (a phone on a slow link).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, Response

ASSET_DIR = Path(__file__).parent / "runner"
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
SERVICE_WORKER = "sw.js"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
IMMUTABLE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes
    media_type: str


def _load() -> tuple[str, dict[str, Asset]]:
    files = {
        p.name: p.read_bytes()
        for p in sorted(ASSET_DIR.iterdir())
        if p.suffix in MEDIA_TYPES and p.name != SERVICE_WORKER
    }
    digest = hashlib.sha256()
    for name, body in files.items():
        digest.update(name.encode() + b"\0" + body + b"\0")
    version = digest.hexdigest()[:12]
    assets = {
        name: Asset(body, gzip.compress(body, 9, mtime=0), MEDIA_TYPES[Path(name).suffix])
        for name, body in files.items()
    }
    urls = [f"/r/static/{version}/{name}" for name in assets]
    worker = (ASSET_DIR / SERVICE_WORKER).read_text(encoding="utf-8")
    worker = worker.replace("__VERSION__", version).replace('["__ASSETS__"]', json.dumps(urls))
    worker_bytes = worker.encode()
    assets[SERVICE_WORKER] = Asset(worker_bytes, gzip.compress(worker_bytes, 9, mtime=0), MEDIA_TYPES[".js"])
    return version, assets


VERSION, ASSETS = _load()


def asset_url(name: str) -> str:
    return f"/r/static/{VERSION}/{name}"


def module_preloads() -> str:
    """`<link rel="modulepreload">` for every module of the runner: the browser fetches them all at once with
    the page instead of discovering `app.js`'s imports only after `app.js` arrived (one round trip less before
    the page is usable: on a phone's slow link that round trip is half a second)."""
    modules = (name for name in ASSETS if name.endswith(".js") and name != SERVICE_WORKER)
    return "".join(f'<link rel="modulepreload" href="{asset_url(name)}">' for name in modules)


def _send(
    request: Request, asset: Asset, cache_control: str, extra: dict[str, str] | None = None
) -> Response:
    headers = {**SECURITY_HEADERS, "Cache-Control": cache_control, "Vary": "Accept-Encoding", **(extra or {})}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return Response(asset.gzipped, media_type=asset.media_type, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)


def page_headers(cache_control: str = "no-cache") -> dict[str, str]:
    """Headers of an HTML page of the runner: the CSP, and revalidation (the service worker keeps a copy)."""
    return {**SECURITY_HEADERS, "Cache-Control": cache_control}


router = APIRouter(tags=["public"])


@router.get("/r/sw.js", include_in_schema=False)
async def service_worker(request: Request):
    """The versioned service worker; HTTP never caches it, so the browser sees a new version at once."""
    return _send(request, ASSETS[SERVICE_WORKER], "no-cache", {"Service-Worker-Allowed": "/r/"})


@router.get("/r/static/{version}/{name}", include_in_schema=False)
async def static_file(request: Request, version: str, name: str):
    """A runner file. The current version's URL is immutable; an older page's URL gets today's file, revalidated."""
    asset = ASSETS.get(name)
    if asset is None or name == SERVICE_WORKER:
        return JSONResponse(
            {"error": "not_found", "message": "No such file of the runner."}, 404, headers=SECURITY_HEADERS
        )
    return _send(request, asset, IMMUTABLE if version == VERSION else "no-cache")
