"""The executor's HTTP calls (SPEC §5) over one `httpx.AsyncClient`, and a small async tus 1.0 client.

These take the run's `rde_` token, not the app's API key, so they do not go through `ApiClient`. Every
failure becomes a `ProtocolError` whose `kind` tells the sync engine what to do:

- `offline`: the server could not be reached (or did not answer in time): wait for it;
- `transient`: it answered but cannot take this now (5xx, 429, 408): back off and retry;
- `refused`: it will never take anything more for this run (410 expired, 409 closed, 401 token, 404 run);
- `rejected`: it refused this one operation (400/413/415/422…): keep the words, go on with the others.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self
from urllib.parse import urljoin

import httpx

from rundun_desktop.api_client import ApiError
from rundun_desktop.executor.upload_client import UploadClient, as_httpx
from server.http1 import FileRegion

TUS = {"Tus-Resumable": "1.0.0"}
OFFSET_OCTET_STREAM = "application/offset+octet-stream"
OFFLINE, TRANSIENT, REFUSED, REJECTED = "offline", "transient", "refused", "rejected"
REFUSED_CODES = {"run_expired", "run_closed", "run_not_found", "unauthorized"}


@dataclass
class ProtocolError(ApiError):
    """An `ApiError` from the executor's protocol, with what the sync engine does about it (`kind`)."""

    kind: str = REJECTED

    @classmethod
    def from_response(cls, response: httpx.Response) -> Self:
        error = super().from_response(response)
        error.kind = classify(error.status, error.code)
        return error

    @classmethod
    def unreachable(cls, exc: httpx.HTTPError, base_url: str) -> Self:
        error = super().unreachable(exc, base_url)
        error.kind = OFFLINE
        return error

    @property
    def never_sent(self) -> bool:
        """Whether the request surely never reached the server: no connection to it could be made (a request
        on a connection that broke may have arrived whole, whatever came after)."""
        return isinstance(self.__cause__, httpx.ConnectError)


def checked(response: httpx.Response) -> httpx.Response:
    """`response` when it says success, else its `ProtocolError`."""
    if response.status_code >= 400:
        raise ProtocolError.from_response(response)
    return response


def classify(status: int, code: str) -> str:
    if status == 0:
        return OFFLINE
    if status >= 500 or status in (408, 429):
        return TRANSIENT
    if status in (401, 410) or code in REFUSED_CODES:
        return REFUSED
    return REJECTED


def digest_header(data: bytes) -> str:
    return f"sha-256=:{base64.b64encode(hashlib.sha256(data).digest()).decode()}:"


def tus_metadata(items: dict[str, str]) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in items.items())


def read_tus_metadata(header: str) -> dict[str, str]:
    """`Upload-Metadata` back into `{key: text}`; a pair that does not decode is left out."""
    out = {}
    for pair in header.split(","):
        key, _, value = pair.strip().partition(" ")
        try:
            out[key] = base64.b64decode(value, validate=True).decode()
        except ValueError:  # binascii.Error and UnicodeDecodeError are ValueErrors
            continue
    return out


@dataclass(frozen=True)
class RunAuth:
    """Where a run lives and the token that works for it."""

    base_url: str
    run_id: str
    token: str

    @property
    def path(self) -> str:
        return f"{self.base_url}/v1/runs/{self.run_id}"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


CONNECT_TIMEOUT_S = 5.0  # short, so that 'offline' is noticed quickly


