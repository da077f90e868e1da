"""The look: the stylesheet, SVG icons (tinted at load), and the application font and palette."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from rundun_desktop.resources import resource_path
from rundun_desktop.theme import follow_system_scheme

INK, MUTED, ACCENT, LINE = "#1c2333", "#5b6478", "#3b5bdb", "#e3e7f0"
FINDING_COLOUR = (
    "#c2410c"  # the warning colour of findings (SPEC §14), 5:1 on white; always with the word beside it
)


@cache
def stylesheet() -> str:
    return resource_path("style.qss").read_text(encoding="utf-8")


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same base on every platform, so the stylesheet looks the same
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    follow_system_scheme(app, stylesheet())  # the palette and sheet of the system's light or dark scheme
    app.setWindowIcon(icon("logo", None))


@cache
def _svg(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def pixmap(name: str, colour: str | None = MUTED, size: int = 18, ratio: float = 2.0) -> QPixmap:
    """An icon drawn at `size` (device-independent) in `colour` (the SVG's currentColor)."""
    text = _svg(name) if colour is None else _svg(name).replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(text.encode()))
    pm = QPixmap(QSize(int(size * ratio), int(size * ratio)))
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
    painter.end()
    pm.setDevicePixelRatio(ratio)
    return pm


@cache
def icon(name: str, colour: str | None = MUTED, selected: str | None = None, size: int = 18) -> QIcon:
    """A QIcon; with `selected`, another tint for the selected/active state (sidebar)."""
    result = QIcon(pixmap(name, colour, size))
    if selected:  # one drawing for both states: each SVG drawn costs start-up (the sidebar's five)
        chosen = pixmap(name, selected, size)
        result.addPixmap(chosen, QIcon.Mode.Selected)
        result.addPixmap(chosen, QIcon.Mode.Active)
    return result


def set_role(widget: QWidget, **props: object) -> QWidget:
    """Set stylesheet properties (`primary=True`, `role="title"`) and re-polish so they apply."""
    for key, value in props.items():
        widget.setProperty(key, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def colour(hex_text: str) -> QColor:
    return QColor(hex_text)
