"""Desktop fixtures: a qasync event loop over the QApplication and a real embedded server on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import qasync

from rundun_desktop.api_client import ApiClient
from rundun_desktop.embedded import EmbeddedServer, bootstrap


@pytest.fixture
def aloop(qapp) -> Iterator[qasync.QEventLoop]:
    """An asyncio loop driven by Qt: `aloop.run_until_complete(coro)` keeps widgets live while it waits."""
    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.close()  # now, while the QApplication still exists (closing it later fails in qasync)
    asyncio.set_event_loop(None)


@dataclass
class LiveServer:
    server: EmbeddedServer
    api_key: str

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The real server, started in-process on 127.0.0.1 exactly as the desktop app embeds it."""
    data_dir = tmp_path / "server"
    boot = bootstrap(data_dir)
    server = EmbeddedServer(data_dir)
    server.start()
    try:
        yield LiveServer(server, boot.api_key)  # type: ignore[arg-type]
    finally:
        server.stop()


@pytest.fixture
def client(live_server: LiveServer, aloop) -> Iterator[ApiClient]:
    """An ApiClient on the live server, closed on the test's loop."""
    api = ApiClient(live_server.url, live_server.api_key)
    yield api
    aloop.run_until_complete(api.close())
