"""An API key's use is recorded (`last_used_at`) in the background, off the request's path. When that write
failed (PostgreSQL restarting under load: an operator's walk), nobody read its failure, and asyncio logged
"Task exception was never retrieved" with two tracebacks, where a database that cannot be reached is one
log line (server/services/database_down.py). Now it is that line, and the use is recorded again with the
key's next request."""

from __future__ import annotations

import logging

import psycopg

from server.services import auth
from tests.support.fixtures import make_api, wait_for


def test_a_key_use_not_recorded_for_a_lost_link_is_one_line_and_recorded_later(tmp_path, pg_cluster, caplog):
    database = pg_cluster.new_database()
    made = make_api(tmp_path, database_url=database)
    api = next(made)
    try:
        ctx = api.client.app.state.ctx
        with psycopg.connect(database, autocommit=True) as conn:  # the writer's link goes, unseen by it
            conn.execute("SELECT pg_terminate_backend(%s)", (ctx.db._writer_pid,))
        caplog.set_level(logging.WARNING)
        headers = {"Authorization": f"Bearer {api.key}"}
        assert api.client.get("/v1/org", headers=headers).status_code == 200  # the key's use: recorded aside
        wait_for(lambda: not auth._background, "the key's use was never written")
        assert not [r for r in caplog.records if r.exc_info or "never retrieved" in r.getMessage()], [
            r.getMessage() for r in caplog.records
        ]
        assert any("database unavailable" in r.getMessage() for r in caplog.records)

        assert api.client.get("/v1/org", headers=headers).status_code == 200  # the next request records it
        used = "SELECT last_used_at FROM api_keys"
        wait_for(
            lambda: ctx.db.read(lambda c: c.execute(used).fetchone()[0]) is not None,
            "the key's use was never recorded",
        )
    finally:
        made.close()
