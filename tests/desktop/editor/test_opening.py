"""What a designer finds when a template opens, or another node is chosen: the focus in the editor, so
its shortcuts work at once, and the properties shown from their top."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from rundun_desktop.editor.editor_view import EditorView
from rundun_desktop.editor.list_model import COL_NAME
from tests.support.samples import minimal, vehicle_inspection

from .conftest import Driver, shown_page, until


def ctrl_s_to_the_focus(d: Driver) -> None:
    """Ctrl+S as the keyboard sends it: to the widget that has the focus, whichever it is."""
    d.page.activateWindow()  # the window a dialog closed over is active again (offscreen: on the next turn)
    d.pump()
    focused = d.page.focusWidget()
    assert focused is not None and focused.isVisible(), "the focus is nowhere a key press reaches"
    d.qtbot.keyClick(focused, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_template_from_the_library_saves_with_ctrl_s_at_once(drive: Driver, page, aloop) -> None:
    d = drive
    d.click(page.list_view.buttons["library"])
    dialog = page.list.library_dialog
    until(aloop, lambda: dialog.use_button.isEnabled(), 20)
    d.click(dialog.use_button)
    until(aloop, lambda: page.editing, 10)
    assert page.focusWidget() is d.view.tree
    ctrl_s_to_the_focus(d)
    until(aloop, lambda: page.saver.version == 1, 20)


def test_a_new_and_an_opened_template_put_the_focus_in_the_tree(drive: Driver, page, client, aloop) -> None:
    d = drive
    d.click(page.list_view.new_button)
    assert page.focusWidget() is d.view.tree
    ctrl_s_to_the_focus(d)
    until(aloop, lambda: page.saver.version == 1, 20)

    aloop.run_until_complete(client.create_template(minimal("Quick check")))
    d.click(d.view.back_button)
    until(aloop, lambda: not page.editing and page.list.model.rowCount() == 2, 10)
    table = page.list_view.table
    row = [table.model().index(r, COL_NAME).data() for r in range(2)].index("Quick check")
    at = table.visualRect(table.model().index(row, COL_NAME)).center()
    d.click(table.viewport(), at)
    d.key(table, Qt.Key.Key_Return)  # opens the chosen template
    until(aloop, lambda: page.editing, 10)
    assert d.ctl.doc.meta["name"] == "Quick check"
    assert page.focusWidget() is d.view.tree


def properties_area(d: Driver) -> QScrollArea:
    area = d.view.node_panels.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    return area


def test_another_node_shows_its_properties_from_the_top(drive: Driver, page, client, aloop) -> None:
    d = drive
    page.resize(1024, 700)
    created = aloop.run_until_complete(client.create_template(vehicle_inspection()))
    assert aloop.run_until_complete(page.open(created["id"]))
    bar = properties_area(d).verticalScrollBar()
    d.select_node(d.ctl.doc.find_step("s-fu01").uid)  # a choice step: options, findings, condition
    d.pump()
    assert bar.maximum() > 0, "the step's properties fit: nothing to scroll"
    bar.setValue(bar.maximum())  # read down to its condition
    d.select_node(d.ctl.doc.sections[1].uid)
    assert bar.value() == 0
    assert d.ctl.properties.section_panel.title_edit.visibleRegion().boundingRect().height() > 0


def test_a_template_opens_with_its_template_tab_at_the_top(drive: Driver, page, client, aloop) -> None:
    d = drive
    page.resize(1024, 400)
    created = aloop.run_until_complete(client.create_template(vehicle_inspection()))
    assert aloop.run_until_complete(page.open(created["id"]))
    tabs = d.view.middle
    d.click(tabs.tabBar(), tabs.tabBar().tabRect(1).center())
    d.pump()
    bar = d.view.template_area.verticalScrollBar()
    assert bar.maximum() > 0, "the template's fields fit: nothing to scroll"
    bar.setValue(bar.maximum())
    assert aloop.run_until_complete(page.open(created["id"]))
    assert bar.value() == 0


def test_a_long_name_shows_its_start(drive: Driver, page, client, aloop) -> None:
    d = drive
    page.resize(1024, 700)
    name = "Vehicle handover inspection for the airport branch, with the keys and the fuel card"
    created = aloop.run_until_complete(client.create_template(minimal(name)))
    assert aloop.run_until_complete(page.open(created["id"]))
    tabs = d.view.middle
    d.click(tabs.tabBar(), tabs.tabBar().tabRect(1).center())
    edit = d.view.template_panel.name_edit
    assert edit.text() == name
    assert edit.width() < edit.fontMetrics().horizontalAdvance(name)  # too long to show whole
    assert edit.cursorPosition() == 0


def test_the_tree_shows_a_ring_while_it_has_the_focus(drive: Driver, page, client, aloop) -> None:
    """A keyboard user could not tell whether the keys would act on the tree: it showed no focus."""
    d = drive
    d.click(page.list_view.new_button)
    tree = d.view.tree
    until(aloop, tree.hasFocus, 5)
    ringed = tree.grab().toImage()
    d.view.template_panel.name_edit.setFocus()
    until(aloop, lambda: not tree.hasFocus(), 5)
    plain = tree.grab().toImage()
    edge = [(x, 0) for x in range(8, tree.width() - 8, 7)] + [(0, y) for y in range(8, tree.height() - 8, 7)]
    assert sum(ringed.pixel(x, y) != plain.pixel(x, y) for x, y in edge) > len(edge) // 2
    page.saver.never_saved = False
    d.ctl.stack.setClean()


def test_the_editor_is_built_when_a_template_is_first_opened(qtbot, aloop, client) -> None:
    """The first visit to the Templates page took some 300 ms, spent building the editor beside the list. The
    list now comes alone; the first template opened builds the editor, which opens it as before."""
    aloop.run_until_complete(client.create_template(minimal("Quick check")))
    page = shown_page(qtbot, aloop, client)
    until(aloop, lambda: page.list.model.rowCount() == 1, 10)
    assert page.findChildren(EditorView) == []
    assert not page.editing and not page.has_unsaved_changes()
    assert aloop.run_until_complete(page.confirm_leave())  # quitting from the list asks nothing

    d = Driver(qtbot, aloop, page)
    table = page.list_view.table
    d.click(table.viewport(), table.visualRect(table.model().index(0, COL_NAME)).center())
    d.key(table, Qt.Key.Key_Return)  # opens the chosen template
    until(aloop, lambda: page.editing, 10)
    assert len(page.findChildren(EditorView)) == 1
    assert d.ctl.doc.meta["name"] == "Quick check"
    assert page.focusWidget() is d.view.tree  # its shortcuts work at once
    d.click(d.view.back_button)
    until(aloop, lambda: not page.editing, 10)
    d.click(page.list_view.new_button)  # the same editor again
    assert page.editing and len(page.findChildren(EditorView)) == 1
