"""The desktop app's log: a rotating file in the platform's log dir, bounded in size, plus warnings on stderr.

A laptop app runs for weeks without a terminal: what it did must be in a file the user can send (Help →
About opens its folder), and that file must not grow without end. `MAX_BYTES × (BACKUPS + 1)` is the most
the log folder ever holds (5 MB). The embedded server logs through the same handlers (uvicorn's loggers
propagate to the root logger).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from rundun_desktop.paths import private_dir, private_opener

LOG_FILE = "rundun-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("rundun.desktop")


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file it creates (the first, and each after a rollover) is 0600 from its first byte."""

    def _open(self):
        return open(
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=private_opener
        )


def setup_logging(folder: Path, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> Path:
    """Log INFO and above to `folder/rundun-desktop.log` (rotated), WARNING and above to stderr.

    Returns the log file. A folder that cannot be written leaves only stderr (the app still starts).
    Calling it again (a test, a second app object) replaces the handlers it added before.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "rundun", False)]:
        root.removeHandler(handler)
        handler.close()
    path = Path(folder) / LOG_FILE
    handlers: list[logging.Handler] = []
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handlers.append(stderr)
    try:
        private_dir(path.parent)
        rotating = PrivateRotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
        )
    except OSError as exc:
        print(f"WARNING rundun.desktop: cannot write the log in {path.parent}: {exc}", file=sys.stderr)
    else:
        rotating.setLevel(logging.INFO)
        rotating.setFormatter(logging.Formatter(FORMAT))
        handlers.append(rotating)
    for handler in handlers:
        handler.rundun = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # Per-request chatter of the HTTP client stays out of a log meant to last weeks.
    for noisy in ("httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
