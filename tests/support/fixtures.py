"""Fixtures for in-process API tests (TestClient over the real app) and the real server process."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.bootstrap import init_org
from server.settings import Settings
from tests.support.receiver import Receiver
from tests.support.server_process import ServerProcess
from tests.support.server_process import init_org as cli_init_org

BASE = "http://testserver"


def make_settings(data_dir: Path, **overrides) -> Settings:
    defaults = {"public_url": BASE, "rate_limit": 100_000, "sweep_interval": 3600}
    return Settings(data_dir=data_dir, **{**defaults, **overrides})


class Api:
    """A TestClient bound to one org's API key, plus handles on the app for assertions."""

    def __init__(self, client: TestClient, key: str, org: dict):
        self.client, self.key, self.org = client, key, org
        self.headers = {"Authorization": f"Bearer {key}"}

    @property
    def ctx(self):
        return self.client.app.state.ctx  # type: ignore[attr-defined]

    def request(self, method: str, url: str, *, auth: bool = True, **kwargs):
        headers = {**(self.headers if auth else {}), **kwargs.pop("headers", {})}
        return self.client.request(method, url, headers=headers, **kwargs)

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    def post(self, url, **kw):
        return self.request("POST", url, **kw)

    def patch(self, url, **kw):
        return self.request("PATCH", url, **kw)

    def put(self, url, **kw):
        return self.request("PUT", url, **kw)

    def delete(self, url, **kw):
        return self.request("DELETE", url, **kw)

    def second_org(self, name: str = "Other", plan: str = "unlimited") -> Api:
        org, key = init_org(self.ctx.db, name, plan)
        return Api(self.client, key, org)


# Which backends the backend-aware fixtures run on (RUNDUN_TEST_BACKENDS=sqlite for a quick local run).
BACKENDS = [b for b in os.environ.get("RUNDUN_TEST_BACKENDS", "sqlite,postgresql").split(",") if b]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test using `backend` (through `api`, `api_factory`, `server_process`, `database_url`) runs on
    each backend, unless marked `sqlite_only`."""
    if "backend" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        params = ["sqlite"] if only_sqlite else BACKENDS
        metafunc.parametrize("backend", params, indirect=True)


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the session (tests/support/postgres.py)."""
    from tests.support.postgres import start_cluster

    cluster = start_cluster(in_memory=True)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def s3_server():
    """A local S3 API for the session: moto's server mode, a stand-in for a real S3 (tests/support/s3.py)."""
    from tests.support.s3 import S3Server

    server = S3Server().start()
    yield server
    server.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def new_database_url(backend: str, request: pytest.FixtureRequest):
    """Makes a fresh database of the test's backend: a URL on PostgreSQL, None (SQLite in the data dir)."""
    if backend == "sqlite":
        yield lambda: None
        return
    cluster = request.getfixturevalue("pg_cluster")
    made: list[str] = []

    def new() -> str:
        made.append(cluster.new_database())
        return made[-1]

    yield new
    for url in made:  # the session's cluster keeps only what the running tests use (it lives in memory)
        cluster.drop_database(url)


@pytest.fixture
def database_url(new_database_url) -> str | None:
    return new_database_url()


@pytest.fixture
def db_env(database_url: str | None) -> dict:
    """The environment that points a `rundun-server` process at the test's database."""
    return {"RUNDUN_DATABASE_URL": database_url} if database_url else {}


def first_org_id(data_dir: Path, env: dict) -> str:
    """The id of the first organisation in the database of `data_dir` / `env` (what `init` made)."""
    url = env.get("RUNDUN_DATABASE_URL")
    if url:
        import psycopg

        with psycopg.connect(url) as conn:
            return conn.execute("SELECT id FROM orgs ORDER BY created_at LIMIT 1").fetchone()[0]
    import sqlite3

    with sqlite3.connect(data_dir / "rundun.db") as conn:
        return conn.execute("SELECT id FROM orgs ORDER BY created_at LIMIT 1").fetchone()[0]


def wait_for(condition: Callable[[], bool], failure: str, timeout: float = 60.0) -> None:
    """Poll `condition` until it holds; `timeout` only guards against a hang (a busy machine is slow)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(failure)
        time.sleep(0.005)


def make_api(data_dir: Path, plan: str = "unlimited", **overrides) -> Iterator[Api]:
    app = create_app(make_settings(data_dir, **overrides))
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as client:
        org, key = init_org(app.state.ctx.db, "Acme", plan)
        # The app's first upkeep pass (pruning, at start-up) writes too: over before the test begins, so that a
        # test counting what its requests write never counts the pass's writes with them.
        wait_for(lambda: app.state.ctx.upkeep_passes >= 1, "the start-up upkeep pass never finished")
        yield Api(client, key, org)


@pytest.fixture
def api(tmp_path: Path, database_url: str | None) -> Iterator[Api]:
    yield from make_api(tmp_path, database_url=database_url)


@pytest.fixture
def api_factory(tmp_path: Path, new_database_url):
    """Build an Api with other settings or plan (each its own database); closed at the end of the test."""
    made = []

    def build(plan: str = "unlimited", **overrides) -> Api:
        overrides.setdefault("database_url", new_database_url())
        gen = make_api(tmp_path / f"srv{len(made)}", plan, **overrides)
        made.append(gen)
        return next(gen)

    yield build
    for gen in made:
        gen.close()


@pytest.fixture
def server_process(tmp_path: Path, database_url: str | None) -> Iterator[tuple[ServerProcess, str]]:
    """The real `rundun-server serve` on a free loopback port, with a key from `rundun-server init`."""
    env = {"RUNDUN_DATABASE_URL": database_url} if database_url else {}
    key = cli_init_org(tmp_path, env=env)
    server = ServerProcess(tmp_path, env={"RUNDUN_RATE_LIMIT": "100000", **env}).start()
    try:
        yield server, key
    finally:
        server.stop()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A real webhook receiver on 127.0.0.1 (tests/support/receiver.py), stopped after the test."""
    r = Receiver().start()
    yield r
    r.released.set()
    r.stop()


def sql(api: Api, statement: str, params: tuple | list = ()) -> list:
    """Run one statement on the app's own database, whichever engine (store-style `?` parameters), in a
    write job: the tests' way to set up or read what the API does not show."""

    def job(conn):
        cursor = conn.execute(statement, params)
        return [tuple(row) for row in cursor.fetchall()] if cursor.description else []

    return api.ctx.db.write_sync(job)


def all_text(api: Api) -> str:
    """Every stored text value of the app's database, one per line (to prove a secret is not among them)."""
    tables = ("orgs", "api_keys", "users", "templates", "runs", "events", "idempotency_keys", "server_meta")
    return "\n".join(
        str(value) for table in tables for row in sql(api, f"SELECT * FROM {table}") for value in row
    )
