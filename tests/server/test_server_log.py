"""What `rundun-server serve` writes to stderr: its own INFO lines (pruning) and one line per failed webhook
attempt, without a stack trace or the receiver's path (an operator's audit saw neither kind of line)."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from tests.support.fixtures import wait_for
from tests.support.hooks import minimal
from tests.support.server_process import ServerProcess, init_org

pytestmark = pytest.mark.sqlite_only


def test_the_server_logs_pruning_and_each_failed_webhook_attempt_in_one_line(tmp_path: Path):
    key = init_org(tmp_path)
    with socket.socket() as closed:  # a port where nothing listens
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    env = {
        "RUNDUN_LOG_LEVEL": "info",
        "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "true",
        "RUNDUN_WEBHOOK_RETRY_SCHEDULE": "0.1,0.1",
        "RUNDUN_EVENTS_RETENTION_DAYS": "0.000001",
        "RUNDUN_WEBHOOK_ATTEMPTS_RETENTION_DAYS": "0.000001",
        "RUNDUN_PRUNE_INTERVAL": "0.5",
    }
    server = ServerProcess(tmp_path, env=env).start()
    log = tmp_path / "server.log"
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            tid = c.post("/v1/templates", json=minimal()).json()["id"]
            hook = f"http://127.0.0.1:{port}/hook?token=secret-in-query"
            run_id = c.post("/v1/runs", json={"template_id": tid, "webhook": {"url": hook}}).json()["run_id"]
            assert c.post(f"/v1/runs/{run_id}/cancel").status_code == 200

            def failed() -> list[str]:
                return [
                    line for line in log.read_text().splitlines() if "rundun.webhooks: webhook whd_" in line
                ]

            wait_for(lambda: len(failed()) == 3, "three failed attempts were not logged")
            wait_for(lambda: "rundun.upkeep: pruned " in log.read_text(), "pruning was not logged")
    finally:
        server.stop()
    text = log.read_text()
    assert all(f"to http://127.0.0.1:{port} failed" in line for line in failed())
    assert "secret-in-query" not in text and "Traceback" not in text
