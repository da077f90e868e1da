"""The mouse wheel scrolls the page; it never changes a field the person has not clicked into.

Qt gives combo boxes and spin boxes the wheel (and the focus with it) as soon as the pointer passes over them,
so scrolling the editor's properties down a step's form turned the step's Type from Number into Text, or its
decimal places from "any" into 1, without a click. `guard_wheel(app)` makes those fields take the focus only
by a click or Tab, and passes the wheel of an unfocused one on to what holds it (the scroll area scrolls on).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

# Fields a wheel turn changes the value of (date and time edits are spin boxes).
VALUE_FIELDS = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """An application-wide event filter: unfocused value fields let the wheel through to their parents."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, VALUE_FIELDS):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:  # the wheel would focus it first
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, VALUE_FIELDS) and not watched.hasFocus():
            # Ignored and filtered: QApplication hands an ignored wheel event on to the parent widget.
            event.ignore()
            return True
        return False


def guard_wheel(app: QApplication) -> WheelGuard:
    """Install the guard on `app` once (again is a no-op) and return it."""
    found = app.findChild(WheelGuard)
    if found is not None:
        return found
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    for widget in app.allWidgets():  # fields made before the guard was installed
        if isinstance(widget, VALUE_FIELDS) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard
