"""Schemathesis against the running server's `/v1/openapi.json`: every default check, a fixed seed and
bounded examples. No 5xx anywhere, and every response conforms to the documented schema.

It runs the `schemathesis` command (its pytest plugin does not load under pytest 9) against the real
`rundun-server serve` process; `schemathesis.toml` beside this file explains its one setting.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.support.executor import every_type
from tests.support.server_process import ServerProcess, init_org

HERE = Path(__file__).parent
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
# Serializers schemathesis lacks (tus PATCH bodies), from tests/e2e/schemathesis_hooks.py.
HOOKS = {"SCHEMATHESIS_HOOKS": "tests.e2e.schemathesis_hooks", "PYTHONPATH": str(HERE.parents[1])}


@pytest.mark.timeout(900)
def test_the_api_conforms_to_its_openapi_document(tmp_path):
    key = init_org(tmp_path)
    har = tmp_path / "schemathesis.har"
    server = ServerProcess(tmp_path, env={"RUNDUN_RATE_LIMIT": "100000000"}).start()
    try:
        auth = {"Authorization": f"Bearer {key}"}
        # Something to find, so reads and writes of real ids are exercised too.
        tid = httpx.post(f"{server.url}/v1/templates", json=every_type(), headers=auth).json()["id"]
        # Opened runs for the executor operations (schemathesis.toml sends their token and run id there):
        # one for answers, photos, uploads and state, one for exit and complete, which end a run.
        executor_env = {}
        for name in ("RUN", "CLOSING_RUN"):
            run_id = httpx.post(f"{server.url}/v1/runs", json={"template_id": tid}, headers=auth).json()[
                "run_id"
            ]
            opened = httpx.post(f"{server.url}/v1/runs/{run_id}/open", json={}).json()
            executor_env[f"RUNDUN_ST_{name}_ID"] = run_id
            executor_env[f"RUNDUN_ST_{name}_TOKEN"] = opened["executor_token"]
        done = subprocess.run(
            [
                str(SCHEMATHESIS),
                "--config-file",
                str(HERE / "schemathesis.toml"),
                "run",
                f"{server.url}/v1/openapi.json",
                "--header",
                f"Authorization: Bearer {key}",
                "--seed",
                "20261125",
                "--max-examples",
                "25",
                # One worker: with two threads, CPython 3.11.7 can fail inside schemathesis with "SystemError: AST
                # constructor recursion depth mismatch" (hypothesis parsing lambda sources with ast in both threads).
                "--workers",
                "1",
                "--no-shrink",
                "--report",
                "har",
                "--report-har-path",
                str(har),
                # The TDL body of POST /v1/templates (nested unions, id patterns) makes Hypothesis discard many
                # draws; this health check judges the generator's efficiency, not the API. Every check stays on.
                "--suppress-health-check",
                "filter_too_much",
                # Revoking keys would revoke the key the run itself uses; tests/server covers revocation.
                "--exclude-path-regex",
                r"^/v1/api-keys/\{key_id\}$",
                # An endless text/event-stream never completes a response; tests/server/test_webhooks_sse.py.
                "--exclude-path-regex",
                r"^/v1/events$",
            ],
            capture_output=True,
            text=True,
            timeout=800,
            check=False,
            env={**os.environ, "NO_COLOR": "1", **HOOKS, **executor_env},
        )
        executor_calls = _executor_calls(har, executor_env)
    finally:
        server.stop()
    assert done.returncode == 0, done.stdout[-20000:] + done.stderr[-5000:]
    assert "Tested:" in done.stdout
    # The executor operations were reached with a valid token, not only refused for the lack of one.
    assert executor_calls["answers"] and executor_calls["sync"] and executor_calls["uploads"], executor_calls


def _executor_calls(har: Path, executor_env: dict) -> dict[str, int]:
    """How many requests to the opened run's answers, sync and uploads the executor token got past (any
    status but 401), from schemathesis's HAR report."""
    run_id = executor_env["RUNDUN_ST_RUN_ID"]
    counts = {"answers": 0, "sync": 0, "uploads": 0}
    for entry in json.loads(har.read_text())["log"]["entries"]:
        url, status = entry["request"]["url"], entry["response"]["status"]
        if f"/v1/runs/{run_id}/" not in url or status == 401:
            continue
        for name in counts:
            if f"/{name}" in url:
                counts[name] += 1
    return counts
