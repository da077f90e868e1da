"""Photos prepared on the device when they are added, so that what the executor sees accepted is what the
server will accept.

A camera photo (6,000 px, 10–30 MB) is scaled to `max_side` on its longest side and saved as JPEG at
`quality` (defaults fit inspection photos: 2560 px, q 85, a few MB). The EXIF orientation is applied to the
pixels (and reset), so every viewer shows it upright; the rest of the EXIF (GPS, time taken, camera) is kept.
A photo without a time taken gets the time it was added here, so its offline time travels with the file.
A file that is still too large for the server, or is not an image the server takes, is refused now, in
words, never later at completion.

Pillow, no Qt: runs on a worker thread (decoding a 30 MB JPEG takes a moment).
"""

from __future__ import annotations

import contextlib
import io
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from PySide6.QtCore import QCoreApplication

from rundun_desktop.desktop_settings import PHOTO_MAX_SIDE, PHOTO_QUALITY
from rundun_desktop.executor.photo_words import DEFAULT_MAX_BYTES, too_large
from rundun_desktop.executor.store import StoreError, sniff_image
from rundun_desktop.words import QT_TRANSLATE_NOOP

EXIF_IFD = 0x8769
ORIENTATION = 0x0112
DATETIME = 0x0132
DATETIME_ORIGINAL = 0x9003
OFFSET_TIME = 0x9010
OFFSET_TIME_ORIGINAL = 0x9011
NOT_AN_IMAGE = QT_TRANSLATE_NOOP(
    "photo_prep", "This file is not a photo the server takes: it must be a JPEG, PNG, WebP or HEIC image."
)
# A file of 0 bytes (a copy cut short, a download not finished, a sync client's placeholder): it was refused as
# "not a photo the server takes", which sent the person looking for what was wrong with the photo.
EMPTY = QT_TRANSLATE_NOOP(
    "photo_prep",
    "This file is empty (0 bytes): it holds no photo. Copy or save the photo again, then add it.",
)
# Pillow refuses images over ~179 megapixels as a "decompression bomb"; a 24,000 px panorama is beyond
# any inspection photo, so that refusal is kept and put in words.
TOO_MANY_PIXELS = QT_TRANSLATE_NOOP(
    "photo_prep", "This image has too many pixels to open (over 178 megapixels); it is not a photo to send."
)


@dataclass(frozen=True)
class PhotoOptions:
    max_side: int = PHOTO_MAX_SIDE
    quality: int = PHOTO_QUALITY
    max_bytes: int = DEFAULT_MAX_BYTES  # the server's limit (`Tus-Max-Size`)


def prepare(data: bytes, options: PhotoOptions, *, added_at: float | None = None) -> bytes:
    """The bytes to keep and send for a photo just added; raises `StoreError` (in words) when it cannot be
    sent. Small, upright photos are kept exactly as they are."""
    if not data:
        raise StoreError(QCoreApplication.translate("photo_prep", EMPTY))
    kind = sniff_image(data[:32])
    if kind is None:
        raise StoreError(QCoreApplication.translate("photo_prep", NOT_AN_IMAGE))
    if kind != "image/heic":  # Pillow cannot read HEIC here: it is kept as it is (the size check applies)
        data = _downscaled(data, kind, options, added_at)
    if len(data) > options.max_bytes:
        raise StoreError(too_large(len(data), options.max_bytes))
    return data


def prepare_file(path: Path | str, options: PhotoOptions, *, added_at: float | None = None) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise StoreError(
            QCoreApplication.translate("photo_prep", "Cannot read {0}: {1}.").format(
                Path(path).name, exc.strerror or exc
            )
        ) from exc
    return prepare(data, options, added_at=added_at)


def _downscaled(data: bytes, kind: str, options: PhotoOptions, added_at: float | None) -> bytes:
    try:
        image: Image.Image = Image.open(io.BytesIO(data))
        exif = image.getexif()
        needs = max(image.size) > options.max_side or exif.get(ORIENTATION, 1) != 1
        if not needs and len(data) <= options.max_bytes:
            return data
        image = ImageOps.exif_transpose(image)  # upright pixels; the orientation tag reset to 1
    except Image.DecompressionBombError as exc:
        raise StoreError(QCoreApplication.translate("photo_prep", TOO_MANY_PIXELS)) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise StoreError(
            QCoreApplication.translate("photo_prep", "This photo's file is damaged; it cannot be read.")
        ) from exc
    image.thumbnail((options.max_side, options.max_side), Image.Resampling.LANCZOS)
    exif = image.getexif()
    _keep_time(exif, added_at)
    out = io.BytesIO()
    if kind == "image/png" and image.mode in ("RGBA", "LA", "P"):
        image.save(out, "PNG", optimize=True, exif=exif.tobytes())  # transparency (a drawing) stays PNG
    elif kind == "image/webp":
        image.save(out, "WEBP", quality=options.quality, exif=exif.tobytes())
    else:
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=options.quality, optimize=True, exif=exif.tobytes())
    return out.getvalue()


def _keep_time(exif: Image.Exif, added_at: float | None) -> None:
    """The time taken stays; a photo without one gets the time it was added on this computer."""
    inner = exif.get_ifd(EXIF_IFD)
    if inner.get(DATETIME_ORIGINAL) or exif.get(DATETIME):
        return
    stamp = time.strftime("%Y:%m:%d %H:%M:%S", time.localtime(time.time() if added_at is None else added_at))
    exif[DATETIME] = stamp
    inner[DATETIME_ORIGINAL] = stamp


def taken_at(data: bytes, added_at: float | None = None) -> str:
    """When the photo was taken, ISO 8601 with its offset (sent to the server with the upload): its EXIF time
    (a camera's clock is local: with the EXIF offset when it has one, else this computer's), else the time
    it was added here (`added_at`, or now)."""
    with contextlib.suppress(Exception):  # no EXIF, a damaged one, HEIC that Pillow cannot read: added time
        exif = Image.open(io.BytesIO(data)).getexif()
        inner = exif.get_ifd(EXIF_IFD)
        stamp = inner.get(DATETIME_ORIGINAL) or exif.get(DATETIME)
        if stamp:
            when = datetime.strptime(str(stamp).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
            offset = str(inner.get(OFFSET_TIME_ORIGINAL) or inner.get(OFFSET_TIME) or "").strip("\x00 ")
            if offset:
                when = datetime.fromisoformat(when.isoformat() + offset)
            return (when if when.tzinfo else when.astimezone()).isoformat(timespec="seconds")
    return local_iso(time.time() if added_at is None else added_at)


def local_iso(stamp: float) -> str:
    """A time as ISO 8601 with this computer's offset, e.g. 2026-05-22T10:31:00+02:00."""
    return datetime.fromtimestamp(stamp).astimezone().isoformat(timespec="seconds")
