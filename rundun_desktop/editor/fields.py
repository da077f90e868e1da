"""Small composite fields of the properties panel, and the layout helpers the panels share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.widgets.layouts import FlowLayout


def discard(widget: QWidget) -> None:
    """Remove a child widget for good. Hidden first and never re-parented to None: a child added to a
    shown widget has a queued 'show' pending, which would pop a parentless widget up as a window."""
    widget.hide()
    widget.deleteLater()


def spin_box(low: int, high: int, special: str | None = None, suffix: str = "") -> QSpinBox:
    """A spin box; with `special`, its minimum shows that text and stands for 'not set'."""
    box = QSpinBox()
    box.setRange(low, high)
    if special:
        box.setSpecialValueText(special)
    if suffix:
        box.setSuffix(suffix)
    box.setKeyboardTracking(True)
    # The app's style sheet gives spin boxes no arrow images, and hiding the buttons (NoButtons)
    # leaves a 1-pixel text field under it; so the editor's sheet shrinks the buttons to nothing and
    # the text gets its margin here. Typing, the arrow keys and the mouse wheel step the value.
    box.lineEdit().setTextMargins(6, 0, 0, 0)
    box.setMaximumWidth(140)
    box.setMinimumWidth(60)
    return box


def line_edit(placeholder: str = "", name: str = "") -> QLineEdit:
    """A line edit; one with a length limit is `length_limit.limited_line_edit`, which says when it cut."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(False)
    if name:
        edit.setObjectName(name)
    return edit


def group(title: str, name: str = "") -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    if name:
        box.setObjectName(name)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # In a narrow pane a label goes above its field rather than pushing the form wider than the pane.
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(8)
    return box, form


def muted(text: str, word_wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName("muted")
    label.setWordWrap(word_wrap)
    return label


def row(*widgets: QWidget | str, stretch: bool = True) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for w in widgets:
        layout.addWidget(QLabel(w) if isinstance(w, str) else w)
    if stretch:
        layout.addStretch(1)
    return holder


class ProblemsBox(QFrame):
    """A red-edged note listing the problems of the node on show (hidden when there are none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsBox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.hide()

    def show_problems(self, problems: list[str]) -> None:
        self.label.setText("\n".join(f"⚠ {p}" for p in problems))
        self.setVisible(bool(problems))


class PhotoField(QWidget):
    """The step-level `photo`: false, or how many photos to take with the answer ({min, max})."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self.tr("Ask for photos"))
        self.enabled.setObjectName("photoEnabled")
        self.min = spin_box(0, 20)
        self.min.setObjectName("photoMin")
        self.max = spin_box(1, 20)
        self.max.setObjectName("photoMax")
        # The counts go under the box rather than beside it, so the field stays narrow.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.enabled)
        # Each count beside its words; the second under the first where the pane is narrow (Spanish and German
        # at 1024 px: side by side they made the properties pane scroll sideways).
        counts = FlowLayout()
        counts.setContentsMargins(22, 0, 0, 0)
        for text, box in (
            (QCoreApplication.translate("PhotoField", "at least"), self.min),
            (QCoreApplication.translate("PhotoField", "at most"), self.max),
        ):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(text))
            row.addWidget(box)
            counts.addWidget(pair)
        layout.addLayout(counts)
        self.enabled.clicked.connect(self._changed)
        self.min.valueChanged.connect(self._changed)
        self.max.valueChanged.connect(self._changed)
        self._loading = False
        self._sync()

    def value(self) -> Any:
        if not self.enabled.isChecked():
            return False
        return {"min": self.min.value(), "max": self.max.value()}

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            on = isinstance(value, dict)
            self.enabled.setChecked(on)
            self._show_counts(value if on else {})
            self._sync()
        finally:
            self._loading = False

    def _show_counts(self, counts: dict) -> None:
        """Show a step's counts; without them, the fresh counts (the lowest each box takes). A step without
        photos shows these, so ticking its box never copies the counts of a step shown before."""
        for key, box in (("min", self.min), ("max", self.max)):
            box.setValue(counts[key] if isinstance(counts.get(key), int) else box.minimum())

    def _sync(self) -> None:
        self.min.setEnabled(self.enabled.isChecked())
        self.max.setEnabled(self.enabled.isChecked())

    def _changed(self, *_: Any) -> None:
        self._sync()
        if not self._loading:
            if self.sender() is self.enabled and not self.enabled.isChecked():
                self._loading = True  # no photos: the counts go back to a fresh step's, not an edit
                try:
                    self._show_counts({})
                finally:
                    self._loading = False
            self.edited.emit(self.value())
