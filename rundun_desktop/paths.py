"""Where the desktop app keeps its settings, credentials fallback and embedded server data.

Everything hangs off these directories so tests (and a portable install) can move them: set
`RUNDUN_DESKTOP_HOME` (→ `HOME/config`, `HOME/data`, `HOME/logs`) or pass an `AppPaths` explicitly.

The app's own folders are its user's alone (0700, `private_dir`): the embedded server's database (its
secret, the webhooks' secrets, every run), the credentials file's fallback, the logs (the server's first
start writes its API key there). Made with the umask (0755) before, they were open to every user of the
machine; an existing one is tightened at start (`AppPaths.make_private`), see there for where.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "rundun"
PRIVATE_DIR = 0o700  # as the server's data dir (server/durable.py)
PRIVATE_FILE = 0o600
log = logging.getLogger("rundun.desktop")


def private_dir(path: Path) -> Path:
    """`mkdir -p path`, the folder made its user's alone (0700; folders above it that are missing, such as
    `~/.local/share`, get the umask's mode as before: they are not the app's)."""
    Path(path).mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    return Path(path)


def private_opener(path: str, flags: int) -> int:
    """`open(…, opener=private_opener)`: a file it creates is 0600 from its first byte (a log that may hold an
    API key)."""
    return os.open(path, flags, PRIVATE_FILE)


def tighten(path: Path) -> bool:
    """Close an existing app folder to other users where that is safe; True when its mode was changed.

    Safe means: a real folder (not a symlink: a folder the person put elsewhere on purpose, a shared drive
    perhaps, is theirs), owned by this user, that every user may enter (the umask's 0755 or 0775). One already
    closed to others (a chosen 0750, shared with a group) is left as chosen. Only the group and other bits go;
    nothing inside is changed: a closed folder closes all it holds."""
    if os.name != "posix":
        return False
    try:
        st = os.lstat(path)
    except OSError:
        return False
    mode = stat.S_IMODE(st.st_mode)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or not mode & 0o007:
        return False
    try:
        os.chmod(path, mode & PRIVATE_DIR)
    except OSError as exc:  # a read-only disk: the app still starts
        log.warning("could not close %s to other users (%s)", path, exc)
        return False
    return True


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir_override: Path | None = None  # None: `data_dir/logs`

    @classmethod
    def default(cls) -> AppPaths:
        home = os.environ.get("RUNDUN_DESKTOP_HOME")
        if home:
            return cls.under(Path(home))
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, home: Path) -> AppPaths:
        return cls(Path(home) / "config", Path(home) / "data", Path(home) / "logs")

    def make_private(self) -> list[Path]:
        """At start: the app's own folders (config, data, the embedded server's, logs) made 0700 where they are
        missing, and tightened (`tighten`) where an older version left them open to every user. Their
        parents (`RUNDUN_DESKTOP_HOME`, `~/.config`) are not the app's and are left alone. Returns the
        folders tightened."""
        tightened = []
        for folder in (self.config_dir, self.data_dir, self.server_dir, self.log_dir):
            if tighten(folder):
                tightened.append(folder)
            private_dir(folder)
        return tightened

    @property
    def log_dir(self) -> Path:
        """The rotating log files (the platform's log dir: ~/.local/state/rundun/log, ~/Library/Logs/rundun,
        %LOCALAPPDATA%\\rundun\\Logs)."""
        return self.log_dir_override or self.data_dir / "logs"

    @property
    def workspace(self) -> Path:
        """What one running app owns: its data dir (one app per workspace, see `single_instance`)."""
        return self.data_dir

    @property
    def server_dir(self) -> Path:
        """The embedded server's `--data-dir` (the same default as `rundun-server serve`)."""
        return self.data_dir / "server"

    @property
    def editor_draft_file(self) -> Path:
        """The template editor's unsaved changes, kept as they are made (editor/drafts.py)."""
        return self.data_dir / "editor-draft.json"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "desktop.json"

    @property
    def credentials_file(self) -> Path:
        return self.config_dir / "credentials.json"
