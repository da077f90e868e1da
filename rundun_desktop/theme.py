"""The app follows the system's light or dark scheme (Qt 6.5+ `QStyleHints.colorScheme`), on every page.

The stylesheets are written once, in light colours; the dark look is the same sheets with each light colour
swapped for its dark counterpart (`DARK`), plus the Fusion palette in dark colours for what no sheet styles.
`follow_system_scheme(app)` applies the scheme now and again whenever the system switches; widgets with
a sheet of their own (the editor's) register it with `set_sheet`, so they switch too, and a label with a drawn
picture registers how to redraw it (`follow_scheme_change`). Icons resolve their colour when painted
(`scheme_icons`). The dashboard's charts
pick their theme from the palette (`dashboard.charts.dark_mode`).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# Light colour → dark colour. Surfaces darken, ink lightens, the accent and the status colours stay
# recognisable with enough contrast on the dark surfaces.
DARK = {
    "#ffffff": "#1f2533",
    "white": "#1f2533",
    "#1c2333": "#e6e9f2",
    "#5b6478": "#a9b1c2",
    "#64748b": "#a9b1c2",
    "#475569": "#b8c0cf",
    "#8a93a6": "#8e97aa",
    "#e3e7f0": "#343c50",
    "#e2e8f0": "#343c50",
    "#eef1f6": "#2b3244",
    "#f0f2f7": "#2b3244",
    "#f4f6fb": "#161b26",
    "#f1f5f9": "#161b26",
    "#f8f9fc": "#1a2030",
    "#fafbfd": "#222938",
    "#f6f7fa": "#1a2030",
    "#f1f4fb": "#2a3247",
    "#eceff5": "#2b3244",
    "#d5dae6": "#3d4660",
    "#cdd3e0": "#46506b",
    "#c5cbe0": "#c5cbe0",
    "#b9c2d8": "#56607c",
    "#a3abbd": "#6b7489",
    "#e7ecff": "#2c3766",
    "#a5b4fc": "#3f4c8a",
    "#3b5bdb": "#748ffc",
    "#364fc7": "#4c6ef5",
    "#2563eb": "#748ffc",
    "#b4232a": "#ff8787",
    "#b91c1c": "#ff8787",
    "#991b1b": "#ffa8a8",
    "#fde4e4": "#4a1f24",
    "#fef2f2": "#3a1c20",
    "#fca5a5": "#7a2e35",
    "#f3b4b4": "#7a2e35",
    "#11703f": "#8ce99a",
    "#166534": "#8ce99a",
    "#dcf5e6": "#173d2a",
    "#7a4a00": "#ffd8a8",
    "#92400e": "#ffd8a8",
    "#fff3d6": "#4a3b12",
    "#fef3c7": "#4a3b12",
    "#9a3412": "#ffc078",
    "#ffedd5": "#4a2a12",
    "#1e3a8a": "#bac8ff",
    "#dbeafe": "#26305a",
    # Painted by hand (status pills, the detail's answers, models' colours, the executor's cards).
    "#8a5a00": "#ffd8a8",
    "#1f4fd1": "#bac8ff",
    "#e3ebff": "#26305a",
    "#eceef3": "#2b3244",
    "#eef2ff": "#2c3766",
    "#8f1d22": "#ffa8a8",
    "#23358f": "#bac8ff",
    "#c92a2a": "#ff8787",
    "#a61e4d": "#faa2c1",
    "#fff4e6": "#4a2a12",
    "#ffa8a8": "#7a2e35",
    "#b26a00": "#ffc078",
    "#b25e00": "#ffc078",
    "#2b8a3e": "#8ce99a",
    "#d64545": "#ff8787",
    "#dc2626": "#ff6b6b",
    "#93c5fd": "#3f4c8a",
    "#334155": "#c1c8d6",
    "#e8590c": "#ff922b",
    "#c2410c": "#ff922b",
    "#e03131": "#ff8787",
    "#2f9e44": "#69db7c",
}
# The sidebar is dark in both schemes: after the swap, its rules are put back (later rules win). Tooltips,
# ink-coloured bubbles in light, would turn light: they get a raised dark surface instead.
_SIDEBAR = """
QToolTip { background: #2b3244; color: #e6e9f2; border: 1px solid #46506b; }
QFrame#Sidebar { background: #10141d; }
QLabel#Brand { color: #ffffff; }
QListWidget#Nav::item { color: #c5cbe0; }
QListWidget#Nav::item:hover { background: #262f45; color: #ffffff; }
QListWidget#Nav::item:selected { background: #3b5bdb; color: #ffffff; }
"""
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|\bwhite\b")
_sheets: weakref.WeakKeyDictionary[QWidget, str] = weakref.WeakKeyDictionary()
# What a widget redoes itself when the scheme switches (a label's drawn picture): no sheet reaches it.
_restylers: weakref.WeakKeyDictionary[QWidget, Callable[[], None]] = weakref.WeakKeyDictionary()
_dark = False


def is_dark() -> bool:
    """Whether the dark scheme is applied now."""
    return _dark


def themed(sheet: str, dark: bool) -> str:
    """A light stylesheet as it is shown in the scheme: unchanged in light, its colours swapped in dark."""
    if not dark:
        return sheet
    return _COLOUR.sub(lambda m: DARK.get(m.group(0).lower(), m.group(0)), sheet)


def colour(light: str) -> str:
    """A colour of the light scheme as it is shown now: its dark counterpart in the dark scheme (for what is
    painted by hand or set per widget, which no stylesheet swap reaches)."""
    return DARK.get(light.lower(), light) if _dark else light


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#161b26"),
        (roles.WindowText, "#e6e9f2"),
        (roles.Base, "#1f2533"),
        (roles.AlternateBase, "#222938"),
        (roles.Text, "#e6e9f2"),
        (roles.Button, "#1f2533"),
        (roles.ButtonText, "#e6e9f2"),
        (roles.ToolTipBase, "#2b3244"),
        (roles.ToolTipText, "#e6e9f2"),
        (roles.PlaceholderText, "#8e97aa"),
        (roles.Highlight, "#5c7cfa"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#91a7ff"),
        (roles.Mid, "#46506b"),
        (roles.Midlight, "#343c50"),
        (roles.Dark, "#10141d"),
        (roles.Light, "#2b3244"),
        (roles.BrightText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def set_sheet(widget: QWidget, sheet: str) -> None:
    """Give a widget its own light stylesheet, shown in the current scheme and switched with it."""
    _sheets[widget] = sheet
    widget.setStyleSheet(themed(sheet, _dark))


def follow_scheme_change(widget: QWidget, restyle: Callable[[], None]) -> None:
    """Call `restyle` now and again each time the scheme switches, for as long as `widget` lives."""
    _restylers[widget] = restyle
    restyle()


def stop_following_scheme_change(widget: QWidget) -> None:
    """The widget shows something of its own now (a photo where a placeholder was): leave it as it is."""
    _restylers.pop(widget, None)


def _still_alive(registry: weakref.WeakKeyDictionary) -> list:
    """The registry's widgets Qt has not deleted yet; the deleted ones are dropped from it."""
    alive = []
    for widget in list(registry.keys()):
        if shiboken6.isValid(widget):
            alive.append(widget)
        else:  # closed and deleted by Qt while Python still held its wrapper
            registry.pop(widget, None)
    return alive


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme, base_sheet: str) -> None:
    """Show the app in `scheme` (Unknown counts as light): palette, the app's sheet, the registered sheets."""
    global _dark
    _dark = scheme == Qt.ColorScheme.Dark
    app.setPalette(dark_palette() if _dark else app.style().standardPalette())
    app.setStyleSheet(themed(base_sheet, _dark) + (_SIDEBAR if _dark else ""))
    for widget in _still_alive(_sheets):
        widget.setStyleSheet(themed(_sheets[widget], _dark))
    for widget in _still_alive(_restylers):
        _restylers[widget]()


def follow_system_scheme(app: QApplication, base_sheet: str) -> None:
    """Apply the system's scheme now and whenever it changes (Settings › Appearance on every platform)."""
    hints = app.styleHints()
    apply_scheme(app, hints.colorScheme(), base_sheet)
    hints.colorSchemeChanged.connect(lambda scheme: apply_scheme(app, scheme, base_sheet))
