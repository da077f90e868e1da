"""The ApiClient against the real embedded server: success, server errors, and an unreachable server."""

from __future__ import annotations

import re
import socket
import threading

import httpx
import pytest

from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.embedded import EmbeddedServer, bootstrap
from server.settings import Settings
from tests.support.samples import minimal


def test_round_trip(client, aloop):
    org = aloop.run_until_complete(client.get_org())
    assert org["plan"] == "unlimited"
    created = aloop.run_until_complete(client.create_template(minimal("Boiler")))
    run = aloop.run_until_complete(client.dispatch_run({"template_id": created["id"], "executor_ref": "x-1"}))
    page = aloop.run_until_complete(client.list_runs(executor_ref="x-1"))
    assert [r["run_id"] for r in page["data"]] == [run["run_id"]]


def test_an_organisations_members_and_keys_are_listed_whole_across_pages(client, aloop):
    """The server pages every collection (SPEC §1): Settings → Members and API keys list every page of them."""
    client.page_size = 2  # 200 in the app: five members and keys make three pages here

    async def add_and_list() -> tuple[list[dict], list[dict]]:
        for n in range(5):
            await client.create_member(f"Member {n}", f"m{n}@example.com")
            await client.create_api_key(f"key {n}")
        return await client.list_members(), await client.list_api_keys()

    members, keys = aloop.run_until_complete(add_and_list())
    assert sorted(m["email"] for m in members) == [f"m{n}@example.com" for n in range(5)]
    assert sorted(k["name"] for k in keys) == ["Default", *(f"key {n}" for n in range(5))]


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


class ForgetfulServer:
    """A real HTTP server on loopback that reads each request whole and then closes the connection without a
    word for the first `drops` of them, as a server does to a kept-alive connection it closes for idleness just
    as a request leaves on it; the others get `{"status": "ok"}`."""

    def __init__(self, drops: int) -> None:
        self.drops, self.requests = drops, []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:  # closed: the test is over
                return
            with conn:
                head = b""
                while b"\r\n\r\n" not in head:
                    head += conn.recv(65536) or b"\r\n\r\n"
                headers, _, body = head.partition(b"\r\n\r\n")
                length = int(re.search(rb"(?i)content-length: *(\d+)", headers + b"\r\ncontent-length: 0")[1])
                while len(body) < length:
                    body += conn.recv(65536)
                self.requests.append(headers.split(b" ", 1)[0].decode())
                if len(self.requests) > self.drops:
                    answer = b'{"status": "ok"}'
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        b"Content-Length: %d\r\n\r\n%s" % (len(answer), answer)
                    )

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def forgetful(request, aloop):
    """(the server dropping its first `request.param` requests, an ApiClient on it)"""
    server = ForgetfulServer(request.param)
    api = ApiClient(server.url, None)
    yield server, api
    aloop.run_until_complete(api.close())
    server.close()


@pytest.mark.parametrize("forgetful", [1], indirect=True)
def test_a_reading_request_whose_connection_dropped_unanswered_is_sent_again(forgetful, aloop):
    """A 500-run report failed in CI with "Cannot reach the server": one of its requests left on a kept-alive
    connection the server closed for idleness at that moment."""
    server, api = forgetful
    assert aloop.run_until_complete(api.health()) == {"status": "ok"}
    assert server.requests == ["GET", "GET"]


@pytest.mark.parametrize(
    ("forgetful", "call", "sent"),
    [
        # A write the server may have acted on is never sent twice: the person is told.
        (1, lambda api: api.create_api_key("laptop"), ["POST"]),
        # A read is sent again once only.
        (2, lambda api: api.health(), ["GET", "GET"]),
    ],
    indirect=["forgetful"],
)
def test_a_request_dropped_unanswered_is_an_offline_error_when_it_cannot_be_sent_again(
    forgetful, call, sent, aloop
):
    server, api = forgetful
    with pytest.raises(ApiError) as err:
        aloop.run_until_complete(call(api))
    assert err.value.offline and server.requests == sent


def test_a_generate_request_waits_past_the_servers_model_deadline(aloop):
    """The server waits RUNDUN_LLM_TIMEOUT (30 s by default) for its model, then answers with its fallback: the
    dialog gave up at the client's 15 s for every request and showed "did not answer in time" instead."""
    seen: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, json=minimal("Made"), headers={"Rundun-Generator": "fallback"})

    api = ApiClient("http://rundun.test", "rdk_live_" + "0" * 32, transport=httpx.MockTransport(handler))
    try:
        aloop.run_until_complete(api.generate_template_described("Car rental return check"))
        aloop.run_until_complete(api.generate_template("Car rental return check"))
    finally:
        aloop.run_until_complete(api.close())
    server_wait = Settings.model_fields["llm_timeout"].default
    assert all(t["read"] >= 2 * server_wait for t in seen[:2]), seen
    assert all(t["connect"] <= 5 for t in seen[:2]), seen  # a server that is not there is still said soon
