"""One answer input per step type. Each shows a value (`set_value`, no signal) and reports the executor's
finished answer as `committed(value)` (None clears it). Checking the value is the controller's job (with
`server.tdl.check_answer`), so every input stays a plain view.

Keyboard: every control is in the Tab order; Space or Enter toggles buttons, arrows move between radio
buttons; line edits commit on Enter or when focus leaves them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from rundun_desktop import formatting as fmt
from rundun_desktop import number_entry
from rundun_desktop.answers import boolean_words
from rundun_desktop.range_words import date_range_text, number_range_text
from rundun_desktop.words import QT_TRANSLATE_NOOP
from server import tdl

MANY_OPTIONS = 8  # more choice options than this: a drop-down instead of radio buttons


class AnswerInput(QWidget):
    committed = Signal(object)
    edited = Signal()  # typed in: not committed yet (see `_commit_when_typing_pauses`)
    TYPING_PAUSE_MS = 900

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(parent)
        self.step = step
        self.config: Any = step.config
        self.language = language  # the run's: the checklist's own words are in it (the app's chrome is not)
        self._pause: QTimer | None = None

    def _commit_when_typing_pauses(self, typed: SignalInstance) -> None:
        """What is typed is committed once typing pauses, as well as on Enter or when focus leaves: a field
        committed only on leaving it lost everything typed in it to a crash or a power cut, while its card
        said "Synced" (the value synced was the one before)."""
        self._pause = QTimer(self, singleShot=True, interval=self.TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._finished)
        typed.connect(self._pause.start)
        typed.connect(self.edited)

    def _finished(self) -> None:
        """Commit what the field shows, if it changed (typed inputs)."""
        raise NotImplementedError

    def _pause_over(self) -> None:
        """Committed (or replaced) now: the pending commit after the pause has nothing left to do."""
        if self._pause is not None:
            self._pause.stop()

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def first_focus(self) -> QWidget:
        """The control that takes focus when the step is jumped to."""
        return self


class ChoiceButton(QPushButton):
    """A checkable button that Enter toggles as Space does."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("choice")
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class _ButtonsInput(AnswerInput):
    """A row of checkable buttons, at most one checked; clicking the checked one clears the answer."""

    def _build(self, items: list[tuple[Any, str]], layout: QHBoxLayout) -> None:
        self.buttons: dict[Any, ChoiceButton] = {}
        self._value: Any = None
        for value, text in items:
            b = ChoiceButton(text)
            b.clicked.connect(lambda _=False, v=value: self._clicked(v))
            layout.addWidget(b)
            self.buttons[value] = b

    def _clicked(self, value: Any) -> None:
        new = None if self._value == value and type(self._value) is type(value) else value
        self.set_value(new)
        self.committed.emit(new)

    def set_value(self, value: Any) -> None:
        self._value = value
        for v, b in self.buttons.items():
            b.setChecked(value is not None and v == value and type(v) is type(value))

    def first_focus(self) -> QWidget:
        return next(iter(self.buttons.values()))


class BooleanInput(_ButtonsInput):
    """Yes and No in the run's language: a run opened in German in an English app said "Yes" among German
    steps (the phone runner says them in the run's language too)."""

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        labels = {"true_label": self.config.true_label, "false_label": self.config.false_label}
        words = [(value, boolean_words(labels, value, language)) for value in (True, False)]
        self._build(words, row)
        row.addStretch(1)


class RatingInput(_ButtonsInput):
    """min…max as buttons, the low and high labels under the ends."""

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(6)
        # In the locale's digits, as the run's other numbers (Arabic's read 1 2 3 4 5 beside its ٠/٤).
        self._build([(n, fmt.number(n)) for n in range(self.config.min, self.config.max + 1)], row)
        grid.addLayout(row, 0, 0, 1, 2)
        for col, text, align in (
            (0, self.config.low_label, Qt.AlignmentFlag.AlignLeft),
            (1, self.config.high_label, Qt.AlignmentFlag.AlignRight),
        ):
            if text:
                label = QLabel(text)
                label.setObjectName("scaleLabel")
                grid.addWidget(label, 1, col, align)
        grid.setColumnStretch(2, 1)


