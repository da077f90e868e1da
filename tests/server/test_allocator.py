"""The server's malloc tuning (`server.allocator`, issue 16): a body's pieces reuse memory malloc kept rather
than fresh pages. Counted in page faults, which do not depend on the machine's load: each side in a process
of its own, since the tuning is process-wide."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FAULTS = """
import resource, sys
sys.path.insert(0, {root!r})
from bench.body_pieces import make_pieces
if {tuned}:
    from server.allocator import keep_freed_pages
    assert keep_freed_pages()
make_pieces(2)  # warm: the first pieces fault in whatever malloc keeps
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
make_pieces(32)
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(tuned: bool) -> int:
    code = FAULTS.format(root=str(ROOT), tuned=tuned)
    return int(
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt: Linux only")
def test_body_pieces_reuse_kept_memory_instead_of_faulting_in_fresh_pages():
    plain, tuned = _faults(False), _faults(True)
    pages = 2 * (32 << 20) // 4096  # two 256 KiB blocks a piece, each of fresh pages without the tuning
    assert plain > pages // 2, plain  # what the tuning is for: as it comes, malloc faults most pages in
    assert tuned < pages // 20, tuned


ENGINE_FAULTS = """
import os, resource, sys, tempfile
sys.path.insert(0, {root!r})
from rundun_desktop.executor.sync import SyncEngine, read_chunk
engine = SyncEngine(tempfile.mkdtemp())  # the process that reads and sends the photos
photo = os.path.join(tempfile.mkdtemp(), "photo.jpg")
with open(photo, "wb") as f:
    f.write(os.urandom(2 << 20))

def send_one():
    data = read_chunk(photo, 0, 8 << 20)  # as the engine reads a photo: up to a chunk, 8 MB
    unsent = bytearray(data[65536:])  # what an asyncio transport keeps of a write the socket did not take
    del data, unsent

send_one()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(16):
    send_one()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
engine.store.close_sync()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt: Linux only")
def test_the_sync_engine_reads_and_sends_photos_in_memory_it_keeps():
    out = subprocess.run(
        [sys.executable, "-c", ENGINE_FAULTS.format(root=str(ROOT))],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = 16 * 2 * (2 << 20) // 4096  # two 2 MB blocks a photo
    assert int(out.split()[-1]) < pages // 20
