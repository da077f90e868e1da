"""The photos of a step: thumbnails (decoded off the GUI thread), "Add photos…", files or images dropped
in, and the camera where Qt Multimedia finds one. The strip only reports what the executor asks for; the
controller copies the files into the local store and calls `set_photos` once they are committed."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QImageReader, QKeyEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop import formatting as fmt
from rundun_desktop.executor.widgets import camera
from rundun_desktop.style import set_icon_pixmap
from rundun_desktop.theme import stop_following_scheme_change
from rundun_desktop.words import QT_TRANSLATE_NOOP

THUMB = 88
IMAGE_FILTER = QT_TRANSLATE_NOOP(
    "photos", "Images (*.jpg *.jpeg *.png *.webp *.heic *.JPG *.JPEG *.PNG *.WEBP *.HEIC)"
)


def read_thumbnail(path: str, size: int = THUMB * 2) -> QImage:
    """Decode a photo scaled down (JPEG decodes at reduced size): safe on a worker thread."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and max(full.width(), full.height()) > size:
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatioByExpanding))
    return reader.read()


def encode_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes str only
    return bytes(data.data())


# Where the last photos were chosen from: the dialog opened in the home folder every time, and the worker
# found the way to the camera's folder again for each photo (this session; the next starts at home).
_last_folder: Path | None = None


