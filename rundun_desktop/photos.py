"""Photos of runs, loaded asynchronously: downloaded through the ApiClient, decoded off the GUI thread,
kept in a small LRU cache keyed by the media path (signed URLs change, the photo does not)."""

from __future__ import annotations

import asyncio
from collections import OrderedDict

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage

from rundun_desktop.answers import photo_key
from rundun_desktop.api_client import ApiClient

THUMB_SIZE = 160


def decode(data: bytes, max_side: int | None) -> QImage:
    """Bytes to a QImage, scaled down to `max_side` (QImage, unlike QPixmap, is safe off the GUI thread)."""
    image = QImage.fromData(QByteArray(data))
    if image.isNull() or not max_side or max(image.width(), image.height()) <= max_side:
        return image
    return image.scaled(
        max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class PhotoStore:
    """`await thumbnail(url)` / `await full(url)` → QImage (null when undecodable, e.g. HEIC without a plugin)."""

    def __init__(self, api: ApiClient, max_items: int = 200, concurrency: int = 4):
        self.api = api
        self._bytes: OrderedDict[str, bytes] = OrderedDict()
        self._thumbs: OrderedDict[str, QImage] = OrderedDict()
        self._max = max_items
        self._gate = asyncio.Semaphore(concurrency)
        self._inflight: dict[str, asyncio.Future] = {}

    async def data(self, url: str) -> bytes:
        key = photo_key(url)
        if key in self._bytes:
            self._bytes.move_to_end(key)
            return self._bytes[key]
        if key not in self._inflight:
            self._inflight[key] = asyncio.ensure_future(self._download(url, key))
        return await asyncio.shield(self._inflight[key])

    async def _download(self, url: str, key: str) -> bytes:
        try:
            async with self._gate:
                data = await self.api.fetch_bytes(url)
            self._bytes[key] = data
            while len(self._bytes) > self._max // 4:  # full-size bytes are big: keep fewer of them
                self._bytes.popitem(last=False)
            return data
        finally:
            self._inflight.pop(key, None)

    async def thumbnail(self, url: str, size: int = THUMB_SIZE) -> QImage:
        key = f"{photo_key(url)}@{size}"
        if key in self._thumbs:
            self._thumbs.move_to_end(key)
            return self._thumbs[key]
        image = await asyncio.to_thread(decode, await self.data(url), size * 2)
        self._thumbs[key] = image
        while len(self._thumbs) > self._max:
            self._thumbs.popitem(last=False)
        return image

    async def full(self, url: str, max_side: int | None = None) -> QImage:
        return await asyncio.to_thread(decode, await self.data(url), max_side)
