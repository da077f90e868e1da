"""The backup file's outer layer: a header, then the payload cut into frames that each carry their own
check, so that ANY changed, missing or reordered byte is found — and, with a passphrase, encrypted.

    "RUNDUN-BACKUP\\n" | u32 header length | header (JSON) | frame … frame(final)
    frame = u32 length | u8 final | body

- Without a passphrase, body = data + CRC-32(header digest | u64 index | final | data): it finds every
  flipped bit and burst up to 32 bits for certain, while every file's SHA-256 in the archive's manifest
  (`archive`) catches any other damage; a CRC instead of a second SHA-256 keeps a backup within 1.5× the
  time of `sqlite3 .backup` + `tar` (bench/backup.py). Against tampering, use a passphrase.
- With one, body = AES-256-GCM(data) under a key derived by scrypt from the passphrase and a random salt;
  the nonce is a random prefix plus the frame index, and the header digest, index and `final` flag are its
  associated data: a flipped, dropped, reordered or truncated frame fails authentication. The header also
  holds a key check (HMAC of a constant) so that a wrong passphrase is told apart from a damaged file.

Frames stream: neither side holds more than one frame (`FRAME_BYTES`) in memory.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import zlib
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"RUNDUN-BACKUP\n"
FORMAT = 1
FRAME_BYTES = 1 << 20
MAX_HEADER = 64 * 1024
CRC = 4  # the CRC-32 after a plain frame's data
GCM_TAG = 16
SCRYPT = {"n": 1 << 15, "r": 8, "p": 1}
KEY_CHECK = b"rundun backup key check"


class BackupError(Exception):
    """The archive cannot be used; the message says why, in words for an operator."""


class BackupRefused(BackupError):
    """Refused before starting: bad arguments or configuration (`backup` exits 2, as its help and the README
    say; a mistyped --data-dir exited 1, as a backup that failed midway does)."""


class WrongPassphrase(BackupError):
    pass


def _derive(passphrase: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class SealedWriter:
    """A binary file-like sink (`write`, `close`) that frames, checks and optionally encrypts."""

    def __init__(self, out: IO[bytes], passphrase: bytes | None, about: dict):
        header: dict = {"format": FORMAT, "frame_bytes": FRAME_BYTES, **about}
        self._aead: AESGCM | None = None
        if passphrase is not None:
            salt, prefix = os.urandom(16), os.urandom(4)
            key = _derive(passphrase, salt, **SCRYPT)
            self._aead, self._prefix = AESGCM(key), prefix
            header["cipher"] = {
                "name": "AES-256-GCM",
                "kdf": {"name": "scrypt", **SCRYPT, "salt": _b64(salt)},
                "nonce_prefix": _b64(prefix),
                "key_check": _b64(hmac.new(key, KEY_CHECK, hashlib.sha256).digest()),
            }
        raw = json.dumps(header, sort_keys=True).encode()
        out.write(MAGIC + struct.pack(">I", len(raw)) + raw)
        self._out, self._digest = out, hashlib.sha256(raw).digest()
        self._buffer = bytearray()
        self._index = 0
        self._payload = 0
        self.bytes_written = len(MAGIC) + 4 + len(raw)

    def tell(self) -> int:
        """Payload bytes taken so far (tarfile asks)."""
        return self._payload

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        self._payload += len(view)
        if self._buffer:
            room = FRAME_BYTES - len(self._buffer)
            self._buffer += view[:room]
            view = view[room:]
            if len(self._buffer) < FRAME_BYTES:
                return len(data)
            self._frame(self._buffer, final=False)
            self._buffer = bytearray()
        while len(view) >= FRAME_BYTES:  # large writes are framed from the caller's buffer, uncopied
            self._frame(view[:FRAME_BYTES], final=False)
            view = view[FRAME_BYTES:]
        self._buffer += view
        return len(data)

    def close(self) -> None:
        """Write the last frame (possibly empty): without it a reader knows the file is cut short."""
        self._frame(self._buffer, final=True)
        self._buffer = bytearray()

    def _frame(self, data: bytes | bytearray | memoryview, final: bool) -> None:
        context = self._digest + struct.pack(">QB", self._index, final)
        if self._aead is not None:
            # The frame is encrypted from the caller's buffer, uncopied (AES-GCM here runs at several GB/s: a
            # backup's cost is the reading, hashing and writing, and scrypt's ~0.1 s, not the cipher).
            body = self._aead.encrypt(self._prefix + struct.pack(">Q", self._index), data, context)
            parts: tuple = (struct.pack(">IB", len(body), final), body)
        else:
            crc = zlib.crc32(data, zlib.crc32(context))
            parts = (struct.pack(">IB", len(data) + CRC, final), data, struct.pack(">I", crc))
        for part in parts:
            self._out.write(part)
            self.bytes_written += len(part)
        self._index += 1


class SealedReader:
    """Reads back what `SealedWriter` wrote, checking each frame before handing out a byte of it."""

    def __init__(self, source: IO[bytes], passphrase: bytes | None):
        self._in = source
        if self._exact(len(MAGIC), "the file's start") != MAGIC:
            raise BackupError("This is not a Rundun backup (its first bytes are not a backup's).")
        (length,) = struct.unpack(">I", self._exact(4, "the header"))
        if length > MAX_HEADER:
            raise BackupError("The backup's header is damaged (its length is impossible).")
        raw = self._exact(length, "the header")
        try:
            self.header = json.loads(raw)
        except ValueError:
            raise BackupError("The backup's header is damaged (it is not valid JSON).") from None
        if self.header.get("format") != FORMAT:
            raise BackupError(
                f"This backup's format ({self.header.get('format')}) is not one this server reads."
            )
        self._digest = hashlib.sha256(raw).digest()
        self._aead = self._open_cipher(self.header.get("cipher"), passphrase)
        self._index, self._done, self._pending, self._pos = 0, False, b"", 0

    def _open_cipher(self, cipher: dict | None, passphrase: bytes | None) -> AESGCM | None:
        if cipher is None:
            return None
        if passphrase is None:
            raise WrongPassphrase("This backup is encrypted: give its passphrase (--passphrase-file).")
        try:
            kdf = cipher["kdf"]
            salt = base64.b64decode(kdf["salt"])
            key = _derive(passphrase, salt, int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
            self._prefix = base64.b64decode(cipher["nonce_prefix"])
            check = base64.b64decode(cipher["key_check"])
        except (KeyError, ValueError, TypeError):
            raise BackupError("The backup's header is damaged (its encryption parameters).") from None
        if not hmac.compare_digest(hmac.new(key, KEY_CHECK, hashlib.sha256).digest(), check):
            raise WrongPassphrase("Wrong passphrase for this backup.")
        return AESGCM(key)

    def read(self, size: int = -1) -> bytes:
        """Checked payload bytes (fewer than `size` only at the end)."""
        parts, wanted = [], size if size >= 0 else 1 << 62
        while wanted > 0:
            if self._pos >= len(self._pending):
                if self._done:
                    break
                self._pending, self._pos = self._next_frame(), 0
                continue
            piece = self._pending[self._pos : self._pos + wanted]
            self._pos += len(piece)
            parts.append(piece)
            wanted -= len(piece)
        return b"".join(parts)

    def finish(self) -> None:
        """Require that the rest, up to the final frame, is padding (zeros: tar's end-of-archive blocks)
        and that nothing follows the final frame."""
        tail = self._pending[self._pos :]
        self._pending, self._pos = b"", 0
        while True:
            if tail.strip(b"\0"):
                raise BackupError("The backup holds data after its end.")
            if self._done:
                break
            tail = self._next_frame()
        if self._in.read(1):
            raise BackupError("The backup holds data after its end.")

    def _next_frame(self) -> bytes:
        length, final = struct.unpack(">IB", self._exact(5, "a frame"))
        if final not in (0, 1) or length > FRAME_BYTES + GCM_TAG:
            raise BackupError(f"The backup is damaged (frame {self._index}'s header).")
        body = self._exact(length, "a frame")
        context = self._digest + struct.pack(">QB", self._index, final)
        if self._aead is not None:
            try:
                data = self._aead.decrypt(self._prefix + struct.pack(">Q", self._index), body, context)
            except InvalidTag:
                raise BackupError(f"The backup is damaged (frame {self._index} fails its check).") from None
        else:
            data, tag = body[:-CRC], body[-CRC:]
            if len(body) < CRC or zlib.crc32(data, zlib.crc32(context)) != struct.unpack(">I", tag)[0]:
                raise BackupError(f"The backup is damaged (frame {self._index} fails its check).")
        self._index += 1
        self._done = bool(final)
        return data

    def _exact(self, count: int, what: str) -> bytes:
        data = self._in.read(count)
        if len(data) != count:
            raise BackupError(f"The backup is cut short (it ends inside {what}).")
        return data
