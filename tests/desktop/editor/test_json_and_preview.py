"""The JSON view, editable both ways with errors pointing at their node, and the live preview, which
can be answered to walk a path through the conditions."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from rundun_desktop.editor.preview import PreviewPane
from server.tdl import Template, normalize_template, validate_template
from tests.server.tdl.test_tdl_languages import car_check
from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved, until


def show_tab(d: Driver, name: str) -> None:
    tabs = d.view.side
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).startswith(name))
    d.click(tabs.tabBar(), tabs.tabBar().tabRect(index).center())


def replace_in_json(d: Driver, old: str, new: str) -> None:
    """Select `old` in the JSON text with the cursor and type `new` over it."""
    editor = d.view.json_view.editor
    start = editor.toPlainText().index(old)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(old), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    d.qtbot.keyClicks(editor, new)


def open_json(d: Driver, client, aloop):
    """The reference template open in the editor, its JSON view on show and up to date."""
    open_saved(aloop, client, d.page, vehicle_inspection())
    show_tab(d, "JSON")
    d.flush()
    return d.ctl, d.view.json_view


def test_json_view_is_editable_both_ways(drive: Driver, client, aloop):
    d = drive
    ctl, json_view = open_json(d, client, aloop)
    assert json.loads(json_view.editor.toPlainText()) == ctl.doc.to_tdl()

    # Panels → JSON.
    d.select_node(ctl.doc.find_step("s-od01").uid)
    d.type(d.step_panel.label_edit, "Mileage")
    d.flush()
    assert '"label": "Mileage"' in json_view.editor.toPlainText()

    # JSON → tree and panels, as one undoable edit, applied after a pause in typing.
    before = ctl.stack.count()
    replace_in_json(d, '"Fuel level"', '"Fuel gauge"')
    until(aloop, lambda: ctl.doc.find_step("s-fu01").data["label"] == "Fuel gauge", 5)
    assert ctl.model.index_of(ctl.doc.find_step("s-fu01").uid).data() == "Fuel gauge"
    assert ctl.stack.count() == before + 1
    ctl.stack.undo()
    assert ctl.doc.find_step("s-fu01").data["label"] == "Fuel level"

    # Broken JSON is reported with its line and never applied.
    replace_in_json(d, '"Mileage",', '"Mileage"')
    until(aloop, lambda: "Not valid JSON" in json_view.status.text(), 5)
    assert "line" in json_view.status.text() and ctl.doc.find_step("s-od01").data["label"] == "Mileage"


def test_json_errors_point_at_the_node(drive: Driver, client, aloop):
    d = drive
    ctl, json_view = open_json(d, client, aloop)
    replace_in_json(d, '"step": "s-dm01"', '"step": "s-cl01"')  # a step that comes later
    until(aloop, lambda: ctl.details, 5)
    d.flush()
    assert [x["path"] for x in ctl.details] == ["sections[0].steps[3].condition.when.step"]
    item = json_view.problems.item(0)
    assert "s-cl01" in json_view.editor.document().findBlockByNumber(item.data(0x0100 + 2)).text()
    d.click(json_view.problems.viewport(), json_view.problems.visualItemRect(item).center())
    assert d.view.tree.currentIndex() == ctl.model.index_of(ctl.doc.find_step("s-dm02").uid)
    assert json_view.editor.textCursor().blockNumber() == item.data(0x0100 + 2)
    d.view.grab().save("/tmp/rundun-editor-json.png")


def test_the_preview_walks_a_path_through_the_conditions(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    preview = d.view.preview
    show_tab(d, "Preview")
    d.flush()
    assert preview.visible_cards() == ["s-od01", "s-fu01", "s-dm01"]
    assert "1 step hidden by conditions" in preview.progress.text()

    yes, no = preview.cards["s-dm01"][1].choices
    d.click(yes)
    assert preview.visible_cards() == ["s-od01", "s-fu01", "s-dm01", "s-dm02"]
    assert "1 of 5 answered" in preview.progress.text()
    d.click(no)
    assert "s-dm02" not in preview.visible_cards()
    assert "1 of 4 answered" in preview.progress.text()
    d.view.grab().save("/tmp/rundun-editor-preview.png")

    # The preview follows edits: the condition now asks for "No", and the step shows at once.
    d.select_node(d.ctl.doc.find_step("s-dm02").uid)
    d.choose(d.step_panel.condition.root.rows[0].value_widget.combo, False)
    d.flush()
    assert "s-dm02" in preview.visible_cards()
    # Selecting a step of another section turns the page.
    d.select_node(d.ctl.doc.find_step("s-cl01").uid)
    until(aloop, lambda: preview.section == 1, 5)
    assert preview.visible_cards() == ["s-cl01"]
    # And selecting a section turns to it (the preview stayed on the last selected step's).
    d.select_node(d.ctl.doc.sections[0].uid)
    until(aloop, lambda: preview.section == 0, 5)
    assert "s-cl01" not in preview.visible_cards()


def test_the_preview_stays_on_a_selected_section_that_is_moved(drive: Driver, page, client, aloop):
    """A designer dragged the selected section above another: the tree kept it selected, but the preview
    stayed on the page number it had, now another section's. It turns with the section (Alt+↑/↓ too)."""
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    preview, doc, tree = d.view.preview, d.ctl.doc, d.view.tree
    show_tab(d, "Preview")
    moved = doc.sections[0]
    d.select_node(moved.uid)
    until(aloop, lambda: preview.section == 0, 5)
    d.key(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    until(aloop, lambda: doc.sections[1] is moved, 5)
    d.flush()
    until(aloop, lambda: preview.section == 1, 5)
    assert preview.body["sections"][preview.section]["id"] == moved.data["id"]
    d.key(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # and back with an undo
    d.flush()
    until(aloop, lambda: preview.section == 0, 5)
    assert preview.body["sections"][preview.section]["id"] == moved.data["id"]


def test_the_preview_of_an_arabic_template_reads_from_the_right(qtbot):
    """In an English app the preview of an Arabic template (or of its Arabic translation) laid its options,
    buttons and badges on the left, only the labels going right; they stand on the right as the phone lays
    them, and an English language shown again is laid from the left."""
    body = normalize_template(validate_template(car_check()))
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(360, 640)
    pane.show()
    pane.set_template(body, Template.model_validate(body))

    def options_on_the_right() -> list[bool]:
        """Whether each option's circle is drawn in the card's right half."""
        card = pane.cards["s-fuel"][1]
        sides = []
        for button in card.choices:
            option = QStyleOptionButton()
            button.initStyleOption(option)
            circle = button.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, button)
            sides.append(button.mapTo(card, circle.center()).x() > card.width() / 2)
        return sides

    assert options_on_the_right() == [False, False]
    pane.set_language("ar")
    qtbot.waitUntil(lambda: options_on_the_right() == [True, True])
    assert pane.page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    pane.set_language("en")
    qtbot.waitUntil(lambda: options_on_the_right() == [False, False])
    arabic = normalize_template(validate_template({**car_check(), "languages": ["ar"], "translations": {}}))
    pane.set_template(arabic, Template.model_validate(arabic))
    pane.set_language(None)
    qtbot.waitUntil(lambda: options_on_the_right() == [True, True])


def test_in_an_arabic_app_the_preview_of_an_english_template_reads_from_the_left(qtbot, qapp):
    """An Arabic designer previewing a library template's English (or German) texts saw its options' circles and
    badges on the right and "7-day" written "day-7": the page took the app's direction, not its language's."""
    body = normalize_template(validate_template(car_check()))
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(360, 640)
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as the Arabic app lays out
    try:
        pane.show()
        pane.set_template(body, Template.model_validate(body))
        pane.set_language("en")
        card = pane.cards["s-fuel"][1]
        qtbot.waitUntil(lambda: card.isVisible())
        assert pane.page.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert all(button.layoutDirection() == Qt.LayoutDirection.LeftToRight for button in card.choices)
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_json_typed_a_moment_before_a_drag_or_a_button_goes_in_first_and_keeps_them(
    drive: Driver, client, aloop
):
    """JSON typed, then within its pause a step dragged in the tree (or Add section clicked, which leaves the
    focus in the text): the text, applied after the pause, was the template before the drag, so the step went
    back where it was (the section vanished) with no word. The typed text now goes in first, then the edit."""
    d = drive
    ctl, json_view = open_json(d, client, aloop)
    doc = ctl.doc

    def in_sync() -> bool:
        return json.loads(json_view.editor.toPlainText()) == doc.to_tdl()

    first = [n.data["id"] for n in doc.sections[0].steps]
    replace_in_json(d, '"Vehicle pre-rental inspection"', '"Van check"')
    assert ctl.json.pending  # not applied yet: the designer has not paused
    d.drop(doc.find_step(first[0]).uid, doc.find_step(first[2]).uid, "below")
    moved = [first[1], first[2], first[0], *first[3:]]
    assert doc.meta["name"] == "Van check" and [n.data["id"] for n in doc.sections[0].steps] == moved
    until(aloop, in_sync, 5)
    assert doc.meta["name"] == "Van check" and [n.data["id"] for n in doc.sections[0].steps] == moved

    sections = len(doc.sections)
    replace_in_json(d, '"Van check"', '"Van check two"')
    d.toolbar("add_section")
    assert doc.meta["name"] == "Van check two" and len(doc.sections) == sections + 1
    until(aloop, in_sync, 5)
    assert doc.meta["name"] == "Van check two" and len(doc.sections) == sections + 1
    assert [n.data["id"] for n in doc.sections[0].steps] == moved
