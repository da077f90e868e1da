"""After the laptop sleeps or the server goes away, the app and its embedded server resume by themselves:
real `rundun-desktop` processes, paused with SIGSTOP/SIGCONT, and their server process killed."""

from __future__ import annotations

import os
import re
import signal
import socket
import time
from pathlib import Path

import httpx
import pytest

from rundun_desktop.desktop_settings import DesktopSettings
from rundun_desktop.paths import AppPaths
from tests.support.desktop_process import DesktopProcess, desktop_env, run_desktop

pytestmark = pytest.mark.e2e
SERVER_LINE = re.compile(r"embedded server process (\d+) on (http://127\.0\.0\.1:\d+)")


@pytest.fixture
def app(tmp_path: Path):
    # The workspace keeps a port of its own (as after its first start), not the first-start range's 8751 that
    # every other app started by the suite's other worker tries first: when this test kills the server, such
    # an app could take the freed 8751 before the restart, and the restart would rightly move to a new port.
    home = tmp_path / "home"
    DesktopSettings(embedded_port=free_port()).save(AppPaths.under(home).settings_file)
    process = DesktopProcess(home, desktop_env(tmp_path)).start()
    process.wait_ready()
    yield process
    process.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_of(log: str) -> tuple[int, str]:
    pid, url = SERVER_LINE.findall(log)[-1]
    return int(pid), url


def wait_healthy(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{url}/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, f"{url} did not answer within {timeout} s"
        time.sleep(0.1)


def test_a_paused_laptop_resumes_app_and_server(app):
    server_pid, url = server_of(app.log_text())
    for pid in (app.proc.pid, server_pid):  # the laptop sleeps: every process stops where it is
        os.kill(pid, signal.SIGSTOP)
    try:
        time.sleep(2.0)  # asleep for a while (the stimulus, not a wait for a condition)
    finally:
        for pid in (server_pid, app.proc.pid):
            os.kill(pid, signal.SIGCONT)
    wait_healthy(url)
    mark = len(app.log_text())
    handed = run_desktop("--home", str(app.home), "--page", "settings", env=app.env)
    assert handed.returncode == 0, handed.stderr  # the app's event loop answers again
    log = app.wait_for_log("showing page settings", after=mark)
    assert server_of(log) == (server_pid, url)  # the same server: nothing had to restart
    assert "connection: offline" not in log[mark:]


def test_the_embedded_server_comes_back_on_its_port_when_it_is_killed(app):
    server_pid, url = server_of(app.log_text())
    mark = len(app.log_text())
    os.kill(server_pid, signal.SIGKILL)  # cut away: crashed, or killed by the OS
    app.wait_for_log("connection: offline", after=mark)
    log = app.wait_for_log("connection: connected", after=mark)
    new_pid, new_url = server_of(log[mark:])
    assert new_pid != server_pid and new_url == url  # restarted, on the same port: links stay valid
    wait_healthy(url)
    assert app.proc.poll() is None


def test_a_hung_server_is_not_called_live_and_the_stream_comes_back_with_it(app):
    """A server that stops answering (hung, or behind a network that lost it) keeps the event stream's
    connection open: the monitor said "● Live" for a minute (the stream's read timeout) under a status bar that
    said the server did not answer. The live updates now stop when the connection is lost, and start again
    when the server answers."""
    server_pid, _url = server_of(app.log_text())
    app.wait_for_log("live updates: stream")
    mark = len(app.log_text())
    os.kill(server_pid, signal.SIGSTOP)
    try:
        log = app.wait_for_log("connection: offline", after=mark)
        lost = log.index("connection: offline", mark)
        log = app.wait_for_log("live updates: off", after=lost)
        assert "live updates: polling" not in log[lost:]  # nothing asks a server known not to answer
    finally:
        os.kill(server_pid, signal.SIGCONT)
    back = app.wait_for_log("connection: connected", after=mark)
    app.wait_for_log("live updates: stream", after=back.index("connection: connected", mark))
