"""The embedded server: the real Rundun server, started in-process in a background thread, on a port the caller
chose (kept across restarts by the desktop's settings) and on loopback unless the user shares it (Settings →
Sharing).

The desktop still talks to it over HTTP through `ApiClient`, exactly as to a remote server; it never opens the
server's database itself. Bootstrapping (the first org and API key) is the server's own code.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from rundun_desktop.sharing import Listen, claim_port, is_loopback_url
from server.app import create_app
from server.bootstrap import UNNAMED_ORG, ensure_desktop_org
from server.serving import Server, config_for
from server.settings import Settings


@dataclass
class Bootstrap:
    created: bool  # a new organisation was made
    api_key: str | None  # a new plaintext key (first start or `need_key`), to keep in the keyring


def bootstrap(data_dir: Path, org_name: str = UNNAMED_ORG, *, need_key: bool = False) -> Bootstrap:
    """Create the embedded server's organisation and first key on first start.

    `need_key`: the org exists but the desktop holds no key for it (the data dir was made by
    `rundun-server serve`, or the keyring was wiped): mint a new key named "Desktop" for the first org.
    The server's own bootstrap does it (`server.bootstrap.ensure_desktop_org`); the desktop opens no database.
    """
    access = ensure_desktop_org(data_dir, org_name, need_key=need_key)
    return Bootstrap(access.created, access.api_key)


class EmbeddedServer:
    """uvicorn serving `create_app(settings)` on a port of this computer, in a daemon thread.

    `listen.port` is tried first; when another program holds it, a free port is taken instead and
    `moved_from` names the port that was wanted (the caller tells the user and keeps the new one)."""

    def __init__(self, data_dir: Path, port: int = 0, *, listen: Listen | None = None, **settings_overrides):
        self.data_dir = Path(data_dir)
        listen = listen or Listen(port=port)
        self.host = listen.host
        self._sock, self.moved_from = claim_port(listen)  # moved_from: another program holds the port
        self._sock.listen(128)  # claim it now: between here and uvicorn's start nobody else may take it
        self.port = self._sock.getsockname()[1]
        self.settings = Settings(
            data_dir=self.data_dir,
            host=listen.host,
            port=self.port,
            public_url=listen.public_base(self.port),
            webhook_allow_private=True,  # a supervisor's own receiver on this machine is the common case
            log_level="warning",
            **settings_overrides,
        )
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """How this computer reaches it (always loopback, whatever else it listens on)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def public_url(self) -> str:
        """The base of the links it hands out (run links, QR codes, media URLs)."""
        return self.settings.base_url

    @property
    def loopback_only(self) -> bool:
        """Links it hands out open on this computer only."""
        return is_loopback_url(self.public_url)

    def start(self, timeout: float = 15.0) -> None:
        # The serving limits of `rundun-server serve` (read timeouts, trusted proxies), on a loop of our own.
        config = config_for(
            create_app(self.settings),
            self.settings,
            loop="asyncio",
            timeout_graceful_shutdown=1,  # open event streams must not hold up stopping
        )
        self._server = Server(config)
        self._thread = threading.Thread(target=self._serve, name="rundun-embedded-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError(
                    QCoreApplication.translate(
                        "EmbeddedServer", "the embedded server stopped during start-up"
                    )
                )
            if time.monotonic() > deadline:
                raise RuntimeError(
                    QCoreApplication.translate("EmbeddedServer", "the embedded server did not start in time")
                )
            time.sleep(0.005)

    def _serve(self) -> None:
        """uvicorn's `Server.run`, on a loop we own, so connections still open when it ends (an event stream
        outliving the graceful shutdown) are closed, as a stopped process's would be, not left hanging."""
        assert self._server is not None
        # Not `asyncio.new_event_loop()`: inside the desktop app qasync's policy would make that a Qt loop.
        loop = asyncio.SelectorEventLoop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._server.serve(sockets=[self._sock]))
        finally:
            for protocol in list(self._server.server_state.connections):
                transport = getattr(protocol, "transport", None)
                if transport is not None:
                    transport.abort()
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    def stop(self, timeout: float = 10.0) -> None:
        if self._server is not None:
            self._server.request_exit()
        if self._thread is not None:
            self._thread.join(timeout)
        self._sock.close()
