"""The "A finding when…" field of a step (SPEC §14): which answers are a problem someone must act on.

It fits the step's type: yes/no chooses the answer that is a finding; single and multiple choice tick
the options that are; number and rating give a range (below / above) outside which a value is one. It
reports the step's `flag` exactly as the TDL stores it (`true`/`false`, a list of option ids, `{below,
above}`, or None) through `edited(value, merge)`, so the properties controller turns it into an
undoable edit like every other field; typing a limit merges into one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from server.tdl import FLAG_TYPES

from .bindings import format_number, parse_number
from .fields import discard, line_edit, muted
from .flag_text import boolean_label, flag_words, option_labels
from .qvariant import current_data, find_data


class FlagEditor(QWidget):
    """One page per kind of flag; `set_step(type, config)` picks the page and names the options."""

    edited = Signal(object, bool)  # the new flag, whether the edit merges (typing a limit)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_type: str | None = None
        self.config: dict[str, Any] = {}
        self._shape: tuple = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.boolean = QComboBox()
        self.boolean.setObjectName("flagBoolean")
        self.boolean.activated.connect(lambda _: self._changed(False))
        layout.addWidget(self.boolean)

        self.options_box = QWidget()
        self.options_layout = QVBoxLayout(self.options_box)
        self.options_layout.setContentsMargins(0, 0, 0, 0)
        self.options_layout.setSpacing(2)
        intro = QLabel(self.tr("A finding when one of these is chosen:"))
        intro.setWordWrap(True)  # German is wider than the properties pane at 1024 px
        self.options_layout.addWidget(intro)
        self.option_checks: list[QCheckBox] = []
        layout.addWidget(self.options_box)

        self.below = line_edit(self.tr("no lower limit"), "flagBelow")
        self.above = line_edit(self.tr("no upper limit"), "flagAbove")
        for edit in (self.below, self.above):
            edit.setMaximumWidth(160)
            edit.textEdited.connect(lambda _: self._changed(True))
        # One limit a line: side by side in the properties pane at 1024 px, the two fields were squeezed to
        # 30 px and read "n…" instead of "no lower limit".
        self.range_box = QWidget()
        limits = QFormLayout(self.range_box)
        limits.setContentsMargins(0, 0, 0, 0)
        limits.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        limits.addRow(self.tr("A finding below"), self.below)
        limits.addRow(self.tr("or above"), self.above)
        layout.addWidget(self.range_box)

        self.words = muted("")
        self.words.setObjectName("flagWords")
        layout.addWidget(self.words)
        self.set_step(None, {})

    # -- the step it edits ----------------------------------------------------------------------------
    def set_step(self, step_type: Any, config: Any) -> None:
        """Fit the field to a step's type and options; rebuilt only when what it shows changed."""
        self.step_type = step_type if step_type in FLAG_TYPES else None
        self.config = dict(config) if isinstance(config, dict) else {}
        labels = option_labels(self.config)
        shape: tuple = (self.step_type,)
        if self.step_type == "boolean":
            shape += (boolean_label(self.config, True), boolean_label(self.config, False))
        elif self.step_type in ("choice", "multi_choice"):
            shape += tuple(labels.items())
        if shape == self._shape:
            return
        self._shape = shape
        self.boolean.setVisible(self.step_type == "boolean")
        self.options_box.setVisible(self.step_type in ("choice", "multi_choice"))
        self.range_box.setVisible(self.step_type in ("number", "rating"))
        if self.step_type == "boolean":
            self.boolean.clear()
            self.boolean.addItem(self.tr("Never a finding"), None)
            self.boolean.addItem(self.tr("A finding when the answer is {0}").format(shape[1]), True)
            self.boolean.addItem(self.tr("A finding when the answer is {0}").format(shape[2]), False)
        elif self.step_type in ("choice", "multi_choice"):
            for box in self.option_checks:
                discard(box)
            self.option_checks = []
            for option_id, label in labels.items():
                box = QCheckBox(label)
                box.setObjectName("flagOption")
                box.setToolTip(self.tr("Option {0}").format(option_id))
                box.setProperty("option_id", option_id)
                box.clicked.connect(lambda _: self._changed(False))
                self.options_layout.addWidget(box)
                self.option_checks.append(box)
        self._say(self.value())  # the controller loads the step's flag next

    # -- value ----------------------------------------------------------------------------------------
    def value(self) -> Any:
        if self.step_type == "boolean":
            return current_data(self.boolean)
        if self.step_type in ("choice", "multi_choice"):
            ticked = [str(box.property("option_id")) for box in self.option_checks if box.isChecked()]
            return ticked or None
        if self.step_type in ("number", "rating"):
            limits = {"below": parse_number(self.below.text()), "above": parse_number(self.above.text())}
            kept = {key: v for key, v in limits.items() if v is not None}
            return kept or None
        return None

    def set_value(self, value: Any) -> None:
        """Show a flag. Silent without guarding: the widgets' signals used here (activated, clicked,
        textEdited) fire on the designer's input only."""
        if self.step_type == "boolean":
            self.boolean.setCurrentIndex(
                max(0, find_data(self.boolean, value if isinstance(value, bool) else None))
            )
        elif self.step_type in ("choice", "multi_choice"):
            chosen = set(value) if isinstance(value, list) else set()
            for box in self.option_checks:
                box.setChecked(box.property("option_id") in chosen)
        elif self.step_type in ("number", "rating"):
            limits = value if isinstance(value, dict) else {}
            for key, edit in (("below", self.below), ("above", self.above)):
                if parse_number(edit.text()) != limits.get(key):  # never rewrites what is being typed
                    edit.setText(format_number(limits.get(key)))
        self._say(value)

    def _say(self, value: Any) -> None:
        words = flag_words(self.step_type, value, self.config)
        self.words.setText(f"⚠ {words}." if words else self.tr("No answer to this step is a finding."))

    def _changed(self, merge: bool) -> None:
        value = self.value()
        self._say(value)
        self.edited.emit(value, merge)
