"""How long the server keeps an idle connection: longer than clients keep theirs for reuse.

uvicorn's own 5 s equals httpx's expiry, so a client reused a connection just as the server closed it and the
request was lost ("Server disconnected without sending a response": one in ~1,200 requests sent at the 5th
second of idleness on a busy machine; a 500-run report failed on it in CI)."""

from __future__ import annotations

import httpx

from server.serving import config_for
from server.settings import Settings


def test_the_server_keeps_an_idle_connection_longer_than_an_httpx_client_does():
    default = Settings()
    assert config_for(object(), default).timeout_keep_alive == default.keepalive_timeout
    # A client forgets its idle connection first, and so never sends on one the server is closing.
    assert default.keepalive_timeout > httpx.Limits().keepalive_expiry


def test_the_keepalive_timeout_is_a_setting(monkeypatch):
    monkeypatch.setenv("RUNDUN_KEEPALIVE_TIMEOUT", "45")
    assert config_for(object(), Settings()).timeout_keep_alive == 45
