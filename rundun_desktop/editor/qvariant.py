"""Working around a reference-count bug of PySide6 6.12.0 on CPython 3.11.

PySide6 6.12.0 returns None to Python without counting the reference, on CPython versions where None
is not immortal (before 3.12): every call of a method that returns nothing (`label.setText(…)`,
`item.setData(…)`), every invalid QVariant read back (`combo.currentData()` with no current item,
`.data(role)` of a role never set) and every None handed to a QVariant parameter costs None one
reference, until Python aborts with "Fatal Python error: none_dealloc: deallocating None". 6.11.2
does not do this (measured: -100 vs +0 over 100 `QLabel.setText` calls).

The fix is in the environment (PySide6 < 6.12 or CPython ≥ 3.12). Until then `guard_none_refcount`
adds the lost references back (on CPython 3.11 an object's count is its first field), and the editor
avoids the QVariant cases anyway: it never stores None in Qt and reads combo data through
`current_data` / `find_data`.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

import PySide6
from PySide6.QtWidgets import QComboBox


def current_data(combo: QComboBox) -> Any:
    """The current item's data, or None when there is no current item (without asking Qt)."""
    return combo.currentData() if combo.currentIndex() >= 0 else None


def find_data(combo: QComboBox, value: Any) -> int:
    """`combo.findData(value)`, or -1 for None (which Qt must never be handed)."""
    return -1 if value is None else combo.findData(value)


def item_value(value: Any) -> Any:
    """A value fit to store as item data: None becomes '' (no id, no type)."""
    return "" if value is None else value


_AFFECTED = (
    sys.implementation.name == "cpython"
    and sys.version_info < (3, 12)
    and PySide6.__version__.startswith("6.12.")
)
RESERVE = 1 << 30


def guard_none_refcount() -> None:
    """Raise None's reference count back to `RESERVE` when it has sunk below half of it (a no-op where
    the bug is absent). One `sys.getrefcount` per call otherwise: cheap enough for every refresh.
    The references are added to the count itself, not held in a list, so that they outlive the
    interpreter's own teardown (where a freed list would hand the missing references back)."""
    if _AFFECTED and sys.getrefcount(None) < RESERVE // 2:
        ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
