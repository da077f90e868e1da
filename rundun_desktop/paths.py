"""Where the desktop app keeps its settings, credentials fallback and embedded server data.

Everything hangs off these directories so tests (and a portable install) can move them: set
`RUNDUN_DESKTOP_HOME` (→ `HOME/config`, `HOME/data`, `HOME/logs`) or pass an `AppPaths` explicitly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "rundun"


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
