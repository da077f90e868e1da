"""The window stays responsive when the server is stopped or hangs: requests fail or wait off the GUI
path, the status bar and the pages say what is wrong in words, and it recovers when the server is back.

"Responsive" is checked at its cause, not on the wall clock: no blocking network call (a socket in blocking
mode, a name lookup) ever runs on the GUI thread, and the GUI thread keeps ticking a timer meanwhile. A
wall-clock bound on the gaps between ticks failed on a busy machine, where the OS alone can hold a runnable
thread back for a quarter of a second (issue 14).
"""

from __future__ import annotations

import socket
import threading
import time

from PySide6.QtCore import QTimer

from rundun_desktop.connection import CONNECTED, OFFLINE
from tests.desktop.conftest import run, wait_until
from tests.support.samples import minimal


class GapMeter:
    """Ticks a 20 ms QTimer and records the longest gap between ticks: a blocked GUI thread shows as a gap."""

    def __init__(self):
        self.last = time.perf_counter()
        self.worst = 0.0
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self):
        now = time.perf_counter()
        self.ticks += 1
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


class GuiThreadBlocking:
    """Records every blocking socket call and name lookup made on the GUI (main) thread. asyncio's own
    socket calls are non-blocking (timeout 0) and its lookups run on an executor thread, so an app that
    does its network work asynchronously records nothing; a synchronous request would block right here."""

    SOCKET_CALLS = ("connect", "connect_ex", "recv", "recv_into", "recvfrom", "send", "sendall")

    def __init__(self, monkeypatch):
        self.calls: list[str] = []
        for name in self.SOCKET_CALLS:
            monkeypatch.setattr(socket.socket, name, self._watch(name, getattr(socket.socket, name)))
        lookup = socket.getaddrinfo

        def getaddrinfo(*args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                self.calls.append(f"getaddrinfo{args[:2]}")
            return lookup(*args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    def _watch(self, name, call):
        calls = self.calls

        def watched(sock, *args, **kwargs):
            if threading.current_thread() is threading.main_thread() and sock.gettimeout() != 0.0:
                calls.append(f"socket.{name}")
            return call(sock, *args, **kwargs)

        return watched


def test_window_stays_responsive_while_the_server_is_stopped(desktop, aloop, live_server, monkeypatch):
    template = run(
        aloop,
        desktop.api.create_template(minimal()),
    )
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))
    live_server.server.stop()

    blocking = GuiThreadBlocking(monkeypatch)
    meter = GapMeter()
    window = desktop.window
    wait_until(aloop, lambda: desktop.connection.state == OFFLINE, 10)
    assert "Cannot reach the server" in window.view.connection_text.text()
    window.runs.reload()  # the user presses Refresh
    wait_until(aloop, lambda: window.runs_view.message.isVisible(), 10)
    assert "could not be loaded" in window.runs_view.message.text()
    dialog = window.runs.open_dispatch()  # and opens the dispatch dialog
    wait_until(aloop, lambda: dialog.view.message.isVisible(), 10)
    assert "Templates could not be loaded" in dialog.view.message.text()
    dialog.view.reject()
    window.show_page("settings")
    ticks = meter.ticks
    wait_until(aloop, lambda: meter.ticks >= ticks + 25, 30)  # live updates and health checks keep retrying
    meter.stop()
    assert blocking.calls == []


def test_window_stays_responsive_while_the_server_hangs(desktop, aloop, monkeypatch):
    hang = socket.socket()  # accepts connections (the kernel's backlog) and never answers
    hang.bind(("127.0.0.1", 0))
    hang.listen(16)
    try:
        desktop.api.reconfigure(f"http://127.0.0.1:{hang.getsockname()[1]}", desktop.api.api_key)
        blocking = GuiThreadBlocking(monkeypatch)
        meter = GapMeter()
        desktop.window.runs.reload()
        desktop.window.runs.load_templates()
        # The GUI thread keeps ticking while both requests wait on the silent server (a 20 ms timer, 40
        # ticks: at least 0.8 s of waiting, however slow the machine).
        wait_until(aloop, lambda: meter.ticks >= 40, 30)
        meter.stop()
        assert blocking.calls == []
        assert desktop.window.runs.model.rowCount() == 0  # still waiting, and the window with it is not
    finally:
        hang.close()


def test_it_reconnects_when_the_server_is_back(desktop, aloop, live_server):
    from rundun_desktop.embedded import EmbeddedServer

    data_dir, port = live_server.server.data_dir, live_server.server.port
    live_server.server.stop()
    wait_until(aloop, lambda: desktop.connection.state == OFFLINE, 10)
    restarted = EmbeddedServer(data_dir, port=port)
    restarted.start()
    try:
        wait_until(aloop, lambda: desktop.connection.state == CONNECTED, 10)
        wait_until(aloop, lambda: desktop.live.mode == "stream", 15)
    finally:
        run(aloop, desktop.live.stop())
        restarted.stop()
