"""The embedded server as a child process of the app (what the app runs; `EmbeddedServer` runs it on a
thread, for tests and benches that want it in-process).

Why a process: the GUI and an in-process server share one GIL. Under a burst of dispatches the monitor's
work (JSON, model updates, painting) and the server's request handling took turns, and the embedded
server's dispatch p99 was many times the standalone server's (bench/desktop_soak.py); start-up paid for
both imports one after the other. As a child, the server has a core of its own, its memory is its own,
and it is still the same `rundun-server serve` on 127.0.0.1 that the app talks to over HTTP.

The port is the caller's: 0 lets the server pick one (read back from its first line); a fixed port is kept
across restarts. `ensure_running()` starts it again on the same port if it has gone (killed, crashed).
"""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

from rundun_desktop.paths import private_dir, private_opener
from rundun_desktop.sharing import Listen, claim_port, is_loopback_url

log = logging.getLogger("rundun.desktop")
LISTENING = re.compile(r"^Rundun API on \S+/v1 ")


SERVER_LOG_MAX_BYTES = 1_000_000


def _roll(path: Path) -> None:
    """Keep the server's output bounded: past 1 MB at a start, it becomes `server.log.1` (one kept); while it
    runs, the child rolls it past 1 MB the same way (`server_child.RolledStderr`)."""
    try:
        if path.stat().st_size > SERVER_LOG_MAX_BYTES:
            path.replace(path.with_name(path.name + ".1"))
    except FileNotFoundError:
        pass


def child_command() -> list[str]:
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: the app's own executable serves
        return [sys.executable, "--embedded-server"]
    return [sys.executable, "-m", "rundun_desktop.server_child"]


class DataFolderInUse(RuntimeError):
    """The child was refused its data dir: another server holds it (server/data_dir_lock.py)."""


