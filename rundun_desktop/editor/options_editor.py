"""The options editor of choice and multi-choice steps: one row per option (id, label), with add,
remove and move up/down. It reports whole option lists; an id change is reported with the old and
new id so that the conditions naming that option can follow it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from .field_undo import commits_when_finished
from .fields import discard, line_edit
from .icons import icon


class OptionRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.id_edit = line_edit(self.tr("o-…"), "optionId")
        self.id_edit.setMinimumWidth(72)  # room to give where the labels are wider (Arabic at 1024 px)
        self.id_edit.setMaximumWidth(88)
        self.id_edit.setToolTip(self.tr("Option id (o-…): what the answer stores; change it with care"))
        commits_when_finished(self.id_edit)
        self.label_edit = line_edit(self.tr("Option label"), "optionLabel")
        self.label_edit.setMinimumWidth(110)  # what the executor reads: the room goes here first
        self.up = self._tool("up", self.tr("Move option up"))
        self.down = self._tool("down", self.tr("Move option down"))
        self.remove = self._tool("delete", self.tr("Remove option"))
        for w in (self.id_edit, self.label_edit, self.up, self.down, self.remove):
            layout.addWidget(w)
        layout.setStretch(1, 1)

    def _tool(self, name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(name))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button


class OptionsEditor(QWidget):
    """`edited(options, merge)` for labels, adds, removals and moves; `renamed(options, old, new)`."""

    edited = Signal(object, bool)
    renamed = Signal(object, str, str)

    def __init__(self, new_option_id: Callable[[set[str]], str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.new_option_id = new_option_id or (lambda taken: f"o-{len(taken) + 1}")
        self.options: list[dict[str, Any]] = []
        self.rows: list[OptionRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)
        layout.addLayout(self.rows_box)
        self.add_button = QPushButton(icon("add"), self.tr("Add option"))
        self.add_button.setObjectName("addOption")
        self.add_button.clicked.connect(self.add_option)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)

    # -- showing --------------------------------------------------------------------------------------
    def value(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self.options)

    def set_value(self, options: Any) -> None:
        options = copy.deepcopy(options) if isinstance(options, list) else []
        self.options = options
        while len(self.rows) < len(options):
            self._add_row()
        while len(self.rows) > len(options):
            row = self.rows.pop()
            discard(row)
        for row, option in zip(self.rows, options, strict=True):
            option = option if isinstance(option, dict) else {}
            for edit, key in ((row.id_edit, "id"), (row.label_edit, "label")):
                text = option.get(key) if isinstance(option.get(key), str) else ""
                if edit.text() != text:
                    edit.setText(text)
        for i, row in enumerate(self.rows):
            row.up.setEnabled(i > 0)
            row.down.setEnabled(i < len(self.rows) - 1)
            row.remove.setEnabled(True)  # even the last: the Problems tab then says a choice needs options

    def _add_row(self) -> None:
        row = OptionRow(self)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        row.show()  # now, not on the next turn of the loop
        row.label_edit.textEdited.connect(lambda text, r=row: self._label_edited(r, text))
        row.label_edit.returnPressed.connect(lambda r=row: self._return_pressed(r))
        row.id_edit.editingFinished.connect(lambda r=row: self._id_edited(r))
        row.up.clicked.connect(lambda _=False, r=row: self._move(r, -1))
        row.down.clicked.connect(lambda _=False, r=row: self._move(r, +1))
        row.remove.clicked.connect(lambda _=False, r=row: self._remove(r))

    # -- editing --------------------------------------------------------------------------------------
    def add_option(self) -> None:
        taken = {o["id"] for o in self.options if isinstance(o, dict) and isinstance(o.get("id"), str)}
        options = [
            *self.value(),
            {"id": self.new_option_id(taken), "label": self.tr("Option {0}").format(len(self.options) + 1)},
        ]
        self.set_value(options)
        self.edited.emit(self.value(), False)
        self.rows[-1].label_edit.setFocus()
        self.rows[-1].label_edit.selectAll()

    def _label_edited(self, row: OptionRow, text: str) -> None:
        options = self.value()
        options[self.rows.index(row)]["label"] = text
        self.options = options
        self.edited.emit(self.value(), True)

    def _return_pressed(self, row: OptionRow) -> None:
        if row is self.rows[-1]:
            self.add_option()

    def _id_edited(self, row: OptionRow) -> None:
        i = self.rows.index(row)
        old, new = self.options[i].get("id"), row.id_edit.text().strip()
        if new == old:
            return
        options = self.value()
        options[i]["id"] = new
        self.options = options
        self.renamed.emit(self.value(), old if isinstance(old, str) else "", new)

    def _move(self, row: OptionRow, delta: int) -> None:
        i = self.rows.index(row)
        j = i + delta
        if not 0 <= j < len(self.options):
            return
        options = self.value()
        options[i], options[j] = options[j], options[i]
        self.set_value(options)
        self.edited.emit(self.value(), False)
        self.rows[j].label_edit.setFocus()

    def _remove(self, row: OptionRow) -> None:
        options = self.value()
        del options[self.rows.index(row)]
        self.set_value(options)
        self.edited.emit(self.value(), False)

    def id_widgets(self) -> list[QLineEdit]:
        return [r.id_edit for r in self.rows]
