"""The app's own folders are its user's alone: the embedded server's data (its database holds the server's
secret and every webhook's), the credentials file, the logs (the server's first start writes its API key
there). They were made with the umask (0755, files 0644), open to every user of the machine."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from rundun_desktop.paths import AppPaths
from tests.support.desktop_process import DesktopProcess, desktop_env


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@contextlib.contextmanager
def umask(value: int):
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def started(home: Path, env: dict) -> None:
    """The real app on `home` until it is connected to its embedded server, then stopped."""
    app = DesktopProcess(home, env)
    logged = len(app.log_text())
    with umask(0o022):  # the usual one, inherited by the app
        app.start()
    try:
        app.wait_ready(after=logged)
    finally:
        app.stop()


def test_a_new_install_is_its_users_alone_and_an_older_open_one_is_closed_at_start(tmp_path: Path):
    home = tmp_path / "home"
    env = desktop_env(tmp_path)
    started(home, env)
    folders = [home / "config", home / "data", home / "data" / "server", home / "logs"]
    assert {str(f): mode(f) for f in folders} == {str(f): 0o700 for f in folders}
    files = [
        home / "config" / "credentials.json",
        home / "logs" / "server.log",
        home / "logs" / "rundun-desktop.log",
    ]
    assert {str(f): mode(f) for f in files} == {str(f): 0o600 for f in files}
    assert mode(home / "data" / "server" / "rundun.db") == 0o600

    for folder in folders:  # as an older version left them
        folder.chmod(0o755)
    started(home, env)
    assert {str(f): mode(f) for f in folders} == {str(f): 0o700 for f in folders}
    log = (home / "logs" / "rundun-desktop.log").read_text()
    assert f"closed {home / 'data' / 'server'} to other users" in log, log


def test_only_the_apps_own_folders_open_to_every_user_are_closed(tmp_path: Path):
    """A folder closed to others already (0750, shared with a group on purpose) stays as chosen; a folder the
    person put elsewhere through a symlink is theirs, and so is the folder above the app's (its home)."""
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    shared = tmp_path / "shared-logs"
    shared.mkdir()
    shared.chmod(0o755)
    (home / "logs").symlink_to(shared)
    (home / "data").mkdir()
    (home / "data").chmod(0o750)
    (home / "config").mkdir()
    (home / "config").chmod(0o777)
    assert AppPaths.under(home).make_private() == [home / "config"]
    assert (mode(home), mode(shared), mode(home / "data"), mode(home / "config")) == (
        0o755,
        0o755,
        0o750,
        0o700,
    )
    assert mode(home / "data" / "server") == 0o700  # made now: its own
