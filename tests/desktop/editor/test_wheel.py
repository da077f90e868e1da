"""Scrolling the properties pane with the mouse wheel never edits the template: the wheel over a field the
designer has not clicked into (the step's Type, a spin box) scrolls the pane on and leaves the field alone."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QScrollArea, QWidget

from rundun_desktop.style import apply_style
from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved


def wheel(widget: QWidget, notches: int) -> bool:
    """Turn the wheel over the middle of `widget` (positive: away from the person, up); whether the widget
    took the turn. One it leaves (ignores) QApplication hands on to the parents when the turn comes from
    the mouse (a synthesized event stops at its receiver, so here the test reads the answer instead)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _pane(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def test_the_wheel_over_an_unclicked_field_scrolls_the_pane_and_changes_nothing(
    drive: Driver, page, client, aloop
):
    qapp = QApplication.instance()
    if not qapp.styleSheet():  # the app's look and behaviour, as rundun-desktop starts with them
        apply_style(qapp)
    d = drive
    page.resize(1024, 500)  # a short window: the step's form scrolls
    open_saved(aloop, client, page, vehicle_inspection())
    step = d.ctl.doc.find_step("s-od01")  # a number step
    d.select_node(step.uid)
    d.flush()
    before = d.ctl.doc.to_tdl()
    type_combo = d.step_panel.type_combo
    pane = _pane(type_combo)
    assert pane.verticalScrollBar().maximum() > 0, "the form should be taller than the pane"
    fields = [
        w for kind in (QComboBox, QAbstractSpinBox) for w in d.step_panel.findChildren(kind) if w.isVisible()
    ]
    assert type_combo in fields
    for field in fields:
        for notches in (-1, 1, 1):
            assert not wheel(field, notches), f"{field.objectName()} kept the wheel from the pane"
        d.pump()
        assert not field.hasFocus(), f"{field.objectName()} took the focus from the wheel"
    d.flush()
    assert d.ctl.doc.to_tdl() == before
    assert d.step_panel.type_combo.currentData() == "number"
    assert not d.ctl.stack.canUndo()

    # Clicked into, a field takes the wheel as before.
    type_combo.setFocus(Qt.FocusReason.MouseFocusReason)
    assert wheel(type_combo, -1)
    d.flush()
    assert d.step_panel.type_combo.currentData() != "number"