ARROW_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}


class ChoiceInput(AnswerInput):
    """Radio buttons (a drop-down when there are many options); selecting commits."""

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.options = [(o.id, o.label) for o in self.config.options]
        self.combo: QComboBox | None = None
        self.radios: dict[str, QRadioButton] = {}
        if len(self.options) > MANY_OPTIONS:
            self.combo = QComboBox()
            self.combo.addItem(self.tr("Choose…"), None)
            for oid, text in self.options:
                self.combo.addItem(text, oid)
            self.combo.activated.connect(lambda i: self.committed.emit(self.combo.itemData(i)))
            layout.addWidget(self.combo)
            return
        self.group = QButtonGroup(self)
        for oid, text in self.options:
            radio = QRadioButton(text)
            self.group.addButton(radio)
            radio.clicked.connect(lambda _=False, v=oid: self.committed.emit(v))
            radio.installEventFilter(self)
            layout.addWidget(radio)
            self.radios[oid] = radio

    def eventFilter(self, watched, event) -> bool:
        """Arrow keys move to the next or previous option AND select it, wrapping around, as a radio group
        does on Windows, macOS and GTK (Qt moves the focus only while nothing is selected)."""
        if event.type() == QEvent.Type.KeyPress and watched in self.radios.values():
            step = ARROW_STEPS.get(event.key())
            if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                radios = list(self.radios.values())
                target = radios[(radios.index(watched) + step) % len(radios)]
                target.setFocus(Qt.FocusReason.TabFocusReason)
                target.click()
                return True
        return super().eventFilter(watched, event)

    def set_value(self, value: Any) -> None:
        if self.combo is not None:
            index = self.combo.findData(value) if value is not None else 0
            self.combo.setCurrentIndex(max(0, index))
            return
        self.group.setExclusive(False)  # so that no button may be checked
        for oid, radio in self.radios.items():
            radio.setChecked(oid == value)
        self.group.setExclusive(True)

    def first_focus(self) -> QWidget:
        return self.combo or next(iter(self.radios.values()))


class MultiChoiceInput(AnswerInput):
    """Check boxes; each toggle commits the selection (in option order; none selected clears)."""

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.boxes: dict[str, QCheckBox] = {}
        for option in self.config.options:
            box = QCheckBox(option.label)
            box.toggled.connect(self._toggled)
            layout.addWidget(box)
            self.boxes[option.id] = box
        self._quiet = False

    def _toggled(self) -> None:
        if not self._quiet:
            chosen = [oid for oid, box in self.boxes.items() if box.isChecked()]
            self.committed.emit(chosen or None)

    def set_value(self, value: Any) -> None:
        self._quiet = True
        chosen = set(value or [])
        for oid, box in self.boxes.items():
            box.setChecked(oid in chosen)
        self._quiet = False

    def first_focus(self) -> QWidget:
        return next(iter(self.boxes.values()))


