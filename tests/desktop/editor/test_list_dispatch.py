"""Dispatch from a template was only in the Templates list's right-click menu: a supervisor who selected a template
found no visible way to send a run of it. The list's toolbar has a Dispatch run… button, enabled while a template
is selected, reached with Tab and pressed with Space like the others; it opens the dispatch dialog with the
template chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rundun_desktop.monitor.dispatch_view import DispatchDialogView
from tests.desktop.conftest import run, shown_dialog, wait_until
from tests.support.samples import minimal, vehicle_inspection


def test_a_selected_template_has_a_dispatch_button_reached_from_the_keyboard(desktop, aloop, qtbot):
    run(aloop, desktop.api.create_template(minimal("Quick check")))
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    window = desktop.window
    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded and page.list.model.rowCount() == 2)
    view = page.list_view
    dispatch = view.buttons["dispatch"]
    assert dispatch.isVisible() and not dispatch.isEnabled()  # nothing selected yet
    assert dispatch.text() == "Dispatch run…"  # its words where there is room (1360 px)

    view.table.setFocus()

    def choose_the_inspection() -> bool:
        """End and Home (the first row selected, even where it was current already), then Down to the
        inspection's row; again if a reload of the list (the templates' live events) took the selection."""
        qtbot.keyClick(view.table, Qt.Key.Key_End)
        qtbot.keyClick(view.table, Qt.Key.Key_Home)
        for _ in range(page.list.model.row_of(template["id"])):
            qtbot.keyClick(view.table, Qt.Key.Key_Down)
        return (
            view.table.currentIndex().row() == page.list.model.row_of(template["id"]) and dispatch.isEnabled()
        )

    wait_until(aloop, choose_the_inspection)
    for _ in range(30):  # Shift+Tab from the list, back through the toolbar, to the button
        if QApplication.focusWidget() is dispatch:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dispatch
    qtbot.keyClick(dispatch, Qt.Key.Key_Space)
    wait_until(aloop, lambda: shown_dialog(DispatchDialogView) is not None)
    dialog = shown_dialog(DispatchDialogView)
    wait_until(aloop, lambda: dialog.template.currentData() == template["id"])
    dialog.reject()


def test_the_dispatch_buttons_words_fold_to_its_icon_at_1024_and_come_back(desktop, aloop):
    run(aloop, desktop.api.create_template(vehicle_inspection()))
    window = desktop.window
    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded)
    dispatch = page.list_view.buttons["dispatch"]
    window.view.resize(1024, 700)
    wait_until(aloop, lambda: window.view.width() == 1024 and not dispatch.text())
    assert dispatch.toolTip().startswith("Dispatch run…") and dispatch.isVisible()
    window.view.resize(1600, 900)
    wait_until(aloop, lambda: dispatch.text() == "Dispatch run…")
