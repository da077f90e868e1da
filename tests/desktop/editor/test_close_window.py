"""Closing the main window (its close button, or the OS quitting the app: both arrive as a close event)
with unsaved template edits asks Save / Discard / Keep editing, as the editor's Back button does."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import run, wait_until
from tests.support.samples import vehicle_inspection

from .conftest import Driver


@pytest.fixture
def renamed(desktop, qtbot, aloop):
    """The whole app, a saved template open in the editor and renamed (not saved); the questions asked
    are recorded and answered with `answer[0]`."""
    window = desktop.window
    created = run(aloop, desktop.api.create_template(vehicle_inspection()))
    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    assert run(aloop, page.open(created["id"]))
    d = Driver(qtbot, aloop, page)
    d.click(d.view.middle.tabBar(), d.view.middle.tabBar().tabRect(1).center())
    d.type(d.view.template_panel.name_edit, "Van handover")
    assert page.has_unsaved_changes()
    asked: list[str] = []
    answer = ["cancel"]

    async def unsaved(name: str) -> str:
        asked.append(name)
        return answer[0]

    page.prompter.unsaved = unsaved
    closed: list[bool] = []
    window.view.closing.connect(lambda: closed.append(True))
    return window, page, created, asked, answer, closed


def test_keep_editing_cancels_the_close(renamed, aloop):
    window, page, _, asked, answer, closed = renamed
    window.show_page("runs")  # the question brings the template back into view
    answer[0] = "cancel"
    window.view.close()
    wait_until(aloop, lambda: asked and window._asking is None, 10)
    assert asked == ["Van handover"]
    assert window.view.isVisible() and not closed
    assert window.current_page() == "templates" and page.has_unsaved_changes()
    assert page.editor.doc.meta["name"] == "Van handover"


def test_save_saves_then_closes(renamed, desktop, aloop):
    window, _, created, asked, answer, closed = renamed
    answer[0] = "save"
    window.view.close()
    wait_until(aloop, lambda: closed, 10)
    assert asked == ["Van handover"] and not window.view.isVisible()
    stored = run(aloop, desktop.api.get_template(created["id"]))
    assert stored["v"] == 2 and stored["name"] == "Van handover"


def test_discard_closes_without_saving(renamed, desktop, aloop):
    window, _, created, asked, answer, closed = renamed
    answer[0] = "discard"
    window.view.close()
    wait_until(aloop, lambda: closed, 10)
    assert asked == ["Van handover"] and not window.view.isVisible()
    stored = run(aloop, desktop.api.get_template(created["id"]))
    assert stored["v"] == 1 and stored["name"] == "Vehicle pre-rental inspection"


def test_the_os_quitting_the_app_asks_too(renamed, aloop):
    """The OS ends an app (log out, Quit from the dock) by sending its windows a close event."""
    window, _, _, asked, answer, closed = renamed
    answer[0] = "cancel"
    event = QCloseEvent()
    QApplication.sendEvent(window.view, event)
    assert not event.isAccepted()
    wait_until(aloop, lambda: asked and window._asking is None, 10)
    assert window.view.isVisible() and not closed


def test_a_clean_editor_closes_without_a_question(desktop, aloop):
    window = desktop.window
    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    closed: list[bool] = []
    window.view.closing.connect(lambda: closed.append(True))
    window.view.close()
    assert closed and not window.view.isVisible()
