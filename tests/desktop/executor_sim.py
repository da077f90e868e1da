"""An executor answering through the public executor protocol, as the phone app would (tests only)."""

from __future__ import annotations

import time
from typing import Self

import httpx
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def image_bytes(colour: str = "#3b5bdb", fmt: str = "JPG", size: tuple[int, int] = (320, 240)) -> bytes:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.fillRect(20, 20, size[0] // 3, size[1] // 3, QColor("#ffffff"))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt)
    return bytes(data.data())


class Executor:
    def __init__(self, base_url: str, run_id: str):
        self.http = httpx.AsyncClient(base_url=base_url, timeout=10)
        self.run_id = run_id
        self.token: str | None = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.http.aclose()

    def _auth(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    async def open(self, **identity) -> dict:
        r = await self.http.post(f"/v1/runs/{self.run_id}/open", json=identity or {})
        r.raise_for_status()
        body = r.json()
        self.token = body["executor_token"]
        return body

    async def answer(self, step_id: str, value, geo: dict | None = None) -> dict:
        body = {"value": value, "at": now()}
        if geo:
            body["geo"] = geo
        r = await self.http.put(f"/v1/runs/{self.run_id}/answers/{step_id}", json=body, headers=self._auth())
        assert r.status_code == 200, r.text
        return r.json()

    async def photo(self, step_id: str, index: int, data: bytes, content_type: str = "image/jpeg") -> dict:
        r = await self.http.put(
            f"/v1/runs/{self.run_id}/answers/{step_id}/photos/{index}",
            content=data,
            headers={**self._auth(), "Content-Type": content_type},
        )
        assert r.status_code == 200, r.text
        return r.json()

    async def signature(self, data: bytes) -> dict:
        r = await self.http.put(
            f"/v1/runs/{self.run_id}/signature",
            content=data,
            headers={**self._auth(), "Content-Type": "image/png"},
        )
        assert r.status_code == 200, r.text
        return r.json()

    async def complete(self) -> dict:
        r = await self.http.post(f"/v1/runs/{self.run_id}/complete", json={"at": now()}, headers=self._auth())
        assert r.status_code == 200, r.text
        return r.json()


async def complete_vehicle_inspection(base_url: str, run_id: str) -> None:
    """Answer every step of the reference vehicle template, with photos, GPS and the signature."""
    async with Executor(base_url, run_id) as ex:
        await ex.open()
        await ex.answer("s-od01", 42150, geo={"lat": 51.507, "lng": -0.127, "accuracy_m": 5})
        await ex.answer("s-fu01", "o-fu2")
        await ex.answer("s-dm01", True)
        await ex.answer("s-dm02", "Scratch on the rear bumper")
        await ex.photo("s-dm02", 0, image_bytes("#e8590c"))
        await ex.photo("s-dm02", 1, image_bytes("#2f9e44"))
        await ex.answer("s-cl01", 5)
        await ex.photo("s-cl01", 0, image_bytes("#1971c2", "PNG"), "image/png")
        await ex.signature(image_bytes("#ffffff", "PNG", (300, 120)))
        await ex.complete()
