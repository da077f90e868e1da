"""An upload's part file written around the page cache (`server.media.direct`, issue 16), at the files store:
the bytes exact whatever the pieces' sizes and the offsets commits and reopenings fall on, the file's length
exact at every commit (the padding of the last block cut off), and the page cache untouched where the file
system takes O_DIRECT; where it does not, or refuses a write, the same bytes through the page cache."""

from __future__ import annotations

import errno
import fcntl
import os
import secrets

import pytest

from server.media import direct
from server.media.files import FileMediaStore
from tests.server.test_media_stores import cached_pages, read_all, sha


def takes_o_direct(folder) -> bool:
    """Whether the file system under `folder` opens files with O_DIRECT (asked of it, not of the code)."""
    probe = folder / "probe"
    probe.write_bytes(b"")
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_DIRECT))
        return True
    except OSError:
        return False
    finally:
        probe.unlink()


def pieces_of(data: bytes, sizes: list[int]) -> list[bytes]:
    """`data` cut in pieces of the given sizes, in turn (the network's arbitrary message sizes)."""
    out, start, turn = [], 0, 0
    while start < len(data):
        size = sizes[turn % len(sizes)]
        out.append(data[start : start + size])
        start, turn = start + size, turn + 1
    return out


def test_a_part_is_written_around_the_page_cache_where_the_file_system_takes_o_direct(tmp_path):
    store = FileMediaStore(tmp_path)
    data = os.urandom(2 * direct.STAGE_BYTES + 12_345)  # the staging buffer fills twice, then a partial block
    upload_id = "upl_" + secrets.token_hex(16)
    part = store.open_part(upload_id, 0)
    try:
        part.append(pieces_of(data, [256_000, 3, 65_536, 100_001]))
        part.finish()
        path = store.part_path(upload_id)
        assert os.path.getsize(path) == len(data) == part.offset
        if takes_o_direct(tmp_path):
            assert part.direct is not None
            assert cached_pages(path) == 0  # not a page of it went through the cache
        else:
            assert part.direct is None
        assert part.head(10) == data[:10]
        store.promote(upload_id, sha(data))
    finally:
        part.close()
    assert read_all(store, sha(data))[0] == data


def test_commits_and_reopenings_inside_a_block_keep_every_byte_and_the_exact_length(tmp_path):
    store = FileMediaStore(tmp_path)
    data = os.urandom(3 * direct.BLOCK * 100 + 777)
    cuts = [1, direct.BLOCK - 1, direct.BLOCK, 5 * direct.BLOCK + 17, 300_001, len(data)]
    upload_id = "upl_" + secrets.token_hex(16)
    acknowledged = 0
    for cut in cuts:  # each PATCH a part opened afresh at the acknowledged offset, committing once
        part = store.open_part(upload_id, acknowledged)
        try:
            part.append([b"dropped by the rollback" * 300])  # a chunk whose checksum fails
            part.rollback()
            part.append(pieces_of(data[acknowledged:cut], [999, 4096, 70_000]))
            part.commit()
            assert part.offset == cut == os.path.getsize(store.part_path(upload_id))
        finally:
            part.close()
        acknowledged = cut
    with open(store.part_path(upload_id), "rb") as f:
        assert f.read() == data


def test_a_staging_buffer_used_before_leaves_none_of_its_bytes_in_the_next_part(tmp_path):
    store = FileMediaStore(tmp_path)
    first, second = "upl_" + secrets.token_hex(16), "upl_" + secrets.token_hex(16)
    part = store.open_part(first, 0)
    part.append([b"\xff" * 50_000])
    part.commit()
    part.close()  # its staging buffer goes back for the next part
    part = store.open_part(second, 0)
    part.append([b"tiny"])
    part.commit()
    part.close()
    path = store.part_path(second)
    assert path.read_bytes() == b"tiny"
    with open(path, "rb") as f:  # the padded block is cut: nothing of the buffer's last user past the end
        f.seek(0, os.SEEK_END)
        assert f.tell() == 4


def test_without_o_direct_the_part_writes_the_same_bytes_through_the_page_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(direct, "_O_DIRECT", 0)  # a platform without the flag (macOS, Windows)
    store = FileMediaStore(tmp_path)
    data = os.urandom(1_000_003)
    upload_id = "upl_" + secrets.token_hex(16)
    part = store.open_part(upload_id, 0)
    try:
        assert part.direct is None
        part.append(pieces_of(data, [123_457]))
        part.commit()
        assert part.offset == len(data)
        assert cached_pages(store.part_path(upload_id)) > 0  # the usual way: through the cache
    finally:
        part.close()
    assert store.part_path(upload_id).read_bytes() == data


def test_a_write_refused_with_o_direct_goes_through_the_page_cache_instead(tmp_path, monkeypatch):
    """A file system that opens with O_DIRECT but wants another alignment refuses the write (EINVAL): the
    flag is cleared from the descriptor and the same write made again; nothing is lost or doubled."""
    if not takes_o_direct(tmp_path):
        pytest.fail(f"this test needs a file system that takes O_DIRECT under {tmp_path}")
    real_pwrite = os.pwrite
    refused: list[int] = []

    def pwrite(fd: int, data, offset: int) -> int:
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_DIRECT:
            refused.append(offset)
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_pwrite(fd, data, offset)

    monkeypatch.setattr(os, "pwrite", pwrite)
    store = FileMediaStore(tmp_path)
    data = os.urandom(direct.STAGE_BYTES + 5_000)
    upload_id = "upl_" + secrets.token_hex(16)
    part = store.open_part(upload_id, 0)
    try:
        part.append(pieces_of(data, [200_000]))
        part.commit()
        assert refused == [0]  # refused once, then the descriptor writes through the cache
        assert part.offset == len(data)
    finally:
        part.close()
    assert store.part_path(upload_id).read_bytes() == data
