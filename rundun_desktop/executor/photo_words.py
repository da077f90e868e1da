"""Photo sizes in the words a person reads ("This photo is 31 MB; the server accepts up to 20 MB"): one
place for the runner's refusal when a photo is added and the sync engine's when a server refuses one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rundun_desktop.formatting import MB, megabytes

DEFAULT_MAX_BYTES = 20 * MB  # the server's default limit, until it says otherwise (tus `Tus-Max-Size`)


def too_large(size: int, limit: int) -> str:
    return QCoreApplication.translate(
        "photo_words", "This photo is {0}; the server accepts up to {1}."
    ).format(megabytes(size), megabytes(limit))
