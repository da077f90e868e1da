"""The window stays responsive when the server is stopped or hangs: requests fail or wait off the GUI
path, the status bar and the pages say what is wrong in words, and it recovers when the server is back."""

from __future__ import annotations

import socket
import time

from PySide6.QtCore import QTimer

from rundun_desktop.connection import CONNECTED, OFFLINE
from tests.desktop.conftest import pump, run, wait_until
from tests.support.samples import minimal


class GapMeter:
    """Ticks a 20 ms QTimer and records the longest gap between ticks: a blocked GUI thread shows as a gap."""

    def __init__(self):
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self):
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def test_window_stays_responsive_while_the_server_is_stopped(desktop, aloop, live_server):
    template = run(
        aloop,
        desktop.api.create_template(minimal()),
    )
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))
    live_server.server.stop()

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
    pump(aloop, 1.0)  # live updates and the health check keep retrying meanwhile
    assert meter.stop() < 0.25


def test_window_stays_responsive_while_the_server_hangs(desktop, aloop):
    hang = socket.socket()  # accepts connections (the kernel's backlog) and never answers
    hang.bind(("127.0.0.1", 0))
    hang.listen(16)
    try:
        desktop.api.reconfigure(f"http://127.0.0.1:{hang.getsockname()[1]}", desktop.api.api_key)
        meter = GapMeter()
        desktop.window.runs.reload()
        desktop.window.runs.load_templates()
        pump(aloop, 1.5)
        assert meter.stop() < 0.25
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
