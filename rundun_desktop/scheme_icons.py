"""Icons drawn when they are painted, in the colours of the scheme shown at that moment.

An icon tinted once at load keeps its light-scheme ink when the system switches to dark at sunset (and a
laptop app stays open for weeks): dim grey on a dark surface. A `SchemeIconEngine` holds the drawing and its
light colour instead, and resolves the colour each time Qt asks for a pixmap (`theme.colour`), so every
button, tab and menu icon switches with the palette and the sheets, with nothing to re-set by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap

from rundun_desktop.theme import colour as scheme_colour

# Draws the icon into `rect` of a painter, in the given ink (None: the drawing's own colours).
Draw = Callable[[QPainter, QRectF, str | None], None]

DISABLED = "#a3abbd"  # a disabled control's ink in the light scheme (its dark counterpart in dark)
_CACHED_PIXMAPS = 8  # per icon: a handful of sizes and modes are ever asked for


class SchemeIconEngine(QIconEngine):
    def __init__(
        self, draw: Draw, colour: str | None, selected: str | None = None, follow_scheme: bool = True
    ) -> None:
        super().__init__()
        self._draw = draw
        self._colour = colour
        self._selected = selected
        self._follow_scheme = follow_scheme
        self._pixmaps: dict[tuple, QPixmap] = {}

    def ink(self, mode: QIcon.Mode) -> str | None:
        """The colour the icon is drawn in now, for a mode (None: its own colours)."""
        light: str | None
        if mode == QIcon.Mode.Disabled and self._colour is not None:
            light = DISABLED
        elif mode in (QIcon.Mode.Selected, QIcon.Mode.Active) and self._selected:
            light = self._selected
        else:
            light = self._colour
        if light is None or not self._follow_scheme:
            return light
        return scheme_colour(light)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        ink = self.ink(mode)
        key = (size.width(), size.height(), scale, ink, mode == QIcon.Mode.Disabled)
        cached = self._pixmaps.get(key)
        if cached is None:
            if len(self._pixmaps) >= _CACHED_PIXMAPS:
                self._pixmaps.clear()
            cached = self._pixmaps[key] = self._render(size, scale, ink, mode)
        return cached

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def clone(self) -> QIconEngine:
        return SchemeIconEngine(self._draw, self._colour, self._selected, self._follow_scheme)

    def _render(self, size: QSize, scale: float, ink: str | None, mode: QIcon.Mode) -> QPixmap:
        width, height = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if mode == QIcon.Mode.Disabled and ink is None:  # a full-colour picture (the logo) fades instead
            painter.setOpacity(0.4)
        self._draw(painter, QRectF(0, 0, width, height), ink)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap
