"""The sidebar folds to its icons in a small window: at 1024 × 700 its 216 px left the editor's step tree
about 190 px ("Paint…eaks? *"); folded it takes 64 px, each page's name moves to its icon's tooltip and the
organisation and plan to the logo's, and it unfolds when the window grows again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from rundun_desktop.main_window_view import COMPACT_SIDEBAR_WIDTH, SIDEBAR_WIDTH
from tests.desktop.conftest import wait_until


def test_the_sidebar_folds_to_its_icons_at_1024_by_700_and_unfolds_at_1360(desktop, aloop):
    view = desktop.window.view
    view.resize(1360, 860)
    wait_until(aloop, lambda: view.sidebar.width() == SIDEBAR_WIDTH, 5)
    assert view.brand_names.isVisible() and view.plan_label.isVisible()
    wait_until(aloop, lambda: "this month" in view.plan_label.text(), 10)
    names = [view.nav.item(i).text().strip() for i in range(view.nav.count())]

    view.resize(1024, 700)
    wait_until(aloop, lambda: view.sidebar.width() == COMPACT_SIDEBAR_WIDTH, 5)
    assert not view.brand_names.isVisible() and not view.plan_label.isVisible()
    nav = view.nav
    for i, name in enumerate(names):
        item = nav.item(i)
        assert item.text().strip() == name and item.toolTip() == name  # the words stay the item's
        assert nav.visualItemRect(item).right() <= nav.viewport().width()
    assert not nav.horizontalScrollBar().isVisible()
    assert desktop.window.view.stack.width() >= 1024 - COMPACT_SIDEBAR_WIDTH - 2  # the page has the room

    tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), view.logo.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(view.logo, tip)
    assert "this month" in QToolTip.text() and view.org_label.text() in QToolTip.text()
    QToolTip.hideText()

    view.resize(1360, 860)
    wait_until(aloop, lambda: view.sidebar.width() == SIDEBAR_WIDTH, 5)
    assert view.brand_names.isVisible() and view.plan_label.isVisible()
