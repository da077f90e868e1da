"""A full disk, told apart from other failures, and the words the executor refuses a change with then."""

from __future__ import annotations

import errno
import sqlite3

from PySide6.QtCore import QCoreApplication

from rundun_desktop.words import QT_TRANSLATE_NOOP

DISK_FULL = QT_TRANSLATE_NOOP(
    "store", "This computer's disk is full: nothing new was saved. Free some space and try again."
)
OUT_OF_SPACE = {errno.ENOSPC, errno.EDQUOT}


def is_disk_full(exc: BaseException) -> bool:
    """ENOSPC/EDQUOT from a file write, or SQLite's 'database or disk is full'."""
    if isinstance(exc, OSError):
        return exc.errno in OUT_OF_SPACE
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


def disk_full_words() -> str:
    """DISK_FULL in the app's language."""
    return QCoreApplication.translate("store", DISK_FULL)
