"""Two-way bindings between a property widget and one path in a document node.

A binding shows a value (`load`) without echoing it back, and reports what the designer did
(`edited(path, value, merge)`); typing reports with merge=True so the undo stack folds a word into one
command. Loading a value the widget already shows does nothing, so the caret never jumps while typing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rundun_desktop import number_entry

from .doc import MISSING
from .field_undo import commits_when_finished
from .qvariant import current_data, find_data


class Binding(QObject):
    edited = Signal(object, object, bool)  # path, value, merge

    def __init__(
        self,
        path: tuple,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        signal: Any,
        *,
        merge: bool | None,
        default: Any = None,
    ) -> None:
        super().__init__(widget)
        self.path, self.widget, self.merge, self.default = tuple(path), widget, merge, default
        self._read, self._write, self._loading = read, write, False
        signal.connect(self._emit)

    def value(self) -> Any:
        return self._read()

    def name(self) -> str:
        """The field's name as the panel shows it, in the app's language: a check box's words, else its form
        row's label, else the title of the group it sits in ("Findings", "Condition"); "" when it has none."""
        if isinstance(self.widget, QCheckBox):
            return self.widget.text().replace("&", "")
        child, parent = self.widget, self.widget.parentWidget()
        while parent is not None:
            layout = parent.layout()
            label = layout.labelForField(child) if isinstance(layout, QFormLayout) else None
            if isinstance(label, QLabel) and label.text().strip():
                return label.text().replace("&", "").strip()
            if isinstance(parent, QGroupBox) and parent.title():
                return parent.title().replace("&", "")
            child, parent = parent, parent.parentWidget()
        return ""

    def load(self, value: Any) -> None:
        if value is MISSING:
            value = self.default
        current = self._read()
        if current == value and type(current) is type(value):
            return
        self._loading = True
        try:
            self._write(value)
        finally:
            self._loading = False

    def _emit(self, *args: Any) -> None:
        if not self._loading:
            # merge=None: the widget's signal says itself whether this edit merges (its last argument).
            merge = bool(args[-1]) if self.merge is None and args else bool(self.merge)
            self.edited.emit(self.path, self._read(), merge)


def parse_number(text: str, comma_is_decimal: bool | None = None) -> Any:
    """'' → None; a number as the app's language writes it, as the runner reads it (`number_entry`: '12' → 12,
    '1.5' → 1.5, '1,000' → 1000 in English, '0,5' → 0.5 in German); anything else stays text (and the checks
    will say so). `comma_is_decimal`: False where commas separate a list's numbers."""
    text = text.strip()
    if not text:
        return None
    comma = number_entry.decimal_comma() if comma_is_decimal is None else comma_is_decimal
    number = number_entry.read_number(text, comma)
    return text if number is None else number


def format_number(value: Any, comma_is_decimal: bool | None = None) -> str:
    """A number as its field shows it to be edited (every digit, the language's decimal point); text as is."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        comma = number_entry.decimal_comma() if comma_is_decimal is None else comma_is_decimal
        return number_entry.editable(value, comma)
    return str(value)


def line(
    path: tuple,
    edit: QLineEdit,
    *,
    empty: Any = None,
    live: bool = True,
    parse: Callable[[str], Any] | None = None,
    fmt: Callable[[Any], str] | None = None,
) -> Binding:
    """A line edit; empty text means `empty` (None: the field is cleared). `live` commits as you
    type; otherwise when editing finishes (ids, whose in-between states mean nothing)."""

    def read() -> Any:
        text = edit.text()
        if parse:
            return parse(text)
        return text if text else empty

    def write(value: Any) -> None:
        edit.setText(fmt(value) if fmt else ("" if value is None else str(value)))
        # A text shown, not typed, shows its start: at its end, a long name read "/ehicle handover inspection".
        edit.setCursorPosition(0)

    if not live:
        commits_when_finished(edit)
    signal = edit.textEdited if live else edit.editingFinished
    return Binding(path, edit, read, write, signal, merge=live, default=empty)


def text(path: tuple, edit: QPlainTextEdit, *, empty: Any = None) -> Binding:
    def write(value: Any) -> None:
        edit.setPlainText("" if value is None else str(value))

    return Binding(
        path, edit, lambda: edit.toPlainText() or empty, write, edit.textChanged, merge=True, default=empty
    )


def check(path: tuple, box: QCheckBox, default: bool = False) -> Binding:
    return Binding(
        path, box, box.isChecked, lambda v: box.setChecked(bool(v)), box.clicked, merge=False, default=default
    )


def spin(path: tuple, box: QSpinBox, *, none_at: int | None = None, default: Any = None) -> Binding:
    """A spin box; with `none_at`, its lowest value reads as None (shown as the special text)."""

    def read() -> Any:
        return None if none_at is not None and box.value() == none_at else box.value()

    def write(value: Any) -> None:
        box.setValue(
            none_at
            if value is None and none_at is not None
            else value
            if isinstance(value, int)
            else box.minimum()
        )

    return Binding(path, box, read, write, box.valueChanged, merge=True, default=default)


def combo(path: tuple, box: QComboBox, default: Any = None) -> Binding:
    """A combo box whose items carry their values as item data."""

    def write(value: Any) -> None:
        box.setCurrentIndex(find_data(box, value))

    return Binding(path, box, lambda: current_data(box), write, box.activated, merge=False, default=default)


def custom(path: tuple, widget: Any, *, merge: bool | None = False, default: Any = None) -> Binding:
    """A composite field with `value()`, `set_value(v)` and an `edited` signal (merge=None: the
    signal's last argument says whether the edit merges)."""
    return Binding(path, widget, widget.value, widget.set_value, widget.edited, merge=merge, default=default)
