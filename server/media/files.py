"""Media as files in the data dir (the default with SQLite): photos at `media/<sha[:2]>/<sha>`, the bytes of
an unfinished upload at `uploads/<id>.part`.

A photo is written to a temp file, fsynced and renamed (`server.durable`); a finished upload becomes its
photo by a hard link from its part file (the bytes are not written twice), linked BEFORE its last fsync
(issue 16, see `promote`). The 256 folders photos fan out into are made once, with the store (issue 16: a
folder made on a photo's way cost a `mkdir` and an fsync of `media/`, most photos' on a new install). A
part is appended to, around the page cache where the file system allows it (`server.media.direct`), and
fsynced at each `commit` (its first also makes its name durable in the folder); bytes beyond the
acknowledged offset (written, never acknowledged) are cut off when the next PATCH opens it. Measured by
`bench/executor_sync.py` and the tus rows of `bench/server_throughput.py`: the same code the server had
before the stores were separated.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from server.durable import PRIVATE_DIR, fsync_dir, fsync_file, make_dirs, write_durably
from server.media.base import READ_CHUNK, Blob, MediaStore, Part, PartLost, StoredMedia
from server.media.direct import DirectAppender
from server.store.writer import Claim

try:
    import fcntl
except ImportError:  # Windows: the desktop's embedded server is the data dir's only process
    fcntl = None  # type: ignore[assignment]


# Linux: POSIX_FADV_DONTNEED on pages still dirty starts their writeback, and drops none of them (they are
# dirty, then being written); elsewhere no such call is made.
_START_WRITEBACK = getattr(os, "POSIX_FADV_DONTNEED", None) if hasattr(os, "posix_fadvise") else None


class FileBlob(Blob):
    def __init__(self, path: Path, size: int):
        self.path, self.size, self.file = path, size, path

    def chunks(self) -> Iterator[bytes]:
        with open(self.file, "rb") as f:
            while piece := f.read(READ_CHUNK):
                yield piece


class FilePart(Part):
    """Held locked (`flock`) while open: start-up cleaning in another process leaves it be (`locks_parts`)."""

    def __init__(self, path: Path, offset: int):
        self.path = path
        self.f: IO[bytes] = _open_locked(path, offset)
        self.named = offset > 0  # whether its name is durable in the folder (made so with its first bytes)
        if os.fstat(self.f.fileno()).st_size < offset:
            self.f.close()
            raise PartLost()
        self.f.truncate(offset)
        self.f.seek(offset)
        self.offset = offset
        try:
            self.direct = DirectAppender.open(path, offset, self.f.fileno())
        except BaseException:
            self.f.close()
            raise

    def append(self, pieces: list[bytes]) -> None:
        """Written around the page cache where the file system takes it (`server.media.direct`); else through
        it, and on Linux sent on to the disk at once: the disk writes them while the caller hashes them, and
        the fsync that makes them durable (`commit`, `promote`) then waits that much less (issue 16: photos
        0.92× the time on SQLite, 0.97× on PostgreSQL, `bench/photo_sync_ab.py`)."""
        if self.direct is not None:
            self.direct.append(pieces)
            return
        start = self.f.tell()
        for piece in pieces:
            self.f.write(piece)
        self.f.flush()
        if _START_WRITEBACK is not None:
            os.posix_fadvise(self.f.fileno(), start, self.f.tell() - start, _START_WRITEBACK)

    def commit(self) -> None:
        if self.direct is not None:
            self.direct.sync()
        else:
            self.f.flush()
            os.fsync(self.f.fileno())
        if not self.named:  # acknowledged bytes in a file whose name a crash could lose are not durable
            fsync_dir(self.path.parent)
            self.named = True
        self.offset = self._end()

    def rollback(self) -> None:
        self.f.flush()
        self.f.truncate(self.offset)
        self.f.seek(self.offset)
        if self.direct is not None:
            self.direct.reset(self.offset, self.f.fileno())

    def finish(self) -> None:
        """Not fsynced here: `promote` links the file first and then fsyncs it (the bytes of a finished
        upload are acknowledged only by the attach that follows, so a crash before it loses nothing said)."""
        if self.direct is not None:
            self.direct.seal()
        else:
            self.f.flush()
        self.offset = self._end()

    def _end(self) -> int:
        return self.direct.end if self.direct is not None else self.f.tell()

    def read(self) -> Iterator[bytes]:
        return FileBlob(self.path, self.offset).chunks()

    def head(self, size: int) -> bytes:
        self.f.seek(0)
        head = self.f.read(size)
        self.f.seek(self.offset)
        return head

    def close(self) -> None:
        if self.direct is not None:
            self.direct.close()
        self.f.close()


def _open_locked(path: Path, offset: int) -> IO[bytes]:
    """The part file, made when a first write finds none, locked for this writer. A part that start-up cleaning
    removed between its opening and its lock is made anew when it held nothing acknowledged; else it is lost."""
    while True:
        try:
            f: IO[bytes] = open(path, "r+b")  # noqa: SIM115 - closed by FilePart.close()
        except FileNotFoundError:
            if offset:
                raise PartLost() from None
            make_dirs(path.parent)
            f = open(path, "w+b")  # noqa: SIM115
        if fcntl is None:
            return f
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)  # a cleaner holds it for an unlink at most
        if os.fstat(f.fileno()).st_nlink:
            return f
        f.close()  # removed meanwhile: its name is free again


FAN_OUT = [f"{n:02x}" for n in range(256)]  # a blob's folder: the first two hex digits of its SHA-256


def make_fan_out(media_dir: Path) -> None:
    """Every blob folder (`00` … `ff`), made durable by one fsync of `media_dir` (at every start: folders made
    by a process that died before its fsync are made durable too; with nothing to write it costs nothing). `ff`,
    made last, stands for them all; one missing anyway is made on a photo's way (`make_dirs`)."""
    if not (media_dir / FAN_OUT[-1]).is_dir():
        for name in FAN_OUT:
            (media_dir / name).mkdir(exist_ok=True)
    fsync_dir(media_dir)


class FileMediaStore(MediaStore):
    name = "files"
    locks_parts = fcntl is not None
    discards_locally = True

    def __init__(self, data_dir: Path, media_dir: Path | None = None):
        self.media_dir = media_dir or data_dir / "media"  # another folder: `migrate --media-to DIR`
        self.uploads_dir = data_dir / "uploads"
        if not data_dir.is_dir():  # its user's alone: the photos (made by SQLite's `Database` else)
            data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        make_dirs(self.media_dir)
        make_fan_out(self.media_dir)

    def blob_path(self, sha256: str) -> Path:
        return self.media_dir / sha256[:2] / sha256

    def part_path(self, upload_id: str) -> Path:
        return self.uploads_dir / f"{upload_id}.part"

    def local_dirs(self) -> list[Path]:
        """An upload fills its part file, then its blob (a hard link on one disk, a copy across two)."""
        return [self.uploads_dir, self.media_dir]

    # -- photos ----------------------------------------------------------------------------------------------
    def put_blob(self, sha256: str, data: bytes) -> None:
        write_durably(self.blob_path(sha256), data, uncache=True)

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
    def open_part(self, upload_id: str, offset: int, claim: Claim | None = None) -> Part:
        return FilePart(self.part_path(upload_id), offset)

    def promote(self, upload_id: str, sha256: str) -> None:
        """A hard link from the part file, THEN the file's fsync and its folder's (a file system without hard
        links gets a copy). Linked first: on a journaling file system (ext4, XFS) the data's fsync commits
        the new name in the same journal commit, so the folder's fsync finds nothing left to write (issue
        16: two journal commits a photo became one); it still makes the name durable where that is not so.
        A blob already there (the same bytes) is fsynced too: another attach may still be between its link
        and its fsync."""
        path, source = self.blob_path(sha256), self.part_path(upload_id)
        make_dirs(path.parent)
        try:
            os.link(source, path)
        except FileExistsError:
            pass
        except OSError:  # no hard links here (or the part went, its blob made by an earlier attempt)
            if not path.exists():
                write_durably(path, source.read_bytes(), uncache=True)
                return
        fsync_file(path, uncache=True)
        fsync_dir(path.parent)

    def discard(self, upload_id: str) -> None:
        self.part_path(upload_id).unlink(missing_ok=True)

    def discard_leftover(self, upload_id: str) -> bool:
        path = self.part_path(upload_id)
        try:
            f = open(path, "rb")  # noqa: SIM115 - closed below, the lock with it
        except FileNotFoundError:
            return False
        with f:
            if fcntl is not None:
                try:
                    fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:  # a request in some process is writing it
                    return False
            path.unlink(missing_ok=True)
            return True

    def part_ids(self) -> list[str]:
        if not self.uploads_dir.is_dir():
            return []
        return [path.stem for path in self.uploads_dir.glob("*.part")]
