"""The value field of a condition, fitted to the step it looks at: a Yes/No or option picker, a
number, a date, a time, a rating, or a checklist for `in` / `not in`.

Every value widget has `value()`, `set_value(v)` and `changed(merge)`. A value the widget cannot
show (an option id that no longer exists) is kept and shown with a warning, never silently replaced.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from rundun_desktop.answers import boolean_words
from server.tdl.conditions import LIST_OPS, PRESENCE_OPS
from server.tdl.configs import config_value

from .bindings import format_number, parse_number
from .qvariant import current_data, item_value


class ValueWidget(QWidget):
    changed = Signal(bool)  # merge: True while typing

    def __init__(self, inner: QWidget) -> None:
        super().__init__()
        self.inner = inner
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(inner)
        self._loading = False

    def value(self) -> Any:  # pragma: no cover - every subclass answers
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def _show(self, value: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def _emit(self, merge: bool = False) -> None:
        if not self._loading:
            self.changed.emit(merge)


class ComboValue(ValueWidget):
    """One of a fixed set: Yes/No, or one option."""

    def __init__(self, items: list[tuple[Any, str]]) -> None:
        self.combo = QComboBox()
        self.combo.setObjectName("conditionValue")
        super().__init__(self.combo)
        self.items = items
        self.combo.activated.connect(lambda _: self._emit())

    def value(self) -> Any:
        return current_data(self.combo)

    def _show(self, value: Any) -> None:
        self.combo.clear()
        for data, label in self.items:
            self.combo.addItem(label, item_value(data))
        index = next((i for i, (d, _) in enumerate(self.items) if d == value and type(d) is type(value)), -1)
        if index < 0 and value is not None:
            self.combo.addItem(f"⚠ {value}", value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


class LineValue(ValueWidget):
    """Free text, a number, or a comma-separated list of them (for in / not in)."""

    def __init__(self, kind: str, as_list: bool, placeholder: str = "") -> None:
        self.edit = QLineEdit()
        self.edit.setObjectName("conditionValue")
        self.edit.setPlaceholderText(placeholder)
        super().__init__(self.edit)
        self.kind, self.as_list = kind, as_list
        # A list's commas separate its numbers, so their decimal point is "."; else the language's.
        self.comma_is_decimal: bool | None = False if as_list else None
        self.edit.textEdited.connect(lambda _: self._emit(True))

    def _parse(self, text: str) -> Any:
        if self.kind == "number":
            return parse_number(text, self.comma_is_decimal)
        return text.strip() if self.as_list else text

    def _text(self, value: Any) -> str:
        if self.kind == "number":
            return format_number(value, self.comma_is_decimal)
        return "" if value is None else str(value)

    def value(self) -> Any:
        text = self.edit.text()
        if self.as_list:
            # Arabic's own comma separates too, as its placeholder writes the list ("مثل 10، 20").
            return [self._parse(part) for part in re.split(r"\s*[,،]\s*", text.strip()) if part.strip()]
        return self._parse(text)

    def _show(self, value: Any) -> None:
        items = value if isinstance(value, list) else [value]
        shown = ", ".join(self._text(v) for v in items)
        if self.edit.text() != shown and self.value() != value:
            self.edit.setText(shown)


class SpinValue(ValueWidget):
    def __init__(self, low: int, high: int) -> None:
        self.spin = QSpinBox()
        self.spin.setObjectName("conditionValue")
        self.spin.setRange(low, high)
        self.spin.lineEdit().setTextMargins(6, 0, 0, 0)  # see fields.spin_box
        super().__init__(self.spin)
        self.spin.valueChanged.connect(lambda _: self._emit(True))

    def value(self) -> Any:
        return self.spin.value()

    def _show(self, value: Any) -> None:
        self.spin.setValue(
            value if isinstance(value, int) and not isinstance(value, bool) else self.spin.minimum()
        )


class DateValue(ValueWidget):
    def __init__(self) -> None:
        self.date = QDateEdit()
        self.date.setObjectName("conditionValue")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        super().__init__(self.date)
        self.date.dateChanged.connect(lambda _: self._emit(True))

    def value(self) -> Any:
        return self.date.date().toString("yyyy-MM-dd")

    def _show(self, value: Any) -> None:
        parsed = QDate.fromString(value, "yyyy-MM-dd") if isinstance(value, str) else QDate()
        self.date.setDate(parsed if parsed.isValid() else QDate.currentDate())


class TimeValue(ValueWidget):
    def __init__(self) -> None:
        self.time = QTimeEdit()
        self.time.setObjectName("conditionValue")
        self.time.setDisplayFormat("HH:mm")
        super().__init__(self.time)
        self.time.timeChanged.connect(lambda _: self._emit(True))

    def value(self) -> Any:
        return self.time.time().toString("HH:mm")

    def _show(self, value: Any) -> None:
        parsed = QTime.fromString(value, "HH:mm") if isinstance(value, str) else QTime()
        self.time.setTime(parsed if parsed.isValid() else QTime(12, 0))


class CheckListValue(ValueWidget):
    """Several of a fixed set (in / not in on options or ratings)."""

    def __init__(self, items: list[tuple[Any, str]]) -> None:
        self.list = QListWidget()
        self.list.setObjectName("conditionValue")
        self.list.setMaximumHeight(min(132, 26 * max(1, len(items)) + 6))
        super().__init__(self.list)
        self.items = items
        self.list.itemChanged.connect(lambda _: self._emit())

    def value(self) -> Any:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def _show(self, value: Any) -> None:
        chosen = value if isinstance(value, list) else []
        self.list.clear()
        extra = [(v, f"⚠ {v}") for v in chosen if all(v != d for d, _ in self.items)]
        for data, label in [*self.items, *extra]:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, item_value(data))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if data in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)


def _options(step: dict[str, Any]) -> list[tuple[Any, str]]:
    options = (step.get("config") or {}).get("options") or []
    return [(o.get("id"), str(o.get("label") or o.get("id"))) for o in options if isinstance(o, dict)]


def make_value_widget(step: dict[str, Any] | None, op: str) -> ValueWidget | None:
    """The widget for a condition on `step` with `op`; None where the operator takes no value."""
    if step is None or op in PRESENCE_OPS:
        return None
    step_type = step.get("type")
    raw_config = step.get("config")
    config: dict[str, Any] = raw_config if isinstance(raw_config, dict) else {}
    rating: list[tuple[Any, str]] = []
    if step_type == "rating":
        low, high = config_value("rating", config, "min"), config_value("rating", config, "max")
        if isinstance(low, int) and isinstance(high, int):
            rating = [(i, str(i)) for i in range(low, high + 1)]
    if op in LIST_OPS:
        if step_type == "choice":
            return CheckListValue(_options(step))
        if step_type == "rating" and rating:
            return CheckListValue(rating)
        hint = {
            "number": QCoreApplication.translate("value_widgets", "e.g. 10, 12.5"),
            "date": QCoreApplication.translate("value_widgets", "YYYY-MM-DD, …"),
            "time": QCoreApplication.translate("value_widgets", "HH:MM, …"),
        }.get(step_type or "", "a, b, c")
        return LineValue(step_type or "text", True, hint)
    if step_type == "boolean":
        return ComboValue([(True, boolean_words(config, True)), (False, boolean_words(config, False))])
    if step_type in ("choice", "multi_choice"):
        return ComboValue(_options(step))
    if step_type == "rating" and rating:
        return SpinValue(rating[0][0], rating[-1][0])
    if step_type == "date":
        return DateValue()
    if step_type == "time":
        return TimeValue()
    if step_type == "number":
        return LineValue("number", False, "a number")
    return LineValue("text", False, "text")
