"""Every page is reached with the keyboard alone: Go → a page (Ctrl+1 … Ctrl+5), and the sidebar, which Tab
reaches and ↑/↓ move through. Before, the sidebar took no focus and no menu or key named a page: Templates,
Dashboard, Executor and Settings needed a mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import wait_until
from tests.desktop.test_embedded_address import start, stop

PAGES = ["templates", "runs", "dashboard", "executor", "settings"]


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _active(qtbot, app):
    """The app's window shown and active (keys reach it, and its shortcuts answer)."""
    view = app.window.view
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=10_000)
    return view


def test_go_menu_and_ctrl_digits_change_page_and_put_the_focus_in_it(aloop, qtbot, tmp_path):
    app = start(aloop, tmp_path / "home")
    try:
        window, view = app.window, _active(qtbot, app)
        menus = [a.text() for a in view.menuBar().actions()]
        assert menus == ["&File", "&Go", "&Help"]
        go = view.go_menu.actions()
        assert [a.text() for a in go] == ["Templates", "Runs", "Dashboard", "Executor", "Settings"]
        assert [a.shortcut().toString() for a in go] == [f"Ctrl+{n}" for n in range(1, 6)]
        window.runs_view.setFocus()
        for n, key in reversed(list(enumerate(PAGES, start=1))):
            _key(qtbot, getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.ControlModifier)
            wait_until(aloop, lambda key=key: window.current_page() == key, 10)
            page = view.stack.currentWidget()
            wait_until(aloop, lambda page=page: page.isAncestorOf(QApplication.focusWidget()), 10)
            assert view.nav.currentItem().data(Qt.ItemDataRole.UserRole) == key
        # The editor's own keys (its toolbar's, the runner's) use no Ctrl+digit: nothing else answers them
        digits = {QKeySequence(f"Ctrl+{n}") for n in range(1, 6)}
        others = [a for a in view.findChildren(QAction) if a not in go and set(a.shortcuts()) & digits]
        others += [s for s in view.findChildren(QShortcut) if s.key() in digits]
        assert others == []
    finally:
        stop(aloop, app)


def test_tab_reaches_the_sidebar_arrows_change_page_and_enter_goes_into_it(aloop, qtbot, tmp_path):
    app = start(aloop, tmp_path / "home")
    try:
        window, view = app.window, _active(qtbot, app)
        window.show_page("runs")
        window.runs_view.search.setFocus()
        for _ in range(80):  # Tab goes round the window's fields; the sidebar is one stop among them
            if view.nav.hasFocus():
                break
            _key(qtbot, Qt.Key.Key_Tab)
        assert view.nav.hasFocus()
        assert view.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "runs"
        _key(qtbot, Qt.Key.Key_Down)
        assert window.current_page() == "dashboard" and view.nav.hasFocus()
        _key(qtbot, Qt.Key.Key_Down)
        # The Executor's page puts the focus in its link field when shown: not while the arrows go through pages
        assert window.current_page() == "executor" and view.nav.hasFocus()
        _key(qtbot, Qt.Key.Key_Down)
        assert window.current_page() == "settings"
        _key(qtbot, Qt.Key.Key_Home)
        assert window.current_page() == "templates"
        _key(qtbot, Qt.Key.Key_Return)  # into the page: its first field or button
        page = view.stack.currentWidget()
        wait_until(aloop, lambda: page.isAncestorOf(QApplication.focusWidget()), 10)
        # A click in the sidebar changes page without taking the focus from the page (as before)
        assert view.nav.focusPolicy() == Qt.FocusPolicy.TabFocus
    finally:
        stop(aloop, app)
