"""Appending to a file around the page cache (Linux `O_DIRECT`): an upload's part file (`files.FilePart`).

Why (issue 16): written through the page cache, a photo's 2 MB took pages the kernel then had to track,
write back and (`POSIX_FADV_DONTNEED`) drop again, and on a VM whose host backs memory as first touched a
fresh page cost more than the copy into it. Written directly, the bytes go from one staging buffer, reused
by every part, to the disk: 50 files of 2 MB with their fsyncs took 24–26 ms of CPU against 46–50 ms
through the cache (`bench/part_writes.py`).

`O_DIRECT` wants whole, aligned blocks: the bytes are gathered in a page-aligned staging buffer and its
whole blocks written as it fills; the last, partial block stays staged, and is written padded (then the
file cut to its real length) only when the bytes must be on disk (`sync`, `seal`). It is written again,
filled further, by the next flush; a part reopened at an offset inside a block reads that block's start
back into the buffer first. Where `O_DIRECT` is refused (no such flag, a file system without it: tmpfs)
`DirectAppender.open` answers None and the part writes through the page cache as before; a file system
that takes the flag but then refuses a write (EINVAL: it wants a larger alignment) has it cleared from the
descriptor, and the same writes go through the page cache.
"""

from __future__ import annotations

import errno
import mmap
import os

try:
    import fcntl
except ImportError:  # Windows: no O_DIRECT either
    fcntl = None  # type: ignore[assignment]

BLOCK = 4096  # the alignment every Linux file system and disk accepts for O_DIRECT (a 512-byte one too)
STAGE_BYTES = 1 << 20  # the bytes gathered before the whole blocks among them are written
_O_DIRECT = getattr(os, "O_DIRECT", 0)
_stages: list[mmap.mmap] = []  # staging buffers of closed parts, reused (their pages touched once)
STAGES_KEPT = 4  # as many as photos usually arrive at once (the executor sends 3)


class DirectAppender:
    """Appends to the file open at `fd` (O_DIRECT) from `start`, the bytes before it already in the file."""

    def __init__(self, fd: int, start: int, head_of_block: bytes):
        self.fd = fd
        self.base = start - len(head_of_block)  # the file offset of the staging buffer's first byte: aligned
        self.stage = _stages.pop() if _stages else mmap.mmap(-1, STAGE_BYTES)
        self.view = memoryview(self.stage)
        self.filled = len(head_of_block)  # bytes staged, not yet all on disk
        self.view[: self.filled] = head_of_block

    @classmethod
    def open(cls, path: os.PathLike, start: int, read_back: int) -> DirectAppender | None:
        """An appender for `path` at `start`, or None where O_DIRECT is refused. `read_back`: a descriptor of
        the same file to read the start of `start`'s block from."""
        if not _O_DIRECT:
            return None
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC | _O_DIRECT)
        except OSError:  # EINVAL: the file system does not take O_DIRECT
            return None
        try:
            into_block = start % BLOCK
            head = os.pread(read_back, into_block, start - into_block) if into_block else b""
            return cls(fd, start, head)
        except BaseException:
            os.close(fd)
            raise

    @property
    def end(self) -> int:
        return self.base + self.filled

    def append(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            data = memoryview(piece)
            while data:
                room = STAGE_BYTES - self.filled
                taken = data[:room]
                self.view[self.filled : self.filled + len(taken)] = taken
                self.filled += len(taken)
                data = data[room:]
                if self.filled == STAGE_BYTES:
                    self._write_whole_blocks()

    def seal(self) -> None:
        """Every byte appended in the file (not yet durable: an fsync of the file follows), its length exact."""
        self._write_whole_blocks()
        if self.filled:  # the last partial block, padded with zeros, then the padding cut off
            self.view[self.filled : BLOCK] = bytes(BLOCK - self.filled)
            self._pwrite(self.view[:BLOCK], self.base)
        os.ftruncate(self.fd, self.end)

    def sync(self) -> None:
        """Every byte appended durable."""
        self.seal()
        os.fsync(self.fd)

    def reset(self, start: int, read_back: int) -> None:
        """Back to `start` (bytes after it forgotten: the file is cut there by the caller)."""
        into_block = start % BLOCK
        self.base = start - into_block
        self.filled = into_block
        if into_block:
            self.view[:into_block] = os.pread(read_back, into_block, self.base)

    def close(self) -> None:
        os.close(self.fd)
        self.view.release()
        if len(_stages) < STAGES_KEPT:
            _stages.append(self.stage)
        else:
            self.stage.close()

    def _write_whole_blocks(self) -> None:
        whole = self.filled - self.filled % BLOCK
        if not whole:
            return
        self._pwrite(self.view[:whole], self.base)
        left = self.filled - whole
        self.stage.move(0, whole, left)  # the partial block to the front: written with the next ones
        self.base += whole
        self.filled = left

    def _pwrite(self, data: memoryview, offset: int) -> None:
        while data:
            try:
                written = os.pwrite(self.fd, data, offset)
            except OSError as exc:
                if exc.errno != errno.EINVAL or not self._through_cache():
                    raise
                continue
            data, offset = data[written:], offset + written

    def _through_cache(self) -> bool:
        """O_DIRECT cleared from the descriptor (a write it refused); False when it was not set."""
        flags = fcntl.fcntl(self.fd, fcntl.F_GETFL) if fcntl is not None else 0
        if not flags & _O_DIRECT:
            return False
        fcntl.fcntl(self.fd, fcntl.F_SETFL, flags & ~_O_DIRECT)
        return True
