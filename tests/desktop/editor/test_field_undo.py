"""Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in a text field whose text is already in the document undo and redo the
document, never the field's own text history (which made a new change of the old text)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def press(d: Driver, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key to whichever widget has the focus, as a person's keyboard sends it."""
    d.pump()
    focused = d.page.focusWidget()
    assert focused is not None
    d.qtbot.keyClick(focused, key, modifier)


def test_undo_in_a_committed_option_label_undoes_the_last_change(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    step = d.ctl.doc.find_step("s-fu01")
    d.select_node(step.uid)
    row = d.step_panel.options_editor("choice").rows[3]
    d.type(row.label_edit, "Reserve")
    press(d, Qt.Key.Key_Tab)
    d.type(row.id_edit, "o-fu1")  # a duplicate of the first option's id
    press(d, Qt.Key.Key_Tab)
    assert row.label_edit.hasFocus()  # as the designer saw it: back in the label, whose text is committed

    def options() -> list[tuple[str, str]]:
        return [(o["id"], o["label"]) for o in step.data["config"]["options"]]

    assert options()[3] == ("o-fu1", "Reserve")
    changes = d.ctl.stack.index()

    d.qtbot.keyClick(d.page.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert options()[3] == ("o-fu4", "Reserve")  # the id change is undone; the label stays
    assert d.ctl.stack.index() == changes - 1 and d.ctl.stack.canRedo()
    press(d, Qt.Key.Key_Z, CTRL | SHIFT)
    assert options()[3] == ("o-fu1", "Reserve")
    press(d, Qt.Key.Key_Z, CTRL)
    press(d, Qt.Key.Key_Y, CTRL)
    assert options()[3] == ("o-fu1", "Reserve") and d.ctl.stack.index() == changes


def odometer_renamed(d: Driver, page, client, aloop) -> Any:
    """The vehicle inspection open, its odometer step's label typed anew: "Odometer"."""
    open_saved(aloop, client, page, vehicle_inspection())
    step = d.ctl.doc.find_step("s-od01")
    d.select_node(step.uid)
    d.type(d.step_panel.label_edit, "Odometer")
    return step


def test_undo_in_the_step_label_undoes_the_document(drive: Driver, page, client, aloop):
    d = drive
    step = odometer_renamed(d, page, client, aloop)
    d.click(d.step_panel.required)  # a second change, made after the typing
    assert step.data["required"] is False
    d.key(d.step_panel.label_edit, Qt.Key.Key_Z, CTRL)
    assert step.data.get("required", True) is True and step.data["label"] == "Odometer"
    press(d, Qt.Key.Key_Z, CTRL)
    assert step.data["label"] == "Odometer reading" and d.step_panel.label_edit.text() == "Odometer reading"
    assert d.ctl.stack.isClean()


def test_undo_in_an_id_being_typed_undoes_the_typing_first(drive: Driver, page, client, aloop):
    d = drive
    step = odometer_renamed(d, page, client, aloop)
    d.type(d.step_panel.id_edit, "s-km")  # not yet committed: the id commits when editing finishes
    press(d, Qt.Key.Key_Z, CTRL)
    assert d.step_panel.id_edit.text() == "s-od01"
    assert step.data["label"] == "Odometer"  # the document is as it was
