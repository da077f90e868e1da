"""Photo thumbnails (a placeholder until the image arrives) and a viewer dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from rundun_desktop.style import icon, set_icon_pixmap, set_role
from rundun_desktop.theme import set_sheet, stop_following_scheme_change

THUMB = 96


class Thumbnail(QLabel):
    """A tile: an image icon while loading, the picture once set; clicking asks to view it. A photo fills a
    square (its middle: the viewer shows it whole); a signature (`whole`) is shown whole in a tile twice as wide
    as it is tall: a 300×120 signature cut to its middle square showed a few strokes of the name."""

    clicked = Signal(str)

    def __init__(self, url: str, size: int = THUMB, parent: QWidget | None = None, *, whole: bool = False):
        super().__init__(parent)
        self.url = url
        self.loaded = False
        self._size = size
        self._whole = whole
        self.setFixedSize(QSize(size * 2, size) if whole else QSize(size, size))
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
        box = self.size() * 2  # drawn at twice the tile's size, for high-density screens
        scaled = QPixmap.fromImage(image).scaled(
            box,
            Qt.AspectRatioMode.KeepAspectRatio
            if self._whole
            else Qt.AspectRatioMode.KeepAspectRatioByExpanding,
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
    """A run's photos at full size (scaled to the window), one at a time, with their captions: Previous and Next
    (or ← and →, Home and End) go through them all, Save photo… keeps the one shown as the file the executor
    sent. A supervisor checking eight photos of a car's sides opened, closed and reopened a window for each,
    and had no way to keep the photo of a damage for the claim but a PDF of the whole run.

    It only shows: `wanted(index)` asks its owner for the photo at `index` (`set_image` when it arrives), and
    `save_wanted(index)` to save it."""

    wanted = Signal(int)
    save_wanted = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo"))
        self.resize(900, 680)
        self._image = QImage()
        self.captions: list[str] = []
        self.index = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.image_label = QLabel(self.tr("Loading…"))
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture_area = QScrollArea()
        self.picture_area.setWidgetResizable(True)
        self.picture_area.setWidget(self.image_label)
        # Fitted to the room the picture has, whatever takes some of it (the line saying where it was saved).
        self._room = self.picture_area.viewport()
        self._room.installEventFilter(self)
        layout.addWidget(self.picture_area, 1)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.counter = QLabel()
        set_role(self.counter, role="muted")
        captions = QHBoxLayout()
        captions.addWidget(self.caption, 1)
        captions.addWidget(self.counter)
        layout.addLayout(captions)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.save_button = QPushButton(icon("save", "#5b6478"), self.tr("Save photo…"))
        self.close_button = QPushButton(self.tr("Close"))
        for widget in (self.previous_button, self.next_button):
            widget.setToolTip(self.tr("Also with the arrow keys"))
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.previous_button.clicked.connect(lambda: self.show_photo(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_photo(self.index + 1))
        self.save_button.clicked.connect(lambda: self.save_wanted.emit(self.index))
        self.close_button.clicked.connect(self.close)
        # Shortcuts, not keyPressEvent: the picture's scroll area has the focus and takes the arrow keys itself.
        for key, step in ((Qt.Key.Key_Right, +1), (Qt.Key.Key_Left, -1)):
            QShortcut(QKeySequence(key), self, lambda step=step: self._step(step))
        QShortcut(QKeySequence(Qt.Key.Key_Home), self, lambda: self.show_photo(0))
        QShortcut(QKeySequence(Qt.Key.Key_End), self, lambda: self.show_photo(len(self.captions) - 1))

    def set_photos(self, captions: list[str], index: int) -> None:
        """The photos to go through (their captions, in the order shown), and the one to show first."""
        self.captions = captions
        self.index = -1
        self.show_photo(index)

    def show_photo(self, index: int) -> None:
        if not 0 <= index < len(self.captions) or index == self.index:
            return
        self.index = index
        self._image = QImage()
        self.image_label.setPixmap(QPixmap())
        self.image_label.setText(self.tr("Loading…"))
        caption = self.captions[index] or self.tr("Photo")
        self.setWindowTitle(caption)
        self.caption.setText(caption)
        self.counter.setText(
            self.tr("{0} of {1}").format(
                QLocale().toString(index + 1), QLocale().toString(len(self.captions))
            )
        )
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.captions) - 1)
        self.save_button.setEnabled(False)  # until the photo is here: there is nothing to save yet
        self.message.hide()
        self.wanted.emit(index)

    def set_image(self, index: int, image: QImage) -> None:
        """The photo at `index` arrived: shown if it is still the one asked for."""
        if index != self.index:
            return
        self._image = image
        if image.isNull():
            self.image_label.setText(
                self.tr("This photo cannot be shown here; Save photo… keeps it as it is.")
            )
        else:
            self._fit()
        self.save_button.setEnabled(True)

    def set_failed(self, index: int, text: str) -> None:
        if index == self.index:
            self.image_label.setText(text)

    def _step(self, step: int) -> None:
        """→ goes to the next photo, ← to the one before; mirrored right to left, where the next is to the left."""
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            step = -step
        self.show_photo(self.index + step)

    def tell(self, text: str, *, error: bool = False) -> None:
        """A word under the photo: where it was saved, or why not."""
        set_role(self.message, role="error" if error else "notice")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def eventFilter(self, watched, event) -> bool:
        if watched is self._room and event.type() == QEvent.Type.Resize and not self._image.isNull():
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        self.image_label.setPixmap(
            QPixmap.fromImage(self._image).scaled(
                self._room.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
