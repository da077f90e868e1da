"""The organisation's side of a live server, as the tests reach it: templates, dispatch, run documents."""

from __future__ import annotations

import httpx


class Org:
    """An httpx client with the org's API key, and the few calls the executor tests need."""

    def __init__(self, url: str, key: str):
        self.url = url
        self.http = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=20)

    def dispatch(self, body: dict, **extra) -> str:
        """Create a template from `body`, dispatch a run of it; returns the run's link."""
        r = self.http.post("/v1/templates", json=body)
        assert r.status_code == 201, r.text
        r = self.http.post("/v1/runs", json={"template_id": r.json()["id"], **extra})
        assert r.status_code == 201, r.text
        return r.json()["link"]

    def run_doc(self, run_id: str) -> dict:
        r = self.http.get(f"/v1/runs/{run_id}")
        assert r.status_code == 200, r.text
        return r.json()

    def values(self, run_id: str) -> dict:
        return {k: v["value"] for k, v in self.run_doc(run_id)["answers"].items()}
