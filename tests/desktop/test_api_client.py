"""The ApiClient against the real embedded server: success, server errors, and an unreachable server."""

from __future__ import annotations

import pytest

from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.embedded import EmbeddedServer, bootstrap
from tests.support.samples import minimal


def test_round_trip(client, aloop):
    org = aloop.run_until_complete(client.get_org())
    assert org["plan"] == "unlimited"
    created = aloop.run_until_complete(client.create_template(minimal("Boiler")))
    run = aloop.run_until_complete(client.dispatch_run({"template_id": created["id"], "executor_ref": "x-1"}))
    page = aloop.run_until_complete(client.list_runs(executor_ref="x-1"))
    assert [r["run_id"] for r in page["data"]] == [run["run_id"]]


def test_server_errors_carry_code_and_details(client, aloop):
    with pytest.raises(ApiError) as err:
        aloop.run_until_complete(client.create_template({"name": "", "sections": []}))
    assert err.value.status == 422 and err.value.code == "validation_error" and err.value.details


def test_unreachable_server_is_an_offline_error(aloop):
    api = ApiClient("http://127.0.0.1:9", "rdk_live_" + "0" * 32, timeout=2)
    with pytest.raises(ApiError) as err:
        aloop.run_until_complete(api.health())
    assert err.value.offline
    aloop.run_until_complete(api.close())


def test_a_request_the_server_refused_for_its_rate_is_asked_again_when_it_says(tmp_path, aloop):
    """A report of 500 runs from a server with the default limit (600 requests a minute) failed at the 601st
    request with "rate limited": the client now waits as the server's Retry-After says, and goes on."""
    data_dir = tmp_path / "server"
    key = bootstrap(data_dir, need_key=True).api_key
    server = EmbeddedServer(data_dir, rate_limit=60)  # a bucket of 60, refilled at one a second
    server.start()
    api = ApiClient(server.url, key)
    refused: list[str] = []

    async def note(response) -> None:
        if response.status_code == 429:
            refused.append(response.headers.get("Retry-After", ""))

    api.http.event_hooks["response"].append(note)
    try:
        for _ in range(64):  # past the bucket: the last few are refused, then taken once there is room
            assert aloop.run_until_complete(api.get_org())["plan"] == "unlimited"
        assert refused and all(after.isdigit() for after in refused), refused  # the bucket did run dry
    finally:
        aloop.run_until_complete(api.close())
        server.stop()
