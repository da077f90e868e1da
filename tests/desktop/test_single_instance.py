"""One app per workspace, with real `rundun-desktop` processes: a later start hands its page and link to
the running app and exits 0; a lock left by `kill -9` is taken over; two workspaces run side by side."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.support.desktop_process import DesktopProcess, desktop_env, run_desktop

pytestmark = pytest.mark.e2e
LINK = "rundun://r/r-12345678-1234-4234-8234-123456789abc"


@pytest.fixture
def env(tmp_path: Path) -> dict:
    return desktop_env(tmp_path)


@pytest.fixture
def apps():
    started: list[DesktopProcess] = []
    yield started
    for app in started:
        app.stop()


def start_app(apps: list, home: Path, env: dict, *args: str) -> DesktopProcess:
    app = DesktopProcess(home, env, list(args)).start()
    apps.append(app)
    return app


def test_a_later_start_hands_its_page_and_link_over_and_exits_0(tmp_path, env, apps):
    home = tmp_path / "home"
    first = start_app(apps, home, env, "--page", "runs")
    first.wait_ready()
    mark = len(first.log_text())
    second = run_desktop("--home", str(home), "--page", "settings", LINK, env=env)
    assert second.returncode == 0, second.stderr
    log = first.wait_for_log("showing page", after=mark)
    assert f"a later start handed over page=settings link={LINK}" in log[mark:]
    # The link is acted on after the page: the executor opens it (here: a run this server does not have).
    assert "showing page settings" in log[mark:]
    assert log.count("ready: Connected") == 1  # one app, one embedded server: the second never started one
    third = run_desktop("--home", str(home), env=env)  # a plain second click on the icon: raised, no page
    assert third.returncode == 0, third.stderr
    first.wait_for_log("a later start handed over page=None link=None", after=mark)
    assert first.proc.poll() is None


def wait_gone(pid: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid):
        assert time.monotonic() < deadline, f"process {pid} still runs"
        time.sleep(0.05)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0]
    except (FileNotFoundError, IndexError):
        return "zombie"


def test_a_lock_left_by_kill_9_is_stale_and_taken_over(tmp_path, env, apps):
    home = tmp_path / "home"
    killed = start_app(apps, home, env)
    killed.wait_ready()
    server_pid = int(re.findall(r"embedded server process (\d+)", killed.log_text())[-1])
    killed.kill()  # SIGKILL: no clean-up, the lock file and the local socket's file stay behind
    assert (home / "data" / "rundun-desktop.lock").exists()
    wait_gone(server_pid)  # its server process ended with it (its pipe from the app closed)
    mark = len(killed.log_text())
    after = start_app(apps, home, env)
    after.wait_ready(after=mark)
    second = run_desktop("--home", str(home), "--page", "templates", env=env)
    assert second.returncode == 0, second.stderr
    after.wait_for_log("showing page templates", after=mark)


def test_two_workspaces_run_side_by_side(tmp_path, env, apps):
    one = start_app(apps, tmp_path / "one", env)
    two = start_app(apps, tmp_path / "two", env)
    one.wait_ready()
    two.wait_ready()
    assert one.proc.poll() is None and two.proc.poll() is None
    mark_one, mark_two = len(one.log_text()), len(two.log_text())
    assert run_desktop("--home", str(tmp_path / "two"), "--page", "executor", env=env).returncode == 0
    two.wait_for_log("showing page executor", after=mark_two)
    assert "later start" not in one.log_text()[mark_one:]  # the other workspace heard nothing


def test_a_rundun_link_opened_through_the_registered_handler_reaches_the_running_app(tmp_path, env, apps):
    """`rundun-desktop --register` writes the handler; `xdg-open rundun://…` (or, where xdg-utils is not
    installed, the handler's Exec line run as xdg-open would) starts a second process that hands over."""
    home = tmp_path / "home"
    env = {**env, "RUNDUN_DESKTOP_HOME": str(home)}  # the handler's start names no --home
    registered = run_desktop("--register", env=env)
    assert registered.returncode == 0 and "rundun:// links now open Rundun" in registered.stdout
    entry = (tmp_path / "xdg-data" / "applications" / "rundun-url-handler.desktop").read_text()
    assert "MimeType=x-scheme-handler/rundun;" in entry
    first = start_app(apps, home, env)
    first.wait_ready()
    mark = len(first.log_text())
    if shutil.which("xdg-open"):
        # xdg-open asks for scheme handlers only with a display; the app itself stays offscreen.
        xdg_env = {**env, "DISPLAY": env.get("DISPLAY") or ":99"}
        opened = subprocess.run(
            ["xdg-open", LINK], env=xdg_env, capture_output=True, text=True, timeout=60, check=False
        )
    else:
        exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))[5:]
        command = [LINK if part == "%u" else part for part in shlex.split(exec_line)]
        opened = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert opened.returncode == 0, opened.stderr
    first.wait_for_log(f"link={LINK}", after=mark)
