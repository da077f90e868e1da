"""The mouse wheel scrolls the page; it never changes a field the person has not clicked into.

Qt gives combo boxes and spin boxes the wheel (and the focus with it) as soon as the pointer passes over them,
so scrolling the editor's properties down a step's form turned the step's Type from Number into Text, or its
decimal places from "any" into 1, without a click. `guard_wheel(app)` makes those fields take the focus only
by a click or Tab, and passes the wheel of an unfocused one on to what holds it (the scroll area scrolls on).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from rundun_desktop.widgets.app_filter import Rule, app_filter

# Fields a wheel turn changes the value of (date and time edits are spin boxes).
VALUE_FIELDS = (QComboBox, QAbstractSpinBox)
POLISH, WHEEL = QEvent.Type.Polish, QEvent.Type.Wheel


def keep_wheel_off(watched: QObject, kind: QEvent.Type, event: QEvent) -> bool:
    """An unfocused value field lets the wheel through to its parent, and never takes the focus from it."""
    field = cast(QWidget, watched)
    if kind is POLISH:
        if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:  # the wheel would focus it first
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    elif kind is WHEEL and not field.hasFocus():
        # Ignored and filtered: QApplication hands an ignored wheel event on to the parent widget.
        event.ignore()
        return True
    return False


RULE = Rule(VALUE_FIELDS, keep_wheel_off)


def guard_wheel(app: QApplication) -> None:
    """Guard every value field of `app`, those made already too (again is a no-op)."""
    app_filter(app).add(RULE)
    for widget in app.allWidgets():  # fields made before the guard was installed
        if isinstance(widget, VALUE_FIELDS) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
