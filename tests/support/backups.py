"""What the backup tests share: a populated organisation (runs, answers, photos) and run documents compared
without what depends on the serving address."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.executor import every_type, jpeg, png
from tests.support.server_process import ServerProcess, init_org

NOW = "2026-05-22T08:31:00Z"


def comparable(doc: dict) -> dict:
    """A run document without what depends on the serving address (signed URLs carry host and port)."""
    answers = {
        step: {**a, "photos": [{k: v for k, v in p.items() if k != "url"} for p in a["photos"]]}
        for step, a in doc["answers"].items()
    }
    return {**doc, "answers": answers}


def populate(client: httpx.Client, count: int) -> list[str]:
    """`count` opened runs of an every-type template, each with a number answer and one or two photos."""
    template_id = client.post("/v1/templates", json=every_type()).json()["id"]
    run_ids = []
    for i in range(count):
        run = client.post("/v1/runs", json={"template_id": template_id, "executor_ref": f"r{i}"}).json()
        token = client.post(f"/v1/runs/{run['run_id']}/open", json={}).json()["executor_token"]
        executor = {"Authorization": f"Bearer {token}"}
        base = f"/v1/runs/{run['run_id']}"
        assert (
            client.put(f"{base}/answers/s-num", json={"value": i, "at": NOW}, headers=executor).status_code
            == 200
        )
        for index, data in enumerate([jpeg(3000 + i), png(2000 + i)][: 1 + i % 2]):
            r = client.put(f"{base}/answers/s-photo/photos/{index}", content=data, headers=executor)
            assert r.status_code in (200, 201), r.text
        run_ids.append(run["run_id"])
    return run_ids


def photos_of(docs: dict[str, dict]) -> dict[tuple[str, str], bytes]:
    """Every photo's bytes, fetched through its signed URL, by (run id, sha256)."""
    return {
        (run_id, p["sha256"]): httpx.get(p["url"]).content
        for run_id, doc in docs.items()
        for p in doc["answers"]["s-photo"]["photos"]
    }


def populated_install(data_dir: Path, env: dict[str, str], runs: int) -> tuple[str, dict, dict]:
    """A new install in `data_dir` (its database and media store as `env` says) with `runs` populated runs,
    its server stopped again: (API key, run documents by id, `photos_of` them)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    key = init_org(data_dir, env=env)
    server = ServerProcess(data_dir, env=env).start()
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            docs = {run_id: c.get(f"/v1/runs/{run_id}").json() for run_id in populate(c, runs)}
            return key, docs, photos_of(docs)
    finally:
        server.stop()


def assert_serves_the_photos(data_dir: Path, env: dict[str, str], key: str, photos: dict) -> None:
    """A server on `data_dir` with `env` serves every photo of `photos` byte-identical."""
    server = ServerProcess(data_dir, env=env).start()
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            for run_id in {run_id for run_id, _ in photos}:
                for p in c.get(f"/v1/runs/{run_id}").json()["answers"]["s-photo"]["photos"]:
                    assert httpx.get(p["url"]).content == photos[(run_id, p["sha256"])]
    finally:
        server.stop()
