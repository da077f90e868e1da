"""The condition builder: show a step only if earlier answers say so.

A condition is a list of rows under "all of" / "any of"; a row compares one earlier step (an operator
offered for that step's type, a value widget that fits it) or is a nested group. The editor emits the
whole condition (`{"when": …}` or None) on every change, and says it in plain words underneath.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.italics import italic_for
from server.tdl.conditions import MAX_CONDITION_DEPTH, OPS_BY_TYPE

from .condition_text import condition_step_ids, condition_words, default_value, op_words
from .fields import discard
from .icons import icon, type_icon
from .qvariant import current_data, find_data, item_value
from .value_widgets import ValueWidget, make_value_widget

Steps = dict[str, dict[str, Any]]


class LeafRow(QWidget):
    """One comparison: [step] [operator] [value] [remove]."""

    changed = Signal(bool)
    remove_requested = Signal(QWidget)

    def __init__(self, editor: ConditionEditor, node: dict[str, Any]) -> None:
        super().__init__()
        self.editor = editor
        self.step_combo = QComboBox()
        self.step_combo.setObjectName("conditionStep")
        self.step_combo.setMinimumContentsLength(10)
        self.step_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.op_combo = QComboBox()
        self.op_combo.setObjectName("conditionOp")
        self.op_combo.setMinimumContentsLength(6)
        self.op_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.value_widget: ValueWidget | None = None
        remove = QToolButton()
        remove.setIcon(icon("delete"))
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Remove this condition"))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        # One line when the pane is wide enough, two when it is not (step and ×, then operator and value):
        # the row's minimum width is that of two lines, so it never forces the panel wider than its pane.
        self.layout_ = QGridLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setHorizontalSpacing(6)
        self.layout_.setVerticalSpacing(4)
        self.value_holder = QWidget()
        self.value_slot = QHBoxLayout(self.value_holder)
        self.value_slot.setContentsMargins(0, 0, 0, 0)
        self.remove_button = remove
        self.narrow: bool | None = None
        self._arrange(False)
        self._fill_steps(node.get("step"))
        self._fill_ops(node.get("op"))
        self._make_value(node.get("value"))
        self.step_combo.activated.connect(self._step_chosen)
        self.op_combo.activated.connect(self._op_chosen)

    def step(self) -> dict[str, Any] | None:
        return self.editor.all_steps.get(current_data(self.step_combo))

    def _wide_width(self) -> int:
        """One line only when the step's name and the longest operator show whole beside the value (a row
        laid out by stretch alone cut "is more than" to "is more thar", or the step's name)."""
        parts = (self.value_holder, self.remove_button)
        return (
            sum(w.minimumSizeHint().width() for w in parts)
            + self._whole_width(self.step_combo, [self.step_combo.currentText()])
            + self._op_width()
            + 3 * self.layout_.horizontalSpacing()
        )

    def _op_width(self) -> int:
        combo = self.op_combo
        return self._whole_width(combo, [combo.itemText(i) for i in range(combo.count())])

    @staticmethod
    def _whole_width(combo: QComboBox, texts: list[str]) -> int:
        """The combo box's width that shows the widest of `texts` whole. Its minimum holds a few characters
        (so that the row never forces the pane wider than it is)."""
        metrics = combo.fontMetrics()
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        text_room = metrics.horizontalAdvance("x") * combo.minimumContentsLength()
        return combo.minimumSizeHint().width() + max(0, widest - text_room)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        spacing = self.layout_.horizontalSpacing()
        first = (
            self.step_combo.minimumSizeHint().width() + spacing + self.remove_button.minimumSizeHint().width()
        )
        second = (
            self.op_combo.minimumSizeHint().width() + spacing + self.value_holder.minimumSizeHint().width()
        )
        hint.setWidth(max(first, second))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width() < self._wide_width())

    def _arrange(self, narrow: bool, *, again: bool = False) -> None:
        if narrow == self.narrow and not again:
            return
        self.narrow = narrow
        grid = self.layout_
        for widget in (self.step_combo, self.op_combo, self.value_holder, self.remove_button):
            grid.removeWidget(widget)
        for column in range(4):
            grid.setColumnStretch(column, 0)
            grid.setColumnMinimumWidth(column, 0)
        if narrow:  # the operator beside the value, half and half: room for its words in a narrow pane
            grid.addWidget(self.step_combo, 0, 0, 1, 2)
            grid.addWidget(self.remove_button, 0, 2)
            grid.addWidget(self.op_combo, 1, 0)
            grid.addWidget(self.value_holder, 1, 1, 1, 2)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
        else:
            for column, widget in enumerate(
                (self.step_combo, self.op_combo, self.value_holder, self.remove_button)
            ):
                grid.addWidget(widget, 0, column)
            for column, stretch in enumerate((3, 2, 3)):
                grid.setColumnStretch(column, stretch)
            grid.setColumnMinimumWidth(0, self._whole_width(self.step_combo, [self.step_combo.currentText()]))
            grid.setColumnMinimumWidth(1, self._op_width())

    def to_node(self) -> dict[str, Any]:
        node: dict[str, Any] = {"step": current_data(self.step_combo), "op": current_data(self.op_combo)}
        node["value"] = self.value_widget.value() if self.value_widget else None
        return node

    def refill_steps(self) -> None:
        """The editor's earlier steps changed: list them again, the chosen one kept."""
        self._fill_steps(current_data(self.step_combo))

    def _fill_steps(self, current: Any) -> None:
        self.step_combo.clear()
        for step in self.editor.candidates:
            self.step_combo.addItem(
                type_icon(step.get("type")),
                str(step.get("label") or step.get("id")),
                item_value(step.get("id")),
            )
        index = find_data(self.step_combo, current)
        if index < 0 and current is not None:
            known = self.editor.all_steps.get(current)
            why = self.tr("a later step") if known else self.tr("not a step of this template")
            self.step_combo.addItem(
                icon("warning"), f"{(known or {}).get('label') or current} ({why})", current
            )
            index = self.step_combo.count() - 1
        self.step_combo.setCurrentIndex(index)

    def _fill_ops(self, current: Any, keep_unknown: bool = True) -> None:
        """The operators of the chosen step's type; an operator that does not fit is kept (marked by
        validation) when loading, and dropped when the designer picks another step."""
        step = self.step()
        step_type = step.get("type") if step else None
        ops = list(OPS_BY_TYPE.get(step_type, ())) if step_type else []
        if current is not None and current not in ops and keep_unknown:
            ops.append(current)
        self.op_combo.clear()
        for op in ops:
            self.op_combo.addItem(op_words(op, step_type), op)
        self.op_combo.setCurrentIndex(max(0, find_data(self.op_combo, current)))
        if self.isVisible():  # one line or two for these operators' words (else its first resize decides)
            self._arrange(self.width() < self._wide_width(), again=True)

    def _make_value(self, value: Any) -> None:
        if self.value_widget is not None:
            discard(self.value_widget)
        self.value_widget = make_value_widget(self.step(), current_data(self.op_combo))
        if self.value_widget is not None:
            self.value_widget.set_value(value)
            self.value_widget.changed.connect(self.changed.emit)
            self.value_slot.addWidget(self.value_widget)
            self.value_widget.show()  # now, not on the next turn of the loop

    def _step_chosen(self, _: int) -> None:
        self._fill_ops(current_data(self.op_combo), keep_unknown=False)
        self._reset_value()

    def _op_chosen(self, _: int) -> None:
        self._reset_value()

    def _reset_value(self) -> None:
        step = self.step()
        self._make_value(default_value(step, current_data(self.op_combo)) if step else None)
        self.changed.emit(False)