def new_http(timeout: float = 30.0) -> httpx.AsyncClient:
    """The executor's own client: no API key; a short connect timeout."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT_S), limits=httpx.Limits(max_connections=8)
    )


def new_uploads(timeout: float = 30.0) -> UploadClient:
    """The photo uploads' own client, with `new_http`'s timeouts."""
    return UploadClient(timeout=timeout, connect_timeout=CONNECT_TIMEOUT_S)


class ExecutorClient:
    """`uploads`: the photo uploads' own client (issue 16); without it they go through `http` too."""

    def __init__(self, http: httpx.AsyncClient, uploads: UploadClient | None = None):
        self.http = http
        self.uploads = uploads

    def sends_from_files(self, base_url: str) -> bool:
        """Whether a photo's bytes go to `base_url` from its file (a `FileRegion` body) rather than read into
        memory first: with sendfile(2) (not on Windows, where an open file also could not be removed) and
        through `uploads`, which takes a region (httpx does not)."""
        return self.uploads is not None and hasattr(os, "sendfile") and self.uploads.serves(base_url)

    async def _send(self, method: str, url: str, base_url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self.http.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            raise ProtocolError.unreachable(exc, base_url) from exc
        return checked(response)

    async def _send_photo(
        self, method: str, url: str, base_url: str, headers: dict[str, str], body: bytes | FileRegion | None
    ) -> Mapping[str, str]:
        """A tus request carrying a photo's bytes, through `uploads` when it serves `url`, else httpx; the
        answer's headers (looked up by lower-case names)."""
        if self.uploads is None or not self.uploads.serves(url):
            if isinstance(body, FileRegion):
                body = await asyncio.to_thread(body.read)
            return (await self._send(method, url, base_url, headers=headers, content=body)).headers
        try:
            response = await self.uploads.send(method, url, headers, body or b"")
        except httpx.HTTPError as exc:
            raise ProtocolError.unreachable(exc, base_url) from exc
        if response.status >= 400:
            raise ProtocolError.from_response(as_httpx(response, method, url))
        return response.headers

    async def health(self, base_url: str) -> bool:
        try:
            response = await self.http.get(f"{base_url}/v1/health", timeout=5.0)
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    # -- opening and state -----------------------------------------------------------------------------------
    async def open_run(
        self,
        base_url: str,
        run_id: str,
        *,
        name: str | None = None,
        email: str | None = None,
        member_token: str | None = None,
        accept_language: str | None = None,
        open_key: str | None = None,
    ) -> dict:
        """`POST /open`; the template comes back in the template's language that best fits `accept_language`
        (the executor's own languages), else the run's (SPEC §15). `open_key`: the `Idempotency-Key` the store
        keeps for this run, so a retry after a lost answer gets the same token (SPEC §5)."""
        body = {k: v for k, v in {"name": name, "email": email}.items() if v}
        headers = {"Authorization": f"Bearer {member_token}"} if member_token else {}
        if open_key:
            headers["Idempotency-Key"] = open_key
        if accept_language:
            headers["Accept-Language"] = accept_language
        r = await self._send(
            "POST", f"{base_url}/v1/runs/{run_id}/open", base_url, json=body, headers=headers
        )
        return r.json()

    async def state(self, run: RunAuth) -> dict:
        return (await self._send("GET", f"{run.path}/state", run.base_url, headers=run.headers)).json()

    # -- answers ---------------------------------------------------------------------------------------------
    async def sync(self, run: RunAuth, ops: list[dict]) -> dict:
        r = await self._send("POST", f"{run.path}/sync", run.base_url, json={"ops": ops}, headers=run.headers)
        return r.json()

    # -- photos ----------------------------------------------------------------------------------------------
    async def put_signature(self, run: RunAuth, data: bytes) -> dict:
        headers = {**run.headers, "Content-Type": "image/png", "Content-Digest": digest_header(data)}
        return (
            await self._send("PUT", f"{run.path}/signature", run.base_url, content=data, headers=headers)
        ).json()

    async def delete_photo(self, run: RunAuth, step_id: str, index: int) -> bool:
        """True when removed, False when there was nothing there."""
        try:
            await self._send(
                "DELETE", f"{run.path}/answers/{step_id}/photos/{index}", run.base_url, headers=run.headers
            )
        except ProtocolError as exc:
            if exc.status == 404 and exc.code == "not_found":
                return False
            raise
        return True

    async def tus_options(self, run: RunAuth) -> None:
        """tus discovery (`OPTIONS …/uploads/`): the cheapest request the server notes the device on, as any
        executor request (it builds no document, unlike `GET …/state`)."""
        await self._send("OPTIONS", f"{run.path}/uploads/", run.base_url, headers={**run.headers, **TUS})

    async def tus_max_size(self, run: RunAuth) -> int | None:
        """The largest photo the server takes (tus discovery's `Tus-Max-Size`), or None when it cannot say."""
        try:
            r = await self._send(
                "OPTIONS", f"{run.path}/uploads/", run.base_url, headers={**run.headers, **TUS}
            )
            return int(r.headers["Tus-Max-Size"])
        except (ProtocolError, KeyError, ValueError):
            return None

    async def tus_create(
        self,
        run: RunAuth,
        length: int,
        metadata: dict[str, str],
        first: bytes | FileRegion | None = None,
        extra: dict[str, str] | None = None,
    ) -> tuple[str, int]:
        """tus creation: an upload for one photo slot; returns its absolute URL and the bytes the server holds.
        With `first`, the upload's first bytes go in the same request (creation-with-upload): a photo that
        fits is sent, checked and attached in one round trip. `extra`: more headers (the device's note)."""
        headers = {
            **run.headers,
            **TUS,
            "Upload-Length": str(length),
            "Upload-Metadata": tus_metadata(metadata),
            **(extra or {}),
        }
        if first is not None:
            headers["Content-Type"] = OFFSET_OCTET_STREAM
        answer = await self._send_photo("POST", f"{run.path}/uploads/", run.base_url, headers, first)
        return urljoin(f"{run.base_url}/", answer["location"]), int(answer.get("upload-offset", 0))

    async def tus_offset(self, run: RunAuth, url: str) -> int | None:
        """The server's `Upload-Offset` for an upload, or None when the server no longer knows it."""
        found = await self.tus_head(run, url)
        return None if found is None else found[0]

    async def tus_head(self, run: RunAuth, url: str) -> tuple[int, dict[str, str]] | None:
        """The server's `Upload-Offset` and `Upload-Metadata` for an upload, or None when it no longer knows it."""
        try:
            r = await self._send("HEAD", url, run.base_url, headers={**run.headers, **TUS})
        except ProtocolError as exc:
            if exc.status == 404 and exc.code != "run_not_found":
                return None
            raise
        return int(r.headers["Upload-Offset"]), read_tus_metadata(r.headers.get("Upload-Metadata", ""))

    async def tus_patch(self, run: RunAuth, url: str, offset: int, chunk: bytes | FileRegion) -> int:
        """Append `chunk` at `offset`; returns the new offset. No per-chunk `Upload-Checksum`: the server
        checks the whole file against the `sha256` sent at creation (a chunk with a checksum would be
        dropped whole when cut, where one without keeps every byte the server acknowledged)."""
        headers = {
            **run.headers,
            **TUS,
            "Upload-Offset": str(offset),
            "Content-Type": OFFSET_OCTET_STREAM,
        }
        answer = await self._send_photo("PATCH", url, run.base_url, headers, chunk)
        return int(answer["upload-offset"])

    # -- finishing -------------------------------------------------------------------------------------------
    async def complete(self, run: RunAuth, at: str) -> dict:
        return (
            await self._send(
                "POST", f"{run.path}/complete", run.base_url, json={"at": at}, headers=run.headers
            )
        ).json()

    async def exit(self, run: RunAuth, reason: str | None) -> dict:
        body = {"reason": reason} if reason else {}
        return (
            await self._send("POST", f"{run.path}/exit", run.base_url, json=body, headers=run.headers)
        ).json()
