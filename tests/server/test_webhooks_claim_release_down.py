"""A webhook attempt that ends while PostgreSQL is down (restarting under load: an operator's walk) cannot
record itself nor give its claim back. Both are told in one line each, "database unavailable", as every
failure of a database that cannot be reached is (server/services/database_down.py); giving the claim back
logged a traceback. The delivery is sent again once PostgreSQL is back."""

from __future__ import annotations

import logging

from tests.support.fixtures import make_api, wait_for
from tests.support.postgres import start_cluster
from tests.support.receiver import Receiver

TEMPLATE = {
    "name": "Hooks",
    "sections": [{"id": "g-a", "title": "A", "steps": [{"id": "s-ok", "type": "boolean", "label": "OK?"}]}],
}


def test_an_attempt_ending_while_postgresql_is_down_logs_one_line_each(tmp_path, caplog):
    cluster = start_cluster(in_memory=True)  # its own: it is stopped and started again
    receiver = Receiver().start()
    made = make_api(
        tmp_path, database_url=cluster.new_database(), webhook_allow_private=True, webhook_retry_schedule="1"
    )
    try:
        api = next(made)
        auth = {"Authorization": f"Bearer {api.key}"}
        template_id = api.client.post("/v1/templates", json=TEMPLATE, headers=auth).json()["id"]
        receiver.released.clear()  # the attempt reaches the receiver and waits there for its answer
        hook = {"url": receiver.url(), "events": ["run.opened"]}
        run = api.client.post("/v1/runs", json={"template_id": template_id, "webhook": hook}, headers=auth)
        assert api.client.post(f"/v1/runs/{run.json()['run_id']}/open", json={}).status_code == 200
        receiver.wait_count(1)
        caplog.set_level(logging.WARNING, logger="rundun")
        cluster.crash()
        receiver.released.set()  # answered now, while PostgreSQL is down
        wait_for(
            lambda: any("releasing the claim" in r.getMessage() for r in caplog.records),
            "the claim was never given back",
        )
        released = [r for r in caplog.records if "releasing the claim" in r.getMessage()]
        assert all("database unavailable" in r.getMessage() and not r.exc_info for r in released), [
            (r.getMessage(), r.exc_info) for r in released
        ]
        cluster.restart()
        wait_for(lambda: len(receiver.ok()) >= 2, "the delivery was never sent again")
    finally:
        made.close()
        receiver.stop()
        cluster.stop()
