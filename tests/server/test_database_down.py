"""A real `rundun-server` process while its PostgreSQL is down, then back (an operator's audit: during a
15 s `pg_ctl stop -m immediate` under load every request, health included, was answered 500
`internal_error` with a traceback logged for each).

While it is down: a request that needs the database is answered 503 `service_unavailable` with a
`Retry-After`, whichever way it is served (the hot paths outside FastAPI's router, the router, an executor's
write, a request whose API key must be looked up again); health answers its `degraded` form (503); the log
says "database unavailable" in one line per failure, no traceback. Once PostgreSQL is back, the same
process serves reads and writes again with no restart, from the first request on."""

from __future__ import annotations

import httpx
import pytest

from tests.support.postgres import start_cluster
from tests.support.server_process import ServerProcess, init_org

TEMPLATE = {
    "name": "Down",
    "sections": [{"id": "g-a", "title": "A", "steps": [{"id": "s-ok", "type": "boolean", "label": "OK?"}]}],
}
UNSEEN_KEY = "Bearer rdk_live_" + "0" * 32
ANSWER = {"value": True, "at": "2026-05-22T08:31:00Z"}


@pytest.fixture
def own_cluster():
    """A cluster of the test's own: it is stopped and started again (the session's is shared)."""
    cluster = start_cluster(in_memory=True)
    yield cluster
    cluster.stop()


def test_while_postgresql_is_down_requests_get_503_with_retry_after_and_one_log_line_each(
    own_cluster, tmp_path
):
    env = {"RUNDUN_DATABASE_URL": own_cluster.new_database(), "RUNDUN_RATE_LIMIT": "1000000"}
    key = init_org(tmp_path, env=env)
    server = ServerProcess(tmp_path, env=env).start()
    try:
        api = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60)
        template_id = api.post("/v1/templates", json=TEMPLATE).json()["id"]
        run_id = api.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]
        token = httpx.post(f"{server.url}/v1/runs/{run_id}/open", json={}, timeout=60).json()[
            "executor_token"
        ]
        executor = {"Authorization": f"Bearer {token}"}
        log = tmp_path / "server.log"
        logged_before = log.stat().st_size

        own_cluster.crash()
        health = httpx.get(f"{server.url}/v1/health", timeout=60)
        assert health.status_code == 503, health.text
        assert health.json()["status"] == "degraded"
        assert health.json()["reason"].startswith("database unavailable")
        assert int(health.headers["Retry-After"]) > 0
        refused = [
            api.get(f"/v1/runs/{run_id}"),  # a hot path, served outside FastAPI's router
            api.get("/v1/runs"),
            api.post("/v1/templates", json=TEMPLATE),
            httpx.put(
                f"{server.url}/v1/runs/{run_id}/answers/s-ok", json=ANSWER, headers=executor, timeout=60
            ),
            httpx.get(f"{server.url}/v1/runs/{run_id}/state", headers=executor, timeout=60),
            # A key this process has not seen: the rate limiter looks it up before any route runs.
            httpx.get(f"{server.url}/v1/runs", headers={"Authorization": UNSEEN_KEY}, timeout=60),
        ]
        for answer in refused:
            assert answer.status_code == 503, (answer.request.url, answer.text)
            assert answer.json()["error"] == "service_unavailable"
            assert int(answer.headers["Retry-After"]) > 0
        while_down = log.read_bytes()[logged_before:].decode()
        assert "Traceback" not in while_down and "internal_error" not in while_down, while_down
        assert while_down.count("database unavailable") >= len(refused) + 1, while_down

        own_cluster.restart()
        # The first request after PostgreSQL's return is served: every connection the process held broke
        # while it was down and is made again as it is needed (health's own included).
        written = httpx.put(
            f"{server.url}/v1/runs/{run_id}/answers/s-ok", json=ANSWER, headers=executor, timeout=60
        )
        assert written.status_code == 200, written.text
        document = api.get(f"/v1/runs/{run_id}")
        assert document.status_code == 200 and document.json()["answers"]["s-ok"]["value"] is True
        assert httpx.get(f"{server.url}/v1/health", timeout=60).json()["status"] == "ok"
    finally:
        server.stop()
