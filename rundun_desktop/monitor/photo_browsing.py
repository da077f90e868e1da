"""The run detail's photo viewer: one window, reused, going through the shown run's photos (and its signature)
in the order the detail lists them; each photo downloaded when shown, and saved, when asked, as the very
bytes the executor sent, under a name that says whose run and which step it belongs to."""

from __future__ import annotations

import asyncio
import contextlib
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from qasync import asyncSlot

from rundun_desktop import last_folders
from rundun_desktop.api_client import ApiError
from rundun_desktop.photos import PhotoStore
from rundun_desktop.widgets.common import ask_save_path, error_text
from rundun_desktop.widgets.photo import PhotoViewer

UNSAFE_IN_NAMES = re.compile(r"[^\w.-]+")


def suggested_name(url: str, owner: str) -> str:
    """ "booking_771-s-front-photos-2.jpg" for the second photo of step s-front-photos of booking_771's run: a
    media URL's path is /media/<run>/<step>/<index>.<ext> (SPEC §5); any other path keeps its file name."""
    parts = PurePosixPath(urlsplit(url).path).parts
    owner = UNSAFE_IN_NAMES.sub("_", owner).strip("._") or "run"
    name = PurePosixPath(parts[-1]) if parts else PurePosixPath("photo")
    if len(parts) >= 5 and parts[1] == "media" and name.stem.isdigit():
        step = parts[-2].lstrip("_")  # the signature's step is "_signature"
        return f"{owner}-{UNSAFE_IN_NAMES.sub('_', step)}-{int(name.stem) + 1}{name.suffix}"
    return f"{owner}-{UNSAFE_IN_NAMES.sub('_', name.name)}"


class PhotoBrowser(QObject):
    saved = Signal(str)  # the path a photo was written to

    def __init__(self, photos: PhotoStore, owner: QWidget):
        super().__init__(owner)
        self.photos, self.owner_widget = photos, owner
        self.viewer: PhotoViewer | None = None
        self.urls: list[str] = []
        self.owner = ""

    def open(self, photos: list[tuple[str, str]], index: int, owner: str) -> PhotoViewer:
        """Show `photos` ((url, caption) each) from the one at `index`, in the window already open if there is
        one; `owner` (the run's executor ref, or its id) starts the names photos are saved under."""
        if self.viewer is None:
            # The app's window as its parent, not the widget it opened from: a parent's own style sheet reaches
            # its children's windows, and the detail panel's made the Save dialog over the photo a black hole.
            self.viewer = PhotoViewer(self.owner_widget.window())
            self.viewer.wanted.connect(self._show)
            self.viewer.save_wanted.connect(self._save)
            self.viewer.finished.connect(self._forget)
        self.urls, self.owner = [url for url, _ in photos], owner
        self.viewer.set_photos([caption for _, caption in photos], index)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        return self.viewer

    def close(self) -> None:
        """The run shown is another, or none: its photos' window goes with it."""
        if self.viewer is not None:
            self.viewer.close()

    def _forget(self) -> None:
        viewer, self.viewer = self.viewer, None
        if viewer is not None:
            viewer.deleteLater()

    @asyncSlot(int)
    async def _show(self, index: int) -> None:
        viewer = self.viewer
        if viewer is None:
            return
        try:
            image = await self.photos.full(self.urls[index], max_side=2400)
        except ApiError as exc:
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                viewer.set_failed(index, exc.message)
            return
        with contextlib.suppress(RuntimeError):
            viewer.set_image(index, image)

    def _save(self, index: int) -> None:
        """Asked where first, outside any coroutine: the platform's dialog runs an event loop of its own, and
        inside a coroutine of the app's loop it came up unpainted (black)."""
        viewer = self.viewer
        if viewer is None:
            return
        url = self.urls[index]
        path = ask_save_path(
            viewer,
            self.tr("Save photo"),
            suggested_name(url, self.owner),
            self.tr("Images (*{0})").format(PurePosixPath(urlsplit(url).path).suffix or ".jpg"),
            last_folders.PHOTOS,
        )
        if path:
            self.write(url, path)

    @asyncSlot(str, str)
    async def write(self, url: str, path: str) -> None:
        """The photo at `url` written to `path`, as the executor sent it (its bytes are here: it was shown)."""
        try:
            data = await self.photos.data(url)
            await asyncio.to_thread(Path(path).write_bytes, data)
        except (OSError, ApiError) as exc:
            self._tell(self.tr("The photo could not be saved: {0}").format(error_text(exc)), error=True)
            return
        self._tell(self.tr("Saved to {0}.").format(path))
        self.saved.emit(path)

    def _tell(self, text: str, *, error: bool = False) -> None:
        if self.viewer is not None:  # else closed meanwhile: the file is written all the same
            self.viewer.tell(text, error=error)