class _LineInput(AnswerInput):
    """A line edit that commits its parsed text on Enter or when focus leaves it (only if it changed)."""

    placeholder = ""
    # The form a value is shown in once read, if the field shows it so (see `_show_as_read`).
    shows_as_read: re.Pattern | None = None

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            QCoreApplication.translate("inputs", self.placeholder) if self.placeholder else ""
        )
        self.edit.editingFinished.connect(self._finished)
        if self.shows_as_read:
            self.edit.editingFinished.connect(self._show_as_read)
        self._commit_when_typing_pauses(self.edit.textEdited)
        self.row.addWidget(self.edit)
        self._shown = ""

    def _finished(self) -> None:
        self._pause_over()
        text = self.edit.text().strip()
        if text != self._shown:
            self._shown = text
            self.committed.emit(self.parse(text) if text else None)

    def parse(self, text: str) -> Any:
        return text

    def _show_as_read(self) -> None:
        """On Enter or on leaving the field (after its commit), the value as it was read: 2026-03-04 for
        03/04/2026, 14:30 for 2:30 pm, so a day and month read the other way round are seen at once. Not when
        typing pauses: what is being typed is never rewritten."""
        value = self.parse(self.edit.text().strip())
        read = isinstance(value, str) and self.shows_as_read and self.shows_as_read.fullmatch(value)
        if read and value != self.edit.text():
            self.show_text(value)

    def show_text(self, text: str) -> None:
        self._pause_over()
        self._shown = text
        self.edit.setText(text)

    def set_value(self, value: Any) -> None:
        self.show_text("" if value is None else str(value))

    def commit_text(self, text: str) -> None:
        """Put `text` in the field and commit it, as typing it and pressing Enter would."""
        self.edit.setText(text)
        self._finished()

    def first_focus(self) -> QWidget:
        return self.edit


class NumberInput(_LineInput):
    """A number with its unit and its range, read as the app's language writes numbers (`number_entry`: "45,210"
    km is 45210 in English, "12,5" is 12.5 everywhere). Text that is no number is committed as is, so the
    controller reports it in words."""

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        cfg = self.config
        self.edit.setMaximumWidth(180)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        if cfg.unit:
            self.row.addWidget(QLabel(cfg.unit))
        note = number_range_text(cfg)
        if note:
            hint = QLabel(note)
            hint.setObjectName("stepNote")
            self.row.addWidget(hint)
        self.row.addStretch(1)

    def parse(self, text: str) -> Any:
        number = number_entry.read_number(text, number_entry.decimal_comma())
        return text if number is None else number

    def set_value(self, value: Any) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.show_text(number_entry.shown(value))
        else:
            self.show_text("" if value is None else str(value))


class TextInput(AnswerInput):
    """One line, or several (`multiline`: Tab still moves on); commits when focus leaves or typing pauses."""

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        cfg = self.config
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.limit = cfg.max_length or 10_000
        self._shown = ""
        if cfg.multiline:
            self.edit: QLineEdit | QPlainTextEdit = _PlainText(self._finished)
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(96)
            self._commit_when_typing_pauses(self.edit.textChanged)  # set_value blocks it: typed changes only
        else:
            self.edit = QLineEdit()
            self.edit.setMaxLength(self.limit)
            self.edit.editingFinished.connect(self._finished)
            self._commit_when_typing_pauses(self.edit.textEdited)
        self.edit.textChanged.connect(self._count)
        self.edit.setPlaceholderText(cfg.placeholder or "")
        layout.addWidget(self.edit)
        self.counter = QLabel("")
        self.counter.setObjectName("stepNote")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.counter)
        self.counter.setVisible(cfg.max_length is not None)
        self._count()

    def text(self) -> str:
        return self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()

    def _count(self) -> None:
        self.counter.setText(f"{len(self.text())} / {self.limit}")

    def _finished(self) -> None:
        self._pause_over()
        text = self.text()
        if text.strip() != self._shown.strip():
            self._shown = text
            self.committed.emit(text if text.strip() else None)

    def set_value(self, value: Any) -> None:
        self._shown = value or ""
        self._pause_over()
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.blockSignals(True)
            self.edit.setPlainText(self._shown)
            self.edit.blockSignals(False)
        else:
            self.edit.setText(self._shown)
        self._count()

    def commit_text(self, text: str) -> None:
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)
        self._finished()

    def first_focus(self) -> QWidget:
        return self.edit


class _PlainText(QPlainTextEdit):
    """A multi-line edit that reports when focus leaves it."""

    def __init__(self, on_leave):
        super().__init__()
        self._on_leave = on_leave

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._on_leave()


