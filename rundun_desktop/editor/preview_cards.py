"""One step of the live preview as the executor sees it: a card with the label, the hint and an
answer control for the step's type. Answering reports `answered(step_id, entry)`, where `entry` is
an answer-map entry (`{"value", "photos"}`) or None when the answer is cleared."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.answers import boolean_words
from rundun_desktop.check_words import check_words
from rundun_desktop.formatting import number
from rundun_desktop.range_words import date_range_text, number_range_text
from server import tdl
from server.tdl import Step, value_is_finding, value_problems
from server.tdl.configs import config_value

from ..widgets.layouts import FlowLayout
from .bindings import parse_number
from .flag_text import flag_words
from .icons import type_badge
from .qvariant import item_value

NO_DATE = QDate(1900, 1, 1)


class StepCard(QFrame):
    answered = Signal(str, object)

    def __init__(self, step: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("previewCard")
        self.step = step
        self.step_id = str(step.get("id"))
        raw_config = step.get("config")
        self.config: dict[str, Any] = raw_config if isinstance(raw_config, dict) else {}
        self.type = step.get("type")
        self.photos: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        head = QHBoxLayout()
        badge = QLabel()
        badge.setPixmap(type_badge(self.type, 16))
        head.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        label = QLabel(
            str(step.get("label") or "")
            + (" *" if step.get("required", True) and self.type != "instruction" else "")
        )
        label.setObjectName("previewLabel")
        label.setWordWrap(True)
        head.addWidget(label, 1)
        layout.addLayout(head)
        if step.get("hint"):
            hint = QLabel(str(step["hint"]))
            hint.setObjectName("muted")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        layout.addLayout(self.body)
        try:  # the step as the shared domain package reads it: answers are checked as the runner does
            self.model: Step | None = Step.model_validate(step)
        except ValueError:
            self.model = None
        self.problem = QLabel()
        self.problem.setObjectName("previewProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        getattr(self, f"_build_{self.type}", self._build_unknown)()
        layout.addWidget(self.problem)
        # SPEC §14: an answer that is a finding is marked in words (and colour), as the monitor will.
        self.finding = QLabel(self.tr("⚠ Finding: this answer needs action"))
        self.finding.setObjectName("previewFinding")
        self.finding.hide()
        layout.addWidget(self.finding)
        extras = []
        photo = step.get("photo")
        if isinstance(photo, dict) and self.type not in ("photo", "signature", "instruction"):
            low, high = photo.get("min", 0), photo.get("max", 0)
            extras.append(
                self.tr("Takes %Ln photo(s) with the answer", "", high)
                if low == high
                else self.tr("Takes {0}–{1} photos with the answer").format(low, high)
            )
        if step.get("geo"):
            extras.append(self.tr("Records the location"))
        rule = flag_words(self.type, step.get("flag"), self.config)
        if rule:
            extras.append(rule)
        if extras:
            note = QLabel(" · ".join(extras))
            note.setObjectName("muted")
            note.setWordWrap(True)
            layout.addWidget(note)

    # -- answering ------------------------------------------------------------------------------------
    def _answer(self, value: Any) -> None:
        """Record an answer, checked with the server's own checks (`server.tdl.value_problems`, as the
        runner does): one that the runner would refuse is flagged in words and not counted."""
        problems = value_problems(self.model, value) if value is not None and self.model is not None else []
        if problems:
            message = "; ".join(check_words(m) for _, m in problems)
            self.problem.setText(self.tr("The answer {0}.").format(message))
            value = None
        self.problem.setVisible(bool(problems))
        self.finding.setVisible(value_is_finding(str(self.type), self.step.get("flag"), value))
        entry = None if value is None and not self.photos else {"value": value, "photos": list(self.photos)}
        self.answered.emit(self.step_id, entry)

    def _toggle_group(self, values: list[tuple[Any, str]], style: str = "button") -> None:
        """Exclusive choice that can be cleared by clicking the chosen item again."""
        # Buttons wrap onto the next line where the preview is narrow (long choices, German at 1024 px).
        row: QLayout = FlowLayout() if style == "button" else QVBoxLayout()
        group = QButtonGroup(self)
        group.setExclusive(False)
        buttons: list[Any] = []
        for value, text in values:
            button: Any = QPushButton(text) if style == "button" else QRadioButton(text)
            button.setCheckable(True)
            button.setObjectName("previewChoice")
            button.setProperty("answer_value", item_value(value))
            group.addButton(button)
            buttons.append(button)
            row.addWidget(button)

        def clicked(button: Any) -> None:
            for other in buttons:
                if other is not button:
                    other.setChecked(False)
            self._answer(button.property("answer_value") if button.isChecked() else None)

        group.buttonClicked.connect(clicked)
        self.body.addLayout(row)
        self.choices = buttons

    def _build_boolean(self) -> None:
        self._toggle_group(
            [(True, boolean_words(self.config, True)), (False, boolean_words(self.config, False))]
        )

    def _build_choice(self) -> None:
        options = self.config.get("options") or []
        self._toggle_group(
            [(o.get("id"), str(o.get("label"))) for o in options if isinstance(o, dict)], "radio"
        )

    def _build_multi_choice(self) -> None:
        self.checks = []
        for option in self.config.get("options") or []:
            if isinstance(option, dict):
                box = QCheckBox(str(option.get("label")))
                box.setProperty("answer_value", item_value(option.get("id")))
                box.toggled.connect(self._multi_changed)
                self.checks.append(box)
                self.body.addWidget(box)

    def _multi_changed(self) -> None:
        chosen = [b.property("answer_value") for b in self.checks if b.isChecked()]
        self._answer(chosen or None)

    def _build_rating(self) -> None:
        low, high = config_value("rating", self.config, "min"), config_value("rating", self.config, "max")
        if not (isinstance(low, int) and isinstance(high, int)) or high - low > 10:
            return
        self._toggle_group([(i, number(i)) for i in range(low, high + 1)])  # the locale's digits
        ends = [str(self.config.get(k) or "") for k in ("low_label", "high_label")]
        if any(ends):
            row = QHBoxLayout()
            for text, align in zip(
                ends, (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight), strict=True
            ):
                label = QLabel(text)
                label.setObjectName("muted")
                row.addWidget(label, 1, align)
            self.body.addLayout(row)

    def _build_number(self) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(_range_hint(self.config))
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        if self.config.get("unit"):
            row.addWidget(QLabel(str(self.config["unit"])))
        self.body.addLayout(row)

        def changed(text: str) -> None:
            self._answer(parse_number(text))  # text that is no number is flagged by the checks too

        edit.textEdited.connect(changed)

    def _build_text(self) -> None:
        placeholder = str(self.config.get("placeholder") or "")
        if self.config.get("multiline"):
            area = QPlainTextEdit()
            area.setPlaceholderText(placeholder)
            area.setFixedHeight(64)
            area.textChanged.connect(lambda: self._answer(area.toPlainText() or None))
            self.body.addWidget(area)
        else:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.textEdited.connect(lambda text: self._answer(text or None))
            self.body.addWidget(edit)

    def _build_date(self) -> None:
        edit = QDateEdit()
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Choose a date"))
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(lambda d: self._answer(None if d == NO_DATE else d.toString("yyyy-MM-dd")))
        self.body.addWidget(edit)
        first, last = (self.config.get(k) for k in ("min", "max"))
        try:
            said = date_range_text(
                first if isinstance(first, str) else None, last if isinstance(last, str) else None
            )
        except ValueError:  # not a date yet (the checks say so)
            said = ""
        if said:  # as the runner says it beside the field
            note = QLabel(said)
            note.setObjectName("muted")
            self.body.addWidget(note)

    def _build_time(self) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("HH:MM"))
        edit.setMaxLength(5)
        edit.textEdited.connect(
            lambda text: self._answer(text if re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", text) else None)
        )
        self.body.addWidget(edit)

    def _photo_buttons(self, add_text: str, limit: int) -> None:
        row = FlowLayout()  # "Clear" goes under "Take photo" where both do not fit (German at 1024 px)
        add, clear = QPushButton(add_text), QPushButton(self.tr("Clear"))
        status = QLabel()
        status.setObjectName("muted")

        def update() -> None:
            status.setText(self.tr("{0} of {1}").format(number(len(self.photos)), number(limit)))
            add.setEnabled(len(self.photos) < limit)

        def added() -> None:
            self.photos.append(f"photo-{len(self.photos) + 1}")
            update()
            self._answer(None)

        def cleared() -> None:
            self.photos.clear()
            update()
            self._answer(None)

        add.clicked.connect(added)
        clear.clicked.connect(cleared)
        for w in (add, clear):
            row.addWidget(w)
        update()
        self.body.addLayout(row)
        # The count under the buttons: beside them the row was wider than the preview at 1024 px, which
        # then scrolled sideways with every card's right edge cut.
        self.body.addWidget(status)

    def _build_photo(self) -> None:
        limit = config_value("photo", self.config, "max")
        self._photo_buttons(self.tr("Take photo"), limit if isinstance(limit, int) else 5)

    def _build_signature(self) -> None:
        self._photo_buttons(self.tr("Sign"), 1)

    def _build_instruction(self) -> None:
        body = QLabel(str(self.config.get("body") or ""))
        body.setWordWrap(True)
        self.body.addWidget(body)

    def _build_unknown(self) -> None:
        self.body.addWidget(QLabel(self.tr("(this step's type is not valid)")))


def _range_hint(config: dict[str, Any]) -> str:
    """What the runner says beside a number field ("at least 1,000, whole number"), else "a number"."""
    try:
        said = number_range_text(tdl.NumberConfig.model_validate(config))
    except ValueError:  # pydantic's ValidationError: a config the checks refuse (the preview then waits)
        said = ""
    return said or QCoreApplication.translate("preview_cards", "a number")


class SectionHeader(QWidget):
    """The section title on top of the preview page, with the template name under it."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 4)
        self.title = QLabel()
        self.title.setObjectName("previewSection")
        self.note = QLabel()
        self.note.setObjectName("muted")
        for label in (self.title, self.note):  # a long name (German) wraps rather than widening the page
            label.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.note)

    def show_title(self, title: str, note: str) -> None:
        self.title.setText(title)
        self.note.setText(note)
        self.note.setVisible(bool(note))
