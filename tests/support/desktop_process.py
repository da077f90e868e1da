"""Start the real `rundun-desktop` app as a process (offscreen Qt, key in a file, its own home) and follow
what it does through its log file, as a user's support request would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rundun_desktop.app_log import LOG_FILE

DESKTOP_BIN = [sys.executable, "-m", "rundun_desktop"]


def desktop_env(tmp: Path) -> dict:
    """No real keyring, no display, and the user's dirs (applications, mime defaults) under `tmp`."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "RUNDUN_DESKTOP_KEYRING": "0",
        "XDG_DATA_HOME": str(tmp / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp / "xdg-config"),
    }


def run_desktop(*args: str, env: dict, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*DESKTOP_BIN, *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


@dataclass
class DesktopProcess:
    home: Path
    env: dict
    args: list[str] = field(default_factory=list)
    proc: subprocess.Popen | None = None

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / LOG_FILE

    def log_text(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def start(self) -> DesktopProcess:
        self._stderr = open(self.home.parent / f"{self.home.name}.stderr", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [*DESKTOP_BIN, "--home", str(self.home), *self.args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
        )
        return self

    def wait_for_log(self, text: str, *, after: int = 0, timeout: float = 60.0) -> str:
        """Wait until the log (from character `after`) contains `text`; the process must stay alive."""
        deadline = time.monotonic() + timeout
        while True:
            log = self.log_text()
            if text in log[after:]:
                return log
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"the app exited ({self.proc.returncode}) before logging {text!r}:\n{log}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not logged within {timeout} s:\n{log[after:]}")
            time.sleep(0.05)

    def wait_ready(self, after: int = 0, timeout: float = 60.0) -> None:
        self.wait_for_log("ready: Connected", after=after, timeout=timeout)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(30)

    def stop(self) -> None:
        self.kill(signal.SIGTERM)
        self._stderr.close()
