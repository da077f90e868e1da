"""Undo and redo: every kind of edit, made through the widgets, round-trips exactly (the document
and the tree), and typing in a field folds into one command."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from tests.support.samples import vehicle_inspection

from .conftest import Driver, doc_rows, drop_on, open_saved, tree_rows, until
from .test_json_and_preview import replace_in_json, show_tab


def drop(d: Driver, uid: int, target_uid: int, where: str) -> None:
    """Drop a dragged node on the tree above / below another row (a real QDropEvent to the view)."""
    drop_on(d.view.tree, uid, target_uid, where)


def test_every_edit_round_trips_through_undo_and_redo(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    ctl, doc = d.ctl, d.ctl.doc
    states = [copy.deepcopy(doc.to_tdl())]

    def step(step_id: str) -> int:
        return doc.find_step(step_id).uid

    def record() -> None:
        states.append(copy.deepcopy(doc.to_tdl()))
        assert tree_rows(ctl) == doc_rows(ctl)

    d.select_node(step("s-fu01"))
    d.type(d.step_panel.label_edit, "Fuel gauge")
    record()
    d.select_node(step("s-od01"))
    d.choose(d.step_panel.type_combo, "text")
    record()
    d.select_node(step("s-fu01"))
    options = d.step_panel.options_editor("choice")
    d.click(options.add_button)
    record()
    d.click(options.rows[1].up)
    record()
    d.click(options.rows[0].remove)
    record()
    d.select_node(step("s-dm01"))
    d.click(d.step_panel.required)
    record()
    d.select_node(step("s-dm02"))
    d.choose(d.step_panel.condition.root.rows[0].op_combo, "neq")
    record()
    d.toolbar("add_step")
    record()
    d.toolbar("duplicate")
    record()
    d.toolbar("delete")
    record()
    d.select_node(step("s-od01"))
    d.toolbar("move_down")
    record()
    drop(d, step("s-cl01"), step("s-od01"), "above")  # across sections, by drag and drop
    record()
    drop(d, doc.sections[1].uid, doc.sections[0].uid, "above")  # a whole section
    record()
    d.click(d.view.middle.tabBar(), d.view.middle.tabBar().tabRect(1).center())
    d.type(d.view.template_panel.name_edit, "Renamed")
    record()
    same = [i for i in range(1, len(states)) if states[i] == states[i - 1]]
    assert not same, f"actions {same} changed nothing"
    texts = [ctl.stack.text(i) for i in range(ctl.stack.count())]
    assert ctl.stack.count() == len(states) - 1, f"one undo step per action: {texts}"

    undo = d.view.findChild(type(d.view.back_button), "button_undo")
    for expected in reversed(states[:-1]):
        d.click(undo)
        assert doc.to_tdl() == expected
        assert tree_rows(ctl) == doc_rows(ctl)
    assert ctl.stack.isClean() and not page.saver.dirty
    redo = d.view.findChild(type(d.view.back_button), "button_redo")
    for expected in states[1:]:
        d.click(redo)
        assert doc.to_tdl() == expected
        assert tree_rows(ctl) == doc_rows(ctl)


def test_a_deleted_section_comes_back_whole_on_undo(drive: Driver, page, client, aloop):
    """A section deleted and brought back with Ctrl+Z drew an empty heading ("15 steps" and no title), its id
    and tooltip gone too: the tree remembered what the deleted row had shown and wrote nothing into the new one."""
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    ctl, doc = d.ctl, d.ctl.doc
    last = doc.sections[-1]
    shown = ctl.model.itemData(ctl.model.index_of(last.uid))
    d.select_node(last.uid)
    d.key(d.view.tree, Qt.Key.Key_Delete)
    assert doc.node(last.uid) is None
    d.key(d.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = ctl.model.index_of(last.uid)
    assert restored.data() == last.data["title"]
    assert ctl.model.itemData(restored) == shown
    assert tree_rows(ctl) == doc_rows(ctl)


def test_undo_and_redo_across_a_json_edit_give_back_every_step(drive: Driver, page, client, aloop):
    """A step dragged into a new section, then its id changed in the JSON tab, then everything undone and
    redone: the undo past the JSON edit failed (the step came back under another inner name, and undoing the
    drag raised KeyError), and a redo of the new section brought it back without the step dragged into it."""
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    ctl, doc = d.ctl, d.ctl.doc
    states = [copy.deepcopy(doc.to_tdl())]
    d.select_node(doc.sections[-1].uid)
    d.toolbar("add_section")  # a third section, holding one new step
    states.append(copy.deepcopy(doc.to_tdl()))
    drop(d, doc.find_step("s-od01").uid, doc.sections[2].steps[0].uid, "below")
    states.append(copy.deepcopy(doc.to_tdl()))
    assert [n.data["id"] for n in doc.sections[2].steps][1:] == ["s-od01"]
    drop(d, doc.sections[2].steps[0].uid, doc.find_step("s-cl01").uid, "below")  # the new step out of it
    states.append(copy.deepcopy(doc.to_tdl()))
    show_tab(d, "JSON")
    d.flush()
    replace_in_json(d, '"s-od01"', '"s-odo"')
    until(aloop, lambda: doc.find_step("s-odo") is not None, 5)
    states.append(copy.deepcopy(doc.to_tdl()))
    assert ctl.stack.count() == len(states) - 1
    d.select_node(doc.sections[0].uid)
    for expected in reversed(states[:-1]):
        d.key(d.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert doc.to_tdl() == expected
        assert tree_rows(ctl) == doc_rows(ctl)
    for expected in states[1:]:
        d.key(d.view.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        assert doc.to_tdl() == expected
        assert tree_rows(ctl) == doc_rows(ctl)


def test_typing_folds_into_one_command_and_ids_carry_their_references(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    ctl, doc = d.ctl, d.ctl.doc
    d.select_node(doc.find_step("s-dm01").uid)
    before = ctl.stack.count()
    d.type(d.step_panel.label_edit, "Any damage already there?")
    assert ctl.stack.count() == before + 1
    d.type(d.step_panel.id_edit, "s-damage", commit=True)
    assert ctl.stack.count() == before + 2
    condition = doc.find_step("s-dm02").data["condition"]
    assert condition == {"when": {"step": "s-damage", "op": "eq", "value": True}}
    ctl.stack.undo()
    assert doc.find_step("s-dm02").data["condition"]["when"]["step"] == "s-dm01"
    assert d.step_panel.id_edit.text() == "s-dm01"
    ctl.stack.undo()
    assert d.step_panel.label_edit.text() == "Any pre-existing damage?"
