"""The in-process server (asyncio's own loop, as on Windows, where uvloop does not exist) sends without Nagle's
delay: with it, each response's body waited for the client's delayed ACK of its head, and every request the app
made took 44 ms where it takes 2 (a 500-run report spent two thirds of its time waiting for them)."""

from __future__ import annotations

import socket

from tests.desktop.conftest import LiveServer


def test_the_in_process_servers_connections_send_without_delay(live_server: LiveServer):
    server = live_server.server._server
    assert server is not None
    client = socket.create_connection(("127.0.0.1", live_server.server.port))
    try:
        client.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert client.recv(65536).startswith(b"HTTP/1.1 ")
        (connection,) = server.server_state.connections  # this test's, answered: it is open
        sock = connection.transport.get_extra_info("socket")
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        client.close()
