"""A real small filesystem for disk-full tests: a tmpfs mounted by the test (root only), filled on demand."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

FILLER = "filler.bin"


@contextlib.contextmanager
def small_tmpfs(mount_point: Path, size_mb: int) -> Iterator[Path]:
    """Mount a `size_mb` tmpfs at `mount_point` for the block; skip (with the reason) when we cannot."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI and the dev container run as root)")
    mount_point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(mount_point: Path, leave_bytes: int = 0) -> Path:
    """Write a filler file until the filesystem is full (less `leave_bytes`); returns the filler's path."""
    path = mount_point / FILLER
    block = b"\0" * (64 * 1024)
    with open(path, "ab", buffering=0) as f:
        while True:
            free = os.statvfs(mount_point).f_bavail * os.statvfs(mount_point).f_frsize
            if free <= leave_bytes:
                break
            try:
                f.write(block[: max(1, min(len(block), free - leave_bytes))])
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
                break
    return path


def free_space(mount_point: Path) -> None:
    """Give the space back (the filler goes)."""
    (mount_point / FILLER).unlink(missing_ok=True)
