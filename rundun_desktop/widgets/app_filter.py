"""The app's one application-wide event filter, for the few rules that hold for every widget of a kind (Enter
presses a focused button, `enter_presses`; the wheel never changes an unclicked field, `wheel`).

Why one filter, gated by the watched object's class: an application-wide filter is called for every event of
every object, some 5,000 a second while a run's detail refreshes (bench/desktop_week_soak.py --phase detail).
Each of the two filters this replaces cost 1.2–1.5 µs an event over Qt's own 0.3 µs, mostly PySide6 making
`event.type()` an enum (0.8 µs) and `isinstance` against Qt classes (0.6 µs), whatever the widget. Here the
watched object's class is looked up in a memo first: an event of a widget no rule is for (a label, a frame:
nearly all of them) costs 0.4 µs over Qt's, and the event's type is read once for the rules that are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

# (the object, the event's type, the event) → whether the event is taken (filtered out)
Handler = Callable[[QObject, QEvent.Type, QEvent], bool]


class Rule(NamedTuple):
    classes: tuple[type, ...]  # the objects the rule is for (their subclasses too)
    handle: Handler


class AppFilter(QObject):
    """Passes each event of an object to the rules for its class, in order, until one takes it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rules: list[Rule] = []
        self._handlers: dict[type, tuple[Handler, ...]] = {}  # class → the rules' handlers for it

    def add(self, rule: Rule) -> None:
        if rule not in self.rules:
            self.rules.append(rule)
            self._handlers.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        cls = type(watched)
        handlers = self._handlers.get(cls)
        if handlers is None:
            handlers = self._handlers[cls] = tuple(
                rule.handle for rule in self.rules if issubclass(cls, rule.classes)
            )
        if not handlers:
            return False
        kind = event.type()
        return any(handle(watched, kind, event) for handle in handlers)


def app_filter(app: QApplication) -> AppFilter:
    """The app's filter, installed on `app` the first time it is asked for."""
    found = app.findChild(AppFilter)
    if found is None:
        found = AppFilter(app)
        app.installEventFilter(found)
    return found