class ChildServer:
    """`rundun-server serve` as a child process, on the address `listen` chooses (Settings → Sharing).

    The port is claimed here, before the child starts, so that a port another program holds is noticed
    (`moved_from`) and replaced by a free one, as `EmbeddedServer` does; the child then binds it."""

    def __init__(
        self,
        data_dir: Path,
        port: int = 0,
        *,
        listen: Listen | None = None,
        rate_limit: int = 1_000_000,
        log_file: Path | None = None,
    ):
        self.data_dir = Path(data_dir)
        self.listen = listen or Listen(port=port)
        self.host = self.listen.host
        self.port = self.listen.port
        self.moved_from: int | None = None
        self.rate_limit = rate_limit
        self.log_file = log_file
        self.first_key: str | None = None  # the API key printed by a first start (empty data dir)
        self._proc: subprocess.Popen | None = None
        self._waiting = False
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """How this computer reaches it (always loopback, whatever else it listens on)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def public_url(self) -> str:
        """The base of the links it hands out (run links, QR codes, media URLs)."""
        return self.listen.public_base(self.port)

    @property
    def loopback_only(self) -> bool:
        """Links it hands out open on this computer only."""
        return is_loopback_url(self.public_url)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = 30.0) -> None:
        """Start the process and return once it accepts connections."""
        with self._lock:
            self._start(timeout)

    @property
    def waiting(self) -> bool:
        """Started by `prestart` and not yet told to go."""
        return self._waiting

    def prestart(self) -> None:
        """Start the process before the app owns the workspace: it imports the server (most of its
        start-up), then waits for `go()` before it touches the data dir; `abandon()` ends it unused."""
        with self._lock:
            self._spawn(after_go=True)
            self._waiting = True

    def go(self, timeout: float = 30.0) -> None:
        """The app owns the workspace: serve, and return once it accepts connections."""
        with self._lock:
            assert self._proc is not None and self._proc.stdin is not None and self._waiting
            self._waiting = False
            private_dir(self.data_dir)
            try:
                self._proc.stdin.write("go\n")
                self._proc.stdin.flush()
            except OSError:
                pass  # it died meanwhile: said below, as for any start
            self._await_listening(timeout)

    def abandon(self) -> None:
        """Another app owns the workspace: end the prestarted process (it has not touched the data)."""
        self._waiting = False
        self.stop(timeout=5.0)

    def _start(self, timeout: float) -> None:
        self._spawn(after_go=False)
        self._await_listening(timeout)

    def _spawn(self, after_go: bool) -> None:
        if not after_go:
            private_dir(self.data_dir)
        # The kept port, or a free one when another program holds it (a restart keeps the port it had). The
        # port is bound and listening here and the socket handed down, so that nothing (another workspace
        # starting at the same moment) can take it between this choice and the child's start.
        sock, moved_from = claim_port(replace(self.listen, port=self.port))
        sock.listen(128)
        self.port = sock.getsockname()[1]
        self.moved_from = self.moved_from or moved_from
        inherit = os.name == "posix"  # elsewhere the child binds the port itself, a moment later
        if not inherit:
            sock.close()
        args = [
            "serve",
            "--data-dir", str(self.data_dir),
            "--host", self.host,
            "--port", str(self.port),
            "--public-url", self.public_url,
            *(["--fd", str(sock.fileno())] if inherit else []),
            "--rate-limit", str(self.rate_limit),
            "--log-level", "warning",
            "--allow-private-webhooks",
        ]  # fmt: skip
        rolled: list[str] = []
        if self.log_file:
            _roll(self.log_file)
            rolled = ["--log-file", str(self.log_file), "--log-max-bytes", str(SERVER_LOG_MAX_BYTES)]
        # 0600: the server's first start writes its API key in it
        log = open(self.log_file, "ab", opener=private_opener) if self.log_file else None  # noqa: SIM115
        try:
            self._proc = subprocess.Popen(
                [*child_command(), *rolled, *(["--after-go"] if after_go else []), *args],
                stdin=subprocess.PIPE,  # closed when this process ends: the child ends too
                stdout=subprocess.PIPE,
                stderr=log if log is not None else subprocess.DEVNULL,
                text=True,
                pass_fds=(sock.fileno(),) if inherit else (),
            )
        finally:
            if log is not None:
                log.close()
            if inherit:
                sock.close()  # the child holds it now

    def _await_listening(self, timeout: float) -> None:
        # Qt only for the messages, imported here: the app spawns this process (`prestart`) before it
        # imports Qt, so that Qt's import is spent while the child starts (boot.prestart_embedded).
        from PySide6.QtCore import QCoreApplication

        assert self._proc is not None
        deadline = time.monotonic() + timeout
        lines = iter(self._proc.stdout.readline, "")  # type: ignore[union-attr]
        previous = ""
        for line in lines:
            line = line.strip()
            if previous.startswith("First start:"):
                self.first_key = line
            if LISTENING.match(line):
                break
            previous = line
        else:
            raise self._exited(self._proc.wait())
        threading.Thread(
            target=self._drain, args=(self._proc,), daemon=True, name="rundun-server-out"
        ).start()
        while not self._accepts():
            if self._proc.poll() is not None:
                raise self._exited(self._proc.returncode)
            if time.monotonic() > deadline:
                raise RuntimeError(
                    QCoreApplication.translate("ChildServer", "the embedded server did not start in time")
                )
            time.sleep(0.01)
        log.info("embedded server process %s on %s", self._proc.pid, self.url)

    def _exited(self, code: int) -> RuntimeError:
        """Why the child ended during its start, in words: a data dir held by another server (a stray
        `rundun-server serve` on the workspace, refused with exit code 2: server/data_dir_lock.py) is named
        with its process, which the user can stop; anything else by its exit code (its log says more)."""
        from PySide6.QtCore import QCoreApplication

        from server.data_dir_lock import holder

        pid = holder(self.data_dir) if code == 2 else None
        if pid:
            return DataFolderInUse(
                QCoreApplication.translate(
                    "ChildServer",
                    "another Rundun server (process {1}) is using its data folder {0}. Stop that process; this "
                    "one then starts by itself.",
                ).format(self.data_dir, pid)
            )
        if pid == 0:
            return DataFolderInUse(
                QCoreApplication.translate(
                    "ChildServer",
                    "another Rundun server is using its data folder {0}. Stop it; this one then starts by itself.",
                ).format(self.data_dir)
            )
        return RuntimeError(
            QCoreApplication.translate(
                "ChildServer", "the embedded server exited during start-up ({0})"
            ).format(code)
        )

    @staticmethod
    def _drain(proc: subprocess.Popen) -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            log.info("server: %s", line.rstrip())

    def _accepts(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def ensure_running(self) -> bool:
        """Start it again (same port) if it has gone; True when it had to."""
        with self._lock:
            if self.alive():
                return False
            code = self._proc.returncode if self._proc else None
            log.warning("the embedded server process is gone (exit %s): starting it again", code)
            self._start(30.0)
            return True

    def stop(self, timeout: float = 10.0) -> None:
        with self._lock:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()  # uvicorn's graceful shutdown; closing stdin below ends it in any case
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)
