"""The desktop's own preferences (embedded or remote server), a small JSON file in the config dir."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

EMBEDDED = "embedded"
REMOTE = "remote"


@dataclass
class DesktopSettings:
    mode: str = EMBEDDED
    remote_url: str = ""
    backup_keep_days: int = 7  # automatic daily backups of the embedded workspace are kept this long

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
        if settings.mode not in (EMBEDDED, REMOTE):
            settings.mode = EMBEDDED
        return settings

    def save(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
