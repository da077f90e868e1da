"""When the automatic backup is due, which old ones go, how "last backup 2 h ago" reads, and the swap of a
restored workspace at start-up. Pure functions over paths and times (no Qt), so they test directly."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from rundun_desktop import formatting as fmt
from rundun_desktop.words import Counts

PREFIX = "workspace-"
SUFFIX = ".rdbk"
EVERY_S = 24 * 3600
PENDING = ".restored"  # `<server dir>.restored`: a checked restore waiting for the next start
# Touched when a backup from the File menu is written (wherever it went): "last backup" counts it too. The
# status bar said "last backup 16 min ago" right after one, as if it had not happened.
MANUAL_MARK = "last-manual-backup"


def backups_dir(data_dir: Path) -> Path:
    """Automatic backups live beside the workspace, under the desktop's data dir."""
    return data_dir / "backups"


def backup_name(now: float) -> str:
    return PREFIX + datetime.fromtimestamp(now).strftime("%Y%m%d-%H%M%S") + SUFFIX


def list_backups(folder: Path) -> list[Path]:
    """The automatic backups in `folder`, oldest first (half-written `.partial` files are not backups)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX)]
    return sorted(found, key=lambda p: p.stat().st_mtime)


def last_backup_at(folder: Path) -> float | None:
    backups = list_backups(folder)
    return backups[-1].stat().st_mtime if backups else None


def mark_manual_backup(folder: Path, now: float) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    mark = folder / MANUAL_MARK
    mark.touch()
    os.utime(mark, (now, now))


def last_any_backup_at(folder: Path) -> float | None:
    """The newest backup, automatic or from the File menu (what the status bar says). The automatic one is
    still due by its own date (`is_due`): a backup that went elsewhere is not the one kept here."""
    try:
        manual: float | None = (folder / MANUAL_MARK).stat().st_mtime
    except OSError:
        manual = None
    known = [t for t in (last_backup_at(folder), manual) if t is not None]
    return max(known) if known else None


def is_due(folder: Path, now: float, every_s: float = EVERY_S) -> bool:
    last = last_backup_at(folder)
    return last is None or now - last >= every_s


def prune(folder: Path, keep_days: int, now: float) -> list[Path]:
    """Delete automatic backups older than `keep_days` (the newest one always stays); returns the deleted."""
    backups = list_backups(folder)
    deleted = []
    for path in backups[:-1]:
        if now - path.stat().st_mtime > keep_days * 86400:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def ago(then: float | None, now: float | None = None) -> str:
    """'last backup 2 h ago' — the status bar's words."""
    if then is None:
        return QCoreApplication.translate("schedule", "no backup yet")
    seconds = max(0, (now if now is not None else time.time()) - then)
    if seconds < 90:
        return QCoreApplication.translate("schedule", "last backup just now")
    if seconds < 3600:
        minutes = fmt.number(round(seconds / 60))  # the person's digits: Arabic wrote "منذ 53 د"
        return QCoreApplication.translate("schedule", "last backup {0} min ago").format(minutes)
    if seconds < 2 * 86400:
        return QCoreApplication.translate("schedule", "last backup {0} h ago").format(
            fmt.number(round(seconds / 3600))
        )
    return Counts.tr("last backup %Ln day(s) ago", "", round(seconds / 86400))


def pending_restore(server_dir: Path) -> Path:
    return server_dir.with_name(server_dir.name + PENDING)


def apply_pending_restore(server_dir: Path, now: float | None = None) -> Path | None:
    """Before the embedded server starts: put a restored workspace in place; the one it replaces is kept
    beside it as `<dir>.before-restore-<time>`. Returns where the old one went (None: nothing to do)."""
    restored = pending_restore(server_dir)
    if not restored.is_dir():
        return None
    kept = None
    if server_dir.exists():
        stamp = datetime.fromtimestamp(now if now is not None else time.time()).strftime("%Y%m%d-%H%M%S")
        kept = server_dir.with_name(f"{server_dir.name}.before-restore-{stamp}")
        os.rename(server_dir, kept)
    os.rename(restored, server_dir)
    return kept
