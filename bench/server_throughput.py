"""Throughput of the real Rundun server against a bare Starlette endpoint under the same uvicorn.

    .venv/bin/python bench/server_throughput.py [--seconds 10] [--connections 32]

Both run as one uvicorn worker on loopback and are loaded by the same `wrk` (Debian package `wrk`) with the
same connections; the figures are printed as ratios of the bare endpoint, since this machine is noisy.
Targets (issue 2): dispatch ≥ 0.20 of bare, get ≥ 0.35, p99 ≤ 50 ms, zero errors.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.server_process import ServerProcess, free_port, init_org

TEMPLATE = json.loads((ROOT / "resources" / "templates" / "vehicle-pre-rental.json").read_text())


def wrk(
    url: str, seconds: int, connections: int, *, body: dict | None = None, headers: dict | None = None
) -> dict:
    """Run wrk (one thread: the server has one core to itself) and parse req/s, p99 and errors."""
    script = None
    args = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if body is not None or headers:
        lua = "wrk.method = '%s'\n" % ("POST" if body is not None else "GET")
        if body is not None:
            lua += f"wrk.body = [[{json.dumps(body)}]]\n"
        for name, value in {**(headers or {}), "Content-Type": "application/json"}.items():
            lua += f'wrk.headers["{name}"] = "{value}"\n'
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(lua)
        args += ["-s", script.name]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    if script:
        os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    if socket_errors:
        errors += sum(int(g) for g in socket_errors.groups())
    return {"rps": rps, "p99_ms": p99, "errors": errors}


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def start_bare(port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.bare_app:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
    )
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/items/1", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("bare app did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-bench-"))
    key = init_org(data_dir)
    server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "100000000"}).start()
    bare_port = free_port()
    bare = start_bare(bare_port)
    try:
        auth = {"Authorization": f"Bearer {key}"}
        template = httpx.post(f"{server.url}/v1/templates", json=TEMPLATE, headers=auth).json()
        run = httpx.post(f"{server.url}/v1/runs", json={"template_id": template["id"]}, headers=auth).json()
        dispatch_body = {"template_id": template["id"], "executor_ref": "bench", "expires_in_hours": 24}
        n, c = args.seconds, args.connections
        wrk(f"{server.url}/v1/runs/{run['run_id']}", 2, c, headers=auth)  # warm-up
        results = {
            "bare GET": wrk(f"http://127.0.0.1:{bare_port}/items/1", n, c),
            "GET /v1/runs/{id}": wrk(f"{server.url}/v1/runs/{run['run_id']}", n, c, headers=auth),
            "bare POST": wrk(f"http://127.0.0.1:{bare_port}/items", n, c, body=dispatch_body),
            "POST /v1/runs": wrk(f"{server.url}/v1/runs", n, c, body=dispatch_body, headers=auth),
        }
    finally:
        server.stop()
        bare.terminate()
        bare.wait()
        shutil.rmtree(data_dir, ignore_errors=True)
    bare_get = results["bare GET"]["rps"]
    print(f"{'endpoint':<20}{'req/s':>10}{'p99 ms':>10}{'errors':>8}{'÷ bare GET':>12}")
    for name, r in results.items():
        print(f"{name:<20}{r['rps']:>10.0f}{r['p99_ms']:>10.1f}{r['errors']:>8}{r['rps'] / bare_get:>12.2f}")
    print(
        f"\ndispatch ratio {results['POST /v1/runs']['rps'] / bare_get:.2f} (target ≥ 0.20), "
        f"get ratio {results['GET /v1/runs/{id}']['rps'] / bare_get:.2f} (target ≥ 0.35)"
    )


if __name__ == "__main__":
    main()
