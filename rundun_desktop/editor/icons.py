"""Icons and colours of the editor: a coloured badge per step type, and toolbar icons.

Toolbar icons come from `resources/icons/<name>.svg` when the app ships one (found through the
bundle-aware resource helper) and fall back to Qt's standard icons, so the editor looks whole either way.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from rundun_desktop.resources import resource_path
from rundun_desktop.scheme_icons import Draw, SchemeIconEngine
from rundun_desktop.theme import colour

# (glyph, colour) per step type; the glyphs are in DejaVu Sans and in the usual system fonts.
TYPE_BADGES: dict[str, tuple[str, str]] = {
    "boolean": ("✓", "#2f855a"),
    "number": ("#", "#2b6cb0"),
    "text": ("T", "#4a5568"),
    "choice": ("◉", "#6b46c1"),
    "multi_choice": ("☑", "#805ad5"),
    "rating": ("★", "#d69e2e"),
    "photo": ("▣", "#dd6b20"),
    "date": ("▦", "#319795"),
    "time": ("◷", "#00a3c4"),
    "signature": ("✎", "#b83280"),
    "instruction": ("i", "#718096"),
}
SECTION_COLOUR = "#334155"
ERROR_COLOUR = "#d64545"
MUTED_COLOUR = "#64748b"
ACCENT_COLOUR = "#2563eb"

# Drawn glyphs where the standard icons say something else (a folder for "add", arrows for "undo").
_GLYPHS = {  # drawn in the scheme's ink (the style's standard arrows are black, lost on a dark toolbar)
    "add": "+",
    "undo": "↶",
    "redo": "↷",
    "generate": "✦",
    "back": "←",
    "forward": "→",
    "up": "↑",
    "down": "↓",
    "reset": "↺",  # the style's reset was a full-colour broom beside line icons
}
_STANDARD = {
    "delete": QStyle.StandardPixmap.SP_TrashIcon,
    "save": QStyle.StandardPixmap.SP_DialogSaveButton,
    "versions": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "refresh": QStyle.StandardPixmap.SP_BrowserReload,
    "import": QStyle.StandardPixmap.SP_DialogOpenButton,
    "export": QStyle.StandardPixmap.SP_DriveFDIcon,
    "new": QStyle.StandardPixmap.SP_FileIcon,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
}


# The app's own SVGs (tinted by the app's icon helper) where it has one for the action: one line style
# across the toolbar (the style's standard floppy and folder were full-colour pictures beside line icons).
_APP_ICONS = {
    "add": "plus",
    "delete": "trash",
    "duplicate": "copy",
    "refresh": "refresh",
    "search": "search",
    "save": "save",
    "new": "file-plus",
    "import": "upload",
    "export": "csv",  # a download arrow
}
ON_PRIMARY = ("new", "save")  # shown on the primary (blue) button: white in both schemes


def icon(name: str) -> QIcon:
    """The app's SVG for this action if it ships one, else a drawn glyph or a standard icon; the drawn ones
    in the colours of the scheme shown when they are painted (they switch with it). Back and forward point
    the way the page reads: in Arabic, back is → and forward ←."""
    return _icon(name, QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft)


_MIRRORED = {"back": "forward", "forward": "back"}


@cache
def _icon(name: str, rtl: bool) -> QIcon:
    if rtl and name in _MIRRORED:  # the glyphs were drawn as in English: "next" pointed back in Arabic
        name = _MIRRORED[name]
    svg_name = _APP_ICONS.get(name, name)
    if resource_path("icons", f"{svg_name}.svg").is_file():
        from rundun_desktop.style import icon as app_icon  # the app's one icon helper (tints the SVG)

        if name in ON_PRIMARY:
            return app_icon(svg_name, "#ffffff", follow_scheme=False)
        return app_icon(svg_name, ACCENT_COLOUR if name == "add" else "#475569")
    if name == "duplicate":
        return QIcon(SchemeIconEngine(_two_sheets, "#334155"))
    if name in _GLYPHS:
        ink = ACCENT_COLOUR if name in ("add", "generate") else "#334155"
        return QIcon(SchemeIconEngine(_glyph(_GLYPHS[name]), ink))
    style = QApplication.style()
    return style.standardIcon(_STANDARD[name]) if name in _STANDARD else QIcon()


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    ratio = QApplication.instance().devicePixelRatio() if QApplication.instance() else 1.0  # type: ignore[union-attr]
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def _glyph(glyph: str) -> Draw:
    def draw(painter: QPainter, rect: QRectF, ink: str | None) -> None:
        font = QFont()
        font.setPixelSize(max(1, int(rect.height() * 0.9)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(ink or "#334155"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)

    return draw


def _two_sheets(painter: QPainter, rect: QRectF, ink: str | None) -> None:
    """Two overlapping sheets: the usual picture of 'duplicate'."""
    painter.setPen(QColor(ink or "#334155"))
    painter.setBrush(QColor(colour("#ffffff")))  # the sheets are paper: the surface of the scheme shown
    unit = rect.width() / 18
    painter.drawRoundedRect(QRectF(2 * unit, 2 * unit, 10 * unit, 10 * unit), 2 * unit, 2 * unit)
    painter.drawRoundedRect(QRectF(6 * unit, 6 * unit, 10 * unit, 10 * unit), 2 * unit, 2 * unit)


@cache
def type_badge(step_type: str | None, size: int = 20) -> QPixmap:
    """A rounded square in the type's colour with its glyph, at the screen's pixel ratio."""
    glyph, colour = TYPE_BADGES.get(step_type or "", ("?", ERROR_COLOUR))
    pixmap, painter = _canvas(size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.28, size * 0.28)
    font = QFont()
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


def type_icon(step_type: str | None) -> QIcon:
    return QIcon(type_badge(step_type, 16))
