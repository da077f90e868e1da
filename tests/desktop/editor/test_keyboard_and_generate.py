"""Keyboard shortcuts of the editor, and generating a template from a prompt (previewed, then
opened in the editor unsaved, then saved)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rundun_desktop.editor.doc import strip_server_fields
from tests.support.samples import vehicle_inspection

from .conftest import Driver, doc_rows, open_saved, tree_rows, until

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def labels(d: Driver) -> list[str]:
    return [n.data["label"] for n in d.ctl.doc.steps()]


def test_keyboard_shortcuts(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    doc, tree = d.ctl.doc, d.view.tree
    d.select_node(doc.find_step("s-fu01").uid)
    start = labels(d)

    d.key(tree, Qt.Key.Key_N, CTRL)  # add a step after the selected one; its label is ready to type
    assert labels(d) == [*start[:2], "New step", *start[2:]]
    assert d.step_panel.label_edit.hasFocus()
    d.qtbot.keyClicks(d.step_panel.label_edit, "Tyres inflated?")
    assert labels(d)[2] == "Tyres inflated?"
    d.key(tree, Qt.Key.Key_Down, ALT)
    assert labels(d)[3] == "Tyres inflated?"
    d.key(tree, Qt.Key.Key_Up, ALT)
    d.key(tree, Qt.Key.Key_Up, ALT)
    assert labels(d)[1] == "Tyres inflated?"
    d.key(tree, Qt.Key.Key_D, CTRL)  # duplicate
    assert labels(d)[1:3] == ["Tyres inflated?", "Tyres inflated?"]
    d.key(tree, Qt.Key.Key_Delete)
    assert labels(d).count("Tyres inflated?") == 1
    d.key(tree, Qt.Key.Key_N, CTRL | SHIFT)  # a new section, title ready to type
    assert [s.data["title"] for s in doc.sections] == ["Exterior", "Section 3", "Interior"]
    assert d.ctl.properties.section_panel.title_edit.hasFocus()
    assert tree_rows(d.ctl) == doc_rows(d.ctl)

    for _ in range(8):
        d.key(tree, Qt.Key.Key_Z, CTRL)
    assert labels(d) == start and len(doc.sections) == 2 and d.ctl.stack.isClean()
    d.key(tree, Qt.Key.Key_Z, CTRL | SHIFT)
    d.key(tree, Qt.Key.Key_Y, CTRL)
    assert labels(d) == [*start[:2], "Tyres inflated?", *start[2:]]
    # In a text field, Delete deletes text, not the step.
    d.select_node(doc.find_step("s-od01").uid)
    count = doc.step_count()
    d.key(d.step_panel.label_edit, Qt.Key.Key_Delete)
    assert doc.step_count() == count


def test_generate_from_a_prompt_preview_then_save(drive: Driver, page, aloop, client):
    d = drive
    d.click(page.list_view.buttons["generate"])
    dialog = page.list.generate_dialog
    assert dialog is not None and dialog.isVisible()
    # Nothing generated yet: a word where the checklist will be, not an empty pane with its arrows.
    assert dialog.placeholder.isVisible() and not dialog.preview.isVisible()
    d.type(
        dialog.prompt,
        "Vehicle pre-rental inspection: exterior damage, fuel level, odometer, interior "
        "cleanliness and the customer's signature.",
    )
    d.click(dialog.generate_button)
    until(aloop, lambda: dialog.body is not None or "⚠" in dialog.status.text(), 20)
    assert dialog.body is not None, dialog.status.text()
    assert dialog.open_button.isEnabled() and dialog.preview.cards  # previewed before anything is saved
    assert dialog.preview.isVisible() and not dialog.placeholder.isVisible()
    assert aloop.run_until_complete(client.list_templates())["data"] == []
    dialog.grab().save("/tmp/rundun-editor-generate.png")
    generated = dialog.body

    d.click(dialog.open_button)
    until(aloop, lambda: page.editing, 5)
    assert page.saver.template_id is None and d.view.version.text() == "not saved yet"
    d.click(d.view.save_button)
    until(aloop, lambda: page.saver.version == 1, 10)
    stored = aloop.run_until_complete(client.get_template(page.saver.template_id))
    assert (
        strip_server_fields(stored)["sections"] == generated["sections"]
        or stored["name"] == generated["name"]
    )


def test_tab_from_the_tree_reaches_the_steps_fields_before_the_preview(
    drive: Driver, page, client, aloop, qapp
):
    """Keyboard only: Tab from the tree went to the tab bars, then through the preview's buttons on the far
    right, and only then back to the step's Type and Label in the middle. Tab now goes tree → properties →
    preview, the way the panes read, and Shift+Tab back."""
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    tree, preview, panel = d.view.tree, d.view.preview, d.step_panel
    d.select_node(d.ctl.doc.find_step("s-fu01").uid)
    tree.setFocus()
    reached = []
    for _ in range(40):
        focus = qapp.focusWidget()
        d.qtbot.keyClick(focus, Qt.Key.Key_Tab)
        d.pump()
        reached.append(qapp.focusWidget())
        if panel.label_edit in reached and any(preview.isAncestorOf(w) for w in reached if w):
            break
    in_preview = next(i for i, w in enumerate(reached) if w and preview.isAncestorOf(w))
    assert reached.index(panel.type_combo) < reached.index(panel.label_edit) < in_preview
    assert reached.index(panel.type_combo) <= 2  # after the properties' tab bar (and its scroll area)
    d.qtbot.keyClick(panel.type_combo, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    d.pump()
    assert not preview.isAncestorOf(qapp.focusWidget())


def test_deleting_a_step_another_steps_condition_names_asks_first(drive: Driver, page, client, aloop, qapp):
    """Delete on "Any pre-existing damage?" removed it at once, and "Describe the damage", shown only on its
    answer, was left with a condition on a step that is gone: the tree then read `only if "s-dm01" is …`, ids
    a designer never typed. The editor now says which steps depend on it and asks; Escape keeps it."""
    from PySide6.QtWidgets import QMessageBox

    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    doc, tree = d.ctl.doc, d.view.tree
    start = labels(d)
    d.select_node(doc.find_step("s-dm01").uid)
    d.key(tree, Qt.Key.Key_Delete)
    until(aloop, lambda: isinstance(qapp.activeModalWidget(), QMessageBox), 5)
    box = qapp.activeModalWidget()
    assert "Any pre-existing damage?" in box.text()
    assert "Describe the damage" in box.informativeText()
    d.qtbot.keyClick(box, Qt.Key.Key_Escape)
    until(aloop, lambda: qapp.activeModalWidget() is None, 5)
    assert labels(d) == start
    d.key(tree, Qt.Key.Key_Delete)
    until(aloop, lambda: isinstance(qapp.activeModalWidget(), QMessageBox), 5)
    d.qtbot.keyClick(qapp.activeModalWidget(), Qt.Key.Key_Return)  # Enter deletes, as asked
    until(aloop, lambda: "Any pre-existing damage?" not in labels(d), 5)
    d.key(tree, Qt.Key.Key_Z, CTRL)
    assert labels(d) == start
    d.select_node(doc.find_step("s-dm02").uid)  # a step nothing depends on goes at once
    d.key(tree, Qt.Key.Key_Delete)
    assert "Describe the damage" not in labels(d)
    d.key(tree, Qt.Key.Key_Z, CTRL)
    d.select_node(doc.sections[0].uid)  # a section whose steps depend only on each other goes at once
    d.key(tree, Qt.Key.Key_Delete)
    assert [s.data["title"] for s in doc.sections] == ["Interior"]
