"""How many PostgreSQL connections a burst of tus uploads takes: N uploads stalled mid-body across three
`rundun-server` processes on one throwaway cluster (tests/support/postgres.py, `max_connections=300`).

    .venv/bin/python bench/pg_upload_connections.py [N] [RUNDUN_SETTING=value ...]

Prints the connections at rest, their peak while the uploads are held (sampled every 0.1 s from outside),
whether health and a dispatch are still answered on every process meanwhile, the connections once the
uploads' clients are gone, and the "too many clients" refusals in each process's log. Justifies
RUNDUN_UPLOAD_CONNECTIONS (README, "Connections, and PostgreSQL's max_connections"): before it, 200 uploads
asked for 400 connections and the cluster refused about 115 of them on every process.
"""

from __future__ import annotations

import base64
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.executor import every_type, jpeg
from tests.support.postgres import start_cluster
from tests.support.server_process import init_org, started_processes

META = f"step_id {base64.b64encode(b's-photo').decode()},photo_index {base64.b64encode(b'0').decode()}"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and "=" not in sys.argv[1] else 200
    extra = dict(arg.split("=", 1) for arg in sys.argv[1:] if "=" in arg)
    cluster = start_cluster()
    root = Path(tempfile.mkdtemp(prefix="rundun-conns-"))
    try:
        database = cluster.new_database()
        name = database.rsplit("/", 1)[1]
        env = {"RUNDUN_DATABASE_URL": database, "RUNDUN_RATE_LIMIT": "1000000", **extra}
        key = init_org(root / "a", env=env)
        auth = {"Authorization": f"Bearer {key}"}

        def connections() -> int:
            with psycopg.connect(cluster.url(), autocommit=True) as conn:
                query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                return conn.execute(query, (name,)).fetchone()[0]

        with started_processes(root, ("a", "b", "c"), env) as processes:
            tid = httpx.post(
                f"{processes[0].url}/v1/templates", json=every_type(), headers=auth, timeout=30
            ).json()["id"]
            print("connections at rest, 3 processes:", connections())
            peak, stop = [0], threading.Event()

            def sample() -> None:
                while not stop.is_set():
                    peak[0] = max(peak[0], connections())
                    time.sleep(0.1)

            threading.Thread(target=sample, daemon=True).start()
            data = jpeg(3_000_000)
            held = []
            for i in range(n):
                server = processes[i % 3]
                run = httpx.post(f"{server.url}/v1/runs", json={"template_id": tid}, headers=auth, timeout=30)
                run_id = run.json()["run_id"]
                token = httpx.post(f"{server.url}/v1/runs/{run_id}/open", json={}, timeout=30).json()[
                    "executor_token"
                ]
                path = httpx.post(
                    f"{server.url}/v1/runs/{run_id}/uploads/",
                    headers={
                        "Tus-Resumable": "1.0.0",
                        "Authorization": f"Bearer {token}",
                        "Upload-Length": str(len(data)),
                        "Upload-Metadata": META,
                    },
                    timeout=30,
                ).headers["Location"]
                s = socket.create_connection(("127.0.0.1", server.port))
                s.sendall(
                    (
                        f"PATCH {path} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nAuthorization: Bearer "
                        f"{token}\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                        f"Content-Length: {len(data)}\r\n\r\n"
                    ).encode()
                    + data[:1_500_000]
                )
                held.append(s)
            time.sleep(8)  # a measurement's window, not a wait for a condition
            print(f"{n} uploads held: connections peak {peak[0]}")
            print(
                "health meanwhile:",
                [httpx.get(f"{p.url}/v1/health", timeout=30).status_code for p in processes],
            )
            print(
                "dispatch meanwhile:",
                [
                    httpx.post(
                        f"{p.url}/v1/runs", json={"template_id": tid}, headers=auth, timeout=30
                    ).status_code
                    for p in processes
                ],
            )
            for s in held:
                s.close()
            time.sleep(10)
            stop.set()
            print("connections after the clients left:", connections())
            for p in processes:
                log = (p.data_dir / "server.log").read_text()
                print(
                    f"process {p.data_dir.name}: 'too many clients' {log.count('too many clients')}, tracebacks {log.count('Traceback')}"
                )
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
