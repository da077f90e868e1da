"""The C allocator, tuned for processes that move photos: the server that receives them and the desktop's
sync engine that reads and sends them (issue 16).

A request body reaches the app in pieces of up to 256 KiB, each a fresh `bytes`. glibc's malloc serves
blocks that big with `mmap` and gives them back with `munmap` when they are freed (or, past its adaptive
threshold, trims the heap top that held them): every piece of every photo lands in pages the process has
just been given, and each 4 KiB page of them costs a page fault, on a virtual machine also the host's. On
this 2-core VM 100 MB of such pieces took 8× longer to make that way than in memory malloc had kept
(39 ms vs 5 ms, bench/body_pieces.py), and the photo path gained ~4–7% with the pages kept
(bench/photo_sync_ab.py). So blocks under `MMAP_BELOW` come from malloc's heaps, and a heap
keeps up to `KEEP_FREE` of freed memory at its top for the next body instead of returning it at once:
bounded, not growing (what a heap holds beyond that still goes back to the system). The sync engine's
process is the other end: each photo it reads from disk and hands to the socket is a 2 MB block too.

Imports nothing of the server: the desktop calls it as well (pyproject.toml's import contracts).

glibc only (`mallopt`); elsewhere (macOS, Windows, musl) nothing changes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_TRIM_THRESHOLD = -1  # glibc's malloc.h
M_MMAP_THRESHOLD = -3
MMAP_BELOW = 4 << 20  # larger than any piece of a body, and than a photo joined from its pieces
KEEP_FREE = 8 << 20  # freed memory a heap keeps at its top (a few photos' worth, per heap)


def keep_freed_pages() -> bool:
    """Tune malloc as above; whether it applied (False where the C library has no `mallopt`)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_BELOW)) and bool(mallopt(M_TRIM_THRESHOLD, KEEP_FREE))
