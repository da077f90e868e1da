"""Limits that protect the real server process (SPEC §13; issue 13, points 2–4): half-sent requests are cut,
made-up keys are rate-limited by client address, and X-Forwarded-For is believed only from trusted proxies."""

from __future__ import annotations

import secrets
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.support.server_process import ServerProcess, init_org

DEADLINE_S = 60.0  # generous: the machine may be busy; the timeouts under test are 1–3 s


@pytest.fixture(scope="module")
def timed_server(tmp_path_factory) -> Iterator[tuple[ServerProcess, str]]:
    data_dir = tmp_path_factory.mktemp("timeouts")
    key = init_org(data_dir)
    env = {"RUNDUN_HEADER_TIMEOUT": "1", "RUNDUN_BODY_IDLE_TIMEOUT": "3", "RUNDUN_RATE_LIMIT": "100000"}
    server = ServerProcess(data_dir, env=env).start(timeout=60)
    try:
        yield server, key
    finally:
        server.stop()


def _connect(server: ServerProcess) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE_S)
    return sock


def _read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (a socket timeout fails the test)."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def test_half_sent_headers_are_cut_with_408(timed_server):
    server, _ = timed_server
    sock = _connect(server)
    sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n")  # no blank line: the headers never end
    assert _read_until_closed(sock).startswith(b"HTTP/1.1 408")
    sock.close()


def test_a_silent_connection_is_cut(timed_server):
    server, _ = timed_server
    sock = _connect(server)
    assert _read_until_closed(sock).startswith(b"HTTP/1.1 408")
    sock.close()


def test_headers_dripped_byte_by_byte_are_cut_too(timed_server):
    """Slowloris: every byte resets no clock; the headers as a whole must arrive in time."""
    server, _ = timed_server
    sock = _connect(server)
    sock.sendall(b"GET /v1/health HTTP/1.1\r\n")
    deadline = time.monotonic() + DEADLINE_S
    closed = False
    while time.monotonic() < deadline and not closed:
        try:
            sock.sendall(b"X-A: b\r\n")
            sock.settimeout(0.2)
            sock.recv(65536)  # the 408, or b"" once closed: any answer before the headers end
            closed = True
        except TimeoutError:
            continue
        except OSError:
            closed = True
    assert closed
    sock.close()


def test_a_stalled_body_is_cut(timed_server):
    server, _ = timed_server
    sock = _connect(server)
    sock.sendall(
        b"POST /v1/runs/r-x/sync HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 100\r\n\r\n{"ops":'
    )
    received = _read_until_closed(sock)  # nothing more is sent: the body stalls
    assert b"200 OK" not in received
    sock.close()


def test_a_slow_body_that_keeps_moving_is_served(timed_server):
    server, key = timed_server
    body = b'{"name": "' + b"a" * 40 + b'"}'
    sock = _connect(server)
    sock.sendall(
        b"POST /v1/api-keys HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {key}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    )
    for i in range(0, len(body), 4):  # ~13 chunks 0.3 s apart: longer in all than the 3 s idle limit
        sock.sendall(body[i : i + 4])
        time.sleep(0.3)
    sock.settimeout(DEADLINE_S)
    assert sock.recv(65536).startswith(b"HTTP/1.1 201")
    sock.close()


def test_a_kept_alive_connection_still_serves_after_the_header_timeout(timed_server):
    server, key = timed_server
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
        assert http.get("/v1/org").status_code == 200
        assert http.get("/v1/org").status_code == 200


# -- rate limits -------------------------------------------------------------------------------------------
@pytest.fixture
def limited_server(tmp_path, request) -> Iterator[tuple[ServerProcess, str]]:
    key = init_org(tmp_path)
    env = {"RUNDUN_RATE_LIMIT": "60", **getattr(request, "param", {})}
    server = ServerProcess(tmp_path, env=env).start(timeout=60)
    try:
        yield server, key
    finally:
        server.stop()


def _codes(http: httpx.Client, path: str, headers_for, count: int) -> tuple[list[int], float]:
    """Status codes of `count` GETs, and the tokens the limiter may have refilled meanwhile (1/s at 60/min)."""
    started = time.monotonic()
    codes = [http.get(path, headers=headers_for(i)).status_code for i in range(count)]
    return codes, time.monotonic() - started + 1


def test_unknown_keys_share_their_address_bucket_and_get_429(limited_server):
    server, key = limited_server
    with httpx.Client(base_url=server.url, timeout=60) as http:
        bogus = lambda i: {"Authorization": f"Bearer rdk_live_{secrets.token_hex(16)}"}
        codes, refilled = _codes(http, "/v1/org", bogus, 200)
        assert 429 in codes and codes.count(401) <= 60 + refilled, codes
        # A live key has a bucket of its own: the address's exhaustion does not touch it.
        assert http.get("/v1/org", headers={"Authorization": f"Bearer {key}"}).status_code == 200


def test_forwarded_for_from_an_untrusted_peer_changes_nothing(limited_server):
    server, _ = limited_server
    with httpx.Client(base_url=server.url, timeout=60) as http:
        codes, refilled = _codes(
            http, "/v1/health", lambda i: {"X-Forwarded-For": f"203.0.113.{i % 250}"}, 150
        )
    assert 429 in codes and codes.count(200) <= 60 + refilled, codes


@pytest.mark.parametrize("limited_server", [{"RUNDUN_TRUSTED_PROXIES": "127.0.0.1"}], indirect=True)
def test_forwarded_for_from_a_trusted_proxy_is_the_client(limited_server):
    server, _ = limited_server
    with httpx.Client(base_url=server.url, timeout=60) as http:
        codes, _ = _codes(http, "/v1/health", lambda i: {"X-Forwarded-For": f"203.0.113.{i}"}, 150)
        assert codes.count(429) == 0, codes
        same, refilled = _codes(http, "/v1/health", lambda i: {"X-Forwarded-For": "198.51.100.7"}, 150)
    assert 429 in same and same.count(200) <= 60 + refilled, same
