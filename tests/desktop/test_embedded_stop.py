"""A server told to stop stops then, not at uvicorn's next tick: up to a tick (0.1 s) for its loop to see the
exit, and 0.1 s more given to connections told to close when there were none, made every stop take 0.2 s (the
desktop's quit, a restart, every test's server). With the tick made a minute long, a stop still ends at once,
whether asked for by the app (`EmbeddedServer.stop`) or by a signal (`rundun-server serve`'s SIGTERM)."""

from __future__ import annotations

import signal
import threading

import pytest

from rundun_desktop.embedded import EmbeddedServer, bootstrap
from server import serving

GUARD_S = 30  # against a hang, not a duration: the tick below is twice as long


@pytest.mark.parametrize("told_by", ["the app", "a signal"])
def test_a_server_told_to_stop_stops_without_waiting_for_its_tick(tmp_path, monkeypatch, told_by):
    monkeypatch.setattr(serving, "TICK_S", 2 * GUARD_S)
    bootstrap(tmp_path / "server")
    server = EmbeddedServer(tmp_path / "server")
    server.start()
    assert server._server is not None and server._thread is not None
    try:
        if told_by == "a signal":
            server._server.handle_exit(signal.SIGTERM, None)  # what uvicorn's signal handler calls
        else:
            threading.Thread(target=server.stop, args=(GUARD_S,), daemon=True).start()
        server._thread.join(GUARD_S)
        assert not server._thread.is_alive(), "the server waited for its next tick before it stopped"
    finally:
        server.stop(GUARD_S)
