"""Photo files in the store: checked to be an image the server accepts, written durably (the server's own
helper) under their SHA-256 BEFORE any row names them, and refused in words when the disk is full."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from rundun_desktop.executor.store.disk import disk_full_words, is_disk_full
from rundun_desktop.executor.store.rows import StoreError
from server import tdl
from server.durable import write_durably

IMAGE_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/heic": "heic",
    "image/heif": "heif",
}


def sniff_image(head: bytes) -> str | None:
    """The image type the server will accept, from the first bytes, or None: the server's own rule
    (`server.tdl.sniff_image`), applied before a photo is accepted so the server never has to refuse one."""
    return tdl.sniff_image(head)


@dataclass(frozen=True)
class StoredPhoto:
    """A photo file in the store, ready to attach (written and fsynced; no row names it yet)."""

    sha256: str
    bytes: int
    content_type: str
    file: str  # relative to the store's root


def write_photo(root: Path, data: bytes) -> StoredPhoto:
    """Write photo bytes into the store at `root` (temp file, fsync, rename), before any row names them.
    Touches no database, so it may run on any thread (big files: off the GUI thread)."""
    content_type = sniff_image(data[: tdl.IMAGE_HEAD_BYTES])
    if content_type is None:
        raise StoreError(
            QCoreApplication.translate("store", "This file is not a JPEG, PNG, WebP, HEIC or HEIF image.")
        )
    sha = hashlib.sha256(data).hexdigest()
    relative = f"photos/{sha[:2]}/{sha}.{IMAGE_EXTENSIONS[content_type]}"
    try:
        write_durably(Path(root) / relative, data)
    except OSError as exc:
        if is_disk_full(exc):  # as the store's own step after it says it (nothing half-written stays)
            raise StoreError(disk_full_words()) from exc
        raise
    return StoredPhoto(sha, len(data), content_type, relative)


def write_photo_file(root: Path, source: Path | str) -> StoredPhoto:
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise StoreError(
            QCoreApplication.translate("store", "Cannot read {0}: {1}.").format(
                Path(source).name, exc.strerror or exc
            )
        ) from exc
    return write_photo(root, data)
