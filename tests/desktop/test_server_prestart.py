"""The embedded server's process started before the app owns its workspace (`ChildServer.prestart`): it
imports the server meanwhile and touches nothing until told to go; abandoned, it leaves nothing behind."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from rundun_desktop.server_process import ChildServer


def wait_blocked_on_its_pipe(server: ChildServer, timeout: float = 60.0) -> None:
    """Until the process sleeps in a read of its stdin: its imports are done and it waits for "go"."""
    deadline = time.monotonic() + timeout
    wchan = Path(f"/proc/{server.pid}/wchan")
    while "pipe_read" not in wchan.read_text():
        assert server.alive(), "the prestarted server ended by itself"
        assert time.monotonic() < deadline, f"never waited on its pipe (in {wchan.read_text()})"
        time.sleep(0.02)


def test_a_prestarted_server_imports_then_waits_and_serves_once_told_to_go(tmp_path):
    data_dir = tmp_path / "server"
    server = ChildServer(data_dir)
    server.prestart()
    try:
        assert server.waiting
        wait_blocked_on_its_pipe(server)
        assert not data_dir.exists()  # nothing touched before the app owns the workspace
        server.go()
        assert not server.waiting
        assert server.first_key and server.first_key.startswith("rdk_live_")  # a first start's key
        answer = httpx.get(f"{server.url}/v1/org", headers={"Authorization": f"Bearer {server.first_key}"})
        assert answer.status_code == 200
        assert (data_dir / "rundun.db").exists()
    finally:
        server.stop()


def test_an_abandoned_prestarted_server_ends_and_leaves_nothing(tmp_path):
    data_dir = tmp_path / "server"
    server = ChildServer(data_dir)
    server.prestart()
    pid = server.pid
    wait_blocked_on_its_pipe(server)
    server.abandon()
    assert not server.alive() and not server.waiting
    assert not Path(f"/proc/{pid}").exists()  # ended and reaped
    assert not data_dir.exists()
