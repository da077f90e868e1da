"""A server process frozen in the middle of a webhook attempt (SIGSTOP: a stopped process, a paused VM) does not
keep its run's deliveries from the other processes (PostgreSQL, SPEC §9: "a process killed mid-delivery leaves
nothing stuck"). A killed process's session ends and its claim with it; a frozen one's kernel keeps the link
alive, so its claim used to stay until it woke up, however long that was. Its session now ends once idle
`RUNDUN_WEBHOOK_CLAIM_TIMEOUT` seconds while it holds claims, and another process delivers the event; when the
frozen one wakes and records its own attempt, the delivery stays delivered."""

from __future__ import annotations

import os
import signal
import time

import httpx

from tests.support.receiver import Receiver
from tests.support.server_process import ServerProcess, init_org

TEMPLATE = {
    "name": "Hooks",
    "sections": [{"id": "g-a", "title": "A", "steps": [{"id": "s-ok", "type": "boolean", "label": "OK?"}]}],
}


def test_a_frozen_process_loses_its_claims_to_another(pg_cluster, tmp_path):
    env = {
        "RUNDUN_DATABASE_URL": pg_cluster.new_database(),
        "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1",
        "RUNDUN_WEBHOOK_CLAIM_TIMEOUT": "1",
        "RUNDUN_WEBHOOK_TIMEOUT": "300",  # the frozen process's attempt is still "in its time" throughout
        "RUNDUN_WEBHOOK_RETRY_SCHEDULE": "0",  # had its failure made the delivery pending, it would be sent again
    }
    key = init_org(tmp_path, env=env)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    receiver = Receiver().start()
    receiver.released.clear()  # the first attempt reaches the receiver and waits for its answer,
    receiver.fail_next(1)  # which is a failure, recorded once its process wakes up
    frozen = ServerProcess(tmp_path / "a", env=env).start()
    other = None
    try:
        api = httpx.Client(base_url=frozen.url, headers={"Authorization": f"Bearer {key}"}, timeout=60)
        template_id = api.post("/v1/templates", json=TEMPLATE).json()["id"]
        hook = {"url": receiver.url(), "events": ["run.opened"]}
        run_id = api.post("/v1/runs", json={"template_id": template_id, "webhook": hook}).json()["run_id"]
        assert api.post(f"/v1/runs/{run_id}/open", json={}).status_code == 200
        first = receiver.wait_count(1)[0]
        assert frozen.proc is not None
        os.kill(frozen.proc.pid, signal.SIGSTOP)  # mid-attempt, its claim held
        try:
            other = ServerProcess(tmp_path / "b", env=env).start()
            receiver.released.set()  # from now on answered at once (the frozen one's answer waits in its socket)
            again = receiver.wait_for(lambda items: len(items) >= 2 and items[1].status == 200)[1]
            assert again.event_id == first.event_id
            other_api = httpx.Client(
                base_url=other.url, headers={"Authorization": f"Bearer {key}"}, timeout=60
            )
            while deliveries(other_api, run_id)[0]["status"] != "delivered":
                time.sleep(0.05)
        finally:
            os.kill(frozen.proc.pid, signal.SIGCONT)

        # The woken process records its own attempt too, a 500: the delivery stays delivered (not due again).
        while len(deliveries(other_api, run_id)[0]["attempts_log"]) < 2:
            time.sleep(0.05)
        assert [d["status"] for d in deliveries(other_api, run_id)] == ["delivered"]
        assert sorted(a["status_code"] for a in deliveries(other_api, run_id)[0]["attempts_log"]) == [
            200,
            500,
        ]
        assert len(receiver.received) == 2
        assert api.get("/v1/health").status_code == 200  # the woken process serves again
    finally:
        frozen.stop()
        if other is not None:
            other.stop()
        receiver.stop()


def deliveries(api: httpx.Client, run_id: str) -> list[dict]:
    r = api.get(f"/v1/runs/{run_id}/webhook-deliveries")
    assert r.status_code == 200, r.text
    return r.json()["data"]
