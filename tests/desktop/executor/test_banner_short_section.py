"""A section too short to scroll keeps its fields under the pointer when "Not sent yet" comes above it.

The form already scrolled by the banner's height when the banner came (a click meant for a field landed on
another), but only as far as it could scroll: a section of two steps at 1024×700 cannot scroll at all, and moved
down 80 px. Walked at 1024×700: "No" clicked on a two-step section with the server stopped, the banner came, and
the next click, meant for the odometer, ticked "Skip this step" above it."""

from __future__ import annotations

import socket

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from rundun_desktop.executor import store as st
from tests.desktop.conftest import wait_until
from tests.desktop.executor.conftest import opened
from tests.desktop.executor.test_runner import CONDITIONS, synced


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once it is closed


def test_the_banner_moves_no_field_of_a_section_too_short_to_scroll(page, org, aloop, qtbot):
    page.resize(1024, 700)
    run_id = opened(aloop, page, org.dispatch(CONDITIONS))  # its first section: two steps while all is OK
    synced(aloop, page, run_id)
    store = st.LocalStore(page.service.data_dir)
    try:
        store.update_run(run_id, base_url=f"http://127.0.0.1:{closed_port()}")  # the server stopped
    finally:
        store.close()
    view, cards = page.runner_view, page.runner.cards
    QApplication.processEvents()
    assert view.scroll_area.verticalScrollBar().maximum() == 0  # too short to scroll
    field = cards["s-extra"].input.edit
    where = field.mapTo(page.window(), QPoint(0, 0))
    qtbot.mouseClick(cards["s-ok"].input.buttons[True], Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.banner.isVisible() and "Not sent yet" in view.banner.text(), 20)
    QApplication.processEvents()
    assert field.mapTo(page.window(), QPoint(0, 0)) == where  # under the pointer still
    # The banner gone (sent at last), the room made for it goes too: the form is where it was, not scrollable.
    store = st.LocalStore(page.service.data_dir)
    try:
        store.update_run(run_id, base_url=org.url)
    finally:
        store.close()
    page.service.engine.wake(now=True)
    wait_until(aloop, lambda: not view.banner.isVisible(), 20)
    QApplication.processEvents()
    assert field.mapTo(page.window(), QPoint(0, 0)) == where
    wait_until(aloop, lambda: view.scroll_area.verticalScrollBar().maximum() == 0, 10)
    assert org.values(run_id)["s-ok"] is True
