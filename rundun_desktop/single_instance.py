"""One app per workspace: the first start owns the workspace; later starts hand their arguments over and exit.

A second click on the icon, or a `rundun://` link opened while the app runs, must not start a second app
with a second embedded server on the same SQLite data. So:
- the first start takes a `QLockFile` in the workspace (its data dir). A lock left by a killed app
  (`kill -9`, a crash, a power cut) names a process that no longer runs: Qt finds it stale and we take
  it over. Age never makes a lock stale (`setStaleLockTime(0)`): an app may run for weeks;
- it then listens on a `QLocalServer` whose name is derived from the workspace path (and the user), so two
  workspaces run side by side and never hear each other;
- a later start that cannot take the lock connects to that name, sends one JSON line (the page and the
  link it was given), waits for "ok" and exits 0. The running app raises its window and acts on them.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from rundun_desktop.paths import private_dir

log = logging.getLogger("rundun.desktop")
LOCK_FILE = "rundun-desktop.lock"


def instance_name(workspace: Path) -> str:
    """The local socket's name: per user and per workspace path (resolved, so two spellings agree)."""
    digest = hashlib.sha256(str(Path(workspace).resolve()).encode()).hexdigest()[:16]
    return f"rundun-{getpass.getuser()}-{digest}"


class SingleInstance:
    def __init__(self, workspace: Path):
        self.workspace = Path(workspace)
        self.name = instance_name(self.workspace)
        private_dir(self.workspace)
        self._lock = QLockFile(str(self.workspace / LOCK_FILE))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    # -- the first start ----------------------------------------------------------------------------------------
    def acquire(self) -> bool:
        """Own the workspace; False when a running app does. A dead owner's lock is taken over."""
        if self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            log.info("workspace %s is held by process %s", self.workspace, self.owner_pid())
            return False
        log.warning("cannot write the lock in %s: %s", self.workspace, self._lock.error())
        return False

    def owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()  # (pid, hostname, appname); an empty tuple-ish answer when unreadable
        return info[0] if isinstance(info, tuple) and info and info[0] else None

    def listen(self, on_message: Callable[[dict], None]) -> bool:
        """Take later starts' messages (on the GUI thread, after `QApplication` exists)."""
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
        QLocalServer.removeServer(self.name)  # a socket file left by a killed app: we hold the lock
        if not server.listen(self.name):
            log.warning("cannot listen as %s: %s", self.name, server.errorString())
            return False
        server.newConnection.connect(lambda: self._accept(server, on_message))
        self._server = server
        log.info("listening for later starts as %s", self.name)
        return True

    def _accept(self, server: QLocalServer, on_message: Callable[[dict], None]) -> None:
        while server.hasPendingConnections():
            client = server.nextPendingConnection()

            def read(client: QLocalSocket = client) -> None:
                if not client.canReadLine():
                    return
                line = bytes(client.readLine().data())
                client.write(b"ok\n")
                client.flush()
                client.disconnectFromServer()
                try:
                    message = json.loads(line)
                except ValueError:
                    log.warning("a later start sent something that is not JSON: %r", line[:200])
                    return
                if isinstance(message, dict):
                    on_message(message)

            client.readyRead.connect(read)
            client.disconnected.connect(client.deleteLater)
            read()  # the line may have come with the connection

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    # -- a later start ------------------------------------------------------------------------------------------
    def forward(self, message: dict, timeout: float = 1.5) -> bool:
        """Hand `message` to the app that owns the workspace; True once it said "ok". It may still be
        starting (not listening yet): keep trying until `timeout`."""
        deadline = time.monotonic() + timeout
        payload = json.dumps(message).encode() + b"\n"
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(200):
                socket.write(payload)
                socket.flush()
                reply = b""
                while b"\n" not in reply and time.monotonic() < deadline + 0.5:
                    if not socket.bytesAvailable() and not socket.waitForReadyRead(200):
                        if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                            break
                        continue
                    reply += bytes(socket.readAll().data())
                socket.abort()
                if reply.strip() == b"ok":
                    return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
