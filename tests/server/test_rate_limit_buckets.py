"""The rate limiter's buckets (issue 13, point 3): keyed by a live key's hash or the client address, never
by a plaintext key, and a made-up key never gets a bucket of its own."""

from __future__ import annotations

import secrets

from server.api.middleware import RateLimit


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
