"""Enter presses the push button that has the keyboard focus, everywhere in the app.

Qt's push buttons take Space; Enter presses one only inside a dialog (the default button). On a page, a person
who reached "New template" with Tab and pressed Enter got nothing, and had to know to press Space. Inside
dialogs Enter keeps Qt's meaning (the focused auto-default button is the default one, so it is the same press).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from rundun_desktop.widgets.app_filter import Rule, app_filter

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
KEY_PRESS = QEvent.Type.KeyPress
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def press_on_enter(watched: QObject, kind: QEvent.Type, event: QEvent) -> bool:
    """Enter on a focused, enabled push button outside a dialog clicks it."""
    if kind is not KEY_PRESS:
        return False
    key = cast(QKeyEvent, event)
    button = cast(QPushButton, watched)
    if (
        key.key() in ENTER_KEYS
        and key.modifiers() in PLAIN
        and button.hasFocus()
        and button.isEnabled()
        and not isinstance(button.window(), QDialog)
    ):
        button.click()  # at once, as the press of Space it stands for (animateClick waited 100 ms)
        return True
    return False


RULE = Rule((QPushButton,), press_on_enter)


def enter_presses_buttons(app: QApplication) -> None:
    """Enter presses the focused button in every window of `app` (again is a no-op)."""
    app_filter(app).add(RULE)
