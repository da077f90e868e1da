"""Helpers for the executor protocol tests: templates with every step type, dispatch + open, image bytes."""

from __future__ import annotations

import base64
import hashlib
import os

import httpx

from tests.support.samples import minimal

NOW = "2026-05-22T08:31:00Z"


def every_type(**settings) -> dict:
    """A template with one step of every type, a geo step and a step shown only when s-bool is false."""
    steps = [
        {"id": "s-bool", "type": "boolean", "label": "OK?"},
        {"id": "s-num", "type": "number", "label": "Km", "config": {"min": 0, "max": 100, "decimal": 1}},
        {"id": "s-text", "type": "text", "label": "Notes", "config": {"max_length": 20}},
        {
            "id": "s-choice",
            "type": "choice",
            "label": "Fuel",
            "config": {"options": [{"id": "o-a", "label": "A"}, {"id": "o-b", "label": "B"}]},
        },
        {
            "id": "s-multi",
            "type": "multi_choice",
            "label": "Damage",
            "config": {
                "options": [
                    {"id": "o-x", "label": "X"},
                    {"id": "o-y", "label": "Y"},
                    {"id": "o-z", "label": "Z"},
                ],
                "min_selected": 1,
                "max_selected": 2,
            },
        },
        {"id": "s-rate", "type": "rating", "label": "Clean", "config": {"min": 1, "max": 5}},
        {"id": "s-photo", "type": "photo", "label": "Pictures", "config": {"min": 1, "max": 2}},
        {
            "id": "s-date",
            "type": "date",
            "label": "Day",
            "config": {"min": "2026-01-01", "max": "2026-12-31"},
        },
        {"id": "s-time", "type": "time", "label": "When"},
        {"id": "s-sig", "type": "signature", "label": "Sign here"},
        {"id": "s-info", "type": "instruction", "label": "Read this", "config": {"body": "Be careful"}},
        {"id": "s-geo", "type": "boolean", "label": "Parked?", "geo": True, "photo": {"min": 1, "max": 2}},
        {
            "id": "s-why",
            "type": "text",
            "label": "Why not OK?",
            "condition": {"when": {"step": "s-bool", "op": "eq", "value": False}},
        },
    ]
    return {
        "name": "Every type",
        "settings": settings,
        "sections": [{"id": "g-1", "title": "All", "steps": steps}],
    }


def with_execution(body: dict, **execution) -> dict:
    return {**body, "execution": execution}


def many_steps(count: int) -> dict:
    """`count` number steps (s-0 … s-{count-1}), for the sync benchmark and batch tests."""
    steps = [{"id": f"s-{i}", "type": "number", "label": f"Reading {i}"} for i in range(count)]
    return {"name": f"{count} readings", "sections": [{"id": "g-1", "title": "Readings", "steps": steps}]}


def template(api, body: dict | None = None) -> str:
    r = api.post("/v1/templates", json=body or minimal())
    assert r.status_code == 201, r.text
    return r.json()["id"]


def dispatch(api, body: dict | None = None, **extra) -> str:
    r = api.post("/v1/runs", json={"template_id": template(api, body), **extra})
    assert r.status_code == 201, r.text
    return r.json()["run_id"]


def open_run(api, run_id: str, body: dict | None = None, headers: dict | None = None) -> dict:
    r = api.post(f"/v1/runs/{run_id}/open", json=body or {}, auth=False, headers=headers or {})
    assert r.status_code == 200, r.text
    return r.json()


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


class Executor:
    """An opened run seen from the executor's side (no API key, the `rde_` token)."""

    def __init__(self, api, run_id: str, token: str):
        self.api, self.run_id, self.token = api, run_id, token

    @classmethod
    def start(cls, api, body: dict | None = None, **dispatch_extra) -> Executor:
        run_id = dispatch(api, body or every_type(), **dispatch_extra)
        return cls(api, run_id, open_run(api, run_id)["executor_token"])

    def call(self, method: str, path: str, **kwargs) -> httpx.Response:
        headers = {**bearer(self.token), **kwargs.pop("headers", {})}
        return self.api.request(
            method, f"/v1/runs/{self.run_id}{path}", auth=False, headers=headers, **kwargs
        )

    def answer(self, step_id: str, value=None, at: str = NOW, **extra) -> httpx.Response:
        return self.call("PUT", f"/answers/{step_id}", json={"value": value, "at": at, **extra})

    def photo(self, step_id: str, index: int, data: bytes, **headers) -> httpx.Response:
        return self.call("PUT", f"/answers/{step_id}/photos/{index}", content=data, headers=headers)

    def sync(self, ops: list[dict]) -> httpx.Response:
        return self.call("POST", "/sync", json={"ops": ops})

    def complete(self, at: str = NOW) -> httpx.Response:
        return self.call("POST", "/complete", json={"at": at})

    def state(self) -> dict:
        r = self.call("GET", "/state")
        assert r.status_code == 200, r.text
        return r.json()


# -- images: only their first bytes matter to the server ---------------------------------------------------
def jpeg(size: int = 2048) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(size)


def png(size: int = 2048) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(size)


def webp(size: int = 2048) -> bytes:
    return b"RIFF" + (size + 4).to_bytes(4, "little") + b"WEBPVP8 " + os.urandom(size)


def heic(size: int = 2048, brand: bytes = b"heic") -> bytes:
    return b"\x00\x00\x00\x18ftyp" + brand + b"\x00\x00\x00\x00mif1" + brand + os.urandom(size)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_digest(data: bytes) -> str:
    return f"sha-256=:{base64.b64encode(hashlib.sha256(data).digest()).decode()}:"
