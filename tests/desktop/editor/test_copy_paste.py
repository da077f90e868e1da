"""Copy and paste of steps and sections in the structure tree: Ctrl+C and Ctrl+V there did nothing (only
Duplicate copied, and only within the template), so a designer could not carry a step into another template.
In a text field the same keys copy and paste text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from rundun_desktop.editor.tree_model import UID_ROLE
from tests.server.tdl.test_tdl_languages import car_check

from .conftest import Driver, open_saved, tree_rows, until

CTRL = Qt.KeyboardModifier.ControlModifier


def uid_of(d: Driver, step_id: str) -> int:
    return next(n.uid for n in d.ctl.doc.steps() if n.data.get("id") == step_id)


def test_a_copied_step_pastes_after_the_selected_one_with_new_ids_and_its_translations(
    drive: Driver, aloop, client, page
):
    d = drive
    open_saved(aloop, client, page, car_check())
    doc, tree = d.ctl.doc, d.view.tree
    before = doc.to_tdl()
    d.select_node(uid_of(d, "s-fuel"))
    d.key(tree, Qt.Key.Key_C, CTRL)
    d.select_node(uid_of(d, "s-km"))
    d.key(tree, Qt.Key.Key_V, CTRL)
    until(aloop, lambda: len(doc.to_tdl()["sections"][0]["steps"]) == 5, 5)
    steps = doc.to_tdl()["sections"][0]["steps"]
    assert [s["label"] for s in steps] == ["Tyres fine?", "Fuel", "Odometer", "Fuel", "Hand over"]
    pasted = steps[3]
    assert pasted["id"] not in ("s-fuel", "s-km") and pasted["type"] == "choice"
    full, low = pasted["config"]["options"]
    assert full["id"] != "o-full" and low["id"] != "o-low"
    assert doc.to_tdl()["translations"]["de"][full["id"]] == "Voll"  # its translation came along
    assert tree.currentIndex().data(UID_ROLE) == uid_of(d, pasted["id"])  # the copy is selected
    assert d.ctl.stack.undoText() == "Paste step"
    d.key(tree, Qt.Key.Key_Z, CTRL)  # one undo takes the copy and its translation away
    assert doc.to_tdl() == before
    # In a text field the same keys copy and paste text, not steps.
    label = d.step_panel.label_edit
    label.setFocus()
    label.selectAll()
    d.qtbot.keyClick(label, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == label.text()
    label.setCursorPosition(len(label.text()))
    d.qtbot.keyClick(label, Qt.Key.Key_V, CTRL)
    assert label.text() == 2 * label.text()[: len(label.text()) // 2]
    assert len(doc.to_tdl()["sections"][0]["steps"]) == 4


def test_a_step_and_a_section_copied_in_one_template_paste_into_another(
    drive: Driver, aloop, client, page, answers
):
    d = drive
    open_saved(aloop, client, page, car_check())
    tree = d.view.tree
    d.select_node(uid_of(d, "s-fuel"))
    d.key(tree, Qt.Key.Key_C, CTRL)
    answers.unsaved = "discard"
    other = {
        "name": "Van check",
        "languages": ["en", "de"],
        "sections": [
            {
                "id": "g-in",
                "title": "Inside",
                "steps": [{"id": "s-seat", "type": "boolean", "label": "Seats"}],
            }
        ],
    }
    open_saved(aloop, client, page, other)
    doc = d.ctl.doc
    d.select_node(uid_of(d, "s-seat"))
    d.key(tree, Qt.Key.Key_V, CTRL)
    until(aloop, lambda: tree_rows(d.ctl) == [("Inside", ["Seats", "Fuel"])], 5)
    [fuel] = [s for s in doc.to_tdl()["sections"][0]["steps"] if s["label"] == "Fuel"]
    assert doc.to_tdl()["translations"]["de"][fuel["config"]["options"][0]["id"]] == "Voll"
    assert "ar" not in doc.to_tdl().get("translations", {})  # a language this template does not have
    d.select_node(d.ctl.doc.sections[0].uid)  # a whole section copies too, after the selected one
    d.key(tree, Qt.Key.Key_C, CTRL)
    d.key(tree, Qt.Key.Key_V, CTRL)
    until(aloop, lambda: [t for t, _ in tree_rows(d.ctl)] == ["Inside", "Inside"], 5)
    first, second = doc.to_tdl()["sections"]
    assert [s["label"] for s in second["steps"]] == ["Seats", "Fuel"]
    assert second["id"] != first["id"]
    assert {s["id"] for s in second["steps"]}.isdisjoint(s["id"] for s in first["steps"])
