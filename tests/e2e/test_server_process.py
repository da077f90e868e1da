"""End-to-end against the real `rundun-server` process on loopback: the CLI and the API over HTTP."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import subprocess
import sys
import time

import httpx

from tests.support.fixtures import first_org_id
from tests.support.samples import vehicle_inspection
from tests.support.server_process import SERVER_BIN, ServerProcess, free_port, init_org, run_cli


def test_init_prints_the_key_last_and_stores_only_its_hash(tmp_path):
    done = run_cli("init", "--data-dir", str(tmp_path), "--org", "Acme Rentals", "--plan", "starter")
    assert done.returncode == 0, done.stderr
    key = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"rdk_live_[0-9a-f]{32}", key)
    conn = sqlite3.connect(tmp_path / "rundun.db")
    assert key not in "\n".join(conn.iterdump())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT name, plan FROM orgs").fetchall() == [("Acme Rentals", "starter")]
    assert [r[0] for r in conn.execute("SELECT id FROM migrations ORDER BY id")][:1] == [1]


def test_init_rejects_an_unknown_plan(tmp_path):
    done = run_cli("init", "--data-dir", str(tmp_path), "--org", "Acme", "--plan", "platinum")
    assert done.returncode != 0 and "platinum" in done.stderr


def test_credits_add(tmp_path, db_env):
    init_org(tmp_path, plan="starter", env=db_env)
    org_id = first_org_id(tmp_path, db_env)
    done = run_cli("credits", "add", "--data-dir", str(tmp_path), "--org", org_id, "25", env=db_env)
    assert done.returncode == 0 and "balance 25" in done.stdout
    missing = run_cli("credits", "add", "--data-dir", str(tmp_path), "--org", "org-nope", "5", env=db_env)
    assert missing.returncode == 1 and "no organisation" in missing.stderr
    zero = run_cli("credits", "add", "--data-dir", str(tmp_path), "--org", org_id, "0", env=db_env)
    assert zero.returncode == 2


def test_serve_on_an_empty_data_dir_bootstraps_and_prints_the_key(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [*SERVER_BIN, "serve", "--data-dir", str(tmp_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = []
        deadline = time.monotonic() + 120  # generous: a busy machine takes its time to import the server
        while time.monotonic() < deadline and not any("/v1" in line for line in lines):
            lines.append(proc.stdout.readline())
        key = next(line.strip() for line in lines if line.startswith("rdk_live_"))
        url = next(re.search(r"http://\S+/v1", line).group(0) for line in lines if "/v1" in line)
        assert url == f"http://127.0.0.1:{port}/v1"
        deadline = time.monotonic() + 60
        while True:  # it prints its address as it starts listening: retry until it answers
            try:
                r = httpx.get(f"{url}/org", headers={"Authorization": f"Bearer {key}"}, timeout=30)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.05)
        assert r.status_code == 200 and r.json()["plan"] == "unlimited"
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_whole_api_over_http(tmp_path, db_env):
    """init → key → templates → dispatch → preview → quota → rate limit, as a customer would."""
    key = init_org(tmp_path, org="Acme", plan="starter", env=db_env)
    server = ServerProcess(tmp_path, env={"RUNDUN_RATE_LIMIT": "40", **db_env}).start()
    try:
        http = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=10)
        created = http.post("/v1/templates", json=vehicle_inspection())
        assert created.status_code == 201
        tid = created.json()["id"]
        run = http.post(
            "/v1/runs", json={"template_id": tid, "executor_ref": "booking_12345", "expires_in_hours": 24}
        )
        assert run.status_code == 201
        link = run.json()["link"]
        assert link == f"{server.url}/r/{run.json()['run_id']}"
        preview = httpx.get(f"{server.url}/v1/runs/{run.json()['run_id']}/preview")
        assert (
            preview.status_code == 200 and preview.json()["template_name"] == "Vehicle pre-rental inspection"
        )
        page = httpx.get(link)
        assert page.status_code == 200 and "rundun://r/" in page.text
        doc = http.get(f"/v1/runs/{run.json()['run_id']}").json()
        assert doc["executor_ref"] == "booking_12345" and doc["status"] == "pending"
        for _ in range(29):
            assert http.post("/v1/runs", json={"template_id": tid}).status_code == 201
        over = http.post("/v1/runs", json={"template_id": tid})
        assert over.status_code == 402 and over.json()["error"] == "quota_exceeded"
        assert "30 runs included in your Starter plan" in over.json()["message"]
        codes = [http.get("/v1/org").status_code for _ in range(10)]
        assert 429 in codes
        limited = http.get("/v1/org")
        assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
        assert limited.headers["X-RateLimit-Limit"] == "40"
    finally:
        server.stop()


def test_acknowledged_writes_survive_sigkill(tmp_path, db_env):
    key = init_org(tmp_path, env=db_env)
    server = ServerProcess(tmp_path, env=db_env).start()
    http = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60)
    tid = http.post("/v1/templates", json=vehicle_inspection()).json()["id"]
    run_ids = [http.post("/v1/runs", json={"template_id": tid}).json()["run_id"] for _ in range(20)]
    server.kill()
    server.start()
    try:
        listed = http.get("/v1/runs").json()
        assert {r["run_id"] for r in listed["data"]} == set(run_ids)
    finally:
        server.stop()


def test_python_m_server_cli_help():
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "--help"], check=False, capture_output=True, text=True
    )
    assert (
        done.returncode == 0 and "init" in done.stdout and "serve" in done.stdout and "credits" in done.stdout
    )


def test_concurrent_dispatches_are_grouped_never_overspend_and_survive_sigkill(tmp_path, db_env):
    """60 dispatches at once on a Starter plan (30 included) with 5 credits: the server groups them into
    writer jobs, yet exactly 35 get a run and 25 a 402; every acknowledged run survives a SIGKILL, and its
    snapshot (kept by reference) is the template version it was dispatched from."""
    key = init_org(tmp_path, plan="starter", env=db_env)
    org_id = first_org_id(tmp_path, db_env)
    assert (
        run_cli("credits", "add", "--data-dir", str(tmp_path), "--org", org_id, "5", env=db_env).returncode
        == 0
    )
    server = ServerProcess(tmp_path, env=db_env).start()
    auth = {"Authorization": f"Bearer {key}"}
    template = httpx.post(f"{server.url}/v1/templates", json=vehicle_inspection(), headers=auth).json()

    async def dispatch_all() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=server.url, headers=auth, timeout=20) as http:
            return await asyncio.gather(
                *(http.post("/v1/runs", json={"template_id": template["id"]}) for _ in range(60))
            )

    try:
        responses = asyncio.run(dispatch_all())
        codes = [r.status_code for r in responses]
        assert codes.count(201) == 35 and codes.count(402) == 25
        run_ids = {r.json()["run_id"] for r in responses if r.status_code == 201}
        server.kill()
        server.start()
        listed = httpx.get(f"{server.url}/v1/runs?per_page=100", headers=auth).json()
        assert {r["run_id"] for r in listed["data"]} == run_ids
        usage = httpx.get(f"{server.url}/v1/org", headers=auth).json()["usage"]
        assert usage["runs_used_this_month"] == 35 and usage["run_credits"] == 0
        httpx.patch(
            f"{server.url}/v1/templates/{template['id']}", json={"name": "Renamed later"}, headers=auth
        )
        doc = httpx.get(f"{server.url}/v1/runs/{next(iter(run_ids))}?include=template", headers=auth).json()
        assert doc["template"] == template and doc["template_v"] == 1
    finally:
        server.stop()
