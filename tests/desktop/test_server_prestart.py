"""The embedded server's process started before the app owns its workspace (`ChildServer.prestart`): it
imports the server meanwhile and touches nothing until told to go; abandoned, it leaves nothing behind."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
import pytest

from rundun_desktop.server_process import ChildServer
from tests.support.server_process import ServerProcess


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


def test_the_child_server_restarts_after_a_crash_and_after_a_stop_on_its_locked_data_dir(tmp_path):
    """The server holds its data dir's lock (one `serve` per SQLite data dir) for its life: a child killed
    with SIGKILL is started again at once on the same port (the kernel released its lock), and so is one
    stopped and started again, as the app's restart does."""
    data_dir = tmp_path / "server"
    server = ChildServer(data_dir)
    server.start()
    try:
        port, pid = server.port, server.pid
        assert (data_dir / "serve.lock").read_text().strip() == str(pid)
        os.kill(pid, signal.SIGKILL)  # a crash
        # Until it can be reaped, which is what `ensure_running` asks: its main thread shows as a zombie in /proc
        # while its other threads are still ending, and until they have the process still counts as alive.
        deadline = time.monotonic() + 30
        while server.alive():
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert server.ensure_running()
        assert server.port == port and server.pid != pid
        assert httpx.get(f"{server.url}/v1/health").json()["status"] == "ok"
        server.stop()
        again = ChildServer(data_dir, port)  # the app started again
        again.start()
        again.stop()
    finally:
        server.stop()


def test_a_stray_server_on_the_workspace_is_named_by_the_child_that_cannot_start(tmp_path):
    """A `rundun-server serve` someone left running on the workspace's data dir: the embedded server is refused
    (exit 2), and the app is told in words that name the folder and the process to stop (it said "exited
    during start-up (2)"). Once that one is stopped, the embedded server starts."""
    data_dir = tmp_path / "server"
    data_dir.mkdir()
    stray = ServerProcess(data_dir).start()
    try:
        assert stray.proc is not None
        server = ChildServer(data_dir)
        with pytest.raises(RuntimeError) as refused:
            server.start()
        assert str(refused.value) == (
            f"another Rundun server (process {stray.proc.pid}) is using its data folder {data_dir}. "
            "Stop that process; this one then starts by itself."
        )
        assert not server.alive()
    finally:
        stray.stop()
    server.start()
    server.stop()
