"""Reading and writing combo-box item data without handing None to Qt.

Qt has no None: an invalid QVariant comes back as None only by convention, and PySide6 6.12.0 on
CPython 3.11 miscounted None's references on that path (crashing the interpreter; pyproject.toml pins
PySide6 below 6.12). The editor keeps None out of Qt item data altogether with these helpers.
"""

from __future__ import annotations

from typing import Any

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
