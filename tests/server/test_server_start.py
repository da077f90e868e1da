"""What the server's start costs (the desktop's cold start waits for its embedded server: issue 23)."""

from __future__ import annotations

import subprocess
import sys

from fastapi.routing import APIRoute

from server.app import ROUTERS, create_app
from server.settings import Settings

# Imported later or never by `serve` on SQLite: other engines, media stores, backups, the webhook client, the
# pydantic v1 compatibility layer FastAPI would import only to learn that no route uses it.
NOT_AT_START = (
    "pydantic.v1",
    "h11",
    "server.services.webhook_http",
    "psycopg",
    "boto3",
    "botocore",
    "PIL",
    "cryptography",
    "httpx",
    "server.backup",
    "server.move_to_postgres",
    "server.store.postgres",
    "server.media.s3",
    "server.media.postgres",
    "rundun_desktop",
    "PySide6",
)


def test_serving_imports_nothing_it_does_not_use_at_start():
    """A fresh interpreter: this one has imported everything."""
    code = (
        "import sys\n"
        "from server.cli import preload_serve\n"
        "preload_serve()\n"
        "print(sorted(m for m in sys.modules if sys.modules[m] is not None and m.startswith(tuple(sys.argv[1:]))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *NOT_AT_START], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_app_serves_the_routes_its_routers_built(tmp_path):
    """The routers' own routes, built once when declared: an included router would have FastAPI build every
    route again during the first request that walks past it."""
    app = create_app(Settings(data_dir=tmp_path))
    served = [route for route in app.router.routes if isinstance(route, APIRoute)]
    declared = [route for router in ROUTERS for route in router.routes]
    assert len(declared) > 40
    assert all(any(route is s for s in served) for route in declared)
    assert all(
        isinstance(route, APIRoute) or route.path in ("/v1/openapi.json", "/docs", "/docs/oauth2-redirect")
        for route in app.router.routes
    )
