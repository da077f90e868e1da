"""Taking a photo with a camera, where Qt Multimedia is installed and finds one.

Qt Multimedia ships in PySide6-Addons (well over 100 MB), which the app does not depend on: without it
`available()` is False and the executor adds photos from files or by dropping them. With it, `capture`
shows a small viewfinder dialog and returns the image taken.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

try:  # PySide6-Addons
    from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
    from PySide6.QtMultimediaWidgets import QVideoWidget
except ImportError:  # pragma: no cover - depends on the installation
    QCamera = None  # type: ignore[assignment,misc]


def available() -> bool:
    """True when Qt Multimedia is installed and sees at least one camera."""
    if QCamera is None:
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except Exception:  # noqa: BLE001 - a broken multimedia backend means no camera  # pragma: no cover
        return False


def encode_jpeg(image: QImage, quality: int = 90) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", quality)  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes str only
    return bytes(data.data())


def capture(parent: QWidget | None = None) -> QImage | None:  # pragma: no cover - needs a camera
    """A modal viewfinder; returns the image taken, or None when cancelled."""
    if not available():
        return None
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("camera", "Take a photo"))
    dialog.resize(720, 560)
    layout = QVBoxLayout(dialog)
    view = QVideoWidget()
    layout.addWidget(view, 1)
    buttons = QHBoxLayout()
    take = QPushButton(QCoreApplication.translate("camera", "Take photo"))
    cancel = QPushButton(QCoreApplication.translate("camera", "Cancel"))
    buttons.addStretch(1)
    buttons.addWidget(cancel)
    buttons.addWidget(take)
    layout.addLayout(buttons)
    take.setDefault(True)  # once in the dialog: set before, Enter pressed Cancel (as in the dispatch dialog)
    session = QMediaCaptureSession(dialog)
    cam = QCamera(QMediaDevices.defaultVideoInput(), dialog)
    grabber = QImageCapture(dialog)
    session.setCamera(cam)
    session.setImageCapture(grabber)
    session.setVideoOutput(view)
    taken: list[QImage] = []

    def captured(_id: int, image: QImage) -> None:
        taken.append(image)
        dialog.accept()

    grabber.imageCaptured.connect(captured)
    take.clicked.connect(grabber.capture)
    cancel.clicked.connect(dialog.reject)
    cam.start()
    dialog.exec()
    cam.stop()
    return taken[0] if taken else None
