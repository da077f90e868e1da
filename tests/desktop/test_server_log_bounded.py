"""The embedded server's log file (`logs/server.log`) stays bounded while the app stays open.

The server writes a warning line for every failed webhook attempt (ten per delivery over four days, by the
default schedule). The file was rolled to `server.log.1` only when the server started, so an app left open
for weeks with its receiver down grew it without end (bench/desktop_app_soak.py: the one file under the
app's home that grew with time). Now it is rolled past its bound as it is written."""

from __future__ import annotations

import time

import httpx

from rundun_desktop import server_process
from rundun_desktop.server_process import ChildServer
from tests.support.server_process import free_port

MAX_BYTES = 4000
DELIVERIES = 20
ATTEMPTS = 10  # RUNDUN_WEBHOOK_RETRY_SCHEDULE below: 9 retries, at once
TEMPLATE = {
    "name": "Log check",
    "sections": [
        {"id": "g-1", "title": "Main", "steps": [{"id": "s-ok", "type": "boolean", "label": "All good?"}]}
    ],
}


def attempts_made(http: httpx.Client, run_ids: list[str]) -> int:
    return sum(
        delivery["attempts"]
        for run_id in run_ids
        for delivery in http.get(f"/v1/runs/{run_id}/webhook-deliveries").json()["data"]
    )


def test_the_embedded_servers_log_is_rolled_while_it_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(server_process, "SERVER_LOG_MAX_BYTES", MAX_BYTES)
    monkeypatch.setenv("RUNDUN_WEBHOOK_RETRY_SCHEDULE", ",".join(["0"] * (ATTEMPTS - 1)))
    log_file = tmp_path / "logs" / "server.log"
    log_file.parent.mkdir()
    server = ChildServer(tmp_path / "server", log_file=log_file)
    server.start()
    try:
        hook = f"http://127.0.0.1:{free_port()}/hook"  # nothing listens there: every attempt is refused
        auth = {"Authorization": f"Bearer {server.first_key}"}
        with httpx.Client(base_url=server.url, headers=auth, timeout=30) as http:
            created = http.post("/v1/templates", json=TEMPLATE)
            assert created.status_code == 201, created.text
            template_id = created.json()["id"]
            run_ids = []
            for n in range(DELIVERIES):  # one delivery each: run.cancelled
                body = {"template_id": template_id, "webhook": {"url": hook, "events": ["run.cancelled"]}}
                run_ids.append(http.post("/v1/runs", json=body).json()["run_id"])
                assert http.post(f"/v1/runs/{run_ids[-1]}/cancel", json={}).status_code == 200, n
            deadline = time.monotonic() + 120
            while attempts_made(http, run_ids) < DELIVERIES * ATTEMPTS:
                assert time.monotonic() < deadline, f"{attempts_made(http, run_ids)} attempts made"
                time.sleep(0.2)
        lines = log_file.read_text().splitlines()
        rolled = log_file.with_name("server.log.1")
        written = [line for line in lines if "failed" in line]
        longest = max(map(len, lines), default=0) + 1
        # Two hundred warning lines (each well over 60 bytes) were written: more than three times the bound.
        assert rolled.exists(), f"never rolled: {log_file.stat().st_size} bytes in {len(lines)} lines"
        assert written, lines
        assert log_file.stat().st_size <= MAX_BYTES + longest
        assert rolled.stat().st_size <= MAX_BYTES + longest
        assert server.alive()  # and it still writes where the app reads
        assert httpx.get(f"{server.url}/v1/health").status_code == 200
    finally:
        server.stop()
