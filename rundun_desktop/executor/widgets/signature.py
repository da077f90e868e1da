"""A signature: drawn with the mouse, pen or finger on a pad, or (keyboard only) a typed name rendered as
a signature. `signed(png_bytes)` reports it when the executor saves it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from rundun_desktop.executor.widgets.photos import encode_png

PAD = QSize(460, 160)
INK = QColor("#1c2333")


class SignaturePad(QWidget):
    """Strokes drawn with the mouse (or a pen, which Qt delivers as mouse events)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedSize(PAD)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[QPainterPath] = []
        self.typed = ""

    def is_empty(self) -> bool:
        return not self.strokes and not self.typed.strip()

    def clear(self) -> None:
        self.strokes, self.typed = [], ""
        self.update()
        self.changed.emit()

    def set_typed(self, name: str) -> None:
        self.strokes, self.typed = [], name
        self.update()
        self.changed.emit()

    def draw_stroke(self, points: list[tuple[float, float]]) -> None:
        """Add a stroke through these points (what a drag does)."""
        path = QPainterPath(QPointF(*points[0]))
        for point in points[1:]:
            path.lineTo(QPointF(*point))
        self.typed = ""
        self.strokes.append(path)
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event) -> None:
        self.typed = ""
        self.strokes.append(QPainterPath(event.position()))
        self.update()

    def mouseMoveEvent(self, event) -> None:
        if self.strokes and event.buttons() & Qt.MouseButton.LeftButton:
            self.strokes[-1].lineTo(event.position())
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        self.changed.emit()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))  # paper in both schemes: the ink is dark, as in the saved PNG
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        self._paint(painter, QRectF(self.rect()))
        if self.is_empty():
            painter.setPen(QColor("#a3abbd"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Sign here"))
        painter.end()

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#d5dae6"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(24, rect.height() - 36), QPointF(rect.width() - 24, rect.height() - 36))
        painter.setPen(
            QPen(INK, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        for path in self.strokes:
            painter.drawPath(path)
        if self.typed.strip():
            font = QFont("URW Chancery L, Z003, Comic Sans MS, cursive", 30)
            font.setItalic(True)
            painter.setFont(font)
            painter.drawText(
                rect.adjusted(24, 0, -24, -40),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                self.typed.strip(),
            )

    def to_png(self) -> bytes:
        image = QImage(PAD * 2, QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.scale(2, 2)
        self._paint(painter, QRectF(0, 0, PAD.width(), PAD.height()))
        painter.end()
        return encode_png(image)


class SignatureInput(QWidget):
    """The pad, "or type your name", Clear and Save; shows the saved signature once there is one."""

    signed = Signal(bytes)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.pad = SignaturePad()
        self.saved = QLabel()
        self.saved.setObjectName("signaturePad")
        self.saved.setFixedSize(PAD)
        self.saved.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.saved.hide()
        layout.addWidget(self.pad)
        layout.addWidget(self.saved)
        row = QHBoxLayout()
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(self.tr("or type your full name"))
        self.typed.setMinimumWidth(230)
        self.typed.textEdited.connect(self.pad.set_typed)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self._clear)
        self.save_button = QPushButton(self.tr("Save signature"))
        self.save_button.clicked.connect(self._save)
        self.typed.returnPressed.connect(self._save)
        row.addWidget(self.typed)
        row.addWidget(self.clear_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.pad.changed.connect(self._update_buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self.pad.is_empty())

    def _save(self) -> None:
        if not self.pad.is_empty():
            self.signed.emit(self.pad.to_png())

    def _clear(self) -> None:
        if self.saved.isVisible():
            self.cleared.emit()
        self.typed.clear()
        self.pad.clear()

    def show_saved(self, path: str | None, present: bool) -> None:
        """Show the stored signature (or the empty pad when there is none). The focus, on a part that goes (Save
        signature, the name typed, the pad), moves to "Sign again" first: Qt gave it to the next step's control,
        and the form scrolled away to it (the photos card below) at the first signature saved."""
        if present and any(part.hasFocus() for part in (self.pad, self.typed, self.save_button)):
            self.clear_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.pad.setVisible(not present)
        self.saved.setVisible(present)
        self.typed.setVisible(not present)
        self.save_button.setVisible(not present)
        self.clear_button.setText(self.tr("Sign again") if present else self.tr("Clear"))
        if present:
            pm = QPixmap(path) if path else QPixmap()
            if pm.isNull():
                self.saved.setText(self.tr("Signed (stored on the server)"))
            else:
                self.saved.setPixmap(
                    pm.scaled(
                        PAD, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                )
        else:
            self.pad.clear()
            self.typed.clear()

    def first_focus(self) -> QWidget:
        return self.typed if self.typed.isVisible() else self.clear_button
