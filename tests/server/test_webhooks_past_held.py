"""A server process delivers the due webhooks no other process holds, however many another holds (an
operator's audit of three processes: every process asked for the same 32 earliest due deliveries and skipped
those another held, so the cluster had 32 attempts going, not 32 per process, and a receiver hanging until
its timeout delayed healthy runs' webhooks by ~19 s).

Another process's attempts are played here by this test's own session holding the claims
(`server.store.webhooks.claim`: a session advisory lock per run and URL) of the 32 earliest due deliveries,
as a process whose receiver hangs holds them. The runs dispatched after them are delivered meanwhile; once
the claims are given back, the held ones are delivered too (a process that finds due deliveries held
elsewhere looks again within a second)."""

from __future__ import annotations

import httpx
import psycopg

from server.services.webhooks import MAX_IN_FLIGHT
from tests.support.receiver import Receiver
from tests.support.server_process import ServerProcess, init_org

TEMPLATE = {
    "name": "Hooks",
    "sections": [{"id": "g-a", "title": "A", "steps": [{"id": "s-ok", "type": "boolean", "label": "OK?"}]}],
}
LATER = 4


def test_deliveries_past_those_held_by_another_process_go_out(pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    env = {"RUNDUN_DATABASE_URL": url, "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1", "RUNDUN_RATE_LIMIT": "1000000"}
    key = init_org(tmp_path, env=env)
    receiver = Receiver().start()
    server = ServerProcess(tmp_path, env=env).start()
    try:
        api = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60)
        template_id = api.post("/v1/templates", json=TEMPLATE).json()["id"]
        hook = {"url": receiver.url(), "events": ["run.opened"]}
        run_ids = [
            api.post("/v1/runs", json={"template_id": template_id, "webhook": hook}).json()["run_id"]
            for _ in range(MAX_IN_FLIGHT + LATER)
        ]
        held, later = run_ids[:MAX_IN_FLIGHT], run_ids[MAX_IN_FLIGHT:]
        with psycopg.connect(url, autocommit=True) as other_process:
            for run_id in held:
                claim = f"{run_id}\n{hook['url']}"
                other_process.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", (claim,))
            for run_id in run_ids:  # the held runs' deliveries fall due first
                assert api.post(f"/v1/runs/{run_id}/open", json={}).status_code == 200

            def delivered(items) -> set[str]:
                return {item.json["run_id"] for item in items}

            receiver.wait_for(lambda items: set(later) <= delivered(items))
            assert not delivered(receiver.received) & set(held)
        receiver.wait_for(lambda items: set(run_ids) <= delivered(items))  # the claims went with the session
    finally:
        server.stop()
        receiver.stop()