class PhotoImage(QLabel):
    """A thumbnail's picture, painted in its own colours whatever the state: a disabled QLabel paints its pixmap
    greyed, and a completed (or refused) run, whose cards take no more changes, showed every photo as the same
    grey square; the executor could not tell which photos had been sent."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.photo: QPixmap | None = None

    def show_photo(self, photo: QPixmap) -> None:
        self.photo = photo
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.photo is None:  # the placeholder icon (or "No preview"), as a label paints it
            super().paintEvent(event)
            return
        painter = QPainter(self)
        size = self.photo.deviceIndependentSize().toSize()
        target = QRect(QPoint(0, 0), size)
        target.moveCenter(self.rect().center())  # cropped to the middle, as the label centred it
        painter.drawPixmap(target, self.photo)
        painter.end()


class Thumb(QFrame):
    """One photo: focusable; × (or Delete) asks "Remove?" on the photo itself and a second press removes it
    (a photo went at the first click, nothing to take it back). Escape, or focus going elsewhere, keeps it."""

    remove = Signal(int)

    def __init__(self, index: int, photo: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.setObjectName("thumb")
        self.setFixedSize(THUMB, THUMB)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.image = PhotoImage(self)
        self.image.setGeometry(2, 2, THUMB - 4, THUMB - 4)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_icon_pixmap(self.image, "image", "#a3abbd", 26)
        size = (
            f"{photo['bytes'] / 1_000_000:.1f} MB"
            if photo["bytes"] >= 100_000
            else f"{photo['bytes'] // 1000} kB"
        )
        where = "" if photo.get("path") else self.tr(" · on the server (not on this computer)")
        self.setToolTip(
            self.tr("Photo {0} · {1}{2} — Delete, twice, removes it").format(index + 1, size, where)
        )
        self.setAccessibleName(self.tr("Photo {0}").format(index + 1))
        self.close_button = QToolButton(self)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self._remove_pressed)
        self.armed = False
        self._show_armed()
        self.loaded = False

    def _remove_pressed(self) -> None:
        if self.armed:
            self.remove.emit(self.index)
            return
        self.armed = True
        self._show_armed()
        self.setFocus()  # so that Escape, a second Delete or focus leaving answers the question

    def disarm(self) -> None:
        if self.armed:
            self.armed = False
            self._show_armed()

    def _show_armed(self) -> None:
        button = self.close_button
        if self.armed:
            button.setText(self.tr("Remove?"))
            button.setToolTip(self.tr("Click again to remove this photo; Escape keeps it"))
            button.setGeometry(4, THUMB - 28, THUMB - 8, 24)
            button.setStyleSheet(
                "QToolButton { background: #e03131; color: white; border: none; border-radius: 6px;"
                " font-weight: 700; }"
            )
        else:
            button.setText("×")
            button.setToolTip(self.tr("Remove this photo"))
            button.setGeometry(THUMB - 24, 4, 20, 20)
            button.setStyleSheet(
                "QToolButton { background: rgba(28,35,51,0.65); color: white; border: none;"
                " border-radius: 10px; font-weight: 700; }"
            )

    def set_image(self, image: QImage) -> None:
        stop_following_scheme_change(self.image)  # the placeholder's picture is replaced for good
        if image.isNull():
            self.image.setText(self.tr("No preview"))
            return
        pm = QPixmap.fromImage(image).scaled(
            (THUMB - 4) * 2,
            (THUMB - 4) * 2,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        pm.setDevicePixelRatio(2.0)
        self.image.show_photo(pm)
        self.loaded = True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._remove_pressed()
            return
        if event.key() == Qt.Key.Key_Escape and self.armed:
            self.disarm()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.disarm()


class PhotoStrip(QFrame):
    """Thumbnails plus the ways to add photos; accepts image files and image data dropped on it."""

    files_added = Signal(list)  # [path]
    images_added = Signal(list)  # [bytes | QImage] (a captured photo encoded, a dropped image as it is)
    remove_requested = Signal(int)

    def __init__(
        self, minimum: int, maximum: int, *, with_answer: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.minimum, self.maximum = minimum, maximum
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        self.thumbs_row = QHBoxLayout()
        self.thumbs_row.setSpacing(8)
        self.thumbs_row.addStretch(1)  # thumbnails go before it: left-aligned
        layout.addLayout(self.thumbs_row)
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.clicked.connect(self.choose_files)
        actions.addWidget(self.add_button)
        self.camera_button = QPushButton(self.tr("Take photo"))
        self.camera_button.setVisible(camera.available())
        self.camera_button.clicked.connect(self._take_photo)
        actions.addWidget(self.camera_button)
        self.note = QLabel(self.tr("or drop image files here · {0}").format(self._needed(with_answer)))
        self.note.setObjectName("stepNote")
        # Wrapped under a narrow card: in German its words ("oder Bilddateien hierher ziehen · 1–6 Fotos mit
        # der Antwort") made every card of the section wider than the page, which scrolled sideways at 1024 px.
        self.note.setWordWrap(True)
        actions.addWidget(self.note, 1)
        layout.addLayout(actions)
        self.thumbs: list[Thumb] = []
        self._loads: set[asyncio.Future] = set()

    # -- showing ------------------------------------------------------------------------------------------------

    def _needed(self, with_answer: bool) -> str:
        """How many photos the step takes, in words and the person's digits ("1 photo", "1–2 photos")."""
        if self.minimum == self.maximum:
            if with_answer:
                return self.tr("%Ln photo(s) with the answer", "", self.maximum)
            return self.tr("%Ln photo(s)", "", self.maximum)
        low, high = fmt.number(self.minimum), fmt.number(self.maximum)
        if with_answer:
            return self.tr("{0}–{1} photos with the answer").format(low, high)
        return self.tr("{0}–{1} photos").format(low, high)

    def set_photos(self, photos: list[dict]) -> None:
        for thumb in self.thumbs:
            thumb.deleteLater()
        self.thumbs = []
        for photo in sorted(photos, key=lambda p: p["photo_index"]):
            thumb = Thumb(photo["photo_index"], photo)
            thumb.remove.connect(self.remove_requested)
            self.thumbs_row.insertWidget(len(self.thumbs), thumb)
            self.thumbs.append(thumb)
            if photo.get("path"):
                self._load(thumb, photo["path"])
        full = len(photos) >= self.maximum
        self.add_button.setEnabled(not full)
        self.camera_button.setEnabled(not full)
        self._show_editing()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._show_editing()

    def _show_editing(self) -> None:
        """A run that takes no more changes (completed, given up) shows its photos, not ways to change them."""
        editable = self.isEnabled()
        for thumb in self.thumbs:
            thumb.close_button.setVisible(editable)
        self.add_button.setVisible(editable)
        self.camera_button.setVisible(editable and camera.available())
        self.note.setVisible(editable)

    def _load(self, thumb: Thumb, path: str) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            thumb.set_image(read_thumbnail(path))
            return

        async def load() -> None:
            image = await asyncio.to_thread(read_thumbnail, path)
            with contextlib.suppress(RuntimeError):  # the tile was deleted meanwhile
                thumb.set_image(image)

        task = loop.create_task(load())
        self._loads.add(task)
        task.add_done_callback(self._loads.discard)

    # -- adding -------------------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        global _last_folder
        start = _last_folder if _last_folder is not None and _last_folder.is_dir() else Path.home()
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), str(start), QCoreApplication.translate("photos", IMAGE_FILTER)
        )
        if paths:
            _last_folder = Path(paths[0]).parent
            self.files_added.emit(paths)

    def _take_photo(self) -> None:
        image = camera.capture(self)
        if image is not None and not image.isNull():
            self.images_added.emit([camera.encode_jpeg(image)])

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if self.isEnabled() and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()
            self._hover(True)

    def dragLeaveEvent(self, event) -> None:
        self._hover(False)

    def dropEvent(self, event) -> None:
        self._hover(False)
        mime = event.mimeData()
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if paths:
            self.files_added.emit(paths)
        elif encoded := next((f for f in ("image/png", "image/jpeg") if mime.hasFormat(f)), None):
            # As sent (a drop from another app): decoded on the worker thread only.
            self.images_added.emit([bytes(mime.data(encoded).data())])
        elif mime.hasImage():
            # The image itself: it is encoded off the GUI thread (`runner.stage_image`), where a 12-megapixel
            # picture dropped from another app took 260 ms of the GUI thread.
            self.images_added.emit([QImage(mime.imageData())])
        event.acceptProposedAction()

    def _hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)
