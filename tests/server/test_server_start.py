"""What the server's start costs (the desktop's cold start waits for its embedded server: issue 23)."""

from __future__ import annotations

import subprocess
import sys

from fastapi.routing import APIRoute

from server.api.lazy_routes import LazyRouter
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
    # the routers a client does not need at once (api/lazy_routes.py)
    "server.api.routes.templates",
    "server.api.routes.executor",
    "server.api.routes.uploads",
    "server.api.routes.stats",
    "server.api.routes.library",
)


FASTAPI_OWN = ("/v1/openapi.json", "/docs", "/docs/oauth2-redirect")


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
    served = app.router.routes
    for router in ROUTERS:
        if isinstance(router, LazyRouter):
            assert any(route is router for route in served)
        else:
            assert all(any(route is s for s in served) for route in router.routes)
    assert all(isinstance(route, APIRoute | LazyRouter) or route.path in FASTAPI_OWN for route in served)


def test_each_lazy_routers_prefixes_cover_its_routes():
    """A path outside a lazy router's prefixes passes it without importing it: none of its routes may be
    there, or it would never be served."""
    lazy = [router for router in ROUTERS if isinstance(router, LazyRouter)]
    assert len(lazy) >= 5
    for router in lazy:
        assert router.routes, router.module
        for route in router.routes:
            assert isinstance(route, APIRoute) and route.path.startswith(router.prefixes), (
                router.module,
                route.path,
            )


def test_a_lazy_router_is_imported_by_the_first_request_that_needs_it(tmp_path):
    """A fresh interpreter: the org's requests leave the templates' router unimported, the first template
    request imports it and is served, and a wrong method there still names the methods allowed."""
    code = (
        "import sys, tempfile\n"
        "from fastapi.testclient import TestClient\n"
        "from server.app import create_app\n"
        "from server.settings import Settings\n"
        "from server.bootstrap import init_org\n"
        "from server.store.backends import open_database\n"
        "settings = Settings(data_dir=sys.argv[1])\n"
        "settings.data_dir.mkdir(parents=True, exist_ok=True)\n"
        "db = open_database(settings.database_url, settings.db_path)\n"
        "_, key = init_org(db, 'Lazy', 'unlimited')\n"
        "db.close()\n"
        "auth = {'Authorization': f'Bearer {key}'}\n"
        "with TestClient(create_app(settings)) as client:\n"
        "    answers = [client.get('/v1/org', headers=auth).status_code]\n"
        "    answers.append('server.api.routes.templates' in sys.modules)\n"
        "    answers.append(client.get('/v1/templates', headers=auth).status_code)\n"
        "    answers.append('server.api.routes.templates' in sys.modules)\n"
        "    wrong = client.put('/v1/templates', headers=auth)\n"
        "    answers.append((wrong.status_code, wrong.headers.get('allow')))\n"
        "print(answers)\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[200, False, 200, True, (405, 'GET, HEAD, POST')]"
