"""The desktop's own preferences, a small JSON file in the config dir: embedded or remote server, the
embedded server's port and how it is shared (loopback only, the local network, or behind a public URL), and
how photos are prepared on the device before they are sent."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rundun_desktop.paths import private_dir

EMBEDDED = "embedded"
REMOTE = "remote"

# How the embedded server is reached by others (Settings → Sharing)
LOOPBACK, LAN, PUBLIC = "loopback", "lan", "public"
SHARING_MODES = (LOOPBACK, LAN, PUBLIC)

# An inspection photo stays sharp at 2560 px on its longest side; JPEG quality 85 keeps it a few MB.
PHOTO_MAX_SIDE = 2560
PHOTO_QUALITY = 85
# Automatic daily backups of the embedded workspace: a week by default, a day to a year.
KEEP_DAYS, KEEP_DAYS_MIN, KEEP_DAYS_MAX = 7, 1, 365


@dataclass
class DesktopSettings:
    mode: str = EMBEDDED
    remote_url: str = ""
    # The embedded server's port, chosen on its first start and kept, so that links, QR codes and the runs
    # opened in the executor keep working across restarts. 0: not chosen yet.
    embedded_port: int = 0
    sharing: str = LOOPBACK
    public_url: str = ""  # the embedded server's address as others reach it (a tunnel, a reverse proxy)
    photo_max_side: int = PHOTO_MAX_SIDE
    photo_quality: int = PHOTO_QUALITY
    backup_keep_days: int = KEEP_DAYS  # automatic daily backups of the embedded workspace are kept this long
    language: str = ""  # the app's language (`de`, `es`, `ar`); empty: the system's (rundun_desktop/i18n.py)
    # The folder each kind of file dialog last used (rundun_desktop/last_folders.py): {"csv": "/home/…/Exports"}
    last_folders: dict[str, str] = field(default_factory=dict)
    # The webhook last dispatched with each connection ("embedded", "remote:https://…"; rundun_desktop/last_webhook.py):
    # {"on": true, "url": "https://…", "events": ["run.completed"]}; its secret only in the credentials store
    last_webhooks: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> DesktopSettings:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return cls()
        known = (
            {k: v for k, v in data.items() if k in cls.__dataclass_fields__} if isinstance(data, dict) else {}
        )
        settings = cls(**known)
        settings._repair()
        return settings

    def _repair(self) -> None:
        """A hand-edited or older file: anything out of range falls back to its default."""
        defaults = DesktopSettings()
        if self.mode not in (EMBEDDED, REMOTE):
            self.mode = EMBEDDED
        if self.sharing not in SHARING_MODES:
            self.sharing = LOOPBACK
        if not isinstance(self.embedded_port, int) or not 0 <= self.embedded_port <= 65535:
            self.embedded_port = 0
        if not isinstance(self.photo_max_side, int) or not 320 <= self.photo_max_side <= 16384:
            self.photo_max_side = defaults.photo_max_side
        if not isinstance(self.photo_quality, int) or not 30 <= self.photo_quality <= 100:
            self.photo_quality = defaults.photo_quality
        if (
            not isinstance(self.backup_keep_days, int)
            or not KEEP_DAYS_MIN <= self.backup_keep_days <= KEEP_DAYS_MAX
        ):
            self.backup_keep_days = defaults.backup_keep_days
        if not isinstance(self.last_folders, dict):
            self.last_folders = {}
        self.last_folders = {k: v for k, v in self.last_folders.items() if isinstance(v, str) and v}
        if not isinstance(self.last_webhooks, dict):
            self.last_webhooks = {}
        self.last_webhooks = {k: _webhook(v) for k, v in self.last_webhooks.items() if isinstance(v, dict)}
        for name in ("remote_url", "public_url", "language"):
            if not isinstance(getattr(self, name), str):
                setattr(self, name, "")

    def save(self, path: Path) -> None:
        path = Path(path)
        private_dir(path.parent)
        path.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")


def _webhook(kept: dict) -> dict:
    """A kept webhook as `last_webhook.LastWebhooks` reads it, whatever a hand edit left."""
    url, events = kept.get("url"), kept.get("events")
    return {
        "on": kept.get("on") is True,
        "url": url if isinstance(url, str) else "",
        "events": [e for e in events if isinstance(e, str)] if isinstance(events, list) else [],
    }
