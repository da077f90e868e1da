"""Disk space: telling a full disk from a bug, refusing a write that cannot fit, and what health reports.

A write that fails for lack of space (SQLite's SQLITE_FULL, an OSError ENOSPC/EDQUOT while writing a photo
or a tus chunk) is refused with 507 `storage_full` and a `Retry-After`, never a 500; nothing half-written is
acknowledged (SQLite rolls the batch back, tus acknowledges only fsynced bytes). `GET /v1/health` reports
`degraded` while the disk is full and recovers by itself: the state is read again from the filesystem.
Messages give the free space but never the data dir's path (clients and the unauthenticated health check
read them); the server's log names it.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from server.errors import StorageFull

OUT_OF_SPACE_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
FULL_REMEMBERED_S = 10.0  # after a write refused for lack of space, health says so this long
RETRY_AFTER_S = 60


def is_out_of_space(exc: BaseException | None) -> bool:
    """True when `exc` (or what caused it) says the disk is full."""
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, StorageFull):
            return True
        if isinstance(exc, OSError) and exc.errno in OUT_OF_SPACE_ERRNOS:
            return True
        if isinstance(exc, sqlite3.Error) and (
            getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
            or "database or disk is full" in str(exc)
        ):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def free_bytes(path: Path) -> int:
    return shutil.disk_usage(path).free


def _mb(value: float) -> str:
    """Sizes under a megabyte in kB: a 20 kB upload was "not enough for 0.0 MB"."""
    if value < 2**20:
        return f"{value / 2**10:.0f} kB"
    return f"{value / 2**20:.1f} MB"


@dataclass
class StorageWatch:
    """What the server knows about its disk: the reserve it keeps free and the last write refused."""

    data_dir: Path | None  # the disk watched for health: None where this server keeps nothing on its disks
    reserve_bytes: int
    full_at: float = 0.0  # monotonic time of the last write refused for lack of space
    # Where uploads' bytes go on this machine (`MediaStore.local_dirs`): the disks `require` asks. None for
    # media in PostgreSQL or S3, whose space is not on this machine's disks (not the data dir's either).
    media_dirs: list[Path] = field(default_factory=list)

    def refusal(self) -> StorageFull:
        free = f" ({_mb(free_bytes(self.data_dir))} free)" if self.data_dir is not None else ""
        return StorageFull(
            f"The server's disk is full{free}; nothing was stored. Free space on the server, then retry.",
            headers={"Retry-After": str(RETRY_AFTER_S)},
        )

    def note_full(self) -> StorageFull:
        """A write just failed for lack of space: remember it (health) and return the error to answer."""
        self.full_at = time.monotonic()
        return self.refusal()

    def require(self, needed: int) -> None:
        """Refuse up front an upload of `needed` bytes that would leave less than the reserve free on a disk
        the media store fills on this machine (none: nothing to refuse here)."""
        for folder in self.media_dirs:
            self._require_on(_existing(folder), needed)

    def _require_on(self, folder: Path, needed: int) -> None:
        free = free_bytes(folder)
        if free - needed < self.reserve_bytes:
            self.full_at = time.monotonic()
            raise StorageFull(
                f"The server's disk has {_mb(free)} free: not enough for {_mb(needed)} "
                f"while keeping {_mb(self.reserve_bytes)} free. Free space on the server, then retry.",
                headers={"Retry-After": str(RETRY_AFTER_S)},
            )

    def problem(self) -> str | None:
        """Why the storage is degraded now, in words, or None. Read from the filesystem each time, so it
        clears by itself once space returns."""
        free = free_bytes(self.data_dir) if self.data_dir is not None else None
        if free is not None and free < self.reserve_bytes:
            return (
                f"disk almost full: {_mb(free)} free in the data dir "
                f"(below the {_mb(self.reserve_bytes)} reserve); writes may be refused"
            )
        if self.full_at and time.monotonic() - self.full_at < FULL_REMEMBERED_S:
            left = f"; {_mb(free)} free in the data dir" if free is not None else ""
            return f"disk full: a write was refused for lack of space{left}"
        return None


def _existing(folder: Path) -> Path:
    """`folder`, or its nearest existing parent (the uploads folder is made with the first upload)."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder
