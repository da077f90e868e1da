"""Media as files in the data dir (the default with SQLite): photos at `media/<sha[:2]>/<sha>`, the bytes of
an unfinished upload at `uploads/<id>.part`.

A photo is written to a temp file, fsynced and renamed (`server.durable`); a finished upload becomes its
photo by a hard link from its fsynced part file (the bytes are not written twice). A part is appended to
and fsynced at each `commit`; bytes beyond the acknowledged offset (written, never acknowledged) are cut off
when the next PATCH opens it. Measured by `bench/executor_sync.py` and the tus rows of
`bench/server_throughput.py`: the same code the server had before the stores were separated.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from server.durable import fsync_dir, write_durably
from server.media.base import READ_CHUNK, Blob, MediaStore, Part, PartLost, StoredMedia


class FileBlob(Blob):
    def __init__(self, path: Path, size: int):
        self.path, self.size, self.file = path, size, path

    def chunks(self) -> Iterator[bytes]:
        with open(self.file, "rb") as f:
            while piece := f.read(READ_CHUNK):
                yield piece


class FilePart(Part):
    def __init__(self, path: Path, offset: int):
        self.path = path
        try:
            self.f: IO[bytes] = open(path, "r+b")  # noqa: SIM115 - closed by close()
        except FileNotFoundError:
            if offset:
                raise PartLost() from None
            path.parent.mkdir(parents=True, exist_ok=True)
            self.f = open(path, "w+b")  # noqa: SIM115
        if os.fstat(self.f.fileno()).st_size < offset:
            self.f.close()
            raise PartLost()
        self.f.truncate(offset)
        self.f.seek(offset)
        self.offset = offset

    def append(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            self.f.write(piece)

    def commit(self) -> None:
        self.f.flush()
        os.fsync(self.f.fileno())
        self.offset = self.f.tell()

    def rollback(self) -> None:
        self.f.flush()
        self.f.truncate(self.offset)
        self.f.seek(self.offset)

    def finish(self) -> None:
        self.commit()

    def read(self) -> Iterator[bytes]:
        return FileBlob(self.path, self.offset).chunks()

    def head(self, size: int) -> bytes:
        self.f.seek(0)
        head = self.f.read(size)
        self.f.seek(self.offset)
        return head

    def close(self) -> None:
        self.f.close()


class FileMediaStore(MediaStore):
    name = "files"

    def __init__(self, data_dir: Path, media_dir: Path | None = None):
        self.media_dir = media_dir or data_dir / "media"  # another folder: `migrate --media-to DIR`
        self.uploads_dir = data_dir / "uploads"
        self.media_dir.mkdir(parents=True, exist_ok=True)

    def blob_path(self, sha256: str) -> Path:
        return self.media_dir / sha256[:2] / sha256

    def part_path(self, upload_id: str) -> Path:
        return self.uploads_dir / f"{upload_id}.part"

    # -- photos ----------------------------------------------------------------------------------------------
    def put_blob(self, sha256: str, data: bytes) -> None:
        write_durably(self.blob_path(sha256), data)

    def blob_present(self, conn: Any, sha256: str) -> bool:
        return self.blob_path(sha256).exists()

    def delete_blob(self, conn: Any, sha256: str) -> None:
        self.blob_path(sha256).unlink(missing_ok=True)

    def open_blob(self, sha256: str) -> Blob | None:
        path = self.blob_path(sha256)
        try:
            return FileBlob(path, path.stat().st_size)
        except FileNotFoundError:
            return None

    def has_blob(self, sha256: str) -> StoredMedia | None:
        blob = self.open_blob(sha256)
        return StoredMedia(sha256, blob.size) if blob else None

    # -- unfinished uploads ----------------------------------------------------------------------------------
    def open_part(self, upload_id: str, offset: int) -> Part:
        return FilePart(self.part_path(upload_id), offset)

    def promote(self, upload_id: str, sha256: str) -> None:
        """A hard link from the part file (already fsynced), then the folder fsynced; a file system without
        hard links gets a copy."""
        path, source = self.blob_path(sha256), self.part_path(upload_id)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, path)
        except FileExistsError:
            return
        except OSError:
            write_durably(path, source.read_bytes())
            return
        fsync_dir(path.parent)

    def discard(self, upload_id: str) -> None:
        self.part_path(upload_id).unlink(missing_ok=True)

    def part_ids(self) -> list[str]:
        if not self.uploads_dir.is_dir():
            return []
        return [path.stem for path in self.uploads_dir.glob("*.part")]
