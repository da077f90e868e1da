"""The rate limiter's buckets (issue 13, point 3): keyed by a live key's hash or the client address, never
by a plaintext key, and a made-up key never gets a bucket of its own."""

from __future__ import annotations

import asyncio
import secrets

from server.api.middleware import RateLimit
from server.ids import sha256_hex
from server.services import upkeep
from tests.support.fixtures import sql


def _rate_limit(app) -> RateLimit:
    layer = app.middleware_stack
    while not isinstance(layer, RateLimit):
        layer = layer.app
    return layer


def test_buckets_hold_no_plaintext_key_and_unknown_keys_share_the_address(api):
    bogus = [f"rdk_live_{secrets.token_hex(16)}" for _ in range(50)]
    for key in bogus:
        assert api.get("/v1/org", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    assert api.get("/v1/org").status_code == 200
    buckets = _rate_limit(api.client.app).buckets
    assert len(buckets) == 2, buckets.keys()  # the client address, and the live key's hash
    every_key = " ".join(buckets)
    assert api.key not in every_key and not any(key in every_key for key in bogus)
    assert any(name.startswith("key:") for name in buckets)


def test_a_revoked_key_falls_back_to_the_address_bucket(api):
    created = api.post("/v1/api-keys", json={"name": "short-lived"}).json()
    other = {"Authorization": f"Bearer {created['key']}"}
    assert api.get("/v1/org", headers=other).status_code == 200
    assert api.delete(f"/v1/api-keys/{created['id']}").status_code == 204
    buckets = _rate_limit(api.client.app).buckets
    spent = {name: bucket.tokens for name, bucket in buckets.items()}
    assert api.get("/v1/org", headers=other).status_code == 401
    charged = [name for name, bucket in buckets.items() if bucket.tokens < spent.get(name, float("inf"))]
    assert [name for name in buckets if name not in spent] == ["addr:testclient"]
    assert all(name.startswith("addr:") for name in charged)


def test_buckets_are_shared_rows_only_where_processes_share_the_database(api, backend):
    """PostgreSQL: the key's bucket is a row (every process leases from it), pruned once idle a minute;
    SQLite: one process, buckets in memory, the table stays empty."""
    assert api.get("/v1/org").status_code == 200
    rows = sql(api, "SELECT key FROM rate_buckets")
    if backend == "sqlite":
        assert rows == []
        return
    assert [row[0] for row in rows] == ["key:" + sha256_hex(api.key)]
    sql(api, "UPDATE rate_buckets SET stamp = stamp - 30")
    assert asyncio.run(upkeep.prune_once(api.ctx)).get("rate_buckets") == 0  # not idle long enough
    sql(api, "UPDATE rate_buckets SET stamp = stamp - 60")
    assert asyncio.run(upkeep.prune_once(api.ctx))["rate_buckets"] == 1
    assert sql(api, "SELECT key FROM rate_buckets") == []
