"""Durable file writes: the one way a file is written so that it survives a crash once the call returns.

Shared by the server's content-addressed photo blobs and the desktop executor's photo files (both write a
photo's bytes before any database row names them). Standard library only and no server state, so the
desktop may import it (see the import contracts in pyproject.toml).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# A new data dir and database are readable by their owner alone: the database holds the server's secret (it
# signs media URLs) and every webhook's secret, and with the umask's 0755/0644 any user of the host could read
# them, forge photo links and sign webhooks the customer's backend would believe (server/store/db.py, restore).
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def write_durably(path: Path, data: bytes, *, uncache: bool = False) -> bool:
    """Write a content-addressed file (it never changes) at `path` as `replace_durably` does; a no-op
    returning False when `path` exists already. Never for a file whose content changes: its second write
    was dropped (an editor's draft kept only the first change after a save)."""
    if path.exists():
        return False
    replace_durably(path, data, uncache=uncache)
    return True


def replace_durably(path: Path, data: bytes, *, uncache: bool = False) -> None:
    """Write `data` at `path`, whatever was there: a temp file in the same folder, fsync, rename over `path`,
    fsync the folder. On any error (a full disk: OSError ENOSPC) the temp file is removed and the error
    raised: nothing half-written stays, and what was at `path` stays whole. `uncache`: its pages leave the
    page cache once durable (see `fsync_file`)."""
    make_dirs(path.parent)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            _fsync(f.fileno(), uncache)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


@contextlib.contextmanager
def written_beside(final: Path) -> Iterator[BinaryIO]:
    """A new file to write `final` through: a temporary file of its own beside it (`<name>.<random>.partial`),
    synced and renamed over `final` when the block ends, removed when it raises. Its name is unique: a fixed
    `<name>.partial` was shared by two writers of the same `final` at once (two backups), each truncating the
    other's, and the one that finished could rename the other's half-written bytes into place."""
    fd, name = tempfile.mkstemp(prefix=f"{final.name}.", suffix=".partial", dir=final.parent)
    partial = Path(name)
    try:
        with open(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, final)
        fsync_dir(final.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


_making_dirs = threading.Lock()


def make_dirs(directory: Path) -> None:
    """`mkdir -p`, each folder it creates made durable in its parent (a file's name durable in a folder that
    a crash could lose is not durable)."""
    with _making_dirs:  # also around the check: a folder another thread is making is not durable yet
        _make_dirs(directory)


def _make_dirs(directory: Path) -> None:
    if directory.is_dir():
        return
    _make_dirs(directory.parent)
    with contextlib.suppress(FileExistsError):  # another process's: its name made durable again is harmless
        directory.mkdir()
    fsync_dir(directory.parent)


def fsync_file(path: Path, *, uncache: bool = False) -> None:
    """Make a file's bytes durable (those written through any descriptor: the page cache is shared).

    `uncache`: its pages, clean once fsynced, then leave the page cache (Linux), for a file written once and
    seldom read soon after (a photo the server keeps). Kept, they made the cache grow by every photo, into
    memory the machine had not used yet; on a VM whose host backs its memory as first touched (Firecracker,
    this project's machines) that first touch made writing a photo into the cache cost 3× writing into
    pages freed before: 0.33–0.42 s against 0.10–0.13 s for 100 MB in 2 MB files (issue 16). Dropped, the
    next photo's bytes go into the pages this one freed, and the cache keeps what is read again."""
    fd = os.open(path, os.O_RDWR if os.name == "nt" else os.O_RDONLY)  # Windows flushes only a writable one
    try:
        _fsync(fd, uncache)
    finally:
        os.close(fd)


_DONTNEED = getattr(os, "POSIX_FADV_DONTNEED", None) if hasattr(os, "posix_fadvise") else None


def _fsync(fd: int, uncache: bool) -> None:
    os.fsync(fd)
    if uncache and _DONTNEED is not None:
        os.posix_fadvise(fd, 0, 0, _DONTNEED)


def fsync_dir(directory: Path) -> None:
    """Make a folder's entries (a file created, renamed or linked into it) durable."""
    if os.name == "nt":  # directories cannot be opened for fsync on Windows; NTFS journals the rename
        return
    fsync_file(directory)