class DateInput(_LineInput):
    """YYYY-MM-DD typed, picked from a calendar, or Today; the range from the config is shown."""

    placeholder = QT_TRANSLATE_NOOP("inputs", "YYYY-MM-DD")  # German writes JJJJ-MM-TT
    shows_as_read = re.compile(r"\d{4}-\d{2}-\d{2}")

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        self.edit.setMaximumWidth(150)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        if self.config.min:
            self.calendar.setMinimumDate(QDate.fromString(self.config.min, "yyyy-MM-dd"))
        if self.config.max:
            self.calendar.setMaximumDate(QDate.fromString(self.config.max, "yyyy-MM-dd"))
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)

        def picked(day: QDate) -> None:
            menu.close()
            self.commit_text(day.toString("yyyy-MM-dd"))

        self.calendar.clicked.connect(picked)
        self.pick = QPushButton(self.tr("Calendar"))
        self.pick.setMenu(menu)
        self.today = QPushButton(self.tr("Today"))
        self.today.clicked.connect(lambda: self.commit_text(date.today().isoformat()))
        self.row.addWidget(self.pick)
        self.row.addWidget(self.today)
        note = date_range_text(self.config.min, self.config.max)
        if note:
            hint = QLabel(note)
            hint.setObjectName("stepNote")
            self.row.addWidget(hint)
        self.row.addStretch(1)

    def parse(self, text: str) -> Any:
        for form in ("%Y-%m-%d", "%d.%m.%Y", *slash_date_forms(), "%Y/%m/%d"):
            try:
                return datetime.strptime(text, form).date().isoformat()
            except ValueError:
                continue
        return text


def slash_date_forms() -> tuple[str, str]:
    """How a date written with slashes is read: first in the order the app's language writes dates, 03/04/2026
    being 4 March in American English (the app's English unless the computer says otherwise) and 3 April in
    British English, Spanish and Arabic; then the other way round, so that 22/05/2026 is still 22 May in
    American English (no month 22). It was read day first everywhere: an American's 4 March was stored as
    3 April."""
    short = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    first = next((c for c in short if c in "dMy"), "d")
    day_first, month_first = "%d/%m/%Y", "%m/%d/%Y"
    return (month_first, day_first) if first == "M" else (day_first, month_first)


class TimeInput(_LineInput):
    """HH:MM typed (8:30, 0830, 8.30 and 2:30 pm are read too) or Now."""

    placeholder = "HH:MM"
    shows_as_read = re.compile(r"\d{2}:\d{2}")

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        self.edit.setMaximumWidth(110)
        self.now = QPushButton(self.tr("Now"))
        self.now.clicked.connect(lambda: self.commit_text(datetime.now().strftime("%H:%M")))
        self.row.addWidget(self.now)
        self.row.addStretch(1)

    def parse(self, text: str) -> Any:
        match = CLOCK_TIME.fullmatch(text.strip())
        if not match or not (match["minute"] or match["half"]):
            return text  # the step's checks say what it takes
        hour, minute = int(match["hour"]), match["minute"] or "00"
        if match["half"]:  # 12 am is midnight, 12 pm noon
            if not 1 <= hour <= 12:
                return text
            hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
        return f"{hour:02d}:{minute}"


# 8:30, 0830, 8.30, 8h30; and as English writes the half of the day: 2:30 pm, 2pm, 12 a.m.
CLOCK_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.h]?(?P<minute>\d{2}))?\s*(?:(?P<half>[ap])\.?\s*m\.?)?", re.IGNORECASE
)


class InstructionView(AnswerInput):
    """Never answered: the text to read."""

    def __init__(self, step: tdl.Step, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(step, parent, language=language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        body = QLabel(self.config.body or "")
        body.setObjectName("instructionBody")
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setVisible(bool(self.config.body))
        layout.addWidget(body)

    def set_value(self, value: Any) -> None:
        pass


INPUTS: dict[str, type[AnswerInput]] = {
    "boolean": BooleanInput,
    "number": NumberInput,
    "text": TextInput,
    "choice": ChoiceInput,
    "multi_choice": MultiChoiceInput,
    "rating": RatingInput,
    "date": DateInput,
    "time": TimeInput,
    "instruction": InstructionView,
}
