"""Issue 13, point 7: signed media URLs live at most RUNDUN_MEDIA_URL_TTL, media is never sniffed, and an
IPv6 address that wraps a refused IPv4 (6to4, NAT64, ISATAP, IPv4-compatible, Teredo) is refused both at
dispatch and when dialling."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from server.services import media
from server.services.ssrf import is_forbidden_address
from tests.server.test_webhooks_ssrf import _attempt
from tests.support.executor import Executor, jpeg
from tests.support.samples import minimal


@pytest.mark.parametrize("ttl", [2, 7, 120, 3600])
def test_a_media_url_never_outlives_the_ttl(api_factory, ttl):
    api = api_factory(media_url_ttl=ttl)
    ex = Executor.start(api)
    before = time.time()
    url = ex.photo("s-photo", 0, jpeg()).json()["url"]
    after = time.time()
    exp = int(parse_qs(urlsplit(url).query)["exp"][0])
    assert exp <= after + ttl and exp >= before + ttl / 2 - 1


def test_a_signed_expiry_beyond_the_ttl_is_refused(api_factory):
    api = api_factory(media_url_ttl=60)
    ex = Executor.start(api)
    ex.photo("s-photo", 0, jpeg())
    path = media.media_path(ex.run_id, "s-photo", 0, "image/jpeg")
    within = int(time.time()) + 30
    beyond = int(time.time()) + 600  # correctly signed, e.g. under a longer TTL before a restart
    assert api.client.get(f"{path}?exp={within}&sig={media.sign(api.ctx, path, within)}").status_code == 200
    assert api.client.get(f"{path}?exp={beyond}&sig={media.sign(api.ctx, path, beyond)}").status_code == 403


def test_media_is_served_with_nosniff(api):
    ex = Executor.start(api)
    polyglot = jpeg() + b"<html><script>alert(1)</script></html>"
    url = ex.photo("s-photo", 0, polyglot).json()["url"]
    parts = urlsplit(url)
    r = api.client.get(f"{parts.path}?{parts.query}")
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert int(r.headers["cache-control"].rsplit("=", 1)[1]) <= api.ctx.settings.media_url_ttl


WRAPPED_LOOPBACK = [
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254 (cloud metadata)
    "64:ff9b:1::7f00:1",  # local-use NAT64
    "::127.0.0.1",  # IPv4-compatible
    "2a00:1450::5efe:7f00:1",  # ISATAP id around 127.0.0.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo (client 127.0.0.1 obfuscated)
    "::ffff:127.0.0.1",  # IPv4-mapped
]


@pytest.mark.parametrize("address", WRAPPED_LOOPBACK)
def test_ipv4_embedding_forms_of_refused_addresses_are_refused(address):
    assert is_forbidden_address(address)


@pytest.mark.parametrize("address", ["2002:808:808::1", "64:ff9b::808:808", "2a00:1450:4001:82b::200e"])
def test_the_same_forms_around_public_addresses_are_allowed(address):
    assert not is_forbidden_address(address)


@pytest.mark.parametrize("address", ["2002:7f00:1::", "64:ff9b::7f00:1", "::127.0.0.1"])
def test_dispatch_refuses_a_webhook_at_a_wrapped_loopback(api, address):
    tid = api.post("/v1/templates", json=minimal()).json()["id"]
    r = api.post("/v1/runs", json={"template_id": tid, "webhook": {"url": f"http://[{address}]:8080/hook"}})
    assert r.status_code == 422 and r.json()["details"][0]["path"] == "webhook.url"
    assert api.get("/v1/runs").json()["pagination"]["total"] == 0


@pytest.mark.parametrize("address", ["2002:7f00:1::", "64:ff9b::7f00:1"])
def test_the_dialler_refuses_a_wrapped_loopback(receiver, address):
    attempt = _attempt(False, f"http://[{address}]:{receiver.port}/hook")
    assert attempt.status_code is None and attempt.error.startswith(f"refused to connect to {address}")
    assert receiver.received == []
