"""Helpers for sending hostile requests to the real server: raw bytes over ONE kept-alive connection, so
that a test sees both the status and whether the server dropped the connection."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from tests.support.samples import minimal
from tests.support.server_process import ServerProcess, init_org


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)


class KeptConnection:
    """One HTTP/1.1 connection; `send` fails the test if the server closes it (or never answers)."""

    def __init__(self, base_url: str, timeout: float = 60.0):
        parts = urlsplit(base_url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        self.conn.connect()
        self.sock = self.conn.sock

    def send(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Reply:
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        self.conn.request(method, path, body=body, headers=all_headers)
        response = self.conn.getresponse()
        data = response.read()
        reply = Reply(response.status, data, {k.lower(): v for k, v in response.getheaders()})
        assert self.conn.sock is self.sock, f"{method} {path}: the server closed the connection"
        assert reply.headers.get("connection", "").lower() != "close", f"{method} {path}: connection: close"
        return reply

    def close(self) -> None:
        self.conn.close()


def text_template() -> dict:
    """A template with a text step and skipping allowed: answers can carry any string."""
    template = minimal("Hostile", allow_skip=True)
    template["sections"][0]["steps"].append(
        {"id": "s-text", "type": "text", "label": "Notes", "required": False}
    )
    return template


@dataclass
class World:
    """What the hostile requests need: an API key, a template, and an opened run with its token."""

    url: str
    key: str
    template_id: str
    run_id: str
    token: str

    @property
    def api(self) -> dict:
        return {"Authorization": f"Bearer {self.key}"}

    @property
    def executor(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    def open_another_run(self) -> tuple[str, str]:
        with httpx.Client(base_url=self.url, headers=self.api, timeout=60) as http:
            run_id = http.post("/v1/runs", json={"template_id": self.template_id}).json()["run_id"]
            token = http.post(f"/v1/runs/{run_id}/open", json={}).json()["executor_token"]
        return run_id, token


def build_world(url: str, key: str) -> World:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
        created = http.post("/v1/templates", json=text_template())
        assert created.status_code == 201, created.text
        template_id = created.json()["id"]
        run_id = http.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]
        token = http.post(f"/v1/runs/{run_id}/open", json={}).json()["executor_token"]
    return World(url, key, template_id, run_id, token)


def serve_world(data_dir: Path, env: dict | None = None) -> Iterator[World]:
    """The real server (rate limit out of the way unless `env` says otherwise) with a World built on it."""
    key = init_org(data_dir, env=env)  # on the server's database (`RUNDUN_DATABASE_URL`, if `env` names one)
    server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "1000000", **(env or {})}).start(timeout=60)
    try:
        yield build_world(server.url, key)
    finally:
        server.stop()
