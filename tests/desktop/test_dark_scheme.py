"""The app follows the system's dark or light scheme (`QStyleHints.colorSchemeChanged`) on every page: the
palette, the app's stylesheet and the editor's own sheet switch, the sidebar stays dark, and back again.
The offscreen platform cannot change the system scheme, so the test emits the very signal the platform
sends when the user switches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from rundun_desktop import theme
from rundun_desktop.editor.list_view import TemplateListView
from tests.desktop.conftest import wait_until

PAGES = ("templates", "runs", "dashboard", "executor", "settings")


def window_lightness() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def list_view(window) -> TemplateListView:
    return window.view.findChild(TemplateListView)


def test_every_page_follows_the_system_scheme(desktop, aloop, tmp_path):
    app = QApplication.instance()
    hints = app.styleHints()
    window = desktop.window
    window.view.resize(1024, 700)
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        wait_until(aloop, lambda: theme.is_dark() and window_lightness() < 80, 10)
        sheet = app.styleSheet()
        assert "#161b26" in sheet and "#f4f6fb" not in sheet  # the page background swapped
        assert "QFrame#Sidebar { background: #10141d; }" in sheet  # the sidebar stays dark
        for page in PAGES:
            window.show_page(page)
            wait_until(aloop, lambda page=page: window.current_page() == page, 10)
            if page == "dashboard":
                wait_until(aloop, lambda: window.dashboard.refreshes > 0, 15)
            window.view.grab().save(str(tmp_path / f"dark-{page}.png"))
            window.view.grab().save(f"/tmp/rundun-dark-{page}.png")
        editor_sheet = list_view(window).styleSheet()
        assert "#1f2533" in editor_sheet and "#2563eb" not in editor_sheet  # the editor's own sheet too
        from rundun_desktop.dashboard.charts import dark_mode

        assert dark_mode()  # the charts pick the dark theme from the same palette
    finally:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    wait_until(aloop, lambda: not theme.is_dark() and window_lightness() > 180, 10)
    assert "#f4f6fb" in app.styleSheet() and "#10141d" not in app.styleSheet()
    assert "#2563eb" in list_view(window).styleSheet()
