"""The ApiClient against the real embedded server: success, server errors, and an unreachable server."""

from __future__ import annotations

import pytest

from rundun_desktop.api_client import ApiClient, ApiError
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