class GroupBox(QFrame):
    """Rows joined by all / any, with buttons to add a comparison or (while depth allows) a group."""

    changed = Signal(bool)
    remove_requested = Signal(QWidget)

    def __init__(self, editor: ConditionEditor, kind: str, children: list[Any], depth: int) -> None:
        super().__init__()
        self.editor, self.nesting = editor, depth
        self.setObjectName("conditionGroup" if depth > 1 else "conditionRoot")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8 if depth > 1 else 0, 6 if depth > 1 else 0, 8 if depth > 1 else 0, 6)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.setObjectName("conditionMode")
        self.mode.addItem(self.tr("All of these are true"), "all")
        self.mode.addItem(self.tr("Any of these is true"), "any")
        self.mode.setCurrentIndex(0 if kind == "all" else 1)
        self.mode.activated.connect(lambda _: self.changed.emit(False))
        head.addWidget(self.mode)
        head.addStretch(1)
        if depth > 1:
            remove = QToolButton()
            remove.setIcon(icon("delete"))
            remove.setAutoRaise(True)
            remove.setToolTip(self.tr("Remove this group"))
            remove.clicked.connect(lambda: self.remove_requested.emit(self))
            head.addWidget(remove)
        layout.addLayout(head)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        layout.addLayout(self.rows_box)
        buttons = QHBoxLayout()
        self.add_leaf = QPushButton(icon("add"), self.tr("Condition"))
        self.add_leaf.setObjectName("addCondition")
        self.add_leaf.clicked.connect(lambda: self._append(self.editor.fresh_leaf(), emit=True))
        buttons.addWidget(self.add_leaf)
        self.add_group = QPushButton(icon("add"), self.tr("Group"))
        self.add_group.setObjectName("addConditionGroup")
        self.add_group.setEnabled(depth < MAX_CONDITION_DEPTH - 1)
        self.add_group.clicked.connect(lambda: self._append({"any": [self.editor.fresh_leaf()]}, emit=True))
        buttons.addWidget(self.add_group)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.rows: list[QWidget] = []
        for child in children:
            self._append(child, emit=False)
        self._sync_mode()

    def to_node(self) -> dict[str, Any]:
        return {current_data(self.mode): [r.to_node() for r in self.rows]}  # type: ignore[attr-defined]

    def _append(self, node: Any, emit: bool) -> None:
        node = node if isinstance(node, dict) else {}
        kind = "all" if "all" in node else "any" if "any" in node else None
        row: QWidget
        if kind:
            row = GroupBox(
                self.editor, kind, node[kind] if isinstance(node[kind], list) else [], self.nesting + 1
            )
        else:
            row = LeafRow(self.editor, node)
        row.changed.connect(self.changed.emit)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        row.show()
        self._sync_mode()
        if emit:
            self.changed.emit(False)

    def _remove(self, row: QWidget) -> None:
        self.rows.remove(row)
        discard(row)
        self._sync_mode()
        self.changed.emit(False)

    def _sync_mode(self) -> None:
        self.mode.setVisible(len(self.rows) > 1 or self.nesting > 1)


