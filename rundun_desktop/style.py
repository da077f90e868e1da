"""The look: the stylesheet, SVG icons (tinted at load), and the application font and palette."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from rundun_desktop.resources import resource_path
from rundun_desktop.scheme_icons import Draw, SchemeIconEngine
from rundun_desktop.theme import follow_scheme_change, follow_system_scheme
from rundun_desktop.widgets.enter_presses import enter_presses_buttons
from rundun_desktop.widgets.wheel import guard_wheel

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
    guard_wheel(app)  # the wheel scrolls forms; it never changes a field not clicked into
    enter_presses_buttons(app)  # Enter presses the focused button, as Space does


@cache
def _svg(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def draw_svg(name: str) -> Draw:
    """A drawing of the app's SVG `name` with its currentColor in the colour given at paint time."""

    def draw(painter: QPainter, rect: QRectF, colour: str | None) -> None:
        text = _svg(name) if colour is None else _svg(name).replace("currentColor", colour)
        QSvgRenderer(QByteArray(text.encode())).render(painter, rect)

    return draw


def pixmap(name: str, colour: str | None = MUTED, size: int = 18, ratio: float = 2.0) -> QPixmap:
    """An icon drawn once at `size` (device-independent) in `colour` (the SVG's currentColor), as given: for
    a picture that must not follow the scheme. A label that should, takes `set_icon_pixmap`."""
    pm = QPixmap(QSize(int(size * ratio), int(size * ratio)))
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    draw_svg(name)(painter, QRectF(0, 0, size * ratio, size * ratio), colour)
    painter.end()
    pm.setDevicePixelRatio(ratio)
    return pm


@cache
def icon(
    name: str,
    colour: str | None = MUTED,
    selected: str | None = None,
    size: int = 18,
    follow_scheme: bool = True,
) -> QIcon:
    """The app's SVG `name` as a QIcon in `colour` (a light-scheme colour: shown as its dark counterpart
    while the dark scheme is, switching live); with `selected`, another tint for the selected/active state
    (sidebar). `follow_scheme=False` keeps the colours as given (the sidebar is dark in both schemes)."""
    del size  # drawn at whatever size it is shown; kept so callers can say the size they mean
    return QIcon(SchemeIconEngine(draw_svg(name), colour, selected, follow_scheme))


def set_icon_pixmap(label: QLabel, name: str, colour: str, size: int) -> None:
    """Show the SVG `name` on a label in the scheme's colours, redrawn when the system switches scheme."""
    scheme_icon = icon(name, colour)
    follow_scheme_change(label, lambda: label.setPixmap(scheme_icon.pixmap(size, size)))


def set_role(widget: QWidget, **props: object) -> QWidget:
    """Set stylesheet properties (`primary=True`, `role="title"`) and re-polish so they apply."""
    for key, value in props.items():
        widget.setProperty(key, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def colour(hex_text: str) -> QColor:
    return QColor(hex_text)
