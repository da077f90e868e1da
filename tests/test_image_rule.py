"""What an image is, one rule on both sides (issue 14): a table of real file headers, the media type each
is (or None: refused), and the proof that the shared domain function, the server's HTTP answer and the
desktop's offline store all agree, so an executor is never told a photo is saved that the server refuses."""

from __future__ import annotations

import os

import pytest

from rundun_desktop.executor import store as desktop_store
from server import tdl
from server.services import photos as server_photos
from tests.support.executor import Executor


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    """An ISO BMFF `ftyp` box as cameras write it: size, 'ftyp', major brand, minor version, brands."""
    body = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return (8 + len(body)).to_bytes(4, "big") + b"ftyp" + body + b"\x00\x00\x00\x24meta"


HEADERS = {
    "jpeg-jfif": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", "image/jpeg"),
    "jpeg-exif": (b"\xff\xd8\xff\xe1\x2f\xfeExif\x00\x00MM\x00*", "image/jpeg"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06", "image/png"),
    "webp-lossy": (b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00", "image/webp"),
    "webp-lossless": (b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00", "image/webp"),
    "heic-iphone": (ftyp(b"heic", b"mif1", b"heic"), "image/heic"),
    "heic-iphone-15": (
        ftyp(b"heic", b"mif1", b"MiHB", b"MiHE", b"MiPr", b"miaf", b"heic", b"tmap"),
        "image/heic",
    ),
    "heic-samsung-mif1": (ftyp(b"mif1", b"mif1", b"heic", b"miaf"), "image/heic"),
    "heix-10-bit": (ftyp(b"heix", b"mif1", b"heix"), "image/heic"),
    "hevc-sequence": (ftyp(b"hevc", b"msf1", b"hevc"), "image/heic"),
    "hevm-multi-image": (ftyp(b"hevm", b"msf1", b"hevm"), "image/heic"),
    "heif-mif1": (ftyp(b"mif1", b"mif1", b"miaf"), "image/heif"),
    "heif-msf1": (ftyp(b"msf1", b"msf1", b"iso8"), "image/heif"),
    "avif": (ftyp(b"avif", b"avif", b"mif1", b"miaf", b"MA1B"), None),
    "avif-in-mif1": (ftyp(b"mif1", b"mif1", b"avif", b"miaf", b"MA1B"), None),
    "avif-sequence": (ftyp(b"avis", b"avis", b"msf1", b"miaf"), None),
    "mp4-video": (ftyp(b"isom", b"isom", b"iso2", b"avc1", b"mp41"), None),
    "gif89a": (b"GIF89a\x10\x00\x10\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!", None),
    "gif87a": (b"GIF87a\x10\x00\x10\x00\x80\x00\x00", None),
    "svg": (b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', None),
    "svg-bare": (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>', None),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", None),
    "text": (b"hello world, this is not a picture", None),
    "truncated-jpeg": (b"\xff\xd8", None),
    "empty": (b"", None),
}
CASES = [pytest.param(data, expected, id=name) for name, (data, expected) in HEADERS.items()]


def image(header: bytes) -> bytes:
    """The header followed by some body, as a file would be (empty stays empty). Its first byte is 0: random
    from the first, the body made the truncated JPEG's `ff d8` a whole signature one run in 256."""
    return header + b"\x00" + os.urandom(511) if header else b""


@pytest.mark.parametrize(("header", "expected"), CASES)
def test_the_domain_rule_names_each_real_header(header, expected):
    assert tdl.sniff_image(image(header)) == expected


@pytest.mark.parametrize(("header", "expected"), CASES)
def test_server_and_desktop_apply_the_same_rule(header, expected):
    data = image(header)
    assert server_photos.sniff(data[: server_photos.HEAD_BYTES]) == expected
    assert desktop_store.sniff_image(data[: tdl.IMAGE_HEAD_BYTES]) == expected


@pytest.mark.parametrize(("header", "expected"), CASES)
def test_the_desktop_refuses_at_add_time_what_the_server_refuses(api, tmp_path, header, expected):
    data = image(header)
    answer = Executor.start(api).photo("s-photo", 0, data)
    if expected is None:
        assert answer.status_code == 415 and answer.json()["error"] == "unsupported_media_type"
        with pytest.raises(desktop_store.StoreError, match="not a JPEG, PNG, WebP, HEIC or HEIF"):
            desktop_store.write_photo(tmp_path, data)
        assert not (tmp_path / "photos").exists()  # nothing stored
    else:
        assert answer.status_code == 200, answer.text
        stored = desktop_store.write_photo(tmp_path, data)
        assert stored.content_type == expected
        assert answer.json()["url"].split("?")[0].endswith("." + stored.file.rsplit(".", 1)[1])