class ConditionEditor(QWidget):
    """`edited(condition or None, merge)` whenever the designer changes the condition."""

    edited = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates: list[dict[str, Any]] = []
        self.all_steps: Steps = {}
        self.root: GroupBox | None = None
        self._condition: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.enabled = QCheckBox(self.tr("Only show this step if…"))
        self.enabled.setObjectName("conditionEnabled")
        self.enabled.clicked.connect(self._toggled)
        layout.addWidget(self.enabled)
        self.body = QVBoxLayout()
        layout.addLayout(self.body)
        self.words = QLabel()
        self.words.setObjectName("conditionWords")
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.words)
        self.empty_note = QLabel(self.tr("There is no earlier step to depend on."))
        self.empty_note.setObjectName("muted")
        self.empty_note.setWordWrap(True)  # German is wider than the pane at 1024 px
        layout.addWidget(self.empty_note)

    def set_context(self, candidates: list[dict[str, Any]], all_steps: Steps) -> None:
        """The earlier steps a condition may use, and every step (to name the ones it may not)."""
        usable = [s for s in candidates if OPS_BY_TYPE.get(s.get("type") or "")]
        if usable == self.candidates and all_steps == self.all_steps:
            return
        referenced = condition_step_ids(self._condition)
        steps_unchanged = all(all_steps.get(i) == self.all_steps.get(i) for i in referenced)
        rows_unchanged = usable == self.candidates and steps_unchanged
        self.candidates, self.all_steps = usable, all_steps
        if rows_unchanged:
            # Only steps the rows do not show changed (typically the edited step's own settings, a moment
            # after the designer typed them): keep the widgets, so a combo being chosen from stays open.
            self._show_words()
            return
        if steps_unchanged and self.root is not None:
            # Only which steps come earlier changed (this step or another dragged, undone, redone): the rows'
            # steps, operators and values are the same, so each row's step list is filled again in place.
            # Made anew, the rows cost 100-160 ms of the GUI thread after each move on a 300-step template.
            for leaf in self.root.findChildren(LeafRow):
                leaf.refill_steps()
            self._show_words()
            return
        self._rebuild(self._condition)

    def value(self) -> Any:
        if not self.enabled.isChecked() or self.root is None or not self.root.rows:
            return None
        rows = self.root.rows
        if len(rows) == 1 and isinstance(rows[0], LeafRow):
            return {"when": rows[0].to_node()}
        return {"when": self.root.to_node()}

    def set_value(self, condition: Any) -> None:
        if condition == self._condition and condition == self.value():
            return
        self._rebuild(condition)

    def fresh_leaf(self) -> dict[str, Any]:
        if not self.candidates:
            return {}
        step = self.candidates[-1]
        op = OPS_BY_TYPE[step["type"]][0]
        return {"step": step.get("id"), "op": op, "value": default_value(step, op)}

    def _rebuild(self, condition: Any) -> None:
        self._condition = condition
        if self.root is not None:
            discard(self.root)
            self.root = None
        when = condition.get("when") if isinstance(condition, dict) else None
        self.enabled.setChecked(when is not None)
        self.enabled.setEnabled(bool(self.candidates) or when is not None)
        self.empty_note.setVisible(not self.candidates and when is None)
        if when is not None:
            kind = "all" if not isinstance(when, dict) or "any" not in when else "any"
            children = when[kind] if isinstance(when, dict) and isinstance(when.get(kind), list) else [when]
            self.root = GroupBox(self, kind, children, 1)
            self.root.changed.connect(self._changed)
            self.body.addWidget(self.root)
            self.root.show()
        self._show_words()

    def _toggled(self, on: bool) -> None:
        self._rebuild({"when": self.fresh_leaf()} if on else None)
        self._condition = self.value()
        self.edited.emit(self._condition, False)

    def _changed(self, merge: bool) -> None:
        self._condition = self.value()
        if self._condition is None:
            self._rebuild(None)
        self._show_words()
        self.edited.emit(self._condition, merge)

    def _show_words(self) -> None:
        words = condition_words(self._condition, self.all_steps)
        text = self.tr("Shown {0}.").format(words) if words else self.tr("Always shown.")
        self.words.setFont(italic_for(self.words.font(), text))  # upright where it has Arabic letters
        self.words.setText(text)
