"""A QR code drawn with QPainter from the `qrcode` package's module matrix (no PIL).

`qrcode` is imported when a first code is drawn: importing it pulls in PIL (its image factories), which
cost every start of the app ~0.1 s and several MB for a dialog most sessions never open."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


def qr_matrix(text: str, border: int = 2) -> list[list[bool]]:
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


INK = "#1c2333"


def paint_matrix(painter: QPainter, matrix: list[list[bool]], rect: QRectF, ink: str = INK) -> None:
    n = len(matrix)
    if not n:
        return
    side = min(rect.width(), rect.height())
    cell = side / n
    x0 = rect.x() + (rect.width() - side) / 2
    y0 = rect.y() + (rect.height() - side) / 2
    painter.fillRect(QRectF(x0, y0, side, side), QColor("#ffffff"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(ink))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                # A hair of overlap keeps antialiased neighbours from showing seams.
                painter.drawRect(QRectF(x0 + x * cell, y0 + y * cell, cell + 0.3, cell + 0.3))


def qr_image(text: str, size: int = 512) -> QImage:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_matrix(painter, qr_matrix(text), QRectF(0, 0, size, size))
    painter.end()
    return image


class QrCodeWidget(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def text(self) -> str:
        return self._text

    def modules(self) -> int:
        return len(self._matrix)

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, 200)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        paint_matrix(painter, self._matrix, QRectF(self.rect()))
        painter.end()
