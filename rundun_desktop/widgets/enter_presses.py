"""Enter presses the push button that has the keyboard focus, everywhere in the app.

Qt's push buttons take Space; Enter presses one only inside a dialog (the default button). On a page, a person
who reached "New template" with Tab and pressed Enter got nothing, and had to know to press Space. Inside
dialogs Enter keeps Qt's meaning (the focused auto-default button is the default one, so it is the same press).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPresses(QObject):
    """An application-wide event filter: Enter on a focused, enabled push button outside a dialog clicks it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and isinstance(watched, QPushButton)
            and watched.hasFocus()
            and watched.isEnabled()
            and not isinstance(watched.window(), QDialog)
        ):
            watched.click()  # at once, as the press of Space it stands for (animateClick waited 100 ms)
            return True
        return False


def enter_presses_buttons(app: QApplication) -> EnterPresses:
    """Install the filter on `app` once (again is a no-op) and return it."""
    found = app.findChild(EnterPresses)
    if found is None:
        found = EnterPresses(app)
        app.installEventFilter(found)
    return found
