"""Photo thumbnails (a placeholder until the image arrives) and a viewer dialog."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from rundun_desktop.style import set_icon_pixmap
from rundun_desktop.theme import set_sheet, stop_following_scheme_change

THUMB = 96


class Thumbnail(QLabel):
    """A square tile: an image icon while loading, the photo once set; clicking asks to view it."""

    clicked = Signal(str)

    def __init__(self, url: str, size: int = THUMB, parent: QWidget | None = None):
        super().__init__(parent)
        self.url = url
        self.loaded = False
        self._size = size
        self.setFixedSize(QSize(size, size))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        set_sheet(self, "background: #eef1f6; border-radius: 8px; color: #8a93a6;")
        set_icon_pixmap(self, "image", "#a3abbd", 28)
        self.setToolTip(self.tr("Loading photo…"))

    def set_image(self, image: QImage) -> None:
        stop_following_scheme_change(self)  # the placeholder's picture is replaced for good
        if image.isNull():
            self.setText(self.tr("No preview"))
            self.setToolTip(self.tr("This photo's format cannot be previewed here."))
            return
        scaled = QPixmap.fromImage(image).scaled(
            self._size * 2,
            self._size * 2,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(2.0)
        self.setPixmap(scaled)
        self.setToolTip(self.tr("Click to view"))
        self.loaded = True

    def set_failed(self, text: str) -> None:
        stop_following_scheme_change(self)
        self.setText("!")
        self.setToolTip(text)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.url)
        super().mouseReleaseEvent(event)


class PhotoViewer(QDialog):
    """A photo at full size (scaled to the window), with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(caption or self.tr("Photo"))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.image_label = QLabel(self.tr("Loading…"))
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image_label)
        layout.addWidget(scroll, 1)
        self.caption = QLabel(caption)
        layout.addWidget(self.caption)
        self._image = QImage()

    def set_image(self, image: QImage) -> None:
        self._image = image
        if image.isNull():
            self.image_label.setText(self.tr("This photo cannot be shown."))
            return
        self._fit()

    def set_failed(self, text: str) -> None:
        self.image_label.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._image.isNull():
            self._fit()

    def _fit(self) -> None:
        parent = self.image_label.parentWidget()
        area = parent.size() if parent else self.size()
        self.image_label.setPixmap(
            QPixmap.fromImage(self._image).scaled(
                area, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
